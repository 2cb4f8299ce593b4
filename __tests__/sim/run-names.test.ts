// The simulator's programmed run names and extra Computation fields, through real HTTP.

import { afterEach, describe, expect, it } from '@jest/globals'
import { CodeOceanSimulator } from '../../sim/simulator.js'
import { asObject, call } from '../support/sim-http.js'

const PIPELINE = 'p-names'
const API = '/api/v1'
let sim: CodeOceanSimulator

afterEach(async () => {
  await sim.stop()
})

async function started(): Promise<string> {
  const res = await call(sim, 'POST', `${API}/computations`, { json: { pipeline_id: PIPELINE } })
  expect(res.status).toBe(200)
  return String(asObject(res.json).id)
}

describe('programmed run names and fields', () => {
  it('reports the name template around the real name, after a rename too', async () => {
    sim = new CodeOceanSimulator({ now: () => 1_646_943_238_000 })
    await sim.start()
    sim.program(PIPELINE, { name: '{name}\r# echo', fields: { note: 'extra', id: 'not-replaced' } })
    const id = await started()
    let run = asObject((await call(sim, 'GET', `${API}/computations/${id}`)).json)
    expect(run).toMatchObject({ id, name: 'Run 6943238\r# echo', note: 'extra' })
    expect((await call(sim, 'PATCH', `${API}/computations/${id}?name=nightly`)).status).toBe(204)
    run = asObject((await call(sim, 'GET', `${API}/computations/${id}`)).json)
    expect(run.name).toBe('nightly\r# echo')
  })

  it('keeps the usual names without a program', async () => {
    sim = new CodeOceanSimulator({ now: () => 1_646_943_238_000 })
    await sim.start()
    const id = await started()
    const run = asObject((await call(sim, 'GET', `${API}/computations/${id}`)).json)
    expect(run.name).toBe('Run 6943238')
    expect(run).not.toHaveProperty('note')
  })
})
