import type { LookupOptions } from 'node:dns'
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import type { Readable } from 'node:stream'
import { types } from 'node:util'
import { capText } from '../caps.js'
import { explainStoreFailure } from '../codeocean/network-failures.js'
import { proxyFor, proxyRouteFor } from '../codeocean/proxy.js'
import { formatDuration } from '../format.js'
import { timerDelayMs } from '../timer-limits.js'
import { USER_AGENT } from '../version.js'
import { StoreAddressError, StoreRefusal, StoreRouteError } from './errors.js'
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

/** Redirects followed from one link, at most: a store may send a link on once or twice (to a region, say); more is a loop or a fault. */
const MAX_REDIRECTS = 5
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/** An answer of the store: its status and headers, and its body as it comes. */
interface StoreAnswer {
  status: number
  headers: IncomingHttpHeaders
  data: Readable
}

/** A GET of a signed URL (see objectStoreClient). */
export interface StoreClient {
  get(url: string, options: { signal: AbortSignal; headers?: Record<string, string> }): Promise<StoreAnswer>
}

/** The StoreRefusal behind a failed request, if that is why it failed (a wrapper may hold it as its cause). */
export function storeRefusal(error: unknown): StoreRefusal | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (cause instanceof StoreRefusal) return cause
  }
  return undefined
}

/**
 * guardedLookup, in the form Node's connections call it: with `all`, every address;
 * without, the first one and its family.
 */
function connectionLookup(rules: StoreRules): LookupFunction {
  const guarded = guardedLookup(rules)
  return ((hostname: string, options: LookupOptions, callback: (...answer: unknown[]) => void) => {
    guarded(hostname, options, (error, addresses) => {
      if (error) callback(error, options.all ? [] : '', 0)
      else if (options.all) callback(null, addresses)
      else callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4)
    })
  }) as LookupFunction
}

/**
 * Whether Node's own agents route through a proxy (`proxyEnv`, Node 24.5.0 and later):
 * an older agent would ignore the option and go straight to the store.
 */
export function agentsTakeProxies(nodeVersion: string): boolean {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number)
  return major > 24 || (major === 24 && minor >= 5)
}

/**
 * The proxy to reach `link` through (see codeocean/proxy.ts), in the form Node's agents
 * take: they route through an `http:` or `https:` proxy written in lower case, and go
 * straight to the store, unchecked, with any other. So the scheme is normalised, and a
 * proxy they cannot use (socks, or a Node before 24.5) fails the download saying so.
 */
function proxyOf(link: URL): string | undefined {
  const route = proxyRouteFor(link.href)
  if (route === undefined) return undefined
  const proxy = URL.canParse(route) ? new URL(route) : undefined
  const shown = (): string => proxyFor(link.href) ?? 'named in HTTPS_PROXY or HTTP_PROXY'
  if (proxy?.protocol !== 'http:' && proxy?.protocol !== 'https:') {
    throw new StoreRouteError(
      `the object store is to be reached through the proxy ${shown()}, which is not an http:// or https:// proxy: the download supports only those`
    )
  }
  if (!agentsTakeProxies(process.versions.node)) {
    throw new StoreRouteError(
      `the object store is to be reached through the proxy ${shown()}, which Node ${process.versions.node} cannot do for it (Node 24.5 or later can)`
    )
  }
  return proxy.href
}

/** A request that went silent for `ms`: a timeout, by the code the failure messages know. */
function stalled(ms: number): NodeJS.ErrnoException {
  return Object.assign(new Error(`the store sent nothing for ${formatDuration(ms)}`), { code: 'ETIMEDOUT' })
}

/**
 * An HTTP client for signed URLs, on Node's own http and https: no auth and no base
 * URL, sharing nothing with the Code Ocean client, so the Code Ocean credentials can
 * never reach the object store. It is what runs in the download worker, which loads
 * nothing else for it (axios and what it loads took a worker about 7 MiB more memory,
 * and the 1,000-file case of `npm run bench -- downloads` peaked about 6 MiB higher).
 * Bodies are streams, taken as they come (no decompression), so sizes match the
 * listing. Each link, and each of up to 5 redirects, is held to `rules`, and a host
 * name is checked as it resolves (unless a proxy resolves it: the proxy's own address
 * is the runner's business). A request that goes silent for `timeoutMs` once
 * connected, before or during its body, fails (a connection that is never made is
 * bounded by the transfer's own deadline).
 *
 * Proxies are those the Code Ocean calls use, chosen by the same library from the same
 * variables (see codeocean/proxy.ts, and proxyOf); Node's agents route through them (an
 * https link through a CONNECT tunnel). A store the runner cannot reach, or whose certificate it
 * refuses, gets words that say so; the error keeps its code, for the caller's judgement.
 */
export function objectStoreClient(
  timeoutMs: number,
  rules: StoreRules = STRICT_STORE_RULES
): { store: StoreClient; close: () => void } {
  const agents = new Map<string, http.Agent>()
  const agentFor = (link: URL, proxy: string | undefined): http.Agent => {
    const key = `${link.protocol} ${proxy ?? ''}`
    let agent = agents.get(key)
    if (agent === undefined) {
      const proxyEnv = proxy === undefined ? undefined : { HTTP_PROXY: proxy, HTTPS_PROXY: proxy }
      const options = { keepAlive: true, proxyEnv }
      agent = link.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options)
      agents.set(key, agent)
    }
    return agent
  }
  const lookup = connectionLookup(rules)
  // The proxy depends on the link's scheme, host and port alone, so the variables that
  // choose it are read once per origin: in the worker, each read of the environment is a
  // lookup in its copy (with 400 files, about 1.5% of the worker's busy time in a CPU
  // profile). A proxy that cannot be used is not kept: it fails the download anyway.
  const proxies = new Map<string, string | undefined>()
  const proxyTo = (link: URL): string | undefined => {
    const origin = `${link.protocol}//${link.host}`
    if (proxies.has(origin)) return proxies.get(origin)
    const proxy = proxyOf(link)
    proxies.set(origin, proxy)
    return proxy
  }

  /** One request, to `link` exactly: its answer once the headers are there. */
  const requestOnce = (link: URL, signal: AbortSignal, headers: Record<string, string>): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => {
      const proxy = proxyTo(link)
      const send = link.protocol === 'https:' ? https.request : http.request
      let answer: IncomingMessage | undefined
      const request = send(
        link,
        {
          agent: agentFor(link, proxy),
          headers: { 'User-Agent': USER_AGENT, 'Accept-Encoding': 'identity', ...headers },
          signal,
          ...(proxy === undefined ? { lookup } : {})
        },
        (response) => {
          answer = response
          resolve(response)
        }
      )
      request.setTimeout(timeoutMs, () => {
        const error = stalled(timeoutMs)
        answer?.destroy(error)
        request.destroy(error)
      })
      request.on('error', reject)
      request.end()
    })

  const get: StoreClient['get'] = async (url, { signal, headers = {} }) => {
    const refused = refusedLink(url, rules)
    if (refused !== undefined) throw new StoreAddressError(`the download link was refused: ${refused}`)
    let link = new URL(url)
    for (let redirects = 0; ; redirects++) {
      let response: IncomingMessage
      try {
        response = await requestOnce(link, signal, headers)
      } catch (error) {
        throw explained(error, link.href)
      }
      const status = response.statusCode ?? 0
      const location = response.headers.location
      if (!REDIRECT_STATUSES.has(status) || location === undefined) {
        return { status, headers: response.headers, data: response }
      }
      response.destroy()
      if (redirects === MAX_REDIRECTS) throw new Error(`the store redirected more than ${MAX_REDIRECTS} times`)
      const next = URL.canParse(location, link.href) ? new URL(location, link) : undefined
      const why = next === undefined ? 'it is not a URL' : refusedLink(next.href, rules)
      if (why !== undefined || next === undefined)
        throw new StoreAddressError(`the store's redirect was refused: ${why}`)
      link = next
    }
  }

  /** `error`, in words that say what went wrong with the store when the failure is a known one. */
  const explained = (error: unknown, url: string): Error => {
    // Node's own errors are checked by kind, not by class: under a test runner they may come from another realm.
    if (!(error instanceof Error) && !types.isNativeError(error)) return new Error(String(error))
    const code = (error as NodeJS.ErrnoException).code
    const words = explainStoreFailure({ code, text: error.message, url, timeoutMs, proxy: proxyFor(url) })
    // A message can hold what the store chose (a host name it redirected to): capped.
    error.message = capText(words ?? error.message)
    return error
  }

  return {
    store: { get },
    close: () => {
      for (const agent of agents.values()) agent.destroy()
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
