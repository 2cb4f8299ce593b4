import * as core from '@actions/core'
import { buildRunRequest } from '../../codeocean/models/run-request.js'
import type { StepSettings } from '../../inputs/settings.js'
import { parseBooleanInput } from '../../inputs/values.js'
import { Input } from '../../names.js'
import { commentOnPullRequest } from '../../report/pr-comment.js'
import { renderSummary, writeSummary } from '../../report/summary.js'
import type { Step } from '../step.js'
import { closeCheckRun } from './check-run.js'

/** Whether to write the job summary. Only the `summary` input decides: a bad value elsewhere still gets one. */
function summaryWanted(): boolean {
  try {
    return parseBooleanInput(Input.Summary, core.getInput(Input.Summary) || 'true')
  } catch {
    // An invalid `summary` value is reported with the other input errors.
    return true
  }
}

/**
 * The step's last phase, on every path: every output gets a value, then the job
 * summary, the check run's end (`check-run`) and, when asked for, the pull request
 * comment, which a cancel (`signal`) cuts short.
 */
export async function finishStep(step: Step, settings: StepSettings | undefined, signal?: AbortSignal): Promise<void> {
  step.outputs.complete('failed')
  step.summary.endedAt = Date.now()
  const summary = summaryWanted()
  if (!summary && !settings?.commentToken && !step.check) return
  // One rendering serves the job summary, the check run and the pull request comment.
  const markdown = step.redact(renderSummary(step.summary, step.redact))
  if (summary) await writeSummary(markdown)
  // Before the comment, which a cancel cuts short at once: the check gets a short while of its own.
  await closeCheckRun(step, markdown, signal?.aborted === true)
  if (settings?.commentToken) {
    // One comment per target and request, or, for a followed run, per run.
    const target = settings.run
      ? { id: settings.run.target.id, request: buildRunRequest(settings.run) }
      : { id: settings.computationId, request: { computation_id: settings.computationId } }
    await commentOnPullRequest(markdown, settings.commentToken, target, step.redact, process.env, signal)
  }
}
