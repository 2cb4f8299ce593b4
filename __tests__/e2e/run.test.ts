/**
 * End-to-end: the committed dist/ bundle, run on Node 24 exactly as the GitHub runner
 * runs it, against the Code Ocean simulator over real HTTP.
 */
import { expect, it } from '@jest/globals'
import { CodeOceanSimulator, type Outcome, type RecordedRequest } from '../../sim/simulator.js'
import { DEFAULT_CONTEXT, runAction } from '../../harness/runner.js'
import { expectNoToken, startSimulator } from '../support/simulators.js'
import { PIPELINE, runAgainst } from '../support/action.js'
import { BAD_INPUTS } from '../bad-inputs.js'
import { REQUEST_EXAMPLES, existingFor, goldenBody } from '../request-examples.js'

const api = (sim: CodeOceanSimulator, method: string): RecordedRequest[] =>
  sim.requests.filter((r) => r.method === method)

const DEFAULT_RUN_NAME = `${DEFAULT_CONTEXT.GITHUB_REPOSITORY}@${DEFAULT_CONTEXT.GITHUB_SHA.slice(0, 7)} ${DEFAULT_CONTEXT.GITHUB_WORKFLOW} #${DEFAULT_CONTEXT.GITHUB_RUN_NUMBER}`

// request examples reach Code Ocean exactly
it.concurrent.each(REQUEST_EXAMPLES.filter((e) => e.endToEnd).map((e) => [e.name, e] as const))(
  '%s',
  async (_name, example) => {
    const sim = await startSimulator()
    const existing = existingFor(example)
    for (const id of existing.dataAssets) sim.addDataAsset({ id })
    const pipeline = example.inputs['pipeline-id']
    const target = pipeline ? { pipeline_id: pipeline } : { capsule_id: example.inputs['capsule-id'] }
    if (existing.resumeRunId) sim.addRun(target, { id: existing.resumeRunId })
    const run = await runAgainst(sim, { ...example.inputs, wait: 'false' })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    const posts = api(sim, 'POST')
    expect(posts).toHaveLength(1)
    expect(posts[0].path).toBe('/api/v1/computations')
    expect(posts[0].headers['content-type']).toMatch(/^application\/json/)
    expect(posts[0].headers.authorization).toBe(`Basic ${Buffer.from(`${sim.token}:`).toString('base64')}`)
    expect(posts[0].body).toStrictEqual(goldenBody(example))
    expect(run.outputs.status).toBe('started')
    expectNoToken(run, sim.token)
  }
)

// a run followed to the end
it('starts, sets outputs at once, names the run, logs each state once and succeeds', async () => {
  const sim = await startSimulator()
  sim.addDataAsset({ id: 'bf8cf993-a583-495c-bebd-2f38f81d1ea1', name: 'Alignment' })
  const run = await runAgainst(sim, {
    'pipeline-id': PIPELINE,
    'data-assets': '[{"id": "bf8cf993-a583-495c-bebd-2f38f81d1ea1", "mount": "Alignment"}]',
    processes: '- name: capsule_np_create_folders_test_1\n  named_parameters: {NumFiles: 10}\n'
  })
  expect(run.exitCode).toBe(0)
  const id = run.outputs['computation-id']
  expect(id).toMatch(/^[0-9a-f-]{36}$/)
  expect(run.outputs).toMatchObject({
    name: DEFAULT_RUN_NAME,
    state: 'completed',
    'end-status': 'succeeded',
    'exit-code': '0',
    'has-results': 'true',
    status: 'succeeded'
  })
  expect(Number(run.outputs['run-time'])).toBeGreaterThanOrEqual(0)
  expect(JSON.parse(run.outputs.computation)).toMatchObject({ id, state: 'completed', name: DEFAULT_RUN_NAME })

  const patch = api(sim, 'PATCH')
  expect(patch).toHaveLength(1)
  expect(patch[0].path).toBe(`/api/v1/computations/${id}`)
  expect(patch[0].query).toEqual({ name: DEFAULT_RUN_NAME })
  // The app panel is read, and the attached data asset checked, once before the start; then the run is
  // read, and (poll-interval: auto) the pipeline's runs are listed once for their lengths.
  const gets = api(sim, 'GET').map((r) => r.path)
  expect(gets.slice(0, 2).sort()).toEqual([
    '/api/v1/data_assets/bf8cf993-a583-495c-bebd-2f38f81d1ea1',
    `/api/v1/pipelines/${PIPELINE}/app_panel`
  ])
  const listing = `/api/v1/pipelines/${PIPELINE}/computations`
  expect(gets.slice(2).filter((path) => path === listing)).toHaveLength(1)
  expect(gets.slice(2).every((path) => path === `/api/v1/computations/${id}` || path === listing)).toBe(true)

  expect(run.log.some((l) => l.startsWith('Started Code Ocean run') && l.includes(id))).toBe(true)
  const stateLines = run.log.filter((l) => l.startsWith('Run is '))
  expect(stateLines[0]).toBe('Run is initializing (after 0s)')
  expect(stateLines.at(-1)).toMatch(/^Run is completed \(after \d+s\)$/)
  expect(new Set(stateLines).size).toBe(stateLines.length)
  expect(run.annotations.filter((a) => a.level !== 'notice')).toEqual([])
  expectNoToken(run, sim.token)
})

// Two of the four ways a run ends badly; the verdict's unit test judges all four.
it.concurrent.each<[Outcome, string, string, string]>([
  ['failed', 'failed', 'failed', 'state completed, end status failed, exit code 1'],
  ['stopped', 'stopped', 'stopped', 'state completed, end status stopped, exit code none']
])('outcome %s fails the step with status %s', async (outcome, status, endStatus, facts) => {
  const sim = await startSimulator({ defaultOutcome: outcome })
  const run = await runAgainst(sim, { 'pipeline-id': PIPELINE, 'run-name': 'nightly check' })
  expect(run.exitCode).toBe(1)
  expect(run.outputs.status).toBe(status)
  expect(run.outputs['end-status']).toBe(endStatus)
  expect(run.outputs.name).toBe('nightly check')
  // One annotation gives the verdict; a second, when the run left a console log, its telling line.
  const verdicts = run.annotations.filter((a) => a.level === 'error' && a.message.startsWith('Code Ocean run '))
  expect(verdicts).toHaveLength(1)
  expect(verdicts[0].message).toContain(`Code Ocean run 'nightly check' (${run.outputs['computation-id']})`)
  expect(verdicts[0].message).toContain(facts)
  expectNoToken(run, sim.token)
})

it.concurrent('keeps waiting through a state it does not know, warning once', async () => {
  // The simulator's clock moves with the calls on the run, not with the machine: the first
  // status read (after the naming) sees 'queued' however late it comes on a loaded
  // machine, the second the end. A call is recorded once answered.
  const base = Date.now()
  // eslint-disable-next-line prefer-const -- read by the clock before it is assigned
  let sim: CodeOceanSimulator | undefined
  const callsOnRun = (): number => (sim?.requests ?? []).filter((r) => /\/computations\/[^/]+$/.test(r.path)).length
  sim = await startSimulator({
    now: () => base + ([0, 1_000][callsOnRun()] ?? 60_000),
    phases: [
      { state: 'initializing', ms: 50 },
      { state: 'queued', ms: 8000 },
      { state: 'running', ms: 50 }
    ]
  })
  const run = await runAgainst(sim, { 'capsule-id': '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', 'poll-interval': '5' })
  expect(run.exitCode).toBe(0)
  expect(run.outputs.status).toBe('succeeded')
  const warnings = run.annotations.filter((a) => a.level === 'warning')
  expect(warnings).toHaveLength(1)
  expect(warnings[0].message).toContain("'queued'")
})

it.concurrent('sets computation-id, name and state before waiting, so a killed step still has them', async () => {
  const sim = await startSimulator({ defaultOutcome: 'never-ends' })
  const run = await runAgainst(sim, { 'pipeline-id': PIPELINE }, { kill: { whenStdoutMatches: /Named the run/ } })
  expect(run.signal).toBe('SIGKILL')
  expect(run.outputs['computation-id']).toMatch(/^[0-9a-f-]{36}$/)
  expect(run.outputs.state).toBe('initializing')
  expect(run.outputs.name).toBe(DEFAULT_RUN_NAME)
})

it.concurrent('treats a failed rename as a warning only', async () => {
  const sim = await startSimulator()
  sim.failNext({ method: 'PATCH' }, { status: 403, body: { message: 'rename not allowed' } })
  const run = await runAgainst(sim, { 'pipeline-id': PIPELINE, 'run-name': 'renamed' })
  expect(run.exitCode).toBe(0)
  expect(run.outputs.status).toBe('succeeded')
  expect(run.outputs.name).toMatch(/^Run \d{7}$/)
  const warnings = run.annotations.filter((a) => a.level === 'warning')
  expect(warnings).toHaveLength(1)
  expect(warnings[0].message).toContain("Could not name the run 'renamed'")
  expect(warnings[0].message).toContain('HTTP 403 Forbidden: rename not allowed')
})

it.concurrent('wait: false ends green right after the start, without polling', async () => {
  const sim = await startSimulator({ defaultOutcome: 'never-ends' })
  const run = await runAgainst(sim, { 'pipeline-id': PIPELINE, wait: 'false' })
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toMatchObject({ status: 'started', state: 'initializing', 'end-status': '', 'exit-code': '' })
  // The app panel check, the start, the rename: no status check.
  expect(sim.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, 'ID')}`)).toEqual([
    'GET /api/v1/pipelines/ID/app_panel',
    'POST /api/v1/computations',
    'PATCH /api/v1/computations/ID'
  ])
})

it.concurrent('reads domain and token from CODEOCEAN_DOMAIN and CODEOCEAN_API_TOKEN', async () => {
  const sim = await startSimulator()
  const run = await runAction({
    inputs: { 'pipeline-id': PIPELINE, wait: 'false' },
    env: { CODEOCEAN_DOMAIN: `${sim.url}/api/v1/`, CODEOCEAN_API_TOKEN: sim.token }
  })
  expect(run.exitCode).toBe(0)
  expect(api(sim, 'POST')).toHaveLength(1)
  expect(run.masks).toContain(sim.token)
  expectNoToken(run, sim.token)
})

it.concurrent('masks the token before anything else, and never shows it with debug logging on', async () => {
  const sim = await startSimulator({ defaultOutcome: 'failed' })
  const run = await runAgainst(sim, { 'pipeline-id': PIPELINE }, { env: { ACTIONS_STEP_DEBUG: 'true' } })
  expect(run.exitCode).toBe(1)
  expect(run.stdout.startsWith(`::add-mask::${sim.token}`)).toBe(true)
  expectNoToken(run, sim.token)
})

// Code Ocean errors are explained: a JSON message and an HTML error page, as they come
// over the wire; the wording for each status and body is api-error-messages' unit test.
it.concurrent.each<[string, number, string | object, string[]]>([
  [
    '401 with a JSON message',
    401,
    { message: 'Invalid token' },
    ['HTTP 401 Unauthorized: Invalid token', '`secret` input']
  ],
  [
    '502 HTML page',
    502,
    '<html><title>502 Bad Gateway</title></html>',
    ['HTTP 502 Bad Gateway: an HTML page: "502 Bad Gateway"']
  ]
])('%s', async (_name, status, body, parts) => {
  const sim = await startSimulator()
  sim.failNext(
    { method: 'POST', path: '/api/v1/computations' },
    typeof body === 'string' && body.startsWith('<') ? { status, body, contentType: 'text/html' } : { status, body }
  )
  const run = await runAgainst(sim, { 'pipeline-id': PIPELINE })
  expect(run.exitCode).toBe(1)
  const error = run.annotations.find((a) => a.level === 'error')?.message ?? ''
  expect(error).toContain('Code Ocean refused to start the run')
  for (const part of parts) expect(error).toContain(part)
  expect(run.outputs.status).toBe('failed')
  expect(run.outputs['computation-id']).toBe('')
  expect(api(sim, 'POST')).toHaveLength(1)
  expectNoToken(run, sim.token)
})

it.concurrent('a real 401 from a wrong token never shows either token', async () => {
  const sim = await startSimulator()
  const run = await runAction({
    inputs: { domain: sim.url, secret: 'cop_wrong_token_abcdef', 'pipeline-id': PIPELINE }
  })
  expect(run.exitCode).toBe(1)
  // The pre-flight read of the app panel meets the 401 first: the step fails there, once, and says why.
  const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message)
  expect(errors).toEqual([expect.stringContaining('HTTP 401')])
  expect(errors[0]).toContain('The API token was not accepted')
  expect(run.annotations.filter((a) => a.level === 'warning')).toEqual([])
  expect(sim.requests.filter((r) => r.method === 'POST')).toEqual([])
  expectNoToken(run, 'cop_wrong_token_abcdef')
  expectNoToken(run, sim.token)
})

// a domain that is not the Code Ocean API
it.concurrent('says so when the first call gets a web page as its 404, instead of blaming the id', async () => {
  const sim = await startSimulator()
  sim.failNext(
    { method: 'POST', path: '/api/v1/computations' },
    {
      status: 404,
      body: '<!DOCTYPE html><html><head><title>Page not found</title></head><body>Sorry</body></html>',
      contentType: 'text/html'
    }
  )
  const run = await runAgainst(sim, { 'pipeline-id': PIPELINE })
  expect(run.exitCode).toBe(1)
  const error = run.annotations.find((a) => a.level === 'error')?.message ?? ''
  expect(error).toContain('HTTP 404')
  expect(error).toContain('an HTML page: "Page not found"')
  expect(error).toContain('check the `domain` input')
  expect(error).not.toContain('does not know pipeline')
  expect(api(sim, 'POST')).toHaveLength(1)
  expectNoToken(run, sim.token)
})

// A `with:` key action.yml does not declare reaches the step as INPUT_<KEY>, as the runner passes it.
it.concurrent('an input the action does not declare is warned about, with the input it most likely meant', async () => {
  const sim = await startSimulator()
  const run = await runAgainst(sim, {}, { defaultTarget: false, env: { INPUT_PIPELINE_ID: PIPELINE } })
  expect(run.exitCode).toBe(1)
  expect(run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
    "Unexpected input 'pipeline_id': did you mean 'pipeline-id'? This action has no input 'pipeline_id', so it is ignored."
  ])
  expect(run.annotations.find((a) => a.level === 'error')?.message).toContain("'pipeline-id' or 'capsule-id'")
  expect(sim.requests).toEqual([])
})

// bad input stops before any request
it.concurrent.each(BAD_INPUTS.filter((b) => b.endToEnd).map((b) => [b.name, b] as const))('%s', async (_name, bad) => {
  const sim = await startSimulator()
  const run = await runAgainst(sim, bad.inputs, { defaultTarget: false })
  expect(run.exitCode).toBe(1)
  expect(sim.requests).toEqual([])
  const error = run.annotations.find((a) => a.level === 'error')?.message ?? ''
  for (const part of bad.expect) {
    expect(error).toMatch(part) // a string part must appear as is, a RegExp must match
  }
  expect(run.outputs.status).toBe('failed')
  expect(Object.keys(run.outputs).sort()).toEqual([
    'computation',
    'computation-id',
    'data-asset-id',
    'end-status',
    'exit-code',
    'git-pulled',
    'git-pushed',
    'has-results',
    'name',
    'result-files',
    'results-path',
    'run-time',
    'state',
    'status'
  ])
  expectNoToken(run, sim.token)
})
