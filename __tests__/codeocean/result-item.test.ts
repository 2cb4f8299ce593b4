import { describe, expect, it } from '@jest/globals'
import { readResultItems } from '../../src/codeocean/models/result-item.js'

describe('reading a results listing', () => {
  it('takes a size only as a whole number of bytes: anything else is unknown (the download checks Content-Length)', () => {
    const sizes = [12, '34', 0, -5, 1.5, 1e308, 2 ** 60, 'NaN', '', null, true, undefined]
    const items = readResultItems({
      items: sizes.map((size, i) => ({ name: `f${i}`, path: `f${i}`, type: 'file', size }))
    })
    expect(items.map((item) => item.size)).toEqual([12, 34, 0, ...Array(sizes.length - 3).fill(undefined)])
  })
})
