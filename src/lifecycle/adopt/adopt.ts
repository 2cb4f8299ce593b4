/**
 * After a start that failed once the request had gone out (a 5xx, a reset, a timeout),
 * looks among the target's runs for the run it may have started, instead of leaving
 * the user to. It never sends the start again: one step never starts two runs.
 */
import { setTimeout as sleepMs } from 'node:timers/promises'
import * as core from '@actions/core'
import type { Computation } from '../../codeocean/models/computation.js'
import type { RunRequest, Target } from '../../codeocean/models/run-request.js'
import type { TargetsApi } from '../../codeocean/targets-api.js'
import { errorMessage } from '../../errors.js'
import { redactRegistered } from '../../redact.js'
import { describeRun } from '../../report/describe.js'
import { inline } from '../../untrusted.js'
import { NotAdoptedError } from '../errors.js'
import { matchStartedRun, type StartMatch } from './adopt-match.js'

/** How long to wait before looking a second time, when the first look found nothing. */
const SECOND_LOOK_DELAY_MS = 5_000
/** Retries of each listing: the server has just failed once, and a cancel must not wait long. */
const LISTING_RETRIES = 2

export interface FailedStart {
  request: RunRequest
  target: Target
  /** Local clock (ms) just before the start was sent. */
  sentAt: number
  /** What the start failed with; every failure to adopt says it first. */
  failure: Error
  /** A cancel: ends the look, and the step fails with the start's own failure. */
  signal: AbortSignal
  /** Told each listing, so that the wait's estimate of the run's length reuses it. */
  onListing?: (runs: readonly Computation[]) => void
}

/**
 * The run a failed start created, when exactly one run of the target was created since
 * just before the start with our request. Otherwise throws: several candidates are named;
 * none, after a second look, is said; a listing that fails or cannot tell falls back to
 * the start's own message, which tells the user to look.
 */
export async function findAdoptableRun(
  targets: Pick<TargetsApi, 'listRuns'>,
  start: FailedStart
): Promise<Computation> {
  const { kind } = start.target
  const why = inline(redactRegistered(start.failure.message.split('\n')[0] ?? ''))
  core.info(`The start request failed after it was sent (${why}); looking for the run among the ${kind}'s runs.`)
  let match = await look(targets, start)
  if (match.kind === 'candidates' && match.runs.length === 0) {
    await pause(start)
    match = await look(targets, start)
  }
  if (match.kind === 'cannot-compare') {
    throw fail(start, `The action could not tell from the ${kind}'s runs whether one is this step's: ${match.reason}.`)
  }
  const [only, ...others] = match.runs
  if (only === undefined) {
    throw fail(
      start,
      `No run started by this step was found among the ${kind}'s runs (looked twice, ${SECOND_LOOK_DELAY_MS / 1000} s apart).`
    )
  }
  if (others.length > 0) {
    throw fail(
      start,
      `${match.runs.length} runs of the ${kind} created since the start have this step's request: ` +
        `${match.runs.map(describeRun).join(', ')}. The action cannot tell which is this step's, so it follows none.`
    )
  }
  return only
}

/** One listing, judged; a listing that fails ends the look with the start's own message. */
async function look(targets: Pick<TargetsApi, 'listRuns'>, start: FailedStart): Promise<StartMatch> {
  let listing
  try {
    listing = await targets.listRuns(start.target, { signal: start.signal, retries: LISTING_RETRIES })
  } catch (error) {
    if (start.signal.aborted) throw start.failure
    throw fail(start, `Looking for the run among the ${start.target.kind}'s runs failed too: ${errorMessage(error)}`)
  }
  start.onListing?.(listing.runs)
  const clock = listing.serverDate === undefined ? 'no Date header' : new Date(listing.serverDate).toISOString()
  core.debug(`Listed ${listing.runs.length} runs of the ${start.target.kind}; the server's clock: ${clock}`)
  return matchStartedRun({
    request: start.request,
    sentAt: start.sentAt,
    serverDate: listing.serverDate,
    receivedAt: listing.receivedAt,
    runs: listing.runs
  })
}

async function pause(start: FailedStart): Promise<void> {
  try {
    await sleepMs(SECOND_LOOK_DELAY_MS, undefined, { signal: start.signal })
  } catch {
    throw start.failure
  }
}

function fail(start: FailedStart, finding: string): NotAdoptedError {
  return new NotAdoptedError(`${start.failure.message}\n${finding}`)
}
