// A Code Ocean REST API simulator: a real HTTP server on loopback that starts
// runs, walks them through their states on a clock, and can be told to fail.
// Tests drive it through real sockets so the client's HTTP stack (headers,
// auth, error bodies, keep-alive) is exercised, not mocked.

import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  DEFAULT_PHASES,
  checkProgram,
  computationAt,
  createRun,
  recordOf,
  type ComputationRecord,
  type Outcome,
  type Phase,
  type RunProgram,
  type StoredRun
} from './computations.js'
import { Router, type Reply } from './router.js'
import { isJsonContentType, validateRunRequest } from './validate.js'

export type { Computation, ComputationRecord, Outcome, Phase, RunProgram } from './computations.js'
export { OUTCOMES, DEFAULT_PHASES, SIMULATOR_OWNER, SIMULATOR_OWNER_EMAIL } from './computations.js'
export type { RunRequest } from './validate.js'

export const DEFAULT_TOKEN = 'cop_simulator_token_0123456789'
export const API_PREFIX = '/api/v1'

export interface SimulatorOptions {
  token?: string
  port?: number
  host?: string
  phases?: Phase[]
  defaultOutcome?: Outcome
  /** Clock in ms; inject one to move runs through their phases without waiting. */
  now?: () => number
  /** Called with one line per request. */
  log?: (line: string) => void
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  rawBody: string
  /** The body parsed as JSON, or undefined when empty or not JSON. */
  body: unknown
  /** Clock time (ms, from `now`) when the request arrived. */
  at: number
  /**
   * Set when an injected fault took this request: what it did, e.g. 'status 503',
   * 'reset', 'delay 2000ms+passThrough', 'created+status 500', with
   * ' (client gone)' appended when the client hung up during a delay.
   */
  fault?: string
}

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
}

export type FaultResponse = StatusFault | ResetFault | PassThroughFault

interface PendingDelay {
  timer: NodeJS.Timeout
  done: (completed: boolean) => void
}

interface Fault {
  match: FaultMatch
  response: FaultResponse
  remaining: number
}

interface RequestContext {
  request: RecordedRequest
  now: number
}

const JSON_TYPE = 'application/json; charset=utf-8'

function errorReply(status: number, message: string): Reply {
  return { status, json: { message } }
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown }
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) }
  }
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  // Node already lower-cases names; repeated headers are joined as HTTP allows.
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function checkFault(response: FaultResponse): void {
  const kinds = [
    response.status !== undefined ? 'status' : undefined,
    response.reset === true ? 'reset' : undefined,
    response.passThrough === true ? 'passThrough' : undefined
  ].filter((k) => k !== undefined)
  if (kinds.length !== 1) {
    throw new TypeError(`failNext: give exactly one of status, reset: true or passThrough: true; got ${kinds.join(', ') || 'none'}`)
  }
  if (response.status !== undefined && !(Number.isInteger(response.status) && response.status >= 100 && response.status <= 599)) {
    throw new RangeError(`failNext: status must be an HTTP status code (100-599), got ${String(response.status)}`)
  }
  const delay = response.delayMs
  if (delay !== undefined && !(typeof delay === 'number' && Number.isFinite(delay) && delay >= 0)) {
    throw new RangeError(`failNext: delayMs must be a finite number >= 0, got ${String(delay)}`)
  }
  if (response.createRun === true && response.passThrough === true) {
    throw new TypeError('failNext: createRun goes with status or reset, not passThrough')
  }
}

function faultToReply(response: StatusFault): Reply {
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

export class CodeOceanSimulator {
  readonly token: string
  readonly requests: RecordedRequest[] = []

  private readonly port: number
  private readonly host: string
  private readonly phases: Phase[]
  private readonly defaultOutcome: Outcome
  private readonly now: () => number
  private readonly log: ((line: string) => void) | undefined
  private readonly router = new Router<RequestContext>()
  // Insertion order is creation order, which runs() relies on.
  private readonly store = new Map<string, StoredRun>()
  private readonly programs = new Map<string, RunProgram>()
  private faults: Fault[] = []
  private readonly pendingDelays = new Set<PendingDelay>()
  private server: Server | undefined
  private baseUrl: string | undefined

  constructor(options: SimulatorOptions = {}) {
    this.token = options.token ?? DEFAULT_TOKEN
    this.port = options.port ?? 0
    this.host = options.host ?? '127.0.0.1'
    this.phases = (options.phases ?? DEFAULT_PHASES).map((p) => ({ ...p }))
    this.defaultOutcome = options.defaultOutcome ?? 'succeeded'
    checkProgram({ outcome: this.defaultOutcome, phases: this.phases })
    this.now = options.now ?? Date.now
    this.log = options.log

    this.router
      .add('POST', `${API_PREFIX}/computations`, (ctx) => this.startRun(ctx))
      .add('GET', `${API_PREFIX}/computations/:id`, (ctx, p) => this.getRun(ctx, p.id ?? ''))
      .add('PATCH', `${API_PREFIX}/computations/:id`, (ctx, p) => this.renameRun(ctx, p.id ?? ''))
      .add('DELETE', `${API_PREFIX}/computations/:id`, (ctx, p) => this.deleteRun(ctx, p.id ?? ''))
  }

  /** The base URL without /api/v1, e.g. 'http://127.0.0.1:43121'. Throws before start(). */
  get url(): string {
    if (this.baseUrl === undefined) throw new Error('CodeOceanSimulator: not started; call start() first')
    return this.baseUrl
  }

  async start(): Promise<string> {
    if (this.baseUrl !== undefined) return this.baseUrl
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        // Reached only when the socket died mid-request; nothing left to answer.
        this.log?.(`simulator: request failed: ${err instanceof Error ? err.message : String(err)}`)
        if (!res.headersSent) res.destroy()
      })
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, this.host, () => {
        server.off('error', reject)
        resolve()
      })
    })
    const { port } = server.address() as AddressInfo
    const host = this.host.includes(':') ? `[${this.host}]` : this.host
    this.server = server
    this.baseUrl = `http://${host}:${port}`
    return this.baseUrl
  }

  async stop(): Promise<void> {
    const server = this.server
    if (server === undefined) return
    this.server = undefined
    this.baseUrl = undefined
    // A request waiting out a fault delay would otherwise keep its timer (and
    // jest) alive after the server is gone.
    for (const pending of [...this.pendingDelays]) pending.done(false)
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    // close() alone waits for idle keep-alive sockets to time out; clients
    // under test usually hold some, and a test run should not hang on them.
    server.closeAllConnections()
    await closed
  }

  /** Runs of this capsule or pipeline id follow `program`; fields left out use the defaults. */
  program(targetId: string, program: RunProgram): void {
    checkProgram(program)
    this.programs.set(targetId, {
      ...(program.outcome !== undefined ? { outcome: program.outcome } : {}),
      ...(program.phases !== undefined ? { phases: program.phases.map((p) => ({ ...p })) } : {})
    })
  }

  computation(id: string): ComputationRecord | undefined {
    const run = this.store.get(id)
    return run === undefined ? undefined : recordOf(run, this.now())
  }

  /** Every run started since start or reset(), deleted ones included, in creation order. */
  runs(): ComputationRecord[] {
    const now = this.now()
    return [...this.store.values()].map((run) => recordOf(run, now))
  }

  /** The runs not deleted, in creation order. */
  activeRuns(): ComputationRecord[] {
    return this.runs().filter((run) => !run.deleted)
  }

  /**
   * Takes the next `count` matching requests with `response` instead of the
   * real handler: a status answer, a connection reset, or a pass-through, each
   * optionally delayed (see FaultResponse).
   */
  failNext(match: FaultMatch, response: FaultResponse, count = 1): void {
    if (!(count > 0)) throw new RangeError(`failNext: count must be > 0, got ${count}`)
    checkFault(response)
    this.faults.push({ match: { ...match }, response: { ...response }, remaining: count })
  }

  reset(): void {
    // Emptied in place so a reference a test already holds stays live.
    this.requests.length = 0
    this.store.clear()
    this.programs.clear()
    this.faults = []
  }

  private takeFault(method: string, path: string): FaultResponse | undefined {
    const fault = this.faults.find((f) => {
      if (f.match.method !== undefined && f.match.method.toUpperCase() !== method) return false
      const p = f.match.path
      if (p === undefined) return true
      if (typeof p === 'string') return p === path
      p.lastIndex = 0 // a /g or /y pattern would otherwise match every other time
      return p.test(path)
    })
    if (fault === undefined) return undefined
    fault.remaining -= 1
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault)
    return fault.response
  }

  private checkAuth(headers: Record<string, string>): string | undefined {
    const header = headers.authorization
    if (header === undefined || header.trim() === '') {
      return 'Unauthorized: no credentials; send the access token as the HTTP Basic user name'
    }
    const [scheme, encoded = ''] = header.trim().split(/\s+/, 2)
    if (scheme?.toLowerCase() !== 'basic') {
      return `Unauthorized: unsupported authorization scheme "${scheme}"; use HTTP Basic with the token as user name`
    }
    const decoded = Buffer.from(encoded, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) return 'Unauthorized: malformed Basic credentials (no ":" separator)'
    const user = decoded.slice(0, colon)
    const password = decoded.slice(colon + 1)
    // Strict on purpose: the password must be empty, as the docs specify, so a
    // client that sends the token as the password is caught here.
    if (user !== this.token || password !== '') return 'Unauthorized: invalid access token'
    return undefined
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now()
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://simulator.invalid')
    const rawBody = await readBody(req)
    const parsed = rawBody.trim() === '' ? undefined : parseJson(rawBody)
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: flattenHeaders(req),
      rawBody,
      body: parsed?.ok === true ? parsed.value : undefined,
      at: this.now()
    }
    this.requests.push(request)

    const fault = this.takeFault(method, request.path)
    const logLine = (outcome: string): void =>
      this.log?.(`${method} ${url.pathname}${url.search} -> ${outcome} (${Date.now() - started} ms)`)
    if (fault === undefined) {
      const reply = await this.dispatch(request, parsed)
      this.send(res, reply)
      logLine(String(reply.status))
      return
    }

    // Faults come before auth: they stand for what sits in front of the
    // application (a proxy's 502, a rate limiter's 429, a dropped connection)
    // and for whatever a test wants the server to say, token or not.
    const steps: string[] = []
    if (fault.createRun === true) {
      const handled = await this.dispatch(request, parsed)
      const created = method === 'POST' && request.path === `${API_PREFIX}/computations` && handled.status === 200
      steps.push(created ? 'created' : `handled ${handled.status}`)
    }
    const delayMs = fault.delayMs ?? 0
    if (delayMs > 0) steps.unshift(`delay ${delayMs}ms`)
    steps.push(fault.reset === true ? 'reset' : fault.passThrough === true ? 'passThrough' : `status ${fault.status}`)
    const description = steps.join('+')
    request.fault = description

    if (delayMs > 0 && !(await this.delay(delayMs, res))) {
      request.fault = `${description} (client gone)`
      logLine(`nothing [injected ${request.fault}]`)
      return
    }
    if (fault.reset === true) {
      // No status line at all: the client sees the connection close under it.
      req.socket.destroy()
      logLine(`reset [injected ${description}]`)
      return
    }
    const reply = fault.passThrough === true ? await this.dispatch(request, parsed) : faultToReply(fault)
    this.send(res, reply)
    logLine(`${reply.status} [injected ${description}]`)
  }

  /**
   * Resolves true after `ms`, or false as soon as the client hangs up or the
   * simulator stops, so a pending delay never outlives its connection.
   */
  private delay(ms: number, res: ServerResponse): Promise<boolean> {
    return new Promise<boolean>((resolveDelay) => {
      const onClose = (): void => pending.done(false)
      const pending: PendingDelay = {
        timer: setTimeout(() => pending.done(true), ms),
        done: (completed) => {
          if (!this.pendingDelays.delete(pending)) return
          clearTimeout(pending.timer)
          res.off('close', onClose)
          resolveDelay(completed)
        }
      }
      this.pendingDelays.add(pending)
      if (res.socket === null || res.socket.destroyed) {
        pending.done(false)
        return
      }
      res.once('close', onClose)
    })
  }

  private async dispatch(
    request: RecordedRequest,
    parsed: { ok: true; value: unknown } | { ok: false; error: string } | undefined
  ): Promise<Reply> {
    const authError = this.checkAuth(request.headers)
    if (authError !== undefined) {
      return { ...errorReply(401, authError), headers: { 'www-authenticate': 'Basic realm="Code Ocean"' } }
    }
    const route = this.router.match(request.method, request.path)
    if (route === undefined) return errorReply(404, `Not found: ${request.method} ${request.path}`)
    if (parsed?.ok === false && isJsonContentType(request.headers['content-type'])) {
      return errorReply(400, `invalid JSON in request body: ${parsed.error}`)
    }
    try {
      return await route.handler({ request, now: request.at }, route.params)
    } catch (err) {
      return errorReply(500, `simulator error: ${err instanceof Error ? err.message : String(err)}`)
    }
  }

  private send(res: ServerResponse, reply: Reply): void {
    const headers: Record<string, string> = {}
    let body: string | undefined
    if (reply.json !== undefined) {
      body = JSON.stringify(reply.json)
      headers['content-type'] = reply.contentType ?? JSON_TYPE
    } else if (reply.text !== undefined) {
      body = reply.text
      headers['content-type'] = reply.contentType ?? 'text/plain; charset=utf-8'
    }
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body))
    Object.assign(headers, reply.headers)
    res.writeHead(reply.status, headers)
    res.end(body)
  }

  private liveRun(id: string): StoredRun | undefined {
    const run = this.store.get(id)
    return run === undefined || run.deletedAt !== undefined ? undefined : run
  }

  private notFound(id: string): Reply {
    return errorReply(404, `computation ${id} not found`)
  }

  private startRun({ request, now }: RequestContext): Reply {
    if (!isJsonContentType(request.headers['content-type'])) {
      return errorReply(400, `Content-Type must be application/json, got ${request.headers['content-type'] ?? 'none'}`)
    }
    if (request.rawBody.trim() === '') return errorReply(400, 'request body is required')
    const result = validateRunRequest(request.body)
    if (!result.ok) return errorReply(400, result.message)

    const targetId = result.value.pipeline_id ?? result.value.capsule_id ?? ''
    const program = this.programs.get(targetId)
    const outcome = program?.outcome ?? this.defaultOutcome
    const phases = program?.phases ?? this.phases
    let id = randomUUID()
    while (this.store.has(id)) id = randomUUID()
    const run = createRun(id, result.value, now, { outcome, phases })
    this.store.set(id, run)
    return { status: 200, json: computationAt(run, now) }
  }

  private getRun({ now }: RequestContext, id: string): Reply {
    const run = this.liveRun(id)
    return run === undefined ? this.notFound(id) : { status: 200, json: computationAt(run, now) }
  }

  private renameRun({ request }: RequestContext, id: string): Reply {
    const run = this.liveRun(id)
    if (run === undefined) return this.notFound(id)
    const name = request.query.name
    if (name === undefined || name.trim() === '') {
      return errorReply(400, 'query parameter "name" is required and must not be empty')
    }
    run.name = name
    return { status: 204 }
  }

  private deleteRun({ now }: RequestContext, id: string): Reply {
    const run = this.liveRun(id)
    if (run === undefined) return this.notFound(id)
    // Freezing the clock for this run is what "stops" it: its record keeps the
    // state it had at this moment, which tests read back via computation().
    run.deletedAt = now
    return { status: 204 }
  }
}
