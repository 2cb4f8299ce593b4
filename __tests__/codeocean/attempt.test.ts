/**
 * How an attempt names what went wrong, over real HTTP: an answer over its size limit
 * becomes ERR_ANSWER_TOO_LARGE, found by axios's error code (ERR_BAD_RESPONSE without a
 * response), never by its wording; an attempt past its deadline becomes ETIMEDOUT;
 * everything else keeps axios's own code. Each case is also held to the rule this
 * replaced, which matched axios's message text, so the two are shown to agree.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import axios, { AxiosError, type AxiosRequestConfig } from 'axios'
import { installAttempts, type AttemptPlan } from '../../src/codeocean/attempt.js'
import { ANSWER_TOO_LARGE } from '../../src/codeocean/limits.js'

const LIMIT = 1024

/** The rule this replaced: axios's words for an answer over maxContentLength. */
function matchedByMessage(error: unknown): boolean {
  return error instanceof AxiosError && /^maxContentLength size of \d+ exceeded/.test(error.message)
}

let server: Server
let base: string
let closedPort: number

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/over':
        res.end('x'.repeat(LIMIT + 1))
        return
      case '/at':
        res.end('x'.repeat(LIMIT))
        return
      case '/gzip-bomb':
        // A few KiB on the wire, a MiB once inflated: the limit counts the inflated bytes.
        res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync(Buffer.alloc(1024 * 1024)))
        return
      case '/error-answer':
        res.writeHead(500).end('{"message": "boom"}')
        return
      case '/cut-off':
        res.writeHead(200, { 'Content-Length': '1000' })
        res.write('x'.repeat(10), () => res.socket?.destroy())
        return
      case '/silent':
        // Never answers: the attempt's deadline or the caller's cancel ends it.
        return
      default:
        res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  closedPort = (closed.address() as AddressInfo).port
  await new Promise((resolve) => closed.close(resolve))
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

interface Outcome {
  /** The error as axios raised it, before the attempt named it; undefined for an answer. */
  raw?: unknown
  /** The error the call failed with; undefined for an answer. */
  final?: unknown
}

/** One call through an axios instance set up as the API transport sets up its own. */
async function call(url: string, plan: Partial<AttemptPlan> = {}): Promise<Outcome> {
  const http = axios.create({
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0
  })
  const outcome: Outcome = {}
  // Added first, so it sees each error as axios raised it, before the attempt's own interceptor.
  http.interceptors.response.use(undefined, (error: unknown) => {
    outcome.raw = error
    throw error
  })
  installAttempts(http)
  const codeOceanAttempt: AttemptPlan = { deadlineMs: 5_000, maxBytes: LIMIT, ...plan }
  try {
    await http.get(url, { codeOceanAttempt } as AxiosRequestConfig)
  } catch (error) {
    outcome.final = error
  }
  return outcome
}

function codeOf(error: unknown): string | undefined {
  return error instanceof AxiosError ? error.code : undefined
}

/** The new rule and the old one agree: too large exactly when axios's message said so. */
function expectAgreement({ raw, final }: Outcome): void {
  expect(codeOf(final) === ANSWER_TOO_LARGE).toBe(matchedByMessage(raw))
}

describe('what an attempt calls a failure', () => {
  it('an answer one byte over the limit is too large', async () => {
    const outcome = await call(`${base}/over`)
    expect(codeOf(outcome.raw)).toBe(AxiosError.ERR_BAD_RESPONSE)
    expect(codeOf(outcome.final)).toBe(ANSWER_TOO_LARGE)
    expect(outcome.final).toHaveProperty('message', `maxContentLength size of ${LIMIT} exceeded`)
    expectAgreement(outcome)
  })

  it('a small compressed answer that inflates over the limit is too large', async () => {
    const outcome = await call(`${base}/gzip-bomb`, { maxBytes: 64 * 1024 })
    expect(codeOf(outcome.final)).toBe(ANSWER_TOO_LARGE)
    expectAgreement(outcome)
  })

  it('an answer exactly at the limit is read', async () => {
    const outcome = await call(`${base}/at`)
    expect(outcome).toEqual({})
  })

  it('an error answer is an answer, for the transport to judge', async () => {
    expect(await call(`${base}/error-answer`)).toEqual({})
  })

  it('an answer that breaks off is not too large, though axios gives it the same code', async () => {
    const outcome = await call(`${base}/cut-off`)
    // ERR_BAD_RESPONSE too, but with the response it is about: what tells it from an answer over the limit.
    expect(codeOf(outcome.raw)).toBe(AxiosError.ERR_BAD_RESPONSE)
    expect((outcome.raw as AxiosError).response?.status).toBe(200)
    expect(outcome.final).toBe(outcome.raw)
    expectAgreement(outcome)
  })

  it('an attempt past its deadline is a timeout', async () => {
    const outcome = await call(`${base}/silent`, { deadlineMs: 600 })
    expect(codeOf(outcome.raw)).toBe(AxiosError.ERR_CANCELED)
    expect(codeOf(outcome.final)).toBe('ETIMEDOUT')
    expect(outcome.final).toHaveProperty('message', 'no answer within 1 s')
    expectAgreement(outcome)
  })

  it("the caller's cancel stays a cancel", async () => {
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(), 100)
    const outcome = await call(`${base}/silent`, { deadlineMs: 5_000, signal: cancel.signal })
    expect(codeOf(outcome.final)).toBe(AxiosError.ERR_CANCELED)
    expectAgreement(outcome)
  })

  it('a refused connection keeps its network code', async () => {
    const outcome = await call(`http://127.0.0.1:${closedPort}/`)
    expect(codeOf(outcome.final)).toBe('ECONNREFUSED')
    expectAgreement(outcome)
  })
})
