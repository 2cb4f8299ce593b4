import * as core from '@actions/core'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * How the main step hands the post step something to act on should the main step die
 * (the run to stop, backstop.ts; the check run to complete, check-backstop.ts).
 *
 * It goes two ways, and the post step acts only when both agree. The state (GITHUB_STATE)
 * is what the runner gives the post step, but a `::save-state` line printed during the
 * step can add to it or respell its keys (the runner's keys are case-insensitive, the
 * first spelling wins). The record file is the step's own: under RUNNER_TEMP, named
 * after the step (GITHUB_ACTION) and the kind of thing handed over, written by no one else.
 */
export interface StepRecord<T> {
  /** Hands `value` over: the record, then the state. */
  hand(value: T, state: Record<string, string>): void
  /** Its fate is settled: the state, then (when given) the record the post step will find. */
  settle(state: Record<string, string>, value?: T): void
  /**
   * For the post step: the record, when the state names it (`key` of the record is
   * `stated`). Otherwise undefined, with the warning `refusal` words for what was recorded.
   */
  agreeing(stated: string, key: (recorded: T) => string, refusal: (recorded: T | undefined) => string): T | undefined
}

/** The record of this step for `kind`; `parse` gives back a well-formed record or undefined. */
export function stepRecord<T>(kind: string, parse: (parsed: Partial<T>) => T | undefined): StepRecord<T> {
  const file = (): string | undefined => {
    const { RUNNER_TEMP: temp, GITHUB_ACTION: step } = process.env
    if (!temp || !step) return undefined
    return join(temp, 'codeocean-run-action', `${kind}-${encodeURIComponent(step)}.json`)
  }
  const write = (value: T): void => {
    const path = file()
    if (!path) return
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, JSON.stringify(value))
  }
  const read = (): T | undefined => {
    const path = file()
    if (!path) return undefined
    try {
      // A file of `null` throws in `parse` too, and is no record.
      return parse(JSON.parse(readFileSync(path, 'utf8')) as Partial<T>)
    } catch {
      return undefined
    }
  }
  const save = (state: Record<string, string>): void => {
    for (const [name, value] of Object.entries(state)) core.saveState(name, value)
  }
  return {
    hand(value, state) {
      // The record first: state without a record is ignored, a record without state is harmless.
      write(value)
      save(state)
    },
    settle(state, value) {
      // Either half alone already keeps the post step off, so the order does not matter.
      save(state)
      if (value !== undefined) write(value)
    },
    agreeing(stated, key, refusal) {
      const recorded = read()
      if (recorded === undefined || key(recorded) !== stated) {
        core.warning(refusal(recorded))
        return undefined
      }
      return recorded
    }
  }
}
