/**
 * Which listed run, if any, a start that failed ambiguously created: the runs created
 * since just before the start, by the server's clock, whose request fields equal ours.
 * Pure: the caller lists the runs and reads the clocks.
 */
import type { Computation } from '../../codeocean/models/computation.js'
import type { NamedParameter, RunRequest } from '../../codeocean/models/run-request.js'

/**
 * How much earlier than the start (on the server's clock) a run may have been created
 * and still count: `Date` and `created` are whole seconds, and the listing took a
 * while to come back, so the skew measured from it is only roughly right.
 */
export const START_WINDOW_MARGIN_MS = 60_000

export interface StartLook {
  /** What the start sent. */
  request: RunRequest
  /** Local clock (ms) just before the start was sent. */
  sentAt: number
  /** The listing's `Date` header (ms), when it had one. */
  serverDate: number | undefined
  /** Local clock (ms) when the listing came. */
  receivedAt: number
  runs: readonly Computation[]
}

export type StartMatch =
  /** The runs that may be this step's: created since the start, with our request. */
  | { kind: 'candidates'; runs: Computation[] }
  /** The listing cannot tell; `reason` says why, for the log. */
  | { kind: 'cannot-compare'; reason: string }

/** The request fields a Computation reports, by the name it reports them under. */
const REPORTED_FIELDS = ['data_assets', 'parameters', 'processes', 'nextflow_profile'] as const
type ReportedField = (typeof REPORTED_FIELDS)[number]

/** The runs of `look` that may be the one the start created; see StartMatch. */
export function matchStartedRun(look: StartLook): StartMatch {
  if (look.serverDate === undefined) {
    return { kind: 'cannot-compare', reason: "Code Ocean's answer had no Date header to tell its clock by" }
  }
  if (look.runs.some((run) => run.created === undefined)) {
    return { kind: 'cannot-compare', reason: 'the listed runs do not say when they were created' }
  }
  const skew = look.serverDate - look.receivedAt
  const since = look.sentAt + skew - START_WINDOW_MARGIN_MS
  const recent = look.runs.filter((run) => createdMs(run.created ?? 0) >= since)
  const unreported = sentFields(look.request).find((name) => !recent.some((run) => field(run.raw, name) != null))
  if (recent.length > 0 && unreported !== undefined) {
    return { kind: 'cannot-compare', reason: `the listed runs do not report their ${unreported}` }
  }
  return { kind: 'candidates', runs: recent.filter((run) => sameRequest(look.request, run.raw)) }
}

/** `created` is in seconds; a value only milliseconds can be (after the year 5000) is read as such. */
function createdMs(created: number): number {
  return created > 1e11 ? created : created * 1000
}

/** The reported fields that must be there to compare what `request` sent. */
function sentFields(request: RunRequest): ReportedField[] {
  const sent: Record<ReportedField, boolean> = {
    data_assets: (request.data_assets?.length ?? 0) > 0,
    parameters: (request.parameters?.length ?? 0) + (request.named_parameters?.length ?? 0) > 0,
    processes: (request.processes?.length ?? 0) > 0,
    nextflow_profile: (request.nextflow_profile ?? '') !== ''
  }
  return REPORTED_FIELDS.filter((name) => sent[name])
}

/** Whether a run's reported request fields equal what `request` sent; absent and empty are the same. */
export function sameRequest(request: RunRequest, raw: Record<string, unknown>): boolean {
  return (
    sameDataAssets(request.data_assets ?? [], list(field(raw, 'data_assets'))) &&
    sameParameters(request.parameters ?? [], request.named_parameters ?? [], list(field(raw, 'parameters'))) &&
    sameProcesses(request, list(field(raw, 'processes'))) &&
    (request.nextflow_profile ?? '') === (text(field(raw, 'nextflow_profile')) ?? '') &&
    sameVersion(request.version, field(raw, 'version'))
  )
}

/** The same assets, each once; a mount we left out may be any. */
function sameDataAssets(ours: readonly { id: string; mount?: string }[], theirs: readonly unknown[]): boolean {
  const left = theirs.map((item) => ({ id: text(field(item, 'id')), mount: text(field(item, 'mount')) }))
  if (left.length !== ours.length) return false
  return ours.every((asset) => {
    const at = left.findIndex((t) => t.id === asset.id && (asset.mount === undefined || t.mount === asset.mount))
    if (at < 0) return false
    left.splice(at, 1)
    return true
  })
}

/**
 * A run reports ordered and named parameters in one list of `{name?, param_name?, value}`:
 * the ordered ones first, by value in order, then the named ones in any order, by
 * `param_name`, the key sent. `name` is a display label (the app panel's, or empty) and
 * counts only when a server leaves `param_name` out or empty, as older ones that echo
 * the key in `name` do.
 */
function sameParameters(
  ordered: readonly string[],
  named: readonly NamedParameter[],
  theirs: readonly unknown[]
): boolean {
  if (theirs.length !== ordered.length + named.length) return false
  const values = theirs.map((item) => (typeof item === 'object' ? text(field(item, 'value')) : text(item)) ?? '')
  if (ordered.some((value, i) => values[i] !== value)) return false
  const left = theirs.slice(ordered.length).map((item, i) => ({
    name: text(field(item, 'param_name')) || text(field(item, 'name')),
    value: values[ordered.length + i]
  }))
  return named.every((parameter) => {
    const at = left.findIndex((t) => t.name === parameter.param_name && t.value === parameter.value)
    if (at < 0) return false
    left.splice(at, 1)
    return true
  })
}

/** Each process we gave parameters to, with the same ones; every other reported process with none. */
function sameProcesses(request: RunRequest, theirs: readonly unknown[]): boolean {
  const ours = request.processes ?? []
  if (ours.some((process) => !theirs.some((t) => text(field(t, 'name')) === process.name))) return false
  return theirs.every((t) => {
    const reported = [...list(field(t, 'parameters')), ...list(field(t, 'named_parameters'))]
    const process = ours.find((p) => p.name === text(field(t, 'name')))
    return sameParameters(process?.parameters ?? [], process?.named_parameters ?? [], reported)
  })
}

/** Code Ocean does not report a run's version today; when a server does, it must be the one we sent. */
function sameVersion(ours: number | undefined, theirs: unknown): boolean {
  const reported = text(theirs)
  return ours === undefined || reported === undefined || reported === String(ours)
}

/** A field of an object from the server, tolerating a capitalised key (as readComputation does). */
function field(object: unknown, name: string): unknown {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return undefined
  const record = object as Record<string, unknown>
  if (name in record) return record[name]
  const key = Object.keys(record).find((k) => k.toLowerCase() === name)
  return key === undefined ? undefined : record[key]
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}
