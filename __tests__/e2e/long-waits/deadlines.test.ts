/**
 * Every call to Code Ocean has an overall deadline, end to end: a server that sends one
 * byte now and then (never silent long enough for an idle timeout) is cut off after
 * 30 s, the start request included, and a cancel during a start is handled before the
 * runner kills the step. Its own file, because two scenarios wait out the real 30 s.
 */
import { expect, it } from '@jest/globals'
import { calls, errorOf, msFromFirstSignalToExit, runAgainst } from '../../support/action.js'
import { startSimulator, STATUS_CHECK } from '../../support/simulators.js'

const START = { method: 'POST', path: '/api/v1/computations' }

// a server that drips its answer
it.concurrent(
  'a status check dripping one byte a second is cut at 30 s, retried, and the run followed to success',
  async () => {
    const sim = await startSimulator()
    sim.failNext({ method: 'GET', path: STATUS_CHECK }, { dripMs: 1_000 })
    const run = await runAgainst(sim, {}, { timeoutMs: 100_000 })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(
      run.log.some((l) => /^Code Ocean answered ETIMEDOUT when trying to read run \S+; trying again/.test(l))
    ).toBe(true)
    expect(calls(sim, 'GET').filter((r) => r.fault)).toHaveLength(1)
    // 30 s for the cut-off check, then a retry and a poll or two; the whole answer would take minutes.
    expect(run.durationMs).toBeLessThan(75_000)
  },
  110_000
)

it.concurrent(
  'a start dripping one byte a second is cut at 30 s, once, and the run it created is found and followed',
  async () => {
    const sim = await startSimulator()
    sim.failNext(START, { dripMs: 1_000 })
    const run = await runAgainst(sim, { parameters: '["1"]' }, { timeoutMs: 100_000 })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(run.log).toContainEqual(
      expect.stringMatching(
        /^The start request failed after it was sent \(Could not start the run: no answer from 127\.0\.0\.1:\d+ within 30 s \(ETIMEDOUT\)/
      )
    )
    // The server did start the run; the action must not start another, and follows that one.
    expect(calls(sim, 'POST').filter((r) => r.path === START.path)).toHaveLength(1)
    expect(sim.runs()).toHaveLength(1)
    expect(run.outputs['computation-id']).toBe(sim.runs()[0].id)
    // 30 s for the cut-off start, two looks for the run 10 s apart, then a poll or two;
    // the whole dripped answer would take minutes. (A busy machine adds seconds.)
    expect(run.durationMs).toBeGreaterThanOrEqual(30_000)
    expect(run.durationMs).toBeLessThan(75_000)
  },
  110_000
)

// a cancel during the start
it.concurrent('a start that answers within the grace is stopped as any cancelled run', async () => {
  const sim = await startSimulator({ phases: [{ state: 'running', ms: 3_600_000 }], defaultOutcome: 'never-ends' })
  sim.failNext(START, { passThrough: true, delayMs: 1_500 })
  const run = await runAgainst(sim, {}, { cancel: { whenStdoutMatches: /Starting pipeline/ } })
  expect(run.signalsSent.map((s) => s.signal)).toEqual(['SIGINT'])
  expect(run.outputs.status).toBe('cancelled')
  const id = run.outputs['computation-id']
  expect(id).toBeTruthy()
  expect(sim.computation(id)?.deleted).toBe(true)
  expect(calls(sim, 'POST')).toHaveLength(1)
})

it.concurrent(
  'a start still dripping 3 s after SIGINT is given up: the step ends as cancelled before SIGTERM, saying a run may have started',
  async () => {
    const sim = await startSimulator()
    sim.failNext(START, { dripMs: 1_000 })
    const run = await runAgainst(sim, {}, { cancel: { whenStdoutMatches: /Starting pipeline/ } })
    expect(run.signalsSent.map((s) => s.signal)).toEqual(['SIGINT'])
    const ms = msFromFirstSignalToExit(run)
    expect(ms).toBeGreaterThanOrEqual(3_000)
    expect(ms).toBeLessThan(7_000)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('cancelled')
    expect(errorOf(run)).toMatch(/^Could not start the run: the call was cancelled before Code Ocean answered/)
    expect(errorOf(run)).toContain('a run may have started')
    expect(run.summary).toContain('a run may have started')
    expect(calls(sim, 'POST')).toHaveLength(1)
    // A cancelled step does not go looking for the run: it has no time for it.
    expect(calls(sim, 'GET').filter((r) => r.path.endsWith('/computations'))).toHaveLength(0)
  },
  30_000
)
