import { minimatch } from 'minimatch'
import pLimit from 'p-limit'
import type { ResultItem } from '../codeocean/models/result-item.js'
import { RequestAbortedError } from '../errors.js'
import { ListingLimitError } from './errors.js'

/** A result file to fetch. */
export interface ResultFile {
  path: string
  /** As listed; 0 when the listing gave none (see sizeUnknown). */
  size: number
  /** The listing had no size (Code Ocean's model makes it optional): the download checks Content-Length instead. */
  sizeUnknown?: true
}

/** Lists one folder of a run's results (the Code Ocean client's `results` does). */
export interface ResultLister {
  list(id: string, path: string, call?: { signal?: AbortSignal }): Promise<ResultItem[]>
}

/**
 * Checks that a result path, as Code Ocean names it, stays inside the results folder:
 * relative, no `..`, no empty or `.` segments, no backslashes or NUL. Returns the
 * path's segments. A hostile or broken server must not make the action write
 * anywhere else.
 */
export function safeResultPath(path: string): string[] {
  const problem = (why: string): never => {
    throw new Error(`Refused the result path "${path}": ${why}; nothing was written for it.`)
  }
  if (path === '') problem('it is empty')
  if (path.includes('\0')) problem('it contains a NUL byte')
  if (path.includes('\\')) problem('it contains a backslash')
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) problem('it is absolute')
  const segments = path.split('/')
  for (const segment of segments) {
    if (segment === '..') problem('it climbs out of the results folder with ".."')
    if (segment === '' || segment === '.') problem('it has an empty or "." segment')
  }
  return segments
}

/**
 * Compiles `results-filter`: newline-separated globs, `!` to exclude. A path is kept
 * when it matches an include (or there are none) and no exclude. Dotfiles match too.
 */
export function resultFilter(patterns: readonly string[]): (path: string) => boolean {
  const includes = patterns.filter((p) => !p.startsWith('!'))
  const excludes = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1))
  const matches = (path: string, pattern: string): boolean => minimatch(path, pattern, { dot: true })
  return (path) =>
    (includes.length === 0 || includes.some((p) => matches(path, p))) && !excludes.some((p) => matches(path, p))
}

/** How deep the walk goes: folders nested deeper than this are not listed. */
export const MAX_LISTING_DEPTH = 64
/** Listing calls one walk may make: one per folder, so also the most folders it visits. */
export const MAX_LISTING_CALLS = 10_000
/** Result files one walk may collect. */
export const MAX_RESULT_FILES = 100_000

interface ListingLimits {
  depth: number
  calls: number
  files: number
}

const LISTING_LIMITS: ListingLimits = {
  depth: MAX_LISTING_DEPTH,
  calls: MAX_LISTING_CALLS,
  files: MAX_RESULT_FILES
}

/** The walk stops at one of its limits: `what` says which, and the message the limits of all three. */
function stoppedAt(what: string): ListingLimitError {
  return new ListingLimitError(
    `Stopped listing the run's results at a limit: ${what}. The action lists at most ${MAX_LISTING_DEPTH} folders deep, ` +
      `${MAX_LISTING_CALLS.toLocaleString('en-US')} folders and ${MAX_RESULT_FILES.toLocaleString('en-US')} files.`
  )
}

function tooManyCalls(calls: number): ListingLimitError {
  return stoppedAt(`it needs more than ${calls.toLocaleString('en-US')} listing calls (one per folder)`)
}

/** A long path, cut for a message. */
function shorten(path: string): string {
  return path.length > 120 ? `${path.slice(0, 60)}…${path.slice(-60)}` : path
}

export interface WalkOptions {
  /** Listing calls in flight at once. */
  concurrency?: number
  keep?: (path: string) => boolean
  /** Ends the walk at once (a cancel): calls in flight are aborted, none are begun. */
  signal?: AbortSignal
  /** Overrides of the limits, for tests. */
  limits?: Partial<ListingLimits>
}

/**
 * Takes in the items of each listing as they come: checks every path (an unsafe one
 * throws), keeps the files `keep` wants, and returns each folder still to list, once.
 * Throws at a limit on depth, folders (each costs a call) or files.
 */
function resultCollector(
  limits: ListingLimits,
  keep: (path: string) => boolean
): { take: (item: ResultItem) => string | undefined; files: ResultFile[] } {
  const files: ResultFile[] = []
  const seen = new Set<string>()
  const take = (item: ResultItem): string | undefined => {
    safeResultPath(item.path)
    if (item.type === 'folder') {
      // A server that lists a folder inside itself must not loop the walk forever.
      if (seen.has(item.path)) return undefined
      seen.add(item.path)
      // Each folder costs a call: more folders than calls would only queue work that cannot be done.
      if (seen.size >= limits.calls) throw tooManyCalls(limits.calls)
      const depth = item.path.split('/').length
      if (depth > limits.depth) {
        throw stoppedAt(`a folder is nested more than ${limits.depth} folders deep ("${shorten(item.path)}")`)
      }
      return item.path
    }
    if (!keep(item.path)) return undefined
    if (files.length >= limits.files) {
      throw stoppedAt(`there are more than ${limits.files.toLocaleString('en-US')} result files`)
    }
    // Code Ocean's model makes a file's size optional: such a file is still downloaded, and checked against its transfer.
    files.push(
      item.size === undefined ? { path: item.path, size: 0, sizeUnknown: true } : { path: item.path, size: item.size }
    )
    return undefined
  }
  return { take, files }
}

/**
 * Lists every result file: Code Ocean lists one folder per call, so folders are
 * walked breadth-first with a bounded number of listings in flight. Paths are
 * checked as they arrive; an unsafe one stops the walk. So does reaching a limit
 * on depth, calls or files, with a message that names it: a server whose tree keeps
 * branching must not keep the step listing for ever.
 */
export async function listResultFiles(
  lister: ResultLister,
  id: string,
  options: WalkOptions = {}
): Promise<ResultFile[]> {
  const limits = { ...LISTING_LIMITS, ...options.limits }
  const limit = pLimit(options.concurrency ?? 8)
  const collected = resultCollector(limits, options.keep ?? (() => true))
  // Aborted on the first failure too, so calls in flight end and no new ones begin.
  const stop = new AbortController()
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal
  let calls = 0
  let failure: unknown

  const list = (folder: string): Promise<ResultItem[] | undefined> =>
    limit(async () => {
      if (signal.aborted) return undefined
      calls += 1
      if (calls > limits.calls) throw tooManyCalls(limits.calls)
      return lister.list(id, folder, { signal })
    })

  const walk = async (folder: string): Promise<void> => {
    try {
      const items = await list(folder)
      if (items === undefined || signal.aborted) return
      const subfolders = items.map(collected.take).filter((path) => path !== undefined)
      await Promise.all(subfolders.map(walk))
    } catch (error) {
      failure ??= error
      stop.abort()
    }
  }
  await walk('')
  if (options.signal?.aborted) throw new RequestAbortedError()
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows the first failure exactly as it was caught
  if (failure !== undefined) throw failure
  return collected.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
