// HTTP plumbing shared by the API server and the object store: listening and
// closing, reading and recording requests, sending replies, delays that die
// with their client, and writing large bodies with backpressure.

import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http'
import { createServer as createTlsServer, Server as TlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Reply } from './router.js'

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  rawBody: string
  /** The body parsed as JSON, or undefined when empty or not JSON. */
  body: unknown
  /** Clock time (ms, from `now`) when the request arrived. */
  at: number
  /** The client's port: tells a request that came through a proxy from one that came straight. */
  remotePort?: number
  /**
   * Set when an injected fault took this request: what it did, e.g. 'status 503',
   * 'reset', 'delay 2000ms+passThrough', 'created+status 500', with
   * ' (client gone)' appended when the client hung up during a delay.
   */
  fault?: string
}

/** A key and certificate (PEM) to serve https with. */
export interface TlsIdentity {
  key: string | Buffer
  cert: string | Buffer
}

/** An http server, or an https one when given a TLS identity. */
function createHttpServer(tls: TlsIdentity | undefined, handler: RequestListener): Server {
  return tls === undefined ? createServer(handler) : createTlsServer({ key: tls.key, cert: tls.cert }, handler)
}

/** Listens on host:port (0 for any free port); resolves with the base URL, e.g. 'http://127.0.0.1:43121', 'http://[::1]:43121' or, for an https server, 'https://127.0.0.1:43121'. */
export async function listen(server: Server, host: string, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const urlHost = host.includes(':') ? `[${host}]` : host
  const scheme = server instanceof TlsServer ? 'https' : 'http'
  return `${scheme}://${urlHost}:${address.port}`
}

/** Closes the server and cuts off its open connections; resolves once it is closed. */
export function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  // close() alone waits for idle keep-alive sockets to time out; clients
  // under test usually hold some, and a test run should not hang on them.
  server.closeAllConnections()
  return closed
}

/**
 * One server's life, the same for the API server and the object store: start()
 * listens once (a second call answers the same URL), stop() closes it and cuts
 * off its connections, and `url` throws while it is not listening.
 */
export class LoopbackServer {
  private server: Server | undefined
  private baseUrl: string | undefined

  constructor(
    private readonly options: { host: string; port: number; tls?: TlsIdentity | undefined; handler: RequestListener }
  ) {}

  get url(): string {
    if (this.baseUrl === undefined) throw new Error('CodeOceanSimulator: not started; call start() first')
    return this.baseUrl
  }

  get listening(): boolean {
    return this.server !== undefined
  }

  /** Listens; resolves with the base URL. `onServer` sees the server before it listens (to count connections, say). */
  async start(onServer?: (server: Server) => void): Promise<string> {
    if (this.baseUrl !== undefined) return this.baseUrl
    const { host, port, tls, handler } = this.options
    const server = createHttpServer(tls, handler)
    onServer?.(server)
    const baseUrl = await listen(server, host, port)
    this.server = server
    this.baseUrl = baseUrl
    return baseUrl
  }

  async stop(): Promise<void> {
    const server = this.server
    if (server === undefined) return
    this.server = undefined
    this.baseUrl = undefined
    await closeServer(server)
  }
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false; error: string }

export const JSON_TYPE = 'application/json; charset=utf-8'

function parseJson(raw: string): ParsedBody {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown }
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) }
  }
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  // Node already lower-cases names; repeated headers are joined as HTTP allows.
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Reads the body and turns the request into a record (not yet stored anywhere). */
export async function recordRequest(
  req: IncomingMessage,
  at: number
): Promise<{ request: RecordedRequest; parsed: ParsedBody | undefined; search: string }> {
  const method = (req.method ?? 'GET').toUpperCase()
  const url = new URL(req.url ?? '/', 'http://simulator.invalid')
  const rawBody = await readBody(req)
  const parsed = rawBody.trim() === '' ? undefined : parseJson(rawBody)
  const request: RecordedRequest = {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: flattenHeaders(req),
    rawBody,
    body: parsed?.ok === true ? parsed.value : undefined,
    at,
    remotePort: req.socket.remotePort
  }
  return { request, parsed, search: url.search }
}

export function sendReply(res: ServerResponse, reply: Reply, headOnly = false): void {
  const headers: Record<string, string> = {}
  let body: string | undefined
  if (reply.json !== undefined) {
    body = JSON.stringify(reply.json)
    headers['content-type'] = reply.contentType ?? JSON_TYPE
  } else if (reply.text !== undefined) {
    body = reply.text
    headers['content-type'] = reply.contentType ?? 'text/plain; charset=utf-8'
  }
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body))
  Object.assign(headers, reply.headers)
  res.writeHead(reply.status, headers)
  res.end(headOnly ? undefined : body)
}

interface PendingDelay {
  timer: NodeJS.Timeout
  done: (completed: boolean) => void
}

/** Real-time waits tied to a response: cut short when its client hangs up, or all at once by cancelAll(). */
export class Delays {
  private readonly pending = new Set<PendingDelay>()

  /**
   * Resolves true after `ms`, or false as soon as the client hangs up or
   * cancelAll() runs, so a pending delay never outlives its connection.
   */
  wait(ms: number, res: ServerResponse): Promise<boolean> {
    return new Promise<boolean>((resolveDelay) => {
      const onClose = (): void => pending.done(false)
      const pending: PendingDelay = {
        timer: setTimeout(() => pending.done(true), ms),
        done: (completed) => {
          if (!this.pending.delete(pending)) return
          clearTimeout(pending.timer)
          res.off('close', onClose)
          resolveDelay(completed)
        }
      }
      this.pending.add(pending)
      if (res.socket === null || res.socket.destroyed) {
        pending.done(false)
        return
      }
      res.once('close', onClose)
    })
  }

  cancelAll(): void {
    for (const pending of [...this.pending]) pending.done(false)
  }
}

/** Waits for 'drain'; false if the response closed first. */
function drained(res: ServerResponse): Promise<boolean> {
  if (res.destroyed || res.socket === null || res.socket.destroyed) return Promise.resolve(false)
  return new Promise((resolve) => {
    const finish = (ok: boolean): void => {
      res.off('drain', onDrain)
      res.off('close', onClose)
      resolve(ok)
    }
    const onDrain = (): void => finish(true)
    const onClose = (): void => finish(false)
    res.on('drain', onDrain)
    res.on('close', onClose)
  })
}

/** Writes every chunk, waiting for 'drain' whenever the socket is full; false if the client went away. */
export async function writeAll(res: ServerResponse, chunks: Iterable<Buffer>): Promise<boolean> {
  for (const chunk of chunks) {
    if (res.destroyed) return false
    if (!res.write(chunk) && !(await drained(res))) return false
  }
  return !res.destroyed
}

/** Resolves once everything written so far has gone to the kernel (or the response died). */
export function flushed(res: ServerResponse): Promise<void> {
  if (res.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    const onClose = (): void => resolve()
    res.once('close', onClose)
    res.write(Buffer.alloc(0), () => {
      res.off('close', onClose)
      resolve()
    })
  })
}
