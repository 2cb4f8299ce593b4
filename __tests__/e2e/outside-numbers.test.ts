/**
 * Numbers and shapes from outside that must not drive the step, end to end: earlier runs
 * whose lengths overflow the estimate (the wait must still keep its 5 s floor), and a start
 * answer nested deeper than any recursive walk survives (the run must still be followed).
 * The time inputs a timer cannot hold are refused in the bad-input table (bad-inputs.ts).
 */
import { expect, it } from '@jest/globals'
import type { CodeOceanSimulator } from '../../sim/simulator.js'
import { calls, PIPELINE, postOf, runAgainst } from '../support/action.js'
import { startSimulator, STATUS_CHECK } from '../support/simulators.js'

const LISTING = `/api/v1/pipelines/${PIPELINE}/computations`
const MIN_POLL_MS = 5_000
/** The simulator stamps arrivals in whole milliseconds: a gap of 5,000.4 ms may read as 4,999. */
const CLOCK_SLACK_MS = 10

const statusChecks = (sim: CodeOceanSimulator): number[] =>
  calls(sim, 'GET')
    .filter((r) => STATUS_CHECK.test(r.path))
    .map((r) => r.at)

/** The gaps between neighbouring arrivals. */
const gaps = (times: readonly number[]): number[] => times.slice(1).map((t, i) => t - times[i])

it.concurrent('earlier runs with absurd lengths give no estimate, and checks stay 5 s apart', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { phases: [{ state: 'running', ms: 9_000 }] })
  for (const i of [1, 2, 3]) {
    sim.addRun({ pipeline_id: PIPELINE }, { outcome: 'succeeded', runMs: 10_000, agoMs: i * 3_600_000 })
  }
  // Three successful runs of 1e308 s: a length in ms overflows to Infinity, and the estimate to NaN.
  const listed = sim.runs().map((r) => ({ ...r.computation, run_time: 1e308 }))
  sim.failNext({ method: 'GET', path: LISTING }, { status: 200, body: listed })
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(0)
  expect(run.outputs.status).toBe('succeeded')
  const checks = statusChecks(sim)
  expect(checks.length).toBeGreaterThanOrEqual(1)
  expect(checks.length).toBeLessThanOrEqual(3)
  for (const gap of gaps(checks)) expect(gap).toBeGreaterThanOrEqual(MIN_POLL_MS - CLOCK_SLACK_MS)
  expect(run.log.some((l) => l.startsWith('Earlier runs took'))).toBe(false)
  expect(run.stdout).toContain("::debug::No estimate of the run's length: too few earlier runs succeeded (0 of 3;")
})

/** A run already in the simulator, and a start answered with it plus an array nested 200,000 deep. */
function deepStartAnswer(sim: CodeOceanSimulator): string {
  const id = sim.addRun({ pipeline_id: PIPELINE }, { outcome: 'succeeded', runMs: 2_000, agoMs: 0 })
  const depth = 200_000
  const body = `{"id":"${id}","state":"initializing","deep":${'['.repeat(depth)}${']'.repeat(depth)}}`
  sim.failNext({ method: 'POST', path: '/api/v1/computations' }, { status: 200, body, contentType: 'application/json' })
  return id
}

it.concurrent('a start answer nested 200,000 deep: the run is still followed to its end', async () => {
  const sim = await startSimulator()
  const id = deepStartAnswer(sim)
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(0)
  expect(run.outputs.status).toBe('succeeded')
  expect(run.outputs['computation-id']).toBe(id)
  expect(statusChecks(sim).length).toBeGreaterThanOrEqual(1)
  // The last status check answered plainly.
  expect(JSON.parse(run.outputs.computation)).toMatchObject({ id, state: 'completed' })
  const post = await postOf(sim, run)
  expect(post.exitCode).toBe(0)
  expect(calls(sim, 'DELETE')).toHaveLength(0)
})

it.concurrent('a start answer nested 200,000 deep: the computation output is cut at a depth, and says so', async () => {
  const sim = await startSimulator()
  const id = deepStartAnswer(sim)
  const run = await runAgainst(sim, { wait: 'false' })
  expect(run.exitCode).toBe(0)
  expect(run.outputs.status).toBe('started')
  const output = JSON.parse(run.outputs.computation) as { id: string; deep: unknown }
  expect(output.id).toBe(id)
  let level: unknown = output.deep
  let depth = 0
  while (Array.isArray(level)) [level, depth] = [level[0], depth + 1]
  expect(level).toBe('(nested deeper than 64 levels: cut here)')
  expect(depth).toBeGreaterThan(50)
})
