import http from 'node:http'
import https from 'node:https'
import type { Readable } from 'node:stream'
import axios, { type AxiosInstance } from 'axios'
import { explainStoreFailure } from '../codeocean/network-errors.js'
import { proxyFor } from '../codeocean/proxy.js'
import { USER_AGENT } from '../version.js'

/** Gives a fresh signed URL for a result file (the Code Ocean client's `results` does). */
export interface SignedUrlSource {
  fileUrl(id: string, path: string): Promise<string>
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
