import { capText } from '../caps.js'
import { Input } from '../names.js'
import { inline } from '../untrusted.js'
import { InputError } from './errors.js'
import type { Problems } from './problems.js'
import { parseId } from './run-params.js'
import { parseBooleanInput } from './values.js'

/** The right form of a step that follows a run: the id, and nothing that shapes a start. */
const FOLLOW_EXAMPLE = `${Input.ComputationId}: 9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60`

/**
 * Inputs that only say what to start, and so have no place beside `computation-id`:
 * the target and every field of the start request, `run-name` (the name given to a run
 * this step starts: a followed run keeps the name it has, and renaming someone else's
 * run is not the step's business), and the phases before a start.
 *
 * Not here, on purpose: `check-parameters` (checks a request, and a followed run has
 * none: it is ignored; since its default `true` always arrives, an explicit value could
 * not be told from the default anyway) and everything that comes after a start (the
 * wait, the stop choices, results, summary, comment), which applies to a followed run too.
 */
export const START_ONLY_INPUTS = [
  Input.PipelineId,
  Input.CapsuleId,
  Input.Version,
  Input.DataAssets,
  Input.Processes,
  Input.Parameters,
  Input.NamedParameters,
  Input.NextflowProfile,
  Input.ResumeRunId,
  Input.RunName
] as const

/**
 * Start-only switches whose default `false` always arrives from the runner: only `true`
 * conflicts with `computation-id`.
 */
export const START_ONLY_SWITCHES = [Input.SyncGit, Input.ResumeOnRerun] as const

function conflict(problems: Problems, other: string): void {
  problems.add(
    `${Input.ComputationId}' and '${other}`,
    `both are set; '${Input.ComputationId}' follows a run that was started elsewhere, while '${other}' only shapes ` +
      `a run this step would start. Remove '${other}' to follow the run, or '${Input.ComputationId}' to start a new run`,
    FOLLOW_EXAMPLE
  )
}

/** A Code Ocean id inside other text: 36 characters not part of a longer run of hex digits. */
const ID_INSIDE = /(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/gi

/** The part of an address a run id follows: `/computation/`, `/computations/`, `computation_id=`, `/runs/`. */
const RUN_MARK = /(computations?|computation[_-]?id|runs?)[/=]$/i

/** The part of an address a capsule's or pipeline's id follows: `/capsule/`, `/pipelines/`, `capsule_id=`. */
const TARGET_MARK = /(capsules?|pipelines?|(?:capsule|pipeline)[_-]?id)[/=]$/i

/** Where a run's id is found: each refusal of an address says it. */
const WHERE_A_RUN_ID_IS =
  "in a run's address it is the part after /computation/, as in " +
  'https://codeocean.example.com/computation/9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60'

/** The address a user copied from the browser, rather than an id: it has a scheme or a path. */
function isAddress(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.includes('/')
}

/** What `computation-id` gives: the run id, and whether it was taken out of an address. */
export interface RunIdReading {
  id: string
  fromAddress: boolean
}

/** Each distinct id in `text`, with the few characters before it that say what it is the id of. */
function idsIn(text: string): { id: string; after: string }[] {
  const found = new Map<string, string>()
  for (const match of text.matchAll(ID_INSIDE)) {
    const id = match[0].toLowerCase()
    if (!found.has(id)) found.set(id, text.slice(Math.max(0, match.index - 24), match.index))
  }
  return [...found].map(([id, after]) => ({ id, after }))
}

/** The last part of an address before an id, as a user would recognise it: `capsule/`, `computation=`. */
function segmentBefore(after: string): string {
  const withoutMark = /[/=]$/.test(after) ? after.slice(0, -1) : after
  const start = Math.max(...['/', '?', '&', '#', '='].map((c) => withoutMark.lastIndexOf(c))) + 1
  return after.slice(start)
}

/** Where an id stands in an address, for the message that asks which one is the run's. */
function place(after: string): string {
  const segment = segmentBefore(after)
  return segment === '' ? 'at the start' : `after '${inline(segment)}'`
}

/**
 * Reads `computation-id`: a run id, or the address of a run pasted from the browser. An
 * address holding one id gives that id; one holding several gives the one after
 * `/computation/` (or `/runs/`), and otherwise is refused with each id and what it follows,
 * so the user sees which part is the run's. Pure: the caller says where an id came from.
 */
export function readRunId(raw: string): RunIdReading {
  if (!isAddress(raw)) return { id: parseRunId(raw), fromAddress: false }
  const ids = idsIn(raw)
  const marked = ids.filter((found) => RUN_MARK.test(found.after))
  const chosen = ids.length === 1 ? ids[0] : marked.length === 1 ? marked[0] : undefined
  // A capsule's or pipeline's page holds one id too: following it as a run would only
  // fail later, as a run Code Ocean does not know.
  if (chosen && TARGET_MARK.test(chosen.after)) {
    const kind = /pipeline/i.test(segmentBefore(chosen.after)) ? 'pipeline' : 'capsule'
    throw new InputError(
      Input.ComputationId,
      `"${inline(capText(raw))}" is the address of a ${kind} (its id ${chosen.id} follows '${inline(segmentBefore(chosen.after))}'), ` +
        `not of a run. Give the id of a run of it: ${WHERE_A_RUN_ID_IS}; to start a run of the ${kind} instead, give ${kind === 'pipeline' ? Input.PipelineId : Input.CapsuleId}: ${chosen.id} and no ${Input.ComputationId}`,
      FOLLOW_EXAMPLE
    )
  }
  if (chosen) return { id: chosen.id, fromAddress: true }
  if (ids.length === 0) return { id: parseRunId(raw), fromAddress: false }
  const each = ids.map((found) => `${found.id} (${place(found.after)})`).join(', ')
  throw new InputError(
    Input.ComputationId,
    `"${inline(capText(raw))}" holds ${ids.length} ids, and which one is the run's is not clear: ${each}. ` +
      `Give the run's id alone; ${WHERE_A_RUN_ID_IS}`,
    FOLLOW_EXAMPLE
  )
}

/** A run id has the form of every Code Ocean id; the message says where to find one. */
function parseRunId(raw: string): string {
  try {
    return parseId(Input.ComputationId, raw, FOLLOW_EXAMPLE)
  } catch {
    throw new InputError(
      Input.ComputationId,
      `"${raw}" is not a Code Ocean run id; run ids are UUIDs of 36 characters, as the 'computation-id' output ` +
        "of the step that started the run gives them, or as the run's address in Code Ocean shows them",
      FOLLOW_EXAMPLE
    )
  }
}

/** Whether the inputs ask to follow a run rather than start one (even with an id of the wrong form). */
export function isFollowing(problems: Problems): boolean {
  return problems.read(Input.ComputationId) !== ''
}

/**
 * Reads `computation-id` when it is set: its form, and every start-only input set beside
 * it, each reported as a problem of its own so that all are fixed in one go, and
 * `wait: false` (`wait` as read), which would leave nothing to do. Undefined when it is
 * not set or wrong.
 */
export function readFollowedRun(problems: Problems, wait: boolean): string | undefined {
  const raw = problems.read(Input.ComputationId)
  if (raw === '') return undefined
  const reading = problems.attempt(() => readRunId(raw))
  if (reading?.fromAddress) {
    // Only the id is repeated: the rest of an address is the user's and may hold anything.
    problems.note(`Input '${Input.ComputationId}' is an address; following the run id it contains: ${reading.id}`)
  }
  for (const name of START_ONLY_INPUTS) if (problems.read(name) !== '') conflict(problems, name)
  for (const name of START_ONLY_SWITCHES) {
    if (problems.check(name, (text) => parseBooleanInput(name, text))) conflict(problems, name)
  }
  if (!wait) {
    problems.add(
      Input.Wait,
      `is false, but following a run ('${Input.ComputationId}') is waiting for it: a run that has already finished ` +
        `is judged at once, and 'wait-timeout' limits the wait for one that has not`,
      `${Input.Wait}: 'true'`
    )
  }
  return reading?.id
}
