import { describe, expect, it } from '@jest/globals'
import { MAX_CHECK_WORK, MAX_PATTERN_CHARS, PatternChecker } from '../../src/inputs/pattern-check.js'

describe('PatternChecker', () => {
  it('matches the whole value, as the panel means its pattern', () => {
    const checker = new PatternChecker()
    expect(checker.check('S[0-9]{3}', 'S123')).toBe('fits')
    expect(checker.check('S[0-9]{3}', 'S1234')).toBe('differs')
    expect(checker.check('S[0-9]{3}', 'xS123')).toBe('differs')
    expect(checker.check('a|b', 'b')).toBe('fits')
    // JavaScript's spellings are read too.
    expect(checker.check('(?<id>[a-z]+)-\\u{1F600}', 'abc-😀')).toBe('fits')
  })

  it('decides a pattern that makes a backtracking engine run for hours at once', () => {
    // With a backtracking engine the first check alone would outlast the test's timeout.
    const checker = new PatternChecker(60_000) // no budget here: nothing is cut short
    expect(checker.check('(\\w+\\s?)*', `${'a'.repeat(43)}!`)).toBe('differs')
    expect(checker.check('(x+x+)+y', 'x'.repeat(20_000))).toBe('differs')
    // The slowest kind RE2 meets, at the most work it takes on.
    expect(checker.check('(?:.{0,999})*z', 'a'.repeat(MAX_CHECK_WORK / 2_100))).toBe('differs')
  })

  it('does not check what RE2 cannot read, or what is too long', () => {
    const checker = new PatternChecker()
    expect(checker.check('(a)\\1', 'aa')).toEqual({ unchecked: expect.stringContaining('invalid escape sequence') })
    expect(checker.check('a(?=b)', 'ab')).toEqual({ unchecked: expect.stringContaining('(?=') })
    expect(checker.check('a'.repeat(MAX_PATTERN_CHARS + 1), 'a')).toEqual({
      unchecked: 'it is longer than 1,000 characters'
    })
    expect(checker.check('a*', 'a'.repeat(100_000))).toBe('fits')
    expect(checker.check('(?:.{0,999})*z', 'a'.repeat(2_000))).toEqual({
      unchecked: 'the pattern is too complex to check against a value of 2,000 characters in time'
    })
  })

  it('stops checking once its time budget is spent', () => {
    // Each check takes 60 ms by this clock: the second one spends the budget.
    let clock = 0
    const checker = new PatternChecker(100, () => (clock += 60))
    expect(checker.check('a+', 'aaa')).toBe('fits')
    expect(checker.check('a+', 'b')).toBe('differs')
    expect(checker.check('a+', 'aaa')).toEqual({
      unchecked: 'the pattern checks already took 100 ms, their time limit'
    })
  })
})
