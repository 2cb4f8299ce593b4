import { describe, expect, it } from '@jest/globals'
import type { LookupAddress } from 'node:dns'
import { addressKind, guardedLookup, refusedLink, storeRulesFor } from '../../src/results/store-address.js'

const ELSEWHERE = { loopbackDomain: false }
const LOCAL = { loopbackDomain: true }

describe('what an address reaches', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.3.4', 'loopback'],
    ['0.0.0.0', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['febf::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::169.254.169.254', 'link-local'],
    // Private ranges stay reachable: Code Ocean may live in a VPC.
    ['10.0.0.5', 'other'],
    ['172.16.4.2', 'other'],
    ['192.168.1.1', 'other'],
    ['169.253.1.1', 'other'],
    ['fec0::1', 'other'],
    ['2600:1f18::1', 'other'],
    ['::ffff:10.0.0.1', 'other'],
    ['s3.amazonaws.com', undefined]
  ])('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind)
  })
})

describe('which links and redirects are followed', () => {
  it('takes https links to public and private stores', () => {
    expect(refusedLink('https://bucket.s3.amazonaws.com/results/a.csv?X-Amz-Signature=abc', ELSEWHERE)).toBeUndefined()
    expect(refusedLink('https://10.1.2.3/bucket/a.csv', ELSEWHERE)).toBeUndefined()
  })

  it('refuses http, unless Code Ocean itself is on this machine', () => {
    expect(refusedLink('http://bucket.example.com/a.csv', ELSEWHERE)).toBe('http://bucket.example.com is not https')
    expect(refusedLink('http://127.0.0.1:9000/a.csv', LOCAL)).toBeUndefined()
    expect(refusedLink('ftp://127.0.0.1/a.csv', LOCAL)).toBe('ftp://127.0.0.1 is not https')
    expect(refusedLink('not a link', LOCAL)).toBe('it is not a URL')
  })

  it.each([
    'https://127.0.0.1/a',
    'https://localhost/a',
    'https://store.localhost./a',
    'https://[::1]/a',
    'https://[::ffff:127.0.0.1]/a',
    'https://2130706433/a',
    'https://0x7f.1/a',
    'https://0.0.0.0/a'
  ])('refuses %s (this machine) when Code Ocean is elsewhere, allows it when it is local', (link) => {
    expect(refusedLink(link, ELSEWHERE)).toMatch(/is an address of the runner itself \(loopback\)$/)
    expect(refusedLink(link, LOCAL)).toBeUndefined()
  })

  it.each(['https://169.254.169.254/latest/meta-data/', 'https://[fe80::1]/a', 'https://[::ffff:169.254.169.254]/a'])(
    'always refuses %s (link-local), and shows no more than scheme and host',
    (link) => {
      for (const rules of [ELSEWHERE, LOCAL]) {
        const why = refusedLink(link, rules) ?? ''
        expect(why).toMatch(/is a link-local address/)
        expect(why).not.toContain('meta-data')
      }
    }
  )

  it('knows a loopback Code Ocean by its API base', () => {
    expect(storeRulesFor('http://127.0.0.1:8080/api/v1')).toEqual(LOCAL)
    expect(storeRulesFor('http://localhost:8080/api/v1')).toEqual(LOCAL)
    expect(storeRulesFor('http://[::1]:8080/api/v1')).toEqual(LOCAL)
    expect(storeRulesFor('https://codeocean.example.com/api/v1')).toEqual(ELSEWHERE)
    expect(storeRulesFor('https://10.0.0.2/api/v1')).toEqual(ELSEWHERE)
  })
})

describe('a store name that resolves to a forbidden address', () => {
  const resolvingTo =
    (...addresses: string[]) =>
    (_host: string, _options: object, callback: (error: NodeJS.ErrnoException | null, a: LookupAddress[]) => void) =>
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
      )

  function lookUp(rules: { loopbackDomain: boolean }, ...addresses: string[]): Promise<LookupAddress[]> {
    return new Promise((resolve, reject) => {
      guardedLookup(rules, resolvingTo(...addresses))('store.example.com', {}, (error, found) =>
        error ? reject(error) : resolve(found)
      )
    })
  }

  it('is refused before any connection', async () => {
    await expect(lookUp(ELSEWHERE, '169.254.169.254')).rejects.toThrow(
      'store.example.com resolves to 169.254.169.254, a link-local address'
    )
    await expect(lookUp(ELSEWHERE, '203.0.113.9', '127.0.0.1')).rejects.toThrow('resolves to 127.0.0.1')
    await expect(lookUp(LOCAL, '::ffff:169.254.169.254')).rejects.toThrow('link-local')
  })

  it('passes allowed answers through', async () => {
    await expect(lookUp(ELSEWHERE, '10.0.0.7')).resolves.toEqual([{ address: '10.0.0.7', family: 4 }])
    await expect(lookUp(LOCAL, '127.0.0.1')).resolves.toEqual([{ address: '127.0.0.1', family: 4 }])
  })
})
