/**
 * Whatever Code Ocean or an event sends is data, never a workflow command. The bundle
 * runs as the runner runs it, and the harness reads stdout as the runner does
 * (stop-commands blocks, the legacy `##[` form anywhere in a line, state keys
 * case-insensitive with the first spelling kept), against a hostile simulator: a console
 * log, run names, states and error messages full of commands.
 */
import { expect, it } from '@jest/globals'
import type { CodeOceanSimulator } from '../../sim/simulator.js'
import { Output } from '../../src/names.js'
import { calls, errorOf, HOUR, postOf, runAgainst } from '../support/action.js'
import type { ActionRun } from '../../harness/runner.js'
import { startSimulator } from '../support/simulators.js'

/** Another run, of another pipeline, that no step of this job started. */
async function someoneElsesRun(sim: CodeOceanSimulator): Promise<string> {
  const response = await fetch(`${sim.url}/api/v1/computations`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${sim.token}:`).toString('base64')}`,
      'Content-Type': 'application/json'
    },
    body: JSON.stringify({ pipeline_id: 'someone-elses-pipeline' })
  })
  return ((await response.json()) as { id: string }).id
}

/** A console log that tries every command the runner knows. */
function hostileLog(otherRun: string): string {
  return [
    'Loading data',
    '::save-state name=ISPOST::x',
    `::save-state name=computation-id::${otherRun}`,
    '::save-state name=COMPUTATION-ID::x',
    '::save-state name=watching::true',
    '::error file=src/auth.ts,line=12::forged',
    '::set-output name=approved::true',
    '::add-mask::failed',
    '::stop-commands::x',
    '##[error]forged',
    'progress 50%\r::notice::forged',
    'Error: the real failure'
  ].join('\n')
}

/** What a hostile server calls the run: line breaks of every kind, each starting a command. */
const HOSTILE_NAME =
  'nightly\n::save-state name=watching::false\r::set-output name=approved::true\u2028##[warning]forged'

/** Asserts that no command from outside text was acted on; `outputs`: the outputs the step sets. */
function expectNothingForged(run: ActionRun, token: string, outputs: string[] = Object.values(Output)): void {
  const messages = run.annotations.map((a) => a.message)
  expect(messages).not.toContain('forged')
  expect(messages.filter((m) => /deprecated/.test(m))).toEqual([])
  expect(run.annotations.filter((a) => a.props.file !== undefined)).toEqual([])
  // The action masks its tokens; nothing else may be masked.
  const ours = [token, Buffer.from(`${token}:`).toString('base64')]
  expect(run.masks.filter((m) => !ours.includes(m) && !m.startsWith('ghs_'))).toEqual([])
  expect(Object.keys(run.outputs).sort()).toEqual([...outputs].sort())
  expect(Object.keys(run.state).every((key) => key === 'computation-id' || key === 'watching')).toBe(true)
}

// outside text never becomes a workflow command
it.concurrent(
  "a failed run whose log, name and state are full of commands forges nothing; the action's own commands still work",
  async () => {
    const sim = await startSimulator()
    const other = await someoneElsesRun(sim)
    sim.program('4bc97533-6eb4-48ac-966f-648548a756d2', {
      outcome: 'failed',
      name: HOSTILE_NAME,
      phases: [{ state: 'queued\n::notice::forged\r::save-state name=ISPOST::true', ms: 100 }],
      results: [{ path: 'output', content: hostileLog(other) }]
    })
    const run = await runAgainst(sim, {})
    expect(run.exitCode).toBe(1)
    const id = run.outputs['computation-id']
    expectNothingForged(run, sim.token)
    expect(run.state).toEqual({ 'computation-id': id, watching: 'false' })

    // The log is shown, as text, inside the action's own group.
    // A lone \r ends a line too (progress bars), so the count includes the pieces it makes.
    const group = run.log.findIndex((line) => /^Last \d+ lines of the run's console log \(output\)$/.test(line))
    expect(group).toBeGreaterThanOrEqual(0)
    expect(run.log.slice(group)).toEqual(
      expect.arrayContaining(['::error file=src/auth.ts,line=12::forged', '#\u200b#[error]forged', '::notice::forged'])
    )
    expect(run.log).not.toContain('::endgroup::')
    // The action's own annotations: the telling line, and the failure, each one line.
    const own = run.annotations.filter((a) => a.level === 'error')
    expect(own.map((a) => a.message)).toEqual([
      'Error: the real failure',
      expect.stringMatching(/^Code Ocean run 'nightly⏎::save-state name=watching::false⏎.*' \(.+\) failed: /)
    ])
    expect(own[0].props.title).toBe(
      `Code Ocean run nightly⏎::save-state name=watching::false⏎::set-output name=approved::true⏎#\u200b#[warning]forged failed`
    )
    expect(run.log).toContain(
      // States are read lower-cased.
      'Run is queued⏎::notice::forged⏎::save-state name=ispost::true (after 0s)'
    )
    expect(run.outputs).toMatchObject({ name: HOSTILE_NAME, status: 'failed' })

    // The post step is the post step: it starts nothing and stops nothing.
    const post = await postOf(sim, run)
    expect(post.exitCode).toBe(0)
    expect(calls(sim, 'POST').filter((r) => r.path === '/api/v1/computations')).toHaveLength(2)
    expect(calls(sim, 'DELETE')).toEqual([])
    expectNothingForged(post, sim.token, [])
  }
)

it.concurrent('a run-name made of event text cannot point the post step at another run', async () => {
  const sim = await startSimulator()
  const other = await someoneElsesRun(sim)
  const runName = `Fix parser\n::save-state name=computation-id::${other}\n::save-state name=watching::true\r`
  const run = await runAgainst(sim, { 'run-name': runName, wait: 'false' })
  expect(run.exitCode).toBe(0)
  expectNothingForged(run, sim.token)
  expect(run.state).toEqual({})
  expect(run.log).toContain(
    `Named the run 'Fix parser⏎::save-state name=computation-id::${other}⏎::save-state name=watching::true'`
  )
  expect(sim.computation(run.outputs['computation-id'])?.computation.name).toBe(runName.trim())

  const post = await postOf(sim, run)
  expect(post.exitCode).toBe(0)
  expect(calls(sim, 'DELETE')).toEqual([])
  expect(sim.computation(other)?.deleted).toBe(false)
})

it.concurrent('the post step of a killed step still stops the run, whatever its name holds', async () => {
  const sim = await startSimulator({ phases: [{ state: 'initializing', ms: HOUR }], defaultOutcome: 'never-ends' })
  const runName = 'nightly\n::save-state name=COMPUTATION-ID::x\n::save-state name=Watching::false'
  const run = await runAgainst(sim, { 'run-name': runName }, { kill: { whenStdoutMatches: /Run is initializing/ } })
  expect(run.signal).toBe('SIGKILL')
  const id = run.outputs['computation-id']
  expect(run.state).toEqual({ 'computation-id': id, watching: 'true' })

  const post = await postOf(sim, run)
  expect(post.exitCode).toBe(0)
  expect(sim.computation(id)?.deleted).toBe(true)
  expect(post.log).toContain(`Stopped Code Ocean run ${id} (in Code Ocean, stopping a run deletes it and its results).`)
})

it.concurrent('the post step stops only the run its main step recorded, whatever the state says', async () => {
  const sim = await startSimulator({ phases: [{ state: 'initializing', ms: HOUR }], defaultOutcome: 'never-ends' })
  const other = await someoneElsesRun(sim)
  const run = await runAgainst(sim, {}, { kill: { whenStdoutMatches: /Run is initializing/ } })
  const id = run.outputs['computation-id']
  // State the main step did not write, as a printed `::save-state` line could once make it.
  run.state['computation-id'] = other
  const post = await postOf(sim, run)
  expect(post.exitCode).toBe(0)
  expect(calls(sim, 'DELETE')).toEqual([])
  expect(sim.computation(other)?.deleted).toBe(false)
  expect(post.annotations).toEqual([
    {
      level: 'warning',
      message: `The post step was asked to stop Code Ocean run ${other}, but the main step started run ${id}; it stops nothing.`,
      props: {}
    }
  ])
})

it.concurrent('server and object-store messages full of commands stay one line of data', async () => {
  const sim = await startSimulator()
  const hostile = (what: string): string =>
    `${what}\r::set-output name=approved::true\u2028::save-state name=watching::true\r\n::add-mask::failed ##[error]forged`
  sim.program('4bc97533-6eb4-48ac-966f-648548a756d2', {
    outcome: 'failed',
    results: [
      { path: 'output', content: 'Error: the real failure\n' },
      { path: 'data.csv', content: 'a,b\n1,2\n' }
    ]
  })
  sim.failNext({ method: 'PATCH' }, { status: 400, body: { message: hostile('bad name') } })
  sim.failNextDownload(
    { path: 'output' },
    { status: 404, body: `<Error><Code>NoSuchKey</Code><Message>${hostile('gone')}</Message></Error>` }
  )
  sim.failNextDownload({ path: 'data.csv' }, { status: 503, body: hostile('slow down') })
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(1)
  expectNothingForged(run, sim.token)
  expect(run.state).toEqual({ 'computation-id': run.outputs['computation-id'], watching: 'false' })
  const defused = '⏎::set-output name=approved::true⏎::save-state name=watching::true⏎'
  expect(run.annotations.find((a) => a.level === 'warning')?.message).toContain(
    `bad name${defused}::add-mask::failed #\u200b#[error]forged`
  )
  // The log shows the first line of the error (up to its first \n), as data.
  expect(run.log).toContain(
    `Could not read the run's console log: the store answered HTTP 404: NoSuchKey: gone${defused}`
  )
  const retry = run.log.find((l) => l.startsWith('Downloading result "data.csv" failed'))
  expect(retry).toContain('slow down')
  expect(retry).toContain('#\u200b#[error]forged')
  expect(run.outputs['result-files']).toBe('2')
})

it.concurrent('a start refused with a message full of commands fails with that message as data', async () => {
  const sim = await startSimulator()
  sim.failNext(
    { method: 'POST' },
    { status: 400, body: { message: 'invalid\n::set-output name=approved::true\r::add-mask::failed' } }
  )
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(1)
  expectNothingForged(run, sim.token)
  expect(errorOf(run)).toContain('HTTP 400 Bad Request: invalid⏎::set-output name=approved::true⏎::add-mask::failed')
})

// ids stay ids
it.concurrent("refuses a start answer whose run id is '..', and sends nothing with it", async () => {
  const sim = await startSimulator()
  sim.failNext(
    { method: 'POST', path: '/api/v1/computations' },
    { status: 200, body: { id: '..', state: 'initializing', name: 'Run 1' } }
  )
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(1)
  expect(errorOf(run)).toContain('Code Ocean answered with a run id that is not an id ("..": it is "..")')
  expect(errorOf(run)).toContain('A run has probably started')
  // A run has probably started, so the pipeline's runs are looked through (twice: none is there); nothing uses the id.
  expect(errorOf(run)).toContain('No run started by this step was found')
  expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
    'GET /api/v1/pipelines/4bc97533-6eb4-48ac-966f-648548a756d2/app_panel',
    'POST /api/v1/computations',
    'GET /api/v1/pipelines/4bc97533-6eb4-48ac-966f-648548a756d2/computations',
    'GET /api/v1/pipelines/4bc97533-6eb4-48ac-966f-648548a756d2/computations'
  ])
  const post = await postOf(sim, run)
  expect(post.exitCode).toBe(0)
  expect(sim.requests).toHaveLength(4)
})

it.concurrent("refuses a data asset id '.', and asks nothing about it", async () => {
  const sim = await startSimulator()
  sim.failNext({ method: 'POST', path: '/api/v1/data_assets' }, { status: 200, body: { id: '.', state: 'draft' } })
  const run = await runAgainst(sim, { 'capture-results': 'Nightly results' })
  expect(run.exitCode).toBe(1)
  expect(errorOf(run)).toContain('Code Ocean answered with a data asset id that is not an id (".": it is ".")')
  const paths = sim.requests.map((r) => r.path)
  expect(paths).not.toContain('/api/v1/')
  expect(paths).not.toContain('/api/v1/data_assets/')
  expect(paths.filter((p) => p.startsWith('/api/v1/data_assets'))).toEqual(['/api/v1/data_assets'])
})
