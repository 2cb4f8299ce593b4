import { describe, expect, it } from '@jest/globals'
import { mayHaveStartedRun } from '../../src/codeocean/computations-api.js'
import {
  CancelledCreateError,
  CodeOceanApiError,
  CodeOceanNetworkError,
  UnreadableStartError
} from '../../src/codeocean/errors.js'
import { ANSWER_TOO_LARGE } from '../../src/codeocean/limits.js'

const START = { operation: 'start the run' }

describe('which failed starts may have started a run', () => {
  it.each([
    ['a 500', new CodeOceanApiError(500, undefined, START)],
    ['a 504 from a gateway', new CodeOceanApiError(504, undefined, START)],
    ['a reset', new CodeOceanNetworkError('reset', 'ECONNRESET')],
    ['a timeout', new CodeOceanNetworkError('timeout', 'ETIMEDOUT')],
    ['an answer too large', new CodeOceanNetworkError('large', ANSWER_TOO_LARGE)],
    ['a 2xx answer that is not a run', new UnreadableStartError('unreadable', {})]
  ])('%s: yes', (_, error) => {
    expect(mayHaveStartedRun(error)).toBe(true)
  })

  it.each([
    ['a refusal (400)', new CodeOceanApiError(400, undefined, START)],
    ['a 429 after the retries', new CodeOceanApiError(429, undefined, START)],
    ['a refused connection', new CodeOceanNetworkError('refused', 'ECONNREFUSED')],
    ['a name that does not exist', new CodeOceanNetworkError('dns', 'ENOTFOUND')],
    ['a certificate refused', new CodeOceanNetworkError('tls', 'CERT_HAS_EXPIRED')],
    ['a cancel', new CancelledCreateError('cancelled')],
    ['anything else', new Error('boom')]
  ])('%s: no', (_, error) => {
    expect(mayHaveStartedRun(error)).toBe(false)
  })
})
