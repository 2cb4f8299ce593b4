/**
 * Every answer the simulator gives, on every route, read as Code Ocean's Python SDK
 * reads it: its response models, extracted once from the SDK into
 * __tests__/fixtures/codeocean-sdk-models.json (script/sdk-models.ts), checked as
 * strictly as the SDK's from_dict (__tests__/support/sdk-models.ts). Where the
 * simulator and the SDK disagree, the simulator is wrong. A route added without a model
 * here fails the first test; a route no test here calls fails the last.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { extract, type Checkout } from '../../script/sdk-models.js'
import { compilePattern } from '../../sim/router.js'
import { DEFAULT_PHASES, type CodeOceanSimulator, type Outcome } from '../../sim/simulator.js'
import * as appPanels from '../support/app-panels.js'
import { CAPSULE_PANEL, PIPELINE_PANEL } from '../support/app-panels.js'
import { SDK, sdkProblems } from '../support/sdk-models.js'
import { call, type CallOptions, type CallResult } from '../support/sim-http.js'
import { CAPSULE, PIPELINE, startSimulator } from '../support/simulators.js'

const API = '/api/v1'
const T0 = 1_700_000_000_000
/** Long enough for DEFAULT_PHASES (1 s) and a capture's draft (300 ms) to be over. */
const LATER = 10_000

/** What the SDK reads each route's answer into; null for a 204 without a body (it reads none). */
const ANSWERS: Record<string, string | null> = {
  [`POST ${API}/computations`]: 'Computation',
  [`GET ${API}/computations/:id`]: 'Computation',
  [`PATCH ${API}/computations/:id`]: null,
  [`DELETE ${API}/computations/:id`]: null,
  [`POST ${API}/computations/:id/results`]: 'Folder',
  [`GET ${API}/computations/:id/results/download_url`]: 'DownloadFileURL',
  [`GET ${API}/computations/:id/results/urls`]: 'FileURLs',
  [`POST ${API}/data_assets`]: 'DataAsset',
  [`GET ${API}/data_assets/:id`]: 'DataAsset',
  [`GET ${API}/capsules/:id/app_panel`]: 'AppPanel',
  [`GET ${API}/pipelines/:id/app_panel`]: 'AppPanel',
  [`GET ${API}/capsules/:id`]: 'Capsule',
  [`GET ${API}/capsules/:id/computations`]: 'list[Computation]',
  [`POST ${API}/capsules/:id/sync`]: 'GitSyncResults',
  [`GET ${API}/pipelines/:id`]: 'Capsule',
  [`GET ${API}/pipelines/:id/computations`]: 'list[Computation]',
  [`POST ${API}/pipelines/:id/sync`]: 'GitSyncResults'
}
const ROUTES = Object.keys(ANSWERS).map((route) => {
  const [method = '', pattern = ''] = route.split(' ')
  return { route, method, regex: compilePattern(pattern).regex }
})

/** Routes whose success, and refusals, were checked in this file. */
const answered = new Set<string>()
const refused = new Set<number>()

/**
 * One request, its answer checked as the SDK reads it: a success against the route's
 * model (or, for a 204, no body at all), a refusal as the JSON object with a `message`
 * that the SDK's Error reads. Returns the answer.
 */
async function checked(
  sim: CodeOceanSimulator,
  method: string,
  path: string,
  options: CallOptions = {}
): Promise<CallResult> {
  const res = await call(sim, method, path, options)
  const request = `${method} ${path} -> ${res.status}`
  const route = ROUTES.find((r) => r.method === method && r.regex.test(path.split('?')[0] ?? ''))?.route
  if (res.status >= 400) {
    const body = res.json as Record<string, unknown> | undefined
    expect({ request, message: typeof body?.message }).toEqual({ request, message: 'string' })
    refused.add(res.status)
    return res
  }
  expect({ request, route }).toEqual({ request, route: expect.any(String) })
  const model = ANSWERS[route ?? '']
  if (model === null) {
    expect({ request, body: res.text }).toEqual({ request: `${method} ${path} -> 204`, body: '' })
  } else {
    expect({ request, problems: sdkProblems(model ?? '', res.json) }).toEqual({ request, problems: [] })
  }
  answered.add(route ?? '')
  return res
}

const fieldOf = (res: CallResult, name: string): unknown => (res.json as Record<string, unknown>)[name]
const idOf = (res: CallResult): string => String(fieldOf(res, 'id'))

describe('the routes', () => {
  it('are the ones this file maps to SDK models', async () => {
    const sim = await startSimulator()
    expect([...sim.routes].sort()).toEqual(Object.keys(ANSWERS).sort())
  })
})

describe('computations', () => {
  it('a start, and the run at every step, with every outcome', async () => {
    let clock = T0
    const sim = await startSimulator({ now: () => clock, phases: DEFAULT_PHASES })
    const outcomes: Outcome[] = ['succeeded', 'failed', 'exit-code', 'state-failed', 'stopped', 'never-ends']
    sim.setAppPanel('capsule', CAPSULE, CAPSULE_PANEL)
    const asset = sim.addDataAsset({ id: CAPSULE_PANEL.data_assets[0].id })
    const ids: string[] = []
    for (const outcome of outcomes) {
      const target = `c-${outcome}`
      sim.program(target, { outcome })
      ids.push(idOf(await checked(sim, 'POST', `${API}/computations`, { json: { capsule_id: target } })))
    }
    // With everything a run reports: data assets, ordered and named parameters (labelled by the panel).
    const full = await checked(sim, 'POST', `${API}/computations`, {
      json: {
        capsule_id: CAPSULE,
        data_assets: [{ id: asset, mount: 'Reference' }],
        parameters: ['1'],
        named_parameters: [
          { param_name: 'ReadLength', value: '100' },
          { param_name: 'Unknown', value: 'x' }
        ]
      }
    })
    ids.push(idOf(full))
    // A pipeline run of a release version, with processes and a Nextflow profile.
    sim.setAppPanel('pipeline', PIPELINE, PIPELINE_PANEL)
    const pipelineRun = await checked(sim, 'POST', `${API}/computations`, {
      json: {
        pipeline_id: PIPELINE,
        version: 3,
        nextflow_profile: 'aws',
        processes: [
          { name: 'capsule_art_simulation_illumina_1', parameters: ['75'], named_parameters: [] },
          { name: 'capsule_np_create_folders_test_1', named_parameters: [{ param_name: 'NumFiles', value: '3' }] }
        ]
      }
    })
    ids.push(idOf(pipelineRun))
    sim.program('c-quiet', { omitHasResults: true })
    ids.push(idOf(await checked(sim, 'POST', `${API}/computations`, { json: { capsule_id: 'c-quiet' } })))

    const states = new Set<string>()
    for (const at of [0, 299, 300, 799, 800, 999, LATER]) {
      clock = T0 + at
      for (const id of ids) {
        const run = await checked(sim, 'GET', `${API}/computations/${id}`)
        states.add(String((run.json as { state: unknown }).state))
      }
    }
    expect([...states].sort()).toEqual(['completed', 'failed', 'finalizing', 'initializing', 'running'])

    await checked(sim, 'GET', `${API}/capsules/${CAPSULE}/computations`)
    await checked(sim, 'GET', `${API}/pipelines/${PIPELINE}/computations`)
    await checked(sim, 'GET', `${API}/capsules/c-succeeded/computations`)
    await checked(sim, 'PATCH', `${API}/computations/${ids[0]}?name=renamed`)
    await checked(sim, 'GET', `${API}/computations/${ids[0]}`)
    await checked(sim, 'DELETE', `${API}/computations/${ids[1]}`)
    // Runs added as an earlier attempt's, with a length of their own, are listed the same way.
    sim.addRun({ capsule_id: CAPSULE }, { outcome: 'succeeded', runMs: 90_500 })
    sim.addRun({ pipeline_id: PIPELINE, version: 3 }, { outcome: 'stopped' })
    await checked(sim, 'GET', `${API}/capsules/${CAPSULE}/computations`)
    await checked(sim, 'GET', `${API}/pipelines/${PIPELINE}/computations`)
  })
})

describe('results', () => {
  it('listings of every folder, and both kinds of file URL', async () => {
    const sim = await startSimulator({ phases: [{ state: 'running', ms: 0 }] })
    sim.program(CAPSULE, {
      results: [
        { path: 'output', content: 'Done.\n' },
        { path: 'data/a.csv', size: 10 },
        { path: 'data/deep/b.txt', size: 1, unlistedSize: true },
        { path: 'empty.txt', content: '' }
      ]
    })
    const id = idOf(await checked(sim, 'POST', `${API}/computations`, { json: { capsule_id: CAPSULE } }))
    await checked(sim, 'GET', `${API}/computations/${id}`)
    for (const path of ['', 'data', 'data/deep']) {
      await checked(sim, 'POST', `${API}/computations/${id}/results`, { json: { path } })
    }
    await checked(sim, 'POST', `${API}/computations/${id}/results`)
    for (const file of ['output', 'data/a.csv', 'data/deep/b.txt', 'empty.txt']) {
      await checked(sim, 'GET', `${API}/computations/${id}/results/urls?path=${encodeURIComponent(file)}`)
      await checked(sim, 'GET', `${API}/computations/${id}/results/download_url?path=${encodeURIComponent(file)}`)
    }
    expect(sim.listingCalls(id)).toBe(4)
  })

  it('an endless results tree, folder after folder', async () => {
    const sim = await startSimulator({
      phases: [{ state: 'running', ms: 0 }],
      endlessResults: { folders: 2, files: 2 }
    })
    const id = idOf(await checked(sim, 'POST', `${API}/computations`, { json: { capsule_id: CAPSULE } }))
    const listed: unknown[] = []
    for (const path of ['', 'd0', 'd0/d1']) {
      const listing = await checked(sim, 'POST', `${API}/computations/${id}/results`, { json: { path } })
      listed.push(...(fieldOf(listing, 'items') as unknown[]))
    }
    expect(listed).toHaveLength(12)
  })
})

describe('data assets', () => {
  it('a capture, as a draft, then ready or failed; and existing ones in every state', async () => {
    let clock = T0
    const sim = await startSimulator({ now: () => clock, phases: DEFAULT_PHASES })
    const input = sim.addDataAsset({ name: 'Reference' })
    const inputs = [
      input,
      sim.addDataAsset({ draftMs: 60_000 }),
      sim.addDataAsset({ outcome: 'failed', failureReason: 'bucket gone' })
    ]
    sim.program('c-broken', { captureOutcome: 'failed' })
    const good = idOf(
      await checked(sim, 'POST', `${API}/computations`, {
        json: { capsule_id: CAPSULE, data_assets: [{ id: input, mount: 'Reference' }] }
      })
    )
    const broken = idOf(await checked(sim, 'POST', `${API}/computations`, { json: { capsule_id: 'c-broken' } }))
    clock += LATER
    const captures: string[] = []
    for (const [run, extra] of [
      [good, { description: 'all of it', custom_metadata: { project: 'x', run: 7 } }],
      [good, { source: { computation: { id: good, path: 'data' } }, target: { aws: { bucket: 'b', prefix: 'p/' } } }],
      [broken, {}]
    ] as const) {
      const body = { name: 'captured', mount: 'captured', tags: ['ci'], source: { computation: { id: run } }, ...extra }
      captures.push(idOf(await checked(sim, 'POST', `${API}/data_assets`, { json: body })))
    }
    for (const id of [...captures, ...inputs]) await checked(sim, 'GET', `${API}/data_assets/${id}`)
    clock += LATER
    const states: unknown[] = []
    for (const id of [...captures, ...inputs]) {
      states.push(fieldOf(await checked(sim, 'GET', `${API}/data_assets/${id}`), 'state'))
    }
    expect(states).toEqual(['ready', 'ready', 'failed', 'ready', 'draft', 'failed'])
  })
})

describe('capsules and pipelines', () => {
  it('the target itself, its app panel (none filled in, filled in, per release) and Git sync', async () => {
    const sim = await startSimulator()
    sim.addCapsule('c-named', { name: 'Read simulation' })
    sim.linkGit(PIPELINE, { pulled: 2, pushed: 1, new_branch: true })
    for (const path of [`capsules/${CAPSULE}`, 'capsules/c-named', `pipelines/${PIPELINE}`]) {
      await checked(sim, 'GET', `${API}/${path}`)
    }
    await checked(sim, 'GET', `${API}/capsules/${CAPSULE}/app_panel`)
    sim.setAppPanel('capsule', CAPSULE, CAPSULE_PANEL)
    sim.setAppPanel('capsule', CAPSULE, { parameters: [] }, 2)
    sim.setAppPanel('pipeline', PIPELINE, SDK_SHAPED_PIPELINE_PANEL)
    await checked(sim, 'GET', `${API}/capsules/${CAPSULE}/app_panel`)
    await checked(sim, 'GET', `${API}/capsules/${CAPSULE}/app_panel?version=2`)
    await checked(sim, 'GET', `${API}/pipelines/${PIPELINE}/app_panel`)
    const syncs = [
      await checked(sim, 'POST', `${API}/pipelines/${PIPELINE}/sync`),
      await checked(sim, 'POST', `${API}/pipelines/${PIPELINE}/sync`)
    ]
    sim.linkGit(CAPSULE)
    syncs.push(await checked(sim, 'POST', `${API}/capsules/${CAPSULE}/sync`))
    // Zero and false fields left out, as the server does: the SDK reads its defaults then.
    expect(syncs.map((res) => res.json)).toEqual([{ pulled: 2, pushed: 1, new_branch: true }, {}, {}])
  })
})

describe('refusals', () => {
  it('are JSON objects with the message the SDK shows', async () => {
    const sim = await startSimulator()
    const release = idOf(
      await checked(sim, 'POST', `${API}/computations`, { json: { capsule_id: CAPSULE, version: 2 } })
    )
    const plain = idOf(await checked(sim, 'POST', `${API}/computations`, { json: { capsule_id: CAPSULE } }))
    const failedAsset = sim.addDataAsset({ outcome: 'failed' })
    const cases: [number, string, string, CallOptions?][] = [
      [401, 'GET', `${API}/computations/x`, { authorization: null }],
      [401, 'GET', `${API}/computations/x`, { authorization: 'Bearer nope' }],
      [404, 'GET', `${API}/no/such/route`],
      [404, 'GET', `${API}/computations/no-such-run`],
      [400, 'POST', `${API}/computations`, { json: { capsule_id: CAPSULE, pipeline_id: PIPELINE } }],
      [400, 'POST', `${API}/computations`, { raw: '{"capsule_id":', contentType: 'application/json' }],
      [404, 'POST', `${API}/computations`, { json: { capsule_id: 'no-such-capsule' } }],
      [404, 'POST', `${API}/computations`, { json: { capsule_id: CAPSULE, data_assets: [{ id: 'no-such-asset' }] } }],
      [400, 'POST', `${API}/computations`, { json: { capsule_id: CAPSULE, data_assets: [{ id: failedAsset }] } }],
      [400, 'POST', `${API}/computations`, { json: { capsule_id: CAPSULE, resume_run_id: 'no-such-run' } }],
      [403, 'PATCH', `${API}/computations/${release}?name=x`],
      [403, 'DELETE', `${API}/computations/${release}`],
      [400, 'PATCH', `${API}/computations/${plain}`],
      [404, 'POST', `${API}/computations/no-such-run/results`, { json: { path: '' } }],
      [400, 'GET', `${API}/computations/${release}/results/urls`],
      [404, 'GET', `${API}/computations/${release}/results/download_url?path=nothing`],
      [400, 'POST', `${API}/data_assets`, { json: { name: 'n', mount: 'm', tags: ['t'] } }],
      [404, 'GET', `${API}/data_assets/no-such-asset`],
      [404, 'GET', `${API}/capsules/no-such-capsule`],
      [404, 'GET', `${API}/pipelines/no-such-pipeline/app_panel`],
      [404, 'GET', `${API}/capsules/no-such-capsule/computations`],
      [400, 'POST', `${API}/capsules/${CAPSULE}/sync`],
      [400, 'GET', `${API}/capsules/${CAPSULE}/app_panel?version=two`]
    ]
    sim.setAppPanel('capsule', 'c-without-panels', 'none')
    cases.push([404, 'GET', `${API}/capsules/c-without-panels/app_panel`])
    for (const [status, method, path, options] of cases) {
      const res = await checked(sim, method, path, options)
      expect([method, path, res.status]).toEqual([method, path, status])
    }
    expect([...refused].sort()).toEqual([400, 401, 403, 404])
  })
})

describe('every route', () => {
  it('was answered and checked above', () => {
    expect([...answered].sort()).toEqual(Object.keys(ANSWERS).sort())
  })
})

/** PIPELINE_PANEL as the SDK types it: each process's `parameters` one object. */
const SDK_SHAPED_PIPELINE_PANEL = {
  processes: PIPELINE_PANEL.processes.map((process) => ({
    ...process,
    parameters: Array.isArray(process.parameters) ? process.parameters[0] : process.parameters
  }))
}

describe("the tests' app panels", () => {
  it('fit the SDK, but for a process whose parameters are a list (the SDK types one object; the action reads both)', () => {
    for (const [name, panel] of Object.entries(appPanels)) {
      const problems = sdkProblems('AppPanel', panel)
      expect({ name, problems }).toEqual({
        name,
        problems:
          name === 'PIPELINE_PANEL'
            ? ['AppPanel.processes[0].parameters: expected a AppPanelParameters object, got an array']
            : []
      })
    }
    expect(sdkProblems('AppPanel', SDK_SHAPED_PIPELINE_PANEL)).toEqual([])
  })

  it("and the demo pipeline's, which npm run sim can serve, as far as a process's parameters allow", () => {
    const panel = JSON.parse(readFileSync('sim/samples/demo-pipeline-app-panel.json', 'utf8')) as unknown
    expect(sdkProblems('AppPanel', panel)).toEqual([
      'AppPanel.processes[0].parameters: expected a AppPanelParameters object, got an array',
      'AppPanel.processes[1].parameters: expected a AppPanelParameters object, got an array'
    ])
  })
})

describe('the checker', () => {
  const run = { id: 'r', created: 1, name: 'n', owner: 'o', run_time: 0, state: 'running' }

  it("is as strict as the SDK's from_dict: a required field missing, or an enum value outside it, fails", () => {
    expect(sdkProblems('Computation', run)).toEqual([])
    const { owner: _owner, ...ownerless } = run
    expect(sdkProblems('Computation', ownerless)).toEqual(['Computation.owner: missing (required by Computation)'])
    expect(sdkProblems('Computation', { ...run, state: 'queued' })).toEqual([
      'Computation.state: string "queued" is not a ComputationState (initializing, running, finalizing, completed, failed)'
    ])
    expect(sdkProblems('Computation', { ...run, end_status: 'done' })).toHaveLength(1)
    expect(sdkProblems('Computation', [run])).toEqual(['Computation: expected a Computation object, got an array'])
  })

  it('checks nested models and lists of them, and every type', () => {
    expect(sdkProblems('Computation', { ...run, processes: [{ name: 'p' }] })).toEqual([
      'Computation.processes[0].capsule_id: missing (required by PipelineProcess)'
    ])
    expect(sdkProblems('list[Computation]', [run, { ...run, run_time: 1.5 }])).toEqual([
      'list[Computation][1].run_time: expected int, got number 1.5'
    ])
    expect(sdkProblems('Computation', { ...run, parameters: [{ name: 1 }] })).toEqual([
      'Computation.parameters[0].name: expected str, got number 1'
    ])
    expect(sdkProblems('Computation', { ...run, has_results: 'yes' })).toEqual([
      'Computation.has_results: expected bool, got string "yes"'
    ])
    expect(sdkProblems('AppPanelParameters', { name: 'n', type: 'text', minimum: 'low' })).toEqual([
      'AppPanelParameters.minimum: expected float, got string "low"'
    ])
    expect(
      sdkProblems('DataAsset', {
        id: 'd',
        created: 1,
        name: 'n',
        mount: 'm',
        last_used: 0,
        owner: 'o',
        state: 'ready',
        type: 'dataset',
        custom_metadata: []
      })
    ).toEqual(['DataAsset.custom_metadata: expected dict, got an array'])
    expect(sdkProblems('Folder', { items: 'none' })).toEqual(['Folder.items: expected list, got string "none"'])
  })

  it('allows fields the model does not have, and null only where the annotation is Optional', () => {
    expect(sdkProblems('Computation', { ...run, padding: 'x', note: { any: 'thing' } })).toEqual([])
    expect(sdkProblems('Computation', { ...run, exit_code: null, parameters: null })).toEqual([])
    expect(sdkProblems('Computation', { ...run, owner: null })).toEqual([
      'Computation.owner: null, but str is not Optional'
    ])
    // Not required (it has a default), but not Optional either.
    expect(sdkProblems('GitSyncResults', {})).toEqual([])
    expect(sdkProblems('GitSyncResults', { pushed: null })).toEqual([
      'GitSyncResults.pushed: null, but int is not Optional'
    ])
  })

  it('reads every annotation of the SDK it was extracted from', () => {
    const annotations = Object.values(SDK.models).flatMap((model) => Object.values(model.fields).map((f) => f.type))
    expect(annotations.length).toBeGreaterThan(100)
    for (const annotation of annotations) expect(() => sdkProblems(annotation, null)).not.toThrow()
    expect(() => sdkProblems('NoSuchModel', {})).toThrow(/no such type/)
  })
})

describe('the SDK models fixture', () => {
  it('names the SDK repository, version and commit it was extracted from', () => {
    expect(SDK.source).toMatchObject({
      repository: 'codeocean/codeocean-sdk-python',
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      commit: expect.stringMatching(/^[0-9a-f]{40}$/)
    })
    expect(SDK.source.files).toContain('src/codeocean/models/computation.py')
    expect(Object.keys(SDK.models)).toEqual(expect.arrayContaining(['Computation', 'DataAsset', 'Capsule', 'AppPanel']))
  })

  it('is what script/sdk-models.ts makes of SDK source: dataclass_json models and StrEnums', () => {
    const files: Record<string, string> = {
      'pyproject.toml': '[project]\nname = "codeocean"\nversion = "9.8.7"\n',
      'src/codeocean/models/thing.py': [
        'from codeocean.enum import StrEnum',
        '',
        '',
        'class Colour(StrEnum):',
        '    """A colour (red, or "blue")."""',
        '',
        '    Red = "red"',
        "    Blue = 'blue'",
        '',
        '',
        '@dataclass_json',
        '@dataclass(frozen=True)',
        'class Thing:',
        '    """A thing = (something)."""',
        '',
        '    id: str = field(',
        '        metadata={"description": "Its id (default=none, really)"},',
        '    )',
        '    colour: Colour = dataclass_field(metadata={"description": """Its',
        '        colour ("red" or default=blue)"""})',
        '    parts: Optional[list[Part]] = field(',
        '        default=None,',
        '        metadata={"description": "(parts)"},',
        '    )',
        '    count: int = 0  # a comment: default',
        '    tags: list[str] = field(default_factory=list)',
        '    plain: Optional[dict]',
        '',
        '    def __post_init__(self):',
        '        warn("x: int = 3")',
        '',
        '',
        '@dataclass',
        'class NotJson:',
        '    x: int',
        ''
      ].join('\n')
    }
    const checkout: Checkout = {
      files: ['src/codeocean/models/thing.py'],
      read: (path) => files[path] ?? '',
      commit: 'c'.repeat(40)
    }
    expect(extract(checkout)).toEqual({
      source: {
        repository: 'codeocean/codeocean-sdk-python',
        version: '9.8.7',
        commit: 'c'.repeat(40),
        files: ['src/codeocean/models/thing.py']
      },
      enums: { Colour: ['red', 'blue'] },
      models: {
        Thing: {
          file: 'src/codeocean/models/thing.py',
          fields: {
            id: { type: 'str', required: true },
            colour: { type: 'Colour', required: true },
            parts: { type: 'Optional[list[Part]]', required: false },
            count: { type: 'int', required: false },
            tags: { type: 'list[str]', required: false },
            plain: { type: 'Optional[dict]', required: true }
          }
        }
      }
    })
  })
})
