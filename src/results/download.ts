import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { lstat, mkdir, realpath, rename, rm, stat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { AxiosInstance } from 'axios'
import pLimit, { type LimitFunction } from 'p-limit'
import { errorMessage, RequestAbortedError } from '../errors.js'
import { formatBytes, formatDuration } from '../format.js'
import { leadsOutOf } from '../within.js'
import { ExpiredLinkError, OversizeError, TransientDownloadError } from './errors.js'
import { safeResultPath, type ResultFile } from './listing.js'
import { runWithLookAhead } from './look-ahead.js'
import {
  byteLimit,
  declaredLength,
  objectStoreClient,
  storeAddressRefusal,
  storeError,
  transferDeadlineMs,
  type SignedUrlSource
} from './object-store.js'
import { isStale, type SignedLink } from './signed-link.js'
import type { StoreRules } from './store-address.js'

export interface DownloadOptions {
  /** Transfers from the object store at once, and link requests to Code Ocean at once (default 8). */
  concurrency?: number
  /**
   * Files whose link is asked for, or already there, before their transfer can begin
   * (default 8): so a transfer seldom waits for Code Ocean, and no link waits long.
   */
  lookAhead?: number
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
  /** Told of each file once it is complete and in place, by its listed path. */
  onFileDone?: (path: string) => void
  /** Where links and redirects may lead (default: nowhere on this machine, see store-address.ts). */
  storeRules?: StoreRules
}

export interface DownloadReport {
  folder: string
  files: number
  bytes: number
}

/** What every transfer of one download shares. */
interface Transfers {
  source: SignedUrlSource
  runId: string
  store: AxiosInstance
  /** Bounds the link requests to Code Ocean in flight at once. */
  linkRequests: LimitFunction
  /** The overall deadline of one file's transfer, by its listed size. */
  deadlineFor: (bytes: number) => number
  signal?: AbortSignal
}

/**
 * Creates `folder` and returns its real path, refusing a `folder` that leads out of
 * `workspace`: checked before anything is created, and again once the folder exists
 * (a link may have appeared).
 */
async function prepareFolder(folder: string, workspace: string | undefined): Promise<string> {
  const refuseIfOutside = (): void => {
    const why = workspace === undefined ? undefined : leadsOutOf(folder, workspace)
    if (why !== undefined) throw new Error(`Refused to download into ${folder}: ${why}; nothing was written.`)
  }
  refuseIfOutside()
  await mkdir(folder, { recursive: true })
  refuseIfOutside()
  return realpath(folder)
}

/** Resolves where a result goes, refusing anything that would land outside `root`. */
async function destination(root: string, path: string): Promise<string> {
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

/** A file made ready ahead of its transfer: where it goes, and its link, or why asking for it failed. */
interface Prepared {
  target: string
  early: { link: SignedLink } | { error: unknown }
}

/** Asks Code Ocean for a fresh signed link to `file`, noting when it came. */
async function askLink(transfers: Transfers, file: ResultFile, signal?: AbortSignal): Promise<SignedLink> {
  const url = await transfers.linkRequests(() =>
    transfers.source.fileUrl(transfers.runId, file.path, { signal: signal ?? transfers.signal })
  )
  return { url, receivedAt: performance.now() }
}

/**
 * Ahead of a file's transfer: checks where it goes (a refusal fails the file as it is)
 * and asks for its link; a failed request is kept, to fail the file's first try in its turn.
 */
async function prepare(transfers: Transfers, root: string, file: ResultFile, signal: AbortSignal): Promise<Prepared> {
  const target = await destination(root, file.path)
  try {
    return { target, early: { link: await askLink(transfers, file, signal) } }
  } catch (error) {
    return { target, early: { error } }
  }
}

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

/**
 * One try at one file: streamed to disk under a temporary name, held to its listed
 * size (or, listed without one, to what the store announces) and its deadline, and
 * renamed into place once complete. Returns the bytes written.
 */
async function fetchOnce(transfers: Transfers, file: ResultFile, target: string, url: string): Promise<number> {
  const partial = `${target}.part-${randomBytes(4).toString('hex')}`
  const ms = transfers.deadlineFor(file.size)
  const deadline = AbortSignal.timeout(ms)
  const abort = transfers.signal ? AbortSignal.any([transfers.signal, deadline]) : deadline
  const brokeOff = (error: unknown): Error => brokenOff(error, transfers.signal, deadline, ms)
  try {
    const { body, declared } = await openTransfer(transfers.store, url, file, abort, brokeOff)
    // A file listed without a size is held to what the store announces, or, when it
    // announces nothing, only to the transfer's deadline.
    const limit = file.sizeUnknown ? (declared ?? Number.POSITIVE_INFINITY) : file.size
    const tooBig = (): string =>
      `the store sent more than the ${limit} bytes ${file.sizeUnknown ? 'it announced' : 'Code Ocean listed'}; the transfer was stopped`
    try {
      await pipeline(body, byteLimit(limit, tooBig), createWriteStream(partial), { signal: abort })
    } catch (error) {
      throw brokeOff(error)
    }
    const { size } = await stat(partial)
    // --- Listed without a size: checked against Content-Length, or accepted when neither is known.
    const expected = file.sizeUnknown ? declared : file.size
    if (expected !== undefined && size !== expected) {
      throw new TransientDownloadError(
        `got ${size} bytes where ${file.sizeUnknown ? 'the store announced' : 'Code Ocean listed'} ${expected}`
      )
    }
    // --- end of the check for files listed without a size.
    await rename(partial, target)
    return size
  } finally {
    await rm(partial, { force: true })
  }
}

/**
 * One file, tried up to `attempts` times while what failed may pass with a fresh
 * link; a cancel ends it at once. The first try uses the link asked for ahead while it
 * is young (see signed-link.ts), later tries a link asked for just before. A link asked
 * for ahead that the store refuses (403, how S3 says a link expired) is asked for again
 * once, without counting as a try: its age was the download's doing. Returns the bytes written.
 */
async function fetchFile(
  transfers: Transfers,
  file: ResultFile,
  prepared: Promise<Prepared>,
  attempts: number,
  onRetry: ((line: string) => void) | undefined
): Promise<number> {
  const { target, early } = await prepared
  let ahead: Prepared['early'] | undefined = early
  let renewed = false
  for (let attempt = 1; ;) {
    // The link asked for ahead, if there is one and it is still young; else one asked for now.
    const young =
      ahead !== undefined && 'link' in ahead && !isStale(ahead.link, performance.now()) ? ahead.link : undefined
    const failedAhead = ahead !== undefined && 'error' in ahead ? ahead : undefined
    ahead = undefined
    try {
      if (failedAhead) throw failedAhead.error
      const link = young ?? (await askLink(transfers, file))
      return await fetchOnce(transfers, file, target, link.url)
    } catch (error) {
      if (error instanceof RequestAbortedError) throw error
      if (error instanceof ExpiredLinkError && young !== undefined && !renewed) {
        renewed = true
        onRetry?.(`The link to result "${file.path}" was refused (${errorMessage(error)}); asking for a fresh one`)
        continue
      }
      if (!(error instanceof TransientDownloadError) || attempt >= attempts) {
        throw new Error(`Could not download result "${file.path}": ${errorMessage(error)}`, { cause: error })
      }
      attempt += 1
      onRetry?.(
        `Downloading result "${file.path}" failed (${errorMessage(error)}); trying again with a fresh link (attempt ${attempt} of ${attempts})`
      )
    }
  }
}

/** Files and bytes done so far, told every `everyMs` while the download lasts longer than that. */
function trackProgress(
  files: readonly ResultFile[],
  everyMs: number,
  onProgress: ((line: string) => void) | undefined
): { done: { files: number; bytes: number }; stop: () => void } {
  const total = files.reduce((sum, f) => sum + f.size, 0)
  const done = { files: 0, bytes: 0 }
  const started = Date.now()
  const timer = setInterval(() => {
    onProgress?.(
      `Downloaded ${done.files} of ${files.length} files (${formatBytes(done.bytes)} of ${formatBytes(total)}) in ${Math.round((Date.now() - started) / 1000)} s`
    )
  }, everyMs)
  return { done, stop: () => clearInterval(timer) }
}

/**
 * Downloads result files into `folder`, a bounded number at a time, each streamed to
 * disk under a temporary name and renamed once complete and of the listed size. Links
 * are asked for a few files ahead, so transfers do not wait on Code Ocean between files. The
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
  const root = await prepareFolder(folder, options.workspace)
  const { store, close } = objectStoreClient(options.timeoutMs ?? 60_000, options.storeRules)
  const concurrency = options.concurrency ?? 8
  const transfers: Transfers = {
    source,
    runId,
    store,
    linkRequests: pLimit(concurrency),
    deadlineFor: options.deadlineMs ?? transferDeadlineMs,
    signal: options.signal
  }
  const progress = trackProgress(files, options.progressEveryMs ?? 5_000, options.onProgress)
  try {
    await runWithLookAhead(
      files,
      { concurrency, ahead: options.lookAhead ?? 8, signal: options.signal },
      (file, signal) => prepare(transfers, root, file, signal),
      async (file, prepared) => {
        const bytes = await fetchFile(transfers, file, prepared, options.attempts ?? 3, options.onRetry)
        progress.done.files += 1
        progress.done.bytes += bytes
        options.onFileDone?.(file.path)
      }
    )
  } finally {
    progress.stop()
    close()
  }
  return { folder: root, ...progress.done }
}
