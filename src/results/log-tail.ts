import { RequestAbortedError } from '../errors.js'
import { formatDuration } from '../format.js'
import type { StoreRules } from './store-address.js'
import { objectStoreClient, storeError, transferDeadlineMs, type SignedUrlSource } from './object-store.js'

/** The result file holding a run's console output. */
export const CONSOLE_LOG = 'output'

/** Characters kept of one console log line; the rest is cut, and the cut marked. */
export const MAX_LOG_LINE_CHARS = 1_000

/** Bytes asked of the end of the console log (`Range: bytes=-N`): enough for 100 full lines. */
const LOG_TAIL_BYTES = 128 * 1024

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g

/**
 * Keeps the last `max` lines of a text arriving in chunks, without holding all of it.
 * `\r\n`, `\n` and a lone `\r` all end a line: progress bars (tqdm) redraw with `\r`
 * alone, and each redraw is a line of its own. A line is kept to `maxChars`
 * characters, so one endless line costs no more memory than a short one.
 */
export class LineTail {
  private readonly lines: string[] = []
  private partial = ''
  /** Characters of the current line dropped past `maxChars`. */
  private cut = 0
  /** The last chunk ended in `\r`: a `\n` opening the next one belongs to it. */
  private afterCR = false

  constructor(
    private readonly max: number,
    private readonly maxChars = MAX_LOG_LINE_CHARS
  ) {}

  push(chunk: string): void {
    let start = 0
    if (this.afterCR && chunk.startsWith('\n')) start = 1
    this.afterCR = false
    const breaks = /\r\n|\r|\n/g
    breaks.lastIndex = start
    for (let match = breaks.exec(chunk); match !== null; match = breaks.exec(chunk)) {
      this.append(chunk.slice(start, match.index))
      this.finishLine()
      start = match.index + match[0].length
    }
    this.append(chunk.slice(start))
    this.afterCR = chunk.endsWith('\r')
  }

  end(): string[] {
    if (this.partial !== '' || this.cut > 0) this.finishLine()
    return [...this.lines]
  }

  private append(text: string): void {
    const room = this.maxChars - this.partial.length
    if (text.length <= room) this.partial += text
    else {
      this.partial += text.slice(0, Math.max(0, room))
      this.cut += text.length - Math.max(0, room)
    }
  }

  private finishLine(): void {
    const marked = this.cut > 0 ? `${this.partial} … [${this.cut} more characters cut]` : this.partial
    this.lines.push(marked.replace(ANSI, ''))
    if (this.lines.length > this.max) this.lines.shift()
    this.partial = ''
    this.cut = 0
  }
}

/**
 * The line that best says why a run failed: the last line that reads like an error,
 * else the last line with some words in it (not a blank or a row of dashes).
 */
export function lastMeaningfulLine(lines: readonly string[]): string | undefined {
  const telling = tellingIndex(lines)
  return telling < 0 ? undefined : lines[telling].trim()
}

/** Where lastMeaningfulLine's line is in `lines`, or -1: explainingLines shows the lines around it. */
function tellingIndex(lines: readonly string[]): number {
  const errorLike = lines.findLastIndex((line) => isMeaningful(line) && isErrorLike(line))
  return errorLike >= 0 ? errorLike : lines.findLastIndex(isMeaningful)
}

/** A line with some words in it: not a blank, nor a row of dashes. */
function isMeaningful(line: string): boolean {
  return (line.match(/[A-Za-z0-9]/g) ?? []).length >= 3
}

function isErrorLike(line: string): boolean {
  return /(error|exception|fatal|failed|failure|traceback|panic)/i.test(line)
}

/** Lines shown before the telling line when nothing before it reads like an error: what the run was doing. */
const CONTEXT_LINES = 4

/**
 * The lines of a failed run's console log that explain the failure, at most `max`: from
 * the first error-like line (a Python `Traceback`, say) shortly before the telling line
 * (lastMeaningfulLine), or else a few lines of context before it, through the lines
 * after it. A reader sees the error with its stack, not the 100 lines of the tail.
 */
export function explainingLines(lines: readonly string[], max = 15): string[] {
  const last = lines.findLastIndex((line) => line.trim() !== '')
  if (last < 0) return []
  const kept = lines.slice(0, last + 1)
  let telling = tellingIndex(kept)
  if (telling < 0) telling = last
  const earliest = Math.max(0, telling - max + 1)
  const firstError = kept.findIndex((line, i) => i >= earliest && i < telling && isErrorLike(line))
  const start = firstError >= 0 ? firstError : Math.max(0, telling - CONTEXT_LINES)
  return kept.slice(start, start + max)
}

export interface LogTailOptions {
  maxLines?: number
  /** The log's listed size, when known: it sets the deadline of a whole-file transfer. */
  size?: number
  /** Per request, and the longest a transfer may stall. */
  timeoutMs?: number
  /** Ends the fetch at once (a cancel). */
  signal?: AbortSignal
  /** Where the link and redirects may lead (default: nowhere on this machine, see store-address.ts). */
  storeRules?: StoreRules
}

/** Where a 206 answer's bytes begin in the file (`Content-Range: bytes 100-199/200`). */
function rangeStart(headers: Record<string, unknown>): number {
  const value = headers['content-range']
  const match = /^bytes (\d+)-/.exec(typeof value === 'string' ? value : '')
  return match ? Number(match[1]) : 0
}

/**
 * Fetches the last lines of the run's console log (the result file `output`). Asks
 * only for its last LOG_TAIL_BYTES with a `Range` request; a store that ignores it
 * sends the whole file, which is streamed through a bounded tail, so a huge log is
 * never held whole. Either way the transfer has an overall deadline.
 */
export async function fetchLogTail(
  source: SignedUrlSource,
  runId: string,
  options: LogTailOptions = {}
): Promise<string[]> {
  const { signal } = options
  const url = await source.fileUrl(runId, CONSOLE_LOG, { signal })
  const ms = transferDeadlineMs(options.size ?? 0)
  const deadline = AbortSignal.timeout(ms)
  const abort = signal ? AbortSignal.any([signal, deadline]) : deadline
  const { store, close } = objectStoreClient(options.timeoutMs ?? 30_000, options.storeRules)
  try {
    const response = await store.get(url, { signal: abort, headers: { Range: `bytes=-${LOG_TAIL_BYTES}` } })
    // 416: an empty log has no last bytes to give.
    if (response.status === 416) {
      response.data.destroy()
      return []
    }
    if (response.status !== 200 && response.status !== 206) {
      throw new Error(`the store answered HTTP ${response.status}: ${await storeError(response.data)}`)
    }
    // The range most likely begins mid-line: that first piece is not a line of its own.
    const partFirst = response.status === 206 && rangeStart(response.headers) > 0
    const maxLines = options.maxLines ?? 100
    const tail = new LineTail(partFirst ? maxLines + 1 : maxLines)
    response.data.setEncoding('utf8')
    for await (const chunk of response.data) tail.push(chunk as string)
    const lines = tail.end()
    return partFirst ? lines.slice(1) : lines
  } catch (error) {
    if (signal?.aborted) throw new RequestAbortedError()
    if (deadline.aborted) {
      throw new Error(`the console log did not arrive within ${formatDuration(ms)}`, { cause: error })
    }
    throw error
  } finally {
    close()
  }
}
