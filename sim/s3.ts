// S3's wire format, as far as the object store speaks it: how a URL names an
// object, the date and header forms S3 uses, content types by file extension,
// and the XML error document S3 answers with instead of JSON.

import { randomBytes } from 'node:crypto'
import { isCleanPath } from './results.js'

/** What a store URL names: /<bucket>/<computation id>/<key>. */
export interface Target {
  bucket: string
  computationId: string
  path: string
}

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  txt: 'text/plain',
  log: 'text/plain',
  html: 'text/html',
  json: 'application/json',
  gz: 'application/gzip',
  zip: 'application/zip'
}

/** The Content-Type the store serves a file with, by its extension. */
export function contentTypeOf(name: string): string {
  const dot = name.lastIndexOf('.')
  const ext = dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
  // S3's own default for objects uploaded without a type.
  return CONTENT_TYPES[ext] ?? 'binary/octet-stream'
}

/** A path's file name: its last non-empty segment. */
export function lastSegment(path: string): string {
  return (
    path
      .split('/')
      .filter((s) => s !== '')
      .at(-1) ?? path
  )
}

/** The object key in URL form: clean paths keep their slashes; hostile ones become one segment (`..%2Fescape.txt`) so no URL parser resolves their dot segments away. */
export function encodeKey(path: string): string {
  return isCleanPath(path) ? path.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(path)
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A fresh value for the x-amz-request-id header (and an error's RequestId). */
export function s3RequestId(): string {
  return randomBytes(8).toString('hex').toUpperCase()
}

/** An S3 error document: Code, Message, any `extra` fields, then RequestId and HostId. */
export function s3ErrorXml(code: string, message: string, extra: Record<string, string>, requestId: string): string {
  const fields = Object.entries({
    Code: code,
    Message: message,
    ...extra,
    RequestId: requestId,
    HostId: randomBytes(24).toString('base64')
  })
    .map(([name, value]) => `<${name}>${xmlEscape(value)}</${name}>`)
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${fields}</Error>`
}

/** X-Amz-Date's compact ISO form, e.g. 20240101T120000Z. */
export function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** An ASCII stand-in for a quoted header value (the plain `filename=`); `filename*=` carries the real name. */
export function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]|"|\\/g, '_')
}

/** Reads back what a store URL's path names; undefined when it names no object key. */
export function parseTarget(pathname: string): Target | undefined {
  const parts = pathname.split('/')
  // '', bucket, computation id, key...
  if (parts.length < 4 || parts[0] !== '') return undefined
  const decode = (raw: string): string => {
    try {
      return decodeURIComponent(raw)
    } catch {
      return raw
    }
  }
  const key = parts.slice(3).join('/')
  if (key === '') return undefined
  return { bucket: decode(parts[1] ?? ''), computationId: decode(parts[2] ?? ''), path: decode(key) }
}

/**
 * The byte range [from, to) a `Range` header asks of an object of `size` bytes, as S3
 * reads it: one range, `bytes=a-b`, `bytes=a-` or a suffix `bytes=-n` (the last n
 * bytes, or all of a shorter object). Undefined means "send it all" (no header, or
 * one S3 ignores, such as several ranges); 'unsatisfiable' is a 416.
 */
export function byteRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '')
  if (match === null) return undefined
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return undefined
  if (first === '') {
    const suffix = Number(last)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return [Math.max(0, size - suffix), size]
  }
  const from = Number(first)
  if (from >= size) return 'unsatisfiable'
  const to = last === '' ? size : Math.min(size, Number(last) + 1)
  if (to <= from) return undefined
  return [from, to]
}
