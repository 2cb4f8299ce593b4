import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { describe, expect, it } from '@jest/globals'
import {
  transferrer,
  warmTransferWorker,
  WORKER_FROM_BYTES,
  WORKER_FROM_FILES
} from '../../src/results/transfer-worker.js'
import { partialName } from '../../src/results/transfer.js'
import { useTransferWorker } from '../../src/results/worker-entry.js'

describe('where a download runs its transfers', () => {
  it('in this thread until an entry asks for a worker, then in a worker only for a large download', () => {
    const small = [{ size: WORKER_FROM_BYTES - 1 }]
    const large = [{ size: WORKER_FROM_BYTES / 2 }, { size: WORKER_FROM_BYTES / 2 }]
    const unknown = [{ size: 0, sizeUnknown: true }]
    const many = Array.from({ length: WORKER_FROM_FILES }, () => ({ size: 1 }))
    const where = (files: typeof small): boolean => {
      const t = transferrer({ timeoutMs: 1_000, rules: undefined, concurrency: 8 }, files)
      t.close()
      return t.inWorker
    }
    expect([where(small), where(large), where(unknown), where(many)]).toEqual([false, false, false, false])
    // No worker is started until the first transfer: this entry is never loaded.
    useTransferWorker(new URL('file:///nonexistent/index.js'))
    expect([where(small), where(large), where(unknown), where(many)]).toEqual([false, true, true, true])
    expect(where(many.slice(1))).toBe(false)
  })

  it('leaves alone a file already at the partial name, which it did not create', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'partial-taken-'))
    const transfers = transferrer({ timeoutMs: 1_000, rules: { loopbackDomain: true }, concurrency: 1 }, [{ size: 1 }])
    try {
      const target = join(folder, 'f.bin')
      const partial = partialName(target)
      writeFileSync(partial, 'not ours')
      // Nothing listens on port 9 here: the request fails too, and the clean-up runs after both.
      const job = {
        url: 'http://127.0.0.1:9/f.bin',
        file: { path: 'f.bin', size: 1 },
        target,
        partial,
        deadlineMs: 1_000
      }
      await expect(transfers.transfer(job, { freshForMs: 60_000 })).rejects.toThrow()
      expect(readFileSync(partial, 'utf8')).toBe('not ours')
      expect(readdirSync(folder)).toHaveLength(1)
    } finally {
      transfers.close()
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('when the worker dies mid-transfer, removes the partial file and fails this and every later transfer', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dying-worker-'))
    try {
      useTransferWorker(new URL('../fixtures/dying-transfer-worker.mjs', import.meta.url))
      const transfers = transferrer({ timeoutMs: 1_000, rules: undefined, concurrency: 8 }, [
        { size: WORKER_FROM_BYTES }
      ])
      const target = join(folder, 'big.bin')
      const job = { url: 'https://store.invalid/big', file: { path: 'big.bin', size: 1 }, target, deadlineMs: 1_000 }
      const partial = partialName(target)
      await expect(transfers.transfer({ ...job, partial }, { freshForMs: 60_000 })).rejects.toThrow(
        /the download worker stopped: (Error: )?it ran out of memory/
      )
      expect(readdirSync(folder)).toEqual(['transfers.log'])
      // No second worker: it would meet the same end, and the first one's exit could orphan it.
      // (After that exit: a second worker started then would take the transfer and note it.)
      await new Promise((resolve) => setTimeout(resolve, 300))
      await expect(
        transfers.transfer({ ...job, partial: partialName(target) }, { freshForMs: 60_000 })
      ).rejects.toThrow(/the download worker stopped: (Error: )?it ran out of memory/)
      expect(readFileSync(join(folder, 'transfers.log'), 'utf8')).toBe('big.bin\n')
      transfers.close()
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })
})

describe('a worker started ahead of a download', () => {
  const settings = { timeoutMs: 1_000, rules: undefined, concurrency: 8 }
  const large = [{ size: WORKER_FROM_BYTES }]
  const job = {
    url: 'https://store.invalid/f',
    file: { path: 'f.bin', size: 1 },
    target: '/nonexistent/f.bin',
    partial: '/nonexistent/f.bin.part',
    deadlineMs: 1_000
  }
  const answering = new URL('../fixtures/answering-transfer-worker.mjs', import.meta.url)
  const failing = new URL('../fixtures/failing-transfer-worker.mjs', import.meta.url)

  /**
   * Who took the first transfer of a download: the worker started ahead of it answers 7
   * bytes (it runs `answering`), while a worker started now fails as it loads (the entry
   * is `failing` by then).
   */
  async function firstTransfer(files: { size: number }[], with_ = settings): Promise<number | string> {
    useTransferWorker(failing)
    const transfers = transferrer(with_, files)
    try {
      return await transfers.transfer(job, { freshForMs: 60_000 })
    } catch (error) {
      return String(error)
    } finally {
      transfers.close()
    }
  }
  const byWarmWorker = 7
  const byNewWorker = expect.stringContaining('the download worker stopped: Error: it could not load')

  it('runs the next large download started with the same settings, and only that one', async () => {
    useTransferWorker(answering)
    warmTransferWorker(settings)
    expect(await firstTransfer(large)).toBe(byWarmWorker)
    expect(await firstTransfer(large)).toEqual(byNewWorker)
  })

  it('says whether a download took the worker started ahead', () => {
    useTransferWorker(answering)
    warmTransferWorker(settings)
    const [taker, later] = [transferrer(settings, large), transferrer(settings, large)]
    taker.close()
    later.close()
    expect([taker.startedAhead, later.startedAhead]).toEqual([true, false])
  })

  /**
   * Resolves once `worker` has exited; fails if it is still running 5 s on (an unused
   * worker left running never exits: it is unref'd, and waits for work).
   */
  const exitOf = (worker: Worker | undefined): Promise<number> => {
    if (worker === undefined) throw new Error('no worker was started ahead')
    return new Promise((resolve, reject) => {
      const late = setTimeout(() => reject(new Error('the worker started ahead was left running')), 5_000)
      worker.once('exit', (code) => {
        clearTimeout(late)
        resolve(code)
      })
    })
  }

  it('is ended, not used, by a download set up otherwise or by a small one', async () => {
    useTransferWorker(answering)
    const otherwise = exitOf(warmTransferWorker(settings))
    expect(await firstTransfer(large, { ...settings, timeoutMs: 2_000 })).toEqual(byNewWorker)
    await otherwise

    useTransferWorker(answering)
    const beforeSmall = exitOf(warmTransferWorker(settings))
    const small = transferrer(settings, [{ size: 1 }])
    small.close()
    expect(small.inWorker).toBe(false)
    await beforeSmall
    expect(await firstTransfer(large)).toEqual(byNewWorker)
  })

  it('is forgotten if it stops while it waits: the step goes on, and the download starts another', async () => {
    useTransferWorker(failing)
    // Until it has failed as it loads: a failure nobody listened for would end this test process.
    await exitOf(warmTransferWorker(settings))
    useTransferWorker(answering)
    const transfers = transferrer(settings, large)
    try {
      expect(await transfers.transfer(job, { freshForMs: 60_000 })).toBe(7)
    } finally {
      transfers.close()
    }
  })
})
