// Tests of the Code Ocean simulator, through real HTTP requests on loopback.

import { request as httpRequest, Agent, type ClientRequest } from 'node:http'
import {
  CodeOceanSimulator,
  DEFAULT_PHASES,
  DEFAULT_TOKEN,
  type FaultResponse,
  type Outcome,
  type SimulatorOptions
} from '../../sim/simulator.js'
import { parseCli, readAppPanelFile } from '../../sim/cli.js'
import { asObject, basic, call, type CallResult, type Json } from '../support/sim-http.js'
import { PIPELINE_PANEL } from '../support/app-panels.js'
import { startSimulator } from '../support/simulators.js'

const TOKEN = 'cop_test_token_0042'
// created 1646943238 is a fixture of AllenNeuralDynamics/aind-codeocean-api, whose run is named "Run 6943238".
const T0 = 1_646_943_238_000
const API = '/api/v1'
/** The capsules and pipelines these tests run (a simulator answers any other id 404). */
const TARGETS = {
  capsules: ['c', 'c-1', 'c-b', 'c-y'],
  pipelines: ['p', 'p-a', 'p-c', 'p-forever', 'p-named', 'p-queued', 'p-x', 'p1']
}

interface RawCall {
  req: ClientRequest
  /** Settles with the answer, or rejects with the socket error (ECONNRESET, socket hang up). */
  done: Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }>
}

/** One request over node:http on a fresh connection, so a test can see socket errors and abort mid-request. */
function rawCall(sim: CodeOceanSimulator, method: string, path: string, json?: unknown): RawCall {
  const body = json === undefined ? undefined : JSON.stringify(json)
  const headers: Record<string, string> = { Authorization: basic(sim.token) }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const req = httpRequest(`${sim.url}${path}`, { method, headers, agent: false })
  const done = new Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }>(
    (resolveCall, reject) => {
      req.on('error', reject)
      req.on('response', (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('error', reject)
        res.on('end', () => resolveCall({ status: res.statusCode ?? 0, text, headers: res.headers }))
      })
    }
  )
  req.end(body)
  return { req, done }
}

async function until(condition: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('CodeOceanSimulator', () => {
  let clock: number
  let sim: CodeOceanSimulator

  /** A fresh simulator for the test: on the test clock, with the simulator's own phases unless `options` say otherwise. */
  async function freshSim(options: SimulatorOptions = {}): Promise<CodeOceanSimulator> {
    sim = await startSimulator({ token: TOKEN, now: () => clock, phases: DEFAULT_PHASES, ...TARGETS, ...options })
    return sim
  }

  async function startRun(body: Json): Promise<Json> {
    const res = await call(sim, 'POST', `${API}/computations`, { json: body })
    expect(res.status).toBe(200)
    return asObject(res.json)
  }

  async function getRun(id: string): Promise<CallResult> {
    return call(sim, 'GET', `${API}/computations/${id}`)
  }

  beforeEach(async () => {
    clock = T0
    await freshSim()
  })

  describe('start and stop', () => {
    it('serves on loopback and reports a base URL without /api/v1', () => {
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    })

    it('uses the documented default token', () => {
      expect(new CodeOceanSimulator().token).toBe('cop_simulator_token_0123456789')
      expect(DEFAULT_TOKEN).toBe('cop_simulator_token_0123456789')
    })

    it('walks runs through DEFAULT_PHASES when given no phases', () => {
      const plain = new CodeOceanSimulator()
      const id = plain.addRun({ pipeline_id: 'p' })
      expect(plain.computation(id)?.phases).toEqual(DEFAULT_PHASES)
      expect(DEFAULT_PHASES.map((p) => [p.state, p.ms])).toEqual([
        ['initializing', 300],
        ['running', 500],
        ['finalizing', 200]
      ])
    })

    it('stops promptly while a client holds an idle keep-alive connection and a half-sent request', async () => {
      const agent = new Agent({ keepAlive: true })
      const status = await new Promise<number>((resolveStatus, reject) => {
        const req = httpRequest(
          `${sim.url}${API}/computations/none`,
          { agent, headers: { Authorization: basic(TOKEN) } },
          (res) => {
            res.resume()
            res.on('end', () => resolveStatus(res.statusCode ?? 0))
          }
        )
        req.on('error', reject)
        req.end()
      })
      expect(status).toBe(404)
      // The server is still waiting for the rest of this body when stop() is called.
      const halfSent = httpRequest(`${sim.url}${API}/computations`, {
        method: 'POST',
        headers: { Authorization: basic(TOKEN), 'Content-Type': 'application/json', 'Content-Length': '100' }
      })
      const halfSentFailed = new Promise<void>((resolveFailed) => halfSent.on('error', () => resolveFailed()))
      halfSent.write('{"pipeline_id":')
      await new Promise((r) => setTimeout(r, 50))

      const url = sim.url
      const began = Date.now()
      try {
        const stopped = await Promise.race([
          sim.stop().then(() => true),
          new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref())
        ])
        expect(stopped).toBe(true)
        expect(Date.now() - began).toBeLessThan(1000)
        await halfSentFailed
        expect(() => sim.url).toThrow(/not started/)
        await expect(fetch(`${url}${API}/computations/none`)).rejects.toThrow()
      } finally {
        // Lets a server that failed to close finish closing, so jest can exit.
        halfSent.destroy()
        agent.destroy()
      }
    })
  })

  describe('auth', () => {
    it('answers 401 with a JSON message when the Authorization header is missing', async () => {
      const res = await call(sim, 'GET', `${API}/computations/abc`, { authorization: null })
      expect(res.status).toBe(401)
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      expect(asObject(res.json).message).toMatch(/no credentials/)
    })

    it('answers 401 for a wrong token', async () => {
      const res = await call(sim, 'GET', `${API}/computations/abc`, { authorization: basic('cop_wrong') })
      expect(res.status).toBe(401)
      expect(asObject(res.json).message).toMatch(/invalid access token/)
    })

    it('answers 401 when the token is sent as the password instead of the user name', async () => {
      const res = await call(sim, 'GET', `${API}/computations/abc`, { authorization: basic('', TOKEN) })
      expect(res.status).toBe(401)
    })

    it('answers 401 for the right token with a non-empty password', async () => {
      const res = await call(sim, 'GET', `${API}/computations/abc`, { authorization: basic(TOKEN, 'x') })
      expect(res.status).toBe(401)
    })

    it('answers 401 for a Bearer token, even the right one', async () => {
      const res = await call(sim, 'GET', `${API}/computations/abc`, { authorization: `Bearer ${TOKEN}` })
      expect(res.status).toBe(401)
      expect(asObject(res.json).message).toMatch(/scheme "Bearer"/)
    })

    it('lets the right token through to the route (404 for an unknown run, not 401)', async () => {
      const res = await call(sim, 'GET', `${API}/computations/abc`)
      expect(res.status).toBe(404)
    })

    it('checks auth before routing and before validating a body', async () => {
      expect((await call(sim, 'GET', '/nowhere', { authorization: null })).status).toBe(401)
      const bad = await call(sim, 'POST', `${API}/computations`, { json: {}, authorization: basic('cop_wrong') })
      expect(bad.status).toBe(401)
      expect(sim.computation('anything')).toBeUndefined()
    })
  })

  describe('POST /computations validation', () => {
    const cases: [string, unknown, RegExp][] = [
      ['neither capsule_id nor pipeline_id', { version: 1 }, /one of capsule_id or pipeline_id is required/],
      ['both capsule_id and pipeline_id', { capsule_id: 'c', pipeline_id: 'p' }, /not both/],
      ['capsule_id not a string', { capsule_id: 42 }, /capsule_id must be a string/],
      ['pipeline_id not a string', { pipeline_id: ['p'] }, /pipeline_id must be a string/],
      ['empty pipeline_id', { pipeline_id: '' }, /pipeline_id must not be empty/],
      ['resume_run_id not a string', { pipeline_id: 'p', resume_run_id: 7 }, /resume_run_id must be a string/],
      ['version as a string', { pipeline_id: 'p', version: '1' }, /version must be a positive integer/],
      ['version zero', { pipeline_id: 'p', version: 0 }, /version must be a positive integer/],
      ['version fractional', { pipeline_id: 'p', version: 1.5 }, /version must be a positive integer/],
      ['data_assets not an array', { pipeline_id: 'p', data_assets: { id: 'd' } }, /data_assets must be an array/],
      [
        'data_assets item not an object',
        { pipeline_id: 'p', data_assets: ['d'] },
        /data_assets\[0\] must be an object/
      ],
      [
        'data asset without id',
        { pipeline_id: 'p', data_assets: [{ mount: 'm' }] },
        /data_assets\[0\]\.id must be a string/
      ],
      [
        'data asset id not a string',
        { pipeline_id: 'p', data_assets: [{ id: 5 }] },
        /data_assets\[0\]\.id must be a string/
      ],
      [
        'data asset mount not a string',
        { pipeline_id: 'p', data_assets: [{ id: 'd', mount: 1 }] },
        /data_assets\[0\]\.mount must be a string/
      ],
      [
        'data asset extra key',
        { pipeline_id: 'p', data_assets: [{ id: 'd', Mount: 'm' }] },
        /data_assets\[0\]: unknown field "Mount"/
      ],
      ['parameters not an array', { capsule_id: 'c', parameters: 'a b' }, /parameters must be an array/],
      ['parameters with a number', { capsule_id: 'c', parameters: ['75', 1] }, /parameters\[1\] must be a string/],
      [
        'named_parameters not an array',
        { capsule_id: 'c', named_parameters: { a: '1' } },
        /named_parameters must be an array/
      ],
      [
        'named parameter value not a string',
        { capsule_id: 'c', named_parameters: [{ param_name: 'a', value: 1 }] },
        /named_parameters\[0\]\.value must be a string/
      ],
      [
        'named parameter without param_name',
        { capsule_id: 'c', named_parameters: [{ value: '1' }] },
        /named_parameters\[0\]\.param_name must be a string/
      ],
      [
        'named parameter using name instead of param_name',
        { capsule_id: 'c', named_parameters: [{ name: 'a', value: '1' }] },
        /named_parameters\[0\]: unknown field "name"/
      ],
      [
        'processes for a capsule run',
        { capsule_id: 'c', processes: [{ name: 'x' }] },
        /processes is only valid for a pipeline run/
      ],
      ['processes not an array', { pipeline_id: 'p', processes: { name: 'x' } }, /processes must be an array/],
      [
        'process without name',
        { pipeline_id: 'p', processes: [{ parameters: [] }] },
        /processes\[0\]\.name must be a string/
      ],
      [
        'process parameters not strings',
        { pipeline_id: 'p', processes: [{ name: 'x', parameters: [75] }] },
        /processes\[0\]\.parameters\[0\] must be a string/
      ],
      [
        'process named_parameters malformed',
        { pipeline_id: 'p', processes: [{ name: 'x', named_parameters: [{ param_name: 'a' }] }] },
        /processes\[0\]\.named_parameters\[0\]\.value must be a string/
      ],
      [
        'process extra key',
        { pipeline_id: 'p', processes: [{ name: 'x', version: 1 }] },
        /processes\[0\]: unknown field "version"/
      ],
      ['nextflow_profile not a string', { pipeline_id: 'p', nextflow_profile: 3 }, /nextflow_profile must be a string/],
      [
        'a null required nested field',
        { pipeline_id: 'p', data_assets: [{ id: null }] },
        /data_assets\[0\]\.id must be a string/
      ],
      ['an unknown top-level key', { pipeline_id: 'p', named_parameter: [] }, /unknown field "named_parameter"/],
      ['a JSON array body', [{ pipeline_id: 'p' }], /request body must be an object/],
      ['a JSON string body', 'pipeline_id=p', /request body must be an object/]
    ]

    it.each(cases)('rejects %s with 400 and a message', async (_name, body, message) => {
      const res = await call(sim, 'POST', `${API}/computations`, { json: body })
      expect(res.status).toBe(400)
      expect(asObject(res.json).message).toMatch(message)
    })

    it('rejects malformed JSON with 400 "invalid JSON"', async () => {
      const res = await call(sim, 'POST', `${API}/computations`, {
        raw: '{"pipeline_id": ',
        contentType: 'application/json'
      })
      expect(res.status).toBe(400)
      expect(asObject(res.json).message).toMatch(/^invalid JSON/)
    })

    it('rejects a body that is not sent as application/json', async () => {
      const res = await call(sim, 'POST', `${API}/computations`, {
        raw: '{"pipeline_id":"p"}',
        contentType: 'text/plain'
      })
      expect(res.status).toBe(400)
      expect(asObject(res.json).message).toMatch(/Content-Type must be application\/json/)
    })

    it('rejects an empty body', async () => {
      const res = await call(sim, 'POST', `${API}/computations`, { raw: '', contentType: 'application/json' })
      expect(res.status).toBe(400)
      expect(asObject(res.json).message).toMatch(/body is required/)
    })

    it('starts no run for a rejected request', async () => {
      await call(sim, 'POST', `${API}/computations`, { json: { pipeline_id: 'p', version: 0 } })
      const ok = await startRun({ pipeline_id: 'p' })
      // Only the valid request created a run, so the only record is this one.
      expect(sim.computation(String(ok.id))).toBeDefined()
      expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(2)
    })
  })

  describe('starting runs', () => {
    it('starts a pipeline run and answers with a Computation in its first state', async () => {
      const body = {
        pipeline_id: 'e7a77780-b8ae-439e-89ac-fac2549da91b',
        version: 2,
        nextflow_profile: 'aws',
        data_assets: [{ id: 'eeefcc52-b445-4e3c-80c5-0e65526cd712', mount: 'Reference' }, { id: 'bf8cf993' }],
        processes: [
          { name: 'capsule_art_simulation_illumina_1', parameters: ['75', '', 'HS25'] },
          { name: 'capsule_np_create_folders_test_1', named_parameters: [{ param_name: 'NumFiles', value: '10' }] }
        ]
      }
      sim.addDataAsset({ id: 'eeefcc52-b445-4e3c-80c5-0e65526cd712' })
      sim.addDataAsset({ id: 'bf8cf993' })
      sim.setAppPanel('pipeline', body.pipeline_id, PIPELINE_PANEL)
      const res = await call(sim, 'POST', `${API}/computations`, {
        json: body,
        contentType: 'application/json; charset=utf-8'
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      const run = asObject(res.json)
      expect(run).toMatchObject({
        created: 1646943238,
        name: 'Run 6943238',
        // A release version's run: owned by 'release', with no owner_email (docs/codeocean-api.md §3).
        owner: 'release',
        run_time: 0,
        state: 'initializing',
        has_results: false,
        cloud_workstation: false,
        nextflow_profile: 'aws',
        data_assets: [{ id: 'eeefcc52-b445-4e3c-80c5-0e65526cd712', mount: 'Reference' }, { id: 'bf8cf993' }]
      })
      expect(run.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(run).not.toHaveProperty('end_status')
      expect(run).not.toHaveProperty('exit_code')
      expect(run.processes).toEqual([
        {
          name: 'capsule_art_simulation_illumina_1',
          capsule_id: expect.any(String),
          parameters: [
            { name: '', value: '75' },
            { name: '', value: '' },
            { name: '', value: 'HS25' }
          ]
        },
        {
          name: 'capsule_np_create_folders_test_1',
          capsule_id: expect.any(String),
          // The key in param_name, and the label the process's app panel gives it (the SDK's Param).
          parameters: [{ name: 'Number of files', param_name: 'NumFiles', value: '10' }]
        }
      ])
      const record = sim.computation(String(run.id))
      expect(record).toMatchObject({ kind: 'pipeline', targetId: body.pipeline_id, request: body, deleted: false })
    })

    it('starts a capsule run with named parameters echoed in Code Ocean shape', async () => {
      sim.setAppPanel('capsule', 'c-1', { parameters: [{ name: 'Threshold', type: 'text', param_name: 'threshold' }] })
      const run = await startRun({ capsule_id: 'c-1', named_parameters: [{ param_name: 'threshold', value: '0.5' }] })
      expect(run).toMatchObject({
        state: 'initializing',
        // `param_name` is the key sent; `name` the display label, the app panel's.
        parameters: [{ name: 'Threshold', param_name: 'threshold', value: '0.5' }]
      })
      expect(run).not.toHaveProperty('processes')
      expect(run).not.toHaveProperty('data_assets')
      expect(sim.computation(String(run.id))?.kind).toBe('capsule')
    })

    it('echoes a named parameter the app panel has no label for with an empty name', async () => {
      sim.setAppPanel('capsule', 'c-1', { parameters: [{ name: 'Other', type: 'text', param_name: 'other' }] }, 2)
      const unlabelled = await startRun({ capsule_id: 'c-1', named_parameters: [{ param_name: 'alpha', value: '1' }] })
      expect(unlabelled.parameters).toEqual([{ name: '', param_name: 'alpha', value: '1' }])
      // The labels are those of the version run: release 2's panel, not the latest (which has none).
      const released = await startRun({
        capsule_id: 'c-1',
        version: 2,
        named_parameters: [{ param_name: 'other', value: '2' }]
      })
      expect(released.parameters).toEqual([{ name: 'Other', param_name: 'other', value: '2' }])
    })

    it('starts a capsule run with ordered parameters', async () => {
      const run = await startRun({ capsule_id: 'c-1', parameters: ['75', 'False'] })
      expect(run.parameters).toEqual([
        { name: '', value: '75' },
        { name: '', value: 'False' }
      ])
    })

    it('gives each run its own id and pads the run name to seven digits', async () => {
      clock = 1_700_000_123_456
      const a = await startRun({ pipeline_id: 'p' })
      const b = await startRun({ pipeline_id: 'p' })
      expect(a.id).not.toBe(b.id)
      expect(a.name).toBe('Run 0000123')
      expect(a.created).toBe(1_700_000_123)
    })
  })

  describe('state progression', () => {
    it('walks initializing -> running -> finalizing -> completed by the clock', async () => {
      const run = await startRun({ pipeline_id: 'p' })
      const id = String(run.id)
      const stateAt = async (ms: number): Promise<Json> => {
        clock = T0 + ms
        const res = await getRun(id)
        expect(res.status).toBe(200)
        return asObject(res.json)
      }
      expect((await stateAt(0)).state).toBe('initializing')
      expect((await stateAt(299)).state).toBe('initializing')
      expect((await stateAt(300)).state).toBe('running')
      expect((await stateAt(799)).state).toBe('running')
      const finalizing = await stateAt(800)
      expect(finalizing).toMatchObject({ state: 'finalizing', has_results: false })
      expect(finalizing).not.toHaveProperty('end_status')
      expect(await stateAt(1000)).toMatchObject({
        state: 'completed',
        end_status: 'succeeded',
        exit_code: 0,
        has_results: true,
        run_time: 1
      })
    })

    it('counts run_time in whole seconds while running and freezes it once ended', async () => {
      await freshSim({ phases: [{ state: 'running', ms: 5_000 }] })
      const id = String((await startRun({ capsule_id: 'c' })).id)
      clock = T0 + 2_500
      expect(asObject((await getRun(id)).json).run_time).toBe(2)
      clock = T0 + 60_000
      expect(asObject((await getRun(id)).json)).toMatchObject({ state: 'completed', run_time: 5 })
    })

    const finals: [Outcome, Json, string[]][] = [
      ['succeeded', { state: 'completed', end_status: 'succeeded', exit_code: 0, has_results: true }, []],
      ['failed', { state: 'completed', end_status: 'failed', exit_code: 1, has_results: true }, []],
      ['exit-code', { state: 'completed', end_status: 'succeeded', exit_code: 1, has_results: true }, []],
      ['state-failed', { state: 'failed', has_results: false }, ['end_status', 'exit_code']],
      ['stopped', { state: 'completed', end_status: 'stopped', has_results: true }, ['exit_code']]
    ]

    it.each(finals)('ends a run programmed as %s with the right fields', async (outcome, expected, absent) => {
      sim.program('p-prog', { outcome })
      const id = String((await startRun({ pipeline_id: 'p-prog' })).id)
      clock = T0 + 10_000
      const run = asObject((await getRun(id)).json)
      expect(run).toMatchObject(expected)
      for (const key of absent) expect(run).not.toHaveProperty(key)
    })

    it('keeps a never-ends run in its last phase forever, with run_time still growing', async () => {
      sim.program('p-forever', { outcome: 'never-ends' })
      const id = String((await startRun({ pipeline_id: 'p-forever' })).id)
      clock = T0 + 3_600_000
      const run = asObject((await getRun(id)).json)
      expect(run).toMatchObject({ state: 'finalizing', has_results: false, run_time: 3600 })
      expect(run).not.toHaveProperty('end_status')
    })

    it('follows a program with states the client has never seen', async () => {
      sim.program('p-queued', {
        phases: [
          { state: 'queued', ms: 1_000 },
          { state: 'initializing', ms: 100 },
          { state: 'running', ms: 100 }
        ],
        outcome: 'failed'
      })
      const start = await startRun({ pipeline_id: 'p-queued' })
      expect(start.state).toBe('queued')
      const id = String(start.id)
      clock = T0 + 999
      expect(asObject((await getRun(id)).json).state).toBe('queued')
      clock = T0 + 1_050
      expect(asObject((await getRun(id)).json).state).toBe('initializing')
      clock = T0 + 1_200
      expect(asObject((await getRun(id)).json)).toMatchObject({ state: 'completed', end_status: 'failed' })
    })

    it('applies a program only to runs of its own target, and only to runs started after it', async () => {
      const before = String((await startRun({ pipeline_id: 'p-x' })).id)
      sim.program('p-x', { outcome: 'failed' })
      const after = String((await startRun({ pipeline_id: 'p-x' })).id)
      const other = String((await startRun({ capsule_id: 'c-y' })).id)
      clock = T0 + 10_000
      expect(asObject((await getRun(before)).json).end_status).toBe('succeeded')
      expect(asObject((await getRun(after)).json).end_status).toBe('failed')
      expect(asObject((await getRun(other)).json).end_status).toBe('succeeded')
    })

    it('uses the phases and default outcome given to the constructor', async () => {
      await freshSim({ phases: [{ state: 'running', ms: 50 }], defaultOutcome: 'state-failed' })
      const id = String((await startRun({ capsule_id: 'c' })).id)
      clock = T0 + 49
      expect(asObject((await getRun(id)).json).state).toBe('running')
      clock = T0 + 50
      expect(asObject((await getRun(id)).json).state).toBe('failed')
    })

    it('gives runs a programmed name from the start and keeps it through renames, as a hostile server may', async () => {
      const hostile = 'nightly\n::save-state name=computation-id::x\r##[error]forged'
      sim.program('p-named', { name: hostile })
      const start = await startRun({ pipeline_id: 'p-named' })
      expect(start.name).toBe(hostile)
      const id = String(start.id)
      const res = await call(sim, 'PATCH', `${API}/computations/${id}?name=${encodeURIComponent('mine')}`)
      expect(res.status).toBe(204)
      expect(asObject((await getRun(id)).json).name).toBe(hostile)
    })

    it('refuses an invalid program where it is set', () => {
      expect(() => sim.program('p', { outcome: 'exploded' as Outcome })).toThrow(/unknown outcome/)
      expect(() => sim.program('p', { phases: [{ state: 'running', ms: -1 }] })).toThrow(/ms must be/)
    })

    it('answers 404 with a JSON message for an unknown run', async () => {
      const res = await getRun('00000000-0000-4000-8000-000000000000')
      expect(res.status).toBe(404)
      expect(asObject(res.json).message).toMatch(/not found/)
    })
  })

  describe('PATCH /computations/{id}?name=', () => {
    it('renames a run with 204 and no body', async () => {
      const id = String((await startRun({ pipeline_id: 'p' })).id)
      const res = await call(sim, 'PATCH', `${API}/computations/${id}?name=${encodeURIComponent('nightly #12')}`)
      expect(res.status).toBe(204)
      expect(res.text).toBe('')
      expect(asObject((await getRun(id)).json).name).toBe('nightly #12')
    })

    it('answers 400 when name is missing or empty', async () => {
      const id = String((await startRun({ pipeline_id: 'p' })).id)
      for (const query of ['', '?name=', '?title=x']) {
        const res = await call(sim, 'PATCH', `${API}/computations/${id}${query}`)
        expect(res.status).toBe(400)
        expect(asObject(res.json).message).toMatch(/"name" is required/)
      }
      expect(asObject((await getRun(id)).json).name).toBe('Run 6943238')
    })

    it('answers 404 for an unknown run', async () => {
      const res = await call(sim, 'PATCH', `${API}/computations/nope?name=x`)
      expect(res.status).toBe(404)
    })
  })

  describe('DELETE /computations/{id}', () => {
    it('stops and deletes a run: 204, then 404, and the record keeps the state it was stopped in', async () => {
      const id = String((await startRun({ pipeline_id: 'p' })).id)
      clock = T0 + 400
      const del = await call(sim, 'DELETE', `${API}/computations/${id}`)
      expect(del.status).toBe(204)
      expect(del.text).toBe('')

      clock = T0 + 10_000
      expect((await getRun(id)).status).toBe(404)
      expect((await call(sim, 'PATCH', `${API}/computations/${id}?name=x`)).status).toBe(404)
      expect((await call(sim, 'DELETE', `${API}/computations/${id}`)).status).toBe(404)

      const record = sim.computation(id)
      expect(record).toMatchObject({ deleted: true, deletedAt: T0 + 400, stateWhenDeleted: 'running' })
      // The clock moved on, but a stopped run does not finish.
      expect(record?.computation).toMatchObject({ state: 'running', has_results: false })
      expect(record?.computation).not.toHaveProperty('end_status')
    })

    it('marks a live run as not deleted', async () => {
      const id = String((await startRun({ pipeline_id: 'p' })).id)
      const record = sim.computation(id)
      expect(record?.deleted).toBe(false)
      expect(record).not.toHaveProperty('stateWhenDeleted')
    })

    it('answers 404 for an unknown run', async () => {
      expect((await call(sim, 'DELETE', `${API}/computations/nope`)).status).toBe(404)
    })
  })

  describe('unknown routes and bodies', () => {
    it('answers 404 JSON for an unknown path and for a known path with the wrong method', async () => {
      for (const [method, path] of [
        ['GET', `${API}/capsules`],
        ['GET', `${API}/computations`],
        ['PUT', `${API}/computations/abc`],
        ['GET', '/computations/abc']
      ] as const) {
        const res = await call(sim, method, path)
        expect(res.status).toBe(404)
        expect(asObject(res.json).message).toMatch(/Not found/)
      }
    })

    it('answers 400 for malformed JSON on any route that gets one', async () => {
      const res = await call(sim, 'PATCH', `${API}/computations/abc?name=x`, {
        raw: '{oops',
        contentType: 'application/json'
      })
      expect(res.status).toBe(400)
      expect(asObject(res.json).message).toMatch(/^invalid JSON/)
    })
  })

  describe('failNext', () => {
    it('answers with a JSON object body (401 with message)', async () => {
      sim.failNext({ method: 'GET' }, { status: 401, body: { message: 'token expired' } })
      const res = await call(sim, 'GET', `${API}/computations/abc`)
      expect(res.status).toBe(401)
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      expect(res.json).toEqual({ message: 'token expired' })
    })

    it('answers with a bare JSON array (403)', async () => {
      sim.failNext({ path: `${API}/computations` }, { status: 403, body: ['capsule:write scope required'] })
      // A string path matches exactly, not as a prefix.
      expect((await call(sim, 'GET', `${API}/computations/abc`)).status).toBe(404)
      const res = await call(sim, 'POST', `${API}/computations`, { json: { pipeline_id: 'p' } })
      expect(res.status).toBe(403)
      expect(res.json).toEqual(['capsule:write scope required'])
      expect(sim.computation('p')).toBeUndefined()
    })

    it('answers with plain text (404) and with JSON without message (400)', async () => {
      sim.failNext({ method: 'GET' }, { status: 404, body: 'page not found' })
      sim.failNext({ method: 'GET' }, { status: 400, body: { error: 'bad', code: 17 } })
      const first = await call(sim, 'GET', `${API}/computations/abc`)
      expect(first.status).toBe(404)
      expect(first.headers.get('content-type')).toMatch(/^text\/plain/)
      expect(first.text).toBe('page not found')
      const second = await call(sim, 'GET', `${API}/computations/abc`)
      expect(second.status).toBe(400)
      expect(second.json).toEqual({ error: 'bad', code: 17 })
    })

    it('answers with an HTML page, its content type and extra headers (502, 429)', async () => {
      const html = '<html><body><h1>502 Bad Gateway</h1></body></html>'
      sim.failNext({}, { status: 502, body: html, contentType: 'text/html' })
      sim.failNext({}, { status: 429, body: { message: 'slow down' }, headers: { 'Retry-After': '7' } })
      const gateway = await call(sim, 'GET', `${API}/computations/abc`)
      expect(gateway.status).toBe(502)
      expect(gateway.headers.get('content-type')).toBe('text/html')
      expect(gateway.text).toBe(html)
      const limited = await call(sim, 'GET', `${API}/computations/abc`)
      expect(limited.status).toBe(429)
      expect(limited.headers.get('retry-after')).toBe('7')
    })

    it('answers `count` matching requests, then lets the real handler answer', async () => {
      const id = String((await startRun({ pipeline_id: 'p' })).id)
      sim.failNext({ method: 'GET', path: /^\/api\/v1\/computations\/[^/]+$/ }, { status: 503, body: 'busy' }, 2)
      // A non-matching request does not use up the fault.
      expect((await call(sim, 'PATCH', `${API}/computations/${id}?name=n`)).status).toBe(204)
      expect((await getRun(id)).status).toBe(503)
      expect((await getRun(id)).status).toBe(503)
      expect((await getRun(id)).status).toBe(200)
    })

    it('applies before auth and records the faulted request', async () => {
      sim.failNext({ path: `${API}/computations/abc` }, { status: 500 })
      const res = await call(sim, 'GET', `${API}/computations/abc`, { authorization: null })
      expect(res.status).toBe(500)
      expect(res.text).toBe('')
      expect(sim.requests).toHaveLength(1)
      expect(sim.requests[0]).toMatchObject({ method: 'GET', path: `${API}/computations/abc` })
    })

    it('refuses a count that is not positive', () => {
      expect(() => sim.failNext({}, { status: 500 }, 0)).toThrow(RangeError)
    })

    it('sends Retry-After on a 503 when given in headers', async () => {
      sim.failNext(
        { method: 'GET' },
        { status: 503, body: { message: 'maintenance' }, headers: { 'Retry-After': '2' } }
      )
      const res = await call(sim, 'GET', `${API}/computations/abc`)
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('2')
      expect(res.json).toEqual({ message: 'maintenance' })
      expect(sim.requests[0]?.fault).toBe('status 503')
    })

    it('records which requests a fault answered, and leaves `fault` off the others', async () => {
      sim.failNext({ method: 'GET' }, { status: 502, body: 'bad gateway' })
      await call(sim, 'GET', `${API}/computations/abc`)
      await call(sim, 'GET', `${API}/computations/abc`)
      expect(sim.requests[0]?.fault).toBe('status 502')
      expect(sim.requests[1]).not.toHaveProperty('fault')
    })

    it('refuses a fault that is not exactly one of status, reset or passThrough, or has a bad delay', () => {
      expect(() => sim.failNext({}, {} as FaultResponse)).toThrow(/exactly one of/)
      expect(() => sim.failNext({}, { status: 500, reset: true } as unknown as FaultResponse)).toThrow(/exactly one of/)
      expect(() => sim.failNext({}, { passThrough: true, createRun: true } as unknown as FaultResponse)).toThrow(
        /createRun/
      )
      expect(() => sim.failNext({}, { status: 99 })).toThrow(/HTTP status/)
      expect(() => sim.failNext({}, { status: 500, delayMs: -1 })).toThrow(/delayMs/)
      expect(() => sim.failNext({}, { passThrough: true, delayMs: Number.NaN })).toThrow(/delayMs/)
      // The same mistakes are type errors.
      // @ts-expect-error status and reset together
      expect(() => sim.failNext({}, { status: 500, reset: true })).toThrow()
      // @ts-expect-error createRun needs an answer to give instead
      expect(() => sim.failNext({}, { passThrough: true, createRun: true })).toThrow()
    })

    describe('reset', () => {
      it('drops the connection without an answer, so the client sees a socket error', async () => {
        sim.failNext({ method: 'POST' }, { reset: true })
        const { done } = rawCall(sim, 'POST', `${API}/computations`, { pipeline_id: 'p' })
        await expect(done).rejects.toMatchObject({ code: 'ECONNRESET' })
        expect(sim.requests).toHaveLength(1)
        expect(sim.requests[0]).toMatchObject({ method: 'POST', fault: 'reset', body: { pipeline_id: 'p' } })
        // The real handler never ran, and the simulator keeps serving.
        expect(sim.runs()).toHaveLength(0)
        expect((await call(sim, 'POST', `${API}/computations`, { json: { pipeline_id: 'p' } })).status).toBe(200)
      })

      it('makes fetch fail too', async () => {
        sim.failNext({ method: 'GET' }, { reset: true })
        await expect(call(sim, 'GET', `${API}/computations/abc`)).rejects.toThrow(/fetch failed/)
        expect((await call(sim, 'GET', `${API}/computations/abc`)).status).toBe(404)
      })
    })

    describe('delayMs', () => {
      it('answers the fault status late', async () => {
        sim.failNext({ method: 'GET' }, { status: 503, body: 'busy', delayMs: 300 })
        const began = Date.now()
        const res = await call(sim, 'GET', `${API}/computations/abc`)
        expect(Date.now() - began).toBeGreaterThanOrEqual(280)
        expect(res.status).toBe(503)
        expect(res.text).toBe('busy')
        expect(sim.requests[0]?.fault).toBe('delay 300ms+status 503')
      })

      it('with passThrough, lets the real handler answer late (a slow server)', async () => {
        const id = String((await startRun({ pipeline_id: 'p' })).id)
        sim.failNext({ method: 'GET' }, { passThrough: true, delayMs: 300 })
        const began = Date.now()
        const res = await getRun(id)
        expect(Date.now() - began).toBeGreaterThanOrEqual(280)
        expect(res.status).toBe(200)
        expect(asObject(res.json)).toMatchObject({ id, state: 'initializing' })
        expect(sim.requests[1]?.fault).toBe('delay 300ms+passThrough')
        // Used up: the next one is fast again.
        const again = Date.now()
        expect((await getRun(id)).status).toBe(200)
        expect(Date.now() - again).toBeLessThan(250)
        expect(sim.requests[2]).not.toHaveProperty('fault')
      })

      it('drops a client that gives up during the delay quietly and keeps serving', async () => {
        const lines: string[] = []
        await freshSim({ log: (line) => lines.push(line) })
        sim.failNext({ method: 'POST' }, { status: 500, delayMs: 5_000 })
        const { req, done } = rawCall(sim, 'POST', `${API}/computations`, { pipeline_id: 'p' })
        const failed = done.then(
          () => 'answered',
          () => 'failed'
        )
        await until(() => sim.requests.length === 1, 'the request to arrive')
        req.destroy() // the client times out
        expect(await failed).toBe('failed')
        await until(() => sim.requests[0]?.fault?.endsWith('(client gone)') === true, 'the delay to be cancelled')
        expect(sim.requests[0]?.fault).toBe('delay 5000ms+status 500 (client gone)')
        expect(lines.at(-1)).toMatch(
          /^POST \/api\/v1\/computations -> nothing \[injected delay 5000ms\+status 500 \(client gone\)\]/
        )

        const began = Date.now()
        expect((await call(sim, 'POST', `${API}/computations`, { json: { pipeline_id: 'p' } })).status).toBe(200)
        expect(Date.now() - began).toBeLessThan(1000)
        expect(sim.runs()).toHaveLength(1)
      })

      it('does not hold up stop(): a pending delay is cancelled and its client cut off', async () => {
        sim.failNext({ method: 'GET' }, { passThrough: true, delayMs: 10_000 })
        const { req, done } = rawCall(sim, 'GET', `${API}/computations/abc`)
        const failed = done.then(
          () => 'answered',
          () => 'failed'
        )
        await until(() => sim.requests.length === 1, 'the request to arrive')
        const began = Date.now()
        try {
          const stopped = await Promise.race([
            sim.stop().then(() => true),
            new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref())
          ])
          expect(stopped).toBe(true)
          expect(Date.now() - began).toBeLessThan(1000)
          expect(await failed).toBe('failed')
          await until(() => sim.requests[0]?.fault?.endsWith('(client gone)') === true, 'the delay to be cancelled')
        } finally {
          req.destroy()
        }
      })
    })

    describe('passThrough', () => {
      it('lets the real handler answer but uses up the fault', async () => {
        sim.failNext({ method: 'GET' }, { passThrough: true })
        sim.failNext({ method: 'GET' }, { status: 503 })
        const first = await call(sim, 'GET', `${API}/computations/abc`)
        expect(first.status).toBe(404)
        expect(asObject(first.json).message).toMatch(/not found/)
        expect((await call(sim, 'GET', `${API}/computations/abc`)).status).toBe(503)
        expect((await call(sim, 'GET', `${API}/computations/abc`)).status).toBe(404)
        expect(sim.requests.map((r) => r.fault)).toEqual(['passThrough', 'status 503', undefined])
      })

      it('still goes through auth, unlike a status fault', async () => {
        sim.failNext({}, { passThrough: true })
        expect((await call(sim, 'GET', `${API}/computations/abc`, { authorization: null })).status).toBe(401)
      })
    })

    describe('createRun', () => {
      it('starts exactly one run but answers with the fault (the answer was lost)', async () => {
        sim.failNext(
          { method: 'POST', path: `${API}/computations` },
          { status: 500, body: { message: 'internal server error' }, createRun: true }
        )
        const res = await call(sim, 'POST', `${API}/computations`, { json: { capsule_id: 'c-1', parameters: ['a'] } })
        expect(res.status).toBe(500)
        expect(res.json).toEqual({ message: 'internal server error' })
        expect(sim.requests[0]?.fault).toBe('created+status 500')

        const runs = sim.runs()
        expect(runs).toHaveLength(1)
        expect(runs[0]).toMatchObject({ kind: 'capsule', targetId: 'c-1', deleted: false, createdAt: T0 })
        expect(runs[0]?.request).toEqual({ capsule_id: 'c-1', parameters: ['a'] })
        // The run is real: it can be fetched and stopped.
        const id = runs[0]?.id ?? ''
        expect((await getRun(id)).status).toBe(200)
        expect(sim.activeRuns().map((r) => r.id)).toEqual([id])
      })

      it('can drop the connection after starting the run, and answer late', async () => {
        sim.failNext({ method: 'POST' }, { reset: true, createRun: true, delayMs: 200 })
        const began = Date.now()
        const { done } = rawCall(sim, 'POST', `${API}/computations`, { pipeline_id: 'p' })
        // The run exists while the client is still waiting.
        await until(() => sim.runs().length === 1, 'the run to be created')
        await expect(done).rejects.toMatchObject({ code: 'ECONNRESET' })
        expect(Date.now() - began).toBeGreaterThanOrEqual(180)
        expect(sim.requests[0]?.fault).toBe('delay 200ms+created+reset')
        expect(sim.runs()).toHaveLength(1)
      })

      it('creates nothing when the real handler refuses the request, and says so', async () => {
        sim.failNext({ method: 'POST' }, { status: 500, createRun: true })
        const res = await call(sim, 'POST', `${API}/computations`, { json: { pipeline_id: 'p' }, authorization: null })
        expect(res.status).toBe(500)
        expect(sim.runs()).toHaveLength(0)
        expect(sim.requests[0]?.fault).toBe('handled 401+status 500')
      })
    })
  })

  describe('runs and activeRuns', () => {
    it('list every run in creation order; activeRuns leaves out deleted ones', async () => {
      expect(sim.runs()).toEqual([])
      const a = String((await startRun({ pipeline_id: 'p-a' })).id)
      clock = T0 + 1
      const b = String((await startRun({ capsule_id: 'c-b' })).id)
      clock = T0 + 2
      const c = String((await startRun({ pipeline_id: 'p-c' })).id)
      clock = T0 + 100
      expect((await call(sim, 'DELETE', `${API}/computations/${b}`)).status).toBe(204)

      const runs = sim.runs()
      expect(runs.map((r) => [r.id, r.targetId, r.deleted])).toEqual([
        [a, 'p-a', false],
        [b, 'c-b', true],
        [c, 'p-c', false]
      ])
      expect(runs[1]).toMatchObject({ deletedAt: T0 + 100, stateWhenDeleted: 'initializing' })
      expect(sim.activeRuns().map((r) => r.id)).toEqual([a, c])
      expect(sim.computation(b)?.deleted).toBe(true)

      sim.reset()
      expect(sim.runs()).toEqual([])
      expect(sim.activeRuns()).toEqual([])
    })
  })

  describe('request recording', () => {
    it('records every request in order, with lower-cased headers, query, raw and parsed body and clock time', async () => {
      await call(sim, 'GET', `${API}/computations/abc`, { authorization: null })
      clock = T0 + 5
      const body = { pipeline_id: 'p', data_assets: [{ id: 'd' }] }
      await call(sim, 'POST', `${API}/computations?trace=1`, { json: body, headers: { 'X-Request-Tag': 'Seven' } })
      clock = T0 + 9
      await call(sim, 'POST', `${API}/computations`, { raw: 'not json', contentType: 'text/plain' })

      expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `GET ${API}/computations/abc`,
        `POST ${API}/computations`,
        `POST ${API}/computations`
      ])
      const [rejected, post, text] = sim.requests
      expect(rejected).toMatchObject({ at: T0, rawBody: '', body: undefined })
      expect(rejected?.headers).not.toHaveProperty('authorization')
      expect(post).toMatchObject({
        query: { trace: '1' },
        rawBody: JSON.stringify(body),
        body,
        at: T0 + 5
      })
      expect(post?.headers['x-request-tag']).toBe('Seven')
      expect(post?.headers['content-type']).toBe('application/json')
      expect(post?.headers.authorization).toBe(basic(TOKEN))
      expect(Object.keys(post?.headers ?? {}).every((name) => name === name.toLowerCase())).toBe(true)
      expect(text).toMatchObject({ rawBody: 'not json', body: undefined, at: T0 + 9 })
    })

    it('logs one line per request when a logger is given', async () => {
      const lines: string[] = []
      await freshSim({ log: (line) => lines.push(line) })
      await call(sim, 'GET', `${API}/computations/abc?x=1`)
      await call(sim, 'GET', `${API}/computations/abc`, { authorization: null })
      expect(lines).toHaveLength(2)
      expect(lines[0]).toMatch(/^GET \/api\/v1\/computations\/abc\?x=1 -> 404/)
      expect(lines[1]).toMatch(/-> 401/)
    })
  })

  describe('reset', () => {
    it('forgets requests, computations, programs and faults', async () => {
      const held = sim.requests
      sim.program('p', { outcome: 'failed' })
      const id = String((await startRun({ pipeline_id: 'p' })).id)
      sim.failNext({ method: 'DELETE' }, { status: 500 })

      sim.reset()

      expect(sim.requests).toHaveLength(0)
      expect(held).toBe(sim.requests)
      expect(sim.computation(id)).toBeUndefined()
      expect((await getRun(id)).status).toBe(404)
      const fresh = String((await startRun({ pipeline_id: 'p' })).id)
      // The fault is gone, so the real handler answers.
      expect((await call(sim, 'DELETE', `${API}/computations/${fresh}`)).status).toBe(204)
      const other = String((await startRun({ pipeline_id: 'p' })).id)
      clock = T0 + 10_000
      // The program is gone, so the default outcome applies.
      expect(asObject((await getRun(other)).json).end_status).toBe('succeeded')
    })
  })
})

describe('simulator CLI', () => {
  it('parses its flags', () => {
    expect(
      parseCli([
        '--port',
        '8123',
        '--token',
        'cop_x',
        '--phase-ms',
        'queued=10,running=20',
        '--outcome',
        'exit-code',
        '--program',
        'p1=failed',
        '--program',
        'c2=never-ends',
        '--capsule',
        'c1',
        '--pipeline',
        'p1',
        '--pipeline',
        'p2'
      ])
    ).toEqual({
      port: 8123,
      token: 'cop_x',
      phases: [
        { state: 'queued', ms: 10 },
        { state: 'running', ms: 20 }
      ],
      outcome: 'exit-code',
      programs: [
        ['p1', 'failed'],
        ['c2', 'never-ends']
      ],
      capsules: ['c1'],
      pipelines: ['p1', 'p2'],
      help: false
    })
    expect(parseCli([])).toEqual({ port: 0, programs: [], help: false })
  })

  it.each([
    [['--outcome', 'boom'], /unknown outcome "boom"/],
    [['--program', 'p1'], /expected NAME=VALUE/],
    [['--phase-ms', 'running=fast'], /not a whole number/],
    [['--port', '70000'], /not a port number/],
    [['--port', '80a'], /not a port number/],
    [['--color'], /Unknown option/],
    [['--pipeline', ' '], /--pipeline must not be empty/],
    [['--pipeline', 'p', '--app-panel', 'p'], /--app-panel: expected ID=FILE, got "p"/],
    [['--pipeline', 'p', '--app-panel', 'q=panel.json'], /--app-panel: q is named by neither --capsule nor --pipeline/]
  ])('rejects %j', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message)
  })

  it('serves an app panel from a file, for the target --capsule or --pipeline names', () => {
    expect(
      parseCli(['--capsule', 'c', '--pipeline', 'p', '--app-panel', 'p=sim/samples/demo-pipeline-app-panel.json'])
        .appPanels
    ).toEqual([{ kind: 'pipeline', id: 'p', file: 'sim/samples/demo-pipeline-app-panel.json' }])
    expect(parseCli(['--capsule', 'c', '--app-panel', 'c=a=b.json']).appPanels).toEqual([
      { kind: 'capsule', id: 'c', file: 'a=b.json' }
    ])
    expect(readAppPanelFile('sim/samples/demo-pipeline-app-panel.json')).toMatchObject({
      processes: [{ name: 'capsule_np_create_files_test_3' }, { name: 'capsule_art_simulation_illumina_1' }]
    })
    expect(() => readAppPanelFile('no/such/panel.json')).toThrow(/--app-panel: cannot read no\/such\/panel.json/)
    expect(() => readAppPanelFile('README.md')).toThrow(/--app-panel: README.md is not JSON/)
  })
})
