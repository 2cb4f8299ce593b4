import { describe, expect, it } from '@jest/globals'
import { mayRetry, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelayMs } from '../../src/codeocean/retry.js'

describe('which failures are retried', () => {
  it.each([
    ['idempotent', 429, undefined, true],
    ['idempotent', 500, undefined, true],
    ['idempotent', 502, undefined, true],
    ['idempotent', 503, undefined, true],
    ['idempotent', 504, undefined, true],
    ['idempotent', 400, undefined, false],
    ['idempotent', 401, undefined, false],
    ['idempotent', 404, undefined, false],
    ['idempotent', undefined, 'ECONNRESET', true],
    ['idempotent', undefined, 'ECONNABORTED', true],
    ['idempotent', undefined, 'ERR_CANCELED', false],
    ['idempotent', undefined, 'EAI_AGAIN', true],
    ['idempotent', undefined, 'ECONNREFUSED', true],
    ['idempotent', undefined, 'ETIMEDOUT', true],
    ['idempotent', undefined, 'ENOTFOUND', false],
    ['idempotent', undefined, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', false],
    ['idempotent', undefined, 'SELF_SIGNED_CERT_IN_CHAIN', false],
    ['idempotent', undefined, 'DEPTH_ZERO_SELF_SIGNED_CERT', false],
    ['idempotent', undefined, 'CERT_HAS_EXPIRED', false],
    ['idempotent', undefined, 'ERR_TLS_CERT_ALTNAME_INVALID', false],
    ['start', 429, undefined, true],
    ['start', undefined, 'ECONNREFUSED', true],
    ['start', undefined, 'EAI_AGAIN', true],
    ['start', undefined, 'EHOSTUNREACH', true],
    ['start', undefined, 'ENOTFOUND', false],
    ['start', undefined, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', false],
    ['start', 500, undefined, false],
    ['start', 503, undefined, false],
    ['start', undefined, 'ECONNRESET', false],
    ['start', undefined, 'ECONNABORTED', false]
  ] as const)('%s request, status %s, error %s -> %s', (kind, status, code, expected) => {
    expect(mayRetry({ kind, status, code })).toBe(expected)
  })
})

describe('how long to wait', () => {
  const now = Date.parse('2026-11-26T12:00:00Z')

  it('reads Retry-After in seconds and as an HTTP date', () => {
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter('Thu, 26 Nov 2026 12:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Thu, 26 Nov 2026 11:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
  })

  it('honours Retry-After, capped', () => {
    expect(retryDelayMs(1, '3', now)).toBe(3000)
    expect(retryDelayMs(1, '3600', now)).toBe(MAX_RETRY_AFTER_MS)
  })

  it('backs off exponentially with full jitter', () => {
    expect(retryDelayMs(1, undefined, now, () => 0.999)).toBe(999)
    expect(retryDelayMs(3, undefined, now, () => 0.5)).toBe(2000)
    expect(retryDelayMs(10, undefined, now, () => 0.999)).toBe(29_970)
    expect(retryDelayMs(4, undefined, now, () => 0)).toBe(0)
  })
})
