import { inline } from '../../untrusted.js'
import { UnreadableAnswerError } from '../errors.js'
import { preview } from '../preview.js'
import { checkId } from './id.js'

/**
 * The Computation object as the action uses it. Servers of different versions send
 * different fields, so everything but `id` and `state` is optional.
 */
export interface Computation {
  id: string
  state: string
  name?: string
  /** Seconds since the epoch (ms from some servers); unknown when not in [0, the last Date]. */
  created?: number
  /** Seconds; unknown when not in [0, MAX_RUN_TIME_SECONDS]. */
  run_time?: number
  end_status?: string
  exit_code?: number
  has_results?: boolean
  /** The owner's user id, or `release` for runs of a release version (Code Ocean 4.3+). */
  owner?: string
  /** The object exactly as the server sent it. */
  raw: Record<string, unknown>
}

const TERMINAL_STATES = ['completed', 'failed'] as const
const KNOWN_STATES = ['initializing', 'running', 'finalizing', 'completed', 'failed'] as const

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value)
  }
  return undefined
}

/**
 * The most a run's `run_time` (seconds) may be: ten years. No run takes longer, and a
 * length in ms stays far from overflowing, so a server's `1e308` cannot turn the
 * estimate of a run's length (and the wait it paces) into Infinity or NaN.
 */
export const MAX_RUN_TIME_SECONDS = 10 * 366 * 86_400
/**
 * The most a `created` may be: the last moment a JavaScript Date holds, in ms (some
 * servers send ms; seconds are far below it). Beyond it, a time is nonsense.
 */
const MAX_CREATED = 8.64e15

/** A number from the server, when it is one and within [0, `max`]; otherwise unknown. */
function inRange(value: number | undefined, max: number): number | undefined {
  return value !== undefined && value >= 0 && value <= max ? value : undefined
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (value === 'true') return true
  if (value === 'false') return false
  return undefined
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return undefined
}

/**
 * Reads a computation from whatever the server sent. Tolerant on purpose: Code Ocean's
 * own examples capitalise some keys ("Id", "Has_results"), and older servers may send
 * numbers as strings. `knownId`, the id of the run asked about, wins over whatever id
 * the body carries; an id from the body must look like one (see id.ts).
 */
export function readComputation(body: unknown, knownId?: string): Computation {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const shown = typeof body === 'string' ? body.slice(0, 1_000).replace(/\s+/g, ' ').trim() : preview(body, 200)
    throw new UnreadableAnswerError(
      `Code Ocean answered with something that is not a run: ${inline(shown.slice(0, 200))}`
    )
  }
  const raw = body as Record<string, unknown>
  const field = (name: string): unknown => {
    if (name in raw) return raw[name]
    const key = Object.keys(raw).find((k) => k.toLowerCase() === name)
    return key === undefined ? undefined : raw[key]
  }
  const id = knownId ?? asText(field('id'))
  if (!id) {
    throw new UnreadableAnswerError(`Code Ocean answered without a run id: ${preview(body, 300)}`)
  }
  checkId(id, 'run')
  const state = (asText(field('state')) ?? '').toLowerCase()
  return {
    id,
    state,
    name: asText(field('name')),
    // Times drive the wait (its pace, a run's age) and sort runs: checked in range here, once.
    created: inRange(asNumber(field('created')), MAX_CREATED),
    run_time: inRange(asNumber(field('run_time')), MAX_RUN_TIME_SECONDS),
    end_status: asText(field('end_status'))?.toLowerCase(),
    exit_code: asNumber(field('exit_code')),
    has_results: asBoolean(field('has_results')),
    owner: asText(field('owner')),
    raw
  }
}

export function isTerminal(state: string): boolean {
  return (TERMINAL_STATES as readonly string[]).includes(state)
}

export function isKnownState(state: string): boolean {
  return (KNOWN_STATES as readonly string[]).includes(state)
}
