import { describe, expect, it } from '@jest/globals'
import { CodeOceanApiError } from '../../../src/codeocean/errors.js'
import { readComputation, type Computation } from '../../../src/codeocean/models/computation.js'
import { formatDuration } from '../../../src/format.js'
import type { RunLengthEstimate } from '../../../src/lifecycle/polling/run-length.js'
import { nextPollDelayMs, OUTAGE_LIMIT_MS, waitForCompletion } from '../../../src/lifecycle/polling/wait.js'

describe('poll interval', () => {
  it('uses a fixed interval as given', () => {
    expect(nextPollDelayMs(30, 0)).toBe(30_000)
    expect(nextPollDelayMs(30, 3_600_000)).toBe(30_000)
  })

  it('auto: 5 s at first, a tenth of the age later, 60 s at most', () => {
    expect(nextPollDelayMs('auto', 0)).toBe(5_000)
    expect(nextPollDelayMs('auto', 49_000)).toBe(5_000)
    expect(nextPollDelayMs('auto', 200_000)).toBe(20_000)
    expect(nextPollDelayMs('auto', 600_000)).toBe(60_000)
    expect(nextPollDelayMs('auto', 6 * 3_600_000)).toBe(60_000)
  })

  it('formats durations', () => {
    expect(formatDuration(45_000)).toBe('45s')
    expect(formatDuration(125_000)).toBe('2m 05s')
    expect(formatDuration(3_729_000)).toBe('1h 02m 09s')
  })
})

describe('waiting', () => {
  /** A fake clock and a scripted series of states. */
  function script(states: string[]) {
    let t = 0
    let i = 0
    const reads: number[] = []
    const source = {
      get: async (id: string): Promise<Computation> => {
        reads.push(t)
        i = Math.min(i + 1, states.length - 1)
        const state = states[i]
        return readComputation({
          id,
          state,
          ...(state === 'completed' ? { end_status: 'succeeded', exit_code: 0 } : {})
        })
      }
    }
    return {
      source,
      reads,
      first: readComputation({ id: 'r1', state: states[0] }),
      now: () => t,
      sleep: async (ms: number) => {
        t += ms
      }
    }
  }

  it('logs each state once, with the elapsed time, and warns once for an unknown state', async () => {
    const s = script([
      'initializing',
      'initializing',
      'queued',
      'queued',
      'running',
      'running',
      'finalizing',
      'completed'
    ])
    const log: string[] = []
    const warnings: string[] = []
    const updates: string[] = []
    const final = await waitForCompletion(s.source, s.first, {
      interval: 'auto',
      log: (l) => log.push(l),
      warn: (w) => warnings.push(w),
      onUpdate: (c) => updates.push(c.state),
      now: s.now,
      sleep: s.sleep
    })
    expect(final.state).toBe('completed')
    expect(log).toEqual([
      'Run is initializing (after 0s)',
      'Run is queued (after 10s)',
      'Run is running (after 20s)',
      'Run is finalizing (after 30s)',
      'Run is completed (after 35s)'
    ])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain("'queued'")
    expect(updates).toHaveLength(8)
    expect(s.reads).toEqual([5000, 10000, 15000, 20000, 25000, 30000, 35000])
  })

  it('stops at the failed state', async () => {
    const s = script(['running', 'failed'])
    const final = await waitForCompletion(s.source, s.first, {
      interval: 10,
      log: () => {},
      warn: () => {},
      now: s.now,
      sleep: s.sleep
    })
    expect(final.state).toBe('failed')
    expect(s.reads).toEqual([10000])
  })
})

describe('an estimate that arrives during the wait', () => {
  const ENDS_AT = 90_000
  const estimate: RunLengthEstimate = {
    typicalMs: 90_000,
    tenthsMs: [89_000, 89_000, 89_500, 89_500, 90_000, 90_000, 90_000, 90_500, 90_500, 91_000, 91_000],
    shortestMs: 89_000,
    longestMs: 91_000,
    runs: 10
  }

  /** A run that ends 90 s into the wait, on a fake clock; `onRead` is told of each status check. */
  function ninetySeconds(onRead: () => void = () => {}) {
    let t = 0
    const reads: number[] = []
    return {
      reads,
      wait: (later?: Promise<RunLengthEstimate | undefined>) =>
        waitForCompletion(
          {
            get: async (id: string) => {
              reads.push(t)
              onRead()
              await Promise.resolve()
              return t >= ENDS_AT
                ? readComputation({ id, state: 'completed', end_status: 'succeeded', exit_code: 0 })
                : readComputation({ id, state: 'running' })
            }
          },
          readComputation({ id: 'r1', state: 'initializing' }),
          {
            interval: 'auto',
            estimateLater: later,
            log: () => {},
            warn: () => {},
            now: () => t,
            sleep: async (ms: number) => {
              t += ms
            }
          }
        )
    }
  }

  it('is used from the sleep after it arrives: the end is noticed within 5 s, not 7 s late', async () => {
    let arrive: (e: RunLengthEstimate) => void = () => {}
    const later = new Promise<RunLengthEstimate | undefined>((resolve) => (arrive = resolve))
    // It arrives while the first status check is under way.
    const w = ninetySeconds(() => arrive(estimate))
    await w.wait(later)
    expect(w.reads[0]).toBe(5_000)
    expect(w.reads.at(-1)! - ENDS_AT).toBeLessThanOrEqual(5_000)

    const plain = ninetySeconds()
    await plain.wait()
    expect(plain.reads.at(-1)! - ENDS_AT).toBeGreaterThan(7_000)
  })

  it('never holds the wait up: one that does not come, or fails, leaves plain auto', async () => {
    const plain = ninetySeconds()
    await plain.wait()
    const pending = ninetySeconds()
    await pending.wait(new Promise(() => {}))
    expect(pending.reads).toEqual(plain.reads)
    const failing = ninetySeconds()
    await failing.wait(Promise.reject(new Error('listing failed')))
    expect(failing.reads).toEqual(plain.reads)
  })
})

describe('outages', () => {
  function flaky(failures: number, status = 503) {
    let t = 0
    let calls = 0
    const now = () => t
    const sleep = async (ms: number) => {
      t += ms
    }
    return {
      now,
      sleep,
      /** A minute between checks and nothing logged: for the cases that look only at the outcome. */
      quiet: { interval: 60, log: () => {}, warn: () => {}, now, sleep },
      source: {
        get: async (id: string): Promise<Computation> => {
          calls += 1
          if (calls <= failures) throw new CodeOceanApiError(status, 'busy', { operation: 'read run' })
          return readComputation({ id, state: 'completed', end_status: 'succeeded' })
        }
      }
    }
  }

  it('rides out failed checks, warning once, and says when it is back', async () => {
    const f = flaky(4)
    const log: string[] = []
    const warnings: string[] = []
    const final = await waitForCompletion(f.source, readComputation({ id: 'r', state: 'running' }), {
      interval: 30,
      log: (l) => log.push(l),
      warn: (w) => warnings.push(w),
      now: f.now,
      sleep: f.sleep
    })
    expect(final.state).toBe('completed')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('HTTP 503')
    expect(log).toContain('Reached Code Ocean again after 2m 00s of failed checks')
  })

  it('gives up when failures last longer than the outage limit', async () => {
    const f = flaky(1000)
    await expect(waitForCompletion(f.source, readComputation({ id: 'r', state: 'running' }), f.quiet)).rejects.toThrow(
      `Could not check run r for ${formatDuration(OUTAGE_LIMIT_MS)}`
    )
  })

  it('does not wait out a 404', async () => {
    const f = flaky(1, 404)
    await expect(waitForCompletion(f.source, readComputation({ id: 'r', state: 'running' }), f.quiet)).rejects.toThrow(
      'HTTP 404'
    )
  })

  it('stops at once when aborted', async () => {
    const f = flaky(0)
    const abort = new AbortController()
    abort.abort()
    await expect(
      waitForCompletion(f.source, readComputation({ id: 'r', state: 'running' }), { ...f.quiet, signal: abort.signal })
    ).rejects.toThrow('request aborted')
  })
})
