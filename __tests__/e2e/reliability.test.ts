/**
 * Reliability, end to end: the committed bundle on Node 24, run as the GitHub runner
 * runs it, against the simulator with injected faults, signals and timeouts.
 */
import { expect, it } from '@jest/globals'
import type { CodeOceanSimulator, Phase, RecordedRequest } from '../../sim/simulator.js'
import { calls, errorOf, HOUR, msFromFirstSignalToExit, postOf, runAgainst } from '../support/action.js'
import { expectNoToken, startSimulator, STATUS_CHECK } from '../support/simulators.js'

const starts = (sim: CodeOceanSimulator): RecordedRequest[] =>
  calls(sim, 'POST').filter((r) => r.path === '/api/v1/computations')

// starting without ever starting two runs
it.concurrent('retries a start refused with 429, honouring Retry-After, and creates exactly one run', async () => {
  const sim = await startSimulator()
  sim.failNext(
    { method: 'POST' },
    { status: 429, body: { message: 'Too many requests' }, headers: { 'Retry-After': '1' } },
    3
  )
  const run = await runAgainst(sim, { wait: 'false' })
  expect(run.exitCode).toBe(0)
  expect(calls(sim, 'POST')).toHaveLength(4)
  const posts = calls(sim, 'POST')
  for (let i = 1; i < posts.length; i++) expect(posts[i].at - posts[i - 1].at).toBeGreaterThanOrEqual(950)
  expect(sim.runs()).toHaveLength(1)
  expect(run.outputs['computation-id']).toBe(sim.runs()[0].id)
  expect(run.log.filter((l) => l.includes('Code Ocean answered HTTP 429 when trying to start the run'))).toHaveLength(3)
  expectNoToken(run, sim.token)
})

it.concurrent('does not repeat a start answered with 500, and follows the run it created', async () => {
  const sim = await startSimulator()
  sim.failNext({ method: 'POST' }, { status: 500, body: { message: 'internal error' }, createRun: true })
  const run = await runAgainst(sim, { parameters: '["1"]' })
  expect(run.exitCode).toBe(0)
  expect(starts(sim)).toHaveLength(1)
  expect(sim.runs()).toHaveLength(1)
  expect(run.outputs['computation-id']).toBe(sim.runs()[0].id)
  expect(run.outputs.status).toBe('succeeded')
  expectNoToken(run, sim.token)
})

it.concurrent('does not repeat a start whose connection was reset, and follows the run it created', async () => {
  const sim = await startSimulator()
  sim.failNext({ method: 'POST' }, { reset: true, createRun: true })
  const run = await runAgainst(sim, { parameters: '["1"]' })
  expect(run.exitCode).toBe(0)
  expect(starts(sim)).toHaveLength(1)
  expect(sim.runs()).toHaveLength(1)
  expect(run.outputs['computation-id']).toBe(sim.runs()[0].id)
  expect(run.log.some((l) => l.startsWith('The start request failed after it was sent (Could not start the run'))).toBe(
    true
  )
})

// old and new servers
it.concurrent('reads capitalised keys, numbers sent as strings and extra fields', async () => {
  const sim = await startSimulator({ defaultOutcome: 'never-ends' })
  sim.failNext(
    { method: 'GET', path: STATUS_CHECK },
    {
      status: 200,
      body: {
        Id: 'ignored',
        State: 'Completed',
        End_status: 'Succeeded',
        exit_code: '0',
        Run_time: '12',
        has_results: 'true',
        brand_new: { x: 1 }
      }
    }
  )
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toMatchObject({
    status: 'succeeded',
    state: 'completed',
    'exit-code': '0',
    'run-time': '12',
    'has-results': 'true'
  })
  expect(run.outputs['computation-id']).toBe(sim.runs()[0].id)
})

it.concurrent('fails clearly on an end status it does not know', async () => {
  const sim = await startSimulator({ defaultOutcome: 'never-ends' })
  sim.failNext(
    { method: 'GET', path: STATUS_CHECK },
    { status: 200, body: { id: 'x', state: 'completed', end_status: 'preempted' } }
  )
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(1)
  expect(errorOf(run)).toContain('failed: state completed, end status preempted, exit code none')
})

// cancellation
// While running; the stop is the same in any state, and SIGKILL below cancels one initializing.
it.concurrent.each([
  [
    'running',
    [
      { state: 'initializing', ms: 50 },
      { state: 'running', ms: HOUR }
    ],
    /Run is running/
  ]
] as [string, Phase[], RegExp][])('SIGINT while %s stops the run within 5 s', async (state, phases, when) => {
  const sim = await startSimulator({ phases, defaultOutcome: 'never-ends' })
  const run = await runAgainst(sim, { 'poll-interval': '5' }, { cancel: { whenStdoutMatches: when } })
  expect(run.signalsSent.map((s) => s.signal)).toEqual(['SIGINT'])
  expect(msFromFirstSignalToExit(run)).toBeLessThan(5_000)
  expect(run.exitCode).not.toBe(0)
  const id = run.outputs['computation-id']
  expect(sim.computation(id)).toMatchObject({ deleted: true, stateWhenDeleted: state })
  expect(run.outputs).toMatchObject({ status: 'cancelled', state })
  expect(errorOf(run)).toContain('The workflow was cancelled while waiting for Code Ocean run')
  expect(errorOf(run)).toContain('The run was stopped (in Code Ocean, stopping a run deletes it and its results)')
  // The stop is confirmed, so the post step has nothing left to do.
  const post = await postOf(sim, run)
  expect(post.exitCode).toBe(0)
  expect(calls(sim, 'DELETE')).toHaveLength(1)
  expectNoToken(run, sim.token)
})

it.concurrent('SIGKILL, then the post step stops the run', async () => {
  const sim = await startSimulator({ phases: [{ state: 'initializing', ms: HOUR }], defaultOutcome: 'never-ends' })
  const run = await runAgainst(sim, {}, { kill: { whenStdoutMatches: /Run is initializing/ } })
  expect(run.signal).toBe('SIGKILL')
  const id = run.outputs['computation-id']
  expect(sim.computation(id)?.deleted).toBe(false)
  const post = await postOf(sim, run)
  expect(post.exitCode).toBe(0)
  expect(sim.computation(id)?.deleted).toBe(true)
  expect(post.log.some((l) => l.includes(`Stopped Code Ocean run ${id}`))).toBe(true)
  expectNoToken(post, sim.token)
})

it.concurrent('with stop-on-cancel: false, neither the main nor the post step stops the run', async () => {
  const sim = await startSimulator({ phases: [{ state: 'initializing', ms: HOUR }], defaultOutcome: 'never-ends' })
  const run = await runAgainst(
    sim,
    { 'stop-on-cancel': 'false' },
    { cancel: { whenStdoutMatches: /Run is initializing/ } }
  )
  expect(run.outputs.status).toBe('cancelled')
  expect(errorOf(run)).toContain('The run was left running (stop-on-cancel: false)')
  await postOf(sim, run)
  expect(calls(sim, 'DELETE')).toHaveLength(0)
})

it.concurrent('the post step does nothing after a normal finish or after wait: false', async () => {
  const sim = await startSimulator()
  const finished = await runAgainst(sim, {})
  expect(finished.exitCode).toBe(0)
  await postOf(sim, finished)
  const started = await runAgainst(sim, { wait: 'false' })
  await postOf(sim, started)
  expect(calls(sim, 'DELETE')).toHaveLength(0)
})

// wait-timeout
it.concurrent('leaves the run running by default', async () => {
  const sim = await startSimulator({ defaultOutcome: 'never-ends' })
  const run = await runAgainst(sim, { 'wait-timeout': '0.1' })
  expect(run.exitCode).toBe(1)
  expect(run.outputs.status).toBe('timed-out')
  expect(errorOf(run)).toMatch(
    /^Timed out after 6s \(wait-timeout: 0\.1 min\) waiting for Code Ocean run '.*' \(.*\) \(last state: finalizing\)\. The run was left running \(stop-on-timeout: false\)\.$/
  )
  await postOf(sim, run)
  expect(calls(sim, 'DELETE')).toHaveLength(0)
})

it.concurrent('stops the run with stop-on-timeout', async () => {
  const sim = await startSimulator({ defaultOutcome: 'never-ends' })
  const run = await runAgainst(sim, { 'wait-timeout': '0.1', 'stop-on-timeout': 'true' })
  expect(run.exitCode).toBe(1)
  expect(run.outputs.status).toBe('timed-out')
  expect(errorOf(run)).toContain('The run was stopped (in Code Ocean, stopping a run deletes it and its results)')
  expect(sim.computation(run.outputs['computation-id'])?.deleted).toBe(true)
  expectNoToken(run, sim.token)
})
