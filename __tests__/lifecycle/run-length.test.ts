import { describe, expect, it } from '@jest/globals'
import { readComputation, type Computation } from '../../src/codeocean/models/computation.js'
import { describeEstimate, estimateRunLength } from '../../src/lifecycle/run-length.js'
import { likelyEndWindow, nextPollDelayMs } from '../../src/lifecycle/wait.js'

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
    expect(estimate?.earliestMs).toBeGreaterThan(58 * MIN)
    expect(estimate?.latestMs).toBeLessThan(62 * MIN)
    const line = describeEstimate(estimate!, likelyEndWindow(estimate!))
    expect(line).toMatch(
      /^Earlier runs took 57–63 min \(typically 60 min, from 8 runs\); checking every 5 s from 59 to 61 min$/
    )
  })

  it('says a range in one unit, across units, or "about" when its ends round alike', () => {
    const base = { typicalMs: 90_000, earliestMs: 89_700, latestMs: 90_300, runs: 6 }
    expect(
      describeEstimate({ ...base, shortestMs: 89_000, longestMs: 91_000 }, { fromMs: 89_700, untilMs: 90_300 })
    ).toBe('Earlier runs took 89–91 s (typically 90 s, from 6 runs); checking every 5 s around 90 s')
    expect(
      describeEstimate({ ...base, shortestMs: 90_100, longestMs: 89_900 }, { fromMs: 89_700, untilMs: 90_300 })
    ).toBe('Earlier runs took about 90 s (typically 90 s, from 6 runs); checking every 5 s around 90 s')
    expect(
      describeEstimate({ ...base, shortestMs: 100_000, longestMs: 150_000 }, { fromMs: 110_000, untilMs: 130_000 })
    ).toBe('Earlier runs took 100 s–3 min (typically 90 s, from 6 runs); checking every 5 s from 110 s to 2 min')
  })

  it('leaves out failed, stopped and running runs, and uses the most recent twenty', () => {
    const failed = run(5, { end_status: 'failed' })
    const running = readComputation({ id: 'x', state: 'running', run_time: 10 })
    const old = Array.from({ length: 20 }, (_, i) => run(10, { created: 1_000 + i }))
    const recent = Array.from({ length: 20 }, (_, i) => run(30, { created: 2_000 + i }))
    expect(estimateRunLength([failed, running, ...old, ...recent])?.typicalMs).toBe(30 * MIN)
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

  it('checks sparsely far from the window, closes in on it, every 5 s through it, and thins out after', () => {
    expect(nextPollDelayMs('auto', 10 * MIN, estimate)).toBe(60_000)
    const closing = nextPollDelayMs('auto', fromMs - 30_000, estimate)
    expect(closing).toBe(15_000)
    expect(nextPollDelayMs('auto', fromMs - 4_000, estimate)).toBe(5_000)
    expect(nextPollDelayMs('auto', fromMs, estimate)).toBe(5_000)
    expect(nextPollDelayMs('auto', untilMs - 1, estimate)).toBe(5_000)
    expect(nextPollDelayMs('auto', untilMs + 2 * MIN, estimate)).toBe(12_000)
    expect(nextPollDelayMs('auto', untilMs + 30 * MIN, estimate)).toBe(60_000)
  })

  it('never sleeps past the start of the window', () => {
    for (let t = 0; t < fromMs; t += 7_000) {
      const delay = nextPollDelayMs('auto', t, estimate)
      expect(t + delay <= fromMs || delay === 5_000).toBe(true)
    }
  })
})
