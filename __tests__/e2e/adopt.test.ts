/**
 * A start that fails after the request went out (a 500, a reset, a timeout) may have
 * started a run. The action looks among the target's runs for it, end to end on the
 * bundle against the simulator: exactly one run created since the start with this
 * step's request is followed as if the start had answered; none, several, or a listing
 * that fails end the step, and the start is never sent twice.
 */
import { expect, it } from '@jest/globals'
import type { CodeOceanSimulator } from '../../sim/simulator.js'
import { calls, errorOf, HOUR, PIPELINE, postOf, runAgainst } from '../support/action.js'
import { expectNoToken, startSimulator } from '../support/simulators.js'

const START = { method: 'POST', path: '/api/v1/computations' }
const LISTING = `/api/v1/pipelines/${PIPELINE}/computations`
const ADOPTED = /^The start request failed, but Code Ocean had started run '.*' \(([^)]+)\); following it$/

const starts = (sim: CodeOceanSimulator): number =>
  sim.requests.filter((r) => r.method === START.method && r.path === START.path).length
const listings = (sim: CodeOceanSimulator): number =>
  sim.requests.filter((r) => r.method === 'GET' && r.path === LISTING).length

// a start that failed after the run was created
it.concurrent('answered 500: the run is adopted and followed to success, and the start sent once', async () => {
  const sim = await startSimulator()
  sim.failNext(START, { status: 500, body: { message: 'internal error' }, createRun: true })
  const run = await runAgainst(sim, { 'run-name': 'nightly' })
  expect(run.exitCode).toBe(0)
  expect(starts(sim)).toBe(1)
  expect(sim.runs()).toHaveLength(1)
  const [created] = sim.runs()
  expect(
    run.log.some((l) =>
      l.startsWith(
        'The start request failed after it was sent (Code Ocean refused to start the run: HTTP 500 Internal Server Error: internal error)'
      )
    )
  ).toBe(true)
  expect(run.log.find((l) => ADOPTED.test(l))?.match(ADOPTED)?.[1]).toBe(created.id)
  expect(run.outputs).toMatchObject({ 'computation-id': created.id, status: 'succeeded', 'has-results': 'true' })
  // Everything after the start applies: the rename, the wait, the summary.
  expect(created.computation.name).toBe('nightly')
  expect(run.summary).toContain('Code Ocean had started run')
  expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(0)
  expect(listings(sim)).toBe(1)
})

it.concurrent(
  'a failed start whose answer echoes the token and a workflow command says why, inert and scrubbed',
  async () => {
    const sim = await startSimulator()
    const message = `bad gateway for ${sim.token}\n::error::forged`
    sim.failNext(START, { status: 500, body: { message }, createRun: true })
    const run = await runAgainst(sim, {})
    expect(run.exitCode).toBe(0)
    expect(
      run.log.some((l) => l.startsWith('The start request failed after it was sent') && l.includes('⏎::error::forged'))
    ).toBe(true)
    expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(0)
    expectNoToken(run, sim.token)
  }
)

it.concurrent('a run someone else started at the same moment with other parameters is not taken for ours', async () => {
  const sim = await startSimulator()
  const theirs = sim.addRun({ pipeline_id: PIPELINE, parameters: ['theirs'] }, { agoMs: 0, outcome: 'failed' })
  sim.failNext(START, { status: 502, createRun: true })
  const run = await runAgainst(sim, { parameters: '["ours"]' })
  expect(run.exitCode).toBe(0)
  expect(starts(sim)).toBe(1)
  const ours = sim.runs().find((r) => r.id !== theirs)
  expect(ours?.request.parameters).toEqual(['ours'])
  expect(run.outputs['computation-id']).toBe(ours?.id)
  expect(run.outputs.status).toBe('succeeded')
})

it.concurrent("reads the runs' times by the server's clock, hours ahead of the runner's", async () => {
  const sim = await startSimulator({ now: () => Date.now() + 3 * HOUR })
  // Created two hours before the start by the server's clock: an hour after it by the runner's.
  const older = sim.addRun({ pipeline_id: PIPELINE }, { agoMs: 2 * HOUR })
  sim.failNext(START, { reset: true, createRun: true })
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(0)
  const ours = sim.runs().find((r) => r.id !== older)
  expect(run.outputs['computation-id']).toBe(ours?.id)
  expect(starts(sim)).toBe(1)
})

it.concurrent("an adopted run is the post step's to stop when the step is killed", async () => {
  const sim = await startSimulator({ phases: [{ state: 'running', ms: HOUR }], defaultOutcome: 'never-ends' })
  sim.failNext(START, { status: 500, createRun: true })
  const run = await runAgainst(sim, {}, { kill: { whenStdoutMatches: /Run is running/ } })
  expect(run.signal).toBe('SIGKILL')
  const [created] = sim.runs()
  expect(run.outputs['computation-id']).toBe(created.id)
  expect(sim.computation(created.id)?.deleted).toBe(false)
  const post = await postOf(sim, run)
  expect(post.exitCode).toBe(0)
  expect(sim.computation(created.id)?.deleted).toBe(true)
  expect(starts(sim)).toBe(1)
})

it.concurrent('two runs with our request since the start: fails naming both, and follows neither', async () => {
  const sim = await startSimulator({ phases: [{ state: 'running', ms: HOUR }], defaultOutcome: 'never-ends' })
  const twin = sim.addRun({ pipeline_id: PIPELINE }, { agoMs: 0, outcome: 'never-ends' })
  sim.failNext(START, { status: 500, createRun: true })
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(1)
  expect(starts(sim)).toBe(1)
  const ids = sim.runs().map((r) => r.id)
  expect(ids).toHaveLength(2)
  expect(ids).toContain(twin)
  const error = errorOf(run)
  expect(error).toContain('HTTP 500 Internal Server Error')
  expect(error).toContain("2 runs of the pipeline created since the start have this step's request")
  for (const id of ids) expect(error).toContain(id)
  expect(error).toContain('so it follows none')
  expect(run.outputs['computation-id'] ?? '').toBe('')
  expect(run.outputs.status).toBe('failed')
  // Neither run is stopped, now or by the post step's backstop: neither is known to be this step's.
  expect((await postOf(sim, run)).exitCode).toBe(0)
  expect(calls(sim, 'DELETE')).toHaveLength(0)
  expect(sim.activeRuns()).toHaveLength(2)
})

// a start that failed with no run to adopt
it.concurrent('no run was created: looks twice, 5 s apart, and says no run was found', async () => {
  const sim = await startSimulator()
  sim.failNext(START, { status: 500, body: { message: 'internal error' } })
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(1)
  expect(starts(sim)).toBe(1)
  expect(sim.runs()).toHaveLength(0)
  const looks = sim.requests.filter((r) => r.path === LISTING)
  expect(looks).toHaveLength(2)
  expect(looks[1].at - looks[0].at).toBeGreaterThanOrEqual(4_900)
  const error = errorOf(run)
  expect(error).toContain('HTTP 500 Internal Server Error: internal error')
  expect(error).toContain("No run started by this step was found among the pipeline's runs (looked twice, 5 s apart).")
  expect(run.outputs.status).toBe('failed')
})

it.concurrent('a run with our request created before the start is not adopted', async () => {
  const sim = await startSimulator()
  const old = sim.addRun({ pipeline_id: PIPELINE }, { agoMs: 10 * 60_000, outcome: 'succeeded' })
  sim.failNext(START, { reset: true })
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(1)
  expect(starts(sim)).toBe(1)
  expect(sim.runs().map((r) => r.id)).toEqual([old])
  expect(errorOf(run)).toContain('No run started by this step was found')
  expect(run.outputs['computation-id'] ?? '').toBe('')
})

it.concurrent("a listing that fails: today's message, and why the look failed", async () => {
  const sim = await startSimulator()
  sim.failNext(START, { status: 500, createRun: true })
  sim.failNext({ method: 'GET', path: LISTING }, { status: 503, body: { message: 'listing unavailable' } }, 3)
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(1)
  expect(starts(sim)).toBe(1)
  expect(listings(sim)).toBe(3)
  const error = errorOf(run)
  expect(error).toContain('a run may have started')
  expect(error).toContain("Looking for the run among the pipeline's runs failed too")
  expect(error).toContain('listing unavailable')
  expect(run.outputs['computation-id'] ?? '').toBe('')
})

it.concurrent('a start refused with 403 is not looked for: nothing can have started', async () => {
  const sim = await startSimulator()
  sim.failNext(START, { status: 403, body: { message: 'forbidden' } })
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(1)
  expect(listings(sim)).toBe(0)
  expect(errorOf(run)).not.toContain('a run may have started')
})
