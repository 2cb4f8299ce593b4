/**
 * The client's bounds on time and memory, over real HTTP against the simulator: a
 * deadline per attempt that holds against a server dripping bytes, and a size limit
 * per kind of answer, counted after decompression.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { CodeOceanClient } from '../../src/codeocean/client.js'
import { preview } from '../../src/codeocean/preview.js'
import { mayRetry } from '../../src/codeocean/retry.js'
import { RequestAbortedError } from '../../src/errors.js'
import { DEFAULT_PHASES, type CodeOceanSimulator } from '../../sim/simulator.js'
import { startSimulator } from '../support/simulators.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
const MiB = 1024 * 1024
const SIZE_CASE_TIMEOUT_MS = 30_000
let sim: CodeOceanSimulator
beforeAll(async () => {
  sim = await startSimulator({ phases: DEFAULT_PHASES })
})

/**
 * A client with a short deadline per attempt, for the deadline cases; the size cases give
 * it the action's 30 s, so that a busy machine slow to gzip or read megabytes does not
 * turn a size limit into a timeout and a retry.
 */
function client(retries: string[] = [], timeoutMs = 1_000): CodeOceanClient {
  return new CodeOceanClient({
    apiBase: `${sim.url}/api/v1`,
    token: sim.token,
    timeoutMs,
    retries: 1,
    onRetry: (m) => retries.push(m)
  })
}

describe('the deadline of each attempt', () => {
  it('cuts off a status read that drips its answer, with a fresh deadline for the retry', async () => {
    sim.reset()
    const retries: string[] = []
    // 0.6 s a try (told as 1 s): two whole deadlines, with a drip that never ends before either.
    const c = client(retries, 600)
    const run = await c.computations.start({ pipeline_id: PIPELINE })
    sim.failNext({ method: 'GET' }, { dripMs: 50 }, 2)
    const began = Date.now()
    await expect(c.computations.get(run.id)).rejects.toThrow(
      new RegExp(`Could not read run ${run.id}: no answer from 127\\.0\\.0\\.1:\\d+ within 1 s`)
    )
    const took = Date.now() - began
    c.close()
    const gets = sim.requests.filter((r) => r.method === 'GET')
    expect(gets).toHaveLength(2)
    // Each attempt had its whole second: the retry's deadline did not run out with the first.
    expect(took).toBeGreaterThanOrEqual(1_200)
    expect(took).toBeLessThan(5_000)
    expect(retries).toEqual([expect.stringMatching(/^Code Ocean answered ETIMEDOUT when trying to read run /)])
  })

  it('reports a cancel as a cancel, not as a timeout', async () => {
    sim.reset()
    const c = client()
    const run = await c.computations.start({ pipeline_id: PIPELINE })
    sim.failNext({ method: 'GET' }, { dripMs: 50 })
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(), 200)
    await expect(c.computations.get(run.id, { signal: cancel.signal })).rejects.toBeInstanceOf(RequestAbortedError)
    c.close()
    expect(sim.requests.filter((r) => r.method === 'GET')).toHaveLength(1)
  })

  it('says a cancelled start may have started a run, and does not repeat it', async () => {
    sim.reset()
    const c = client()
    sim.failNext({ method: 'POST' }, { dripMs: 50 })
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(), 200)
    const start = c.computations.start({ pipeline_id: PIPELINE }, { signal: cancel.signal })
    await expect(start).rejects.toThrow(/^Could not start the run: the call was cancelled before Code Ocean answered/)
    await expect(start).rejects.toThrow('a run may have started')
    // Still a cancel, for whoever handles cancels.
    await expect(start).rejects.toBeInstanceOf(RequestAbortedError)
    c.close()
    expect(sim.requests).toHaveLength(1)
  })
})

describe('the size limit of each kind of answer', () => {
  it('reads a run just under 1 MiB', async () => {
    sim.reset()
    const c = client([], SIZE_CASE_TIMEOUT_MS)
    sim.failNext({ method: 'GET' }, { hugeJsonBytes: MiB - 100 })
    await expect(c.computations.get('huge')).resolves.toMatchObject({ id: 'huge', state: 'running' })
    c.close()
  })

  it.each([
    ['a gzip bomb', { gzipBombBytes: 1024 * MiB }],
    ['chunked JSON', { hugeJsonBytes: MiB + 1 }],
    ['an endless body', { endless: true as const }]
  ])('stops reading a run at 1 MiB of %s, and does not repeat the read', async (_what, fault) => {
    sim.reset()
    const c = client([], SIZE_CASE_TIMEOUT_MS)
    sim.failNext({ method: 'GET' }, fault)
    await expect(c.computations.get('r1')).rejects.toThrow(
      "Could not read run r1: Code Ocean's answer was larger than 1 MiB, the most the action reads for a run;"
    )
    c.close()
    expect(sim.requests).toHaveLength(1)
  })

  it('allows 8 MiB for a results listing, 64 KiB for a download link and 1 MiB for a data asset', async () => {
    sim.reset()
    const c = client([], SIZE_CASE_TIMEOUT_MS)
    sim.failNext({ method: 'POST', path: /\/results$/ }, { gzipBombBytes: 64 * MiB })
    await expect(c.results.list('r1', '')).rejects.toThrow(
      'larger than 8 MiB, the most the action reads for a results listing'
    )
    sim.failNext({ method: 'GET', path: /\/results\/urls$/ }, { hugeJsonBytes: 65 * 1024 })
    await expect(c.results.fileUrl('r1', 'a.txt')).rejects.toThrow(
      'larger than 64 KiB, the most the action reads for a download link'
    )
    sim.failNext({ method: 'GET', path: /^\/api\/v1\/data_assets\// }, { endless: true })
    await expect(c.dataAssets.get('d1')).rejects.toThrow(
      'larger than 1 MiB, the most the action reads for a data asset'
    )
    c.close()
    expect(sim.requests).toHaveLength(3)
  })

  it('never repeats an oversized answer, even for a read', () => {
    expect(mayRetry({ kind: 'idempotent', code: 'ERR_ANSWER_TOO_LARGE' })).toBe(false)
    expect(mayRetry({ kind: 'idempotent', code: 'ETIMEDOUT' })).toBe(true)
    expect(mayRetry({ kind: 'start', code: 'ETIMEDOUT' })).toBe(false)
  })
})

describe('previews of answers', () => {
  it('match JSON for small values', () => {
    const value = { id: 'a', n: [1, null, true, 'x"y'], nested: { deep: {} } }
    expect(preview(value, 1_000)).toBe(JSON.stringify(value))
  })

  it('stop walking a huge object or array once they have enough', () => {
    const tooFar = (): never => {
      throw new Error('the preview read past what it shows')
    }
    const array: unknown[] = new Array(100_000).fill('v'.repeat(100))
    Object.defineProperty(array, 500, { get: tooFar })
    const object = Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`key${i}`, 'v'.repeat(100)]))
    Object.defineProperty(object, 'last', { get: tooFar, enumerable: true })
    for (const value of [array, object, { message: 'x', rest: array }]) {
      const shown = preview(value, 300)
      expect(shown).toHaveLength(301)
      expect(shown.endsWith('…')).toBe(true)
    }
    expect(preview(Buffer.alloc(8 * MiB, 'x').toString(), 300)).toBe(`"${'x'.repeat(299)}…`)
  })
})
