import { afterAll, expect } from '@jest/globals'
import { GitHubStandIn } from '../../sim/github.js'
import { CodeOceanSimulator, type Phase, type SimulatorOptions } from '../../sim/simulator.js'
import type { ActionRun } from '../../harness/runner.js'
import { REQUEST_EXAMPLES } from '../request-examples.js'

export { STATUS_CHECK } from '../../sim/simulator.js'

/** The capsule and the pipeline tests run unless they say otherwise. */
export const CAPSULE = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b'
export const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'

/**
 * The capsules and pipelines every fixture simulator has (a simulator answers any other
 * id 404): the two above, the request examples' and another pipeline whose runs no step
 * of a test started. A test running anything else registers it (`capsules`, `pipelines`,
 * addCapsule, addPipeline) or configures it (program, addRun, linkGit, setAppPanel).
 */
export const KNOWN_TARGETS = {
  capsules: unique([CAPSULE, ...REQUEST_EXAMPLES.map((e) => e.inputs['capsule-id'])]),
  pipelines: unique([PIPELINE, ...REQUEST_EXAMPLES.map((e) => e.inputs['pipeline-id']), 'someone-elses-pipeline'])
}

function unique(ids: (string | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== undefined && id !== ''))]
}

/** Phases short enough that a run has ended by the action's first status check. */
export const QUICK_PHASES: Phase[] = [
  { state: 'initializing', ms: 50 },
  { state: 'running', ms: 50 },
  { state: 'finalizing', ms: 50 }
]

// Tests run concurrently, so simulators are stopped once at the end, not after each test.
const started: Array<CodeOceanSimulator | GitHubStandIn> = []
afterAll(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()))
})

/** A GitHub stand-in of one test's own, so that each test sees only its own requests; stopped after the file's tests. */
export async function startGitHub(): Promise<GitHubStandIn> {
  const github = new GitHubStandIn()
  started.push(github)
  await github.start()
  return github
}

/**
 * The one way tests start a simulator: a started simulator of its own for one test (or
 * a file's tests), stopped after the file's tests. `options` are the simulator's; runs
 * take QUICK_PHASES unless they give `phases` (DEFAULT_PHASES for the simulator's own),
 * and the KNOWN_TARGETS exist besides the `capsules` and `pipelines` they give.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<CodeOceanSimulator> {
  const sim = new CodeOceanSimulator({
    phases: QUICK_PHASES,
    ...options,
    capsules: [...KNOWN_TARGETS.capsules, ...(options.capsules ?? [])],
    pipelines: [...KNOWN_TARGETS.pipelines, ...(options.pipelines ?? [])]
  })
  started.push(sim)
  await sim.start()
  return sim
}

/** Asserts the token, and the Basic-auth value made from it, appear nowhere the action wrote. */
export function expectNoToken(run: ActionRun, token: string): void {
  expect(run.everything).not.toContain(token)
  expect(run.everything).not.toContain(Buffer.from(`${token}:`).toString('base64'))
}
