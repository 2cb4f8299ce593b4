import * as core from '@actions/core'
import { capText } from '../../caps.js'
import { State } from '../../names.js'
import { inline } from '../../untrusted.js'
import { stepRecord } from './step-record.js'

/**
 * What the main step hands the post step about its check run (`check-run`): the id of a
 * check run it made and still answers for, so that a post step after a killed main step
 * completes it as cancelled. Handed over as step-record.ts describes, so the post step
 * only ever touches the check run this step recorded, never one named by anything else;
 * and the run it names on that check (the Code Ocean run's id) comes from the record
 * too, never from state.
 */
interface CheckRecord {
  id: number
  /** The Code Ocean run the check stands for. */
  runId: string
  open: boolean
}

const checks = stepRecord<CheckRecord>('check', (parsed) =>
  typeof parsed.id === 'number' && typeof parsed.runId === 'string' && typeof parsed.open === 'boolean'
    ? { id: parsed.id, runId: parsed.runId, open: parsed.open }
    : undefined
)

/** The step made check run `id`, for Code Ocean run `runId`, and answers for it until settleCheck. */
export function recordCheck(id: number, runId: string): void {
  checks.hand({ id, runId, open: true }, { [State.CheckRunId]: String(id) })
}

/** The check run is completed, or left in progress on purpose (`wait: false`): the post step leaves it alone. */
export function settleCheck(id: number, runId: string): void {
  checks.settle({ [State.CheckRunId]: '' }, { id, runId, open: false })
}

/** For the post step: the check run the main step left open as it ended, and its run, when state and record agree. */
export function checkLeftOpen(): { id: number; runId: string } | undefined {
  const stated = core.getState(State.CheckRunId)
  if (!stated) return undefined
  const recorded = checks.agreeing(
    stated,
    (check) => String(check.id),
    (check) =>
      `The post step was asked to complete check run ${inline(capText(stated, 100))}, but the main step ` +
      (check ? `made check run ${check.id}` : 'left no record of making it') +
      '; it completes nothing.'
  )
  return recorded?.open ? { id: recorded.id, runId: recorded.runId } : undefined
}
