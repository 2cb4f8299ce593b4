// The simulator's programmed run names and extra Computation fields, through real HTTP.

import { describe, expect, it } from '@jest/globals'
import type { CodeOceanSimulator } from '../../sim/simulator.js'
import { asObject, call } from '../support/sim-http.js'
import { startSimulator } from '../support/simulators.js'

const PIPELINE = 'p-names'
const API = '/api/v1'
const T0 = 1_646_943_238_000

async function started(sim: CodeOceanSimulator): Promise<string> {
  const res = await call(sim, 'POST', `${API}/computations`, { json: { pipeline_id: PIPELINE } })
  expect(res.status).toBe(200)
  return String(asObject(res.json).id)
}

describe('programmed run names and fields', () => {
  it('reports the name template around the real name, after a rename too', async () => {
    const sim = await startSimulator({ now: () => T0 })
    sim.program(PIPELINE, { name: '{name}\r# echo', fields: { note: 'extra', id: 'not-replaced' } })
    const id = await started(sim)
    let run = asObject((await call(sim, 'GET', `${API}/computations/${id}`)).json)
    expect(run).toMatchObject({ id, name: 'Run 6943238\r# echo', note: 'extra' })
    expect((await call(sim, 'PATCH', `${API}/computations/${id}?name=nightly`)).status).toBe(204)
    run = asObject((await call(sim, 'GET', `${API}/computations/${id}`)).json)
    expect(run.name).toBe('nightly\r# echo')
  })

  it('keeps the usual names without a program', async () => {
    const sim = await startSimulator({ now: () => T0, pipelines: [PIPELINE] })
    const id = await started(sim)
    const run = asObject((await call(sim, 'GET', `${API}/computations/${id}`)).json)
    expect(run.name).toBe('Run 6943238')
    expect(run).not.toHaveProperty('note')
  })
})
