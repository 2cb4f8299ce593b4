import { describe, expect, it } from '@jest/globals'
import { RequestAbortedError } from '../../src/errors.js'
import { runWithLookAhead } from '../../src/results/look-ahead.js'

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => {}
  const promise = new Promise<void>((resolve) => (open = resolve))
  return { promise, open }
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * A scheduler under watch: preparations finish at once, each run waits for its gate,
 * and every step is logged, with the most runs under way and the most items prepared
 * (or being prepared) whose run had not begun.
 */
function watched(count: number) {
  const gates = Array.from({ length: count }, gate)
  const prepared: number[] = []
  const began: number[] = []
  let running = 0
  let most = { running: 0, ahead: 0 }
  const note = (): void => {
    most = { running: Math.max(most.running, running), ahead: Math.max(most.ahead, prepared.length - began.length) }
  }
  return {
    items: Array.from({ length: count }, (_, i) => i),
    gates,
    prepared,
    began,
    most: () => most,
    prepare: (i: number): Promise<number> => {
      prepared.push(i)
      note()
      return Promise.resolve(i * 10)
    },
    run: async (i: number, value: Promise<number>): Promise<void> => {
      began.push(i)
      running += 1
      note()
      expect(await value).toBe(i * 10)
      await gates[i].promise
      running -= 1
    }
  }
}

describe('runWithLookAhead', () => {
  it('runs at most `concurrency` at once, in order, while preparations run ahead, no more than `ahead`', async () => {
    const w = watched(40)
    const done = runWithLookAhead(w.items, { concurrency: 8, ahead: 8 }, w.prepare, w.run)
    await tick()
    // 8 runs under way, and the next 8 prepared, not one more, before any run has ended.
    expect(w.began).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(w.prepared).toHaveLength(16)
    for (let i = 0; i < 40; i++) {
      w.gates[i].open()
      await tick()
    }
    await done
    expect(w.began).toEqual(w.items)
    expect(w.prepared).toEqual(w.items)
    expect(w.most()).toEqual({ running: 8, ahead: 8 })
  })

  it('prepares the next item only when a run begins, so nothing is prepared long before its turn', async () => {
    const w = watched(10)
    const done = runWithLookAhead(w.items, { concurrency: 2, ahead: 3 }, w.prepare, w.run)
    await tick()
    expect(w.began).toEqual([0, 1])
    expect(w.prepared).toEqual([0, 1, 2, 3, 4])
    w.gates[1].open()
    await tick()
    // One run ended, the next began, and one more item was prepared.
    expect(w.began).toEqual([0, 1, 2])
    expect(w.prepared).toEqual([0, 1, 2, 3, 4, 5])
    for (const g of w.gates) g.open()
    await done
  })

  it('after a failure begins nothing more, lets the runs under way finish, and throws the first failure', async () => {
    const w = watched(20)
    let signal: AbortSignal | undefined
    let finished = 0
    const failure = new Error('first')
    const done = runWithLookAhead(
      w.items,
      { concurrency: 3, ahead: 2 },
      (i, s) => {
        signal = s
        return w.prepare(i)
      },
      async (i, value) => {
        if (i === 1) throw failure
        if (i === 2) throw new Error('second')
        await w.run(i, value)
        finished += 1
      }
    )
    await tick()
    expect(signal?.aborted).toBe(true)
    w.gates[0].open()
    await expect(done).rejects.toBe(failure)
    expect(w.began).toEqual([0])
    expect(finished).toBe(1)
  })

  it('fails an item whose preparation failed in its own turn, after the items before it', async () => {
    const order: string[] = []
    await expect(
      runWithLookAhead(
        [0, 1, 2],
        { concurrency: 1, ahead: 2 },
        (i) => (i === 2 ? Promise.reject(new Error('no link for 2')) : Promise.resolve(i)),
        async (i, value) => {
          order.push(`run ${i}`)
          await value
          order.push(`done ${i}`)
        }
      )
    ).rejects.toThrow('no link for 2')
    expect(order).toEqual(['run 0', 'done 0', 'run 1', 'done 1', 'run 2'])
  })

  it('on a cancel, begins nothing more, waits for what is under way, and throws a RequestAbortedError', async () => {
    const cancel = new AbortController()
    const w = watched(10)
    const done = runWithLookAhead(w.items, { concurrency: 2, ahead: 2, signal: cancel.signal }, w.prepare, w.run)
    await tick()
    cancel.abort()
    let settled = false
    void done.catch(() => (settled = true))
    await tick()
    expect(settled).toBe(false)
    w.gates[0].open()
    w.gates[1].open()
    await expect(done).rejects.toBeInstanceOf(RequestAbortedError)
    expect(w.began).toEqual([0, 1])
  })

  it('ends at once with nothing to do', async () => {
    await expect(
      runWithLookAhead(
        [],
        { concurrency: 8, ahead: 8 },
        () => Promise.resolve(),
        async () => {}
      )
    ).resolves.toBe(undefined)
  })
})
