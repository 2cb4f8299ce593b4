/**
 * `poll-interval: auto` reads the target's earlier runs (one listing per step) and, when
 * they ended close together, checks more often around their lengths; without a usable
 * history, or with a fixed interval, nothing changes. Here the whole step, with runs of
 * seconds; the check-by-check schedule of a 70 s run, where it pays against plain `auto`,
 * is in lifecycle/polling/predictive-wait.test.ts.
 */
import { expect, it } from '@jest/globals'
import type { CodeOceanSimulator, RecordedRequest } from '../../sim/simulator.js'
import { HISTORY_TIMEOUT_MS } from '../../src/lifecycle/polling/run-history.js'
import type { ActionRun, Annotation } from '../../harness/runner.js'
import { calls, msFromFirstSignalToExit, PIPELINE, runAgainst } from '../support/action.js'
import { startSimulator, STATUS_CHECK } from '../support/simulators.js'

const LISTING = `/api/v1/pipelines/${PIPELINE}/computations`
const RUN_MS = 12_000
const EARLIER_LINE = /^Earlier runs took /

/** Six earlier successful runs of 11–13 s, and a failed one that does not count. */
function addHistory(sim: CodeOceanSimulator): void {
  ;[11, 12, 13, 12, 11, 13].forEach((seconds, i) =>
    sim.addRun({ pipeline_id: PIPELINE }, { outcome: 'succeeded', runMs: seconds * 1000, agoMs: (i + 2) * 3_600_000 })
  )
  sim.addRun({ pipeline_id: PIPELINE }, { outcome: 'failed', runMs: 5_000, agoMs: 1_800_000 })
}

const listings = (sim: CodeOceanSimulator): RecordedRequest[] => calls(sim, 'GET').filter((r) => r.path === LISTING)
const statusChecks = (sim: CodeOceanSimulator): RecordedRequest[] =>
  calls(sim, 'GET').filter((r) => STATUS_CHECK.test(r.path))
/** Warnings and errors: the app panel's notice is not one. */
const problems = (run: ActionRun): Annotation[] => run.annotations.filter((a) => a.level !== 'notice')
/** The run this step started (the one the simulator did not have before). */
const startedRun = (sim: CodeOceanSimulator) => sim.runs().at(-1)!

// poll-interval: auto with a history of stable run lengths
it.concurrent('reads the history once, says what it expects, and notices the end at the next check', async () => {
  const sim = await startSimulator()
  addHistory(sim)
  sim.program(PIPELINE, {
    phases: [
      { state: 'initializing', ms: 1_000 },
      { state: 'running', ms: RUN_MS - 2_000 },
      { state: 'finalizing', ms: 1_000 }
    ]
  })
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(0)
  expect(run.outputs.status).toBe('succeeded')
  expect(run.log.filter((l) => EARLIER_LINE.test(l))).toEqual([
    'Earlier runs took 11–13 s (typically 12 s, from 6 runs); checking every 5 s from 11 to 13 s'
  ])
  expect(run.stdout).toContain('::debug::Run length estimate from earlier runs (ms): {"typicalMs":12000,')
  expect(listings(sim)).toHaveLength(1)
  expect(problems(run)).toEqual([])
  // Checks 5 s apart, the minimum: the one after the end notices it.
  const end = startedRun(sim).createdAt + RUN_MS
  const checks = statusChecks(sim).map((r) => r.at)
  expect(checks.at(-1)! - end).toBeGreaterThanOrEqual(0)
  expect(checks.at(-2)!).toBeLessThan(end)
})

it.concurrent('reuses the listing resume-on-rerun made: one listing in the whole step', async () => {
  const sim = await startSimulator()
  addHistory(sim)
  const run = await runAgainst(sim, { 'resume-on-rerun': 'true' }, { env: { GITHUB_RUN_ATTEMPT: '2' } })
  expect(run.exitCode).toBe(0)
  expect(run.log.some((l) => l.startsWith('No earlier run named'))).toBe(true)
  expect(run.log.filter((l) => EARLIER_LINE.test(l))).toHaveLength(1)
  expect(listings(sim)).toHaveLength(1)
  // The listing came before the start, and was not repeated after it.
  const start = sim.requests.findIndex((r) => r.method === 'POST' && r.path === '/api/v1/computations')
  expect(sim.requests.findIndex((r) => r.path === LISTING)).toBeLessThan(start)
})

// poll-interval: auto without a usable history
it.concurrent('with no earlier runs: plain auto, one listing, and a debug line saying why', async () => {
  const sim = await startSimulator()
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(0)
  expect(run.outputs.status).toBe('succeeded')
  expect(run.log.some((l) => EARLIER_LINE.test(l))).toBe(false)
  expect(run.stdout).toContain(
    "::debug::No estimate of the run's length: there are no earlier runs; polling as plain auto."
  )
  expect(listings(sim)).toHaveLength(1)
  expect(statusChecks(sim)).toHaveLength(1)
})

it.concurrent('with lengths all over the place: plain auto, and the debug line says so', async () => {
  const sim = await startSimulator()
  for (const [i, minutes] of [5, 5, 60, 60, 120, 120].entries()) {
    sim.addRun(
      { pipeline_id: PIPELINE },
      { outcome: 'succeeded', runMs: minutes * 60_000, agoMs: (i + 1) * 86_400_000 }
    )
  }
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(0)
  expect(run.log.some((l) => EARLIER_LINE.test(l))).toBe(false)
  expect(run.stdout).toContain(
    'the lengths of the 6 earlier successful runs are too spread out; polling as plain auto.'
  )
  expect(listings(sim)).toHaveLength(1)
})

it.concurrent('a failing listing is tried once, is only a debug line, and the run is followed as usual', async () => {
  const sim = await startSimulator()
  addHistory(sim)
  sim.failNext(
    { method: 'GET', path: LISTING },
    { status: 500, body: { message: 'listing broke\n::warning::injected from the server' } }
  )
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(0)
  expect(run.outputs.status).toBe('succeeded')
  expect(problems(run)).toEqual([])
  expect(run.log.some((l) => EARLIER_LINE.test(l))).toBe(false)
  // The server's words reach the log only inside that one debug line, never as a command.
  expect(run.log.filter((l) => l.includes('injected'))).toEqual([
    expect.stringMatching(/^Could not list the earlier runs .*listing broke.*injected from the server.*plain auto\.$/)
  ])
  expect(run.stdout).toMatch(/::debug::Could not list the earlier runs to estimate this run's length \(.*listing broke/)
  expect(listings(sim)).toHaveLength(1)
})

it.concurrent('a slow listing does not hold up the step: it ends with the run', async () => {
  const sim = await startSimulator()
  addHistory(sim)
  sim.failNext({ method: 'GET', path: LISTING }, { passThrough: true, delayMs: 30_000 })
  const run = await runAgainst(sim, {})
  const endedAt = Date.now()
  expect(run.exitCode).toBe(0)
  expect(run.outputs.status).toBe('succeeded')
  expect(problems(run)).toEqual([])
  expect(run.log.some((l) => EARLIER_LINE.test(l))).toBe(false)
  // The run ends by the first check, 5 s after the start; the listing would have taken
  // 30 s, and a step that waited for it would have run into the listing's own 10 s limit.
  // Counted from the listing's arrival, so a slow start on a busy machine does not count.
  const [listing] = listings(sim)
  expect(endedAt - listing.at).toBeLessThan(HISTORY_TIMEOUT_MS)
})

it.concurrent('a cancel cuts a pending listing short along with the wait', async () => {
  const sim = await startSimulator({ phases: [{ state: 'running', ms: 3_600_000 }], defaultOutcome: 'never-ends' })
  addHistory(sim)
  sim.failNext({ method: 'GET', path: LISTING }, { passThrough: true, delayMs: 60_000 })
  const run = await runAgainst(sim, {}, { cancel: { whenStdoutMatches: /Run is running/ } })
  expect(run.outputs.status).toBe('cancelled')
  expect(run.signalsSent.map((s) => s.signal)).toEqual(['SIGINT'])
  expect(msFromFirstSignalToExit(run)).toBeLessThan(5_000)
  expect(startedRun(sim).deleted).toBe(true)
})

// a fixed poll-interval
it.concurrent('stays fixed and lists no earlier runs', async () => {
  const sim = await startSimulator()
  addHistory(sim)
  const run = await runAgainst(sim, { 'poll-interval': '5' })
  expect(run.exitCode).toBe(0)
  expect(run.outputs.status).toBe('succeeded')
  expect(listings(sim)).toHaveLength(0)
  expect(run.log.some((l) => EARLIER_LINE.test(l))).toBe(false)
  expect(run.stdout).not.toContain('estimate')
})
