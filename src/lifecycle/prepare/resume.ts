import * as core from '@actions/core'
import { CodeOceanApiError } from '../../codeocean/errors.js'
import { isTerminal, type Computation } from '../../codeocean/models/computation.js'
import type { Target } from '../../codeocean/models/run-request.js'
import type { TargetsApi } from '../../codeocean/targets-api.js'
import { redactRegistered } from '../../redact.js'
import { describeRun } from '../../report/describe.js'
import { inline } from '../../untrusted.js'
import { judge } from '../verdict.js'

/** Lists a target's runs and reads one run (the Code Ocean client's `targets` and `computations`). */
export interface RunsSource {
  targets: Pick<TargetsApi, 'runs'>
  computations: { get(id: string, call?: { signal?: AbortSignal }): Promise<Computation> }
}

/**
 * The runs an earlier attempt of this workflow run may have left to resume from:
 * this step's run name, ended without success; the most recent first. Only when
 * runsOfSeveralOwners finds no one else's run under the name.
 */
export function resumeCandidates(runs: readonly Computation[], runName: string): Computation[] {
  return runs
    .filter((run) => run.name === runName && isTerminal(run.state) && !judge(run).succeeded)
    .sort((a, b) => (b.created ?? 0) - (a.created ?? 0))
}

/** How many runs a message names before it says "and N more". */
const LISTED_RUNS = 5

/**
 * The runs carrying `runName`, when more than one Code Ocean user started them (their
 * `owner` differs), else undefined. A name can be copied by anyone who can run the
 * target, and Code Ocean's API has no call that says which user the token is; but a
 * run is owned by the user whose token started it, so an earlier attempt's runs all
 * have one owner. Runs of several owners under this name mean some are someone
 * else's, and the name no longer tells which run an earlier attempt started.
 */
export function runsOfSeveralOwners(runs: readonly Computation[], runName: string): Computation[] | undefined {
  const named = runs.filter((run) => run.name === runName)
  const owners = new Set(named.map((run) => run.owner))
  return owners.size > 1 ? named : undefined
}

/** The runs as a message lists them: id, owner and state, the first few only. */
function listRuns(runs: readonly Computation[]): string {
  const shown = runs
    .slice(0, LISTED_RUNS)
    .map(
      (run) =>
        `${run.id.slice(0, 64)} (owner ${run.owner?.slice(0, 64) ?? 'not given'}, ${run.state || 'state unknown'})`
    )
  const more = runs.length - shown.length
  return shown.join(', ') + (more > 0 ? `, and ${more} more` : '')
}

/** The newest candidate that still exists in Code Ocean (it may have been deleted since it was listed). */
async function firstExisting(
  source: RunsSource,
  candidates: readonly Computation[],
  signal: AbortSignal
): Promise<Computation | undefined> {
  for (const candidate of candidates) {
    try {
      return await source.computations.get(candidate.id, { signal })
    } catch (error) {
      if (error instanceof CodeOceanApiError && error.status === 404) continue
      throw error
    }
  }
  return undefined
}

/**
 * On a re-run of a workflow run (attempt 2 or later), finds the run an earlier
 * attempt started and did not finish well, to resume from it. Says in the log and
 * the summary which run that is, or that the run starts fresh.
 */
export async function findRunToResume(
  source: RunsSource,
  target: Target,
  runName: string,
  attempt: number,
  notes: string[],
  signal: AbortSignal
): Promise<string | undefined> {
  const say = (line: string): void => {
    // The run name (event text may reach it) and the server's states: one line, never a command.
    core.info(inline(redactRegistered(line)))
    notes.push(line)
  }
  if (attempt <= 1) {
    core.info('resume-on-rerun: this is the first attempt of the workflow run, so there is nothing to resume.')
    return undefined
  }
  if (runName === '') {
    say("resume-on-rerun: the run has no name to find an earlier attempt's run by, so the run starts fresh.")
    return undefined
  }
  const runs = await source.targets.runs(target, { signal })
  const shared = runsOfSeveralOwners(runs, runName)
  if (shared !== undefined) {
    say(
      `resume-on-rerun: runs named '${runName}' were started by more than one Code Ocean user, so the name does not ` +
        `prove which one an earlier attempt of this workflow run started; nothing is resumed, and the run starts fresh ` +
        `(attempt ${attempt}). Runs with that name: ${listRuns(shared)}.`
    )
    return undefined
  }
  const found = await firstExisting(source, resumeCandidates(runs, runName), signal)
  if (found === undefined) {
    say(`No earlier run named '${runName}' that did not succeed was found; the run starts fresh (attempt ${attempt}).`)
    return undefined
  }
  say(
    `Resuming from run ${describeRun(found)}, which an earlier attempt started (state ${found.state}, end status ${found.end_status ?? 'none'}).`
  )
  return found.id
}
