// A Code Ocean REST API simulator: a real HTTP server on loopback that starts
// runs, walks them through their states on a clock, and can be told to fail.
// Tests drive it through real sockets so the client's HTTP stack (headers,
// auth, error bodies, keep-alive) is exercised, not mocked.
//
// This file is the server core and the public facade: listening, the token
// check, injected faults and dispatch. What each endpoint does lives with its
// resource under sim/routes/, the options in options.ts, and the object store
// that serves result files in store.ts.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { checkBasicAuth } from './auth.js'
import {
  checkProgram,
  copyResults,
  createRun,
  type Outcome,
  recordOf,
  resultsAt,
  totalMs,
  type ComputationRecord,
  type RunProgram
} from './computations.js'
import { dataAssetRecordOf, inputAsset, type DataAssetRecord, type InputAssetSpec } from './data-assets.js'
import {
  apiFault,
  FaultQueue,
  faultToReply,
  isHostile,
  matches,
  type ApiKind,
  type DownloadFault,
  type DownloadFaultMatch,
  type Fault,
  type FaultMatch,
  type FaultResponse
} from './faults.js'
import { Delays, LoopbackServer, recordRequest, sendReply, type ParsedBody, type RecordedRequest } from './http-util.js'
import { sendHostile } from './hostile.js'
import { DEFAULT_TOKEN, settingsFrom, storeTimingFrom, type SimulatorOptions } from './options.js'
import type { ResultSpec } from './results.js'
import { Router, type Reply } from './router.js'
import { AppPanelStore, labelsOf } from './app-panels.js'
import { registerAppPanelRoutes } from './routes/app-panel.js'
import { errorReply, unusedId } from './routes/common.js'
import { registerComputationRoutes } from './routes/computations.js'
import { registerDataAssetRoutes } from './routes/data-assets.js'
import { registerResultRoutes } from './routes/results.js'
import { registerTargetRoutes } from './routes/targets.js'
import { checkGitLink, Targets, type GitLink, type TargetKind, type TargetSpec } from './targets.js'
import { API_PREFIX, type RequestContext, type SimState } from './state.js'
import { ObjectStore } from './store.js'
import { isJsonContentType, type RunRequest } from './validate.js'

export type { ComputationRecord, Outcome, Phase, RunProgram } from './computations.js'
export { DEFAULT_PHASES, SIMULATOR_OWNER, SIMULATOR_OWNER_EMAIL } from './computations.js'
export type { RunRequest } from './validate.js'
export type { RecordedRequest, TlsIdentity } from './http-util.js'
export type { DownloadFault, DownloadFaultMatch, FaultMatch, FaultResponse } from './faults.js'
export type { ResultSpec } from './results.js'
export { expectedContent, resultBytes, resultChunks, resultSize } from './results.js'
export type { DataAssetRecord, InputAssetSpec } from './data-assets.js'
export type { GitLink, TargetKind, TargetSpec } from './targets.js'
export { DEFAULT_TOKEN, type SimulatorOptions } from './options.js'

/** The path of a status check (GET /api/v1/computations/{id}): aims faults at polling alone, or counts the polls. */
export const STATUS_CHECK = /^\/api\/v1\/computations\/[^/]+$/

export class CodeOceanSimulator {
  readonly token: string
  readonly requests: RecordedRequest[] = []
  /** TCP connections the API server accepted, TLS handshakes that failed included: one per attempt a client made. */
  connections = 0

  private readonly now: () => number
  private readonly log: ((line: string) => void) | undefined
  private readonly router = new Router<RequestContext>()
  /** The runs, programs and data assets the route handlers share (see sim/state.ts). */
  private readonly state: SimState
  private readonly faults = new FaultQueue<FaultMatch, Fault<ApiKind>>()
  private readonly delays = new Delays()
  private readonly objectStore: ObjectStore
  private readonly server: LoopbackServer

  constructor(options: SimulatorOptions = {}) {
    this.token = options.token ?? DEFAULT_TOKEN
    const host = options.host ?? '127.0.0.1'
    const settings = settingsFrom(options)
    this.now = options.now ?? Date.now
    this.log = options.log
    this.server = new LoopbackServer({
      host,
      port: options.port ?? 0,
      tls: options.tls,
      handler: (req, res) => {
        this.handle(req, res).catch((err: unknown) => {
          // Reached only when the socket died mid-request; nothing left to answer.
          this.log?.(`simulator: request failed: ${err instanceof Error ? err.message : String(err)}`)
          if (!res.headersSent) res.destroy()
        })
      }
    })
    this.objectStore = new ObjectStore({
      host,
      now: this.now,
      ...storeTimingFrom(options),
      lookup: (id, path) => this.storedObject(id, path),
      delays: this.delays,
      log: this.log,
      tls: options.storeTls ?? options.tls
    })
    this.state = {
      settings,
      runs: new Map(),
      programs: new Map(),
      assets: new Map(),
      gitLinks: new Map(),
      targets: new Targets(),
      appPanels: new AppPanelStore(),
      objectStore: this.objectStore
    }
    this.addInitialTargets()

    // The API as documented, one resource per file under sim/routes/; a new
    // resource is a new file there and one line here.
    registerComputationRoutes(this.router, this.state)
    registerResultRoutes(this.router, this.state)
    registerDataAssetRoutes(this.router, this.state)
    registerAppPanelRoutes(this.router, this.state)
    registerTargetRoutes(this.router, this.state)
  }

  /** The base URL without /api/v1, e.g. 'http://127.0.0.1:43121'. Throws before start(). */
  get url(): string {
    return this.server.url
  }

  /** The object store's base URL, e.g. 'http://127.0.0.1:43122'; signed result URLs point here. Throws before start(). */
  get storeUrl(): string {
    return this.objectStore.url
  }

  /** The API's routes, as 'METHOD pattern' (e.g. 'GET /api/v1/computations/:id'), as the options left them. */
  get routes(): string[] {
    return this.router.list()
  }

  /** Every request the object store got since start or reset(), in order, headers lower-cased. */
  get storeRequests(): RecordedRequest[] {
    return this.objectStore.requests
  }

  /** The most requests the object store answered at once since start or resetStoreInFlight(). */
  get storeMostInFlight(): number {
    return this.objectStore.mostInFlight
  }

  /** Starts counting storeMostInFlight afresh, from the requests the store is answering now. */
  resetStoreInFlight(): void {
    this.objectStore.resetMostInFlight()
  }

  /** Starts the API server and the object store; resolves with the API's base URL. */
  async start(): Promise<string> {
    const url = await this.server.start((server) => server.on('connection', () => (this.connections += 1)))
    try {
      await this.objectStore.start()
    } catch (err) {
      await this.server.stop()
      throw err
    }
    return url
  }

  /** Closes the API server and the object store, cutting off open connections, pending delays and downloads. */
  async stop(): Promise<void> {
    if (!this.server.listening) return
    // A request waiting out a fault delay would otherwise keep its timer (and
    // jest) alive after the server is gone.
    this.delays.cancelAll()
    await Promise.all([this.server.stop(), this.objectStore.stop()])
  }

  /**
   * What GET /capsules|pipelines/{id}/app_panel answers for this target (for release
   * `version`, when given; else for every version without one of its own). 'none'
   * makes it a 404, as from a server without app panels.
   */
  setAppPanel(kind: TargetKind, id: string, panel: unknown, version?: number): void {
    this.state.targets.add(kind, id, this.now())
    this.state.appPanels.set(kind, id, panel, version)
  }

  /** Makes a capsule exist: its id is answered (GET /capsules/{id}, runs, app panel…) rather than 404. */
  addCapsule(id: string, spec: TargetSpec = {}): void {
    this.state.targets.add('capsule', id, this.now(), spec)
  }

  /** Makes a pipeline exist, as addCapsule does a capsule. */
  addPipeline(id: string, spec: TargetSpec = {}): void {
    this.state.targets.add('pipeline', id, this.now(), spec)
  }

  /** Runs of this capsule or pipeline id follow `program`; fields left out use the defaults. The id becomes known. */
  program(targetId: string, program: RunProgram): void {
    checkProgram(program)
    this.state.targets.add(undefined, targetId, this.now())
    this.state.programs.set(targetId, {
      ...(program.outcome !== undefined ? { outcome: program.outcome } : {}),
      ...(program.phases !== undefined ? { phases: program.phases.map((p) => ({ ...p })) } : {}),
      ...(program.results !== undefined ? { results: copyResults(program.results) } : {}),
      ...(program.captureOutcome !== undefined ? { captureOutcome: program.captureOutcome } : {}),
      ...(program.name !== undefined ? { name: program.name } : {}),
      ...(program.fields !== undefined ? { fields: structuredClone(program.fields) } : {}),
      ...(program.omitHasResults === true ? { omitHasResults: true } : {})
    })
  }

  /** Links a capsule or pipeline to a Git repository; its next sync answers these counts (then zeros). */
  linkGit(targetId: string, next: GitLink = {}): void {
    checkGitLink(next)
    this.state.targets.add(undefined, targetId, this.now())
    this.state.gitLinks.set(targetId, { ...next })
  }

  /** Adds an existing data asset to attach to runs: ready at once, or a draft for `draftMs` that ends ready or failed. */
  addDataAsset(spec: InputAssetSpec = {}): string {
    const id = spec.id ?? unusedId(this.state.assets)
    this.state.assets.set(id, inputAsset(id, spec, this.now()))
    return id
  }

  /**
   * Adds a run as if started `agoMs` before now (default: long enough to have ended),
   * for tests of what an earlier attempt left behind, or of a target's history. `runMs`
   * makes it run that long (its `run_time`), in one 'running' phase; by default it
   * goes through the simulator's phases. `owner` makes it someone else's run (a
   * colleague's), reported with that owner instead of the token's. Returns its id.
   */
  addRun(
    request: RunRequest,
    options: {
      id?: string
      name?: string
      outcome?: Outcome
      agoMs?: number
      runMs?: number
      owner?: { id: string; email?: string }
    } = {}
  ): string {
    const id = options.id ?? unusedId(this.state.runs)
    const at = this.now() - (options.agoMs ?? 3_600_000)
    const phases = options.runMs === undefined ? this.state.settings.phases : [{ state: 'running', ms: options.runMs }]
    checkProgram({ phases })
    const kind = request.pipeline_id !== undefined ? 'pipeline' : 'capsule'
    const targetId = request.pipeline_id ?? request.capsule_id ?? ''
    this.state.targets.add(kind, targetId, at)
    const panel = this.state.appPanels.get(kind, targetId, request.version)
    const run = createRun(id, request, at, { outcome: options.outcome ?? 'failed', phases }, labelsOf(panel))
    if (options.name !== undefined) run.name = options.name
    if (options.owner !== undefined) run.owner = { ...options.owner }
    this.state.runs.set(id, run)
    return id
  }

  computation(id: string): ComputationRecord | undefined {
    const run = this.state.runs.get(id)
    return run === undefined ? undefined : recordOf(run, this.now())
  }

  /** Every run started since start or reset(), deleted ones included, in creation order. */
  runs(): ComputationRecord[] {
    const now = this.now()
    return [...this.state.runs.values()].map((run) => recordOf(run, now))
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
    return [...this.state.assets.values()].map((asset) => dataAssetRecordOf(asset, now))
  }

  /**
   * Takes the next `count` matching requests with `response` instead of the
   * real handler: a status answer, a connection reset, a pass-through, or a
   * hostile answer (a drip, a gzip bomb, huge JSON, an endless body), each
   * optionally delayed (see FaultResponse).
   */
  failNext(match: FaultMatch, response: FaultResponse, count = 1): void {
    if (!(count > 0)) throw new RangeError(`failNext: count must be > 0, got ${count}`)
    this.faults.add({ ...match }, apiFault(response, 'failNext'), count)
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
    this.connections = 0
    this.state.runs.clear()
    this.state.programs.clear()
    this.state.assets.clear()
    this.state.appPanels.clear()
    this.state.gitLinks.clear()
    this.state.targets.clear()
    this.addInitialTargets()
    this.faults.clear()
    this.objectStore.reset()
  }

  /** The capsules and pipelines the options say exist from the start. */
  private addInitialTargets(): void {
    const now = this.now()
    for (const id of this.state.settings.capsules) this.state.targets.add('capsule', id, now)
    for (const id of this.state.settings.pipelines) this.state.targets.add('pipeline', id, now)
  }

  private takeFault(method: string, path: string): Fault<ApiKind> | undefined {
    return this.faults.take(
      (match) => (match.method === undefined || match.method.toUpperCase() === method) && matches(match.path, path)
    )
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now()
    const { request, parsed, search } = await recordRequest(req, this.now())
    const method = request.method
    this.requests.push(request)
    // The server's clock, as a real one tells it: the same clock its runs' `created` times come from.
    res.setHeader('Date', new Date(request.at).toUTCString())

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
    if ((fault.kind === 'status' || fault.kind === 'reset') && fault.createRun === true) {
      const handled = await this.dispatch(request, parsed)
      const created = method === 'POST' && request.path === `${API_PREFIX}/computations` && handled.status === 200
      steps.push(created ? 'created' : `handled ${handled.status}`)
    }
    const delayMs = fault.delayMs ?? 0
    if (delayMs > 0) steps.unshift(`delay ${delayMs}ms`)
    steps.push(
      fault.kind === 'status'
        ? `status ${fault.status}`
        : fault.kind === 'reset' || fault.kind === 'passThrough'
          ? fault.kind
          : 'hostile answer'
    )
    const description = steps.join('+')
    request.fault = description

    if (delayMs > 0 && !(await this.delays.wait(delayMs, res))) {
      request.fault = `${description} (client gone)`
      logLine(`nothing [injected ${request.fault}]`)
      return
    }
    if (isHostile(fault)) {
      const sent = await sendHostile(res, fault, () => this.dispatch(request, parsed), this.delays)
      request.fault = delayMs > 0 ? `delay ${delayMs}ms+${sent}` : sent
      logLine(`hostile answer [injected ${request.fault}]`)
      return
    }
    if (fault.kind === 'reset') {
      // No status line at all: the client sees the connection close under it.
      req.socket.destroy()
      logLine(`reset [injected ${description}]`)
      return
    }
    const reply = fault.kind === 'passThrough' ? await this.dispatch(request, parsed) : faultToReply(fault)
    sendReply(res, reply)
    logLine(`${reply.status} [injected ${description}]`)
  }

  private async dispatch(request: RecordedRequest, parsed: ParsedBody | undefined): Promise<Reply> {
    const authError = checkBasicAuth(request.headers.authorization, this.token)
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

  /** What the object store serves for a signed URL: the file, if its run still has it. */
  private storedObject(id: string, path: string): { spec: ResultSpec; modifiedAt: number } | undefined {
    const run = this.state.runs.get(id)
    if (run === undefined) return undefined
    const spec = resultsAt(run, this.now())?.file(path)
    return spec === undefined ? undefined : { spec, modifiedAt: run.createdAt + totalMs(run.phases) }
  }
}
