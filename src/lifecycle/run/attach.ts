import * as core from '@actions/core'
import type { CodeOceanClient } from '../../codeocean/client.js'
import { CodeOceanApiError } from '../../codeocean/errors.js'
import type { Computation } from '../../codeocean/models/computation.js'
import { formatDuration } from '../../format.js'
import type { FollowSettings } from '../../inputs/settings.js'
import { describeRun } from '../../report/describe.js'
import { inline } from '../../untrusted.js'
import { RunNotFoundError } from '../errors.js'
import type { Interrupter } from '../interruption.js'
import { runBeganAt } from '../polling/wait.js'
import { setStatus, type Step } from '../step.js'
import { watchRun } from './backstop.js'

/** How old the run is, for the log: "created 2h 5m ago", or nothing when unknown. */
function age(run: Computation): string {
  const began = runBeganAt(run)
  return began === undefined ? '' : `, created ${formatDuration(Date.now() - began)} ago`
}

/**
 * For `computation-id`: reads the run something else started and takes it up as if
 * this step had started it (outputs at once, the summary, the post step's backstop),
 * so that the wait, the judgement and the results all apply. A run that has already
 * finished is judged by the wait at once. The backstop only stops the run when
 * `stop-on-cancel` says so explicitly (`auto` resolved to false for a followed run).
 */
export async function attachToRun(
  client: CodeOceanClient,
  settings: FollowSettings,
  step: Step,
  interrupter: Interrupter
): Promise<Computation> {
  step.summary.followed = true
  let run: Computation
  try {
    run = await client.computations.get(settings.computationId, { signal: interrupter.signal })
  } catch (error) {
    if (interrupter.reason === 'cancel') {
      setStatus(step, 'cancelled')
    }
    if (error instanceof CodeOceanApiError && error.status === 404) {
      throw new RunNotFoundError(settings.computationId, error)
    }
    throw error
  }
  step.outputs.setComputation(run)
  step.summary.computation = run
  core.info(
    step.redact(
      `Following Code Ocean run ${describeRun(run)}, which this step did not start ` +
        `(state: ${inline(run.state || 'unknown')}${age(run)})`
    )
  )
  watchRun(run.id, settings.stopOnCancel)
  return run
}
