import * as core from '@actions/core'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { State } from '../../names.js'
import { inline } from '../../untrusted.js'

/**
 * What the main step hands the post step: the run it looks after, and whether the
 * post step should stop it should this step die while waiting.
 *
 * It goes two ways, and the post step acts only when both agree. The state (GITHUB_STATE)
 * is what the runner gives the post step, but a `::save-state` line printed during the
 * step can add to it or respell its keys (the runner's keys are case-insensitive, the
 * first spelling wins). The record file is the step's own: under RUNNER_TEMP, named
 * after the step (GITHUB_ACTION), written by no one else.
 */
interface Watch {
  id: string
  watching: boolean
}

let current: Watch | undefined

/** The record file of this step, or undefined outside a runner. */
function recordFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { RUNNER_TEMP: temp, GITHUB_ACTION: step } = env
  if (!temp || !step) return undefined
  return join(temp, 'codeocean-run-action', `step-${encodeURIComponent(step)}.json`)
}

function record(watch: Watch): void {
  const file = recordFile()
  if (!file) return
  mkdirSync(join(file, '..'), { recursive: true })
  writeFileSync(file, JSON.stringify(watch))
}

/** The main step takes a started run into its care; `watching`: the post step stops it if this step dies. */
export function watchRun(id: string, watching: boolean): void {
  current = { id, watching }
  // The record first: state without a record is ignored, a record without state is harmless.
  record(current)
  core.saveState(State.ComputationId, id)
  core.saveState(State.Watching, watching ? 'true' : 'false')
}

/** The run's fate is settled (ended, stopped, or left running on purpose): the post step leaves it alone. */
export function settleRun(): void {
  core.saveState(State.Watching, 'false')
  if (current?.watching) {
    current = { ...current, watching: false }
    record(current)
  }
}

function readRecord(): Watch | undefined {
  const file = recordFile()
  if (!file) return undefined
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Watch>
    return typeof parsed.id === 'string' && typeof parsed.watching === 'boolean'
      ? { id: parsed.id, watching: parsed.watching }
      : undefined
  } catch {
    return undefined
  }
}

/**
 * For the post step: the id of the run to stop, when the main step was still waiting
 * for it as it ended. Undefined when there is nothing to do, or when the state given
 * does not match the main step's own record (then nothing is stopped, with a warning).
 */
export function runLeftWatched(): string | undefined {
  const id = core.getState(State.ComputationId)
  if (!id || core.getState(State.Watching) !== 'true') return undefined
  const recorded = readRecord()
  if (recorded?.id !== id) {
    core.warning(
      `The post step was asked to stop Code Ocean run ${inline(id)}, but the main step ` +
        (recorded ? `started run ${inline(recorded.id)}` : 'left no record of starting it') +
        '; it stops nothing.'
    )
    return undefined
  }
  return recorded.watching ? id : undefined
}
