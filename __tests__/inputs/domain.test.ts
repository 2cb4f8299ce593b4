import { describe, expect, it } from '@jest/globals'
import { resolveApiLocation } from '../../src/inputs/domain.js'

const api = (raw: string): string => resolveApiLocation('domain', raw).apiBase

describe('domain', () => {
  it.each([
    ['codeocean.example.com', 'https://codeocean.example.com/api/v1'],
    ['  codeocean.example.com  ', 'https://codeocean.example.com/api/v1'],
    ['codeocean.example.com:8443', 'https://codeocean.example.com:8443/api/v1'],
    ['https://codeocean.example.com/', 'https://codeocean.example.com/api/v1'],
    ['https://codeocean.example.com/api/v1', 'https://codeocean.example.com/api/v1'],
    ['https://codeocean.example.com/api/v1/', 'https://codeocean.example.com/api/v1'],
    ['https://codeocean.example.com/api/v1/api/v1//', 'https://codeocean.example.com/api/v1'],
    ['https://example.com/codeocean//', 'https://example.com/codeocean/api/v1'],
    ['HTTPS://CodeOcean.Example.com', 'https://codeocean.example.com/api/v1'],
    ['http://localhost:8080', 'http://localhost:8080/api/v1'],
    ['http://127.0.0.1:3000/api/v1', 'http://127.0.0.1:3000/api/v1'],
    ['http://[::1]:3000', 'http://[::1]:3000/api/v1']
  ])('%s -> %s', (raw, expected) => {
    expect(api(raw)).toBe(expected)
  })

  it.each([
    ['http://codeocean.example.com', 'clear text'],
    ['http://10.0.0.5', 'clear text'],
    ['ftp://codeocean.example.com', 'scheme "ftp" is not supported'],
    ['https://user:pw@codeocean.example.com', 'user name or password'],
    ['https://token@codeocean.example.com', 'user name or password'],
    ['codeocean.example.com?x=1', 'query string'],
    ['codeocean.example.com/#x', 'fragment'],
    ['code ocean.example.com', 'not a host name or URL'],
    ['', 'is empty']
  ])('refuses %j', (raw, message) => {
    expect(() => api(raw)).toThrow(message)
  })
})
