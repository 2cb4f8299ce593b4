import * as core from '@actions/core'
import { capText } from '../../caps.js'
import { State } from '../../names.js'
import { inline } from '../../untrusted.js'
import { stepRecord } from './step-record.js'

/**
 * What the main step hands the post step: the run it looks after, and whether the
 * post step should stop it should this step die while waiting. Handed over as
 * step-record.ts describes, so the post step only stops a run this step recorded.
 */
interface Watch {
  id: string
  watching: boolean
}

const watches = stepRecord<Watch>('step', (parsed) =>
  typeof parsed.id === 'string' && typeof parsed.watching === 'boolean'
    ? { id: parsed.id, watching: parsed.watching }
    : undefined
)

let current: Watch | undefined

/** The main step takes a started run into its care; `watching`: the post step stops it if this step dies. */
export function watchRun(id: string, watching: boolean): void {
  current = { id, watching }
  watches.hand(current, { [State.ComputationId]: id, [State.Watching]: watching ? 'true' : 'false' })
}

/** The run's fate is settled (ended, stopped, or left running on purpose): the post step leaves it alone. */
export function settleRun(): void {
  // Only a record that said "watching" needs rewriting.
  const wasWatching = current?.watching === true
  if (current) current = { ...current, watching: false }
  watches.settle({ [State.Watching]: 'false' }, wasWatching ? current : undefined)
}

/**
 * For the post step: the id of the run to stop, when the main step was still waiting
 * for it as it ended. Undefined when there is nothing to do, or when the state given
 * does not match the main step's own record (then nothing is stopped, with a warning).
 */
export function runLeftWatched(): string | undefined {
  const id = core.getState(State.ComputationId)
  if (!id || core.getState(State.Watching) !== 'true') return undefined
  const recorded = watches.agreeing(
    id,
    (watch) => watch.id,
    (watch) =>
      `The post step was asked to stop Code Ocean run ${inline(capText(id, 100))}, but the main step ` +
      (watch ? `started run ${inline(watch.id)}` : 'left no record of starting it') +
      '; it stops nothing.'
  )
  return recorded?.watching ? id : undefined
}
