/**
 * Runs work in two stages, so the slow first step of one item overlaps the main work of
 * others: `prepare` (for a download: where the file goes, and its signed link from Code
 * Ocean) starts a bounded number of items ahead of `run` (the transfer), which has its
 * own bound. Without it, each slot of `run` would wait out its own preparation first.
 */
import { RequestAbortedError } from '../errors.js'

export interface LookAheadOptions {
  /** Runs under way at once. */
  concurrency: number
  /**
   * Items prepared, or being prepared, whose run has not begun: how far preparation may
   * run ahead. It bounds how early a preparation can happen (a signed link is short-lived).
   */
  ahead: number
  /** Ends it at once (a cancel): no preparation or run begins after it. */
  signal?: AbortSignal
}

/**
 * Calls `prepare` then `run` for every item: runs begin in the items' order, at most
 * `concurrency` at once, and preparations at most `ahead` items before their run. A
 * run is handed its item's preparation as a promise (it may still be pending), so a
 * failed preparation fails only its own run, in its turn. After a failure no
 * preparation or run begins, those under way are let finish (the `signal` given to
 * `prepare` is aborted, so a preparation can stop early), and the first failure is
 * thrown as it was caught; a cancel is thrown as a RequestAbortedError. The `stop`
 * given to each run is that same signal, for what a run hands on and has not begun.
 */
export function runWithLookAhead<T, P>(
  items: readonly T[],
  options: LookAheadOptions,
  prepare: (item: T, signal: AbortSignal) => Promise<P>,
  run: (item: T, prepared: Promise<P>, stop: AbortSignal) => Promise<void>
): Promise<void> {
  const concurrency = Math.max(1, Math.floor(options.concurrency))
  const ahead = Math.max(1, Math.floor(options.ahead))
  // Aborted on the first failure or a cancel: preparations in flight can end early, and
  // a run can take back work it handed on that has not begun.
  const stop = new AbortController()
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal
  let failure: unknown
  let failed = false
  const queued: { item: T; prepared: Promise<P> }[] = []
  let next = 0
  let running = 0
  // Preparations not yet settled: waited for too, so nothing of this is still at work when it ends.
  let preparing = 0

  return new Promise<void>((resolve, reject) => {
    const finish = (): void => {
      if (options.signal?.aborted) reject(new RequestAbortedError())
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejects with the first failure exactly as it was caught
      else if (failed) reject(failure)
      else resolve()
    }
    const fail = (error: unknown): void => {
      if (!failed) {
        failed = true
        failure = error
      }
      stop.abort()
    }
    const pump = (): void => {
      for (;;) {
        if (signal.aborted) queued.length = 0
        // Top up the preparations ahead, then begin a run if a slot is free.
        while (!signal.aborted && next < items.length && queued.length < ahead) {
          const item = items[next++]
          const prepared = Promise.resolve().then(() => prepare(item, signal))
          preparing += 1
          // Seen by its run in its turn; this only keeps it from counting as unhandled meanwhile.
          prepared
            .catch(() => {})
            .finally(() => {
              preparing -= 1
              pump()
            })
          queued.push({ item, prepared })
        }
        if (running >= concurrency || queued.length === 0) break
        const { item, prepared } = queued.shift()!
        running += 1
        Promise.resolve()
          .then(() => run(item, prepared, signal))
          .catch(fail)
          .finally(() => {
            running -= 1
            pump()
          })
      }
      if (running === 0 && preparing === 0 && queued.length === 0 && (signal.aborted || next >= items.length)) {
        finish()
      }
    }
    pump()
  })
}
