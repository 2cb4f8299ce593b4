// The computation model and its clock-driven state machine. Pure: every
// function takes the current time as an argument, so tests and benchmarks can
// replay a run's whole life without waiting for it.

import { createHash } from 'node:crypto'
import { checkResults, defaultResults, ResultTree, type LogEnding, type ResultSpec } from './results.js'
import type { NamedParameter, RunRequest } from './validate.js'

export const OUTCOMES = ['succeeded', 'failed', 'exit-code', 'state-failed', 'stopped', 'never-ends'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** One stretch of a run's life. `state` is free text so tests can feed states the client has never seen. */
export interface Phase {
  state: string
  ms: number
}

export const CAPTURE_OUTCOMES = ['ready', 'failed'] as const
/** How a data asset captured from a run's results ends up. */
export type CaptureOutcome = (typeof CAPTURE_OUTCOMES)[number]

export interface RunProgram {
  outcome?: Outcome
  phases?: Phase[]
  /**
   * The run's result files, served once it has ended with an outcome that has
   * results. Left out: the simulator's default tree. `[]`: no results at all
   * (and `has_results: false`).
   */
  results?: ResultSpec[]
  /** How a data asset captured from these runs ends up (default: the simulator's dataAssetOutcome). */
  captureOutcome?: CaptureOutcome
  /**
   * The name the server reports for these runs, after every rename too (hostile names,
   * a server echoing a secret). `{name}` in it stands for the run's own name: the
   * default 'Run NNNNNNN', or the one a rename gave it.
   */
  name?: string
  /** Extra fields the Computation object carries, after the usual ones (which they cannot replace). */
  fields?: Record<string, unknown>
  /** Leave `has_results` out of the computation, which Code Ocean's model makes optional. */
  omitHasResults?: boolean
}

export const DEFAULT_PHASES: readonly Phase[] = Object.freeze([
  { state: 'initializing', ms: 300 },
  { state: 'running', ms: 500 },
  { state: 'finalizing', ms: 200 }
])

// What a current (>= 4.3) server sends as the run's owner.
export const SIMULATOR_OWNER = '9b17d7b7-5f8c-4a6e-9d0e-51a1a2c0ffee'
export const SIMULATOR_OWNER_EMAIL = 'simulator@codeocean.invalid'
/** Who owns runs of a release version (docs/codeocean-api.md §5): only admins may rename or delete them. */
const RELEASE_OWNER = 'release'

/** The label of a named parameter, by its key and, in a pipeline, its process; '' when it has none. */
export type ParameterLabel = (paramName: string, processName?: string) => string

/**
 * A parameter as a run reports it (the SDK's Param): `name` is the display label (the app
 * panel's, or '' when it has none), `param_name` the key a named parameter was given by.
 */
interface ComputationParameter {
  name: string
  param_name?: string
  value: string
}

interface ComputationProcess {
  name: string
  capsule_id: string
  version?: number
  public?: boolean
  parameters?: ComputationParameter[]
}

/** The Computation object as the API sends it (docs/codeocean-api.md §3). */
export interface Computation {
  id: string
  created: number
  name: string
  owner: string
  /** Absent for runs of a release version (docs/codeocean-api.md §3). */
  owner_email?: string
  run_time: number
  state: string
  end_status?: 'succeeded' | 'failed' | 'stopped'
  exit_code?: number
  /** Optional in Code Ocean's model; left out by runs programmed with omitHasResults. */
  has_results?: boolean
  cloud_workstation: boolean
  data_assets?: { id: string; mount?: string }[]
  parameters?: ComputationParameter[]
  nextflow_profile?: string
  processes?: ComputationProcess[]
}

/** Everything the simulator keeps about one run; mutable only through the simulator. */
export interface StoredRun {
  id: string
  kind: 'capsule' | 'pipeline'
  targetId: string
  request: RunRequest
  /** The request's parameters as the run reports them, labelled when it started. */
  echo: Pick<Computation, 'parameters' | 'processes'>
  createdAt: number
  name: string
  outcome: Outcome
  phases: Phase[]
  results: ResultSpec[]
  tree: ResultTree
  captureOutcome?: CaptureOutcome
  nameTemplate?: string
  fields?: Record<string, unknown>
  omitHasResults?: boolean
  /** Another user's run (their user id): someone else started it with their own token. */
  owner?: string
  deletedAt?: number
}

/** The internal view handed to tests by `CodeOceanSimulator.computation()`. */
export interface ComputationRecord {
  id: string
  kind: 'capsule' | 'pipeline'
  targetId: string
  request: RunRequest
  /** Clock time (ms) of the POST that started the run. */
  createdAt: number
  outcome: Outcome
  phases: Phase[]
  deleted: boolean
  /** Clock time (ms) of the DELETE, when deleted. */
  deletedAt?: number
  /** The run's state at the moment it was deleted, e.g. 'running' when a client stopped it. */
  stateWhenDeleted?: string
  /** As a GET would answer now; for a deleted run, frozen at the moment of deletion. */
  computation: Computation
  /** The run's result files (served only while `computation.has_results` is true). */
  results: ResultSpec[]
}

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value)
}

/** Throws on a program the state machine cannot walk, so a bad test setup fails where it is written. */
export function checkProgram(program: RunProgram): void {
  if (program.outcome !== undefined && !isOutcome(program.outcome)) {
    throw new TypeError(`unknown outcome ${JSON.stringify(program.outcome)}; expected one of ${OUTCOMES.join(', ')}`)
  }
  for (const phase of program.phases ?? []) {
    if (typeof phase.state !== 'string' || phase.state === '') {
      throw new TypeError(`phase state must be a non-empty string, got ${JSON.stringify(phase.state)}`)
    }
    if (typeof phase.ms !== 'number' || !Number.isFinite(phase.ms) || phase.ms < 0) {
      throw new TypeError(`phase ${phase.state}: ms must be a finite number >= 0, got ${String(phase.ms)}`)
    }
  }
  if (program.results !== undefined) checkResults(program.results)
  if (program.name !== undefined && typeof program.name !== 'string') {
    throw new TypeError(`name must be a string, got ${JSON.stringify(program.name)}`)
  }
  if (
    program.captureOutcome !== undefined &&
    !(CAPTURE_OUTCOMES as readonly string[]).includes(program.captureOutcome)
  ) {
    throw new TypeError(
      `unknown captureOutcome ${JSON.stringify(program.captureOutcome)}; expected one of ${CAPTURE_OUTCOMES.join(', ')}`
    )
  }
}

/** Which way the default `output` log ends for an outcome. */
function logEnding(outcome: Outcome): LogEnding {
  if (outcome === 'succeeded') return 'succeeded'
  if (outcome === 'stopped') return 'stopped'
  return 'failed'
}

/** Copies specs so later changes to a test's array do not reach a stored run (Buffers are shared, not copied). */
export function copyResults(specs: readonly ResultSpec[]): ResultSpec[] {
  return specs.map((spec) => ({ ...spec }))
}

export function totalMs(phases: readonly Phase[]): number {
  return phases.reduce((sum, phase) => sum + phase.ms, 0)
}

interface Progress {
  state: string
  ended: boolean
  end_status?: Computation['end_status']
  exit_code?: number
  has_results: boolean
}

// How each outcome looks once the last phase is over. Mirrors what Code Ocean
// reports, including the confusing `succeeded` + exit code 1 combination.
const FINAL: Record<Exclude<Outcome, 'never-ends'>, Progress> = {
  succeeded: { state: 'completed', ended: true, end_status: 'succeeded', exit_code: 0, has_results: true },
  failed: { state: 'completed', ended: true, end_status: 'failed', exit_code: 1, has_results: true },
  'exit-code': { state: 'completed', ended: true, end_status: 'succeeded', exit_code: 1, has_results: true },
  'state-failed': { state: 'failed', ended: true, has_results: false },
  stopped: { state: 'completed', ended: true, end_status: 'stopped', has_results: true }
}

/** Where a run with these phases and outcome stands `elapsedMs` after it was created. */
function progressAt(phases: readonly Phase[], outcome: Outcome, elapsedMs: number): Progress {
  let phaseEnd = 0
  for (const phase of phases) {
    phaseEnd += phase.ms
    if (elapsedMs < phaseEnd) return { state: phase.state, ended: false, has_results: false }
  }
  if (outcome === 'never-ends') {
    // With no phases there is no "last state"; 'running' is the least surprising one.
    return { state: phases.at(-1)?.state ?? 'running', ended: false, has_results: false }
  }
  return { ...FINAL[outcome] }
}

/** Code Ocean's default run name: "Run " and the last seven digits of `created`. */
function defaultRunName(createdSeconds: number): string {
  return `Run ${String(createdSeconds % 10_000_000).padStart(7, '0')}`
}

// The real server answers with the id of the capsule behind each pipeline
// process; the simulator has no such capsule, so it derives a stable fake one.
function processCapsuleId(pipelineId: string, processName: string): string {
  const hex = createHash('sha256').update(`${pipelineId}/${processName}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

function echoParameters(
  ordered: string[] | undefined,
  named: NamedParameter[] | undefined,
  label: (paramName: string) => string
): ComputationParameter[] | undefined {
  if (ordered === undefined && named === undefined) return undefined
  // Ordered parameters carry no label; named ones carry their key in `param_name` and
  // their display label in `name`, '' when the app panel gives them none.
  return [
    ...(ordered ?? []).map((value) => ({ name: '', value })),
    ...(named ?? []).map((p) => ({ name: label(p.param_name), param_name: p.param_name, value: p.value }))
  ]
}

/** The request's parameters as the run will report them, with the labels `label` gives. */
function echoOf(request: RunRequest, targetId: string, label: ParameterLabel): StoredRun['echo'] {
  const echo: StoredRun['echo'] = {}
  const parameters = echoParameters(request.parameters, request.named_parameters, (key) => label(key))
  if (parameters !== undefined) echo.parameters = parameters
  if (request.processes !== undefined) {
    echo.processes = request.processes.map((proc) => {
      const out: ComputationProcess = { name: proc.name, capsule_id: processCapsuleId(targetId, proc.name) }
      const procParams = echoParameters(proc.parameters, proc.named_parameters, (key) => label(key, proc.name))
      if (procParams !== undefined) out.parameters = procParams
      return out
    })
  }
  return echo
}

/** Where `run` stands at clock time `now` (ms), frozen at its deletion, and how long it has run. */
function standing(run: StoredRun, now: number): { progress: Progress; elapsed: number } {
  const at = run.deletedAt ?? now
  const elapsed = Math.max(0, at - run.createdAt)
  return { progress: progressAt(run.phases, run.outcome, elapsed), elapsed }
}

/** Whether the run has results now; said in `has_results` unless the run leaves that out. */
function hasResultsAt(run: StoredRun, now: number): boolean {
  // A run that ended with nothing in /results says so, as the server does.
  return standing(run, now).progress.has_results && !run.tree.isEmpty
}

/** Whether the run belongs to a release version: owned by 'release', renamed or deleted by admins only. */
export function isReleaseRun(run: StoredRun): boolean {
  return run.request.version !== undefined
}

/** The Computation object for `run` as of clock time `now` (ms). */
export function computationAt(run: StoredRun, now: number): Computation {
  const { progress, elapsed } = standing(run, now)
  // run_time stops growing when the run ends, as it does on the server.
  const runMs = progress.ended ? Math.min(elapsed, totalMs(run.phases)) : elapsed

  // Built in one literal so the JSON keys come out in the order Code Ocean uses.
  const computation: Computation = {
    id: run.id,
    created: Math.floor(run.createdAt / 1000),
    name: run.nameTemplate === undefined ? run.name : run.nameTemplate.split('{name}').join(run.name),
    owner: isReleaseRun(run) ? RELEASE_OWNER : (run.owner ?? SIMULATOR_OWNER),
    ...(isReleaseRun(run) || run.owner !== undefined ? {} : { owner_email: SIMULATOR_OWNER_EMAIL }),
    run_time: Math.floor(runMs / 1000),
    state: progress.state,
    ...(progress.end_status !== undefined ? { end_status: progress.end_status } : {}),
    ...(progress.exit_code !== undefined ? { exit_code: progress.exit_code } : {}),
    ...(run.omitHasResults === true ? {} : { has_results: hasResultsAt(run, now) }),
    cloud_workstation: false
  }
  Object.assign(
    computation,
    Object.fromEntries(Object.entries(run.fields ?? {}).filter(([key]) => !(key in computation)))
  )

  const req = run.request
  if (req.data_assets !== undefined) computation.data_assets = req.data_assets.map((a) => ({ ...a }))
  if (run.echo.parameters !== undefined) computation.parameters = structuredClone(run.echo.parameters)
  if (req.nextflow_profile !== undefined) computation.nextflow_profile = req.nextflow_profile
  if (run.echo.processes !== undefined) computation.processes = structuredClone(run.echo.processes)
  return computation
}

/**
 * Builds the stored run for a validated request; `id` and `now` come from the caller to
 * keep this pure, and so do the labels of its parameters (the target's app panel's).
 */
export function createRun(
  id: string,
  request: RunRequest,
  now: number,
  program: {
    outcome: Outcome
    phases: readonly Phase[]
    results?: readonly ResultSpec[]
    captureOutcome?: CaptureOutcome
    name?: string
    fields?: Record<string, unknown>
    omitHasResults?: boolean
  },
  label: ParameterLabel = () => ''
): StoredRun {
  const kind = request.pipeline_id !== undefined ? 'pipeline' : 'capsule'
  const results = copyResults(program.results ?? defaultResults(id, logEnding(program.outcome)))
  const targetId = (kind === 'pipeline' ? request.pipeline_id : request.capsule_id) ?? ''
  const run: StoredRun = {
    id,
    kind,
    targetId,
    request,
    echo: echoOf(request, targetId, label),
    createdAt: now,
    name: defaultRunName(Math.floor(now / 1000)),
    outcome: program.outcome,
    phases: program.phases.map((p) => ({ ...p })),
    results,
    tree: new ResultTree(results)
  }
  if (program.captureOutcome !== undefined) run.captureOutcome = program.captureOutcome
  if (program.name !== undefined) run.nameTemplate = program.name
  if (program.fields !== undefined) run.fields = structuredClone(program.fields)
  if (program.omitHasResults === true) run.omitHasResults = true
  return run
}

/** The run's results tree when it has results now (ended, with an outcome that keeps them, not deleted). */
export function resultsAt(run: StoredRun, now: number): ResultTree | undefined {
  if (run.deletedAt !== undefined) return undefined
  return hasResultsAt(run, now) ? run.tree : undefined
}

export function recordOf(run: StoredRun, now: number): ComputationRecord {
  const computation = computationAt(run, now)
  const record: ComputationRecord = {
    id: run.id,
    kind: run.kind,
    targetId: run.targetId,
    request: structuredClone(run.request),
    createdAt: run.createdAt,
    outcome: run.outcome,
    phases: run.phases.map((p) => ({ ...p })),
    deleted: run.deletedAt !== undefined,
    computation,
    results: copyResults(run.results)
  }
  if (run.deletedAt !== undefined) {
    record.deletedAt = run.deletedAt
    record.stateWhenDeleted = computation.state
  }
  return record
}
