/**
 * `settle-workflow` in a settle step: once no check run of this action is left in
 * progress, the step turns its own workflow off, so that its schedule bills nothing while
 * nothing is pending; a step that leaves a check in progress turns it on again
 * (report/checks/workflow-switch.ts).
 *
 * The race it must not lose: a step opens a check and turns the workflow on just before
 * this step turns it off. So after turning it off the step looks once more, and turns it
 * back on when anything is pending. A check opened after that look is followed by its
 * own step's turn-on, which comes after this step's turn-off: either way the workflow
 * ends on while a check its step left in progress is pending. A check left in progress
 * otherwise (a `wait: true` step killed before it completed its check, a post step whose
 * cancel GitHub refused) turns nothing on: docs/checks.md says so.
 */
import type { WorkflowSwitch } from '../../report/checks/workflow-switch.js'

/** What the pause needs from the settle step, as functions so that the order can be tested alone. */
export interface PauseCalls {
  /** Turns this workflow on or off; throws GitHub's error. */
  switchTo: (to: WorkflowSwitch) => Promise<void>
  /** Whether any check run of this action is in progress now (the discovery query again); throws when unknown. */
  anyPending: () => Promise<boolean>
  /** A GitHub error in a few words, as outside text made safe. */
  reason: (error: unknown) => string
}

/** How the pause ended. */
export type PauseOutcome =
  | { kind: 'paused' }
  /** Not turned off: something is pending, the step failed, or GitHub refused (warning says why). */
  | { kind: 'running'; warning?: string }
  /** Turned off, then found a check pending and could not turn it back on: the step must fail. */
  | { kind: 'stranded'; failure: string }

/**
 * Turns the workflow `file` off when `idle` (the step settled every pending check of
 * ours, and the discovery was whole); looks again and turns it back on when a check is
 * pending by then, or when the second look fails (better a tick too many than a check
 * no schedule settles).
 */
export async function pauseWhenIdle(file: string, idle: boolean, calls: PauseCalls): Promise<PauseOutcome> {
  if (!idle) return { kind: 'running' }
  try {
    await calls.switchTo('off')
  } catch (error) {
    return {
      kind: 'running',
      warning: `Could not turn off this settle workflow (${file}) while nothing is pending: ${calls.reason(error)}. Its schedule goes on.`
    }
  }
  let pending: boolean
  // Set when the second look failed: then the workflow goes back on, with a warning.
  let lookFailed: string | undefined
  try {
    pending = await calls.anyPending()
  } catch (error) {
    pending = true
    lookFailed = `could not look again for pending check runs (${calls.reason(error)})`
  }
  if (!pending) return { kind: 'paused' }
  const why = lookFailed ?? 'a check run of this action was left in progress meanwhile'
  try {
    await calls.switchTo('on')
    return { kind: 'running', warning: lookFailed && `Kept this settle workflow on: ${lookFailed}.` }
  } catch (error) {
    return {
      kind: 'stranded',
      failure:
        `Turned off this settle workflow (${file}), then ${why}, and could not turn the workflow back on ` +
        `(${calls.reason(error)}): turn it on in the repository's Actions tab, or no schedule settles that check.`
    }
  }
}
