/**
 * Running the action against a simulator, for the end-to-end tests: one way to do it, so
 * every scenario gets the same checks. Each run has step debug logging on (unless a test
 * needs the plain log), and each run, main or post step, is checked for the token
 * appearing anywhere the action wrote and for requests to the object store that carry
 * Code Ocean's credentials.
 */
import { expect } from '@jest/globals'
import type { CodeOceanSimulator, RecordedRequest } from '../../sim/simulator.js'
import { runAction, runPost, type ActionRun, type RunActionOptions } from '../../harness/runner.js'
import { expectNoToken } from './simulators.js'

export const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
export const HOUR = 3_600_000

/** The inputs that name what to run or follow: without any of them, `runAgainst` runs PIPELINE. */
const TARGET_INPUTS = ['pipeline-id', 'capsule-id', 'computation-id']

export interface RunAgainstOptions extends RunActionOptions {
  /** Step debug logging (ACTIONS_STEP_DEBUG); default true, so the token checks cover debug lines too. */
  debug?: boolean
  /** false: add no `pipeline-id` when the inputs name no target (for inputs that must have none). */
  defaultTarget?: boolean
}

function checkCredentials(sim: CodeOceanSimulator, run: ActionRun): void {
  expectNoToken(run, sim.token)
  for (const r of sim.storeRequests) expect(r.headers.authorization).toBeUndefined()
}

/** Runs the action's main step against `sim` with its address and token, plus `inputs`. */
export async function runAgainst(
  sim: CodeOceanSimulator,
  inputs: Record<string, string>,
  options: RunAgainstOptions = {}
): Promise<ActionRun> {
  const { debug = true, defaultTarget = true, ...runOptions } = options
  const target: Record<string, string> =
    defaultTarget && !TARGET_INPUTS.some((name) => name in inputs) ? { 'pipeline-id': PIPELINE } : {}
  const run = await runAction({
    ...runOptions,
    env: { ...(debug ? { ACTIONS_STEP_DEBUG: 'true' } : {}), ...runOptions.env },
    inputs: { domain: sim.url, secret: sim.token, ...target, ...inputs }
  })
  checkCredentials(sim, run)
  return run
}

/** Runs the post step after `run`, as the runner does at the end of the job. */
export async function postOf(sim: CodeOceanSimulator, run: ActionRun): Promise<ActionRun> {
  const post = await runPost(run)
  checkCredentials(sim, post)
  return post
}

export const calls = (sim: CodeOceanSimulator, method: string): RecordedRequest[] =>
  sim.requests.filter((r) => r.method === method)
export const errorOf = (run: ActionRun): string => run.annotations.find((a) => a.level === 'error')?.message ?? ''

/** Milliseconds from the first signal the harness sent to the process's exit. */
export function msFromFirstSignalToExit(run: ActionRun): number {
  const first = run.signalsSent[0]
  if (!first) throw new Error('no signal was sent')
  return run.durationMs - first.atMs
}
