import { describe, expect, it } from '@jest/globals'
import { lastMeaningfulLine, LineTail } from '../../src/results/log-tail.js'

describe('console log tail', () => {
  it('keeps the last lines of text arriving in odd chunks, without colour codes', () => {
    const tail = new LineTail(3)
    for (const chunk of ['one\ntw', 'o\r\nthree\n\x1b[31mfo', 'ur\x1b[0m\nfive']) tail.push(chunk)
    expect(tail.end()).toEqual(['three', 'four', 'five'])
  })

  it('picks the last error-like line, else the last line with words', () => {
    expect(
      lastMeaningfulLine(['start', 'Traceback (most recent call last):', 'ValueError: bad input', '', '-----'])
    ).toBe('ValueError: bad input')
    expect(lastMeaningfulLine(['step 1', 'step 2 done', '', '====='])).toBe('step 2 done')
    expect(lastMeaningfulLine(['', '--'])).toBeUndefined()
  })
})
