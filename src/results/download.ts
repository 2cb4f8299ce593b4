import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { lstat, mkdir, realpath, rename, rm, stat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pLimit from 'p-limit'
import { errorMessage, RequestAbortedError } from '../errors.js'
import { formatBytes, formatDuration } from '../format.js'
import { leadsOutOf } from '../within.js'
import { OversizeError, TransientDownloadError } from './errors.js'
import { safeResultPath, type ResultFile } from './listing.js'
import {
  byteLimit,
  declaredLength,
  objectStoreClient,
  storeError,
  transferDeadlineMs,
  type SignedUrlSource
} from './object-store.js'

export interface DownloadOptions {
  /** Files in flight at once. */
  concurrency?: number
  /** Tries per file, each with a fresh signed URL. */
  attempts?: number
  /** Per request, and the longest a transfer may stall. */
  timeoutMs?: number
  /** The overall deadline of one file's transfer, by its listed size (default transferDeadlineMs). */
  deadlineMs?: (bytes: number) => number
  /** The workspace: `folder` must stay inside it, links followed, or nothing is written. */
  workspace?: string
  /** Ends the download at once (a cancel): transfers stop, partial files are removed. */
  signal?: AbortSignal
  /** Told about progress every `progressEveryMs` while downloading lasts longer than that. */
  onProgress?: (line: string) => void
  progressEveryMs?: number
  onRetry?: (line: string) => void
}

export interface DownloadReport {
  folder: string
  files: number
  bytes: number
}

/**
 * Downloads result files into `folder`, a bounded number at a time, each streamed to
 * disk under a temporary name and renamed once complete and of the listed size. The
 * signed URLs go to an object store, so the Code Ocean credentials are never sent
 * there. No file is written outside `folder`: unsafe paths, and folders inside it that
 * are links leading out, are refused; so is a `folder` leading out of `workspace`.
 * Each transfer stops as soon as it exceeds the file's listed size or its deadline.
 */
export async function downloadResults(
  source: SignedUrlSource,
  runId: string,
  files: readonly ResultFile[],
  folder: string,
  options: DownloadOptions = {}
): Promise<DownloadReport> {
  const attempts = options.attempts ?? 3
  const timeoutMs = options.timeoutMs ?? 60_000
  const deadlineFor = options.deadlineMs ?? transferDeadlineMs
  const { signal } = options
  const refuseIfOutside = (): void => {
    const why = options.workspace === undefined ? undefined : leadsOutOf(folder, options.workspace)
    if (why !== undefined) throw new Error(`Refused to download into ${folder}: ${why}; nothing was written.`)
  }
  // Before anything is created, and again once the folder exists (a link may have appeared).
  refuseIfOutside()
  await mkdir(folder, { recursive: true })
  refuseIfOutside()
  const root = await realpath(folder)
  const { store, close } = objectStoreClient(timeoutMs)
  const total = files.reduce((sum, f) => sum + f.size, 0)
  let doneFiles = 0
  let doneBytes = 0
  const started = Date.now()
  const progressEvery = options.progressEveryMs ?? 5_000
  const progress = setInterval(() => {
    options.onProgress?.(
      `Downloaded ${doneFiles} of ${files.length} files (${formatBytes(doneBytes)} of ${formatBytes(total)}) in ${Math.round((Date.now() - started) / 1000)} s`
    )
  }, progressEvery)

  /** Resolves where a result goes, refusing anything that would land outside `root`. */
  const destination = async (path: string): Promise<string> => {
    const target = join(root, ...safeResultPath(path))
    await mkdir(dirname(target), { recursive: true })
    const parent = await realpath(dirname(target))
    if (parent !== root && !parent.startsWith(root + sep)) {
      throw new Error(
        `Refused the result path "${path}": a folder on its way is a link leading out of ${root}; nothing was written for it.`
      )
    }
    const existing = await lstat(target).catch(() => undefined)
    if (existing?.isSymbolicLink() || existing?.isDirectory()) {
      throw new Error(
        `Refused the result path "${path}": ${relative(root, target)} already exists as a ${existing.isDirectory() ? 'folder' : 'link'}; nothing was written for it.`
      )
    }
    return target
  }

  /** Why a transfer that broke off did: a cancel, its deadline, too many bytes, or the network (worth another try). */
  const brokenOff = (error: unknown, deadline: AbortSignal, ms: number): Error => {
    if (signal?.aborted) return new RequestAbortedError()
    if (error instanceof OversizeError) return error
    if (deadline.aborted) {
      return new Error(`it did not arrive within ${formatDuration(ms)} (60 s a file, or 1 s per MB beyond 60 MB)`)
    }
    return new TransientDownloadError(`the transfer broke off: ${errorMessage(error)}`)
  }
  /** Bytes each file turned out to have: the listing may not have said. */
  const received = new Map<string, number>()

  const fetchOnce = async (file: ResultFile, target: string): Promise<void> => {
    const url = await source.fileUrl(runId, file.path, { signal })
    const partial = `${target}.part-${randomBytes(4).toString('hex')}`
    const ms = deadlineFor(file.size)
    const deadline = AbortSignal.timeout(ms)
    const abort = signal ? AbortSignal.any([signal, deadline]) : deadline
    let limit = file.size
    const tooBig = (): string =>
      `the store sent more than the ${limit} bytes ${file.sizeUnknown ? 'it announced' : 'Code Ocean listed'}; the transfer was stopped`
    try {
      let response
      try {
        response = await store.get<Readable>(url, { signal: abort })
      } catch (error) {
        const why = brokenOff(error, deadline, ms)
        throw why instanceof TransientDownloadError
          ? new TransientDownloadError(`could not fetch it: ${errorMessage(error)}`)
          : why
      }
      if (response.status !== 200) {
        const why = `the store answered HTTP ${response.status}: ${await storeError(response.data)}`
        // 403 is how an object store says a signed URL expired; a fresh one may do.
        if (response.status === 403 || response.status === 408 || response.status === 429 || response.status >= 500) {
          throw new TransientDownloadError(why)
        }
        throw new Error(why)
      }
      const declared = declaredLength(response.headers)
      // A file listed without a size is held to what the store announces, or, when it
      // announces nothing, only to the transfer's deadline.
      if (file.sizeUnknown) limit = declared ?? Number.POSITIVE_INFINITY
      else if (declared !== undefined && declared > file.size) {
        response.data.destroy()
        throw new OversizeError(
          `the store announced ${declared} bytes where Code Ocean listed ${file.size}; nothing was kept`
        )
      }
      try {
        await pipeline(response.data, byteLimit(limit, tooBig), createWriteStream(partial), { signal: abort })
      } catch (error) {
        throw brokenOff(error, deadline, ms)
      }
      const { size } = await stat(partial)
      // --- Listed without a size: checked against Content-Length, or accepted when neither is known.
      const expected = file.sizeUnknown ? declared : file.size
      if (expected !== undefined && size !== expected) {
        throw new TransientDownloadError(
          `got ${size} bytes where ${file.sizeUnknown ? 'the store announced' : 'Code Ocean listed'} ${expected}`
        )
      }
      received.set(file.path, size)
      // --- end of the check for files listed without a size.
      await rename(partial, target)
    } finally {
      await rm(partial, { force: true })
    }
  }

  const fetchFile = async (file: ResultFile): Promise<void> => {
    const target = await destination(file.path)
    for (let attempt = 1; ; attempt++) {
      try {
        await fetchOnce(file, target)
        doneFiles += 1
        doneBytes += received.get(file.path) ?? file.size
        return
      } catch (error) {
        if (error instanceof RequestAbortedError) throw error
        if (!(error instanceof TransientDownloadError) || attempt >= attempts) {
          throw new Error(`Could not download result "${file.path}": ${errorMessage(error)}`, { cause: error })
        }
        options.onRetry?.(
          `Downloading result "${file.path}" failed (${errorMessage(error)}); trying again with a fresh link (attempt ${attempt + 1} of ${attempts})`
        )
      }
    }
  }

  const limit = pLimit(options.concurrency ?? 8)
  let failure: unknown
  try {
    // After a failure, files not yet begun are skipped, and those under way are let
    // finish, so nothing is still writing when this returns.
    await Promise.allSettled(
      files.map((file) =>
        limit(async () => {
          if (failure !== undefined || signal?.aborted) return
          await fetchFile(file).catch((error: unknown) => {
            failure ??= error
          })
        })
      )
    )
    if (signal?.aborted) throw new RequestAbortedError()
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows the first failure exactly as it was caught
    if (failure !== undefined) throw failure
  } finally {
    clearInterval(progress)
    close()
  }
  return { folder: root, files: doneFiles, bytes: doneBytes }
}
