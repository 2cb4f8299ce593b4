import { lstatSync } from 'node:fs'
import { mkdir, realpath } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import pLimit, { type LimitFunction } from 'p-limit'
import { capText } from '../caps.js'
import { errorMessage, RequestAbortedError } from '../errors.js'
import { formatBytes } from '../format.js'
import { isWithin, leadsOutOf } from '../within.js'
import { ExpiredLinkError, StaleLinkError, TransientDownloadError } from './errors.js'
import { safeResultPath, type ResultFile } from './listing.js'
import { runWithLookAhead } from './look-ahead.js'
import { transferDeadlineMs, type SignedUrlSource } from './object-store.js'
import { freshFor, isStale, type SignedLink } from './signed-link.js'
import type { StoreRules } from './store-address.js'
import { transferrer, warmTransferWorker, type Transferrer, type WorkerSettings } from './transfer-worker.js'
import { partialName } from './transfer.js'

export interface DownloadOptions {
  /** Transfers from the object store at once, and link requests to Code Ocean at once (default 8). */
  concurrency?: number
  /**
   * Files whose link is asked for, or already there, before their transfer is handed
   * over (default 8; 4 more wait handed over, see HANDED_OVER_AHEAD): so a transfer
   * seldom waits for Code Ocean, and no link waits long.
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

/**
 * Transfers handed to the transferrer beyond the `concurrency` it runs at once: they
 * wait there, so a transfer that ends is followed at once by the next one in the
 * thread that runs them (see transfer-queue.ts). Measured with `npm run bench --
 * downloads`: 5,000 files of 4 KiB took 4–5% less time with 4 waiting than with none.
 */
const HANDED_OVER_AHEAD = 4

/** What every transfer of one download shares. */
interface Transfers {
  source: SignedUrlSource
  runId: string
  /** Runs each transfer (in a worker, in the action: see transfer-worker.ts). */
  transferrer: Transferrer
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

/**
 * The folders results go into, each created and checked once per download (a promise,
 * so files of one folder being prepared at once share it): nothing but this download
 * writes there meanwhile, and it writes only files, so a folder found inside `root`
 * stays there.
 */
type CheckedFolders = Map<string, Promise<string | undefined>>

/** Creates the folder `parent`; says why not when it is a link leading out of `root` (undefined: it is fine). */
async function checkFolder(root: string, parent: string): Promise<string | undefined> {
  await mkdir(parent, { recursive: true })
  const real = await realpath(parent)
  return isWithin(real, root) ? undefined : `a folder on its way is a link leading out of ${root}`
}

/** Resolves where a result goes, refusing anything that would land outside `root`. */
async function destination(root: string, path: string, folders: CheckedFolders): Promise<string> {
  const target = join(root, ...safeResultPath(path))
  const parent = dirname(target)
  let checked = folders.get(parent)
  if (checked === undefined) {
    checked = checkFolder(root, parent)
    folders.set(parent, checked)
  }
  const refused = await checked
  if (refused !== undefined)
    throw new Error(`Refused the result path "${capText(path)}": ${refused}; nothing was written for it.`)
  // Synchronous, and asked not to throw: the target is almost never there, and a thrown
  // ENOENT (an error, its stack captured) cost more than the look itself (CPU profile of
  // 400 files: 95 ms of the main thread's time), while a look at a folder it just read is a few µs.
  const existing = lstatSync(target, { throwIfNoEntry: false })
  if (existing?.isSymbolicLink() || existing?.isDirectory()) {
    throw new Error(
      `Refused the result path "${capText(path)}": ${capText(relative(root, target))} already exists as a ${existing.isDirectory() ? 'folder' : 'link'}; nothing was written for it.`
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
async function prepare(
  transfers: Transfers,
  root: string,
  folders: CheckedFolders,
  file: ResultFile,
  signal: AbortSignal
): Promise<Prepared> {
  const target = await destination(root, file.path, folders)
  try {
    return { target, early: { link: await askLink(transfers, file, signal) } }
  } catch (error) {
    return { target, early: { error } }
  }
}

/**
 * One file, tried up to `attempts` times while what failed may pass with a fresh
 * link; a cancel ends it at once, and `withdraw` (another file failed) stops it before
 * its next link or try. The first try uses the link asked for ahead while it
 * is young (see signed-link.ts), later tries a link asked for just before. A link asked
 * for ahead that the store refuses (403, how S3 says a link expired) is asked for again
 * once, without counting as a try: its age was the download's doing. Returns the bytes written.
 */
async function fetchFile(
  transfers: Transfers,
  file: ResultFile,
  prepared: Promise<Prepared>,
  withdraw: AbortSignal,
  attempts: number,
  onRetry: ((line: string) => void) | undefined
): Promise<number> {
  const { target, early } = await prepared
  let ahead: Prepared['early'] | undefined = early
  let renewed = false
  let stale = false
  // A path from Code Ocean, of any length: capped where it is told.
  const shown = capText(file.path)
  for (let attempt = 1; ;) {
    // Another file failed: nothing more begins (what is under way is let finish).
    if (withdraw.aborted) throw new RequestAbortedError()
    // The link asked for ahead, if there is one and it is still young; else one asked for now.
    const now = performance.now()
    const young = ahead !== undefined && 'link' in ahead && !isStale(ahead.link, now) ? ahead.link : undefined
    const failedAhead = ahead !== undefined && 'error' in ahead ? ahead : undefined
    ahead = undefined
    try {
      if (failedAhead) throw failedAhead.error
      const link = young ?? (await askLink(transfers, file, withdraw))
      const job = {
        url: link.url,
        file,
        target,
        partial: partialName(target),
        deadlineMs: transfers.deadlineFor(file.size)
      }
      // One clock reading decides a link asked for ahead is young and how long it stays so.
      const freshForMs = freshFor(link, young === undefined ? performance.now() : now)
      return await transfers.transferrer.transfer(job, { freshForMs, cancel: transfers.signal, withdraw, first: stale })
    } catch (error) {
      if (error instanceof RequestAbortedError) throw error
      // It waited for a slot longer than its link may be used: not a try; asked for
      // again, and handed over again at the head of the queue.
      stale = error instanceof StaleLinkError
      if (stale) continue
      if (error instanceof ExpiredLinkError && young !== undefined && !renewed) {
        renewed = true
        onRetry?.(`The link to result "${shown}" was refused (${errorMessage(error)}); asking for a fresh one`)
        continue
      }
      if (!(error instanceof TransientDownloadError) || attempt >= attempts) {
        throw new Error(`Could not download result "${shown}": ${errorMessage(error)}`, { cause: error })
      }
      attempt += 1
      onRetry?.(
        `Downloading result "${shown}" failed (${errorMessage(error)}); trying again with a fresh link (attempt ${attempt} of ${attempts})`
      )
    }
  }
}

/** Files and bytes done so far, of `total`, told every `everyMs` while the download lasts longer than that. */
function trackProgress(
  total: { files: number; bytes: number },
  everyMs: number,
  onProgress: ((line: string) => void) | undefined
): { done: { files: number; bytes: number }; stop: () => void } {
  const done = { files: 0, bytes: 0 }
  const started = Date.now()
  const timer = setInterval(() => {
    onProgress?.(
      `Downloaded ${done.files} of ${total.files} files (${formatBytes(done.bytes)} of ${formatBytes(total.bytes)}) in ${Math.round((Date.now() - started) / 1000)} s`
    )
  }, everyMs)
  return { done, stop: () => clearInterval(timer) }
}

/** How the transfers of a download with `options` run (the same for a worker started ahead of it). */
function transferSettings(options: DownloadOptions): WorkerSettings {
  return { timeoutMs: options.timeoutMs ?? 60_000, rules: options.storeRules, concurrency: options.concurrency ?? 8 }
}

/**
 * Makes ready for a download with `options` that may come later (while the run it is
 * of is followed): its worker, if it needs one, is then started already (see
 * warmTransferWorker). Costs nothing in tests and scripts, where transfers run in the calling thread.
 */
export function prepareForDownload(options: Pick<DownloadOptions, 'timeoutMs' | 'storeRules' | 'concurrency'>): void {
  warmTransferWorker(transferSettings(options))
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
  const settings = transferSettings(options)
  const { concurrency } = settings
  const transfer = transferrer(settings, files)
  const transfers: Transfers = {
    source,
    runId,
    transferrer: transfer,
    linkRequests: pLimit(concurrency),
    deadlineFor: options.deadlineMs ?? transferDeadlineMs,
    signal: options.signal
  }
  const total = { files: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) }
  if (transfer.inWorker) {
    const unknown = files.some((f) => f.sizeUnknown) ? ' and files of unknown size' : ''
    const ahead = transfer.startedAhead ? ', started while the run went on' : ''
    options.onProgress?.(
      `Downloading ${formatBytes(total.bytes)}${unknown} in a worker thread with a heap of its own${ahead}`
    )
  }
  const progress = trackProgress(total, options.progressEveryMs ?? 5_000, options.onProgress)
  const folders: CheckedFolders = new Map()
  try {
    await runWithLookAhead(
      files,
      { concurrency: concurrency + HANDED_OVER_AHEAD, ahead: options.lookAhead ?? 8, signal: options.signal },
      (file, signal) => prepare(transfers, root, folders, file, signal),
      async (file, prepared, stop) => {
        const bytes = await fetchFile(transfers, file, prepared, stop, options.attempts ?? 3, options.onRetry)
        progress.done.files += 1
        progress.done.bytes += bytes
        options.onFileDone?.(file.path)
      }
    )
  } finally {
    progress.stop()
    transfer.close()
  }
  return { folder: root, ...progress.done }
}
