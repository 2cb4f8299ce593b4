/**
 * The simulator's capsule and pipeline routes (the target itself, Git sync, runs
 * listing), which capsules and pipelines exist, and the rules it keeps for the steps
 * before a run: nulls as the SDK sends them, resume_run_id, input data assets, release
 * runs.
 */
import { describe, expect, it } from '@jest/globals'
import { asObject, call, type CallResult } from '../support/sim-http.js'
import { SIMULATOR_OWNER, SIMULATOR_OWNER_EMAIL } from '../../sim/simulator.js'
import { CAPSULE, PIPELINE, QUICK_PHASES, startSimulator } from '../support/simulators.js'

const API = '/api/v1'

describe('Git sync', () => {
  it('answers a linked capsule and pipeline with their counts once, leaving out zeros', async () => {
    const sim = await startSimulator()
    sim.linkGit('p-1', { pulled: 3, new_branch: true })
    sim.linkGit('c-1', {})
    const first = await call(sim, 'POST', `${API}/pipelines/p-1/sync`)
    expect([first.status, first.json]).toEqual([200, { pulled: 3, new_branch: true }])
    // In step now: the next sync has nothing to move.
    expect((await call(sim, 'POST', `${API}/pipelines/p-1/sync`)).json).toEqual({})
    expect((await call(sim, 'POST', `${API}/capsules/c-1/sync`)).json).toEqual({})
  })

  it('refuses a target not linked to Git with 400 and a message, and one that does not exist with 404', async () => {
    const sim = await startSimulator({ capsules: ['c-9'] })
    const res = await call(sim, 'POST', `${API}/capsules/c-9/sync`)
    expect(res.status).toBe(400)
    expect(asObject(res.json).message).toBe('capsule c-9 is not linked to a git repository')
    const unknown = await call(sim, 'POST', `${API}/capsules/c-8/sync`)
    expect([unknown.status, asObject(unknown.json).message]).toEqual([404, 'capsule c-8 not found'])
  })

  it('has no sync route when acting as a server before 4.6', async () => {
    const sim = await startSimulator({ gitSync: false })
    sim.linkGit('p-1', { pulled: 1 })
    expect((await call(sim, 'POST', `${API}/pipelines/p-1/sync`)).status).toBe(404)
  })

  it('refuses counts that are not whole numbers', async () => {
    const sim = await startSimulator()
    expect(() => sim.linkGit('p-1', { pulled: -1 })).toThrow(/pulled must be a whole number/)
  })
})

describe('runs of a capsule or pipeline', () => {
  it('lists the live runs of one target only', async () => {
    const sim = await startSimulator()
    const a = sim.addRun({ pipeline_id: 'p-1' }, { name: 'attempt 1' })
    sim.addRun({ pipeline_id: 'p-2' })
    sim.addRun({ capsule_id: 'p-1' })
    const started = asObject((await call(sim, 'POST', `${API}/computations`, { json: { pipeline_id: 'p-1' } })).json)
    await call(sim, 'DELETE', `${API}/computations/${String(started.id)}`)
    const res = await call(sim, 'GET', `${API}/pipelines/p-1/computations`)
    expect(res.status).toBe(200)
    expect(res.json).toEqual([expect.objectContaining({ id: a, name: 'attempt 1', state: 'completed' })])
    expect((await call(sim, 'GET', `${API}/capsules/p-1/computations`)).json).toHaveLength(1)
  })

  it('lists what a history needs: created, state, end_status, run_time of runs added with their length', async () => {
    // A clock that stands still: the runs' times are exact however slowly they are added.
    const now = Date.now()
    const sim = await startSimulator({ now: () => now })
    sim.addRun({ pipeline_id: 'p-1' }, { outcome: 'succeeded', runMs: 90_500, agoMs: 7_200_000 })
    sim.addRun({ pipeline_id: 'p-1' }, { outcome: 'failed', runMs: 12_000, agoMs: 3_600_000 })
    sim.addRun({ pipeline_id: 'p-1' }, { outcome: 'succeeded', runMs: 600_000, agoMs: 60_000 })
    const listed = (await call(sim, 'GET', `${API}/pipelines/p-1/computations`)).json as Record<string, unknown>[]
    expect(listed.map((c) => [c.state, c.end_status, c.run_time])).toEqual([
      ['completed', 'succeeded', 90],
      ['completed', 'failed', 12],
      // Still going: its run_time is how long it has run so far.
      ['running', undefined, 60]
    ])
    const created = listed.map((c) => Number(c.created))
    expect(created[1] - created[0]).toBe(3_600)
    expect(() => sim.addRun({ pipeline_id: 'p-1' }, { runMs: -1 })).toThrow('ms must be a finite number >= 0')
  })
})

describe('what a listing tells of each run and of the server', () => {
  it('reports the request fields each run was started with, as Code Ocean does', async () => {
    const sim = await startSimulator({ pipelines: ['p-1'] })
    sim.addDataAsset({ id: 'd-1' })
    const request = {
      pipeline_id: 'p-1',
      data_assets: [{ id: 'd-1', mount: 'in' }],
      parameters: ['1'],
      named_parameters: [{ param_name: 'alpha', value: 'a' }],
      nextflow_profile: 'aws',
      processes: [{ name: 'align', named_parameters: [{ param_name: 'depth', value: '3' }] }]
    }
    expect((await call(sim, 'POST', `${API}/computations`, { json: request })).status).toBe(200)
    const [run] = (await call(sim, 'GET', `${API}/pipelines/p-1/computations`)).json as Record<string, unknown>[]
    expect(run).toMatchObject({
      data_assets: [{ id: 'd-1', mount: 'in' }],
      // Named parameters by their key in param_name; `name` is the label, and no app panel gives one.
      parameters: [
        { name: '', value: '1' },
        { name: '', param_name: 'alpha', value: 'a' }
      ],
      nextflow_profile: 'aws',
      processes: [{ name: 'align', parameters: [{ name: '', param_name: 'depth', value: '3' }] }]
    })
    expect(typeof run.created).toBe('number')
  })

  it("sends its own clock in the Date header, the clock runs' created times come from", async () => {
    const ahead = 3 * 3_600_000
    const sim = await startSimulator({ now: () => Date.now() + ahead })
    const addedAt = Date.now() + ahead
    sim.addRun({ pipeline_id: 'p-1' }, { agoMs: 0 })
    const res = await call(sim, 'GET', `${API}/pipelines/p-1/computations`)
    const serverDate = Date.parse(res.headers.get('date') ?? '')
    expect(Math.abs(serverDate - (Date.now() + ahead))).toBeLessThan(5_000)
    const [run] = res.json as { created: number }[]
    // Between the simulator's clock when the run was added and when it answered (both in
    // whole seconds), however long a busy machine took in between.
    expect(run.created * 1000).toBeGreaterThanOrEqual(addedAt - 1_000)
    expect(run.created * 1000).toBeLessThanOrEqual(serverDate + 1_000)
  })
})

describe('run requests', () => {
  it('takes null fields as unset, as the SDK sends them', async () => {
    const sim = await startSimulator({ pipelines: ['p-1'] })
    sim.addDataAsset({ id: 'd-1' })
    const res = await call(sim, 'POST', `${API}/computations`, {
      json: {
        capsule_id: null,
        pipeline_id: 'p-1',
        version: null,
        resume_run_id: null,
        nextflow_profile: null,
        data_assets: [{ id: 'd-1', mount: null }],
        parameters: null,
        named_parameters: null,
        processes: [{ name: 'x', parameters: null, named_parameters: null }]
      }
    })
    expect(res.status).toBe(200)
    expect(sim.runs()[0].request).toEqual({
      pipeline_id: 'p-1',
      data_assets: [{ id: 'd-1' }],
      processes: [{ name: 'x' }]
    })
  })

  it('checks resume_run_id against the runs of the same target', async () => {
    const sim = await startSimulator()
    const earlier = sim.addRun({ pipeline_id: 'p-1' })
    const other = sim.addRun({ pipeline_id: 'p-2' })
    const ok = await call(sim, 'POST', `${API}/computations`, { json: { pipeline_id: 'p-1', resume_run_id: earlier } })
    expect(ok.status).toBe(200)
    const wrong = await call(sim, 'POST', `${API}/computations`, { json: { pipeline_id: 'p-1', resume_run_id: other } })
    expect([wrong.status, asObject(wrong.json).message]).toEqual([
      400,
      `resume_run_id: computation ${other} is not a run of p-1`
    ])
    const unknown = await call(sim, 'POST', `${API}/computations`, { json: { pipeline_id: 'p-1', resume_run_id: 'x' } })
    expect(asObject(unknown.json).message).toBe('resume_run_id: computation x not found')
  })

  it.each([
    [false, 403],
    [true, 204]
  ])('answers renaming and deleting a release run (admin: %s) with %d', async (admin, status) => {
    const sim = await startSimulator({ admin, pipelines: ['p'] })
    const run = asObject(
      (await call(sim, 'POST', `${API}/computations`, { json: { pipeline_id: 'p', version: 2 } })).json
    )
    expect(run.owner).toBe('release')
    const id = String(run.id)
    const rename = await call(sim, 'PATCH', `${API}/computations/${id}?name=x`)
    const remove = await call(sim, 'DELETE', `${API}/computations/${id}`)
    expect([rename.status, remove.status]).toEqual([status, status])
    expect(remove.text).toContain(admin ? '' : 'only admins may delete runs of a release version')
  })

  it('leaves has_results out for runs programmed so, and sizes out of listings of files so marked', async () => {
    const sim = await startSimulator({ phases: QUICK_PHASES.map((p) => ({ ...p, ms: 0 })) })
    sim.program('p-1', { omitHasResults: true, results: [{ path: 'a.txt', content: 'abc', unlistedSize: true }] })
    const run = asObject((await call(sim, 'POST', `${API}/computations`, { json: { pipeline_id: 'p-1' } })).json)
    expect(run).not.toHaveProperty('has_results')
    const listing = await call(sim, 'POST', `${API}/computations/${String(run.id)}/results`, { json: { path: '' } })
    expect(listing.json).toEqual({ items: [{ name: 'a.txt', path: 'a.txt', type: 'file' }] })
  })
})

describe('input data assets', () => {
  it('go from draft to ready, or to failed with a reason', async () => {
    const sim = await startSimulator()
    const ready = sim.addDataAsset({ name: 'Reference', draftReads: 1 })
    const failed = sim.addDataAsset({ name: 'Broken', outcome: 'failed', failureReason: 'bucket gone' })
    const first = asObject((await call(sim, 'GET', `${API}/data_assets/${ready}`)).json)
    expect([first.state, first.type, first.name]).toEqual(['draft', 'dataset', 'Reference'])
    // Owned, as every data asset is since Code Ocean 4.3; a dataset has no provenance.
    expect([first.owner, first.owner_email]).toEqual([SIMULATOR_OWNER, SIMULATOR_OWNER_EMAIL])
    expect(first).not.toHaveProperty('provenance')
    expect(asObject((await call(sim, 'GET', `${API}/data_assets/${ready}`)).json).state).toBe('ready')
    const broken = asObject((await call(sim, 'GET', `${API}/data_assets/${failed}`)).json)
    expect([broken.state, broken.failure_reason]).toEqual(['failed', 'bucket gone'])
    expect((await call(sim, 'GET', `${API}/data_assets/nope`)).status).toBe(404)
  })
})

describe('which capsules and pipelines exist', () => {
  it('answers 404 for an id it does not have, on every route, and starts nothing', async () => {
    const sim = await startSimulator()
    for (const [method, path] of [
      ['GET', `${API}/capsules/x-1`],
      ['GET', `${API}/pipelines/x-1`],
      ['GET', `${API}/capsules/x-1/app_panel`],
      ['GET', `${API}/pipelines/x-1/app_panel`],
      ['GET', `${API}/capsules/x-1/computations`],
      ['GET', `${API}/pipelines/x-1/computations`],
      ['POST', `${API}/capsules/x-1/sync`],
      ['POST', `${API}/pipelines/x-1/sync`]
    ]) {
      const res = await call(sim, method, path)
      expect([method, path, res.status]).toEqual([method, path, 404])
      expect(asObject(res.json).message).toMatch(/^(capsule|pipeline) x-1 not found$/)
    }
    for (const body of [{ capsule_id: 'x-1' }, { pipeline_id: 'x-1' }]) {
      const res = await call(sim, 'POST', `${API}/computations`, { json: body })
      expect([res.status, asObject(res.json).message]).toEqual([
        404,
        `${'capsule_id' in body ? 'capsule' : 'pipeline'} x-1 not found`
      ])
    }
    // A pipeline is not a capsule: each id is known as the kind it was registered as.
    expect((await call(sim, 'POST', `${API}/computations`, { json: { capsule_id: PIPELINE } })).status).toBe(404)
    expect(sim.runs()).toEqual([])
  })

  it('knows the ids of its options, of addCapsule and addPipeline, and those a test configures', async () => {
    const sim = await startSimulator({ capsules: ['c-opt'], pipelines: ['p-opt'] })
    sim.addCapsule('c-add')
    sim.addPipeline('p-add')
    sim.program('any-prog', { outcome: 'failed' })
    sim.linkGit('any-git')
    sim.setAppPanel('capsule', 'c-panel', {})
    sim.addRun({ pipeline_id: 'p-run' })
    const status = async (kind: string, id: string): Promise<number> =>
      (await call(sim, 'GET', `${API}/${kind}s/${id}`)).status
    const known = [
      ['capsule', 'c-opt'],
      ['pipeline', 'p-opt'],
      ['capsule', 'c-add'],
      ['pipeline', 'p-add'],
      ['capsule', 'c-panel'],
      ['pipeline', 'p-run'],
      // program and linkGit do not say which kind: the id is known as either.
      ['capsule', 'any-prog'],
      ['pipeline', 'any-prog'],
      ['capsule', 'any-git'],
      ['pipeline', 'any-git']
    ]
    for (const [kind, id] of known) expect([kind, id, await status(kind, id)]).toEqual([kind, id, 200])
    for (const [kind, id] of [
      ['pipeline', 'c-add'],
      ['capsule', 'p-add'],
      ['pipeline', 'c-panel'],
      ['capsule', 'p-run']
    ]) {
      expect([kind, id, await status(kind, id)]).toEqual([kind, id, 404])
    }
    // reset() forgets what tests made known, and keeps what the options say exists.
    sim.reset()
    expect([await status('capsule', 'c-opt'), await status('pipeline', 'p-opt')]).toEqual([200, 200])
    expect([await status('capsule', 'c-add'), await status('pipeline', 'any-prog')]).toEqual([404, 404])
    expect(() => sim.addCapsule('')).toThrow('non-empty')
  })

  it("answers GET /capsules/{id} and /pipelines/{id} with the SDK's Capsule", async () => {
    const now = 1_700_000_000_000
    const sim = await startSimulator({ now: () => now })
    sim.addCapsule('c-1', { name: 'Read simulation' })
    sim.linkGit('p-1')
    const capsule = await call(sim, 'GET', `${API}/capsules/c-1`)
    expect(capsule.status).toBe(200)
    expect(capsule.json).toEqual({
      id: 'c-1',
      created: now / 1000,
      name: 'Read simulation',
      status: 'non_release',
      owner: SIMULATOR_OWNER,
      slug: expect.stringMatching(/^\d{7}$/),
      owner_email: SIMULATOR_OWNER_EMAIL
    })
    const pipeline = asObject((await call(sim, 'GET', `${API}/pipelines/p-1`)).json)
    expect(pipeline).toMatchObject({ id: 'p-1', name: 'Pipeline p-1', status: 'non_release' })
    // Linked to Git: it says where from.
    expect(pipeline.cloned_from_url).toMatch(/^https:\/\/.+\.git$/)
    // The default targets are there too, named after their id.
    expect(asObject((await call(sim, 'GET', `${API}/capsules/${CAPSULE}`)).json).name).toBe(
      `Capsule ${CAPSULE.slice(0, 8)}`
    )
    // The same id always has the same slug.
    const again = await startSimulator()
    again.addCapsule('c-1')
    expect(asObject((await call(again, 'GET', `${API}/capsules/c-1`)).json).slug).toBe(asObject(capsule.json).slug)
  })
})

describe('the data assets a start attaches', () => {
  it('refuses one that does not exist (404) or that failed (400), starts with a draft or a ready one', async () => {
    const sim = await startSimulator()
    const ready = sim.addDataAsset()
    const draft = sim.addDataAsset({ draftMs: 60_000 })
    const failed = sim.addDataAsset({ outcome: 'failed', failureReason: 'bucket gone' })
    const start = (ids: string[]): Promise<CallResult> =>
      call(sim, 'POST', `${API}/computations`, {
        json: { pipeline_id: PIPELINE, data_assets: ids.map((id) => ({ id, mount: id.slice(0, 8) })) }
      })
    const unknown = await start([ready, 'missing'])
    expect([unknown.status, asObject(unknown.json).message]).toEqual([
      404,
      'data_assets[1].id: data asset missing not found'
    ])
    const broken = await start([failed])
    expect([broken.status, asObject(broken.json).message]).toEqual([
      400,
      `data_assets[0].id: data asset ${failed} failed: bucket gone`
    ])
    expect(sim.runs()).toEqual([])
    expect((await start([ready, draft])).status).toBe(200)
    expect(sim.runs()).toHaveLength(1)
  })
})
