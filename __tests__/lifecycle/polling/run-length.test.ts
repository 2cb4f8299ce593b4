import { describe, expect, it } from '@jest/globals'
import { readComputation, type Computation } from '../../../src/codeocean/models/computation.js'
import {
  describeEstimate,
  estimateRunLength,
  type RunLengthEstimate
} from '../../../src/lifecycle/polling/run-length.js'
import { CHECK_WORTH_MS, likelyEndWindow, nextPollDelayMs } from '../../../src/lifecycle/polling/wait.js'
import { judge } from '../../../src/lifecycle/verdict.js'

const MIN = 60_000

function run(minutes: number, extra: Record<string, unknown> = {}): Computation {
  return readComputation({
    id: `r-${minutes}-${Math.random()}`,
    state: 'completed',
    end_status: 'succeeded',
    run_time: minutes * 60,
    created: 1_700_000_000,
    ...extra
  })
}

describe('estimating a run length from earlier runs', () => {
  it('takes the middle of the successful runs, and says what it will do in one line', () => {
    const estimate = estimateRunLength([57, 58, 59, 60, 60, 61, 62, 63].map((m) => run(m)))
    expect(estimate).toBeDefined()
    expect(estimate?.typicalMs).toBe(60 * MIN)
    // Every tenth of the lengths, from the shortest to the longest.
    expect(estimate?.tenthsMs.map((ms) => ms / MIN)).toEqual([
      57, 57.7, 58.4, 59.1, 59.8, 60, 60.2, 60.9, 61.6, 62.3, 63
    ])
    const line = describeEstimate(estimate!, likelyEndWindow(estimate!))
    // Every 7 s where two runs took 60 min, every 12 s where the lengths lie 1 min apart.
    expect(line).toBe(
      'Earlier runs took 57–63 min (typically 60 min, from 8 runs); checking every 7–12 s from 57 to 63 min'
    )
  })

  it('says a range in one unit, across units, or "about" when its ends round alike', () => {
    const base = { typicalMs: 90_000, tenthsMs: [], runs: 6 }
    const every5 = { minSpacingMs: 5_000, maxSpacingMs: 5_000 }
    expect(
      describeEstimate(
        { ...base, shortestMs: 89_000, longestMs: 91_000 },
        { fromMs: 89_000, untilMs: 91_000, ...every5 }
      )
    ).toBe('Earlier runs took 89–91 s (typically 90 s, from 6 runs); checking every 5 s from 89 to 91 s')
    expect(
      describeEstimate(
        { ...base, shortestMs: 89_900, longestMs: 90_100 },
        { fromMs: 89_900, untilMs: 90_100, ...every5 }
      )
    ).toBe('Earlier runs took about 90 s (typically 90 s, from 6 runs); checking every 5 s around 90 s')
    expect(
      describeEstimate(
        { ...base, shortestMs: 100_000, longestMs: 150_000 },
        { fromMs: 100_000, untilMs: 150_000, minSpacingMs: 5_000, maxSpacingMs: 9_600 }
      )
    ).toBe('Earlier runs took 100 s–3 min (typically 90 s, from 6 runs); checking every 5–10 s from 100 s to 3 min')
  })

  it('leaves out failed, stopped and running runs, and uses the most recent twenty', () => {
    const failed = run(5, { end_status: 'failed' })
    const running = readComputation({ id: 'x', state: 'running', run_time: 10 })
    const old = Array.from({ length: 20 }, (_, i) => run(10, { created: 1_000 + i }))
    const recent = Array.from({ length: 20 }, (_, i) => run(30, { created: 2_000 + i }))
    expect(estimateRunLength([failed, running, ...old, ...recent])?.typicalMs).toBe(30 * MIN)
  })

  it('counts as successful exactly the runs the verdict calls succeeded', () => {
    const candidates = [
      run(10),
      run(10, { exit_code: 0 }),
      run(50, { exit_code: 1 }),
      run(50, { end_status: 'stopped' }),
      run(50, { state: 'failed' })
    ]
    const judgedSucceeded = candidates.filter((c) => judge(c).succeeded)
    expect(judgedSucceeded).toHaveLength(2)
    // Three runs are the least an estimate rests on: the two the verdict calls succeeded, and one more.
    const third = run(10)
    expect(estimateRunLength([...candidates, third])?.runs).toBe(3)
    expect(estimateRunLength([...candidates.slice(2), third])).toBeUndefined()
  })

  it('prefers runs of the same release version when there are enough', () => {
    const history = [...[10, 10, 11].map((m) => run(m, { version: 2 })), ...[40, 41, 42, 40].map((m) => run(m))]
    expect(estimateRunLength(history, 2)?.typicalMs).toBe(10 * MIN)
    // Too few of version 2 here: all the successful runs count.
    const mostlyOther = [...[40, 41, 42, 40, 41].map((m) => run(m, { version: 1 })), run(41, { version: 2 })]
    expect(estimateRunLength(mostlyOther, 2)?.typicalMs).toBe(41 * MIN)
  })

  it('gives up on too few runs, or lengths all over the place', () => {
    expect(estimateRunLength([run(60), run(61)])).toBeUndefined()
    expect(estimateRunLength([10, 10, 10, 90, 90, 90].map((m) => run(m)))).toBeUndefined()
    expect(estimateRunLength([])).toBeUndefined()
  })
})

describe('predictive auto polling', () => {
  const estimate = estimateRunLength([57, 58, 59, 60, 60, 61, 62, 63].map((m) => run(m)))!
  const { fromMs, untilMs } = likelyEndWindow(estimate)

  it('is plain auto without an estimate, and fixed intervals stay fixed', () => {
    expect(nextPollDelayMs('auto', 30 * MIN)).toBe(60_000)
    expect(nextPollDelayMs(30, 30 * MIN, estimate)).toBe(30_000)
  })

  it('checks sparsely far from the window, and closes in on it no faster than it checks inside', () => {
    expect(fromMs).toBe(57 * MIN)
    expect(untilMs).toBe(63 * MIN)
    expect(nextPollDelayMs('auto', 10 * MIN, estimate)).toBe(60_000)
    expect(nextPollDelayMs('auto', fromMs - 30_000, estimate)).toBe(15_000)
    expect(nextPollDelayMs('auto', fromMs - 4_000, estimate)).toBe(12_296)
  })

  it('checks as often as the earlier runs ended close together: √(2 × worth × 10 × stretch)', () => {
    // 57 to 57.7 min holds a tenth of the earlier ends: 42 s for a tenth.
    expect(nextPollDelayMs('auto', 57.5 * MIN, estimate)).toBe(Math.round(Math.sqrt(2 * CHECK_WORTH_MS * 10 * 42_000)))
    expect(nextPollDelayMs('auto', 57.5 * MIN, estimate)).toBe(12_296)
    // 59.8 to 60 min holds a tenth too, in 12 s: checks are denser there.
    expect(nextPollDelayMs('auto', 59.9 * MIN, estimate)).toBe(6_573)
  })

  it('is never faster than 5 s or sparser than plain auto inside the window', () => {
    const alike = estimateRunLength([5, 5, 5, 5.01].map((m) => run(m)))!
    expect(nextPollDelayMs('auto', 5 * MIN, alike)).toBe(5_000)
    // Six-hour runs spread ±20%: a tenth of the ends per 14 min gives no reason to check more than auto.
    const loose = estimateRunLength([288, 312, 336, 360, 360, 384, 408, 432].map((m) => run(m)))!
    expect(nextPollDelayMs('auto', 300 * MIN, loose)).toBe(60_000)
  })

  it('thins out after the window: the run is overdue, from 5 s back to plain auto', () => {
    expect(nextPollDelayMs('auto', untilMs, estimate)).toBe(5_000)
    expect(nextPollDelayMs('auto', untilMs + 2 * MIN, estimate)).toBe(12_000)
    expect(nextPollDelayMs('auto', untilMs + 30 * MIN, estimate)).toBe(60_000)
  })

  it('never sleeps past the start of the window by more than one check inside it', () => {
    const inside = nextPollDelayMs('auto', fromMs, estimate)
    for (let t = 0; t < fromMs; t += 7_000) {
      const delay = nextPollDelayMs('auto', t, estimate)
      expect(t + delay <= fromMs || delay <= inside).toBe(true)
    }
  })

  /** Status checks and lateness of the wait's own schedule for a run that ends at `endMs`. */
  function follow(endMs: number, interval: 'auto' | 5, history?: RunLengthEstimate) {
    let [t, checks] = [0, 0]
    while (t < endMs) {
      t += nextPollDelayMs(interval, t, history)
      checks += 1
    }
    return { checks, lateMs: t - endMs }
  }

  function mean(values: number[]): number {
    return values.reduce((sum, v) => sum + v, 0) / values.length
  }

  it('notices a 1 h run ending anywhere in a tight history within 10 s on average, for ≤ 15% of the 5 s checks', () => {
    // Ten earlier runs of 57 to 63 min (±5%); this run ends anywhere in that spread, or just after the typical length.
    const tight = estimateRunLength(Array.from({ length: 10 }, (_, i) => run(57 + (6 * i) / 9)))!
    const anywhere = Array.from({ length: 361 }, (_, i) => 57 * MIN + i * 1_000)
    const typical = Array.from({ length: 61 }, (_, i) => 60 * MIN + i * 1_000)
    for (const ends of [anywhere, typical]) {
      const predictive = ends.map((end) => follow(end, 'auto', tight))
      const fixed = ends.map((end) => follow(end, 5))
      expect(mean(predictive.map((f) => f.lateMs))).toBeLessThanOrEqual(10_000)
      expect(mean(predictive.map((f) => f.checks)) / mean(fixed.map((f) => f.checks))).toBeLessThanOrEqual(0.15)
      // A window of 5 s checks around the typical length noticed an end just before it up to 56 s late.
      expect(Math.max(...predictive.map((f) => f.lateMs))).toBeLessThan(15_000)
    }
  })
})
