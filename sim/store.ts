// The "object store": a second HTTP server on its own loopback port that
// serves result files by pre-signed URL, the way S3 serves Code Ocean's.
// It checks an HMAC signature and an expiry instead of a token, refuses
// requests that also carry an Authorization header (as S3 does), waits before
// the first byte if told to, and streams generated content with backpressure,
// so a 1 GiB file costs no more memory than a 1 KiB one.

import { createHash, createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  downloadFault,
  FaultQueue,
  faultToReply,
  matches,
  type DownloadFault,
  type DownloadFaultMatch,
  type DownloadKind,
  type Fault
} from './faults.js'
import {
  Delays,
  flushed,
  LoopbackServer,
  recordRequest,
  sendReply,
  writeAll,
  type RecordedRequest,
  type TlsIdentity
} from './http-util.js'
import { resultChunks, resultSize, type ResultSpec } from './results.js'
import {
  amzDate,
  byteRange,
  contentTypeOf,
  encodeKey,
  headerSafe,
  lastSegment,
  parseTarget,
  s3ErrorXml,
  s3RequestId,
  type Target
} from './s3.js'

export {} from './s3.js'

const STORE_BUCKET = 'bucket'

/** How the object store serves bodies (the simulator's options fill these in, see options.ts). */
export interface StoreServing {
  ttlMs: number
  firstByteDelayMs: number
  chunked: boolean
  ignoresRange: boolean
  /** 0: no limit. */
  bytesPerSecond: number
}

interface StoredObject {
  spec: ResultSpec
  /** Clock time (ms) the file was written, for Last-Modified. */
  modifiedAt: number
}

export interface ObjectStoreOptions extends StoreServing {
  host: string
  now: () => number
  /** The file a URL points to, if it (still) exists. */
  lookup: (computationId: string, path: string) => StoredObject | undefined
  delays: Delays
  log?: ((line: string) => void) | undefined
  /** Serve https with this key and certificate. */
  tls?: TlsIdentity | undefined
}

export type Disposition = 'attachment' | 'inline'

export class ObjectStore {
  /** Every request the store got, in order, with lower-cased headers. */
  readonly requests: RecordedRequest[] = []
  /** The most requests the store was answering at once since start or reset(): how many transfers a client ran at once. */
  mostInFlight = 0

  private inFlight = 0
  // A key object made once: made from bytes at every signature, it cost more than the signing (a fifth of the store's CPU in `npm run bench -- downloads`).
  private readonly secret = createSecretKey(randomBytes(32))
  private readonly faults = new FaultQueue<DownloadFaultMatch, Fault<DownloadKind>>()
  private nonce = 0
  private lastExpiresAt = Number.NEGATIVE_INFINITY
  private readonly server: LoopbackServer

  constructor(private readonly options: ObjectStoreOptions) {
    this.server = new LoopbackServer({
      host: options.host,
      port: 0,
      tls: options.tls,
      handler: (req, res) => {
        this.inFlight += 1
        this.mostInFlight = Math.max(this.mostInFlight, this.inFlight)
        res.on('close', () => (this.inFlight -= 1))
        this.handle(req, res).catch((err: unknown) => {
          this.options.log?.(`store: request failed: ${err instanceof Error ? err.message : String(err)}`)
          if (!res.headersSent) res.destroy()
          else res.socket?.destroy()
        })
      }
    })
  }

  get url(): string {
    return this.server.url
  }

  start(): Promise<string> {
    return this.server.start()
  }

  /** Closes the store, cutting off downloads in flight too: their writers see 'close' and stop. */
  stop(): Promise<void> {
    return this.server.stop()
  }

  /** A fresh pre-signed URL for one file; each call's expiry is later than the previous one's. */
  sign(computationId: string, path: string, disposition: Disposition): string {
    const now = this.options.now()
    const expiresAt = Math.max(now + this.options.ttlMs, this.lastExpiresAt + 1)
    this.lastExpiresAt = expiresAt
    this.nonce += 1
    const name = lastSegment(path)
    const contentDisposition =
      disposition === 'inline'
        ? 'inline'
        : `attachment; filename="${headerSafe(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`
    const params = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Date': amzDate(now),
      'X-Amz-Expires': String(Math.max(1, Math.ceil(this.options.ttlMs / 1000))),
      'X-Amz-SignedHeaders': 'host',
      'X-Sim-Expires-At': String(expiresAt),
      'X-Sim-Nonce': String(this.nonce),
      'response-content-disposition': contentDisposition
    })
    params.set('X-Amz-Signature', this.signature(computationId, path, params))
    return `${this.url}/${STORE_BUCKET}/${encodeURIComponent(computationId)}/${encodeKey(path)}?${params.toString()}`
  }

  failNext(match: DownloadFaultMatch, response: DownloadFault, count = 1): void {
    if (!(count > 0)) throw new RangeError(`failNextDownload: count must be > 0, got ${count}`)
    this.faults.add({ ...match }, downloadFault(response, 'failNextDownload'), count)
  }

  /** Starts mostInFlight afresh, from the requests being answered now. */
  resetMostInFlight(): void {
    this.mostInFlight = this.inFlight
  }

  reset(): void {
    this.requests.length = 0
    this.resetMostInFlight()
    this.faults.clear()
  }

  private signature(computationId: string, path: string, params: URLSearchParams): string {
    const signed = [
      computationId,
      path,
      params.get('X-Sim-Expires-At') ?? '',
      params.get('X-Sim-Nonce') ?? '',
      params.get('response-content-disposition') ?? ''
    ].join('\n')
    return createHmac('sha256', this.secret).update(signed, 'utf8').digest('hex')
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now()
    const { request } = await recordRequest(req, this.options.now())
    this.requests.push(request)
    const target = parseTarget(request.path)
    const logLine = (outcome: string): void =>
      this.options.log?.(`store: ${request.method} ${request.path} -> ${outcome} (${Date.now() - started} ms)`)

    const fault = this.faults.take(
      (m) =>
        matches(m.path, target?.path) && (m.computationId === undefined || m.computationId === target?.computationId)
    )
    if (fault === undefined) {
      logLine(await this.serve(res, request, target))
      return
    }

    const delayMs = fault.delayMs ?? 0
    const kind =
      fault.kind === 'status'
        ? `status ${fault.status}`
        : fault.kind === 'truncate'
          ? `truncate after ${fault.truncateAfterBytes} bytes`
          : fault.kind
    const description = delayMs > 0 ? `delay ${delayMs}ms+${kind}` : kind
    request.fault = description
    if (delayMs > 0 && !(await this.options.delays.wait(delayMs, res))) {
      request.fault = `${description} (client gone)`
      logLine(`nothing [injected ${request.fault}]`)
      return
    }
    if (fault.kind === 'reset') {
      req.socket.destroy()
      logLine(`reset [injected ${description}]`)
      return
    }
    if (fault.kind === 'status') {
      const reply = faultToReply(fault)
      sendReply(res, reply, request.method === 'HEAD')
      logLine(`${reply.status} [injected ${description}]`)
      return
    }
    const truncateAfter = fault.kind === 'truncate' ? fault.truncateAfterBytes : undefined
    const outcome = await this.serve(res, request, target, truncateAfter)
    if (truncateAfter !== undefined && !outcome.startsWith('200 truncated')) {
      // The store refused the request, or the file was short: nothing was cut.
      request.fault = `${description} (not applied: ${outcome})`
    }
    logLine(`${outcome} [injected ${request.fault}]`)
  }

  private error(
    res: ServerResponse,
    status: number,
    code: string,
    message: string,
    extra: Record<string, string>,
    head: boolean
  ): string {
    const requestId = s3RequestId()
    const text = s3ErrorXml(code, message, extra, requestId)
    sendReply(res, { status, text, contentType: 'application/xml', headers: { 'x-amz-request-id': requestId } }, head)
    return `${status} ${code}`
  }

  /** Answers as S3 would; returns what it did, for the log. */
  private async serve(
    res: ServerResponse,
    request: RecordedRequest,
    target: Target | undefined,
    truncateAfter?: number
  ): Promise<string> {
    const head = request.method === 'HEAD'
    if (request.method !== 'GET' && !head) {
      return this.error(
        res,
        405,
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.',
        { Method: request.method, ResourceType: 'OBJECT' },
        head
      )
    }
    if (request.headers.authorization !== undefined) {
      // S3 echoes the header's value as ArgumentValue; the simulator leaves it
      // out so no token ends up in a body a client might log.
      return this.error(
        res,
        400,
        'InvalidArgument',
        'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
        { ArgumentName: 'Authorization' },
        head
      )
    }
    if (target === undefined || target.bucket !== STORE_BUCKET) {
      return this.error(
        res,
        404,
        'NoSuchBucket',
        'The specified bucket does not exist',
        { BucketName: target?.bucket ?? '' },
        head
      )
    }
    const params = new URLSearchParams(request.query)
    const given = params.get('X-Amz-Signature')
    const expiresAt = Number(params.get('X-Sim-Expires-At'))
    if (given === null || params.get('X-Sim-Nonce') === null || !Number.isFinite(expiresAt)) {
      return this.error(
        res,
        403,
        'AccessDenied',
        'Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters',
        {},
        head
      )
    }
    const expected = Buffer.from(this.signature(target.computationId, target.path, params), 'utf8')
    const actual = Buffer.from(given, 'utf8')
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      return this.error(
        res,
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        {},
        head
      )
    }
    // Judged as the request arrives, as S3 does: a store that is slow to answer (a delay
    // fault) does not expire a link that was young when it came.
    const now = request.at
    if (now > expiresAt) {
      return this.error(
        res,
        403,
        'AccessDenied',
        'Request has expired',
        {
          'X-Amz-Expires': params.get('X-Amz-Expires') ?? '',
          Expires: new Date(expiresAt).toISOString(),
          ServerTime: new Date(now).toISOString()
        },
        head
      )
    }
    const object = this.options.lookup(target.computationId, target.path)
    if (object === undefined) {
      return this.error(
        res,
        404,
        'NoSuchKey',
        'The specified key does not exist.',
        { Key: `${target.computationId}/${target.path}` },
        head
      )
    }

    const firstByteDelay = this.options.firstByteDelayMs
    if (firstByteDelay > 0 && !(await this.options.delays.wait(firstByteDelay, res)))
      return 'nothing (client gone during first-byte delay)'

    const size = resultSize(object.spec)
    const range = this.options.ignoresRange ? undefined : byteRange(request.headers.range, size)
    if (range === 'unsatisfiable') {
      const outcome = this.error(
        res,
        416,
        'InvalidRange',
        'The requested range is not satisfiable',
        { RangeRequested: String(request.headers.range), ActualObjectSize: String(size) },
        head
      )
      return outcome
    }
    const [from, to] = range ?? [0, size]
    const headers: Record<string, string> = {
      'content-type': contentTypeOf(lastSegment(target.path)),
      'accept-ranges': 'bytes',
      etag: `"${createHash('sha256').update(`${target.computationId}\n${target.path}\n${size}`).digest('hex').slice(0, 32)}"`,
      'last-modified': new Date(object.modifiedAt).toUTCString(),
      'x-amz-request-id': s3RequestId()
    }
    // A chunked body carries no length: the client learns the size only by counting.
    if (!this.options.chunked) headers['content-length'] = String(to - from)
    if (range !== undefined) headers['content-range'] = `bytes ${from}-${to - 1}/${size}`
    const disposition = params.get('response-content-disposition')
    if (disposition !== null) headers['content-disposition'] = disposition.replace(/[^\x20-\x7e]/g, '_')
    const status = range !== undefined ? 206 : 200
    res.writeHead(status, headers)
    if (head) {
      res.end()
      return String(status)
    }
    if (truncateAfter !== undefined && truncateAfter < to - from) {
      const sent = await this.send(res, resultChunks(object.spec, from, from + truncateAfter))
      await flushed(res)
      res.socket?.destroy()
      return sent ? `${status} truncated at ${truncateAfter} of ${to - from} bytes` : `${status} (client gone)`
    }
    if (!(await this.send(res, resultChunks(object.spec, from, to)))) return `${status} (client gone)`
    res.end()
    return range !== undefined ? `206 bytes ${from}-${to - 1}/${size}` : '200'
  }

  /** Writes a body, at the throttled rate when one is set; false if the client went away. */
  private async send(res: ServerResponse, chunks: Iterable<Buffer>): Promise<boolean> {
    const rate = this.options.bytesPerSecond
    if (rate <= 0) return writeAll(res, chunks)
    // Slices of a tenth of a second's worth, each followed by a pause.
    const slice = Math.max(1, Math.floor(rate / 10))
    for (const chunk of chunks) {
      for (let pos = 0; pos < chunk.length; pos += slice) {
        if (!(await writeAll(res, [chunk.subarray(pos, pos + slice)]))) return false
        if (!(await this.options.delays.wait(100, res))) return false
      }
    }
    return !res.destroyed
  }
}
