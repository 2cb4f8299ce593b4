import * as core from '@actions/core'
import { checkConclusion } from '../../report/checks/check-identity.js'
import { CheckRuns, completeCheckRunBody, leftRunningCheckRunBody } from '../../report/checks/check-run.js'
import { outcomeLine, renderReason } from '../../report/summary.js'
import { inline } from '../../untrusted.js'
import type { Step } from '../step.js'
import { settleCheck } from './check-backstop.js'

/** The longest a check call may take while the step goes on. */
export const CHECK_CALL_MS = 10_000
/**
 * After a cancel: the check is completed within what is left of the runner's 7.5 s to
 * SIGTERM once the stop (at most 4 s, stop.ts) is done; the pull request comment after it
 * is cut short at once.
 */
const CHECK_CALL_AFTER_CANCEL_MS = 2_000

/** The step's Checks API calls, each failure a warning kept to one line and scrubbed. */
export function checkRunsFor(token: string, redact: (text: string) => string, env = process.env): CheckRuns {
  return new CheckRuns({
    token,
    repository: env.GITHUB_REPOSITORY ?? '',
    warn: (message) => core.warning(inline(redact(message)))
  })
}

/** Turns on the check's settle workflow, if it names one, and says so when that worked. */
async function wakeSettle(check: NonNullable<Step['check']>, cancelled: boolean): Promise<void> {
  if (!check.settleWorkflow) return
  const signal = AbortSignal.timeout(cancelled ? CHECK_CALL_AFTER_CANCEL_MS : CHECK_CALL_MS)
  if (await check.checks.wakeWorkflow(check.settleWorkflow, signal)) {
    core.info(`Turned on the settle workflow ${check.settleWorkflow}: its schedule settles check run ${check.id}.`)
  }
}

/**
 * At the step's end: completes the check run with the outcome, the job summary
 * (`markdown`) and the reason, or, with `wait: false`, leaves it in progress saying the
 * run is settled later. Either way the post step then leaves it alone.
 */
export async function closeCheckRun(step: Step, markdown: string, cancelled: boolean): Promise<void> {
  const check = step.check
  if (!check) return
  const signal = AbortSignal.timeout(cancelled ? CHECK_CALL_AFTER_CANCEL_MS : CHECK_CALL_MS)
  const status = step.summary.status ?? 'failed'
  const conclusion = checkConclusion(status)
  let settled = true
  try {
    if (conclusion === undefined) {
      await check.checks.update(
        check.id,
        leftRunningCheckRunBody(check.runId, markdown, step.handedOver === true),
        signal
      )
      // Left in progress even when that update failed or ran out of time: its settle
      // workflow must run, so the turn-on has a time limit of its own.
      await wakeSettle(check, cancelled)
      return
    }
    const text = status === 'succeeded' ? undefined : renderReason(step.summary, step.failure, step.redact)
    const body = completeCheckRunBody({
      conclusion,
      completedAt: Date.now(),
      title: outcomeLine(step.summary),
      summary: markdown,
      text
    })
    const done = await check.checks.update(check.id, body, signal)
    if (done) core.info(`Completed check run ${check.id}: ${conclusion}.`)
    // Refused, the check stays in progress: only a settle can complete it now.
    else if (!cancelled) await wakeSettle(check, cancelled)
    // Cut short by a cancel: the post step tries again.
    settled = done || !cancelled
  } finally {
    if (settled) settleCheck(check.id, check.runId)
    step.check = undefined
  }
}
