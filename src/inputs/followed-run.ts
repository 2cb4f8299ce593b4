import { Input } from '../names.js'
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
  const id = problems.attempt(() => parseRunId(raw))
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
  return id
}
