/**
 * A real forward proxy on loopback, as a company proxy would be: plain http requests in
 * absolute form (`GET http://host:port/path`) are forwarded, and `CONNECT host:port`
 * opens a tunnel (what clients do for https, and what some do for http too). It records
 * every request and tunnel, and the local port of every connection it makes onwards, so
 * a test can tell, for each request a server received, whether it came through here.
 *
 * Names under `.localhost` (and `localhost`) are sent to 127.0.0.1 by the proxy itself,
 * as a company proxy resolves names the runner cannot: a test can give GitHub's API an
 * address only the proxy knows how to reach.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface ProxiedRequest {
  /** 'http' for an absolute-form request, 'connect' for a tunnel. */
  kind: 'http' | 'connect'
  /** host:port asked for, as the client wrote it. */
  target: string
  /** For 'http': the method and absolute URL. */
  method?: string
  url?: string
}

/** Where the proxy really connects for a host name. */
function resolveHost(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '')
  return bare === 'localhost' || bare.endsWith('.localhost') ? '127.0.0.1' : bare
}

export class ForwardProxy {
  readonly requests: ProxiedRequest[] = []
  /**
   * The proxy's onward connections, as `local port>server port`: a server sees the local
   * port as its client's. Both ends count, because the system may give the same local
   * port to connections to different servers at once, or soon after.
   */
  private readonly onward = new Set<string>()
  url = ''
  private server: Server | undefined
  private readonly sockets = new Set<Socket>()

  /** Whether the server on `serverPort` saw the client port `clientPort` on one of the proxy's onward connections. */
  carried(serverPort: number, clientPort: number | undefined): boolean {
    return this.onward.has(`${clientPort ?? -1}>${serverPort}`)
  }

  private recordOnward(socket: Socket): void {
    this.onward.add(`${socket.localPort ?? -1}>${socket.remotePort ?? -1}`)
  }

  /** The host:port targets seen, in order, without repeats. */
  targets(): string[] {
    return [...new Set(this.requests.map((r) => r.target))]
  }

  async start(): Promise<string> {
    const server = createServer((req, res) => this.forward(req, res))
    server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => this.tunnel(req, client, head))
    server.on('connection', (socket: Socket) => this.track(socket))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    this.server = server
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    return this.url
  }

  async stop(): Promise<void> {
    const server = this.server
    if (server === undefined) return
    this.server = undefined
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  private track(socket: Socket): void {
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    let url: URL
    try {
      url = new URL(req.url ?? '')
    } catch {
      res.writeHead(400).end('absolute-form URL expected')
      return
    }
    const port = url.port || '80'
    this.requests.push({ kind: 'http', target: `${url.hostname}:${port}`, method: req.method, url: url.href })
    const headers = { ...req.headers }
    delete headers['proxy-connection']
    delete headers['proxy-authorization']
    const onward = httpRequest(
      {
        host: resolveHost(url.hostname),
        port,
        method: req.method,
        path: url.pathname + url.search,
        headers,
        agent: false
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    onward.on('socket', (socket: Socket) => {
      this.track(socket)
      socket.once('connect', () => this.recordOnward(socket))
    })
    onward.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end('proxy: upstream failed')
      else res.destroy()
    })
    req.pipe(onward)
  }

  private tunnel(req: IncomingMessage, client: Socket, head: Buffer): void {
    const target = req.url ?? ''
    this.requests.push({ kind: 'connect', target })
    const match = /^(.+):(\d+)$/.exec(target)
    if (match === null) {
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n')
      return
    }
    const onward = connect(Number(match[2]), resolveHost(match[1]))
    this.track(onward)
    onward.once('connect', () => {
      this.recordOnward(onward)
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) onward.write(head)
      onward.pipe(client)
      client.pipe(onward)
    })
    const close = (): void => {
      onward.destroy()
      client.destroy()
    }
    onward.on('error', () => {
      if (client.writable) client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      close()
    })
    client.on('error', close)
    onward.on('close', close)
    client.on('close', close)
  }
}
