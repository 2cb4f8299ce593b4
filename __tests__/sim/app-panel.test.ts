// The simulator's app panel routes: what GET /capsules|pipelines/{id}/app_panel answers.
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { CodeOceanSimulator } from '../../sim/simulator.js'
import { CAPSULE_PANEL, PIPELINE_PANEL } from '../support/app-panels.js'
import { call } from '../support/sim-http.js'
import { startSimulator } from '../support/simulators.js'

const CAPSULE = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b'
const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
let sim: CodeOceanSimulator

beforeAll(async () => {
  sim = await startSimulator()
  sim.setAppPanel('capsule', CAPSULE, CAPSULE_PANEL)
  sim.setAppPanel('capsule', CAPSULE, { parameters: [] }, 2)
  sim.setAppPanel('pipeline', PIPELINE, PIPELINE_PANEL)
  sim.setAppPanel('pipeline', CAPSULE, 'none')
})

describe('app panels', () => {
  it('answers the panel stored for a capsule, and for a pipeline with its processes', async () => {
    expect((await call(sim, 'GET', `/api/v1/capsules/${CAPSULE}/app_panel`)).json).toEqual(CAPSULE_PANEL)
    expect((await call(sim, 'GET', `/api/v1/pipelines/${PIPELINE}/app_panel`)).json).toEqual(PIPELINE_PANEL)
  })

  it('answers a release version its own panel, or the latest when it has none', async () => {
    expect((await call(sim, 'GET', `/api/v1/capsules/${CAPSULE}/app_panel?version=2`)).json).toEqual({ parameters: [] })
    expect((await call(sim, 'GET', `/api/v1/capsules/${CAPSULE}/app_panel?version=5`)).json).toEqual(CAPSULE_PANEL)
    expect((await call(sim, 'GET', `/api/v1/capsules/${CAPSULE}/app_panel?version=two`)).status).toBe(400)
  })

  it('answers an empty panel for a target nobody filled in, and 404 for one stored as none', async () => {
    sim.addCapsule(PIPELINE)
    expect((await call(sim, 'GET', `/api/v1/capsules/${PIPELINE}/app_panel`)).json).toEqual({})
    expect((await call(sim, 'GET', `/api/v1/pipelines/${CAPSULE}/app_panel`)).status).toBe(404)
  })

  it('answers 404 for a capsule or pipeline it does not have', async () => {
    const res = await call(sim, 'GET', '/api/v1/capsules/unknown-capsule/app_panel')
    expect([res.status, res.json]).toEqual([404, { message: 'capsule unknown-capsule not found' }])
    expect((await call(sim, 'GET', '/api/v1/pipelines/unknown-pipeline/app_panel')).status).toBe(404)
  })

  it('needs the token like every route', async () => {
    expect((await call(sim, 'GET', `/api/v1/capsules/${CAPSULE}/app_panel`, { authorization: null })).status).toBe(401)
  })
})
