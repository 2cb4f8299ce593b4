import { afterAll, expect } from '@jest/globals'
import { CodeOceanSimulator, type Phase, type SimulatorOptions } from '../../sim/simulator.js'
import type { ActionRun } from '../../harness/runner.js'

export { STATUS_CHECK } from '../../sim/simulator.js'

/** Phases short enough that a run has ended by the action's first status check. */
export const QUICK_PHASES: Phase[] = [
  { state: 'initializing', ms: 50 },
  { state: 'running', ms: 50 },
  { state: 'finalizing', ms: 50 }
]

// Tests run concurrently, so simulators are stopped once at the end, not after each test.
const started: CodeOceanSimulator[] = []
afterAll(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()))
})

/**
 * The one way tests start a simulator: a started simulator of its own for one test (or
 * a file's tests), stopped after the file's tests. `options` are the simulator's; runs
 * take QUICK_PHASES unless they give `phases` (DEFAULT_PHASES for the simulator's own).
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<CodeOceanSimulator> {
  const sim = new CodeOceanSimulator({ phases: QUICK_PHASES, ...options })
  started.push(sim)
  await sim.start()
  return sim
}

/** Asserts the token, and the Basic-auth value made from it, appear nowhere the action wrote. */
export function expectNoToken(run: ActionRun, token: string): void {
  expect(run.everything).not.toContain(token)
  expect(run.everything).not.toContain(Buffer.from(`${token}:`).toString('base64'))
}
