import * as core from '@actions/core'
import type { Computation } from '../../codeocean/models/computation.js'
import type { StepSettings } from '../../inputs/settings.js'
import { checkHeadSha, createCheckRunBody } from '../../report/checks/check-run.js'
import { runBeganAt } from '../polling/wait.js'
import type { Step } from '../step.js'
import { recordCheck } from './check-backstop.js'
import { CHECK_CALL_MS, checkRunsFor } from './check-run.js'

/**
 * With `check-run`: makes the check run for `run`, in progress, on the commit the workflow
 * ran for, as soon as the run's id is known, and records it for the post step. Nothing
 * when not asked, after a cancel, or when GitHub refuses (a warning).
 */
export async function openCheckRun(
  run: Computation,
  settings: StepSettings,
  step: Step,
  cancel: AbortSignal,
  env = process.env
): Promise<void> {
  if (settings.checkToken === undefined || cancel.aborted) return
  const headSha = checkHeadSha(env)
  if (headSha === undefined) {
    core.warning('Could not make a check run: the workflow names no commit (GITHUB_SHA). The step goes on.')
    return
  }
  const checks = checkRunsFor(settings.checkToken, step.redact, env)
  const target = settings.run?.target
  const body = createCheckRunBody({
    // The run's name may hold a secret the summary scrubs: so does the check's name, seen by all who read the repository.
    runName: step.redact(run.name ?? run.id),
    runId: run.id,
    headSha,
    startedAt: runBeganAt(run) ?? Date.now(),
    detailsUrl: step.summary.workflowRun,
    // A followed run does not say what it runs: its check carries no external_id.
    identity: target ? { kind: target.kind, target: target.id, run: run.id } : undefined
  })
  const id = await checks.create(body, AbortSignal.any([cancel, AbortSignal.timeout(CHECK_CALL_MS)]))
  if (id === undefined) return
  recordCheck(id, run.id)
  step.check = { id, runId: run.id, checks, settleWorkflow: settings.settleWorkflow }
  core.info(`Made check run ${id} on commit ${headSha}.`)
}
