import http from 'node:http'
import https from 'node:https'
import type { Readable } from 'node:stream'
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios'
import { capText } from '../caps.js'
import { explainStoreFailure } from '../codeocean/network-failures.js'
import { proxyFor } from '../codeocean/proxy.js'
import { timerDelayMs } from '../timer-limits.js'
import { USER_AGENT } from '../version.js'
import { StoreAddressError } from './errors.js'
import { guardedLookup, refusedLink, type StoreRules } from './store-address.js'

/** A transfer from the object store gets at least this long, from request to last byte. */
const TRANSFER_DEADLINE_MS = 60_000
/** …and for a large file, as long as it takes at this rate: 1 s per MB beyond the first 60 MB. */
const TRANSFER_MIN_BYTES_PER_SECOND = 1_000_000

/**
 * The overall deadline of one transfer of `bytes`: 60 s, or 1 s per MB beyond 60 MB,
 * up to what a timer holds (about 24 days; a listed size of terabytes would otherwise
 * overflow the timer, which then fires at once).
 */
export function transferDeadlineMs(bytes: number): number {
  return timerDelayMs(Math.ceil((bytes / TRANSFER_MIN_BYTES_PER_SECOND) * 1000), TRANSFER_DEADLINE_MS)
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

/** The rules when a caller gives none: Code Ocean is not on this machine. */
const STRICT_STORE_RULES: StoreRules = { loopbackDomain: false }

/**
 * Holds every request, and every redirect, to `rules` (see store-address.ts): a link
 * refused is never connected to. A name is checked as it resolves, unless a proxy
 * resolves it (the proxy's own address is the runner's business).
 */
function guardAddresses(store: AxiosInstance, rules: StoreRules): void {
  store.interceptors.request.use((config) => {
    const url = config.url ?? ''
    const why = refusedLink(url, rules)
    if (why !== undefined) throw new StoreAddressError(`the download link was refused: ${why}`)
    // Node's dns answers family as a number (4 or 6), which axios's own type spells as 4 | 6.
    if (proxyFor(url) === undefined) config.lookup = guardedLookup(rules) as AxiosRequestConfig['lookup']
    config.beforeRedirect = (options: Record<string, unknown>) => {
      const refused = refusedLink(String(options.href), rules)
      if (refused !== undefined) throw new StoreAddressError(`the store's redirect was refused: ${refused}`)
    }
    return config
  })
}

/** The StoreAddressError behind a failed request, if that is why it failed (axios and redirects wrap it). */
export function storeAddressRefusal(error: unknown): StoreAddressError | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (cause instanceof StoreAddressError) return cause
  }
  return undefined
}

/**
 * An HTTP client for signed URLs: its own instance, with no auth and no base URL,
 * sharing nothing with the Code Ocean client, so the Code Ocean credentials can never
 * reach the object store. Bodies are streams, taken as they come (no decompression),
 * so sizes match the listing. Links and redirects are held to `rules`.
 */
export function objectStoreClient(
  timeoutMs: number,
  rules: StoreRules = STRICT_STORE_RULES
): { store: AxiosInstance; close: () => void } {
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
  guardAddresses(store, rules)
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
  // One chunk can hold far more than the 2,000 characters read for: the rest is not looked at.
  text = text.slice(0, 2000)
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1]
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1]
  return capText([code, message].filter(Boolean).join(': ') || text.replace(/\s+/g, ' ').trim().slice(0, 200))
}
