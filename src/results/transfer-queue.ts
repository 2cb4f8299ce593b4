/**
 * The transfers of one download, at most a few at once, with the next ones waiting
 * where they run. A transfer that ends starts the next waiting one at once, in the
 * thread that runs transfers (the download worker, see transfer-worker.ts), instead of
 * after a round trip to the thread that schedules them: with thousands of small files,
 * that round trip was a few percent of the download.
 *
 * A waiting transfer holds a signed link, which is used only while young (see
 * signed-link.ts): one that grew stale while it waited is not started, and fails
 * with StaleLinkError, so its file is asked for again with a fresh link and handed
 * over again at the head of the queue. That happens only when transfers take longer
 * than a link's usable life (a minute at most), so it costs at most one request to
 * Code Ocean per waiting file in that time.
 */
import { RequestAbortedError } from '../errors.js'
import { StaleLinkError } from './errors.js'

/** One transfer handed to the queue. */
export interface QueuedTransfer<J> {
  job: J
  /** How much longer, from when it is handed over, its link may be used (ms). */
  freshForMs: number
  /** Ends it, waiting or under way (a cancel). */
  cancel?: AbortSignal
  /** Takes it back if it has not begun (another file failed): it then fails as aborted. */
  withdraw?: AbortSignal
  /**
   * Goes to the head of the queue: a file handed over again after its link grew stale
   * waiting, so that it takes the next free slot instead of being outrun again.
   */
  first?: boolean
}

interface Waiting<J> {
  transfer: QueuedTransfer<J>
  staleAt: number
  settle: { resolve: (bytes: number) => void; reject: (error: Error) => void }
  /** Stops listening for a cancel or a withdrawal while it waits. */
  unlisten: () => void
}

/**
 * Runs `run` for each transfer handed over, at most `concurrency` at once and in the
 * order handed over. `now` is the clock of freshness (performance.now in the thread
 * the queue lives in).
 */
export function transferQueue<J>(
  run: (job: J, cancel?: AbortSignal) => Promise<number>,
  concurrency: number,
  now: () => number = () => performance.now()
): (transfer: QueuedTransfer<J>) => Promise<number> {
  const limit = Math.max(1, Math.floor(concurrency))
  const waiting: Waiting<J>[] = []
  let running = 0

  const start = (entry: Waiting<J>): void => {
    const { transfer, settle } = entry
    if (transfer.cancel?.aborted || transfer.withdraw?.aborted) {
      settle.reject(new RequestAbortedError())
      return
    }
    if (now() > entry.staleAt) {
      settle.reject(new StaleLinkError('its link grew stale while it waited'))
      return
    }
    running += 1
    run(transfer.job, transfer.cancel)
      .then(settle.resolve, (error: unknown) =>
        settle.reject(error instanceof Error ? error : new Error(String(error)))
      )
      .finally(() => {
        running -= 1
        pump()
      })
  }
  const pump = (): void => {
    while (running < limit && waiting.length > 0) {
      const entry = waiting.shift()!
      entry.unlisten()
      start(entry)
    }
  }

  return (transfer) =>
    new Promise<number>((resolve, reject) => {
      const entry: Waiting<J> = {
        transfer,
        staleAt: now() + transfer.freshForMs,
        settle: { resolve, reject },
        unlisten: () => {}
      }
      // Taken back while it waits: it leaves the queue at once.
      const leave = (): void => {
        const at = waiting.indexOf(entry)
        if (at < 0) return
        waiting.splice(at, 1)
        entry.unlisten()
        reject(new RequestAbortedError())
      }
      const signals = [transfer.cancel, transfer.withdraw].filter((s) => s !== undefined)
      for (const signal of signals) signal.addEventListener('abort', leave, { once: true })
      entry.unlisten = () => {
        for (const signal of signals) signal.removeEventListener('abort', leave)
      }
      if (transfer.first === true) waiting.unshift(entry)
      else waiting.push(entry)
      pump()
    })
}
