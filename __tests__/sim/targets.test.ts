/**
 * The simulator's capsule and pipeline routes (Git sync, runs listing) and the rules
 * it keeps for the steps before a run: nulls as the SDK sends them, resume_run_id,
 * input data assets, release runs.
 */
import { describe, expect, it } from '@jest/globals'
import { asObject, call } from '../support/sim-http.js'
import { QUICK_PHASES, startSimulator } from '../support/simulators.js'

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

  it('refuses a target not linked to Git with 400 and a message', async () => {
    const sim = await startSimulator()
    const res = await call(sim, 'POST', `${API}/capsules/c-9/sync`)
    expect(res.status).toBe(400)
    expect(asObject(res.json).message).toBe('capsule c-9 is not linked to a git repository')
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
    const sim = await startSimulator()
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
      parameters: [
        { name: '', value: '1' },
        { name: 'alpha', param_name: 'alpha', value: 'a' }
      ],
      nextflow_profile: 'aws',
      processes: [{ name: 'align', parameters: [{ param_name: 'depth', value: '3' }] }]
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
    const sim = await startSimulator()
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
    const sim = await startSimulator({ admin })
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
    expect(asObject((await call(sim, 'GET', `${API}/data_assets/${ready}`)).json).state).toBe('ready')
    const broken = asObject((await call(sim, 'GET', `${API}/data_assets/${failed}`)).json)
    expect([broken.state, broken.failure_reason]).toEqual(['failed', 'bucket gone'])
    expect((await call(sim, 'GET', `${API}/data_assets/nope`)).status).toBe(404)
  })
})
