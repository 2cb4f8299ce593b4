import { describe, expect, it } from '@jest/globals'
import {
  classifyNetworkError,
  explainNetworkFailure,
  explainStoreFailure,
  hostAndPort,
  isRetryableNetworkProblem,
  provesNothingSent,
  type NetworkFailure
} from '../../src/codeocean/network-failures.js'

const CA_FIX = "set NODE_EXTRA_CA_CERTS to its path in the job's `env`"
const URL_443 = 'https://codeocean.example.com/api/v1'

function failure(code: string | undefined, more: Partial<NetworkFailure> = {}): NetworkFailure {
  return { operation: 'start the run', code, text: `some text about ${code}`, url: URL_443, timeoutMs: 30_000, ...more }
}

describe('classifying network errors', () => {
  it.each([
    ['ENOTFOUND', 'dns-missing', false],
    ['EAI_AGAIN', 'dns-temporary', true],
    ['ECONNREFUSED', 'refused', true],
    ['EHOSTUNREACH', 'unreachable', true],
    ['ENETUNREACH', 'unreachable', true],
    ['ETIMEDOUT', 'timeout', true],
    ['ECONNABORTED', 'timeout', true],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls-unknown-ca', false],
    ['UNABLE_TO_GET_ISSUER_CERT', 'tls-unknown-ca', false],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tls-unknown-ca', false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls-self-signed', false],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls-self-signed', false],
    ['CERT_HAS_EXPIRED', 'tls-expired', false],
    ['CERT_NOT_YET_VALID', 'tls-expired', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls-hostname', false],
    ['ECONNRESET', 'other', true],
    ['toString', 'other', true],
    [undefined, 'other', true]
  ] as const)('%s is %s (retried: %s)', (code, problem, retried) => {
    expect(classifyNetworkError(code)).toBe(problem)
    expect(isRetryableNetworkProblem(problem)).toBe(retried)
  })

  it('knows which failures prove nothing reached the server', () => {
    expect(provesNothingSent('refused')).toBe(true)
    expect(provesNothingSent('dns-missing')).toBe(true)
    expect(provesNothingSent('tls-unknown-ca')).toBe(true)
    expect(provesNothingSent('timeout')).toBe(false)
    expect(provesNothingSent('other')).toBe(false)
  })

  it('fills in the default port of the scheme', () => {
    expect(hostAndPort('https://a.example/api/v1')).toEqual({ host: 'a.example', port: '443' })
    expect(hostAndPort('http://localhost/api/v1')).toEqual({ host: 'localhost', port: '80' })
    expect(hostAndPort('http://[::1]:8080/api/v1')).toEqual({ host: '[::1]', port: '8080' })
  })
})

describe('explaining network errors', () => {
  it('names the domain input and the host for a name that does not resolve', () => {
    const message = explainNetworkFailure(failure('ENOTFOUND', { lookedUp: 'codeocean.example.com' }))
    expect(message).toMatch(/^Could not start the run: the host codeocean\.example\.com was not found \(ENOTFOUND\)/)
    expect(message).toContain('Check the `domain` input: codeocean.example.com does not resolve')
  })

  it('blames the proxy, not the domain, when the proxy host does not resolve', () => {
    const message = explainNetworkFailure(
      failure('ENOTFOUND', { lookedUp: 'proxy.corp', proxy: 'http://proxy.corp:3128' })
    )
    expect(message).toContain('the proxy host proxy.corp was not found')
    expect(message).toContain('HTTPS_PROXY')
    expect(message).not.toContain('`domain`')
  })

  it('says a DNS server that did not answer is usually a passing trouble', () => {
    const message = explainNetworkFailure(failure('EAI_AGAIN'))
    expect(message).toContain('looking up codeocean.example.com failed (EAI_AGAIN) on every try')
    expect(message).toContain('usually temporary')
  })

  it('names host and port and asks about domain and reachability when refused or timed out', () => {
    const refused = explainNetworkFailure(failure('ECONNREFUSED', { url: 'http://127.0.0.1:9/api/v1' }))
    expect(refused).toContain('the connection to 127.0.0.1:9 was refused (ECONNREFUSED)')
    expect(refused).toContain('Is the `domain` input right, and is 127.0.0.1:9 reachable from this runner?')
    const timeout = explainNetworkFailure(failure('ECONNABORTED', { timeoutMs: 10_000 }))
    expect(timeout).toContain('no answer from codeocean.example.com:443 within 10 s (ECONNABORTED)')
    expect(timeout).toContain('reachable from this runner?')
  })

  it('says which proxy a failed request went through', () => {
    const message = explainNetworkFailure(failure('ECONNREFUSED', { proxy: 'http://proxy.corp:3128' }))
    expect(message).toContain(
      '(Code Ocean at https://codeocean.example.com/api/v1, through the proxy http://proxy.corp:3128)'
    )
    expect(message).toContain('check that the proxy is up')
  })

  it.each([
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'is not signed by a certificate authority this runner trusts', CA_FIX],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'is self-signed, or its chain ends in a root', CA_FIX],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'is self-signed', CA_FIX],
    ['CERT_HAS_EXPIRED', 'has expired', 'must renew it'],
    ['CERT_NOT_YET_VALID', 'is not valid yet', "Check the runner's clock"],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      'is not issued for the name codeocean.example.com',
      'a name the certificate covers'
    ]
  ])('says what was wrong with the certificate: %s', (code, words, fix) => {
    const message = explainNetworkFailure(failure(code))
    expect(message).toContain(`the certificate of codeocean.example.com:443 ${words}`)
    expect(message).toContain(code)
    expect(message.split('\n')[1]).toContain(fix)
    expect(message.includes('NODE_EXTRA_CA_CERTS')).toBe(fix === CA_FIX)
  })

  it('quotes the error as it came for anything else', () => {
    expect(explainNetworkFailure(failure('ECONNRESET', { text: 'socket hang up' }))).toBe(
      'Could not start the run: ECONNRESET: socket hang up (Code Ocean at https://codeocean.example.com/api/v1)'
    )
  })
})

describe('explaining failed downloads from the object store', () => {
  const SIGNED = 'https://bucket.s3.example.com:8443/results/output?X-Amz-Signature=abc123secret&X-Amz-Expires=300'
  const store = (code: string | undefined, text = `text of ${code}`): string | undefined =>
    explainStoreFailure({ code, text, url: SIGNED, timeoutMs: 60_000 })

  it('names the store, not the domain input, when its host does not resolve or answer', () => {
    expect(store('ENOTFOUND')).toMatch(/^the object store host bucket\.s3\.example\.com was not found \(ENOTFOUND\)\. /)
    expect(store('ECONNREFUSED')).toContain('the connection to bucket.s3.example.com:8443 was refused')
    for (const code of ['ENOTFOUND', 'ECONNREFUSED', 'ETIMEDOUT']) {
      expect(store(code)).toContain("the storage that Code Ocean's signed links point to")
      expect(store(code)).not.toContain('`domain`')
    }
  })

  it('gives the certificate advice for a private authority', () => {
    const message = store('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate')
    expect(message).toContain('the certificate of bucket.s3.example.com:8443 is not signed by a certificate authority')
    expect(message).toContain('NODE_EXTRA_CA_CERTS')
    expect(store('ERR_TLS_CERT_ALTNAME_INVALID')).not.toContain('`domain`')
  })

  it('never quotes the signed link, and leaves other errors in their own words', () => {
    for (const code of ['ENOTFOUND', 'ECONNREFUSED', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
      expect(store(code)).not.toContain('abc123secret')
    }
    expect(store('ECONNRESET')).toBeUndefined()
    expect(store(undefined)).toBeUndefined()
  })
})
