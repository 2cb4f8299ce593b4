/**
 * One transfer from the object store to disk: the part of a download that handles the
 * file's bytes. It runs wherever those bytes are best handled (see transfer-worker.ts);
 * download.ts decides what to fetch, with which link, and when.
 */
import { randomUUID } from 'node:crypto'
import { closeSync, open, renameSync, rmSync, writeSync } from 'node:fs'
import { promisify } from 'node:util'
import { isMainThread } from 'node:worker_threads'
import { addAbortSignal, type Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { errorMessage, RequestAbortedError } from '../errors.js'
import { formatDuration } from '../format.js'
import { ExpiredLinkError, OversizeError, TransientDownloadError } from './errors.js'
import type { ResultFile } from './listing.js'
import { declaredLength, storeError, storeRefusal, type StoreClient } from './object-store.js'

/** Why a transfer that broke off did: a cancel, its deadline, too many bytes, or the network (worth another try). */
function brokenOff(error: unknown, signal: AbortSignal | undefined, deadline: Deadline): Error {
  if (signal?.aborted) return new RequestAbortedError()
  if (error instanceof OversizeError) return error
  if (deadline.passed) {
    const { ms } = deadline
    return new Error(`it did not arrive within ${formatDuration(ms)} (60 s a file, or 1 s per MB beyond 60 MB)`)
  }
  return new TransientDownloadError(`the transfer broke off: ${errorMessage(error)}`)
}

/**
 * Asks the store for a file at its signed `url` and checks the answer: a status that is
 * not 200 fails (another try may fix a 403, 408, 429 or 5xx), and so does a
 * Content-Length beyond the listed size. Returns the body, and the length the store declared.
 */
async function openTransfer(
  store: StoreClient,
  url: string,
  file: ResultFile,
  abort: AbortSignal,
  brokeOff: (error: unknown) => Error
): Promise<{ body: Readable; declared: number | undefined }> {
  let response
  try {
    response = await store.get(url, { signal: abort })
  } catch (error) {
    // A link to a forbidden address, or a proxy that cannot be used, is final: no
    // connection was made, and a fresh link from the same server would meet the same.
    const refused = storeRefusal(error)
    if (refused) throw new Error(`${refused.message}; nothing was fetched`, { cause: error })
    const why = brokeOff(error)
    throw why instanceof TransientDownloadError
      ? new TransientDownloadError(`could not fetch it: ${errorMessage(error)}`)
      : why
  }
  if (response.status !== 200) {
    const why = `the store answered HTTP ${response.status}: ${await storeError(response.data)}`
    // 403 is how an object store says a signed URL expired; a fresh one may do.
    if (response.status === 403) throw new ExpiredLinkError(why)
    if (response.status === 408 || response.status === 429 || response.status >= 500) {
      throw new TransientDownloadError(why)
    }
    throw new Error(why)
  }
  const declared = declaredLength(response.headers)
  if (!file.sizeUnknown && declared !== undefined && declared > file.size) {
    response.data.destroy()
    throw new OversizeError(
      `the store announced ${declared} bytes where Code Ocean listed ${file.size}; nothing was kept`
    )
  }
  return { body: response.data, declared }
}

/**
 * Each chunk of a transfer is a buffer of its own, outside V8's heap, and becomes
 * garbage once written; V8 frees it when it next collects its young generation. But
 * V8 starts that collection by what JavaScript allocates, not by the buffers' bytes, and
 * a transfer allocates almost nothing else: tens of MiB of spent buffers would pile up
 * between collections. So each chunk allocates a throwaway array of a sixteenth of its
 * length in slots (half its bytes, at 8 bytes a slot): with the download worker's 1 MiB
 * young generation (transfer-worker.ts), a collection then comes about every MiB of
 * bytes, and each is cheap (almost nothing in it lives). Measured with `npm run bench
 * -- downloads`: the action downloading a 1 GiB file peaked at 147–154 MiB without it,
 * 111 MiB with it, and took less CPU (frequent small collections cost less than a few
 * large ones).
 */
const pacing: { last?: unknown } = {}
function paceCollector(bytes: number): void {
  // In the main thread (a small download, see transfer-worker.ts) it would only add garbage.
  if (isMainThread) return
  // Kept (until the next chunk), so the compiler cannot leave the allocation out.
  pacing.last = new Array(bytes >>> 4)
}

/**
 * Writes `body` to the open file `fd` as it comes, each chunk at once and in full
 * (a synchronous write to the page cache, as curl does): no chunk waits in a queue,
 * none is held for a turn of the thread pool, and a chunk is garbage as soon as it is
 * on disk. Stops one chunk past `limit` bytes (failing with `tooBig`), or when `abort`
 * fires. Returns the bytes written.
 */
async function writeOut(
  body: Readable,
  fd: number,
  limit: number,
  tooBig: () => string,
  abort: AbortSignal
): Promise<number> {
  let bytes = 0
  addAbortSignal(abort, body)
  body.on('data', (chunk: Buffer) => {
    bytes += chunk.length
    if (bytes > limit) {
      body.destroy(new OversizeError(tooBig()))
      return
    }
    paceCollector(chunk.length)
    try {
      for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at)
    } catch (error) {
      body.destroy(error instanceof Error ? error : new Error(String(error)))
    }
  })
  await finished(body)
  return bytes
}

const openFile = promisify(open)

/** What ends one transfer: its cancel, or its overall deadline passing. */
interface Deadline {
  /** Aborts on a cancel or once the deadline passes. */
  signal: AbortSignal
  /** Whether it was the deadline that passed. */
  readonly passed: boolean
  readonly ms: number
  /** Stops the timer and stops listening for the cancel: call once the transfer is over. */
  end(): void
}

/**
 * One controller for a transfer's cancel and deadline: a timer and a listener, where
 * AbortSignal.timeout and AbortSignal.any made three signals a transfer, each followed
 * by the others (with 400 files, about 2% of the download worker's busy time in a CPU
 * profile).
 */
function transferDeadline(ms: number, cancel: AbortSignal | undefined): Deadline {
  const controller = new AbortController()
  let passed = false
  const onCancel = (): void => controller.abort(cancel?.reason)
  const timer = setTimeout(() => {
    passed = true
    controller.abort(new Error(`the transfer's deadline of ${formatDuration(ms)} passed`))
  }, ms)
  if (cancel?.aborted) onCancel()
  else cancel?.addEventListener('abort', onCancel, { once: true })
  return {
    signal: controller.signal,
    get passed() {
      return passed
    },
    ms,
    end: () => {
      clearTimeout(timer)
      cancel?.removeEventListener('abort', onCancel)
    }
  }
}

/** A fresh name beside `target` for a try's bytes, renamed to `target` once complete. */
export function partialName(target: string): string {
  // randomUUID draws from a cached pool of random bytes: cheaper per file than randomBytes.
  return `${target}.part-${randomUUID().slice(0, 8)}`
}

/** One try at one file: where it comes from and goes, and how long it may take. */
export interface TransferJob {
  /** The signed link. */
  url: string
  file: ResultFile
  /** Where it goes, checked (see download.ts). */
  target: string
  /**
   * Where it is written until complete (partialName): named by the thread that schedules
   * it, so that a worker that dies mid-transfer leaves nothing the main thread cannot remove.
   */
  partial: string
  /** The overall deadline of the transfer, in ms (already held to what a timer holds). */
  deadlineMs: number
}

/**
 * One try at one file: streamed to disk under a temporary name, held to its listed
 * size (or, listed without one, to what the store announces) and its deadline, and
 * renamed into place once complete. Returns the bytes written. `signal` is a cancel.
 */
export async function transferFile(store: StoreClient, job: TransferJob, signal?: AbortSignal): Promise<number> {
  const { url, file, target, partial } = job
  const deadline = transferDeadline(job.deadlineMs, signal)
  const abort = deadline.signal
  const brokeOff = (error: unknown): Error => brokenOff(error, signal, deadline)
  // The partial file is created while the request is on its way, by the thread pool:
  // creating a file takes the disk a while, which would otherwise hold up this thread
  // once the first bytes are there. 'wx': a fresh name (partialName) that exists already
  // is not ours to write through.
  const opening = openFile(partial, 'wx')
  // Seen in the finally below, whatever comes first; this only keeps it from counting as unhandled meanwhile.
  opening.catch(() => {})
  let closed = false
  let renamed = false
  try {
    const { body, declared } = await openTransfer(store, url, file, abort, brokeOff)
    // A file listed without a size is held to what the store announces, or, when it
    // announces nothing, only to the transfer's deadline.
    const limit = file.sizeUnknown ? (declared ?? Number.POSITIVE_INFINITY) : file.size
    const tooBig = (): string =>
      `the store sent more than the ${limit} bytes ${file.sizeUnknown ? 'it announced' : 'Code Ocean listed'}; the transfer was stopped`
    let size: number
    let fd: number
    try {
      fd = await opening
      size = await writeOut(body, fd, limit, tooBig, abort)
    } catch (error) {
      body.destroy()
      throw brokeOff(error)
    }
    // Marked first: a close that fails has released the descriptor all the same, and it must not be closed twice.
    closed = true
    closeSync(fd)
    // --- Listed without a size: checked against Content-Length, or accepted when neither is known.
    const expected = file.sizeUnknown ? declared : file.size
    if (expected !== undefined && size !== expected) {
      throw new TransientDownloadError(
        `got ${size} bytes where ${file.sizeUnknown ? 'the store announced' : 'Code Ocean listed'} ${expected}`
      )
    }
    // --- end of the check for files listed without a size.
    renameSync(partial, target)
    renamed = true
    return size
  } finally {
    deadline.end()
    const fd = await opening.catch(() => undefined)
    if (fd !== undefined && !closed) {
      try {
        closeSync(fd)
      } catch {
        // Released all the same; the error the transfer failed with is the one to tell.
      }
    }
    // Only a file this try created is removed ('wx' refused any other).
    if (fd !== undefined && !renamed) rmSync(partial, { force: true })
  }
}
