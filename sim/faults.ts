// Injected faults: their types, their checks, and how a status fault turns
// into a reply. Used by the API server (failNext) and the object store
// (failNextDownload).

import type { Reply } from './router.js'

export interface FaultMatch {
  method?: string
  /** Exact path (e.g. '/api/v1/computations') or a pattern tested against the path; the query is not part of it. */
  path?: string | RegExp
}

interface FaultDelay {
  /**
   * Wait this long (ms, real time) before answering. A client that hangs up
   * meanwhile is dropped quietly; stop() cancels pending delays.
   */
  delayMs?: number
}

/** Answer with this status (and body) instead of the real handler. */
export interface StatusFault extends FaultDelay {
  status: number
  /** Objects and arrays are sent as JSON; strings as given. */
  body?: string | object
  contentType?: string
  headers?: Record<string, string>
  /**
   * Run the real handler first (so e.g. POST /computations really starts a
   * run, and its auth and validation apply), then answer with the fault
   * anyway: "the server did it, but the answer was lost". Any delay comes
   * after the handler ran.
   */
  createRun?: boolean
  reset?: never
  passThrough?: never
  truncateAfterBytes?: never
}

/** Close the connection without any answer once the request body is read (client: ECONNRESET / socket hang up). */
export interface ResetFault extends FaultDelay {
  reset: true
  /** As for StatusFault: the real handler runs first, then the connection is dropped. */
  createRun?: boolean
  status?: never
  passThrough?: never
  body?: never
  contentType?: never
  headers?: never
  truncateAfterBytes?: never
}

/** Let the real handler answer (after `delayMs`, if given: a slow server); still uses up the fault. */
export interface PassThroughFault extends FaultDelay {
  passThrough: true
  status?: never
  reset?: never
  createRun?: never
  body?: never
  contentType?: never
  headers?: never
  truncateAfterBytes?: never
}

/** The fields a hostile answer leaves out: it is none of the other faults. */
interface NotOtherFaults {
  status?: never
  reset?: never
  passThrough?: never
  createRun?: never
  body?: never
  contentType?: never
  headers?: never
  truncateAfterBytes?: never
}

/**
 * Let the real handler answer (so a start really starts a run), with its
 * status, headers and full Content-Length, but send the body one byte every
 * `dripMs` (real time): a server that is never silent long enough for an idle
 * timeout to fire. The drip stops when the client hangs up.
 */
export interface DripFault extends FaultDelay, NotOtherFaults {
  dripMs: number
  gzipBombBytes?: never
  hugeJsonBytes?: never
  endless?: never
}

/**
 * Answer 200 with `Content-Encoding: gzip` and a body of about
 * `gzipBombBytes / 1000` bytes that inflates to `gzipBombBytes` bytes of
 * spaces: one small gzip member (1 MiB of spaces) sent again and again, so
 * the simulator holds a few KiB however large the bomb. Sent with
 * backpressure; stops when the client hangs up.
 */
export interface GzipBombFault extends FaultDelay, NotOtherFaults {
  gzipBombBytes: number
  dripMs?: never
  hugeJsonBytes?: never
  endless?: never
}

/**
 * Answer 200 with a JSON object of `hugeJsonBytes` bytes, a run
 * (`{"id":"huge","state":"running","padding":"xxx…"}`) padded out, sent in
 * chunks as it is made, without Content-Length (chunked), with backpressure;
 * stops when the client hangs up.
 */
export interface HugeJsonFault extends FaultDelay, NotOtherFaults {
  hugeJsonBytes: number
  dripMs?: never
  gzipBombBytes?: never
  endless?: never
}

/**
 * Answer 200 as JSON, without Content-Length, and send spaces for ever, as
 * fast as the client reads them, until it hangs up.
 */
export interface EndlessFault extends FaultDelay, NotOtherFaults {
  endless: true
  dripMs?: never
  gzipBombBytes?: never
  hugeJsonBytes?: never
}

/** Answers built to hurt the client: too slow to finish, or too large to hold. */
export type HostileFault = DripFault | GzipBombFault | HugeJsonFault | EndlessFault

export type FaultResponse = StatusFault | ResetFault | PassThroughFault | HostileFault

/** Whether `response` is a hostile answer. */
export function isHostileFault(response: FaultResponse): response is HostileFault {
  const r = response as Partial<Record<'dripMs' | 'gzipBombBytes' | 'hugeJsonBytes' | 'endless', unknown>>
  return r.dripMs !== undefined || r.gzipBombBytes !== undefined || r.hugeJsonBytes !== undefined || r.endless === true
}

/**
 * Object store only: answer as the store would (signature checks and all),
 * but when it serves a file, send the headers with the full Content-Length,
 * then this many bytes of the body, then destroy the socket: an interrupted
 * download. A file no longer than this is sent whole.
 */
export interface TruncateFault extends FaultDelay {
  truncateAfterBytes: number
  status?: never
  reset?: never
  passThrough?: never
  createRun?: never
  body?: never
  contentType?: never
  headers?: never
}

/** What failNextDownload accepts: the API faults without createRun, plus truncation. */
export type DownloadFault =
  Omit<StatusFault, 'createRun'> | Omit<ResetFault, 'createRun'> | PassThroughFault | TruncateFault

/** Which object-store requests a download fault takes; every field given must match. */
export interface DownloadFaultMatch {
  /** The result file's path relative to /results, exactly as listed, or a pattern tested against it. */
  path?: string | RegExp
  /** Only downloads of this computation's results. */
  computationId?: string
}

type AnyFault = FaultResponse | DownloadFault

export function checkFault(response: AnyFault, where: string, allowTruncate = false): void {
  // Read loosely: the point is to catch combinations the types forbid but a cast let through.
  const r = response as {
    status?: number
    reset?: boolean
    passThrough?: boolean
    truncateAfterBytes?: number
    delayMs?: number
    createRun?: boolean
    dripMs?: number
    gzipBombBytes?: number
    hugeJsonBytes?: number
    endless?: boolean
  }
  const kinds = [
    r.status !== undefined ? 'status' : undefined,
    r.reset === true ? 'reset' : undefined,
    r.passThrough === true ? 'passThrough' : undefined,
    r.truncateAfterBytes !== undefined ? 'truncateAfterBytes' : undefined,
    ...checkHostile(r, where, allowTruncate)
  ].filter((k) => k !== undefined)
  if (kinds.length !== 1) {
    const expected = allowTruncate
      ? 'status, reset: true, passThrough: true or truncateAfterBytes'
      : 'status, reset: true, passThrough: true, dripMs, gzipBombBytes, hugeJsonBytes or endless: true'
    throw new TypeError(`${where}: give exactly one of ${expected}; got ${kinds.join(', ') || 'none'}`)
  }
  if (r.truncateAfterBytes !== undefined) {
    if (!allowTruncate)
      throw new TypeError(`${where}: truncateAfterBytes is only for object-store downloads (failNextDownload)`)
    const n = r.truncateAfterBytes
    if (!(typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)) {
      throw new RangeError(`${where}: truncateAfterBytes must be a whole number >= 0, got ${String(n)}`)
    }
  }
  if (r.status !== undefined && !(Number.isInteger(r.status) && r.status >= 100 && r.status <= 599)) {
    throw new RangeError(`${where}: status must be an HTTP status code (100-599), got ${String(r.status)}`)
  }
  const delay = r.delayMs
  if (delay !== undefined && !(typeof delay === 'number' && Number.isFinite(delay) && delay >= 0)) {
    throw new RangeError(`${where}: delayMs must be a finite number >= 0, got ${String(delay)}`)
  }
  if (r.createRun === true) {
    if (allowTruncate) throw new TypeError(`${where}: createRun does not apply to downloads`)
    if (r.passThrough === true) throw new TypeError(`${where}: createRun goes with status or reset, not passThrough`)
  }
}

/** The hostile kinds `r` asks for, after checking their values; API faults only. */
function checkHostile(
  r: { dripMs?: number; gzipBombBytes?: number; hugeJsonBytes?: number; endless?: boolean },
  where: string,
  isDownload: boolean
): string[] {
  const kinds: string[] = []
  for (const name of ['dripMs', 'gzipBombBytes', 'hugeJsonBytes'] as const) {
    const n = r[name]
    if (n === undefined) continue
    kinds.push(name)
    if (!(typeof n === 'number' && Number.isSafeInteger(n) && n > 0)) {
      throw new RangeError(`${where}: ${name} must be a whole number > 0, got ${String(n)}`)
    }
  }
  if (r.endless === true) kinds.push('endless')
  if (kinds.length > 0 && isDownload)
    throw new TypeError(`${where}: ${kinds.join(', ')} is only for API requests (failNext)`)
  return kinds
}

export function faultToReply(response: Pick<StatusFault, 'status' | 'body' | 'contentType' | 'headers'>): Reply {
  const reply: Reply = { status: response.status }
  if (response.headers !== undefined) reply.headers = { ...response.headers }
  if (typeof response.body === 'string') {
    reply.text = response.body
    reply.contentType = response.contentType ?? 'text/plain; charset=utf-8'
  } else if (response.body !== undefined) {
    reply.json = response.body
    if (response.contentType !== undefined) reply.contentType = response.contentType
  }
  return reply
}

/** True when `value` matches a string exactly or a pattern anywhere. */
export function matches(pattern: string | RegExp | undefined, value: string | undefined): boolean {
  if (pattern === undefined) return true
  if (value === undefined) return false
  if (typeof pattern === 'string') return pattern === value
  pattern.lastIndex = 0 // a /g or /y pattern would otherwise match every other time
  return pattern.test(value)
}

/** A queue of faults, each taking `remaining` matching requests in the order they were added. */
export class FaultQueue<M, R> {
  private faults: { match: M; response: R; remaining: number }[] = []

  add(match: M, response: R, count: number): void {
    this.faults.push({ match, response, remaining: count })
  }

  take(test: (match: M) => boolean): R | undefined {
    const fault = this.faults.find((f) => test(f.match))
    if (fault === undefined) return undefined
    fault.remaining -= 1
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault)
    return fault.response
  }

  clear(): void {
    this.faults = []
  }
}
