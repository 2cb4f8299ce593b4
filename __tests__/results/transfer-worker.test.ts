import { describe, expect, it } from '@jest/globals'
import { transferrer, WORKER_FROM_BYTES, WORKER_FROM_FILES } from '../../src/results/transfer-worker.js'
import { useTransferWorker } from '../../src/results/worker-entry.js'

describe('where a download runs its transfers', () => {
  it('in this thread until an entry asks for a worker, then in a worker only for a large download', () => {
    const small = [{ size: WORKER_FROM_BYTES - 1 }]
    const large = [{ size: WORKER_FROM_BYTES / 2 }, { size: WORKER_FROM_BYTES / 2 }]
    const unknown = [{ size: 0, sizeUnknown: true }]
    const many = Array.from({ length: WORKER_FROM_FILES }, () => ({ size: 1 }))
    const where = (files: typeof small): boolean => {
      const t = transferrer(1_000, undefined, files)
      t.close()
      return t.inWorker
    }
    expect([where(small), where(large), where(unknown), where(many)]).toEqual([false, false, false, false])
    // No worker is started until the first transfer: this entry is never loaded.
    useTransferWorker(new URL('file:///nonexistent/index.js'))
    expect([where(small), where(large), where(unknown), where(many)]).toEqual([false, true, true, true])
    expect(where(many.slice(1))).toBe(false)
  })
})
