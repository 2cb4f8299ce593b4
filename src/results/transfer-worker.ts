/**
 * Where transfers run. A download streams gigabytes through short-lived 64 KiB buffers,
 * and V8 frees them only when it collects its young generation; left to grow (as it
 * does, up to tens of MiB), that generation lets a hundred MiB of spent buffers pile
 * up between collections. So the action runs its transfers in a worker thread whose
 * young generation is held small (`resourceLimits`, a setting of the worker's own heap,
 * not a V8 flag), and each transfer paces its collections by the bytes it writes
 * (paceCollector in transfer.ts), to hold its peaks near the 150 MB goal of `npm run bench -- downloads`.
 * The main thread keeps everything else: the Code Ocean token, the links, the
 * schedule, the checks of where files go.
 *
 * The worker runs the action's own bundle: the entry (src/index.ts) calls
 * `useTransferWorker` (worker-entry.ts) with its own URL on the main thread, and `serveTransfers` in a
 * worker. Without that call (tests, scripts), transfers run in the calling thread.
 */
import { rmSync } from 'node:fs'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { errorMessage, RequestAbortedError } from '../errors.js'
import { ExpiredLinkError, StaleLinkError, TransientDownloadError } from './errors.js'
import type { ResultFile } from './listing.js'
import { objectStoreClient } from './object-store.js'
import type { StoreRules } from './store-address.js'
import { transferQueue, type QueuedTransfer } from './transfer-queue.js'
import { transferFile, type TransferJob } from './transfer.js'
import { transferWorkerEntry } from './worker-entry.js'

/**
 * The worker's heap, in MiB. A small young generation, so spent buffers are freed
 * within about a MiB of bytes (with paceCollector; 2 or 3 MiB measured no faster). A
 * transfer's objects still in use when a collection comes move to the old generation,
 * which V8 would let grow by tens of MiB before collecting it: capped near what the
 * worker holds, it is collected sooner. The worker holds its code and the requests of
 * its 8 transfers (a few hundred KiB): 12–14 MiB when it loaded axios, less since (a
 * worker with Node's http and https alone uses about 8), so 24 leaves room; were it ever
 * reached, the worker stops and the download fails saying so, instead of the runner
 * running short. Chosen by the peaks of `npm run bench -- downloads`: for 1,000 files,
 * a median of 140 MiB over 8 runs with 24, 145 with 32 or 64.
 */
const WORKER_YOUNG_GENERATION_MB = 1
const WORKER_OLD_GENERATION_MB = 24

/** How a transfer is handed over: how long its link stays usable, and what ends it (see transfer-queue.ts). */
type Handover = Omit<QueuedTransfer<TransferJob>, 'job'>

/** Runs transfers, a bounded number at once, the next ones waiting: in this thread, or in a worker. */
export interface Transferrer {
  /**
   * One try at one file (see transferFile), begun when a slot is free. Fails with
   * StaleLinkError if its link grew stale while it waited, and as aborted if cancelled or withdrawn first.
   */
  transfer(job: TransferJob, handover: Handover): Promise<number>
  /** Ends it: the store's connections, and the worker. Call once every transfer has settled. */
  close(): void
  /** Whether the transfers run in a worker thread. */
  readonly inWorker: boolean
  /** Whether that worker is the one started ahead of the download (warmTransferWorker). */
  readonly startedAhead: boolean
}

/** What the worker is started with: how to reach the store, and how many transfers at once. */
export interface WorkerSettings {
  timeoutMs: number
  concurrency: number
  /** Where links may lead; undefined: the strict default of objectStoreClient. */
  rules: StoreRules | undefined
}

/**
 * The time now, in ms, on the one monotonic clock every thread reads (each thread's
 * performance.now() counts from its own start, and performance.timeOrigin is a reading
 * of the wall clock, which can be set meanwhile). A link's shelf life crosses threads as
 * the time it ends, so the time a transfer waits to be read by the worker (while the
 * worker starts, or is busy) counts against it.
 */
const sharedNow = (): number => Number(process.hrtime.bigint()) / 1e6

type Request =
  | { type: 'transfer'; id: number; job: TransferJob; usableUntil: number; first: boolean }
  | { type: 'abort'; id: number }
  | { type: 'withdraw'; id: number }

/**
 * How a transfer failed, as it crosses between threads (an Error's class does not): the
 * kinds download.ts decides by; any other failure is final, and only its message matters.
 */
type FailureKind = 'aborted' | 'stale' | 'expired' | 'transient' | 'final'

type Answer = { id: number; bytes: number } | { id: number; kind: FailureKind; message: string }

function failureKind(error: unknown): FailureKind {
  if (error instanceof RequestAbortedError) return 'aborted'
  if (error instanceof StaleLinkError) return 'stale'
  if (error instanceof ExpiredLinkError) return 'expired'
  if (error instanceof TransientDownloadError) return 'transient'
  return 'final'
}

/** The error a failure of `kind` is on this side: the class download.ts decides by, with its message. */
function failureOf(kind: FailureKind, message: string): Error {
  switch (kind) {
    case 'aborted':
      return new RequestAbortedError()
    case 'stale':
      return new StaleLinkError(message)
    case 'expired':
      return new ExpiredLinkError(message)
    case 'transient':
      return new TransientDownloadError(message)
    default:
      return new Error(message)
  }
}

/** Transfers in the calling thread, through a store client of its own. */
function inThisThread(settings: WorkerSettings): Transferrer {
  const { store, close } = objectStoreClient(settings.timeoutMs, settings.rules)
  const queue = transferQueue<TransferJob>((job, cancel) => transferFile(store, job, cancel), settings.concurrency)
  return { transfer: (job, handover) => queue({ job, ...handover }), close, inWorker: false, startedAhead: false }
}

/** A worker running `entry` (the action's bundle) to serve transfers with `settings`, its heap held small. */
function bootWorker(entry: URL, settings: WorkerSettings): Worker {
  return new Worker(entry, {
    workerData: settings,
    resourceLimits: {
      maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
      maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB
    },
    stdout: false,
    stderr: false
  })
}

/**
 * A worker started ahead of a download (warmTransferWorker), with the settings it was
 * started with, until a download takes it or it stops.
 */
let warm: { worker: Worker; settings: string; forget: () => void } | undefined

/**
 * Starts the download worker now, for a download that may follow: a worker takes a
 * tenth of a second or more to start (a thread, a heap, the bundle loaded again), which
 * would otherwise delay a download's first transfers. Started while a run is followed,
 * it is ready by the time the run ends. It does not keep the process alive while it
 * waits, and the next download takes it (or, if that download is small or differently
 * set up, ends it). A worker that stops while it waits is forgotten, and the download
 * starts another; one whose stop is still on its way when the download takes it fails
 * that download, as a worker that stops mid-download does. Returns the worker it
 * started, if it started one.
 */
export function warmTransferWorker(settings: WorkerSettings): Worker | undefined {
  const entry = transferWorkerEntry()
  if (entry === undefined || warm !== undefined) return undefined
  const worker = bootWorker(entry, settings)
  worker.unref()
  const forget = (): void => {
    if (warm?.worker === worker) warm = undefined
  }
  // A worker that fails while nobody uses it must not take the step down with it.
  worker.on('error', forget)
  worker.on('exit', forget)
  warm = { worker, settings: JSON.stringify(settings), forget }
  return worker
}

/** The warm worker, if it was started with `settings` (it is then no longer warm); any other is ended. */
function takeWarmWorker(settings: WorkerSettings | undefined): Worker | undefined {
  const taken = warm
  warm = undefined
  if (taken === undefined) return undefined
  if (settings !== undefined && taken.settings === JSON.stringify(settings)) {
    // The download's own listeners take over at once (inWorker), with nothing between.
    taken.worker.off('error', taken.forget)
    taken.worker.off('exit', taken.forget)
    taken.worker.ref()
    return taken.worker
  }
  // Its listeners stay: a failure it had before it is ended must still find one.
  void taken.worker.terminate()
  return undefined
}

/** Transfers in a worker running `entry` (the action's bundle): the warm one, or one started at the first transfer. */
function inWorker(entry: URL, settings: WorkerSettings): Transferrer {
  let worker: Worker | undefined
  let lastId = 0
  const pending = new Map<
    number,
    { resolve: (bytes: number) => void; reject: (error: Error) => void; partial: string }
  >()
  // A worker that stops (it threw, or ran out of memory) fails what it had in hand, and
  // every later transfer, for good: one started again would meet the same end, and one
  // started between the old one's 'error' and its 'exit' would be orphaned by the 'exit'.
  let stoppedWhy: string | undefined
  const stopped = (why: string): void => {
    stoppedWhy ??= why
    for (const { reject, partial } of pending.values()) {
      // A worker that died mid-transfer never ran its own clean-up: no half-written file is left behind.
      rmSync(partial, { force: true })
      reject(new Error(`the download worker stopped: ${stoppedWhy}`))
    }
    pending.clear()
    worker = undefined
  }
  const listenTo = (fresh: Worker): Worker => {
    fresh.on('message', (answer: Answer) => {
      const waiting = pending.get(answer.id)
      pending.delete(answer.id)
      if ('bytes' in answer) waiting?.resolve(answer.bytes)
      else waiting?.reject(failureOf(answer.kind, answer.message))
    })
    fresh.on('error', (error) => stopped(errorMessage(error)))
    fresh.on('exit', (code) => stopped(`it exited with code ${code}`))
    return fresh
  }
  const warmed = takeWarmWorker(settings)
  if (warmed) worker = listenTo(warmed)
  const started = (): Worker => (worker ??= listenTo(bootWorker(entry, settings)))
  return {
    transfer: (job, { freshForMs, cancel, withdraw, first = false }) => {
      if (cancel?.aborted || withdraw?.aborted) return Promise.reject(new RequestAbortedError())
      if (stoppedWhy !== undefined) return Promise.reject(new Error(`the download worker stopped: ${stoppedWhy}`))
      const id = ++lastId
      const thread = started()
      const abort = (): void => thread.postMessage({ type: 'abort', id } satisfies Request)
      const takeBack = (): void => thread.postMessage({ type: 'withdraw', id } satisfies Request)
      cancel?.addEventListener('abort', abort, { once: true })
      withdraw?.addEventListener('abort', takeBack, { once: true })
      return new Promise<number>((resolve, reject) => {
        pending.set(id, { resolve, reject, partial: job.partial })
        const usableUntil = sharedNow() + freshForMs
        thread.postMessage({ type: 'transfer', id, job, usableUntil, first } satisfies Request)
      }).finally(() => {
        cancel?.removeEventListener('abort', abort)
        withdraw?.removeEventListener('abort', takeBack)
      })
    },
    close: () => {
      const thread = worker
      worker = undefined
      void thread?.terminate()
    },
    inWorker: true,
    startedAhead: warmed !== undefined
  }
}

/**
 * A download smaller than both of these runs in the calling thread: it saves starting a
 * worker, which loads the bundle again (tens of ms of CPU, more than a small download
 * takes). Its spent buffers add at most its bytes, and each file adds some garbage of
 * its own (5,000 files of 4 KiB in the main thread peaked near 270 MiB), hence the count.
 */
export const WORKER_FROM_BYTES = 32 * 1024 * 1024
export const WORKER_FROM_FILES = 64

/**
 * A Transferrer for one download of `files`: in a worker when the entry asked for one
 * and the download is large in bytes or files (or holds a file of unknown size), else
 * in this thread.
 */
export function transferrer(
  settings: WorkerSettings,
  files: ReadonlyArray<Pick<ResultFile, 'size' | 'sizeUnknown'>>
): Transferrer {
  const large =
    files.length >= WORKER_FROM_FILES ||
    files.some((f) => f.sizeUnknown) ||
    files.reduce((sum, f) => sum + f.size, 0) >= WORKER_FROM_BYTES
  const entry = transferWorkerEntry()
  if (entry === undefined || !large) {
    // A worker started for a download that turned out small is not needed after all.
    takeWarmWorker(undefined)
    return inThisThread(settings)
  }
  return inWorker(entry, settings)
}

/**
 * In a worker: runs the transfers the main thread hands over, at most the settings'
 * concurrency at once and the rest waiting (transfer-queue.ts), each with its own cancel
 * and withdrawal, until terminated.
 */
export function serveTransfers(): void {
  if (isMainThread || parentPort === null) throw new Error('serveTransfers runs in a worker thread only')
  const port = parentPort
  const settings = workerData as WorkerSettings
  const { store } = objectStoreClient(settings.timeoutMs, settings.rules)
  const queue = transferQueue<TransferJob>((job, cancel) => transferFile(store, job, cancel), settings.concurrency)
  const handles = new Map<number, { cancel: AbortController; withdraw: AbortController }>()
  port.on('message', (request: Request) => {
    if (request.type !== 'transfer') {
      handles.get(request.id)?.[request.type === 'abort' ? 'cancel' : 'withdraw'].abort()
      return
    }
    const handle = { cancel: new AbortController(), withdraw: new AbortController() }
    handles.set(request.id, handle)
    const answered = queue({
      job: request.job,
      freshForMs: request.usableUntil - sharedNow(),
      first: request.first,
      cancel: handle.cancel.signal,
      withdraw: handle.withdraw.signal
    })
    void answered
      .then(
        (bytes): Answer => ({ id: request.id, bytes }),
        (error: unknown): Answer => ({ id: request.id, kind: failureKind(error), message: errorMessage(error) })
      )
      .then((answer) => port.postMessage(answer))
      .finally(() => handles.delete(request.id))
  })
}
