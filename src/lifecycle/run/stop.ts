import * as core from '@actions/core'
import type { CodeOceanClient } from '../../codeocean/client.js'
import type { Computation } from '../../codeocean/models/computation.js'
import { STOP_MEANS_DELETE } from '../../codeocean/rules.js'
import { errorMessage } from '../../errors.js'
import { formatDuration } from '../../format.js'
import type { StepSettings } from '../../inputs/settings.js'
import { describeRun } from '../../report/describe.js'
import { inline } from '../../untrusted.js'
import type { Interruption } from '../interruption.js'
import { failStep, setStatus, type Step } from '../step.js'
import { settleRun } from './backstop.js'
import { releaseRefusalReason } from './release-runs.js'

/**
 * A stop must be confirmed well within the runner's 7.5 s between SIGINT and SIGTERM,
 * with time left for the summary: two attempts of at most 1.5 s each, all within 4 s,
 * so a pause the server asks for (Retry-After) is waited for only when it fits. A stop
 * after the wait-timeout has no such hurry and gets the client's ordinary retries.
 */
const STOP_ON_CANCEL = { timeoutMs: 1_500, retries: 1, budgetMs: 4_000 }

/** Stops the run when the inputs ask for it; says what became of the run. */
async function stopIfAsked(
  why: Interruption,
  client: CodeOceanClient,
  run: Computation,
  settings: StepSettings
): Promise<string> {
  const stop = why === 'cancel' ? settings.stopOnCancel : settings.stopOnTimeout
  if (!stop) {
    settleRun()
    const choice = why === 'cancel' ? settings.stopChoices.cancel : settings.stopChoices.timeout
    if (choice === 'hand-over') {
      return 'The run was left running: stop-on-timeout: hand-over hands it to a settle step through its check run, and this step has none (see the warnings).'
    }
    // `auto` got here only for a followed run: say why, and how to stop one.
    return choice === 'auto'
      ? `The run was left running: this step did not start it (stop-on-${why}: auto stops only runs the step started; set it to true to stop followed runs too).`
      : `The run was left running (stop-on-${why}: false).`
  }
  try {
    await client.computations.delete(run.id, why === 'cancel' ? STOP_ON_CANCEL : {})
    settleRun()
    return `The run was stopped (${STOP_MEANS_DELETE}).`
  } catch (error) {
    // After a cancel the post step tries again; after a timeout nobody would.
    if (why === 'timeout') settleRun()
    // A release version's run: only an admin may stop it; say so plainly.
    const release = releaseRefusalReason(error, run, settings.run?.version)
    return (
      `The run could not be stopped: ${inline(errorMessage(error).split('\n')[0])}${release ? ` ${release}` : ''}` +
      (why === 'cancel' ? ' The post step will try again.' : ' It may still be running in Code Ocean.')
    )
  }
}

/**
 * `stop-on-timeout: hand-over` at the wait-timeout: the run is left running, the post
 * step leaves it alone, and the step ends as `started` (as `wait: false` does) without
 * failing; its check run stays in progress (closeCheckRun) until a settle step completes it.
 */
function handOver(run: Computation, settings: StepSettings, step: Step): void {
  settleRun()
  setStatus(step, 'started')
  step.handedOver = true
  const line =
    `Handed Code Ocean run ${describeRun(run)} (last state: ${inline(run.state || 'unknown')}) over to a settle step ` +
    `after ${formatDuration(settings.waitTimeoutMinutes * 60_000)} (wait-timeout: ${settings.waitTimeoutMinutes} min, ` +
    'stop-on-timeout: hand-over): the run was left running, and its check run stays in progress until a settle step ' +
    '(settle: true) completes it.'
  step.summary.notes.push(line)
  core.notice(step.redact(line))
}

/**
 * Ends a wait cut short by a cancel or the wait-timeout: hands the run over to a settle
 * step when asked and it has a check run; otherwise stops the run if asked, and fails the
 * step saying what happened.
 */
export async function endEarly(
  why: Interruption,
  client: CodeOceanClient,
  run: Computation,
  settings: StepSettings,
  step: Step
): Promise<void> {
  if (why === 'timeout' && settings.handOverOnTimeout && step.check !== undefined) {
    handOver(run, settings, step)
    return
  }
  setStatus(step, why === 'cancel' ? 'cancelled' : 'timed-out')
  const fate = await stopIfAsked(why, client, run, settings)
  const subject = `Code Ocean run ${describeRun(run)} (last state: ${inline(run.state || 'unknown')})`
  failStep(
    step,
    why === 'cancel'
      ? `The workflow was cancelled while waiting for ${subject}. ${fate}`
      : `Timed out after ${formatDuration(settings.waitTimeoutMinutes * 60_000)} (wait-timeout: ${settings.waitTimeoutMinutes} min) waiting for ${subject}. ${fate}`
  )
}
