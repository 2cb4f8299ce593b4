import { describe, expect, it } from '@jest/globals'
import { transferDeadlineMs } from '../src/results/object-store.js'
import { MAX_TIMER_MS, timerDelayMs } from '../src/timer-limits.js'

describe('delays a timer holds', () => {
  it('keeps a delay within [least, 2^31 - 1 ms], and takes one that is not a number as the least', () => {
    expect(timerDelayMs(10_000, 5_000)).toBe(10_000)
    expect(timerDelayMs(1, 5_000)).toBe(5_000)
    expect(timerDelayMs(2 ** 40)).toBe(MAX_TIMER_MS)
    expect(timerDelayMs(NaN, 5_000)).toBe(5_000)
    expect(timerDelayMs(Infinity, 5_000)).toBe(5_000)
    expect(timerDelayMs(-Infinity)).toBe(0)
  })

  it('gives a download of any listed size a deadline a timer holds', () => {
    expect(transferDeadlineMs(0)).toBe(60_000)
    expect(transferDeadlineMs(120_000_000)).toBe(120_000)
    // Terabytes would be a deadline of weeks: a timer that overflowed would fire at once.
    expect(transferDeadlineMs(5e12)).toBe(MAX_TIMER_MS)
  })
})
