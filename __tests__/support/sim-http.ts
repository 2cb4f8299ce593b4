// HTTP helpers for tests that talk to the Code Ocean simulator over loopback.

import { expect } from '@jest/globals'
import type { CodeOceanSimulator } from '../../sim/simulator.js'

export type Json = Record<string, unknown>

export interface CallOptions {
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown
  /** Sent as is. */
  raw?: string
  contentType?: string
  /** null sends no Authorization header; default is the right token. */
  authorization?: string | null
  headers?: Record<string, string>
}

export interface CallResult {
  status: number
  headers: Headers
  text: string
  json: unknown
}

export function basic(user: string, password = ''): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

/** One request to the simulator with fetch; `json` is the parsed body, or undefined when empty or not JSON. */
export async function call(
  sim: CodeOceanSimulator,
  method: string,
  path: string,
  opts: CallOptions = {}
): Promise<CallResult> {
  const headers: Record<string, string> = { ...opts.headers }
  const authorization = opts.authorization === undefined ? basic(sim.token) : opts.authorization
  if (authorization !== null) headers.Authorization = authorization
  let body: string | undefined
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json)
    headers['Content-Type'] = opts.contentType ?? 'application/json'
  } else if (opts.raw !== undefined) {
    body = opts.raw
    if (opts.contentType !== undefined) headers['Content-Type'] = opts.contentType
  }
  const res = await fetch(sim.url + path, { method, headers, ...(body !== undefined ? { body } : {}) })
  const text = await res.text()
  let json: unknown
  try {
    json = text === '' ? undefined : JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, headers: res.headers, text, json }
}

/** Asserts that a parsed JSON body is an object (not an array) and returns it typed. */
export function asObject(value: unknown): Json {
  expect(value).toEqual(expect.any(Object))
  expect(Array.isArray(value)).toBe(false)
  return value as Json
}
