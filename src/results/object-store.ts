import http from 'node:http'
import https from 'node:https'
import { Transform, type Readable } from 'node:stream'
import axios, { type AxiosInstance } from 'axios'
import { explainStoreFailure } from '../codeocean/network-failures.js'
import { proxyFor } from '../codeocean/proxy.js'
import { USER_AGENT } from '../version.js'
import { OversizeError } from './errors.js'

/** A transfer from the object store gets at least this long, from request to last byte. */
const TRANSFER_DEADLINE_MS = 60_000
/** …and for a large file, as long as it takes at this rate: 1 s per MB beyond the first 60 MB. */
const TRANSFER_MIN_BYTES_PER_SECOND = 1_000_000

/** The overall deadline of one transfer of `bytes`: 60 s, or 1 s per MB beyond 60 MB. */
export function transferDeadlineMs(bytes: number): number {
  return Math.max(TRANSFER_DEADLINE_MS, Math.ceil((bytes / TRANSFER_MIN_BYTES_PER_SECOND) * 1000))
}

/**
 * Passes bytes through until more than `max` have come, then fails at once with
 * `message`, so a piped download stops one chunk past the limit, not at its end.
 */
export function byteLimit(max: number, message: () => string): Transform {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length
      if (seen > max) done(new OversizeError(message()))
      else done(null, chunk)
    }
  })
}

/** The Content-Length an answer declares, if it declares one. */
export function declaredLength(headers: Record<string, unknown>): number | undefined {
  const value = headers['content-length']
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const length = Number(value)
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined
}

/** Gives a fresh signed URL for a result file (the Code Ocean client's `results` does). */
export interface SignedUrlSource {
  fileUrl(id: string, path: string, call?: { signal?: AbortSignal }): Promise<string>
}

/**
 * An HTTP client for signed URLs: its own instance, with no auth and no base URL,
 * sharing nothing with the Code Ocean client, so the Code Ocean credentials can never
 * reach the object store. Bodies are streams, taken as they come (no decompression),
 * so sizes match the listing.
 */
export function objectStoreClient(timeoutMs: number): { store: AxiosInstance; close: () => void } {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) }
  const store = axios.create({
    timeout: timeoutMs,
    responseType: 'stream',
    decompress: false,
    validateStatus: () => true,
    maxRedirects: 5,
    headers: { 'User-Agent': USER_AGENT, 'Accept-Encoding': 'identity' },
    httpAgent: agents.http,
    httpsAgent: agents.https
  })
  // Proxies are axios's own, as for Code Ocean (see codeocean/proxy.ts). A store the
  // runner cannot reach, or whose certificate it refuses, gets words that say so; the
  // error stays the same object, with its code, for the caller's judgement.
  store.interceptors.response.use(undefined, (error: unknown) => {
    if (axios.isAxiosError(error) && error.config?.url !== undefined) {
      const url = error.config.url
      const explained = explainStoreFailure({
        code: error.code,
        text: error.message,
        url,
        timeoutMs,
        proxy: proxyFor(url)
      })
      if (explained !== undefined) error.message = explained
    }
    return Promise.reject(error instanceof Error ? error : new Error(String(error)))
  })
  return {
    store,
    close: () => {
      agents.http.destroy()
      agents.https.destroy()
    }
  }
}

/** Reads the gist of an object store's error body (S3 sends XML with Code and Message). */
export async function storeError(body: Readable): Promise<string> {
  let text = ''
  for await (const chunk of body) {
    text += String(chunk)
    if (text.length > 2000) break
  }
  body.destroy()
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1]
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1]
  return [code, message].filter(Boolean).join(': ') || text.replace(/\s+/g, ' ').trim().slice(0, 200)
}
