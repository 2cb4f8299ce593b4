import { describe, expect, it } from '@jest/globals'
import { andMore, capItems, capText, joinCapped, VALUE_CHARS } from '../src/caps.js'

describe('capText', () => {
  it('keeps a short value, and cuts a long one saying how much more there was', () => {
    expect(capText('nightly')).toBe('nightly')
    expect(capText('x'.repeat(VALUE_CHARS))).toBe('x'.repeat(VALUE_CHARS))
    expect(capText('x'.repeat(400_000))).toBe(`${'x'.repeat(VALUE_CHARS)}… (399,700 more characters)`)
    expect(capText('abcdef', 3)).toBe('abc… (3 more characters)')
  })

  it('never splits a surrogate pair', () => {
    expect(capText('ab😀cd', 3)).toBe('ab… (4 more characters)')
  })
})

describe('lists', () => {
  it('lists at most the first few, then how many more', () => {
    expect(joinCapped(['a', 'b'])).toBe('a, b')
    expect(joinCapped(['a', 'b', 'c', 'd'], 2)).toBe('a, b and 2 more')
    const many = Array.from({ length: 5_000 }, (_, i) => String(i))
    expect(joinCapped(many)).toBe('0, 1, 2, 3, 4, 5, 6, 7, 8, 9 and 4,990 more')
    expect(joinCapped(['a', 'b', 'c'], 1, '; ')).toBe('a and 2 more')
    expect(capItems([1, 2, 3], 2)).toEqual({ shown: [1, 2], more: 1 })
    expect(capItems([1], 2)).toEqual({ shown: [1], more: 0 })
    expect(andMore(1234, 'files')).toBe('…and 1,234 more files.')
  })
})
