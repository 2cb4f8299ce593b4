/**
 * `poll-interval: auto` with a history of stable run lengths, on a fake clock. The
 * end-to-end tier shows the whole step doing it with a short run (e2e/predictive.test.ts);
 * here is the length where it pays, a 70 s run, check by check, against plain `auto`.
 */
import { describe, expect, it } from '@jest/globals'
import { readComputation, type Computation } from '../../../src/codeocean/models/computation.js'
import { assessRunLength, describeEstimate, type RunLengthEstimate } from '../../../src/lifecycle/polling/run-length.js'
import { likelyEndWindow, waitForCompletion } from '../../../src/lifecycle/polling/wait.js'

const HOUR_S = 3_600

/** Six earlier successful runs of 69–71 s, and a failed one that does not count. */
function history(): Computation[] {
  const now = 1_700_000_000
  const succeeded = [69, 70, 71, 70, 69, 71].map((seconds, i) =>
    readComputation({
      id: `earlier-${i}`,
      created: now - (i + 2) * HOUR_S,
      state: 'completed',
      end_status: 'succeeded',
      exit_code: 0,
      run_time: seconds
    })
  )
  const failed = readComputation({
    id: 'earlier-failed',
    created: now - HOUR_S / 2,
    state: 'completed',
    end_status: 'failed',
    exit_code: 1,
    run_time: 5
  })
  return [...succeeded, failed]
}

/** When each status check of a wait happens (ms into it), for a run that ends `endsAtMs` in. */
async function checkTimes(endsAtMs: number, estimate?: RunLengthEstimate): Promise<number[]> {
  let t = 0
  const checks: number[] = []
  await waitForCompletion(
    {
      get: async (id: string) => {
        checks.push(t)
        return t >= endsAtMs
          ? readComputation({ id, state: 'completed', end_status: 'succeeded', exit_code: 0 })
          : readComputation({ id, state: 'running' })
      }
    },
    readComputation({ id: 'r1', state: 'initializing' }),
    {
      interval: 'auto',
      estimate,
      log: () => {},
      warn: () => {},
      now: () => t,
      sleep: async (ms: number) => {
        t += ms
      }
    }
  )
  return checks
}

describe('a 70 s run with six earlier runs of 69–71 s', () => {
  const assessment = assessRunLength(history())
  const estimate = assessment.estimate!

  it('gives an estimate from the successful runs alone, and says so in one line', () => {
    expect(estimate).toMatchObject({ typicalMs: 70_000, shortestMs: 69_000, longestMs: 71_000, runs: 6 })
    expect(describeEstimate(estimate, likelyEndWindow(estimate))).toBe(
      'Earlier runs took 69–71 s (typically 70 s, from 6 runs); checking every 5 s from 69 to 71 s'
    )
  })

  it('is noticed within a second of its end, where plain auto is 3 s late, for no more checks', async () => {
    const predictive = await checkTimes(70_000, estimate)
    const plain = await checkTimes(70_000)
    // Every 5 s to 55 s, then the estimate closes in on 69 s; plain auto sleeps a tenth
    // of the run's age by then (6.1 s, 6.7 s) and checks at 66.6 and 73.2 s.
    expect(predictive).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60.5, 65.5, 70.5].map((s) => s * 1000))
    expect(plain.slice(-3)).toEqual([60_500, 66_550, 73_205])
    expect(predictive.at(-1)! - 70_000).toBeLessThan(1_000)
    expect(plain.at(-1)! - 70_000).toBeGreaterThan(3_000)
    expect(predictive.length).toBeLessThanOrEqual(plain.length)
  })
})
