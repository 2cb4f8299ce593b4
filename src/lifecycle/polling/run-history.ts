import * as core from '@actions/core'
import type { Computation } from '../../codeocean/models/computation.js'
import type { Target } from '../../codeocean/models/run-request.js'
import type { TargetsApi } from '../../codeocean/targets-api.js'
import { errorMessage } from '../../errors.js'
import { inline } from '../../untrusted.js'
import { assessRunLength, describeEstimate, type RunLengthEstimate } from './run-length.js'
import { likelyEndWindow } from './wait.js'

/**
 * The listing of earlier runs gets one try of at most this long. It only sharpens
 * `auto`: a slow or failed one means plain `auto`, never a longer or failed step.
 */
export const HISTORY_TIMEOUT_MS = 10_000

/** The target's runs that came before this one: the listing, less the run just started. */
export function earlierRuns(listed: readonly Computation[], startedId: string): Computation[] {
  return listed.filter((run) => run.id !== startedId)
}

export interface HistoryRequest {
  target: Target
  /** The run just started: not part of its own history. */
  started: Computation
  /** The release version asked for: runs of it are preferred. */
  version?: number
  /** The target's runs, when this step has listed them already (resume-on-rerun, adopting a run). */
  listed?: readonly Computation[]
  /** Scrubs secrets from what the server said, before it reaches the log. */
  redact: (text: string) => string
}

async function listEarlierRuns(
  targets: Pick<TargetsApi, 'runs'>,
  request: HistoryRequest,
  signal: AbortSignal
): Promise<Computation[] | undefined> {
  if (request.listed !== undefined) return earlierRuns(request.listed, request.started.id)
  try {
    const listed = await targets.runs(request.target, { signal, timeoutMs: HISTORY_TIMEOUT_MS, retries: 0 })
    return earlierRuns(listed, request.started.id)
  } catch (error) {
    // A cancel, or a wait already over, ends it quietly; anything else is only worth a debug line.
    if (!signal.aborted) {
      const reason = inline(request.redact(errorMessage(error)))
      core.debug(`Could not list the earlier runs to estimate this run's length (${reason}); polling as plain auto.`)
    }
    return undefined
  }
}

/**
 * For `poll-interval: auto`: how long the run will likely take, from the target's
 * earlier runs (one listing, or the one this step made already). Says so in the log
 * once; without a usable history it says why in the debug log, and the wait stays
 * plain `auto`. Never throws.
 */
export async function estimateFromEarlierRuns(
  targets: Pick<TargetsApi, 'runs'>,
  request: HistoryRequest,
  signal: AbortSignal
): Promise<RunLengthEstimate | undefined> {
  const history = await listEarlierRuns(targets, request, signal)
  if (history === undefined || signal.aborted) return undefined
  const assessment = assessRunLength(history, request.version)
  if ('why' in assessment) {
    core.debug(`No estimate of the run's length: ${assessment.why}; polling as plain auto.`)
    return undefined
  }
  const { estimate } = assessment
  core.debug(`Run length estimate from earlier runs (ms): ${JSON.stringify(estimate)}`)
  core.info(inline(describeEstimate(estimate, likelyEndWindow(estimate))))
  return estimate
}
