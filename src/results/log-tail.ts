import type { Readable } from 'node:stream'
import { objectStoreClient, storeError, type SignedUrlSource } from './object-store.js'

/** The result file holding a run's console output. */
export const CONSOLE_LOG = 'output'

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g

/** Keeps the last `max` lines of a text arriving in chunks, without holding all of it. */
export class LineTail {
  private readonly lines: string[] = []
  private partial = ''

  constructor(private readonly max: number) {}

  push(chunk: string): void {
    const parts = (this.partial + chunk).split(/\r?\n/)
    this.partial = parts.pop() ?? ''
    for (const line of parts) this.add(line)
  }

  end(): string[] {
    if (this.partial !== '') this.add(this.partial)
    this.partial = ''
    return [...this.lines]
  }

  private add(line: string): void {
    this.lines.push(line.replace(ANSI, ''))
    if (this.lines.length > this.max) this.lines.shift()
  }
}

/**
 * The line that best says why a run failed: the last line that reads like an error,
 * else the last line with some words in it (not a blank or a row of dashes).
 */
export function lastMeaningfulLine(lines: readonly string[]): string | undefined {
  const meaningful = lines.map((l) => l.trim()).filter((l) => (l.match(/[A-Za-z0-9]/g) ?? []).length >= 3)
  const errorLike = meaningful.filter((l) => /(error|exception|fatal|failed|failure|traceback|panic)/i.test(l))
  return errorLike.at(-1) ?? meaningful.at(-1)
}

/**
 * Fetches the last lines of the run's console log (the result file `output`),
 * streaming it so a huge log is never held whole. Undefined when the run has none.
 */
export async function fetchLogTail(
  source: SignedUrlSource,
  runId: string,
  maxLines = 100,
  timeoutMs = 30_000
): Promise<string[]> {
  const url = await source.fileUrl(runId, CONSOLE_LOG)
  const { store, close } = objectStoreClient(timeoutMs)
  try {
    const response = await store.get<Readable>(url)
    if (response.status !== 200) {
      throw new Error(`the store answered HTTP ${response.status}: ${await storeError(response.data)}`)
    }
    const tail = new LineTail(maxLines)
    response.data.setEncoding('utf8')
    for await (const chunk of response.data) tail.push(chunk as string)
    return tail.end()
  } finally {
    close()
  }
}
