import { minimatch } from 'minimatch'
import pLimit from 'p-limit'
import type { ResultItem } from '../codeocean/models/result-item.js'

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
  list(id: string, path: string): Promise<ResultItem[]>
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

export interface WalkOptions {
  /** Listing calls in flight at once. */
  concurrency?: number
  keep?: (path: string) => boolean
}

/**
 * Lists every result file: Code Ocean lists one folder per call, so folders are
 * walked breadth-first with a bounded number of listings in flight. Paths are
 * checked as they arrive; an unsafe one stops the walk.
 */
export async function listResultFiles(
  lister: ResultLister,
  id: string,
  options: WalkOptions = {}
): Promise<ResultFile[]> {
  const limit = pLimit(options.concurrency ?? 8)
  const keep = options.keep ?? (() => true)
  const files: ResultFile[] = []
  const seen = new Set<string>()
  const walk = async (folder: string): Promise<void> => {
    const items = await limit(() => lister.list(id, folder))
    const subfolders: Promise<void>[] = []
    for (const item of items) {
      safeResultPath(item.path)
      if (item.type === 'folder') {
        // A server that lists a folder inside itself must not loop the walk forever.
        if (seen.has(item.path)) continue
        seen.add(item.path)
        subfolders.push(walk(item.path))
      } else if (keep(item.path)) {
        files.push(
          item.size === undefined
            ? { path: item.path, size: 0, sizeUnknown: true }
            : { path: item.path, size: item.size }
        )
      }
    }
    await Promise.all(subfolders)
  }
  await walk('')
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
