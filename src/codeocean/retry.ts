/**
 * When and how long to retry a request to Code Ocean. Pure functions; the HTTP client
 * applies them through axios-retry.
 */
import { ANSWER_TOO_LARGE } from './limits.js'
import { classifyNetworkError, isRetryableNetworkProblem, provesNothingSent } from './network-failures.js'

/** Answers that mean "try again later": overload and gateway or server hiccups. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504])

/**
 * Failures never repeated: a cancel, and an answer over its size limit (the server
 * would most likely send it again, and each time costs the whole limit).
 */
const FINAL_CODES: ReadonlySet<string> = new Set(['ERR_CANCELED', ANSWER_TOO_LARGE])

const BASE_DELAY_MS = 1_000
const MAX_BACKOFF_MS = 30_000
/** A server asking for a longer pause than this gets this; the step has a job to finish. */
export const MAX_RETRY_AFTER_MS = 60_000

/** How a request may be retried. */
export type RetryKind =
  /** Reads, renames and stops: repeating them changes nothing. */
  | 'idempotent'
  /** POST /computations: repeating it could start a second run. */
  | 'start'

export interface FailedAttempt {
  kind: RetryKind
  /** HTTP status, when the server answered. */
  status?: number
  /** Node/axios error code, when it did not (ECONNRESET, ECONNABORTED, …). */
  code?: string
}

/**
 * Whether a failed attempt may be repeated. Never when the host name does not exist
 * (ENOTFOUND) or TLS refused the server's certificate. A start is repeated only when Code Ocean
 * surely did not start a run: it said 429 (refused, come back later), or the
 * connection was refused before anything was sent. Anything else after a start was
 * sent (a 500, a reset, a timeout) may have started a run, so it is not repeated.
 */
export function mayRetry(attempt: FailedAttempt): boolean {
  if (FINAL_CODES.has(attempt.code ?? '')) return false
  // A host name that does not exist, or a certificate the runner refuses, is the same a
  // second later: retrying would only delay the message that says how to fix it.
  const problem = attempt.status === undefined ? classifyNetworkError(attempt.code) : undefined
  if (problem !== undefined && !isRetryableNetworkProblem(problem)) return false
  if (attempt.kind === 'start') {
    return attempt.status === 429 || (problem !== undefined && provesNothingSent(problem))
  }
  if (attempt.status !== undefined) return RETRYABLE_STATUSES.has(attempt.status)
  return true
}

/** Reads Retry-After, in seconds or as an HTTP date, as milliseconds from `now`. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/**
 * Delay before retry number `retry` (1 for the first): exponential backoff with full
 * jitter (a random delay between 0 and the backoff ceiling, so many clients do not
 * retry in step), unless the server said when to come back, which is honoured up to
 * a cap.
 */
export function retryDelayMs(
  retry: number,
  retryAfter: string | undefined,
  now: number = Date.now(),
  random: () => number = Math.random
): number {
  const asked = parseRetryAfter(retryAfter, now)
  if (asked !== undefined) return Math.min(asked, MAX_RETRY_AFTER_MS)
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (retry - 1))
  return Math.floor(random() * ceiling)
}

/** A retry gets at least this long to answer, or it is not tried: a shorter attempt would only fail again. */
export const LEAST_ATTEMPT_MS = 500

/** The pause before a retry of a call with a budget, or why none fits in what is left of it. */
export type BudgetedPause = { pauseMs: number } | { refused: string }

/**
 * The pause before retry number `retry` of a call that must end within `leftMs`
 * (a stop on cancel, the post step's stop): the usual pause, but a Retry-After
 * asking for longer than the budget leaves is not waited for, and a back-off is cut
 * short so the retry still gets LEAST_ATTEMPT_MS to answer.
 */
export function pauseWithinBudget(
  retry: number,
  retryAfter: string | undefined,
  leftMs: number,
  now: number = Date.now(),
  random: () => number = Math.random
): BudgetedPause {
  const room = leftMs - LEAST_ATTEMPT_MS
  const asked = parseRetryAfter(retryAfter, now)
  if (asked !== undefined && asked > room) {
    return {
      refused: `Code Ocean asked to be called again in ${Math.ceil(asked / 1000)} s (Retry-After), more than the ${Math.max(0, Math.floor(leftMs / 1000))} s this call had left`
    }
  }
  if (room < 0) return { refused: 'no time was left for another try' }
  return { pauseMs: Math.min(retryDelayMs(retry, retryAfter, now, random), room) }
}
