import { describe, expect, it } from '@jest/globals'
import { RequestAbortedError } from '../../src/errors.js'
import { StaleLinkError } from '../../src/results/errors.js'
import { transferQueue } from '../../src/results/transfer-queue.js'

/** A run whose transfers end when the test says, noting which began. */
function heldRuns(): {
  run: (job: string) => Promise<number>
  began: string[]
  finish: (job: string, bytes?: number) => void
} {
  const began: string[] = []
  const ends = new Map<string, (bytes: number) => void>()
  return {
    began,
    run: (job) =>
      new Promise<number>((resolve) => {
        began.push(job)
        ends.set(job, resolve)
      }),
    finish: (job, bytes = 1) => ends.get(job)?.(bytes)
  }
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('the queue of transfers', () => {
  it('runs at most its concurrency at once, in the order handed over, starting the next as one ends', async () => {
    const { run, began, finish } = heldRuns()
    const queue = transferQueue(run, 2)
    const done = ['a', 'b', 'c', 'd'].map((job) => queue({ job, freshForMs: 60_000 }))
    await turn()
    expect(began).toEqual(['a', 'b'])
    finish('b', 20)
    await turn()
    expect(began).toEqual(['a', 'b', 'c'])
    finish('a', 10)
    finish('c', 30)
    await turn()
    finish('d', 40)
    await expect(Promise.all(done)).resolves.toEqual([10, 20, 30, 40])
  })

  it('does not begin a transfer whose link grew stale while it waited, and fails it as stale', async () => {
    const { run, began, finish } = heldRuns()
    let now = 0
    const queue = transferQueue(run, 1, () => now)
    const first = queue({ job: 'first', freshForMs: 60_000 })
    const young = queue({ job: 'young', freshForMs: 5_000 })
    const old = queue({ job: 'old', freshForMs: 1_000 })
    now = 2_000
    finish('first')
    await expect(first).resolves.toBe(1)
    await turn()
    // 'young' had 5 s and waited 2 s: it runs; 'old' had 1 s: it is failed, never begun.
    expect(began).toEqual(['first', 'young'])
    finish('young')
    await expect(young).resolves.toBe(1)
    await expect(old).rejects.toBeInstanceOf(StaleLinkError)
    expect(began).toEqual(['first', 'young'])
  })

  it('takes back a waiting transfer at once when withdrawn or cancelled, and lets a begun one finish when withdrawn', async () => {
    const { run, began, finish } = heldRuns()
    const queue = transferQueue(run, 1)
    const withdraw = new AbortController()
    const cancel = new AbortController()
    const running = queue({ job: 'running', freshForMs: 60_000, withdraw: withdraw.signal })
    const waiting = queue({ job: 'waiting', freshForMs: 60_000, withdraw: withdraw.signal })
    const cancelled = queue({ job: 'cancelled', freshForMs: 60_000, cancel: cancel.signal })
    const after = queue({ job: 'after', freshForMs: 60_000 })
    withdraw.abort()
    cancel.abort()
    await expect(waiting).rejects.toBeInstanceOf(RequestAbortedError)
    await expect(cancelled).rejects.toBeInstanceOf(RequestAbortedError)
    finish('running', 5)
    await expect(running).resolves.toBe(5)
    await turn()
    expect(began).toEqual(['running', 'after'])
    finish('after')
    await expect(after).resolves.toBe(1)
  })

  it('puts a transfer handed over first at the head of the queue, and fails one withdrawn before a free slot', async () => {
    const { run, began, finish } = heldRuns()
    const queue = transferQueue(run, 1)
    const done = [queue({ job: 'running', freshForMs: 60_000 }), queue({ job: 'waiting', freshForMs: 60_000 })]
    done.push(queue({ job: 'again', freshForMs: 60_000, first: true }))
    finish('running')
    await turn()
    expect(began).toEqual(['running', 'again'])
    finish('again')
    await turn()
    finish('waiting')
    await expect(Promise.all(done)).resolves.toEqual([1, 1, 1])
    const withdrawn = new AbortController()
    withdrawn.abort()
    await expect(queue({ job: 'late', freshForMs: 60_000, withdraw: withdrawn.signal })).rejects.toBeInstanceOf(
      RequestAbortedError
    )
    expect(began).toEqual(['running', 'again', 'waiting'])
  })

  it("hands a cancel to the transfer it began, and passes on the transfer's failure as it was", async () => {
    const seen: (AbortSignal | undefined)[] = []
    const boom = new Error('the store hung up')
    const queue = transferQueue<string>((_job, cancel) => {
      seen.push(cancel)
      return Promise.reject(boom)
    }, 1)
    const cancel = new AbortController()
    await expect(queue({ job: 'x', freshForMs: 60_000, cancel: cancel.signal })).rejects.toBe(boom)
    expect(seen).toEqual([cancel.signal])
  })
})
