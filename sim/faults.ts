// Injected faults: how a test describes one (`{ status: 503 }`, `{ reset: true }`,
// `{ dripMs: 1000 }`, …), the checks that turn a description into a Fault told
// apart by its `kind`, and how a status fault turns into a reply. Used by the API
// server (failNext) and the object store (failNextDownload).

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

/**
 * Each kind of fault with the fields a test describes it by. The first field of
 * each names the kind: a description gives exactly one of them (see NAMED_BY).
 */
interface KindFields {
  /** Answer with this status (and body) instead of the real handler. */
  status: {
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
  }
  /** Close the connection without any answer once the request body is read (client: ECONNRESET / socket hang up). */
  reset: {
    reset: true
    /** As for a status fault: the real handler runs first, then the connection is dropped. */
    createRun?: boolean
  }
  /** Let the real handler answer (after `delayMs`, if given: a slow server); still uses up the fault. */
  passThrough: { passThrough: true }
  /**
   * Let the real handler answer (so a start really starts a run), with its
   * status, headers and full Content-Length, but send the body one byte every
   * `dripMs` (real time): a server that is never silent long enough for an idle
   * timeout to fire. The drip stops when the client hangs up.
   */
  drip: { dripMs: number }
  /**
   * Answer 200 with `Content-Encoding: gzip` and a body of about
   * `gzipBombBytes / 1000` bytes that inflates to `gzipBombBytes` bytes of
   * spaces: one small gzip member (1 MiB of spaces) sent again and again, so
   * the simulator holds a few KiB however large the bomb. Sent with
   * backpressure; stops when the client hangs up.
   */
  gzipBomb: { gzipBombBytes: number }
  /**
   * Answer 200 with a JSON object of `hugeJsonBytes` bytes, a run
   * (`{"id":"huge","state":"running","padding":"xxx…"}`) padded out, sent in
   * chunks as it is made, without Content-Length (chunked), with backpressure;
   * stops when the client hangs up.
   */
  hugeJson: { hugeJsonBytes: number }
  /** Answer 200 as JSON, without Content-Length, and send spaces for ever, as fast as the client reads them, until it hangs up. */
  endless: { endless: true }
  /**
   * Object store only: answer as the store would (signature checks and all),
   * but when it serves a file, send the headers with the full Content-Length,
   * then this many bytes of the body, then destroy the socket: an interrupted
   * download. A file no longer than this is sent whole.
   */
  truncate: { truncateAfterBytes: number }
}

type FaultKind = keyof KindFields

/** The field that names each kind in a description. */
const NAMED_BY = {
  status: 'status',
  reset: 'reset',
  passThrough: 'passThrough',
  drip: 'dripMs',
  gzipBomb: 'gzipBombBytes',
  hugeJson: 'hugeJsonBytes',
  endless: 'endless',
  truncate: 'truncateAfterBytes'
} as const satisfies { [K in FaultKind]: keyof KindFields[K] }

/** Answers built to hurt the client: too slow to finish, or too large to hold. API requests only. */
const HOSTILE_KINDS = ['drip', 'gzipBomb', 'hugeJson', 'endless'] as const satisfies readonly FaultKind[]
type HostileKind = (typeof HOSTILE_KINDS)[number]
/** The kinds failNext takes, and those failNextDownload takes. */
export type ApiKind = Exclude<FaultKind, 'truncate'>
export type DownloadKind = 'status' | 'reset' | 'passThrough' | 'truncate'

type AnyField = { [K in FaultKind]: keyof KindFields[K] }[FaultKind]

/**
 * How a test describes a fault of kind K: its own fields, plus `delayMs`. Any field of
 * another kind is a type error, as it is an error at run time.
 */
type Described<K extends FaultKind> = K extends FaultKind
  ? KindFields[K] & FaultDelay & { [F in Exclude<AnyField, keyof KindFields[K]>]?: never }
  : never

/** A download fault: createRun does not apply to the store. */
type DescribedDownload<K extends DownloadKind> = K extends DownloadKind
  ? Omit<Described<K>, 'createRun'> & { createRun?: never }
  : never

/** What failNext takes: a status answer, a reset, a pass-through or a hostile answer, e.g. `{ status: 503 }`. */
export type FaultResponse = Described<ApiKind>

/** What failNextDownload takes: the API faults without createRun, plus truncation. */
export type DownloadFault = DescribedDownload<DownloadKind>

/** A checked fault, told apart by `kind`: what the servers act on. */
export type Fault<K extends FaultKind = FaultKind> = K extends FaultKind
  ? { kind: K } & KindFields[K] & FaultDelay
  : never

/** Which object-store requests a download fault takes; every field given must match. */
export interface DownloadFaultMatch {
  /** The result file's path relative to /results, exactly as listed, or a pattern tested against it. */
  path?: string | RegExp
  /** Only downloads of this computation's results. */
  computationId?: string
}

export function isHostile(fault: Fault): fault is Fault<HostileKind> {
  return (HOSTILE_KINDS as readonly FaultKind[]).includes(fault.kind)
}

/** The API fault `response` describes, checked; throws on a combination the types forbid but a cast let through. */
export function apiFault(response: FaultResponse, where: string): Fault<ApiKind> {
  return checked(response, where, false) as Fault<ApiKind>
}

/** The download fault `response` describes, checked like apiFault. */
export function downloadFault(response: DownloadFault, where: string): Fault<DownloadKind> {
  return checked(response, where, true) as Fault<DownloadKind>
}

function checked(response: object, where: string, isDownload: boolean): Fault {
  // Read loosely: the point is to catch what a cast let through.
  const r = response as Partial<Record<AnyField | 'delayMs', unknown>>
  const kinds = (Object.keys(NAMED_BY) as FaultKind[]).filter((kind) => {
    const field = NAMED_BY[kind]
    return kind === 'reset' || kind === 'passThrough' || kind === 'endless' ? r[field] === true : r[field] !== undefined
  })
  const hostile = kinds.filter((kind) => (HOSTILE_KINDS as readonly FaultKind[]).includes(kind))
  if (hostile.length > 0 && isDownload) {
    throw new TypeError(`${where}: ${hostile.map((k) => NAMED_BY[k]).join(', ')} is only for API requests (failNext)`)
  }
  const [kind] = kinds
  if (kind === undefined || kinds.length !== 1) {
    const expected = isDownload
      ? 'status, reset: true, passThrough: true or truncateAfterBytes'
      : 'status, reset: true, passThrough: true, dripMs, gzipBombBytes, hugeJsonBytes or endless: true'
    throw new TypeError(
      `${where}: give exactly one of ${expected}; got ${kinds.map((k) => NAMED_BY[k]).join(', ') || 'none'}`
    )
  }
  if (kind === 'truncate' && !isDownload) {
    throw new TypeError(`${where}: truncateAfterBytes is only for object-store downloads (failNextDownload)`)
  }
  if (kind === 'truncate' || (HOSTILE_KINDS as readonly FaultKind[]).includes(kind)) {
    const field = NAMED_BY[kind]
    const n = r[field]
    // A truncation may cut at 0 bytes; a hostile size or pace must be positive.
    const least = kind === 'truncate' ? 0 : 1
    if (kind !== 'endless' && !(typeof n === 'number' && Number.isSafeInteger(n) && n >= least)) {
      throw new RangeError(`${where}: ${field} must be a whole number ${least === 0 ? '>= 0' : '> 0'}, got ${shown(n)}`)
    }
  }
  const status = r.status
  if (
    kind === 'status' &&
    !(typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599)
  ) {
    throw new RangeError(`${where}: status must be an HTTP status code (100-599), got ${shown(status)}`)
  }
  const delay = r.delayMs
  if (delay !== undefined && !(typeof delay === 'number' && Number.isFinite(delay) && delay >= 0)) {
    throw new RangeError(`${where}: delayMs must be a finite number >= 0, got ${shown(delay)}`)
  }
  if (r.createRun === true) {
    if (isDownload) throw new TypeError(`${where}: createRun does not apply to downloads`)
    if (kind !== 'status' && kind !== 'reset') {
      throw new TypeError(`${where}: createRun goes with status or reset, not ${NAMED_BY[kind]}`)
    }
  }
  return { ...response, kind } as Fault
}

/** A value as a message shows it: numbers as JavaScript prints them (NaN too), anything else as JSON. */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? 'undefined')
}

export function faultToReply(response: Fault<'status'>): Reply {
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
