// Tests of the simulator's results listing, signed URLs, object store and data
// assets, through real HTTP requests on loopback.

import { createHash } from 'node:crypto'
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import { parseCli } from '../../sim/cli.js'
import {
  CodeOceanSimulator,
  DEFAULT_PHASES,
  expectedContent,
  resultBytes,
  resultChunks,
  resultSize,
  SIMULATOR_OWNER,
  SIMULATOR_OWNER_EMAIL,
  type DownloadFault,
  type ResultSpec,
  type SimulatorOptions
} from '../../sim/simulator.js'
import { asObject, basic, call, type CallResult, type Json } from '../support/sim-http.js'
import { startSimulator } from '../support/simulators.js'

const TOKEN = 'cop_test_token_0042'
const T0 = 1_646_943_238_000
const API = '/api/v1'
/** The capsules these tests run (a simulator answers any other id 404). */
const CAPSULES = ['c', 'c-1', 'c-2', 'c-3', 'c-d', 'c-f', 'c-i', 'c-l', 'c-r', 'big', 'evil', 'good']
/** Long enough for the default phases (1 s) to be over. */
const LATER = 10_000

interface Download {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  /** Set when the connection failed before the body was complete. */
  error?: Error
  /** Real ms from sending the request to the status line. */
  headersAfterMs: number
}

/** A GET over node:http on a fresh connection; resolves (never rejects) once the body ends or the socket fails. */
function rawGet(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Download> {
  return new Promise((resolveGet) => {
    const began = Date.now()
    const chunks: Buffer[] = []
    let res: IncomingMessage | undefined
    let settled = false
    const settle = (error?: Error): void => {
      if (settled) return
      settled = true
      resolveGet({
        status: res?.statusCode ?? 0,
        headers: res?.headers ?? {},
        body: Buffer.concat(chunks),
        headersAfterMs,
        ...(error !== undefined ? { error } : {})
      })
    }
    let headersAfterMs = -1
    const req = httpRequest(url, { method, headers, agent: false }, (response) => {
      res = response
      headersAfterMs = Date.now() - began
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', (err) => settle(err))
      response.on('end', () => settle())
    })
    req.on('error', (err) => settle(err))
    req.end()
  })
}

function sha256(chunks: Iterable<Buffer>): string {
  const hash = createHash('sha256')
  for (const chunk of chunks) hash.update(chunk)
  return hash.digest('hex')
}

const HOSTILE: ResultSpec[] = [
  { path: 'ok/fine.txt', content: 'fine\n' },
  { path: '../escape.txt', content: 'escaped\n' },
  { path: '/etc/passwd-like', content: 'root:x:0:0\n' },
  { path: 'a/../../b', size: 100 },
  { path: 'sub/../../x', content: 'x' }
]

describe('CodeOceanSimulator results and downloads', () => {
  let clock: number
  let sim: CodeOceanSimulator

  /** A fresh simulator for the test: on the test clock, with the simulator's own phases unless `options` say otherwise. */
  async function freshSim(options: SimulatorOptions = {}): Promise<CodeOceanSimulator> {
    sim = await startSimulator({
      token: TOKEN,
      now: () => clock,
      phases: DEFAULT_PHASES,
      capsules: CAPSULES,
      ...options
    })
    return sim
  }

  async function startRun(body: Json): Promise<string> {
    const res = await call(sim, 'POST', `${API}/computations`, { json: body })
    expect(res.status).toBe(200)
    return String(asObject(res.json).id)
  }

  /** Starts a run of `target` and moves the clock past its end. */
  async function endedRun(target = 'c-1'): Promise<string> {
    const id = await startRun({ capsule_id: target })
    clock += LATER
    return id
  }

  async function list(id: string, path?: string): Promise<CallResult> {
    return call(sim, 'POST', `${API}/computations/${id}/results`, { json: path === undefined ? {} : { path } })
  }

  async function items(id: string, path = ''): Promise<Json[]> {
    const res = await list(id, path)
    expect(res.status).toBe(200)
    return (asObject(res.json).items as Json[]) ?? []
  }

  async function urls(id: string, path: string): Promise<{ download_url: string; view_url: string }> {
    const res = await call(sim, 'GET', `${API}/computations/${id}/results/urls?path=${encodeURIComponent(path)}`)
    expect(res.status).toBe(200)
    return res.json as { download_url: string; view_url: string }
  }

  beforeEach(async () => {
    clock = T0
    await freshSim()
  })

  describe('listing', () => {
    it('lists the default tree one level at a time, sorted by name, size only on files', async () => {
      const id = await endedRun()
      expect(await items(id)).toEqual([
        { name: 'data', path: 'data', type: 'folder' },
        { name: 'empty.txt', path: 'empty.txt', type: 'file', size: 0 },
        { name: 'figures', path: 'figures', type: 'folder' },
        { name: 'output', path: 'output', type: 'file', size: expect.any(Number) }
      ])
      expect(await items(id, 'data')).toEqual([
        { name: 'nested', path: 'data/nested', type: 'folder' },
        { name: 'summary.csv', path: 'data/summary.csv', type: 'file', size: expect.any(Number) }
      ])
      expect(await items(id, 'data/nested')).toEqual([
        { name: 'deep.txt', path: 'data/nested/deep.txt', type: 'file', size: expect.any(Number) }
      ])
      const [plot] = await items(id, 'figures')
      expect(plot).toMatchObject({ name: 'plot.png', path: 'figures/plot.png', type: 'file' })
      expect(plot?.size).toBeGreaterThan(2000)
      expect(plot?.size).toBeLessThan(10_000)
    })

    it('treats a missing body, a missing path and "/" as the root, and tolerates slashes around a folder', async () => {
      const id = await endedRun()
      const root = await items(id)
      expect(asObject((await call(sim, 'POST', `${API}/computations/${id}/results`)).json).items).toEqual(root)
      expect(await items(id, '/')).toEqual(root)
      expect((await list(id)).json).toEqual({ items: root })
      expect(await items(id, '/data/')).toEqual(await items(id, 'data'))
    })

    it('answers 404 with a message for an unknown folder, a file, or an unknown run', async () => {
      const id = await endedRun()
      for (const path of ['nope', 'data/none', 'output']) {
        const res = await list(id, path)
        expect(res.status).toBe(404)
        expect(asObject(res.json).message).toMatch(/not found/)
      }
      expect((await list('no-such-run', '')).status).toBe(404)
    })

    it('refuses a path that is not a string and unknown fields with 400', async () => {
      const id = await endedRun()
      expect((await call(sim, 'POST', `${API}/computations/${id}/results`, { json: { path: 3 } })).status).toBe(400)
      const extra = await call(sim, 'POST', `${API}/computations/${id}/results`, {
        json: { path: '', recursive: true }
      })
      expect(extra.status).toBe(400)
      expect(asObject(extra.json).message).toMatch(/unknown field "recursive"/)
    })

    it('needs the token', async () => {
      const id = await endedRun()
      expect(
        (await call(sim, 'POST', `${API}/computations/${id}/results`, { json: {}, authorization: null })).status
      ).toBe(401)
    })

    it('has no results before the run ends, and has_results agrees at every step', async () => {
      const id = await startRun({ capsule_id: 'c-1' })
      for (const ms of [0, 400, 900]) {
        clock = T0 + ms
        expect(asObject((await call(sim, 'GET', `${API}/computations/${id}`)).json).has_results).toBe(false)
        expect(await items(id)).toEqual([])
        expect((await list(id, 'data')).status).toBe(404)
      }
      clock = T0 + 1000
      expect(asObject((await call(sim, 'GET', `${API}/computations/${id}`)).json).has_results).toBe(true)
      expect(await items(id)).toHaveLength(4)
    })

    it('keeps has_results and the listing in agreement for every outcome and for an empty program', async () => {
      sim.program('state-failed', { outcome: 'state-failed' })
      sim.program('empty', { results: [] })
      sim.program('failed', { outcome: 'failed' })
      sim.program('stopped', { outcome: 'stopped' })
      const ids = {
        stateFailed: await startRun({ capsule_id: 'state-failed' }),
        empty: await startRun({ capsule_id: 'empty' }),
        failed: await startRun({ capsule_id: 'failed' }),
        stopped: await startRun({ capsule_id: 'stopped' })
      }
      clock += LATER
      for (const [name, id] of Object.entries(ids)) {
        const run = asObject((await call(sim, 'GET', `${API}/computations/${id}`)).json)
        const listed = await items(id)
        expect({ name, has_results: run.has_results }).toEqual({ name, has_results: listed.length > 0 })
      }
      expect(await items(ids.stateFailed)).toEqual([])
      expect(await items(ids.empty)).toEqual([])
      expect(await items(ids.failed)).toHaveLength(4)
    })

    it('answers 404 once the run is deleted', async () => {
      const id = await endedRun()
      expect((await call(sim, 'DELETE', `${API}/computations/${id}`)).status).toBe(204)
      expect((await list(id, '')).status).toBe(404)
    })

    it('counts listing calls per run and in all', async () => {
      const a = await endedRun()
      const b = await endedRun()
      await items(a)
      await items(a, 'data')
      await list(a, 'nope')
      await items(b)
      expect(sim.listingCalls()).toBe(4)
      expect(sim.listingCalls(a)).toBe(3)
      expect(sim.listingCalls(b)).toBe(1)
      expect(sim.listingCalls('other')).toBe(0)
    })

    it('lists programmed results, with folders implied by the paths', async () => {
      sim.program('c-2', {
        results: [
          { path: 'z.txt', content: 'z' },
          { path: 'A/b/c.bin', size: 10 },
          { path: 'A/a.txt' },
          { path: 'B.txt', size: 3 }
        ]
      })
      const id = await endedRun('c-2')
      expect(await items(id)).toEqual([
        { name: 'A', path: 'A', type: 'folder' },
        { name: 'B.txt', path: 'B.txt', type: 'file', size: 3 },
        { name: 'z.txt', path: 'z.txt', type: 'file', size: 1 }
      ])
      expect(await items(id, 'A')).toEqual([
        { name: 'a.txt', path: 'A/a.txt', type: 'file', size: 0 },
        { name: 'b', path: 'A/b', type: 'folder' }
      ])
      expect(sim.computation(id)?.results.map((r) => r.path)).toEqual(['z.txt', 'A/b/c.bin', 'A/a.txt', 'B.txt'])
    })

    it('uses defaultResults for runs without a program', async () => {
      await freshSim({ defaultResults: [{ path: 'only.txt', content: 'one' }] })
      const id = await endedRun()
      expect(await items(id)).toEqual([{ name: 'only.txt', path: 'only.txt', type: 'file', size: 3 }])
    })

    it('lists hostile paths at the root exactly as given', async () => {
      sim.program('evil', { results: HOSTILE })
      const id = await endedRun('evil')
      const root = await items(id)
      expect(root).toEqual(
        expect.arrayContaining([
          { name: 'escape.txt', path: '../escape.txt', type: 'file', size: 8 },
          { name: 'passwd-like', path: '/etc/passwd-like', type: 'file', size: 11 },
          { name: 'b', path: 'a/../../b', type: 'file', size: 100 },
          { name: 'x', path: 'sub/../../x', type: 'file', size: 1 },
          { name: 'ok', path: 'ok', type: 'folder' }
        ])
      )
      expect(root).toHaveLength(5)
    })

    it('refuses result specs that cannot form a tree', () => {
      expect(() => sim.program('p', { results: [{ path: '' }] })).toThrow(/non-empty/)
      expect(() => sim.program('p', { results: [{ path: 'a' }, { path: 'a' }] })).toThrow(/duplicate/)
      expect(() => sim.program('p', { results: [{ path: 'a' }, { path: 'a/b' }] })).toThrow(/both a file and a folder/)
      expect(() => sim.program('p', { results: [{ path: 'a', size: -1 }] })).toThrow(/size/)
      expect(() => sim.program('p', { results: [{ path: 'a', size: 2, content: 'abc' }] })).toThrow(/does not match/)
      expect(() => sim.program('p', { results: [{ path: '..' }] })).toThrow(/cannot be served/)
      expect(() => new CodeOceanSimulator({ defaultResults: [{ path: 'x' }, { path: 'x' }] })).toThrow(/duplicate/)
    })
  })

  describe('default results', () => {
    async function download(id: string, path: string): Promise<Buffer> {
      const res = await fetch((await urls(id, path)).download_url)
      expect(res.status).toBe(200)
      return Buffer.from(await res.arrayBuffer())
    }

    it('has an output log of about 120 lines ending in "Done." for a succeeded run', async () => {
      const id = await endedRun()
      const lines = (await download(id, 'output')).toString('utf8').trimEnd().split('\n')
      expect(lines.length).toBeGreaterThanOrEqual(110)
      expect(lines.length).toBeLessThanOrEqual(130)
      expect(lines.at(-1)).toBe('Done.')
    })

    it.each(['failed', 'exit-code'] as const)(
      'ends the output log of a %s run with an Error: line',
      async (outcome) => {
        sim.program('c-f', { outcome })
        const id = await endedRun('c-f')
        const text = (await download(id, 'output')).toString('utf8')
        expect(text.trimEnd().split('\n').at(-1)).toMatch(/^Error: /)
        expect(text).not.toMatch(/^Done\.$/m)
      }
    )

    it('serves a real PNG, a CSV, the deep file and an empty file', async () => {
      const id = await endedRun()
      const png = await download(id, 'figures/plot.png')
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR')
      expect((await download(id, 'data/summary.csv')).toString('utf8')).toMatch(/^metric,value,unit\n/)
      expect((await download(id, 'data/nested/deep.txt')).toString('utf8')).toMatch(/deep/)
      expect(await download(id, 'empty.txt')).toEqual(Buffer.alloc(0))
    })
  })

  describe('signed URLs', () => {
    it('answers both endpoints with URLs on the object store, not the API server', async () => {
      const id = await endedRun()
      const current = await urls(id, 'data/summary.csv')
      expect(Object.keys(current).sort()).toEqual(['download_url', 'view_url'])
      const legacy = await call(sim, 'GET', `${API}/computations/${id}/results/download_url?path=data/summary.csv`)
      expect(legacy.status).toBe(200)
      expect(Object.keys(asObject(legacy.json))).toEqual(['url'])
      const all = [current.download_url, current.view_url, String(asObject(legacy.json).url)]
      expect(sim.storeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(sim.storeUrl).not.toBe(sim.url)
      for (const url of all) {
        expect(url.startsWith(`${sim.storeUrl}/bucket/${id}/data/summary.csv?`)).toBe(true)
        expect(url).toMatch(/[?&]X-Amz-Expires=300(&|$)/)
        expect(url).toMatch(/[?&]X-Amz-Signature=[0-9a-f]{64}(&|$)/)
      }
      expect(new Set(all).size).toBe(3)
    })

    it('gives a fresh URL with a later expiry on every call, even on a frozen clock', async () => {
      const id = await endedRun()
      const expiry = (url: string): number => Number(new URL(url).searchParams.get('X-Sim-Expires-At'))
      const first = (await urls(id, 'output')).download_url
      const second = (await urls(id, 'output')).download_url
      clock += 1000
      const third = (await urls(id, 'output')).download_url
      expect(second).not.toBe(first)
      expect(expiry(second)).toBeGreaterThan(expiry(first))
      expect(expiry(third)).toBe(clock + 300_000)
    })

    it('answers 404 for an unknown file, 400 for a folder or no path, 404 before the run ends', async () => {
      const id = await endedRun()
      const unknown = await call(sim, 'GET', `${API}/computations/${id}/results/urls?path=nope.txt`)
      expect(unknown.status).toBe(404)
      expect(asObject(unknown.json).message).toMatch(/not found/)
      expect((await call(sim, 'GET', `${API}/computations/${id}/results/download_url?path=nope.txt`)).status).toBe(404)
      expect((await call(sim, 'GET', `${API}/computations/${id}/results/urls?path=data`)).status).toBe(400)
      expect((await call(sim, 'GET', `${API}/computations/${id}/results/urls`)).status).toBe(400)
      const running = await startRun({ capsule_id: 'c-1' })
      expect((await call(sim, 'GET', `${API}/computations/${running}/results/urls?path=output`)).status).toBe(404)
      expect((await call(sim, 'GET', `${API}/computations/nope/results/urls?path=output`)).status).toBe(404)
    })

    it('with legacyServer, answers 404 on /results/urls while download_url still works', async () => {
      await freshSim({ legacyServer: true })
      const id = await endedRun()
      const res = await call(sim, 'GET', `${API}/computations/${id}/results/urls?path=output`)
      expect(res.status).toBe(404)
      expect(asObject(res.json).message).toMatch(/Not found/)
      const legacy = await call(sim, 'GET', `${API}/computations/${id}/results/download_url?path=output`)
      expect(legacy.status).toBe(200)
      const body = await fetch(String(asObject(legacy.json).url))
      expect(body.status).toBe(200)
      expect((await body.text()).trimEnd().split('\n').at(-1)).toBe('Done.')
    })
  })

  describe('object store', () => {
    it('serves the exact bytes of content and generated files, with Content-Length and a type', async () => {
      const specs: ResultSpec[] = [
        { path: 'text.txt', content: 'héllo\n' },
        { path: 'bin/raw.dat', content: Buffer.from([0, 1, 2, 255]) },
        { path: 'gen/odd.bin', size: 100_003 }
      ]
      sim.program('c-3', { results: specs })
      const id = await endedRun('c-3')
      for (const spec of specs) {
        const { download_url: url } = await urls(id, spec.path)
        const got = await rawGet(url)
        expect(got.error).toBeUndefined()
        expect(got.status).toBe(200)
        expect(got.headers['content-length']).toBe(String(resultSize(spec)))
        expect(got.body.equals(expectedContent(spec))).toBe(true)
      }
      expect((await rawGet((await urls(id, 'text.txt')).download_url)).headers['content-type']).toBe('text/plain')
      expect(sim.storeRequests).toHaveLength(4)
      // The API server saw none of these downloads.
      expect(sim.requests.every((r) => !r.path.startsWith('/bucket'))).toBe(true)
    })

    it('sets Content-Disposition from the URL: attachment for download_url, inline for view_url', async () => {
      const id = await endedRun()
      const { download_url: download, view_url: view } = await urls(id, 'figures/plot.png')
      const d = await rawGet(download)
      const v = await rawGet(view)
      expect(d.headers['content-disposition']).toMatch(/^attachment; filename="plot.png"/)
      expect(v.headers['content-disposition']).toBe('inline')
      expect(v.headers['content-type']).toBe('image/png')
      expect(d.body.equals(v.body)).toBe(true)
    })

    it('serves byte ranges as S3 does: suffix, open and closed ranges as 206, unsatisfiable as 416', async () => {
      const spec: ResultSpec = { path: 'gen/ranged.bin', size: 100_000 }
      sim.program('c-r', { results: [spec, { path: 'empty.txt' }] })
      const id = await endedRun('c-r')
      const url = (await urls(id, spec.path)).download_url
      const whole = expectedContent(spec)
      const cases: [string, number, number][] = [
        ['bytes=-1000', 99_000, 100_000],
        ['bytes=-200000', 0, 100_000],
        ['bytes=500-', 500, 100_000],
        ['bytes=10-19', 10, 20]
      ]
      for (const [range, from, to] of cases) {
        const got = await rawGet(url, { range })
        expect(got.status).toBe(206)
        expect(got.headers['content-range']).toBe(`bytes ${from}-${to - 1}/100000`)
        expect(got.headers['content-length']).toBe(String(to - from))
        expect(got.body.equals(whole.subarray(from, to))).toBe(true)
      }
      expect((await rawGet(url, { range: 'bytes=100000-' })).status).toBe(416)
      expect((await rawGet((await urls(id, 'empty.txt')).download_url, { range: 'bytes=-10' })).status).toBe(416)
      // Several ranges, or nonsense: S3 sends the whole object.
      const many = await rawGet(url, { range: 'bytes=0-1,5-6' })
      expect(many.status).toBe(200)
      expect(many.body.equals(whole)).toBe(true)
    })

    it('with storeIgnoresRange, sends whole files; with storeChunked, sends no Content-Length', async () => {
      const spec: ResultSpec = { path: 'log.txt', content: 'a\nb\nc\n' }
      await freshSim({ storeIgnoresRange: true, storeChunked: true })
      sim.program('c-i', { results: [spec] })
      const id = await endedRun('c-i')
      const got = await rawGet((await urls(id, spec.path)).download_url, { range: 'bytes=-2' })
      expect(got.status).toBe(200)
      expect(got.headers['content-length']).toBeUndefined()
      expect(got.headers['transfer-encoding']).toBe('chunked')
      expect(got.body.toString()).toBe('a\nb\nc\n')
    })

    it('lists a hostile listedSize while the store serves the real bytes', async () => {
      sim.program('c-l', { results: [{ path: 'small.bin', size: 5_000, listedSize: 10 }] })
      const id = await endedRun('c-l')
      expect(await items(id)).toEqual([{ name: 'small.bin', path: 'small.bin', type: 'file', size: 10 }])
      const got = await rawGet((await urls(id, 'small.bin')).download_url)
      expect(got.body).toHaveLength(5_000)
    })

    it('with endlessResults, lists subfolders and files in every folder, however deep', async () => {
      await freshSim({ endlessResults: { folders: 2, files: 1 } })
      const id = await endedRun()
      expect(await items(id)).toEqual([
        { name: 'd0', path: 'd0', type: 'folder' },
        { name: 'd1', path: 'd1', type: 'folder' },
        { name: 'f0.txt', path: 'f0.txt', type: 'file', size: 1 }
      ])
      const deep = Array.from({ length: 100 }, () => 'd1').join('/')
      expect((await items(id, deep)).map((i) => i.path)).toEqual([`${deep}/d0`, `${deep}/d1`, `${deep}/f0.txt`])
    })

    it('answers HEAD with the headers only', async () => {
      const id = await endedRun()
      const head = await rawGet((await urls(id, 'output')).download_url, {}, 'HEAD')
      expect(head.status).toBe(200)
      expect(Number(head.headers['content-length'])).toBeGreaterThan(1000)
      expect(head.body).toHaveLength(0)
    })

    it('rejects a request carrying an Authorization header, S3-style, and records it', async () => {
      const id = await endedRun()
      const { download_url: url } = await urls(id, 'output')
      const res = await fetch(url, { headers: { Authorization: basic(TOKEN) } })
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/xml')
      const text = await res.text()
      expect(text).toMatch(/<Error><Code>InvalidArgument<\/Code><Message>Only one auth mechanism allowed/)
      expect(text).not.toContain(TOKEN)
      expect(text).not.toContain(basic(TOKEN))
      expect(sim.storeRequests).toHaveLength(1)
      expect(sim.storeRequests[0]).toMatchObject({ method: 'GET', path: `/bucket/${id}/output` })
      expect(sim.storeRequests[0]?.headers.authorization).toBe(basic(TOKEN))
      expect(Object.keys(sim.storeRequests[0]?.headers ?? {}).every((h) => h === h.toLowerCase())).toBe(true)
      // The same URL works without the header.
      expect((await fetch(url)).status).toBe(200)
      expect(sim.storeRequests[1]?.headers).not.toHaveProperty('authorization')
    })

    it('answers 403 AccessDenied once the URL has expired (simulator clock)', async () => {
      const id = await endedRun()
      const { download_url: url } = await urls(id, 'output')
      clock += 300_000
      expect((await fetch(url)).status).toBe(200)
      clock += 1
      const res = await fetch(url)
      expect(res.status).toBe(403)
      expect(await res.text()).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/)
      // A fresh URL works again.
      expect((await fetch((await urls(id, 'output')).download_url)).status).toBe(200)
    })

    it('judges expiry as the request arrives, as S3 does: a slow answer does not expire a young link', async () => {
      const id = await endedRun()
      const { download_url: url } = await urls(id, 'output')
      clock += 300_000
      sim.failNextDownload({}, { passThrough: true, delayMs: 300 })
      const answer = fetch(url)
      while (sim.storeRequests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
      // Past its expiry while the store is still answering.
      clock += 1
      expect((await answer).status).toBe(200)
      expect((await fetch(url)).status).toBe(403)
    })

    it('honours signedUrlTtlMs', async () => {
      await freshSim({ signedUrlTtlMs: 50 })
      const id = await endedRun()
      const { download_url: url } = await urls(id, 'output')
      expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('1')
      clock += 51
      expect((await fetch(url)).status).toBe(403)
    })

    it('answers 403 SignatureDoesNotMatch for a tampered signature, expiry or path', async () => {
      const id = await endedRun()
      const { download_url: url } = await urls(id, 'output')
      const tamper = (edit: (u: URL) => void): string => {
        const u = new URL(url)
        edit(u)
        return u.toString()
      }
      const bad = [
        tamper((u) => u.searchParams.set('X-Amz-Signature', '0'.repeat(64))),
        tamper((u) => u.searchParams.set('X-Sim-Expires-At', String(clock + 10 ** 9))),
        tamper((u) => (u.pathname = `/bucket/${id}/empty.txt`)),
        tamper((u) => u.searchParams.set('response-content-disposition', 'inline'))
      ]
      for (const target of bad) {
        const res = await fetch(target)
        expect(res.status).toBe(403)
        expect(await res.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code>/)
      }
      const unsigned = await fetch(tamper((u) => u.searchParams.delete('X-Amz-Signature')))
      expect(unsigned.status).toBe(403)
      expect(await unsigned.text()).toMatch(/<Code>AccessDenied<\/Code>/)
      expect((await fetch(`${sim.storeUrl}/other-bucket/${id}/output`)).status).toBe(404)
    })

    it('answers 404 NoSuchKey once the run is deleted', async () => {
      const id = await endedRun()
      const { download_url: url } = await urls(id, 'output')
      await call(sim, 'DELETE', `${API}/computations/${id}`)
      const res = await fetch(url)
      expect(res.status).toBe(404)
      expect(await res.text()).toMatch(/<Code>NoSuchKey<\/Code>/)
    })

    it('waits firstByteDelayMs before the headers of each file', async () => {
      await freshSim({ firstByteDelayMs: 300 })
      const id = await endedRun()
      const got = await rawGet((await urls(id, 'output')).download_url)
      expect(got.status).toBe(200)
      expect(got.headersAfterMs).toBeGreaterThanOrEqual(280)
      // Errors are not files: they come at once.
      const refused = await rawGet((await urls(id, 'output')).download_url, { Authorization: 'Bearer x' })
      expect(refused.status).toBe(400)
      expect(refused.headersAfterMs).toBeLessThan(250)
    })

    it('serves hostile paths by their exact path, through URLs no parser can resolve away', async () => {
      sim.program('evil', { results: HOSTILE })
      const id = await endedRun('evil')
      for (const spec of HOSTILE) {
        const { download_url: url } = await urls(id, spec.path)
        expect(new URL(url).pathname.startsWith(`/bucket/${id}/`)).toBe(true)
        const got = await rawGet(url)
        expect(got.status).toBe(200)
        expect(got.body.equals(expectedContent(spec))).toBe(true)
      }
      expect((await urls(id, '../escape.txt')).download_url).toContain(`/bucket/${id}/..%2Fescape.txt?`)
    })

    it('streams a 64 MiB generated file with backpressure while the heap stays small', async () => {
      const spec: ResultSpec = { path: 'big/huge.bin', size: 64 * 1024 * 1024 }
      sim.program('big', { results: [spec] })
      const id = await endedRun('big')
      const { download_url: url } = await urls(id, spec.path)

      const baseline = process.memoryUsage()
      let peakHeap = baseline.heapUsed
      const sample = (): void => {
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
      }
      const hash = createHash('sha256')
      let received = 0
      let pausedGrowth = Number.NaN
      await new Promise<void>((resolveRead, reject) => {
        const req = httpRequest(url, { agent: false }, (res) => {
          expect(res.statusCode).toBe(200)
          expect(res.headers['content-length']).toBe(String(spec.size))
          let paused = false
          res.on('data', (chunk: Buffer) => {
            hash.update(chunk)
            received += chunk.length
            sample()
            if (!paused && received > 1024 * 1024) {
              // A reader that stops: a server without backpressure would now
              // pile the rest of the file up in memory.
              paused = true
              res.pause()
              setTimeout(() => {
                sample()
                pausedGrowth = process.memoryUsage().arrayBuffers - baseline.arrayBuffers
                res.resume()
              }, 300)
            }
          })
          res.on('end', () => resolveRead())
          res.on('error', reject)
        })
        req.on('error', reject)
        req.end()
      })
      expect(received).toBe(spec.size)
      expect(hash.digest('hex')).toBe(sha256(resultChunks(spec)))
      expect(peakHeap - baseline.heapUsed).toBeLessThan(32 * 1024 * 1024)
      // Buffers live outside the heap, and spent ones linger until a GC, so
      // their peak says little; while the reader is paused, though, a server
      // without backpressure would have queued the rest of the file (~63 MiB).
      expect(pausedGrowth).toBeLessThan(16 * 1024 * 1024)
    })
  })

  describe('failNextDownload', () => {
    async function setup(): Promise<{ id: string; url: (path?: string) => Promise<string> }> {
      sim.program('c-d', {
        results: [
          { path: 'a.bin', size: 50_000 },
          { path: 'logs/b.txt', content: 'b'.repeat(1000) }
        ]
      })
      const id = await endedRun('c-d')
      return { id, url: async (path = 'a.bin') => (await urls(id, path)).download_url }
    }

    it('truncateAfterBytes sends the full Content-Length, that many bytes, then kills the socket', async () => {
      const { url } = await setup()
      sim.failNextDownload({ path: 'a.bin' }, { truncateAfterBytes: 1234 })
      const got = await rawGet(await url())
      expect(got.status).toBe(200)
      expect(got.headers['content-length']).toBe('50000')
      expect(got.error).toBeDefined()
      expect(got.body.length).toBe(1234)
      expect(got.body.equals(resultBytes({ path: 'a.bin', size: 50_000 }, 0, 1234))).toBe(true)
      expect(sim.storeRequests[0]?.fault).toBe('truncate after 1234 bytes')
      // fetch sees it as a failed body; the fault is used up, so the retry works.
      sim.failNextDownload({}, { truncateAfterBytes: 0 })
      const res = await fetch(await url())
      expect(res.status).toBe(200)
      await expect(res.arrayBuffer()).rejects.toThrow()
      const again = await rawGet(await url())
      expect(again.error).toBeUndefined()
      expect(again.body.length).toBe(50_000)
    })

    it('truncation is not applied to a request the store refuses, and says so', async () => {
      const { url } = await setup()
      sim.failNextDownload({}, { truncateAfterBytes: 10 })
      const got = await rawGet(await url(), { Authorization: basic(TOKEN) })
      expect(got.status).toBe(400)
      expect(got.error).toBeUndefined()
      expect(sim.storeRequests[0]?.fault).toMatch(/^truncate after 10 bytes \(not applied: 400 InvalidArgument\)$/)
    })

    it('matches by path (string or pattern) and computation, and leaves other downloads alone', async () => {
      const { id, url } = await setup()
      sim.failNextDownload(
        { path: /^logs\// },
        { status: 503, body: '<Error><Code>SlowDown</Code></Error>', contentType: 'application/xml' },
        2
      )
      sim.failNextDownload({ computationId: 'other' }, { status: 500 })
      expect((await rawGet(await url())).status).toBe(200)
      const slow = await rawGet(await url('logs/b.txt'))
      expect(slow.status).toBe(503)
      expect(slow.body.toString()).toMatch(/SlowDown/)
      expect((await rawGet(await url('logs/b.txt'))).status).toBe(503)
      expect((await rawGet(await url('logs/b.txt'))).status).toBe(200)
      expect(sim.storeRequests.map((r) => r.fault)).toEqual([undefined, 'status 503', 'status 503', undefined])
      expect(id).not.toBe('other')
    })

    it('reset drops the connection, delayMs answers late, passThrough lets the store answer', async () => {
      const { url } = await setup()
      sim.failNextDownload({}, { reset: true })
      const reset = await rawGet(await url())
      expect(reset.status).toBe(0)
      expect(reset.error).toMatchObject({ code: 'ECONNRESET' })
      sim.failNextDownload({}, { passThrough: true, delayMs: 250 })
      const slow = await rawGet(await url())
      expect(slow.status).toBe(200)
      expect(slow.headersAfterMs).toBeGreaterThanOrEqual(230)
      expect(slow.body.length).toBe(50_000)
      expect(sim.storeRequests.map((r) => r.fault)).toEqual(['reset', 'delay 250ms+passThrough'])
    })

    it('refuses malformed faults', () => {
      expect(() => sim.failNextDownload({}, {} as DownloadFault)).toThrow(/exactly one of/)
      expect(() => sim.failNextDownload({}, { truncateAfterBytes: -1 })).toThrow(/truncateAfterBytes/)
      expect(() =>
        sim.failNextDownload({}, { truncateAfterBytes: 5, status: 500 } as unknown as DownloadFault)
      ).toThrow(/exactly one of/)
      expect(() => sim.failNextDownload({}, { status: 500, createRun: true } as unknown as DownloadFault)).toThrow(
        /createRun/
      )
      expect(() => sim.failNextDownload({}, { status: 500 }, 0)).toThrow(RangeError)
      // truncation belongs to downloads only
      expect(() => sim.failNext({}, { truncateAfterBytes: 5 } as never)).toThrow(/only for object-store downloads/)
    })
  })

  describe('data assets', () => {
    /** Code Ocean requires tags on a new data asset; bodies without them get one, so each case tests one thing. */
    function capture(body: unknown): Promise<CallResult> {
      const json = typeof body === 'object' && body !== null && !('tags' in body) ? { tags: ['sim'], ...body } : body
      return call(sim, 'POST', `${API}/data_assets`, { json })
    }

    it('creates a draft result asset that turns ready after dataAssetReadyMs', async () => {
      sim.addDataAsset({ id: 'in-1' })
      const id = await startRun({ capsule_id: 'c-1', data_assets: [{ id: 'in-1', mount: 'ref' }] })
      clock += LATER
      const created = await capture({
        name: 'Captured results',
        mount: 'captured',
        tags: ['ci', 'sim'],
        description: 'from CI',
        source: { computation: { id } },
        custom_metadata: { project: 'x', run: 7 }
      })
      expect(created.status).toBe(200)
      const asset = asObject(created.json)
      expect(asset).toMatchObject({
        name: 'Captured results',
        mount: 'captured',
        tags: ['ci', 'sim'],
        description: 'from CI',
        state: 'draft',
        type: 'result',
        created: Math.floor(clock / 1000),
        owner: SIMULATOR_OWNER,
        owner_email: SIMULATOR_OWNER_EMAIL,
        custom_metadata: { project: 'x', run: 7 }
      })
      // A capture names the computation it came from, not the capsule as well (the SDK's Provenance).
      expect(asset.provenance).toEqual({ computation: id, data_assets: ['in-1'] })
      expect(asset.id).toMatch(/^[0-9a-f-]{36}$/)
      expect(asset).not.toHaveProperty('failure_reason')

      const get = async (): Promise<Json> =>
        asObject((await call(sim, 'GET', `${API}/data_assets/${String(asset.id)}`)).json)
      clock += 299
      expect((await get()).state).toBe('draft')
      clock += 1
      const ready = await get()
      expect(ready.state).toBe('ready')
      expect(ready.files).toBe(5)
      expect(ready.size).toBe(sim.computation(id)?.results.reduce((sum, spec) => sum + resultSize(spec), 0))

      expect(sim.dataAssets().map((r) => r.id)).toEqual(['in-1', asset.id])
      const record = sim.dataAssets()[1]
      expect(record).toMatchObject({
        id: asset.id,
        computationId: id,
        outcome: 'ready',
        readyAt: clock,
        dataAsset: { state: 'ready' }
      })
    })

    it('captures only a results folder when source.computation.path is given', async () => {
      const id = await endedRun()
      const res = await capture({ name: 'n', mount: 'm', source: { computation: { id, path: 'data' } } })
      expect(res.status).toBe(200)
      clock += 300
      expect(asObject((await call(sim, 'GET', `${API}/data_assets/${String(asObject(res.json).id)}`)).json).files).toBe(
        2
      )
      const missing = await capture({ name: 'n', mount: 'm', source: { computation: { id, path: 'nope' } } })
      expect(missing.status).toBe(400)
      expect(asObject(missing.json).message).toMatch(/no folder "nope"/)
    })

    it('fails with failure_reason when told to (option, or per program), honouring dataAssetReadyMs', async () => {
      await freshSim({ dataAssetOutcome: 'failed', dataAssetReadyMs: 1000 })
      const id = await endedRun()
      const asset = asObject((await capture({ name: 'n', mount: 'm', source: { computation: { id } } })).json)
      clock += 999
      expect(asObject((await call(sim, 'GET', `${API}/data_assets/${String(asset.id)}`)).json).state).toBe('draft')
      clock += 1
      const failed = asObject((await call(sim, 'GET', `${API}/data_assets/${String(asset.id)}`)).json)
      expect(failed.state).toBe('failed')
      expect(failed.failure_reason).toEqual(expect.any(String))
      expect(failed).not.toHaveProperty('files')

      await freshSim()
      sim.program('bad', { captureOutcome: 'failed' })
      const ok = await endedRun('good')
      const bad = await endedRun('bad')
      const a = asObject((await capture({ name: 'a', mount: 'a', source: { computation: { id: ok } } })).json)
      const b = asObject((await capture({ name: 'b', mount: 'b', source: { computation: { id: bad } } })).json)
      clock += 300
      expect(sim.dataAssets().map((r) => [r.id, r.dataAsset.state])).toEqual([
        [a.id, 'ready'],
        [b.id, 'failed']
      ])
    })

    it('fails a capture of a run with no results', async () => {
      sim.program('sf', { outcome: 'state-failed' })
      const id = await endedRun('sf')
      const asset = asObject((await capture({ name: 'n', mount: 'm', source: { computation: { id } } })).json)
      clock += 300
      const got = asObject((await call(sim, 'GET', `${API}/data_assets/${String(asset.id)}`)).json)
      expect(got.state).toBe('failed')
      expect(got.failure_reason).toMatch(/no result files/)
    })

    const invalid: [string, (id: string) => unknown, RegExp][] = [
      ['no name', (id) => ({ mount: 'm', source: { computation: { id } } }), /name must be a string/],
      ['an empty name', (id) => ({ name: ' ', mount: 'm', source: { computation: { id } } }), /name must not be empty/],
      [
        'an empty mount',
        (id) => ({ name: 'n', mount: '', source: { computation: { id } } }),
        /mount must not be empty/
      ],
      [
        'tags not an array',
        (id) => ({ name: 'n', mount: 'm', tags: 'a', source: { computation: { id } } }),
        /tags must be an array/
      ],
      [
        'a tag not a string',
        (id) => ({ name: 'n', mount: 'm', tags: ['a', 1], source: { computation: { id } } }),
        /tags\[1\] must be a string/
      ],
      [
        'an unknown key',
        (id) => ({ name: 'n', mount: 'm', source: { computation: { id } }, Tags: [] }),
        /unknown field "Tags"/
      ],
      ['no source', () => ({ name: 'n', mount: 'm' }), /source is required/],
      [
        'an aws source',
        () => ({ name: 'n', mount: 'm', source: { aws: { bucket: 'b' } } }),
        /source: unknown field "aws"/
      ],
      [
        'an unknown computation key',
        (id) => ({ name: 'n', mount: 'm', source: { computation: { id, folder: 'x' } } }),
        /unknown field "folder"/
      ],
      ['empty tags', (id) => ({ name: 'n', mount: 'm', tags: [], source: { computation: { id } } }), /tags/],
      ['null tags', (id) => ({ name: 'n', mount: 'm', tags: null, source: { computation: { id } } }), /tags/],
      [
        'an unknown computation',
        () => ({ name: 'n', mount: 'm', source: { computation: { id: 'nope' } } }),
        /computation nope not found/
      ],
      [
        'custom metadata not scalar',
        (id) => ({ name: 'n', mount: 'm', source: { computation: { id } }, custom_metadata: { a: [] } }),
        /custom_metadata\.a/
      ],
      [
        'a target without bucket',
        (id) => ({ name: 'n', mount: 'm', source: { computation: { id } }, target: { aws: {} } }),
        /target\.aws\.bucket/
      ]
    ]

    it.each(invalid)('rejects %s with 400', async (_name, body, message) => {
      const id = await endedRun()
      const res = await capture(body(id))
      expect(res.status).toBe(400)
      expect(asObject(res.json).message).toMatch(message)
      expect(sim.dataAssets()).toEqual([])
    })

    it('rejects a computation that has not ended, a deleted one, and a body not sent as JSON', async () => {
      const running = await startRun({ capsule_id: 'c-1' })
      const res = await capture({ name: 'n', mount: 'm', source: { computation: { id: running } } })
      expect(res.status).toBe(400)
      expect(asObject(res.json).message).toMatch(/has not finished/)
      clock += LATER
      await call(sim, 'DELETE', `${API}/computations/${running}`)
      expect((await capture({ name: 'n', mount: 'm', source: { computation: { id: running } } })).status).toBe(400)
      const text = await call(sim, 'POST', `${API}/data_assets`, { raw: '{}', contentType: 'text/plain' })
      expect(text.status).toBe(400)
    })

    it('answers 404 for an unknown asset and 401 without the token', async () => {
      expect((await call(sim, 'GET', `${API}/data_assets/nope`)).status).toBe(404)
      expect((await call(sim, 'GET', `${API}/data_assets/nope`, { authorization: null })).status).toBe(401)
    })

    it('reset forgets assets and store requests', async () => {
      const id = await endedRun()
      await capture({ name: 'n', mount: 'm', source: { computation: { id } } })
      await fetch((await urls(id, 'output')).download_url)
      const held = sim.storeRequests
      sim.failNextDownload({}, { status: 500 })
      sim.reset()
      expect(sim.dataAssets()).toEqual([])
      expect(held).toHaveLength(0)
      expect(held).toBe(sim.storeRequests)
      const again = await endedRun()
      expect((await fetch((await urls(again, 'output')).download_url)).status).toBe(200)
    })
  })

  describe('stop', () => {
    it('closes both servers promptly, even mid-download and during a first-byte delay', async () => {
      await freshSim({ firstByteDelayMs: 10_000 })
      sim.program('big', { results: [{ path: 'huge.bin', size: 1024 * 1024 * 1024 }] })
      const id = await endedRun('big')
      const { download_url: slowUrl } = await urls(id, 'huge.bin')
      const waiting = rawGet(slowUrl)
      await new Promise((r) => setTimeout(r, 50))
      const apiUrl = sim.url
      const storeUrl = sim.storeUrl
      const began = Date.now()
      const stopped = await Promise.race([
        sim.stop().then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 2000).unref())
      ])
      expect(stopped).toBe(true)
      expect(Date.now() - began).toBeLessThan(1000)
      expect((await waiting).status).toBe(0)
      await expect(fetch(`${apiUrl}${API}/computations/x`)).rejects.toThrow()
      await expect(fetch(`${storeUrl}/bucket/x/y`)).rejects.toThrow()
      expect(() => sim.storeUrl).toThrow(/not started/)
    })

    it('cuts off a download in flight', async () => {
      sim.program('big', { results: [{ path: 'huge.bin', size: 1024 * 1024 * 1024 }] })
      const id = await endedRun('big')
      const { download_url: url } = await urls(id, 'huge.bin')
      let received = 0
      let response: IncomingMessage | undefined
      let pausedOnce = false
      const done = new Promise<string>((resolveDone) => {
        const req = httpRequest(url, { agent: false }, (res) => {
          response = res
          res.on('data', (chunk: Buffer) => {
            received += chunk.length
            // A slow reader, so the server is still sending when stop() comes.
            if (received > 256 * 1024 && !pausedOnce) {
              pausedOnce = true
              res.pause()
            }
          })
          res.on('error', () => resolveDone('failed'))
          res.on('end', () => resolveDone('ended'))
        })
        req.on('error', () => resolveDone('failed'))
        req.end()
      })
      while (received < 256 * 1024) await new Promise((r) => setTimeout(r, 10))
      const began = Date.now()
      await sim.stop()
      expect(Date.now() - began).toBeLessThan(1000)
      // A paused response only notices the lost connection once it reads on.
      response?.resume()
      expect(await done).toBe('failed')
      expect(received).toBeLessThan(1024 * 1024 * 1024)
    })
  })
})

describe('result bytes', () => {
  it('regenerates any range of a generated file without the bytes before it', () => {
    const spec: ResultSpec = { path: 'gen/file.bin', size: 200_001 }
    const whole = expectedContent(spec)
    expect(whole).toHaveLength(200_001)
    for (const [start, end] of [
      [0, 1],
      [15, 17],
      [16, 32],
      [99_999, 131_085],
      [200_000, 200_001],
      [5, 5]
    ] as const) {
      expect(resultBytes(spec, start, end).equals(whole.subarray(start, end))).toBe(true)
    }
    expect(Buffer.concat([...resultChunks(spec, 7, 150_000, 1000)]).equals(whole.subarray(7, 150_000))).toBe(true)
    // Different paths, different bytes; the same path, the same bytes.
    expect(expectedContent({ path: 'gen/other.bin', size: 64 }).equals(whole.subarray(0, 64))).toBe(false)
    expect(expectedContent({ path: 'gen/file.bin', size: 64 }).equals(whole.subarray(0, 64))).toBe(true)
  })

  it('gives content specs their content and empty specs nothing', () => {
    expect(expectedContent({ path: 'a', content: 'héllo' }).toString('utf8')).toBe('héllo')
    expect(resultSize({ path: 'a', content: 'héllo' })).toBe(6)
    expect(expectedContent({ path: 'a' })).toHaveLength(0)
    expect(() => resultBytes({ path: 'a', size: 2 ** 30 })).toThrow(/resultChunks/)
  })
})

describe('simulator CLI (results flags)', () => {
  it('parses --first-byte-ms and --legacy-server', () => {
    expect(parseCli(['--first-byte-ms', '250', '--legacy-server'])).toEqual({
      port: 0,
      programs: [],
      firstByteDelayMs: 250,
      legacyServer: true,
      help: false
    })
    expect(() => parseCli(['--first-byte-ms', 'soon'])).toThrow(/not a whole number/)
  })
})
