/**
 * Which listed run, if any, a start that failed ambiguously created: judged from the
 * target's runs as listed after the failure, and by the server's clock. Pure: the caller
 * lists the runs and reads the clocks.
 *
 * A run is one of the start's candidates when it was created in or after the second in
 * which the start was sent (by the server's clock: `created` and the `Date` header are
 * whole seconds) and reports the request the start sent. Nothing in Code Ocean's API
 * tells a run started with this step's token from any other run of the same request (no
 * call names the token's user, and the start sends nothing the run echoes back), so a
 * candidate is only ever followed, never proven to be this step's.
 */
import type { Computation } from '../../codeocean/models/computation.js'
import type { NamedParameter, RunRequest } from '../../codeocean/models/run-request.js'

/**
 * The slowest listing whose `Date` header still reads the server's clock closely enough:
 * the header was written somewhere between the asking and the answer, so a run up to
 * this long (plus the header's and `created`'s whole seconds) before the start could
 * still look like one created after it.
 */
export const CLOCK_READING_LIMIT_MS = 5_000

/** How many looks at the listing a run must have been judged on before it is followed. */
const LOOKS_BEFORE_ADOPTING = 2

/** One listing of the target's runs, with the clocks around it. */
export interface Look {
  /** Local clock (ms) just before the listing was asked for. */
  askedAt: number
  /** Local clock (ms) when the listing came. */
  receivedAt: number
  /** The listing's `Date` header (ms), when it had one. */
  serverDate: number | undefined
  runs: readonly Computation[]
}

export interface StartEvidence {
  /** What the start sent. */
  request: RunRequest
  /** Local clock (ms) just before the start was sent. */
  sentAt: number
  /** The looks so far, oldest first; the last is the newest picture. */
  looks: readonly Look[]
}

export type StartVerdict =
  /** The one run that may be the start's, on enough looks: to follow (not proven ours). */
  | { kind: 'adopt'; run: Computation }
  /** Nothing conclusive yet: look again after a while. */
  | { kind: 'look-again' }
  /** No run created since the start has our request. */
  | { kind: 'none' }
  /** Several runs may be the start's: none can be told from the others. */
  | { kind: 'ambiguous'; runs: Computation[] }
  /** The request sets nothing a run reports, so every run of the target started without anything looks like ours. */
  | { kind: 'empty-request'; runs: Computation[] }
  /** The listing cannot tell; `reason` says why, for the log. */
  | { kind: 'cannot-compare'; reason: string }

/** The request fields a Computation reports, by the name it reports them under. */
const REPORTED_FIELDS = ['data_assets', 'parameters', 'processes', 'nextflow_profile'] as const
type ReportedField = (typeof REPORTED_FIELDS)[number]

/** What the looks so far say about the run the start may have created; see StartVerdict. */
export function judgeStart(evidence: StartEvidence): StartVerdict {
  const latest = evidence.looks.at(-1)
  if (latest === undefined) return { kind: 'look-again' }
  const since = windowStart(evidence)
  if (typeof since === 'string') return { kind: 'cannot-compare', reason: since }
  if (latest.runs.some((run) => createdAtMs(run) === undefined)) {
    return { kind: 'cannot-compare', reason: 'the listed runs do not say when they were created' }
  }
  const recent = (look: Look): Computation[] => look.runs.filter((run) => (createdAtMs(run) ?? 0) >= since)
  const unreported = sentFields(evidence.request).find(
    (name) => !recent(latest).some((run) => field(run.raw, name) != null)
  )
  if (recent(latest).length > 0 && unreported !== undefined) {
    return { kind: 'cannot-compare', reason: `the listed runs do not report their ${unreported}` }
  }
  // Every run any look showed with our request: one that has gone since still made the picture unclear.
  const seen = new Map<string, Computation>()
  for (const look of evidence.looks) {
    for (const run of recent(look)) if (sameRequest(evidence.request, run.raw)) seen.set(run.id, run)
  }
  const candidates = [...seen.values()]
  // With no request to compare, any run started without anything could be ours: never followed.
  const empty = sentFields(evidence.request).length === 0
  if (candidates.length > 1)
    return empty ? { kind: 'empty-request', runs: candidates } : { kind: 'ambiguous', runs: candidates }
  if (evidence.looks.length < LOOKS_BEFORE_ADOPTING) return { kind: 'look-again' }
  const [only] = candidates
  const listed = only === undefined ? undefined : latest.runs.find((run) => run.id === only.id)
  if (listed === undefined) return { kind: 'none' }
  return empty ? { kind: 'empty-request', runs: [listed] } : { kind: 'adopt', run: listed }
}

/**
 * The earliest `created` (ms) a run of the start may have, or why the clocks cannot say:
 * the whole second in which the start was sent, by the server's clock. The clock's offset
 * is read from each listing's `Date` (whole seconds, written before the answer came), so
 * it is at least `Date - received`; the largest of those is the closest safe reading.
 */
function windowStart(evidence: StartEvidence): number | string {
  const dated = evidence.looks.filter((look) => look.serverDate !== undefined && Number.isFinite(look.serverDate))
  if (dated.length === 0) return "Code Ocean's answer had no Date header to tell its clock by"
  const fastest = Math.min(...dated.map((look) => look.receivedAt - look.askedAt))
  if (!(fastest <= CLOCK_READING_LIMIT_MS)) {
    return `Code Ocean took over ${CLOCK_READING_LIMIT_MS / 1000} s to list the runs, too long to read its clock by`
  }
  const offset = Math.max(...dated.map((look) => (look.serverDate ?? 0) - look.receivedAt))
  return Math.floor((evidence.sentAt + offset) / 1000) * 1000
}

/**
 * When a run was created (ms), from `created` in Unix seconds; a value only milliseconds
 * can be (after the year 5138) is read as such. Undefined when it is missing or out of
 * any real range, so that no arithmetic on it can overflow.
 */
export function createdAtMs(run: Computation): number | undefined {
  const created = run.created
  if (created === undefined || !Number.isFinite(created) || created < 0 || created >= 1e14) return undefined
  return created >= 1e11 ? created : created * 1000
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
