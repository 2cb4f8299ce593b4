// Hostile answers (the hostile kinds of Fault in faults.ts): bodies that drip, inflate,
// grow past any sane size or never end. Each is made as it is sent, with
// backpressure, so the simulator stays small whatever it claims to send.

import type { ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import type { Fault } from './faults.js'
import { JSON_TYPE, writeAll, type Delays } from './http-util.js'
import type { Reply } from './router.js'

const MiB = 1024 * 1024
const CHUNK = 64 * 1024

/** One gzip member of 1 MiB of spaces (about 1 KiB); members in a row inflate one after another. */
let bombMember: Buffer | undefined
function gzipMember(): Buffer {
  bombMember ??= gzipSync(Buffer.alloc(MiB, 0x20), { level: 9 })
  return bombMember
}

/** Yields `count` times `chunk`, without ever holding more than the one chunk. */
function* repeat(chunk: Buffer, count: number): Generator<Buffer> {
  for (let i = 0; i < count; i++) yield chunk
}

/** A run padded out to `bytes` bytes of JSON, made chunk by chunk. */
function* hugeJson(bytes: number): Generator<Buffer> {
  const head = Buffer.from('{"id":"huge","state":"running","padding":"')
  const tail = Buffer.from('"}')
  yield head
  const padding = Math.max(0, bytes - head.length - tail.length)
  const filler = Buffer.alloc(CHUNK, 'x')
  for (let sent = 0; sent < padding; sent += CHUNK)
    yield sent + CHUNK <= padding ? filler : filler.subarray(0, padding - sent)
  yield tail
}

/** Spaces for ever: the caller stops writing when the client hangs up. */
function* endless(): Generator<Buffer> {
  const spaces = Buffer.alloc(CHUNK, 0x20)
  for (;;) yield spaces
}

/** Sends `body` one byte every `dripMs`; false if the client hung up (or the simulator stopped) first. */
async function drip(res: ServerResponse, body: Buffer, dripMs: number, delays: Delays): Promise<boolean> {
  for (const byte of body) {
    if (res.destroyed || res.socket === null || res.socket.destroyed) return false
    res.write(Buffer.of(byte))
    if (!(await delays.wait(dripMs, res))) return false
  }
  return !res.destroyed
}

/** The body a Reply stands for, as the simulator would send it. */
function bodyOf(reply: Reply): { body: Buffer; contentType?: string } {
  if (reply.json !== undefined)
    return { body: Buffer.from(JSON.stringify(reply.json)), contentType: reply.contentType ?? JSON_TYPE }
  if (reply.text !== undefined)
    return { body: Buffer.from(reply.text), contentType: reply.contentType ?? 'text/plain; charset=utf-8' }
  return { body: Buffer.alloc(0) }
}

/**
 * Sends the hostile answer `fault` asks for; `real` is the real handler's answer, for
 * a drip, whose pauses are `delays` (cut short when the client hangs up or the simulator stops). Resolves with what happened, for the request log: e.g. 'drip 200ms (client gone)'.
 */
export async function sendHostile(
  res: ServerResponse,
  fault: Fault<'drip' | 'gzipBomb' | 'hugeJson' | 'endless'>,
  real: () => Promise<Reply>,
  delays: Delays
): Promise<string> {
  let what: string
  let completed: boolean
  if (fault.kind === 'drip') {
    const reply = await real()
    const { body, contentType } = bodyOf(reply)
    res.writeHead(reply.status, {
      ...(contentType ? { 'content-type': contentType } : {}),
      'content-length': String(body.length),
      ...reply.headers
    })
    what = `drip ${fault.dripMs}ms of a ${reply.status}`
    completed = await drip(res, body, fault.dripMs, delays)
  } else if (fault.kind === 'gzipBomb') {
    res.writeHead(200, { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' })
    what = `gzip bomb of ${fault.gzipBombBytes} bytes`
    completed = await writeAll(res, repeat(gzipMember(), Math.ceil(fault.gzipBombBytes / MiB)))
  } else if (fault.kind === 'hugeJson') {
    res.writeHead(200, { 'content-type': JSON_TYPE })
    what = `huge JSON of ${fault.hugeJsonBytes} bytes`
    completed = await writeAll(res, hugeJson(fault.hugeJsonBytes))
  } else {
    res.writeHead(200, { 'content-type': JSON_TYPE })
    what = 'endless body'
    completed = await writeAll(res, endless())
  }
  if (completed) res.end()
  return completed ? what : `${what} (client gone)`
}
