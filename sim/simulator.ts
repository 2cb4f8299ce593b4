// A Code Ocean REST API simulator: a real HTTP server on loopback that starts
// runs, walks them through their states on a clock, and can be told to fail.
// Tests drive it through real sockets so the client's HTTP stack (headers,
// auth, error bodies, keep-alive) is exercised, not mocked.

import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import {
  DEFAULT_PHASES,
  CAPTURE_OUTCOMES,
  checkProgram,
  computationAt,
  copyResults,
  createRun,
  recordOf,
  resultsAt,
  totalMs,
  type CaptureOutcome,
  type ComputationRecord,
  type Outcome,
  type Phase,
  type RunProgram,
  type StoredRun
} from './computations.js'
import {
  dataAssetAt,
  dataAssetRecordOf,
  validateDataAssetRequest,
  type DataAssetRecord,
  type StoredDataAsset
} from './data-assets.js'
import {
  checkFault,
  FaultQueue,
  faultToReply,
  matches,
  type DownloadFault,
  type DownloadFaultMatch,
  type FaultMatch,
  type FaultResponse
} from './faults.js'
import {
  closeServer,
  Delays,
  listen,
  recordRequest,
  sendReply,
  type ParsedBody,
  type RecordedRequest
} from './http-util.js'
import { checkResults, resultSize as resultSizeOf, type ResultSpec, type ResultTree } from './results.js'
import { Router, type Reply } from './router.js'
import { ObjectStore } from './store.js'
import { isJsonContentType, isPlainObject, validateRunRequest, type Validation } from './validate.js'

export type { CaptureOutcome, Computation, ComputationRecord, Outcome, Phase, RunProgram } from './computations.js'
export { OUTCOMES, CAPTURE_OUTCOMES, DEFAULT_PHASES, SIMULATOR_OWNER, SIMULATOR_OWNER_EMAIL } from './computations.js'
export type { RunRequest } from './validate.js'
export type { RecordedRequest } from './http-util.js'
export type {
  DownloadFault,
  DownloadFaultMatch,
  FaultMatch,
  FaultResponse,
  PassThroughFault,
  ResetFault,
  StatusFault,
  TruncateFault
} from './faults.js'
export type { ResultItem, ResultSpec } from './results.js'
export { defaultResults, expectedContent, isCleanPath, resultBytes, resultChunks, resultSize } from './results.js'
export type { DataAsset, DataAssetRecord, DataAssetRequest, DataAssetState } from './data-assets.js'
export { STORE_BUCKET } from './store.js'

export const DEFAULT_TOKEN = 'cop_simulator_token_0123456789'
export const API_PREFIX = '/api/v1'
export const DEFAULT_SIGNED_URL_TTL_MS = 300_000
export const DEFAULT_DATA_ASSET_READY_MS = 300

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
  /**
   * Result files of runs without programmed `results`. Left out: a small
   * realistic tree (output, figures/plot.png, data/summary.csv,
   * data/nested/deep.txt, empty.txt) whose `output` log ends in 'Done.' or 'Error: …'.
   */
  defaultResults?: ResultSpec[]
  /** Act as a server older than Code Ocean 4.0: GET …/results/urls answers 404, only …/results/download_url works. */
  legacyServer?: boolean
  /** How long a signed URL stays valid, on the simulator clock (default 300000). */
  signedUrlTtlMs?: number
  /** Real-time wait (ms) before the object store sends the headers of each file (default 0). */
  firstByteDelayMs?: number
  /** How long (ms, simulator clock) a new data asset stays in 'draft' (default 300). */
  dataAssetReadyMs?: number
  /** How captured data assets end unless a program says otherwise (default 'ready'). */
  dataAssetOutcome?: CaptureOutcome
}

interface RequestContext {
  request: RecordedRequest
  now: number
}

function errorReply(status: number, message: string): Reply {
  return { status, json: { message } }
}

/** What every JSON POST checks first: a JSON Content-Type and a non-empty body, then `validate` on the parsed body. */
function checkJsonBody<T>(request: RecordedRequest, validate: (body: unknown) => Validation<T>): Validation<T> {
  if (!isJsonContentType(request.headers['content-type'])) {
    return {
      ok: false,
      message: `Content-Type must be application/json, got ${request.headers['content-type'] ?? 'none'}`
    }
  }
  if (request.rawBody.trim() === '') return { ok: false, message: 'request body is required' }
  return validate(request.body)
}

function nonNegative(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${String(value)}`)
  }
  return value
}

/** A folder path as a client may send it: '', '/', 'data', '/data/' all name folders by their listed path. */
function folderKey(path: string): string {
  return path.replace(/^\/+/, '').replace(/\/+$/, '')
}

export class CodeOceanSimulator {
  readonly token: string
  readonly requests: RecordedRequest[] = []

  private readonly port: number
  private readonly host: string
  private readonly phases: Phase[]
  private readonly defaultOutcome: Outcome
  private readonly defaultResults: ResultSpec[] | undefined
  private readonly dataAssetReadyMs: number
  private readonly dataAssetOutcome: CaptureOutcome
  private readonly now: () => number
  private readonly log: ((line: string) => void) | undefined
  private readonly router = new Router<RequestContext>()
  // Insertion order is creation order, which runs() relies on.
  private readonly store = new Map<string, StoredRun>()
  private readonly programs = new Map<string, RunProgram>()
  private readonly assets = new Map<string, StoredDataAsset>()
  private readonly faults = new FaultQueue<FaultMatch, FaultResponse>()
  private readonly delays = new Delays()
  private readonly objectStore: ObjectStore
  private server: Server | undefined
  private baseUrl: string | undefined

  constructor(options: SimulatorOptions = {}) {
    this.token = options.token ?? DEFAULT_TOKEN
    this.port = options.port ?? 0
    this.host = options.host ?? '127.0.0.1'
    this.phases = (options.phases ?? DEFAULT_PHASES).map((p) => ({ ...p }))
    this.defaultOutcome = options.defaultOutcome ?? 'succeeded'
    checkProgram({ outcome: this.defaultOutcome, phases: this.phases })
    if (options.defaultResults !== undefined) {
      checkResults(options.defaultResults, 'defaultResults')
      this.defaultResults = copyResults(options.defaultResults)
    }
    this.dataAssetReadyMs = nonNegative(options.dataAssetReadyMs, 'dataAssetReadyMs', DEFAULT_DATA_ASSET_READY_MS)
    this.dataAssetOutcome = options.dataAssetOutcome ?? 'ready'
    if (!(CAPTURE_OUTCOMES as readonly string[]).includes(this.dataAssetOutcome)) {
      throw new TypeError(
        `dataAssetOutcome must be one of ${CAPTURE_OUTCOMES.join(', ')}, got ${JSON.stringify(this.dataAssetOutcome)}`
      )
    }
    this.now = options.now ?? Date.now
    this.log = options.log
    this.objectStore = new ObjectStore({
      host: this.host,
      now: this.now,
      ttlMs: nonNegative(options.signedUrlTtlMs, 'signedUrlTtlMs', DEFAULT_SIGNED_URL_TTL_MS),
      firstByteDelayMs: nonNegative(options.firstByteDelayMs, 'firstByteDelayMs', 0),
      lookup: (id, path) => this.storedObject(id, path),
      delays: this.delays,
      log: this.log
    })

    this.router
      .add('POST', `${API_PREFIX}/computations`, (ctx) => this.startRun(ctx))
      .add('GET', `${API_PREFIX}/computations/:id`, (ctx, p) => this.getRun(ctx, p.id ?? ''))
      .add('PATCH', `${API_PREFIX}/computations/:id`, (ctx, p) => this.renameRun(ctx, p.id ?? ''))
      .add('DELETE', `${API_PREFIX}/computations/:id`, (ctx, p) => this.deleteRun(ctx, p.id ?? ''))
      .add('POST', `${API_PREFIX}/computations/:id/results`, (ctx, p) => this.listResults(ctx, p.id ?? ''))
      .add('GET', `${API_PREFIX}/computations/:id/results/download_url`, (ctx, p) =>
        this.resultUrls(ctx, p.id ?? '', 'legacy')
      )
      .add('POST', `${API_PREFIX}/data_assets`, (ctx) => this.createDataAsset(ctx))
      .add('GET', `${API_PREFIX}/data_assets/:id`, (ctx, p) => this.getDataAsset(ctx, p.id ?? ''))
    // An older server simply has no such route, so it answers like any unknown path.
    if (options.legacyServer !== true) {
      this.router.add('GET', `${API_PREFIX}/computations/:id/results/urls`, (ctx, p) =>
        this.resultUrls(ctx, p.id ?? '', 'current')
      )
    }
  }

  /** The base URL without /api/v1, e.g. 'http://127.0.0.1:43121'. Throws before start(). */
  get url(): string {
    if (this.baseUrl === undefined) throw new Error('CodeOceanSimulator: not started; call start() first')
    return this.baseUrl
  }

  /** The object store's base URL, e.g. 'http://127.0.0.1:43122'; signed result URLs point here. Throws before start(). */
  get storeUrl(): string {
    return this.objectStore.url
  }

  /** Every request the object store got since start or reset(), in order, headers lower-cased. */
  get storeRequests(): RecordedRequest[] {
    return this.objectStore.requests
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
    const baseUrl = await listen(server, this.host, this.port)
    try {
      await this.objectStore.start()
    } catch (err) {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      throw err
    }
    this.server = server
    this.baseUrl = baseUrl
    return this.baseUrl
  }

  /** Closes the API server and the object store, cutting off open connections, pending delays and downloads. */
  async stop(): Promise<void> {
    const server = this.server
    if (server === undefined) return
    this.server = undefined
    this.baseUrl = undefined
    // A request waiting out a fault delay would otherwise keep its timer (and
    // jest) alive after the server is gone.
    this.delays.cancelAll()
    await Promise.all([closeServer(server), this.objectStore.stop()])
  }

  /** Runs of this capsule or pipeline id follow `program`; fields left out use the defaults. */
  program(targetId: string, program: RunProgram): void {
    checkProgram(program)
    this.programs.set(targetId, {
      ...(program.outcome !== undefined ? { outcome: program.outcome } : {}),
      ...(program.phases !== undefined ? { phases: program.phases.map((p) => ({ ...p })) } : {}),
      ...(program.results !== undefined ? { results: copyResults(program.results) } : {}),
      ...(program.captureOutcome !== undefined ? { captureOutcome: program.captureOutcome } : {})
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

  /** How many results listings (POST …/results) arrived, for one computation or all; faulted and refused ones count too. */
  listingCalls(computationId?: string): number {
    return this.requests.filter((r) => {
      if (r.method !== 'POST') return false
      const m = /^\/api\/v1\/computations\/([^/]+)\/results$/.exec(r.path)
      if (m === null) return false
      if (computationId === undefined) return true
      try {
        return decodeURIComponent(m[1] ?? '') === computationId
      } catch {
        return m[1] === computationId
      }
    }).length
  }

  /** Every data asset created since start or reset(), in creation order, each as a GET would answer now. */
  dataAssets(): DataAssetRecord[] {
    const now = this.now()
    return [...this.assets.values()].map((asset) => dataAssetRecordOf(asset, now))
  }

  /**
   * Takes the next `count` matching requests with `response` instead of the
   * real handler: a status answer, a connection reset, or a pass-through, each
   * optionally delayed (see FaultResponse).
   */
  failNext(match: FaultMatch, response: FaultResponse, count = 1): void {
    if (!(count > 0)) throw new RangeError(`failNext: count must be > 0, got ${count}`)
    checkFault(response, 'failNext')
    this.faults.add({ ...match }, { ...response }, count)
  }

  /**
   * Takes the next `count` object-store requests for a matching file with
   * `fault`: a status answer, a reset, a pass-through (each optionally
   * delayed), or `truncateAfterBytes` (an interrupted download). Faults come
   * before the store's own checks, except that truncation only cuts a file the
   * store would really have served.
   */
  failNextDownload(match: DownloadFaultMatch, fault: DownloadFault, count = 1): void {
    this.objectStore.failNext(match, fault, count)
  }

  reset(): void {
    // Emptied in place so a reference a test already holds stays live.
    this.requests.length = 0
    this.store.clear()
    this.programs.clear()
    this.assets.clear()
    this.faults.clear()
    this.objectStore.reset()
  }

  private takeFault(method: string, path: string): FaultResponse | undefined {
    return this.faults.take(
      (match) => (match.method === undefined || match.method.toUpperCase() === method) && matches(match.path, path)
    )
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
    const { request, parsed, search } = await recordRequest(req, this.now())
    const method = request.method
    this.requests.push(request)

    const fault = this.takeFault(method, request.path)
    const logLine = (outcome: string): void =>
      this.log?.(`${method} ${request.path}${search} -> ${outcome} (${Date.now() - started} ms)`)
    if (fault === undefined) {
      const reply = await this.dispatch(request, parsed)
      sendReply(res, reply)
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

    if (delayMs > 0 && !(await this.delays.wait(delayMs, res))) {
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
    sendReply(res, reply)
    logLine(`${reply.status} [injected ${description}]`)
  }

  private async dispatch(request: RecordedRequest, parsed: ParsedBody | undefined): Promise<Reply> {
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

  private liveRun(id: string): StoredRun | undefined {
    const run = this.store.get(id)
    return run === undefined || run.deletedAt !== undefined ? undefined : run
  }

  private notFound(id: string): Reply {
    return errorReply(404, `computation ${id} not found`)
  }

  /** What the object store serves for a signed URL: the file, if its run still has it. */
  private storedObject(id: string, path: string): { spec: ResultSpec; modifiedAt: number } | undefined {
    const run = this.store.get(id)
    if (run === undefined) return undefined
    const spec = resultsAt(run, this.now())?.file(path)
    return spec === undefined ? undefined : { spec, modifiedAt: run.createdAt + totalMs(run.phases) }
  }

  private startRun({ request, now }: RequestContext): Reply {
    const result = checkJsonBody(request, validateRunRequest)
    if (!result.ok) return errorReply(400, result.message)

    const targetId = result.value.pipeline_id ?? result.value.capsule_id ?? ''
    const program = this.programs.get(targetId)
    const outcome = program?.outcome ?? this.defaultOutcome
    const phases = program?.phases ?? this.phases
    const results = program?.results ?? this.defaultResults
    let id = randomUUID()
    while (this.store.has(id)) id = randomUUID()
    const run = createRun(id, result.value, now, {
      outcome,
      phases,
      ...(results !== undefined ? { results } : {}),
      ...(program?.captureOutcome !== undefined ? { captureOutcome: program.captureOutcome } : {})
    })
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

  private listResults({ request, now }: RequestContext, id: string): Reply {
    const run = this.liveRun(id)
    if (run === undefined) return this.notFound(id)
    let folder = ''
    if (request.rawBody.trim() !== '') {
      if (!isPlainObject(request.body))
        return errorReply(400, 'request body must be a JSON object such as {"path": ""}')
      const unknown = Object.keys(request.body).filter((key) => key !== 'path')
      if (unknown.length > 0) return errorReply(400, `request body: unknown field "${unknown[0]}" (allowed: path)`)
      const path = request.body.path
      if (path !== undefined) {
        if (typeof path !== 'string')
          return errorReply(400, 'path must be a string (a folder relative to /results; "" for the root)')
        folder = folderKey(path)
      }
    }
    const tree: ResultTree | undefined = resultsAt(run, now)
    // A run with no results (yet) has an empty /results, not a missing one.
    if (tree === undefined)
      return folder === ''
        ? { status: 200, json: { items: [] } }
        : errorReply(404, `folder "${folder}" not found in the results of computation ${id}`)
    const items = tree.list(folder)
    if (items === undefined) return errorReply(404, `folder "${folder}" not found in the results of computation ${id}`)
    return { status: 200, json: { items } }
  }

  private resultUrls({ request, now }: RequestContext, id: string, kind: 'current' | 'legacy'): Reply {
    const run = this.liveRun(id)
    if (run === undefined) return this.notFound(id)
    const path = request.query.path
    if (path === undefined || path === '')
      return errorReply(400, 'query parameter "path" is required (a file relative to /results)')
    const tree = resultsAt(run, now)
    if (tree?.file(path) === undefined) {
      if (tree?.isFolder(folderKey(path)) === true) return errorReply(400, `"${path}" is a folder; URLs are for files`)
      return errorReply(404, `file "${path}" not found in the results of computation ${id}`)
    }
    if (kind === 'legacy') return { status: 200, json: { url: this.objectStore.sign(id, path, 'attachment') } }
    return {
      status: 200,
      json: {
        download_url: this.objectStore.sign(id, path, 'attachment'),
        view_url: this.objectStore.sign(id, path, 'inline')
      }
    }
  }

  private createDataAsset({ request, now }: RequestContext): Reply {
    const result = checkJsonBody(request, validateDataAssetRequest)
    if (!result.ok) return errorReply(400, result.message)
    const params = result.value
    const { id: computationId, path } = params.source.computation
    const run = this.liveRun(computationId)
    if (run === undefined) return errorReply(400, `source.computation.id: computation ${computationId} not found`)
    const computation = computationAt(run, now)
    if (computation.state !== 'completed' && computation.state !== 'failed') {
      return errorReply(
        400,
        `source.computation.id: computation ${computationId} has not finished (state ${computation.state}); capture its results after it ends`
      )
    }
    const tree = resultsAt(run, now)
    const folder = folderKey(path ?? '')
    if (folder !== '' && tree?.isFolder(folder) !== true) {
      return errorReply(
        400,
        `source.computation.path: no folder "${path}" in the results of computation ${computationId}`
      )
    }
    const files = tree?.filesUnder(folder) ?? []
    let id = randomUUID()
    while (this.assets.has(id)) id = randomUUID()
    const outcome: CaptureOutcome = files.length === 0 ? 'failed' : (run.captureOutcome ?? this.dataAssetOutcome)
    const asset: StoredDataAsset = {
      id,
      request: params,
      createdAt: now,
      readyAt: now + this.dataAssetReadyMs,
      outcome,
      files: files.length,
      size: files.reduce((sum, spec) => sum + resultSizeOf(spec), 0),
      provenance: {
        computation: computationId,
        ...(run.kind === 'capsule' ? { capsule: run.targetId } : {}),
        ...(run.request.data_assets !== undefined ? { data_assets: run.request.data_assets.map((a) => a.id) } : {})
      }
    }
    if (outcome === 'failed') {
      asset.failureReason =
        files.length === 0
          ? `computation ${computationId} has no result files to capture${folder === '' ? '' : ` under "${folder}"`}`
          : 'simulated capture failure: copying results to the data asset failed'
    }
    this.assets.set(id, asset)
    return { status: 200, json: dataAssetAt(asset, now) }
  }

  private getDataAsset({ now }: RequestContext, id: string): Reply {
    const asset = this.assets.get(id)
    return asset === undefined
      ? errorReply(404, `data asset ${id} not found`)
      : { status: 200, json: dataAssetAt(asset, now) }
  }
}
