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
  created?: number
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
    created: asNumber(field('created')),
    run_time: asNumber(field('run_time')),
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
