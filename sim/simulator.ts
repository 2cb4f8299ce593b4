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
}

export interface FaultMatch {
  method?: string
  /** Exact path (e.g. '/api/v1/computations') or a pattern tested against the path; the query is not part of it. */
  path?: string | RegExp
}

export interface FaultResponse {
  status: number
  /** Objects and arrays are sent as JSON; strings as given. */
  body?: string | object
  contentType?: string
  headers?: Record<string, string>
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

function faultToReply(response: FaultResponse): Reply {
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
  private readonly runs = new Map<string, StoredRun>()
  private readonly programs = new Map<string, RunProgram>()
  private faults: Fault[] = []
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
    const run = this.runs.get(id)
    return run === undefined ? undefined : recordOf(run, this.now())
  }

  /** Answers the next `count` matching requests with `response` instead of the real handler. */
  failNext(match: FaultMatch, response: FaultResponse, count = 1): void {
    if (!(count > 0)) throw new RangeError(`failNext: count must be > 0, got ${count}`)
    this.faults.push({ match: { ...match }, response: { ...response }, remaining: count })
  }

  reset(): void {
    // Emptied in place so a reference a test already holds stays live.
    this.requests.length = 0
    this.runs.clear()
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

    let reply: Reply
    let note = ''
    const fault = this.takeFault(method, request.path)
    if (fault !== undefined) {
      // Faults come before auth: they stand for what sits in front of the
      // application (a proxy's 502, a rate limiter's 429) and for whatever a
      // test wants the server to say, token or not.
      reply = faultToReply(fault)
      note = ' [injected]'
    } else {
      reply = await this.dispatch(request, parsed)
    }
    this.send(res, reply)
    this.log?.(
      `${method} ${url.pathname}${url.search} -> ${reply.status}${note} (${Date.now() - started} ms)`
    )
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
    const run = this.runs.get(id)
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
    while (this.runs.has(id)) id = randomUUID()
    const run = createRun(id, result.value, now, { outcome, phases })
    this.runs.set(id, run)
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
