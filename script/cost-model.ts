/**
 * What following a Code Ocean run costs in GitHub runner-minutes, two ways (issue 22):
 * waiting in the job until the run ends, or detaching (a short job starts the run with
 * `wait: false`, and a scheduled workflow settles it later, reading each pending run once
 * per tick). Pure arithmetic, so that `npm run bench -- cost` only measures the step
 * lengths and the model can be tested on its own.
 *
 * The facts it rests on, each from GitHub's documentation:
 * - "GitHub rounds the minutes and partial minutes each job uses up to the nearest whole
 *   minute" (https://docs.github.com/en/billing/reference/actions-runner-pricing): per
 *   job, so a job of a few seconds bills a whole minute.
 * - "Each job in a workflow can run for up to 6 hours of execution time"
 *   (https://docs.github.com/en/actions/reference/limits), on GitHub-hosted runners.
 * - "The `schedule` event can be delayed during periods of high loads of GitHub Actions
 *   workflow runs. High load times include the start of every hour. If the load is
 *   sufficiently high enough, some queued jobs may be dropped."
 *   (https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#schedule):
 *   no figure is documented, so the lateness is an assumption the caller states.
 *
 * Times are in milliseconds; the run starts at 0 (when the start request lands) and ends
 * at `runMs`.
 */

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

/** The longest a job may run on a GitHub-hosted runner before GitHub cancels it. */
export const JOB_LIMIT_MS = 6 * HOUR_MS

/** Billed minutes of one job: whole minutes, rounded up; a job that ran at all bills one. */
export function billedMinutes(jobMs: number): number {
  return Math.max(1, Math.ceil(jobMs / MINUTE_MS))
}

/** What one job spends besides the Code Ocean run itself. */
export interface JobOverhead {
  /** The action's step (and its post step), measured. */
  stepMs: number
  /** The runner's own set-up and tear-down of the job: not measurable here, so assumed. */
  runnerMs: number
}

/** A short job: the step and the runner's overhead, nothing else (the start job, a settle job). */
export function shortJobMs(overhead: JobOverhead): number {
  return overhead.stepMs + overhead.runnerMs
}

/**
 * A job that waits: it lasts the run, its own overhead, and the wait loop's lateness in
 * noticing the end (the job ends only once it has seen the run end).
 */
export function waitingJobMs(runMs: number, overhead: JobOverhead, noticeMs: number): number {
  return runMs + shortJobMs(overhead) + noticeMs
}

/** The settle ticks one alignment of the schedule spends on a run. */
export interface SettleTicks {
  /** Ticks that read the run while it is still going (each a billed job). */
  whileRunning: number
  /** How long after the run's end the tick that completes it comes (before the scheduler's lateness). */
  completesAfterMs: number
}

/**
 * The schedule's ticks read pending runs at `phaseMs + k × intervalMs` (0 <= phase < interval).
 * A tick at or before 0 cannot see the run (the start job has not recorded it yet); a tick
 * inside (0, runMs) finds it going; the first tick at or after `runMs` completes it.
 */
export function settleTicksAt(runMs: number, intervalMs: number, phaseMs: number): SettleTicks {
  const firstTick = phaseMs > 0 ? phaseMs : intervalMs
  const whileRunning = firstTick < runMs ? Math.ceil((runMs - firstTick) / intervalMs) : 0
  const completingTick = firstTick + whileRunning * intervalMs
  return { whileRunning, completesAfterMs: completingTick - runMs }
}

/** A figure at the worst alignment of the schedule and on average over all of them. */
export interface WorstAndMean {
  worst: number
  mean: number
}

/** Settle ticks over the schedule's alignments, each equally likely. */
export interface SettleSpread {
  whileRunning: WorstAndMean
  completesAfterMs: WorstAndMean
}

/**
 * Settle ticks when the schedule's ticks fall at a uniformly random offset from the run's
 * start: `samples` evenly spread offsets, each the middle of its slice of the interval (the
 * ends of a slice, a tick exactly at the run's start or end, are single instants).
 */
export function settleOverAlignments(runMs: number, intervalMs: number, samples = 3600): SettleSpread {
  const all = Array.from({ length: samples }, (_, i) =>
    settleTicksAt(runMs, intervalMs, ((i + 0.5) * intervalMs) / samples)
  )
  const spread = (pick: (ticks: SettleTicks) => number): WorstAndMean => ({
    worst: Math.max(...all.map(pick)),
    mean: all.reduce((sum, ticks) => sum + pick(ticks), 0) / all.length
  })
  return { whileRunning: spread((t) => t.whileRunning), completesAfterMs: spread((t) => t.completesAfterMs) }
}

/**
 * The start as a step of a job that runs anyway (the build, the tests): GitHub bills that
 * job in whole minutes, so the step adds a minute only when its seconds carry the job over
 * a minute boundary. With the job's length spread evenly within its last minute, that
 * happens with probability stepMs / 1 minute; at the worst it always does.
 */
export function sharedStartMinutes(stepMs: number): WorstAndMean {
  return { worst: stepMs > 0 ? 1 : 0, mean: Math.min(1, Math.max(0, stepMs) / MINUTE_MS) }
}

/** Billed minutes of a detached run: its start job, the ticks that find it going, and the one that completes it. */
export function detachedMinutes(startJobBilled: number, settleJobBilled: number, whileRunning: number): number {
  return startJobBilled + settleJobBilled * (whileRunning + 1)
}

/**
 * A settle schedule bills every tick, whether or not a run is pending: its fixed cost
 * per day (a 15-minute schedule is 96 jobs a day).
 */
export function scheduleMinutesPerDay(intervalMs: number, settleJobBilled: number): number {
  return (DAY_MS / intervalMs) * settleJobBilled
}

/**
 * How many runs a day make detaching cheaper than waiting. The schedule's ticks are paid
 * anyway (the fixed daily cost covers every tick, pending runs or not), so each detached
 * run adds only its start job; each waiting run costs its whole waiting job.
 */
export function breakEvenRunsPerDay(scheduleDaily: number, waitingBilled: number, startJobBilled: number): number {
  return scheduleDaily / (waitingBilled - startJobBilled)
}

/**
 * The longest run that stays within `budget` billed minutes at every alignment of the
 * schedule: the worst alignment has a tick just after the start, so ceil(run / interval)
 * ticks find it going.
 */
export function longestRunWithin(
  budget: number,
  intervalMs: number,
  startJobBilled: number,
  settleJobBilled: number
): number {
  const ticksWhileRunning = Math.floor((budget - startJobBilled) / settleJobBilled) - 1
  return Math.max(0, ticksWhileRunning) * intervalMs
}

/** How late the check completes after the run ends: waiting for the tick, the scheduler's lateness, the settle job itself. */
export function detachedNoticeMs(tickWaitMs: number, schedulerLateMs: number, settleJobMs: number): number {
  return tickWaitMs + schedulerLateMs + settleJobMs
}
