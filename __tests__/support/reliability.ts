/**
 * Helpers for the reliability scenarios: every run has step debug logging on, and
 * every run, main or post step, is checked for the token appearing anywhere.
 */
import type { CodeOceanSimulator, RecordedRequest } from '../../sim/simulator.js'
import { runAction, runPost, type ActionRun, type RunActionOptions } from '../../harness/runner.js'
import { expectNoToken } from './simulators.js'

export const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
export const HOUR = 3_600_000

/**
 * Runs the action with step debug logging on, and checks, for every scenario in this
 * file, that the token appears nowhere the action wrote.
 */
export async function runAgainst(
  sim: CodeOceanSimulator,
  inputs: Record<string, string>,
  options: RunActionOptions = {}
): Promise<ActionRun> {
  const run = await runAction({
    ...options,
    env: { ACTIONS_STEP_DEBUG: 'true', ...options.env },
    inputs: { domain: sim.url, secret: sim.token, 'pipeline-id': PIPELINE, ...inputs }
  })
  expectNoToken(run, sim.token)
  return run
}

export async function postOf(sim: CodeOceanSimulator, run: ActionRun): Promise<ActionRun> {
  const post = await runPost(run)
  expectNoToken(post, sim.token)
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
