/**
 * One transfer from the object store to disk: the part of a download that handles the
 * file's bytes. It runs wherever those bytes are best handled (see transfer-worker.ts);
 * download.ts decides what to fetch, with which link, and when.
 */
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { AxiosInstance } from 'axios'
import { errorMessage, RequestAbortedError } from '../errors.js'
import { formatDuration } from '../format.js'
import { ExpiredLinkError, OversizeError, TransientDownloadError } from './errors.js'
import type { ResultFile } from './listing.js'
import { byteLimit, declaredLength, storeAddressRefusal, storeError } from './object-store.js'

/** Why a transfer that broke off did: a cancel, its deadline, too many bytes, or the network (worth another try). */
function brokenOff(error: unknown, signal: AbortSignal | undefined, deadline: AbortSignal, ms: number): Error {
  if (signal?.aborted) return new RequestAbortedError()
  if (error instanceof OversizeError) return error
  if (deadline.aborted) {
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
  store: AxiosInstance,
  url: string,
  file: ResultFile,
  abort: AbortSignal,
  brokeOff: (error: unknown) => Error
): Promise<{ body: Readable; declared: number | undefined }> {
  let response
  try {
    response = await store.get<Readable>(url, { signal: abort })
  } catch (error) {
    // A link to a forbidden address is final: no connection was made, and a fresh link from the same server would lead there too.
    const refused = storeAddressRefusal(error)
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

/** A fresh name beside `target` for a try's bytes, renamed to `target` once complete. */
export function partialName(target: string): string {
  return `${target}.part-${randomBytes(4).toString('hex')}`
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
export async function transferFile(store: AxiosInstance, job: TransferJob, signal?: AbortSignal): Promise<number> {
  const { url, file, target, partial, deadlineMs: ms } = job
  const deadline = AbortSignal.timeout(ms)
  const abort = signal ? AbortSignal.any([signal, deadline]) : deadline
  const brokeOff = (error: unknown): Error => brokenOff(error, signal, deadline, ms)
  let renamed = false
  try {
    const { body, declared } = await openTransfer(store, url, file, abort, brokeOff)
    // A file listed without a size is held to what the store announces, or, when it
    // announces nothing, only to the transfer's deadline.
    const limit = file.sizeUnknown ? (declared ?? Number.POSITIVE_INFINITY) : file.size
    const tooBig = (): string =>
      `the store sent more than the ${limit} bytes ${file.sizeUnknown ? 'it announced' : 'Code Ocean listed'}; the transfer was stopped`
    // What passed the limit once the pipeline is through is what the file holds: counted, not asked of the disk.
    const written = { bytes: 0 }
    try {
      await pipeline(body, byteLimit(limit, tooBig, written), createWriteStream(partial), { signal: abort })
    } catch (error) {
      throw brokeOff(error)
    }
    const size = written.bytes
    // --- Listed without a size: checked against Content-Length, or accepted when neither is known.
    const expected = file.sizeUnknown ? declared : file.size
    if (expected !== undefined && size !== expected) {
      throw new TransientDownloadError(
        `got ${size} bytes where ${file.sizeUnknown ? 'the store announced' : 'Code Ocean listed'} ${expected}`
      )
    }
    // --- end of the check for files listed without a size.
    await rename(partial, target)
    renamed = true
    return size
  } finally {
    // Each call to the disk is a turn of the thread pool inside the transfer's slot: none when nothing is left over.
    if (!renamed) await rm(partial, { force: true })
  }
}
