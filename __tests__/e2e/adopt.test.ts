/**
 * A start that fails after the request went out (a 500, a reset, a timeout) may have
 * started a run. The action looks among the target's runs for it, end to end on the
 * bundle against the simulator: exactly one run created since the start (by the server's
 * clock) with this step's request, on two looks, is followed; nothing proves it is this
 * step's, so it keeps its name and is stopped only on an explicit `true`. None, several,
 * an empty request, or a listing that fails end the step, and the start is never sent twice.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { expect, it } from '@jest/globals'
import type { CodeOceanSimulator } from '../../sim/simulator.js'
import { calls, errorOf, HOUR, PIPELINE, postOf, runAgainst } from '../support/action.js'
import { expectNoToken, startSimulator } from '../support/simulators.js'

const START = { method: 'POST', path: '/api/v1/computations' }
const LISTING = `/api/v1/pipelines/${PIPELINE}/computations`
const ADOPTED =
  /^Adopted run '.*' \(([^)]+)\): the start request failed, and it is the one run of the pipeline created since the start/
/** What the inputs `parameters: '["ours"]'` send, as a colleague would start the same run. */
const OURS = { pipeline_id: PIPELINE, parameters: ['ours'] }
const COLLEAGUE = { id: '5c0ffee5-aaaa-4bbb-8ccc-0123456789ab', email: 'colleague@codeocean.invalid' }

const starts = (sim: CodeOceanSimulator): number =>
  sim.requests.filter((r) => r.method === START.method && r.path === START.path).length
const listings = (sim: CodeOceanSimulator): number =>
  sim.requests.filter((r) => r.method === 'GET' && r.path === LISTING).length

/** When the start request arrived (the simulator keeps the real clock unless told otherwise), once it has. */
async function startArrival(sim: CodeOceanSimulator): Promise<number> {
  for (;;) {
    const start = sim.requests.find((r) => r.method === START.method && r.path === START.path)
    if (start !== undefined) return start.at
    await sleep(10)
  }
}

// a start that failed after the run was created
it.concurrent(
  'answered 500: the run is adopted and followed to success, keeps its name, and the summary says how it was found',
  async () => {
    const sim = await startSimulator()
    sim.failNext(START, { status: 500, body: { message: 'internal error' }, createRun: true })
    const run = await runAgainst(sim, { 'run-name': 'nightly', parameters: '["ours"]' })
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
    // The wait and the summary apply; the rename does not: nothing proves the run is this step's.
    expect(calls(sim, 'PATCH')).toHaveLength(0)
    expect(created.computation.name).toMatch(/^Run \d{7}$/)
    expect(run.summary).toContain('Adopted run')
    expect(run.summary).toContain("with this step's request, on two looks 10 s apart")
    expect(run.summary).toContain('so it keeps its name')
    expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(0)
    expect(listings(sim)).toBe(2)
  }
)

it.concurrent(
  'a failed start whose answer echoes the token and a workflow command says why, inert and scrubbed',
  async () => {
    const sim = await startSimulator()
    const message = `bad gateway for ${sim.token}\n::error::forged`
    sim.failNext(START, { status: 500, body: { message }, createRun: true })
    const run = await runAgainst(sim, { parameters: '["ours"]' })
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
  sim.failNext(START, { status: 502, createRun: true, delayMs: 500 })
  const running = runAgainst(sim, { parameters: '["ours"]' })
  const at = await startArrival(sim)
  const theirs = sim.addRun(
    { pipeline_id: PIPELINE, parameters: ['theirs'] },
    { agoMs: Date.now() - at, outcome: 'failed' }
  )
  const run = await running
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
  const older = sim.addRun(OURS, { agoMs: 2 * HOUR })
  sim.failNext(START, { reset: true, createRun: true })
  const run = await runAgainst(sim, { parameters: '["ours"]' })
  expect(run.exitCode).toBe(0)
  const ours = sim.runs().find((r) => r.id !== older)
  expect(run.outputs['computation-id']).toBe(ours?.id)
  expect(starts(sim)).toBe(1)
})

it.concurrent(
  'an adopted run is not stopped by a cancel, nor by the post step, unless stop-on-cancel is true',
  async () => {
    const never = { phases: [{ state: 'running', ms: HOUR }], defaultOutcome: 'never-ends' } as const
    const [byDefault, explicit] = await Promise.all([startSimulator(never), startSimulator(never)])
    for (const sim of [byDefault, explicit]) sim.failNext(START, { status: 500, createRun: true })
    const [cancelled, killed] = await Promise.all([
      runAgainst(byDefault, { parameters: '["ours"]' }, { cancel: { whenStdoutMatches: /Run is running/ } }),
      runAgainst(
        explicit,
        { parameters: '["ours"]', 'stop-on-cancel': 'true' },
        { kill: { whenStdoutMatches: /Run is running/ } }
      )
    ])
    // stop-on-cancel: auto leaves an adopted run going, as a followed one.
    const [mine] = byDefault.runs()
    expect(cancelled.outputs).toMatchObject({ 'computation-id': mine.id, status: 'cancelled' })
    expect(errorOf(cancelled)).toContain('The run was left running')
    expect((await postOf(byDefault, cancelled)).exitCode).toBe(0)
    expect(calls(byDefault, 'DELETE')).toHaveLength(0)
    expect(byDefault.computation(mine.id)?.deleted).toBe(false)
    // stop-on-cancel: true: the post step stops it when the main step was killed.
    expect(killed.signal).toBe('SIGKILL')
    const [theirs] = explicit.runs()
    expect(killed.outputs['computation-id']).toBe(theirs.id)
    expect(explicit.computation(theirs.id)?.deleted).toBe(false)
    expect((await postOf(explicit, killed)).exitCode).toBe(0)
    expect(explicit.computation(theirs.id)?.deleted).toBe(true)
    expect(starts(explicit)).toBe(1)
  }
)

// runs that are not this step's, or cannot be told from it
it.concurrent("a colleague's run with our request, created 45 s before the start, is not adopted", async () => {
  const sim = await startSimulator()
  const colleague = sim.addRun(OURS, { agoMs: 45_000, outcome: 'succeeded', owner: COLLEAGUE })
  sim.failNext(START, { status: 502 })
  const run = await runAgainst(sim, { parameters: '["ours"]', 'run-name': 'nightly' })
  expect(run.exitCode).toBe(1)
  expect(starts(sim)).toBe(1)
  expect(errorOf(run)).toContain('No run started by this step was found')
  expect(run.outputs['computation-id'] ?? '').toBe('')
  expect(calls(sim, 'PATCH')).toHaveLength(0)
  expect(sim.computation(colleague)?.computation.name).not.toBe('nightly')
})

it.concurrent(
  "a colleague's run 0.3 s after a start answered 502 that created nothing: followed, never renamed or stopped",
  async () => {
    const sim = await startSimulator({ phases: [{ state: 'running', ms: HOUR }], defaultOutcome: 'never-ends' })
    sim.failNext(START, { status: 502, delayMs: 500 })
    const running = runAgainst(
      sim,
      { parameters: '["ours"]', 'run-name': 'nightly' },
      { cancel: { whenStdoutMatches: /Run is running/ } }
    )
    const at = await startArrival(sim)
    const colleague = sim.addRun(OURS, { agoMs: Date.now() - (at + 300), outcome: 'never-ends', owner: COLLEAGUE })
    const run = await running
    expect(run.outputs).toMatchObject({ 'computation-id': colleague, status: 'cancelled' })
    expect(run.log).toContainEqual(expect.stringMatching(/^Adopted run .*\(owner: colleague@codeocean\.invalid\)\.$/))
    expect(run.summary).toContain('so it keeps its name')
    expect((await postOf(sim, run)).exitCode).toBe(0)
    expect(calls(sim, 'PATCH')).toHaveLength(0)
    expect(calls(sim, 'DELETE')).toHaveLength(0)
    expect(sim.computation(colleague)?.deleted).toBe(false)
  }
)

it.concurrent(
  'seven runs with our request since the start: fails listing five and how many more, inert, and follows none',
  async () => {
    const sim = await startSimulator({ phases: [{ state: 'running', ms: HOUR }], defaultOutcome: 'never-ends' })
    sim.failNext(START, { status: 500, createRun: true, delayMs: 500 })
    const running = runAgainst(sim, { parameters: '["ours"]' })
    const at = await startArrival(sim)
    // Names from outside: a forged command and a line break, and far too long to list whole.
    const name = `::error::forged\n##[warning]${'y'.repeat(2_000)}`
    for (let i = 0; i < 6; i++) {
      sim.addRun(OURS, { agoMs: Date.now() - (at + 300), outcome: 'never-ends', owner: COLLEAGUE, name })
    }
    const run = await running
    expect(run.exitCode).toBe(1)
    expect(starts(sim)).toBe(1)
    const error = errorOf(run)
    expect(error).toContain('HTTP 500 Internal Server Error')
    expect(error).toContain("7 runs of the pipeline created since the start have this step's request")
    expect(error).toContain('and 2 more')
    expect(sim.runs().filter((r) => error.includes(r.id))).toHaveLength(5)
    expect(error).toContain('so it follows none')
    expect(error).toContain(':\u200b:error::forged⏎#\u200b#[warning]')
    expect(error.length).toBeLessThan(3_000)
    expect(run.outputs['computation-id'] ?? '').toBe('')
    expect(run.outputs.status).toBe('failed')
    // No run is stopped, now or by the post step's backstop: none is known to be this step's.
    expect((await postOf(sim, run)).exitCode).toBe(0)
    expect(calls(sim, 'DELETE')).toHaveLength(0)
    expect(sim.activeRuns()).toHaveLength(7)
  }
)

it.concurrent('an empty request matches no run: the run the start created is listed, not followed', async () => {
  const sim = await startSimulator()
  sim.failNext(START, { status: 500, createRun: true })
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(1)
  expect(starts(sim)).toBe(1)
  const [created] = sim.runs()
  const error = errorOf(run)
  expect(error).toContain('The request sets no data assets, parameters, processes or Nextflow profile')
  expect(error).toContain(created.id)
  expect(run.outputs['computation-id'] ?? '').toBe('')
  expect(calls(sim, 'DELETE')).toHaveLength(0)
})

it.concurrent("named parameters echoed with the app panel's labels still match by param_name", async () => {
  const sim = await startSimulator()
  sim.setAppPanel('pipeline', PIPELINE, {
    parameters: [
      { name: 'Read length', type: 'text', param_name: 'ReadLength' },
      { name: 'Mode of operation', type: 'list', param_name: 'Mode', value_options: ['fast', 'exact'] }
    ]
  })
  sim.failNext(START, { status: 502, createRun: true })
  const run = await runAgainst(sim, { 'named-parameters': '{"Mode": "fast", "ReadLength": "100"}' })
  expect(run.exitCode).toBe(0)
  const [created] = sim.runs()
  expect(created.computation.parameters?.map((p) => p.name)).toEqual(['Mode of operation', 'Read length'])
  expect(run.outputs['computation-id']).toBe(created.id)
})

// a start that failed with no run to adopt
it.concurrent('no run was created: looks twice, 10 s apart, and says no run was found', async () => {
  const sim = await startSimulator()
  sim.failNext(START, { status: 500, body: { message: 'internal error' } })
  const run = await runAgainst(sim, { parameters: '["ours"]' })
  expect(run.exitCode).toBe(1)
  expect(starts(sim)).toBe(1)
  expect(sim.runs()).toHaveLength(0)
  const looks = sim.requests.filter((r) => r.path === LISTING)
  expect(looks).toHaveLength(2)
  expect(looks[1].at - looks[0].at).toBeGreaterThanOrEqual(9_900)
  const error = errorOf(run)
  expect(error).toContain('HTTP 500 Internal Server Error: internal error')
  expect(error).toContain("No run started by this step was found among the pipeline's runs (looked twice, 10 s apart).")
  expect(run.outputs.status).toBe('failed')
})

it.concurrent("a listing that fails: today's message, and why the look failed", async () => {
  const sim = await startSimulator()
  sim.failNext(START, { status: 500, createRun: true })
  sim.failNext({ method: 'GET', path: LISTING }, { status: 503, body: { message: 'listing unavailable' } }, 3)
  const run = await runAgainst(sim, { parameters: '["ours"]' })
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
