/**
 * A busy server: the start is answered only after 35 s, after the action gave up at its
 * 30 s deadline, and the run it creates appears in the listing only then. The action
 * must not take a colleague's run of the same request for its own on its first look,
 * and finds its own late run on the second. Its own file, as both wait out the real 30 s.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { expect, it } from '@jest/globals'
import type { CodeOceanSimulator } from '../../../sim/simulator.js'
import { calls, errorOf, PIPELINE, postOf, runAgainst } from '../../support/action.js'
import { startSimulator } from '../../support/simulators.js'

const START = { method: 'POST', path: '/api/v1/computations' }
const OURS = { pipeline_id: PIPELINE, parameters: ['ours'] }
const COLLEAGUE = { id: '5c0ffee5-aaaa-4bbb-8ccc-0123456789ab', email: 'colleague@codeocean.invalid' }
/** When the busy server gets round to the start, 5 s after the action's deadline. */
const SERVER_STARTS_AFTER_MS = 35_000

/**
 * Holds the start unanswered past the action's deadline (the action hangs up at 30 s),
 * then creates the run as the server would once it got round to it; resolves with the
 * start's arrival time and the id of the run created late.
 */
async function busyStart(sim: CodeOceanSimulator): Promise<{ at: number; ours: Promise<string> }> {
  sim.failNext(START, { passThrough: true, delayMs: 60_000 })
  for (;;) {
    const start = sim.requests.find((r) => r.method === START.method && r.path === START.path)
    if (start !== undefined) {
      const ours = sleep(SERVER_STARTS_AFTER_MS - (Date.now() - start.at)).then(() =>
        sim.addRun(OURS, { agoMs: 0, outcome: 'succeeded' })
      )
      return { at: start.at, ours }
    }
    await sleep(10)
  }
}

it.concurrent(
  "a colleague's run from 45 s before is passed over, and our own run, created at 35 s, is found on the second look",
  async () => {
    const sim = await startSimulator()
    const colleague = sim.addRun(OURS, { agoMs: 45_000, outcome: 'succeeded', owner: COLLEAGUE })
    const running = runAgainst(sim, { parameters: '["ours"]', 'run-name': 'nightly' }, { timeoutMs: 100_000 })
    const { ours } = await busyStart(sim)
    const run = await running
    const id = await ours
    expect(run.log).toContainEqual(
      expect.stringMatching(/^The start request failed after it was sent \(.*within 30 s \(ETIMEDOUT\)/)
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ 'computation-id': id, status: 'succeeded' })
    expect(calls(sim, 'PATCH')).toHaveLength(0)
    expect(sim.computation(colleague)?.computation.name).not.toBe('nightly')
    expect(calls(sim, 'POST').filter((r) => r.path === START.path)).toHaveLength(1)
  },
  110_000
)

it.concurrent(
  "a colleague's run 0.3 s after the start, and ours at 35 s: both are listed, and neither followed nor stopped",
  async () => {
    const sim = await startSimulator()
    const running = runAgainst(sim, { parameters: '["ours"]', 'run-name': 'nightly' }, { timeoutMs: 100_000 })
    const { at, ours } = await busyStart(sim)
    const colleague = sim.addRun(OURS, { agoMs: Date.now() - (at + 300), outcome: 'succeeded', owner: COLLEAGUE })
    const run = await running
    const id = await ours
    expect(run.exitCode).toBe(1)
    const error = errorOf(run)
    expect(error).toContain("2 runs of the pipeline created since the start have this step's request")
    expect(error).toContain(colleague)
    expect(error).toContain(id)
    expect(run.outputs['computation-id'] ?? '').toBe('')
    expect((await postOf(sim, run)).exitCode).toBe(0)
    expect(calls(sim, 'PATCH')).toHaveLength(0)
    expect(calls(sim, 'DELETE')).toHaveLength(0)
  },
  110_000
)
