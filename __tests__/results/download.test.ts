import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { CodeOceanClient } from '../../src/codeocean/client.js'
import { formatBytes } from '../../src/format.js'
import { downloadResults } from '../../src/results/download.js'
import { listResultFiles } from '../../src/results/listing.js'
import { CodeOceanSimulator } from '../../sim/simulator.js'
import { expectedContent, type ResultSpec } from '../../sim/results.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
let sim: CodeOceanSimulator
let client: CodeOceanClient
const dirs: string[] = []

beforeAll(async () => {
  sim = new CodeOceanSimulator({ phases: [{ state: 'running', ms: 0 }], firstByteDelayMs: 30 })
  await sim.start()
  client = new CodeOceanClient({ apiBase: `${sim.url}/api/v1`, token: sim.token })
})
afterAll(async () => {
  client.close()
  await sim.stop()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

async function finishedRun(results: ResultSpec[]): Promise<string> {
  sim.program(PIPELINE, { outcome: 'succeeded', results })
  const run = await client.computations.start({ pipeline_id: PIPELINE })
  while ((await client.computations.get(run.id)).state !== 'completed') await new Promise((r) => setTimeout(r, 10))
  return run.id
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'download-test-'))
  dirs.push(dir)
  return dir
}

describe('downloading results', () => {
  it('reports progress in files and bytes while a download lasts', async () => {
    const specs = Array.from({ length: 12 }, (_, i) => ({ path: `f${i}.bin`, size: 10_000 }))
    const id = await finishedRun(specs)
    const lines: string[] = []
    const folder = join(tempDir(), 'out')
    const report = await downloadResults(client.results, id, await listResultFiles(client.results, id), folder, {
      concurrency: 1,
      progressEveryMs: 100,
      onProgress: (l) => lines.push(l)
    })
    expect(report).toMatchObject({ files: 12, bytes: 120_000 })
    expect(lines.length).toBeGreaterThan(0)
    expect(lines[0]).toMatch(/^Downloaded \d+ of 12 files \([\d.]+ (B|KiB) of 117\.2 KiB\) in \d+ s$/)
    for (const spec of specs) expect(readFileSync(join(folder, spec.path)).equals(expectedContent(spec))).toBe(true)
  })

  it('refuses to follow a link inside the target folder that leads out of it', async () => {
    const id = await finishedRun([{ path: 'linked/evil.txt', size: 5 }])
    const base = tempDir()
    const outside = join(base, 'outside')
    mkdirSync(outside)
    const folder = join(base, 'results')
    mkdirSync(folder)
    symlinkSync(outside, join(folder, 'linked'))
    await expect(
      downloadResults(client.results, id, await listResultFiles(client.results, id), folder)
    ).rejects.toThrow('is a link leading out of')
    expect(existsSync(join(outside, 'evil.txt'))).toBe(false)
  })

  it('formats sizes', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(1536)).toBe('1.5 KiB')
    expect(formatBytes(256 * 1024 * 1024)).toBe('256.0 MiB')
  })
})
