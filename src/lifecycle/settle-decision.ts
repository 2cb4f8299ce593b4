/**
 * What a settle step does with one pending check of ours, from one read of its Code Ocean
 * run: pure, so every case is a unit test. The orchestration (the query, the reads, the
 * updates) is lifecycle/run/settle.ts.
 */
import { capText } from '../caps.js'
import { isTerminal, type Computation } from '../codeocean/models/computation.js'
import { DAY_MS, formatDuration } from '../format.js'
import { checkConclusion, type CheckConclusion } from '../report/checks/check-identity.js'
import type { OurCheck } from '../report/checks/pending-checks.js'
import { code, text as markdownText } from '../report/markdown.js'
import type { Status } from '../report/outputs.js'
import { renderSummary } from '../report/summary.js'
import { judge } from './verdict.js'

/** One read of the check's run: the run, its absence (404: deleted, e.g. stopped), or another error. */
export type RunReading = { run: Computation } | { gone: true } | { error: string }

export type SettleDecision =
  | {
      action: 'complete'
      conclusion: CheckConclusion
      /** One line for the log. */
      done: string
      output: { title: string; summary: string; text?: string }
    }
  | {
      action: 'leave'
      /** One line for the log. */
      reason: string
      /** Set when the run could not be read: warned about once for this check. */
      warning?: string
    }

/** The check's summary: the job summary's rendering of the run, as a followed run's step writes it. */
function runSummary(
  run: Computation,
  status: Status,
  message: string | undefined,
  redact: (t: string) => string
): string {
  const notes = ['Completed by a later settle step, which read the run once.']
  // Each value is scrubbed as it is rendered; the body that sends it fits it to GitHub's limit.
  return renderSummary({ status, computation: run, message, notes }, redact)
}

/**
 * The decision for one check: an ended run completes it with the run's verdict; a run
 * still going leaves it, unless the check is older than `maxAgeDays` (then timed out); a
 * run Code Ocean no longer has completes it as cancelled; a run that could not be read
 * leaves it, with a warning.
 */
export function decideSettle(
  check: OurCheck,
  reading: RunReading,
  maxAgeDays: number,
  now: number,
  redact: (text: string) => string = (text) => text
): SettleDecision {
  const runId = check.identity.run
  if ('error' in reading) {
    return {
      action: 'leave',
      reason: 'left in progress: its run could not be read',
      warning: `Could not read Code Ocean run ${runId} for check '${check.name}'; it is left in progress for the next settle: ${reading.error}`
    }
  }
  if ('gone' in reading) {
    const message = `Code Ocean run ${runId} no longer exists (it was deleted, or stopped, which deletes a run).`
    return {
      action: 'complete',
      conclusion: 'cancelled',
      done: 'completed as cancelled: the run no longer exists',
      output: {
        title: 'Code Ocean run no longer exists',
        summary: `## 🚫 Code Ocean run no longer exists\n\nRun ${code(runId)}: ${message}\n`,
        text: markdownText(message)
      }
    }
  }
  const { run } = reading
  if (isTerminal(run.state)) {
    const verdict = judge(run)
    const conclusion = checkConclusion(verdict.status) ?? 'failure'
    const reason = verdict.succeeded ? undefined : redact(verdict.message)
    return {
      action: 'complete',
      conclusion,
      done: `completed as ${conclusion}: the run ${verdict.status === 'stopped' ? 'was stopped' : verdict.status}`,
      output: {
        title: `Code Ocean run ${verdict.status === 'stopped' ? 'was stopped' : verdict.status}`,
        // As for a followed run, the summary's line about the run gives the verdict: no message repeats it.
        summary: runSummary(run, verdict.status, undefined, redact),
        ...(reason ? { text: markdownText(reason) } : {})
      }
    }
  }
  // GitHub's time is outside data: one missing, or later than now, gives no age to time out by.
  const started = check.startedAt === undefined ? Number.NaN : Date.parse(check.startedAt)
  if (!Number.isFinite(started) || started > now) {
    return {
      action: 'leave',
      reason: `left in progress: the run is still ${run.state || 'going'}, and the check's start time is unknown`,
      warning: `Check run ${check.id} has no start time in the past (${capText(String(check.startedAt))}); it is never timed out by settle-max-age.`
    }
  }
  const age = now - started
  if (age <= maxAgeDays * DAY_MS) {
    return { action: 'leave', reason: `left in progress: the run is still ${run.state || 'going'}` }
  }
  const message =
    `The check has been in progress for ${formatDuration(age)}, longer than settle-max-age (${maxAgeDays} days), ` +
    `and Code Ocean run ${runId} is still ${run.state || 'going'}; the check is completed as timed out and the run is left as it is.`
  return {
    action: 'complete',
    conclusion: 'timed_out',
    done: `completed as timed_out: the run is still ${run.state || 'going'} after ${maxAgeDays} days`,
    output: {
      title: `Code Ocean run still going after ${maxAgeDays} days`,
      summary: runSummary(run, 'timed-out', redact(message), redact),
      text: markdownText(redact(message))
    }
  }
}
