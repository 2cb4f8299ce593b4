/**
 * `npm run bench`: measured figures, each against a baseline run in the same command.
 *
 * Polling economy (fake clock): for runs of several lengths, how many status checks
 * each interval strategy makes and how late it notices the end, with the action's
 * `auto` interval side by side with a fixed 5 s interval (Code Ocean's SDK default,
 * the baseline) and a fixed 180 s interval (a production pipeline monitor's default).
 */
import { readComputation, type Computation } from '../src/computation.js'
import type { PollInterval } from '../src/inputs.js'
import { formatDuration, waitForCompletion } from '../src/poll.js'

interface PollFigures {
  requests: number
  noticeDelayMs: number
}

/** Runs the action's real wait loop against a run that ends after `runMs`, on a fake clock. */
async function simulatePolling(runMs: number, interval: PollInterval): Promise<PollFigures> {
  let t = 0
  let requests = 0
  const source = {
    getComputation: async (id: string): Promise<Computation> => {
      requests += 1
      const done = t >= runMs
      return readComputation({ id, state: done ? 'completed' : 'running', ...(done ? { end_status: 'succeeded' } : {}) })
    }
  }
  await waitForCompletion(source, readComputation({ id: 'bench', state: 'initializing' }), {
    interval,
    log: () => {},
    warn: () => {},
    now: () => t,
    sleep: async (ms) => {
      t += ms
    }
  })
  return { requests, noticeDelayMs: t - runMs }
}

/** Run ends land anywhere between two checks: average over ends spread across a minute. */
const END_OFFSETS_MS = Array.from({ length: 20 }, (_, i) => i * 3_100)

interface Summary {
  requests: number
  meanLateMs: number
  maxLateMs: number
  /** The largest lateness as a share of that run's own length. */
  maxLateShare: number
  /** Every end noticed within 10% of the run's age, or within the 5 s minimum interval. */
  prompt: boolean
}

async function summarise(runMs: number, interval: PollInterval): Promise<Summary> {
  const lengths = END_OFFSETS_MS.map((offset) => runMs + offset)
  const all = await Promise.all(lengths.map((length) => simulatePolling(length, interval)))
  const shares = all.map((f, i) => f.noticeDelayMs / lengths[i])
  return {
    requests: all.reduce((sum, f) => sum + f.requests, 0) / all.length,
    meanLateMs: all.reduce((sum, f) => sum + f.noticeDelayMs, 0) / all.length,
    maxLateMs: Math.max(...all.map((f) => f.noticeDelayMs)),
    maxLateShare: Math.max(...shares),
    // A millisecond of slack for rounding the interval to whole milliseconds.
    prompt: all.every((f, i) => f.noticeDelayMs <= Math.max(5_000, lengths[i] * 0.1) + 1)
  }
}

async function pollingBenchmark(): Promise<boolean> {
  const runs: [string, number][] = [
    ['30 s', 30_000],
    ['5 min', 300_000],
    ['1 h', 3_600_000],
    ['6 h', 21_600_000]
  ]
  console.log("Polling economy (fake clock, the action's own wait loop; 20 run lengths from each length to a minute past it)")
  console.log('run   | strategy    | requests | vs fixed 5 s | late (mean) | late (max) | max late / run age')
  console.log('------|-------------|----------|--------------|-------------|------------|-------------------')
  let ok = true
  for (const [label, ms] of runs) {
    const baseline = await summarise(ms, 5)
    for (const [name, interval] of [['auto', 'auto'], ['fixed 5 s', 5], ['fixed 180 s', 180]] as [string, PollInterval][]) {
      const f = interval === 5 ? baseline : await summarise(ms, interval)
      const ratio = f.requests / baseline.requests
      const late = f.maxLateShare
      console.log(
        `${label.padEnd(5)} | ${name.padEnd(11)} | ${f.requests.toFixed(1).padStart(8)} | ${ratio.toFixed(3).padStart(12)} | ` +
          `${formatDuration(f.meanLateMs).padStart(11)} | ${formatDuration(f.maxLateMs).padStart(10)} | ${(late * 100).toFixed(1).padStart(16)} %`
      )
      if (interval === 'auto') {
        const fewRequests = ms < 3_600_000 || ratio <= 0.15
        if (!(fewRequests && f.prompt && f.maxLateMs <= 60_000)) ok = false
      }
    }
  }
  console.log(
    'Goals for auto: for runs of 1 h or more at most 15% of the fixed-5 s requests; noticed within 10% of ' +
      `the run's age (or within the 5 s minimum interval), never over 60 s: ${ok ? 'met' : 'NOT MET'}\n`
  )
  return ok
}

const results = [await pollingBenchmark()]
process.exitCode = results.every(Boolean) ? 0 : 1
