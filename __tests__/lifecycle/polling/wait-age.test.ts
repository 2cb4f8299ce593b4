import { describe, expect, it } from '@jest/globals'
import { readComputation, type Computation } from '../../../src/codeocean/models/computation.js'
import { runBeganAt, waitForCompletion } from '../../../src/lifecycle/polling/wait.js'

const NOW = 1_800_000_000_000
const HOUR = 3_600_000

describe('the age of a followed run', () => {
  it('counts from its created time, in unix seconds', () => {
    const run = readComputation({ id: 'r1', state: 'running', created: (NOW - HOUR) / 1000 })
    expect(runBeganAt(run, NOW)).toBe(NOW - HOUR)
  })

  it('is unknown without a usable created time: missing, 0, or ahead of this clock', () => {
    expect(runBeganAt(readComputation({ id: 'r1', state: 'running' }), NOW)).toBeUndefined()
    expect(runBeganAt(readComputation({ id: 'r1', state: 'running', created: 0 }), NOW)).toBeUndefined()
    expect(runBeganAt(readComputation({ id: 'r1', state: 'running', created: NOW / 1000 + 60 }), NOW)).toBeUndefined()
  })
})

describe('auto polling of a run that began before the wait', () => {
  /** Waits on a run that stays running for three checks; returns the sleeps taken. */
  async function sleepsFor(startedAt: number | undefined): Promise<number[]> {
    let t = NOW
    let reads = 0
    const sleeps: number[] = []
    const source = {
      get: async (id: string): Promise<Computation> => {
        reads += 1
        return readComputation(
          reads < 3 ? { id, state: 'running' } : { id, state: 'completed', end_status: 'succeeded', exit_code: 0 }
        )
      }
    }
    await waitForCompletion(source, readComputation({ id: 'r1', state: 'running' }), {
      interval: 'auto',
      startedAt,
      log: () => undefined,
      warn: () => undefined,
      now: () => t,
      sleep: async (ms) => {
        sleeps.push(ms)
        t += ms
      }
    })
    return sleeps
  }

  it('checks an hour-old run once a minute from the first check on', async () => {
    expect(await sleepsFor(NOW - HOUR)).toEqual([60_000, 60_000, 60_000])
  })

  it('checks a run 200 s old every tenth of its age', async () => {
    expect(await sleepsFor(NOW - 200_000)).toEqual([20_000, 22_000, 24_200])
  })

  it('without a start time, counts from the start of the wait, as for a run just started', async () => {
    expect(await sleepsFor(undefined)).toEqual([5_000, 5_000, 5_000])
  })
})
