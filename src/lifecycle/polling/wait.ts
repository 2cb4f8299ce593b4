import { setTimeout as sleepMs } from 'node:timers/promises'
import { CodeOceanApiError, CodeOceanNetworkError, UnreadableAnswerError } from '../../codeocean/errors.js'
import { isKnownState, isTerminal, type Computation } from '../../codeocean/models/computation.js'
import { RETRYABLE_STATUSES } from '../../codeocean/retry.js'
import { MIN_POLL_SECONDS } from '../../codeocean/rules.js'
import { errorMessage, RequestAbortedError } from '../../errors.js'
import { formatDuration } from '../../format.js'
import type { PollInterval } from '../../inputs/values.js'
import { inline } from '../../untrusted.js'
import { STRETCHES, type RunLengthEstimate } from './run-length.js'

/** Upper bound of the `auto` poll interval. */
const MAX_AUTO_POLL_SECONDS = 60

/**
 * How long status checks may keep failing (after each one's own retries) before the
 * step gives up: long enough to ride out a deployment or a network blip.
 */
export const OUTAGE_LIMIT_MS = 10 * 60_000

/**
 * Failures worth waiting out: no answer, overload or server errors, an unreadable
 * answer. A 401, 403 or 404 will not get better by waiting.
 */
function isTransientFailure(error: unknown): boolean {
  if (error instanceof CodeOceanApiError) return RETRYABLE_STATUSES.has(error.status)
  if (error instanceof UnreadableAnswerError) return true
  return error instanceof CodeOceanNetworkError
}

/**
 * What one status check is worth, in lateness. Between two neighbouring tenths of the
 * earlier lengths (a stretch `w` long that holds a tenth of the likely ends), checking
 * every `s` costs `w / s` checks and leaves an end there `s / 2` late on average; that
 * lateness plus this price per check is least at `s = √(2 × CHECK_WORTH_MS × 10 w)`. So
 * checks are dense where earlier runs ended close together and sparser where they spread
 * out, and a spread four times as wide gets twice the spacing, not four times. Tuned in
 * `npm run bench -- predictive`: a 1 h run with a tight history is noticed within 10 s on
 * average for at most 15% of the checks of a fixed 5 s, whether it ends near the typical
 * length or anywhere in the history's spread. (Checking every 5 s through the middle
 * third of the spread, within the same budget, left nothing for its edges: an end just
 * before that third was noticed up to a minute late.)
 */
export const CHECK_WORTH_MS = 180

/** Before the window, a sleep covers at most this share of the distance to it. */
const APPROACH = 0.5
/** After the window, a sleep lasts at most this share of the time since it closed. */
const OVERDUE = 0.1

const MIN_POLL_MS = MIN_POLL_SECONDS * 1000

function autoDelayMs(elapsedMs: number): number {
  const seconds = Math.min(MAX_AUTO_POLL_SECONDS, Math.max(MIN_POLL_SECONDS, (elapsedMs / 1000) * 0.1))
  return Math.round(seconds * 1000)
}

/**
 * The spacing of checks through a stretch between two neighbouring tenths, starting at
 * `atMs`: never below the 5 s minimum, never sparser than plain auto.
 */
function spacingMs(stretchMs: number, atMs: number): number {
  const best = Math.sqrt(2 * CHECK_WORTH_MS * STRETCHES * stretchMs)
  return Math.round(Math.max(MIN_POLL_MS, Math.min(autoDelayMs(atMs), best)))
}

/** The spacing of each stretch an end can fall in (none for tenths that coincide). */
function spacings(tenths: readonly number[]): number[] {
  return tenths.slice(1).flatMap((t, i) => (t > tenths[i] ? [spacingMs(t - tenths[i], tenths[i])] : []))
}

/**
 * When the end is likely, for the log: from the shortest to the longest earlier run,
 * checking at most and at least this often in between.
 */
export function likelyEndWindow(estimate: RunLengthEstimate): {
  fromMs: number
  untilMs: number
  minSpacingMs: number
  maxSpacingMs: number
} {
  const tenths = estimate.tenthsMs
  const all = spacings(tenths)
  return {
    fromMs: tenths[0],
    untilMs: tenths[tenths.length - 1],
    minSpacingMs: all.length > 0 ? Math.min(...all) : MIN_POLL_MS,
    maxSpacingMs: all.length > 0 ? Math.max(...all) : MIN_POLL_MS
  }
}

/**
 * Milliseconds to wait before the next status check.
 *
 * `auto` checks every 5 s at first and then every tenth of the run's age, up to
 * 60 s: a run that ends is noticed within 10% of its age (never more than a
 * minute late), while a run of hours costs a small fraction of the requests a
 * fixed 5 s interval would make. With an estimate from earlier runs, it checks
 * that sparsely until the shortest earlier run's length, then as densely as the
 * earlier runs' ends lie (see CHECK_WORTH_MS) until the longest one's, and more
 * sparsely again after it: the end is noticed within seconds, for a few more
 * requests than plain `auto`.
 */
export function nextPollDelayMs(interval: PollInterval, elapsedMs: number, estimate?: RunLengthEstimate): number {
  if (interval !== 'auto') return interval * 1000
  const auto = autoDelayMs(elapsedMs)
  if (!estimate) return auto
  const tenths = estimate.tenthsMs
  const [fromMs, untilMs] = [tenths[0], tenths[tenths.length - 1]]
  if (elapsedMs < fromMs) {
    // Checks close in on the window, each sleep covering a share of the distance to it,
    // so an end just before it is still noticed soon; but no faster than the checks
    // inside it will be, which would spend requests where the end is least likely.
    const inside = spacingMs(tenths[1] - tenths[0], fromMs)
    return Math.round(Math.min(auto, Math.max(inside, (fromMs - elapsedMs) * APPROACH)))
  }
  if (elapsedMs >= untilMs) {
    // Longer than every earlier run: overdue, likely to end any moment, so checks
    // start at the 5 s minimum and thin out gradually back to plain auto.
    return Math.round(Math.max(MIN_POLL_MS, Math.min(auto, (elapsedMs - untilMs) * OVERDUE)))
  }
  const stretch = tenths.findLastIndex((t) => t <= elapsedMs)
  return spacingMs(tenths[stretch + 1] - tenths[stretch], elapsedMs)
}

/**
 * When a run began, from its `created` time (unix seconds), for a run found rather than
 * started: one started an hour ago is polled as an hour-old run. Undefined when the
 * server gave no usable time (some examples send 0), or one ahead of this clock, where
 * the age would be nonsense; then the age counts from the start of the wait.
 */
export function runBeganAt(run: Computation, now: number = Date.now()): number | undefined {
  if (run.created === undefined || !(run.created > 0)) return undefined
  const ms = run.created * 1000
  return ms <= now ? ms : undefined
}

export interface WaitOptions {
  interval: PollInterval
  log: (line: string) => void
  warn: (line: string) => void
  /** How long the run will likely take, from earlier runs: sharpens `auto` around the likely end. */
  estimate?: RunLengthEstimate
  /**
   * An estimate still on its way (the listing of earlier runs): used from the first
   * sleep after it arrives. The wait never waits for it.
   */
  estimateLater?: Promise<RunLengthEstimate | undefined>
  /**
   * When the run began (epoch ms), for a run this step did not start: `auto` measures the
   * run's age from here rather than from the start of the wait (see runBeganAt).
   */
  startedAt?: number
  /** Called with every computation read, so outputs stay current on any exit path. */
  onUpdate?: (computation: Computation) => void
  /** Aborts the wait (cancel, timeout): the pending sleep or request ends at once. */
  signal?: AbortSignal
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

/** Reads a run's current state (the Code Ocean client's `computations` does). */
export interface StatusSource {
  get(id: string, call?: { signal?: AbortSignal }): Promise<Computation>
}

/** Logs each state once, with the time since the wait began, and warns once about each state it does not know. */
function stateReporter(options: WaitOptions, now: () => number, begin: number): (c: Computation) => void {
  const warnedStates = new Set<string>()
  let lastState: string | undefined
  return (c) => {
    options.onUpdate?.(c)
    if (c.state === lastState) return
    lastState = c.state
    options.log(`Run is ${c.state || '(no state)'} (after ${formatDuration(now() - begin)})`)
    if (!isKnownState(c.state) && !warnedStates.has(c.state)) {
      warnedStates.add(c.state)
      options.warn(
        `Code Ocean reported a state the action does not know, '${c.state}'; it keeps waiting for 'completed' or 'failed'.`
      )
    }
  }
}

/**
 * Status checks that fail for a while: one warning per outage, not one per failed
 * check; a line once Code Ocean is reached again; and the end of the wait after
 * OUTAGE_LIMIT_MS of failures.
 */
function outageTracker(
  options: WaitOptions,
  now: () => number
): { failed: (error: unknown, runId: string) => void; reached: () => void } {
  let failingSince: number | undefined
  return {
    failed: (error, runId) => {
      const firstFailure = failingSince === undefined
      failingSince ??= now()
      const failingFor = now() - failingSince
      if (failingFor >= OUTAGE_LIMIT_MS) {
        throw new Error(
          `Could not check run ${inline(runId)} for ${formatDuration(failingFor)}; giving up waiting. ` +
            `The run may still be going in Code Ocean. Last error: ${errorMessage(error)}`,
          { cause: error }
        )
      }
      if (firstFailure) {
        options.warn(
          `Could not check the run (${errorMessage(error).split('\n')[0]}); ` +
            `the action keeps trying for up to ${formatDuration(OUTAGE_LIMIT_MS)} of failures.`
        )
      }
    },
    reached: () => {
      if (failingSince === undefined) return
      options.log(`Reached Code Ocean again after ${formatDuration(now() - failingSince)} of failed checks`)
      failingSince = undefined
    }
  }
}

/**
 * Polls the run until it is `completed` or `failed`. Logs each state once, with the
 * time since the wait began, rather than a line per check; an unknown state is
 * reported once and waited out, since newer servers may add states.
 */
export async function waitForCompletion(
  source: StatusSource,
  started: Computation,
  options: WaitOptions
): Promise<Computation> {
  const now = options.now ?? Date.now
  const signal = options.signal
  const sleep = options.sleep ?? ((ms: number) => sleepMs(ms, undefined, { signal }))
  const begin = now()
  const ageFrom = options.startedAt ?? begin
  const observe = stateReporter(options, now, begin)
  const outage = outageTracker(options, now)

  let estimate = options.estimate
  options.estimateLater?.then(
    (later) => (estimate ??= later),
    () => undefined
  )

  let current = started
  observe(current)
  while (!isTerminal(current.state)) {
    try {
      await sleep(nextPollDelayMs(options.interval, now() - ageFrom, estimate))
      signal?.throwIfAborted()
      current = await source.get(current.id, { signal })
    } catch (error) {
      if (signal?.aborted || error instanceof RequestAbortedError) throw new RequestAbortedError()
      if (!isTransientFailure(error)) throw error
      outage.failed(error, current.id)
      continue
    }
    outage.reached()
    observe(current)
  }
  return current
}
