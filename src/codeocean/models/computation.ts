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

export const TERMINAL_STATES = ['completed', 'failed'] as const
export const KNOWN_STATES = ['initializing', 'running', 'finalizing', 'completed', 'failed'] as const

/** Code Ocean answered 2xx with something that is not a computation (an HTML page, say). */
export class UnreadableAnswerError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnreadableAnswerError'
  }
}

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
 * numbers as strings. `fallbackId` covers a body that lacks the id.
 */
export function readComputation(body: unknown, fallbackId?: string): Computation {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const shown = typeof body === 'string' ? body.replace(/\s+/g, ' ').trim() : JSON.stringify(body)
    throw new UnreadableAnswerError(
      `Code Ocean answered with something that is not a run: ${String(shown).slice(0, 200)}`
    )
  }
  const raw = body as Record<string, unknown>
  const field = (name: string): unknown => {
    if (name in raw) return raw[name]
    const key = Object.keys(raw).find((k) => k.toLowerCase() === name)
    return key === undefined ? undefined : raw[key]
  }
  const id = asText(field('id')) ?? fallbackId
  if (!id) {
    throw new UnreadableAnswerError(`Code Ocean answered without a run id: ${JSON.stringify(body)?.slice(0, 300)}`)
  }
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
