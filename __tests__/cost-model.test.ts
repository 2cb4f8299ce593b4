/**
 * The runner-cost model behind `npm run bench -- cost` (script/cost-model.ts): whole-minute
 * billing per job, the settle ticks a detached run is charged with at each alignment of the
 * schedule, the schedule's fixed daily cost and the break-even against waiting in the job.
 */
import { describe, expect, it } from '@jest/globals'
import {
  billedMinutes,
  breakEvenRunsPerDay,
  detachedMinutes,
  detachedNoticeMs,
  HOUR_MS,
  longestRunWithin,
  MINUTE_MS,
  scheduleMinutesPerDay,
  sharedStartMinutes,
  settleOverAlignments,
  settleTicksAt,
  shortJobMs,
  waitingJobMs
} from '../script/cost-model.js'

const QUARTER = 15 * MINUTE_MS
const HALF_HOUR = 30 * MINUTE_MS

describe('billedMinutes', () => {
  it('rounds each job up to a whole minute, and bills a job of a moment one minute', () => {
    expect(billedMinutes(1)).toBe(1)
    expect(billedMinutes(400)).toBe(1)
    expect(billedMinutes(MINUTE_MS)).toBe(1)
    expect(billedMinutes(MINUTE_MS + 1)).toBe(2)
    expect(billedMinutes(0)).toBe(1)
  })

  it('bills a job that waits through a whole-hour run one minute more than the run', () => {
    const overhead = { stepMs: 400, runnerMs: 0 }
    expect(billedMinutes(waitingJobMs(HOUR_MS, overhead, 30_000))).toBe(61)
    expect(billedMinutes(waitingJobMs(6 * HOUR_MS, overhead, 0))).toBe(361)
    expect(billedMinutes(shortJobMs(overhead))).toBe(1)
  })
})

describe('settleTicksAt', () => {
  it('charges a 6-hour run with 24 ticks that find it going and one that completes it, at any offset but 0', () => {
    for (const phase of [1, 5 * MINUTE_MS, QUARTER - 1]) {
      expect(settleTicksAt(6 * HOUR_MS, QUARTER, phase)).toEqual({ whileRunning: 24, completesAfterMs: phase })
    }
  })

  it('spends one tick fewer when ticks fall exactly on the start (too early to see it) and so on the end', () => {
    expect(settleTicksAt(6 * HOUR_MS, QUARTER, 0)).toEqual({ whileRunning: 23, completesAfterMs: 0 })
  })

  it('lets a run shorter than the first tick be completed by that tick alone', () => {
    expect(settleTicksAt(5 * MINUTE_MS, QUARTER, 10 * MINUTE_MS)).toEqual({
      whileRunning: 0,
      completesAfterMs: 5 * MINUTE_MS
    })
  })

  it('counts one tick more or fewer for a run that is not a whole number of intervals, by offset', () => {
    const run = 5 * HOUR_MS + 50 * MINUTE_MS // 23⅓ intervals of 15 minutes
    expect(settleTicksAt(run, QUARTER, MINUTE_MS).whileRunning).toBe(24)
    expect(settleTicksAt(run, QUARTER, 6 * MINUTE_MS).whileRunning).toBe(23)
  })
})

describe('settleOverAlignments', () => {
  it('has a whole-interval run found going R/T times at every offset, and completed T/2 late on average', () => {
    const spread = settleOverAlignments(6 * HOUR_MS, QUARTER)
    expect(spread.whileRunning).toEqual({ worst: 24, mean: 24 })
    expect(spread.completesAfterMs.mean).toBeCloseTo(QUARTER / 2, 0)
    expect(spread.completesAfterMs.worst).toBeGreaterThan(QUARTER - 1_000)
    expect(spread.completesAfterMs.worst).toBeLessThan(QUARTER)
  })

  it('averages R/T ticks for any run length (a uniformly placed schedule), the worst being ceil(R/T)', () => {
    const run = 5 * HOUR_MS + 50 * MINUTE_MS
    const spread = settleOverAlignments(run, QUARTER)
    expect(spread.whileRunning.mean).toBeCloseTo(run / QUARTER, 2)
    expect(spread.whileRunning.worst).toBe(Math.ceil(run / QUARTER))
  })
})

describe('detached cost', () => {
  it('bills a 6-hour run 26 minutes on a 15-minute schedule and 14 on a 30-minute one', () => {
    expect(detachedMinutes(1, 1, settleOverAlignments(6 * HOUR_MS, QUARTER).whileRunning.worst)).toBe(26)
    expect(detachedMinutes(1, 1, settleOverAlignments(6 * HOUR_MS, HALF_HOUR).whileRunning.worst)).toBe(14)
    expect(detachedMinutes(1, 1, settleOverAlignments(HOUR_MS, QUARTER).whileRunning.worst)).toBe(6)
  })

  it('bills a schedule every tick of the day: 96 minutes every 15 minutes, 48 every 30', () => {
    expect(scheduleMinutesPerDay(QUARTER, 1)).toBe(96)
    expect(scheduleMinutesPerDay(HALF_HOUR, 1)).toBe(48)
  })

  it('breaks even at 1.6 hours of runs a day on a 15-minute schedule, whatever their length', () => {
    expect(breakEvenRunsPerDay(96, 61, 1)).toBeCloseTo(1.6, 5)
    expect(breakEvenRunsPerDay(96, 361, 1) * 6).toBeCloseTo(1.6, 5)
  })

  it('keeps runs of at most 5 h 45 min within 25 minutes at every alignment, and no longer ones', () => {
    const longest = longestRunWithin(25, QUARTER, 1, 1)
    expect(longest).toBe(5 * HOUR_MS + 45 * MINUTE_MS)
    const worst = (run: number): number => detachedMinutes(1, 1, settleOverAlignments(run, QUARTER).whileRunning.worst)
    expect(worst(longest)).toBe(25)
    expect(worst(longest + MINUTE_MS)).toBe(26)
  })

  it('notices the end a tick wait, the scheduler lateness and the settle job late', () => {
    expect(detachedNoticeMs(QUARTER, 30 * MINUTE_MS, 500)).toBe(45 * MINUTE_MS + 500)
  })

  it('bills a start step in a job that runs anyway only when it carries that job over a minute', () => {
    expect(sharedStartMinutes(600)).toEqual({ worst: 1, mean: 0.01 })
    expect(sharedStartMinutes(0)).toEqual({ worst: 0, mean: 0 })
    expect(sharedStartMinutes(90_000)).toEqual({ worst: 1, mean: 1 })
    // A 6-hour run on a 15-minute schedule: 24 ticks find it going, 1 completes it.
    const ticks = settleOverAlignments(6 * HOUR_MS, QUARTER).whileRunning.worst
    expect(detachedMinutes(sharedStartMinutes(600).mean, 1, ticks)).toBeCloseTo(25.01, 5)
    expect(detachedMinutes(1, 1, ticks)).toBe(26)
  })
})
