import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { transferrer, WORKER_FROM_BYTES, WORKER_FROM_FILES } from '../../src/results/transfer-worker.js'
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
