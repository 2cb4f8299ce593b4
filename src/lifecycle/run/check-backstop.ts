import * as core from '@actions/core'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { capText } from '../../caps.js'
import { State } from '../../names.js'
import { inline } from '../../untrusted.js'

/**
 * What the main step hands the post step about its check run (`check-run`): the id of a
 * check run it made and still answers for, so that a post step after a killed main step
 * completes it as cancelled. As for the run (backstop.ts), it goes two ways and the post
 * step acts only when both agree: the state, which a `::save-state` line printed during
 * the step could add to, and a record file of the step's own under RUNNER_TEMP. So the
 * post step only ever touches the check run this step recorded, never one named by
 * anything else; and the run it names on that check (the Code Ocean run's id) comes from
 * the record too, never from state.
 */
interface CheckRecord {
  id: number
  /** The Code Ocean run the check stands for. */
  runId: string
  open: boolean
}

function recordFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { RUNNER_TEMP: temp, GITHUB_ACTION: step } = env
  if (!temp || !step) return undefined
  return join(temp, 'codeocean-run-action', `check-${encodeURIComponent(step)}.json`)
}

function record(check: CheckRecord): void {
  const file = recordFile()
  if (!file) return
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(check))
}

function readRecord(): CheckRecord | undefined {
  const file = recordFile()
  if (!file) return undefined
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CheckRecord>
    return typeof parsed.id === 'number' && typeof parsed.runId === 'string' && typeof parsed.open === 'boolean'
      ? { id: parsed.id, runId: parsed.runId, open: parsed.open }
      : undefined
  } catch {
    return undefined
  }
}

/** The step made check run `id`, for Code Ocean run `runId`, and answers for it until settleCheck. */
export function recordCheck(id: number, runId: string): void {
  // The record first: state without a record is ignored.
  record({ id, runId, open: true })
  core.saveState(State.CheckRunId, String(id))
}

/** The check run is completed, or left in progress on purpose (`wait: false`): the post step leaves it alone. */
export function settleCheck(id: number, runId: string): void {
  core.saveState(State.CheckRunId, '')
  record({ id, runId, open: false })
}

/** For the post step: the check run the main step left open as it ended, and its run, when state and record agree. */
export function checkLeftOpen(): { id: number; runId: string } | undefined {
  const stated = core.getState(State.CheckRunId)
  if (!stated) return undefined
  const recorded = readRecord()
  if (!recorded || String(recorded.id) !== stated) {
    core.warning(
      `The post step was asked to complete check run ${inline(capText(stated, 100))}, but the main step ` +
        (recorded ? `made check run ${recorded.id}` : 'left no record of making it') +
        '; it completes nothing.'
    )
    return undefined
  }
  return recorded.open ? { id: recorded.id, runId: recorded.runId } : undefined
}
