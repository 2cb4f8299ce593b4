// The simulator's hostile answers, read over real HTTP with node:http: each sends what its
// description says, and stops when the client hangs up.

import { request as httpRequest, type IncomingMessage } from 'node:http'
import { createGunzip } from 'node:zlib'
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { CodeOceanSimulator, FaultResponse } from '../../sim/simulator.js'
import { basic } from '../support/sim-http.js'
import { startSimulator } from '../support/simulators.js'

const MiB = 1024 * 1024
let sim: CodeOceanSimulator
beforeAll(async () => {
  sim = await startSimulator({ phases: [{ state: 'running', ms: 3_600_000 }], capsules: ['c1'] })
})

function get(path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${sim.url}${path}`, { headers: { Authorization: basic(sim.token) }, agent: false })
    req.on('error', reject)
    req.on('response', resolve)
    req.end()
  })
}

/** Bytes of `stream` up to `stopAfter`, then hangs up. */
async function count(stream: NodeJS.ReadableStream & { destroy(): void }, stopAfter = Infinity): Promise<number> {
  let bytes = 0
  for await (const chunk of stream) {
    bytes += (chunk as Buffer).length
    if (bytes >= stopAfter) {
      stream.destroy()
      break
    }
  }
  return bytes
}

async function withFault(fault: FaultResponse): Promise<IncomingMessage> {
  sim.reset()
  sim.failNext({ method: 'GET' }, fault)
  return get('/api/v1/computations/any')
}

describe('hostile answers', () => {
  it('a gzip bomb is small on the wire and inflates to the size asked for', async () => {
    const res = await withFault({ gzipBombBytes: 64 * MiB })
    expect(res.headers['content-encoding']).toBe('gzip')
    let wire = 0
    res.on('data', (chunk: Buffer) => (wire += chunk.length))
    const inflated = await count(res.pipe(createGunzip()))
    expect(inflated).toBe(64 * MiB)
    expect(wire).toBeLessThan(MiB / 8)
  })

  it('huge JSON is one valid run, exactly the size asked for, sent without Content-Length', async () => {
    const res = await withFault({ hugeJsonBytes: 3 * MiB })
    expect(res.headers['content-length']).toBeUndefined()
    let text = ''
    for await (const chunk of res) text += (chunk as Buffer).toString()
    expect(Buffer.byteLength(text)).toBe(3 * MiB)
    expect(JSON.parse(text)).toMatchObject({ id: 'huge', state: 'running' })
  })

  it('an endless body goes on until the client hangs up', async () => {
    const res = await withFault({ endless: true })
    expect(await count(res, 32 * MiB)).toBeGreaterThanOrEqual(32 * MiB)
    for (let i = 0; i < 100 && sim.requests[0].fault === 'hostile answer'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(sim.requests[0].fault).toBe('endless body (client gone)')
  })

  it('a drip sends the real answer with its full Content-Length, one byte at a time', async () => {
    sim.reset()
    const started = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${sim.url}/api/v1/computations`, {
        method: 'POST',
        headers: { Authorization: basic(sim.token), 'Content-Type': 'application/json' },
        agent: false
      })
      req.on('error', reject)
      req.on('response', (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => resolve((JSON.parse(text) as { id: string }).id))
      })
      req.end(JSON.stringify({ capsule_id: 'c1' }))
    })
    sim.failNext({ method: 'GET' }, { dripMs: 100 })
    const res = await get(`/api/v1/computations/${started}`)
    expect(res.statusCode).toBe(200)
    const length = Number(res.headers['content-length'])
    expect(length).toBeGreaterThan(50)
    const chunks: number[] = []
    const began = Date.now()
    for await (const chunk of res) {
      chunks.push((chunk as Buffer).length)
      if (chunks.length === 5) break
    }
    expect(chunks).toEqual([1, 1, 1, 1, 1])
    expect(Date.now() - began).toBeGreaterThanOrEqual(350)
  })

  it('refuses a hostile answer mixed with another fault, or for a download', () => {
    expect(() => sim.failNext({}, { dripMs: 10, status: 200 } as unknown as FaultResponse)).toThrow(
      'failNext: give exactly one of'
    )
    expect(() => sim.failNext({}, { hugeJsonBytes: 0 })).toThrow('hugeJsonBytes must be a whole number > 0')
    expect(() => sim.failNextDownload({}, { endless: true } as never)).toThrow('only for API requests')
  })
})
