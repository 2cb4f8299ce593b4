// The download worker's side of a transfer's hand-over, across threads: this test
// drives src/results/transfer-worker.ts from here, and the worker runs the action's
// bundle built from the same src/ (harness/action-under-test.ts), as the action does.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, it } from '@jest/globals'
import { actionUnderTest } from '../../harness/action-under-test.js'
import { CodeOceanClient } from '../../src/codeocean/client.js'
import { RequestAbortedError } from '../../src/errors.js'
import { StaleLinkError } from '../../src/results/errors.js'
import { transferrer, WORKER_FROM_BYTES } from '../../src/results/transfer-worker.js'
import { partialName, type TransferJob } from '../../src/results/transfer.js'
import { useTransferWorker } from '../../src/results/worker-entry.js'
import { PIPELINE } from '../support/action.js'
import { startSimulator } from '../support/simulators.js'

it('in the worker: a waiting transfer withdrawn leaves at once, a stale one is never begun, one handed over first goes first', async () => {
  const { folder } = await actionUnderTest()
  useTransferWorker(pathToFileURL(join(folder, 'dist', 'index.js')))
  const sim = await startSimulator({ phases: [{ state: 'running', ms: 0 }] })
  const client = new CodeOceanClient({ apiBase: `${sim.url}/api/v1`, token: sim.token })
  const out = mkdtempSync(join(tmpdir(), 'transfer-worker-'))
  const names = ['held', 'withdrawn', 'stale', 'last', 'again']
  sim.program(PIPELINE, { outcome: 'succeeded', results: names.map((name) => ({ path: `${name}.bin`, size: 100 })) })
  const transfers = transferrer({ timeoutMs: 10_000, rules: { loopbackDomain: true }, concurrency: 1 }, [
    { size: WORKER_FROM_BYTES }
  ])
  try {
    const run = await client.computations.start({ pipeline_id: PIPELINE })
    while ((await client.computations.get(run.id)).state !== 'completed') await new Promise((r) => setTimeout(r, 10))
    const job = async (name: string): Promise<TransferJob> => {
      const target = join(out, `${name}.bin`)
      const url = await client.results.fileUrl(run.id, `${name}.bin`)
      return { url, file: { path: `${name}.bin`, size: 100 }, target, partial: partialName(target), deadlineMs: 10_000 }
    }
    const jobs = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await job(name)] as const)))
    // The one slot is held at the store for 2 s; the others wait in the worker.
    sim.failNextDownload({ path: 'held.bin' }, { passThrough: true, delayMs: 2_000 })
    const withdraw = new AbortController()
    expect(transfers.inWorker).toBe(true)
    // Each outcome is taken as it comes, so none counts as unhandled while another is awaited.
    const outcome = (answer: Promise<number>): Promise<number | Error> =>
      answer.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))
    const held = outcome(transfers.transfer(jobs.held, { freshForMs: 60_000 }))
    const withdrawn = outcome(transfers.transfer(jobs.withdrawn, { freshForMs: 60_000, withdraw: withdraw.signal }))
    const stale = outcome(transfers.transfer(jobs.stale, { freshForMs: 200 }))
    const last = outcome(transfers.transfer(jobs.last, { freshForMs: 60_000 }))
    // Handed over again after its link grew stale: at the head of the queue, before 'last'.
    const again = outcome(transfers.transfer(jobs.again, { freshForMs: 60_000, first: true }))
    // Once the held one is at the store, the worker has started and holds the others waiting
    // (a worker can take seconds to start on a busy machine).
    while (sim.storeRequests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    const withdrawnAt = performance.now()
    withdraw.abort()
    expect(await withdrawn).toBeInstanceOf(RequestAbortedError)
    // At once: not when the held transfer frees the slot.
    expect(performance.now() - withdrawnAt).toBeLessThan(1_000)
    expect(await held).toBe(100)
    expect(await stale).toBeInstanceOf(StaleLinkError)
    expect(await last).toBe(100)
    expect(await again).toBe(100)
    // The store saw only those that ran, the one handed over first before 'last', and
    // only they are on disk (no partial file either).
    expect(sim.storeRequests.map((r) => r.path.split('/').pop())).toEqual(['held.bin', 'again.bin', 'last.bin'])
    expect(readdirSync(out).sort()).toEqual(['again.bin', 'held.bin', 'last.bin'])
  } finally {
    transfers.close()
    client.close()
    rmSync(out, { recursive: true, force: true })
  }
})

it('in the worker: a link whose shelf life ends while the worker starts fails as stale, unused', async () => {
  const { folder } = await actionUnderTest()
  useTransferWorker(pathToFileURL(join(folder, 'dist', 'index.js')))
  const sim = await startSimulator({ phases: [{ state: 'running', ms: 0 }] })
  const client = new CodeOceanClient({ apiBase: `${sim.url}/api/v1`, token: sim.token })
  const out = mkdtempSync(join(tmpdir(), 'transfer-worker-'))
  sim.program(PIPELINE, { outcome: 'succeeded', results: [{ path: 'f.bin', size: 100 }] })
  // Started by the first transfer: a worker takes far longer than 20 ms to start.
  const transfers = transferrer({ timeoutMs: 10_000, rules: { loopbackDomain: true }, concurrency: 8 }, [
    { size: WORKER_FROM_BYTES }
  ])
  try {
    const run = await client.computations.start({ pipeline_id: PIPELINE })
    while ((await client.computations.get(run.id)).state !== 'completed') await new Promise((r) => setTimeout(r, 10))
    const target = join(out, 'f.bin')
    const job = async (): Promise<TransferJob> => ({
      url: await client.results.fileUrl(run.id, 'f.bin'),
      file: { path: 'f.bin', size: 100 },
      target,
      partial: partialName(target),
      deadlineMs: 10_000
    })
    await expect(transfers.transfer(await job(), { freshForMs: 20 })).rejects.toBeInstanceOf(StaleLinkError)
    expect(sim.storeRequests).toHaveLength(0)
    expect(await transfers.transfer(await job(), { freshForMs: 60_000 })).toBe(100)
    expect(readdirSync(out)).toEqual(['f.bin'])
  } finally {
    transfers.close()
    client.close()
    rmSync(out, { recursive: true, force: true })
  }
})
