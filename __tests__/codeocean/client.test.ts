import { inspect } from 'node:util'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { CodeOceanClient } from '../../src/codeocean/client.js'
import { USER_AGENT } from '../../src/version.js'
import { DEFAULT_PHASES, type CodeOceanSimulator } from '../../sim/simulator.js'
import { startSimulator } from '../support/simulators.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
let sim: CodeOceanSimulator
beforeAll(async () => {
  sim = await startSimulator({ phases: DEFAULT_PHASES })
})

function client(token = sim.token, apiBase = `${sim.url}/api/v1`): CodeOceanClient {
  return new CodeOceanClient({ apiBase, token, retries: 2 })
}

/** Everything an error would show if a careless line printed the whole object. */
async function printed(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return `${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}\n${String(error)}`
  }
  throw new Error('expected a failure')
}

describe('the Code Ocean client', () => {
  it('sends Basic auth with the token as user, JSON, and a User-Agent naming the action', async () => {
    sim.reset()
    const c = client()
    await c.computations.start({ pipeline_id: PIPELINE })
    c.close()
    const [post] = sim.requests
    expect(post.headers.authorization).toBe(`Basic ${Buffer.from(`${sim.token}:`).toString('base64')}`)
    expect(post.headers['user-agent']).toBe(USER_AGENT)
    expect(post.headers['content-type']).toMatch(/^application\/json/)
  })

  it('never repeats a start answered 503, but repeats a status read', async () => {
    sim.reset()
    const c = client()
    sim.failNext({ method: 'POST' }, { status: 503 }, 5)
    await expect(c.computations.start({ pipeline_id: PIPELINE })).rejects.toThrow('a run may have started')
    expect(sim.requests).toHaveLength(1)
    sim.reset()
    const started = await c.computations.start({ pipeline_id: PIPELINE })
    sim.failNext({ method: 'GET' }, { status: 503, headers: { 'Retry-After': '0' } }, 2)
    const read = await c.computations.get(started.id)
    expect(read.id).toBe(started.id)
    expect(sim.requests.filter((r) => r.method === 'GET')).toHaveLength(3)
    c.close()
  })

  it('says what a failed create may have left behind: a run for a start, a data asset for a capture', async () => {
    const c = client()
    sim.failNext({ method: 'POST', path: '/api/v1/data_assets' }, { status: 500 })
    const params = { name: 'n', mount: 'n', tags: [], source: { computation: { id: 'x' } } }
    const error = await c.dataAssets.create(params).then(
      () => '',
      (e: unknown) => String(e)
    )
    c.close()
    expect(error).toContain('the data asset "n" may exist')
    expect(error).not.toContain('a run may have started')
  })

  it('treats a run already gone as stopped', async () => {
    const c = client()
    await expect(c.computations.delete('00000000-0000-4000-8000-000000000000')).resolves.toBeUndefined()
    c.close()
  })

  it.each([
    ['a 401', async (c: CodeOceanClient) => c.computations.start({ pipeline_id: PIPELINE })],
    [
      'a 503 after retries',
      async (c: CodeOceanClient) => {
        sim.failNext({ method: 'GET' }, { status: 503, headers: { 'Retry-After': '0' }, body: { message: 'busy' } }, 3)
        return c.computations.get('x')
      }
    ]
  ])('keeps the token out of the error object on %s', async (_name, call) => {
    const token = 'cop_secret_token_for_inspection'
    const c = client(token)
    const text = await printed(call(c))
    c.close()
    expect(text).toContain('HTTP')
    expect(text).not.toContain(token)
    expect(text).not.toContain(Buffer.from(`${token}:`).toString('base64'))
  })

  it('keeps the token out of a network error object', async () => {
    const token = 'cop_secret_token_for_inspection'
    const c = new CodeOceanClient({ apiBase: 'http://127.0.0.1:9/api/v1', token, retries: 0 })
    const text = await printed(c.computations.get('x'))
    c.close()
    expect(text).toContain('ECONNREFUSED')
    expect(text).not.toContain(token)
  })
})
