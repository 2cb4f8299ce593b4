/**
 * Following a run something else started (`computation-id`), end to end: the bundle on
 * Node 24 as the runner runs it, against the simulator. Nothing is ever started, and a
 * followed run is only stopped when the user says so explicitly.
 */
import { randomUUID } from 'node:crypto'
import { expect, it } from '@jest/globals'
import { GitHubStandIn } from '../../sim/github.js'
import type { CodeOceanSimulator, Outcome } from '../../sim/simulator.js'
import { DEFAULT_CONTEXT, runAction, type ActionRun, type RunActionOptions } from '../../harness/runner.js'
import { calls, errorOf, HOUR, PIPELINE, postOf } from '../support/action.js'
import { headings, renderGfm, seenText } from '../support/rendered-markdown.js'
import { expectNoToken, startSimulator, STATUS_CHECK } from '../support/simulators.js'

/** Runs the action to follow `id`, with debug logging on; checks the token appears nowhere. */
async function follow(
  sim: CodeOceanSimulator,
  id: string,
  inputs: Record<string, string> = {},
  options: RunActionOptions = {}
): Promise<ActionRun> {
  const run = await runAction({
    ...options,
    env: { ACTIONS_STEP_DEBUG: 'true', ...options.env },
    inputs: { domain: sim.url, secret: sim.token, 'computation-id': id, ...inputs }
  })
  expectNoToken(run, sim.token)
  return run
}

/** A run of the pipeline that something else started `agoMs` ago. */
function existingRun(sim: CodeOceanSimulator, outcome: Outcome, agoMs: number, name?: string): string {
  return sim.addRun({ pipeline_id: PIPELINE }, { outcome, agoMs, ...(name === undefined ? {} : { name }) })
}

const statusChecks = (sim: CodeOceanSimulator): number =>
  sim.requests.filter((r) => r.method === 'GET' && STATUS_CHECK.test(r.path)).length
const starts = (sim: CodeOceanSimulator): number =>
  sim.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/computations').length

/** Phases no test outlives. */
const ENDLESS = [
  { state: 'initializing', ms: 50 },
  { state: 'running', ms: 3 * HOUR }
]

// following a run started elsewhere
it.concurrent('waits for a running run, sets its outputs, downloads its results and starts nothing', async () => {
  // The simulator's clock stands still until the step has seen the run running, then
  // jumps past its end: the step finds it running and waits for it, however busy the machine.
  let clock = Date.now()
  const sim = await startSimulator({ phases: [{ state: 'running', ms: HOUR }], now: () => clock })
  const id = existingRun(sim, 'succeeded', 0, 'nightly from the UI')
  const endOnceSeenRunning = (line: string): void => {
    if (line.startsWith('Run is running')) clock += 2 * HOUR
  }
  const run = await follow(sim, id, { 'download-results': 'results' }, { onStdoutLine: endOnceSeenRunning })
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toMatchObject({
    'computation-id': id,
    name: 'nightly from the UI',
    status: 'succeeded',
    state: 'completed',
    'end-status': 'succeeded'
  })
  expect(Number(run.outputs['result-files'])).toBeGreaterThan(0)
  expect(
    run.log.some((l) =>
      l.startsWith(`Following Code Ocean run 'nightly from the UI' (${id}), which this step did not start`)
    )
  ).toBe(true)
  expect(run.log.some((l) => l.includes('Run is running'))).toBe(true)
  expect(statusChecks(sim)).toBeGreaterThanOrEqual(2)
  expect(starts(sim)).toBe(0)
  // The run keeps its name: nothing renames a run this step did not start.
  expect(calls(sim, 'PATCH')).toHaveLength(0)
  expect(run.summary).toContain('✅ Code Ocean run succeeded')
  expect(run.summary).toContain('this step followed it')
  expect(run.summary).not.toContain('Code Ocean run started')
  // The wait is over and the run ended: the post step has nothing to do.
  await postOf(sim, run)
  expect(calls(sim, 'DELETE')).toHaveLength(0)
})

it.concurrent('judges a run that has already finished at once, with no waiting', async () => {
  const sim = await startSimulator()
  const id = existingRun(sim, 'succeeded', HOUR)
  const run = await follow(sim, id)
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toMatchObject({ 'computation-id': id, status: 'succeeded', state: 'completed' })
  // One read of the run, and no poll after it.
  expect(statusChecks(sim)).toBe(1)
  expect(starts(sim)).toBe(0)
})

it.concurrent('fails the step for a failed run, with the tail of its console log', async () => {
  const sim = await startSimulator()
  const id = existingRun(sim, 'failed', HOUR)
  const run = await follow(sim, id)
  expect(run.exitCode).toBe(1)
  expect(run.outputs).toMatchObject({ 'computation-id': id, status: 'failed', 'end-status': 'failed' })
  expect(run.log.some((l) => /^Last \d+ lines of the run's console log \(output\)$/.test(l))).toBe(true)
  expect(errorOf(run)).toMatch(/failed/)
  expect(run.summary).toContain('❌ Code Ocean run failed')
  expect(starts(sim)).toBe(0)
})

it.concurrent('shows a hostile run name as text, never as a command or markup', async () => {
  const sim = await startSimulator()
  const id = existingRun(sim, 'succeeded', HOUR, '::error::pwned\n## <img src=x>')
  const run = await follow(sim, id)
  expect(run.exitCode).toBe(0)
  expect(run.annotations.filter((a) => a.message.includes('pwned'))).toHaveLength(0)
  const html = renderGfm(run.summary)
  expect(headings(html)).toEqual(['h2 ✅ Code Ocean run succeeded'])
  expect(html).toContain('<summary>Results (5 files, 13.1 KiB)</summary>')
  expect(html).not.toContain('<img')
  expect(seenText(html)).toContain('::error::pwned')
})

// the pull request comment on a followed run
it.concurrent('is posted, and updated when the same run is followed again', async () => {
  const github = new GitHubStandIn()
  await github.start()
  try {
    const sim = await startSimulator()
    const id = existingRun(sim, 'succeeded', HOUR)
    const onPullRequest: RunActionOptions = {
      env: { GITHUB_API_URL: github.url },
      event: { name: 'pull_request', payload: { number: 7, pull_request: { number: 7 } } }
    }
    const inputs = { 'comment-on-pr': 'true', 'github-token': github.token }
    const first = await follow(sim, id, inputs, onPullRequest)
    const again = await follow(sim, id, inputs, onPullRequest)
    expect([first.exitCode, again.exitCode]).toEqual([0, 0])
    const comments = github.comments.get(`${DEFAULT_CONTEXT.GITHUB_REPOSITORY}#7`) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('this step followed it')
    expect(comments[0].body).toContain(id)
    expect(starts(sim)).toBe(0)
  } finally {
    await github.stop()
  }
})

// a followed run is never stopped unless asked
it.concurrent('a cancel leaves it running, and so does the post step', async () => {
  const sim = await startSimulator({ phases: ENDLESS })
  const id = existingRun(sim, 'never-ends', 0)
  const run = await follow(sim, id, {}, { cancel: { whenStdoutMatches: /Run is running/ } })
  expect(run.signalsSent.map((s) => s.signal)).toEqual(['SIGINT'])
  expect(run.exitCode).not.toBe(0)
  // Set as soon as the run was found, before the wait the cancel cut short.
  expect(run.outputs).toMatchObject({ 'computation-id': id, state: 'running', status: 'cancelled' })
  expect(errorOf(run)).toContain('The workflow was cancelled while waiting for Code Ocean run')
  expect(errorOf(run)).toContain('The run was left running: this step did not start it (stop-on-cancel: auto')
  await postOf(sim, run)
  expect(calls(sim, 'DELETE')).toHaveLength(0)
  expect(sim.computation(id)?.deleted).toBe(false)
})

it.concurrent('with stop-on-cancel: true, a cancel stops it', async () => {
  const sim = await startSimulator({ phases: ENDLESS })
  const id = existingRun(sim, 'never-ends', 0)
  const run = await follow(sim, id, { 'stop-on-cancel': 'true' }, { cancel: { whenStdoutMatches: /Run is running/ } })
  expect(run.outputs.status).toBe('cancelled')
  expect(errorOf(run)).toContain('The run was stopped')
  expect(sim.computation(id)?.deleted).toBe(true)
})

it.concurrent('a killed step: the post step leaves it running by default, and stops it when asked', async () => {
  const sim = await startSimulator({ phases: ENDLESS })
  const left = existingRun(sim, 'never-ends', 0)
  const stopped = existingRun(sim, 'never-ends', 0)
  const kill = { kill: { whenStdoutMatches: /Run is running/ } }
  const [byDefault, asked] = await Promise.all([
    follow(sim, left, {}, kill),
    follow(sim, stopped, { 'stop-on-cancel': 'true' }, kill)
  ])
  expect([byDefault.signal, asked.signal]).toEqual(['SIGKILL', 'SIGKILL'])
  const [postDefault, postAsked] = await Promise.all([postOf(sim, byDefault), postOf(sim, asked)])
  expect([postDefault.exitCode, postAsked.exitCode]).toEqual([0, 0])
  expect(sim.computation(left)?.deleted).toBe(false)
  expect(sim.computation(stopped)?.deleted).toBe(true)
  expect(postDefault.log.join('\n')).not.toContain('Could not stop')
})

it.concurrent(
  'wait-timeout leaves it running; auto polls a run created an hour ago at the sparse interval',
  async () => {
    const sim = await startSimulator({ phases: ENDLESS })
    const id = existingRun(sim, 'never-ends', HOUR)
    const run = await follow(sim, id, { 'wait-timeout': '0.15', 'stop-on-timeout': 'auto' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('timed-out')
    expect(errorOf(run)).toContain('The run was left running: this step did not start it (stop-on-timeout: auto')
    expect(calls(sim, 'DELETE')).toHaveLength(0)
    expect(sim.computation(id)?.deleted).toBe(false)
    // An hour-old run is checked once a minute: in 9 s, no check after the first read.
    // Counted from the step's start instead, auto would have checked after 5 s.
    expect(statusChecks(sim)).toBe(1)
    expect(run.log.some((l) => /created 1h 00m \d\ds ago/.test(l))).toBe(true)
  }
)

// inputs and unknown runs
it.concurrent('refuses start inputs beside computation-id, names each conflict, and sends nothing', async () => {
  const sim = await startSimulator()
  const run = await follow(sim, randomUUID(), {
    'pipeline-id': PIPELINE,
    parameters: '["1"]',
    'sync-git': 'true',
    wait: 'false'
  })
  expect(run.exitCode).toBe(1)
  const error = errorOf(run)
  expect(error).toMatch(/^4 inputs need fixing:/)
  expect(error).toContain("Input 'computation-id' and 'pipeline-id': both are set")
  expect(error).toContain("Input 'computation-id' and 'parameters': both are set")
  expect(error).toContain("Input 'computation-id' and 'sync-git': both are set")
  expect(error).toContain("Input 'wait': is false, but following a run")
  expect(error).toContain('computation-id: 9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60')
  expect(sim.requests).toHaveLength(0)
})

it.concurrent('refuses an id of the wrong form before sending anything', async () => {
  const sim = await startSimulator()
  const run = await follow(sim, '../data_assets')
  expect(run.exitCode).toBe(1)
  expect(errorOf(run)).toContain(`Input 'computation-id': "../data_assets" is not a Code Ocean run id`)
  expect(sim.requests).toHaveLength(0)
})

it.concurrent('explains a run Code Ocean does not know (404)', async () => {
  const sim = await startSimulator()
  const id = randomUUID()
  const run = await follow(sim, id)
  expect(run.exitCode).toBe(1)
  expect(errorOf(run)).toContain(`Input 'computation-id': Code Ocean has no run ${id} that the token's owner can see`)
  expect(errorOf(run)).toContain('HTTP 404')
  expect(run.outputs.status).toBe('failed')
  expect(run.summary).toContain('❌ Could not follow the Code Ocean run')
  expect(starts(sim)).toBe(0)
})
