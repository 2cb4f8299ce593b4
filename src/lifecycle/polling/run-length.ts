import type { Computation } from '../../codeocean/models/computation.js'
import { succeeded } from '../verdict.js'

/**
 * How long a run will likely take, from the earlier runs of the same capsule or
 * pipeline. Pure: the runs are listed elsewhere (one request per step).
 */
export interface RunLengthEstimate {
  /** The typical length (the median of the runs used), in ms. */
  typicalMs: number
  /**
   * The earlier lengths at every tenth of them (the shortest, the 10th percentile, the
   * 20th, … the longest), in ms: a tenth of the earlier ends fell between each two
   * neighbours, so where they lie close together the end is likely, and the wait checks
   * more often there (see wait.ts).
   */
  tenthsMs: number[]
  /** The shortest and the longest of the runs used, in ms: what the log line tells. */
  shortestMs: number
  longestMs: number
  /** How many earlier runs the estimate rests on. */
  runs: number
}

/** The stretches between neighbouring `tenthsMs`: each holds a tenth of the earlier ends. */
export const STRETCHES = 10

/** The most recent successful runs taken into account. */
const MAX_HISTORY = 20
/** Fewer successful runs than this say too little. */
const MIN_HISTORY = 3
/**
 * Lengths spread wider than this, relative to the typical length (from the 10th to the
 * 90th percentile), are "all over the place", for example a target whose runs take either
 * 10 minutes or 2 hours: no window would be likely, so the wait stays plain `auto`.
 */
const MAX_RELATIVE_SPREAD = 0.5

function percentile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p
  const low = Math.floor(at)
  const high = Math.ceil(at)
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low)
}

function versionOf(c: Computation): number | undefined {
  const value = Number(c.raw.version)
  return Number.isInteger(value) && value > 0 ? value : undefined
}

/** The runs an estimate can rest on: ended successfully, with a length; the most recent first. */
function usableRuns(history: readonly Computation[]): Computation[] {
  return history
    .filter((c) => succeeded(c) && c.run_time !== undefined && c.run_time > 0)
    .sort((a, b) => (b.created ?? 0) - (a.created ?? 0))
}

/** The estimate, or why the history gives none (for the debug log). */
export type RunLengthAssessment = { estimate: RunLengthEstimate } | { estimate?: undefined; why: string }

/**
 * The estimate, or why there is none: too few successful runs, or lengths all over the
 * place. Prefers runs of the same release `version` when there are enough of them; takes
 * the most recent ones.
 */
export function assessRunLength(history: readonly Computation[], version?: number): RunLengthAssessment {
  if (history.length === 0) return { why: 'there are no earlier runs' }
  const usable = usableRuns(history)
  const sameVersion = version === undefined ? [] : usable.filter((c) => versionOf(c) === version)
  const chosen = (sameVersion.length >= MIN_HISTORY ? sameVersion : usable).slice(0, MAX_HISTORY)
  if (chosen.length < MIN_HISTORY) {
    return {
      why: `too few earlier runs succeeded (${usable.length} of ${history.length}; at least ${MIN_HISTORY} needed)`
    }
  }
  const lengths = chosen.map((c) => (c.run_time ?? 0) * 1000).sort((a, b) => a - b)
  const typicalMs = percentile(lengths, 0.5)
  const p10 = percentile(lengths, 0.1)
  const p90 = percentile(lengths, 0.9)
  if ((p90 - p10) / typicalMs > MAX_RELATIVE_SPREAD) {
    return { why: `the lengths of the ${chosen.length} earlier successful runs are too spread out` }
  }
  return {
    estimate: {
      typicalMs,
      tenthsMs: Array.from({ length: STRETCHES + 1 }, (_, i) => percentile(lengths, i / STRETCHES)),
      shortestMs: lengths[0],
      longestMs: lengths[lengths.length - 1],
      runs: chosen.length
    }
  }
}

/** The estimate, or undefined when the history is of no use (see assessRunLength). */
export function estimateRunLength(history: readonly Computation[], version?: number): RunLengthEstimate | undefined {
  return assessRunLength(history, version).estimate
}

/** A length in the unit that reads best: seconds up to 2 min, then whole minutes. */
function rounded(ms: number): { value: number; unit: 'min' | 's' } {
  return ms >= 120_000 ? { value: Math.round(ms / 60_000), unit: 'min' } : { value: Math.round(ms / 1000), unit: 's' }
}

function say(ms: number): string {
  const { value, unit } = rounded(ms)
  return `${value} ${unit}`
}

/** "57–63 min" or "90 s–3 min"; undefined when both ends round alike. */
function range(fromMs: number, untilMs: number, joiner: string): string | undefined {
  const [from, until] = [rounded(fromMs), rounded(untilMs)]
  if (from.unit !== until.unit) return `${say(fromMs)}${joiner}${say(untilMs)}`
  return from.value === until.value ? undefined : `${from.value}${joiner}${until.value} ${until.unit}`
}

/** "every 5 s" or "every 8–20 s", in whole seconds. */
function every(minSpacingMs: number, maxSpacingMs: number): string {
  const [least, most] = [Math.round(minSpacingMs / 1000), Math.round(maxSpacingMs / 1000)]
  return least === most ? `every ${least} s` : `every ${least}–${most} s`
}

/**
 * The one log line that says what the estimate is and what the wait will do with it,
 * e.g. "Earlier runs took 57–63 min (typically 60 min, from 8 runs); checking every
 * 7–12 s from 57 to 63 min".
 */
export function describeEstimate(
  estimate: RunLengthEstimate,
  window: { fromMs: number; untilMs: number; minSpacingMs: number; maxSpacingMs: number }
): string {
  const took = range(estimate.shortestMs, estimate.longestMs, '–')
  const checks = range(window.fromMs, window.untilMs, ' to ')
  return (
    `Earlier runs took ${took === undefined ? `about ${say(estimate.typicalMs)}` : took} ` +
    `(typically ${say(estimate.typicalMs)}, from ${estimate.runs} runs); ` +
    `checking ${every(window.minSpacingMs, window.maxSpacingMs)} ` +
    (checks === undefined ? `around ${say(window.fromMs)}` : `from ${checks}`)
  )
}
