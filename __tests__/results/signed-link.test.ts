import { describe, expect, it } from '@jest/globals'
import { declaredLifetimeMs, isStale, LINK_MAX_AGE_MS, linkShelfLifeMs } from '../../src/results/signed-link.js'

const link = (expires?: string): string =>
  `https://bucket.s3.amazonaws.com/run/file.bin?X-Amz-Algorithm=AWS4-HMAC-SHA256${expires === undefined ? '' : `&X-Amz-Expires=${encodeURIComponent(expires)}`}`

describe('signed links', () => {
  it('reads the lifetime a link declares, in whole seconds from 1 s to 7 days', () => {
    expect(declaredLifetimeMs(link('900'))).toBe(900_000)
    expect(declaredLifetimeMs(link('1'))).toBe(1000)
    expect(declaredLifetimeMs(link('604800'))).toBe(604_800_000)
  })

  it.each(['0', '604801', '-5', '1e3', '12.5', ' 60', 'NaN', 'Infinity', '99999999999999999999', ''])(
    'ignores a declared lifetime of %j',
    (value) => {
      expect(declaredLifetimeMs(link(value))).toBeUndefined()
    }
  )

  it('ignores a link that declares none, or is no URL', () => {
    expect(declaredLifetimeMs(link())).toBeUndefined()
    expect(declaredLifetimeMs('not a url')).toBeUndefined()
  })

  it('uses a link for at most a minute, or half its declared lifetime if that is shorter', () => {
    expect(linkShelfLifeMs(link())).toBe(LINK_MAX_AGE_MS)
    expect(linkShelfLifeMs(link('3600'))).toBe(LINK_MAX_AGE_MS)
    expect(linkShelfLifeMs(link('60'))).toBe(30_000)
    expect(linkShelfLifeMs(link('1'))).toBe(500)
    expect(linkShelfLifeMs(link('oops'))).toBe(LINK_MAX_AGE_MS)
  })

  it('tells a stale link from a young one by when it came', () => {
    const young = { url: link('10'), receivedAt: 1000 }
    expect(isStale(young, 1000 + 5000)).toBe(false)
    expect(isStale(young, 1000 + 5001)).toBe(true)
  })
})
