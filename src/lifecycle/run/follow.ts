import * as core from '@actions/core'
import type { CodeOceanClient } from '../../codeocean/client.js'
import type { Computation } from '../../codeocean/models/computation.js'
import { DEBUG_PREVIEW_CHARS, preview } from '../../codeocean/preview.js'
import { RequestAbortedError } from '../../errors.js'
import type { Settings, StepSettings } from '../../inputs/settings.js'
import { describeRun } from '../../report/describe.js'
import { prepareForDownload } from '../../results/download.js'
import { storeRulesFor } from '../../results/store-address.js'
import { inline } from '../../untrusted.js'
import type { Interrupter } from '../interruption.js'
import { estimateFromEarlierRuns } from '../polling/run-history.js'
import type { RunLengthEstimate } from '../polling/run-length.js'
import { runBeganAt, waitForCompletion } from '../polling/wait.js'
import { failStep, failStepShowing, setStatus, type Step } from '../step.js'
import { judge, type Verdict } from '../verdict.js'
import { afterRun } from './after-run.js'
import { settleRun } from './backstop.js'
import { endEarly } from './stop.js'

/**
 * With `poll-interval: auto`: how long the run will likely take, from the target's
 * earlier runs. It runs alongside the wait.
 */
function estimateLater(
  client: CodeOceanClient,
  run: Computation,
  settings: Settings,
  step: Step,
  signal: AbortSignal
): Promise<RunLengthEstimate | undefined> {
  const { target, version } = settings.run
  const request = { target, started: run, version, listed: step.targetRuns, redact: step.redact }
  return estimateFromEarlierRuns(client.targets, request, signal)
}

/** Waits for the run to end, unless a cancel or the wait-timeout comes first. */
function waitForEnd(
  client: CodeOceanClient,
  run: Computation,
  settings: StepSettings,
  step: Step,
  interrupter: Interrupter
): Promise<Computation> {
  if (interrupter.reason) throw new RequestAbortedError()
  // The listing of earlier runs ends with the wait, should it still be going.
  const listing = new AbortController()
  const signal = AbortSignal.any([interrupter.signal, listing.signal])
  // A followed run's target is unknown (a run does not name it): no earlier runs to go by.
  const estimate =
    settings.pollInterval === 'auto' && settings.run !== undefined
      ? estimateLater(client, run, settings, step, signal)
      : undefined
  return waitForCompletion(client.computations, run, {
    estimateLater: estimate,
    interval: settings.pollInterval,
    // A followed run may be hours old already: `auto` polls it as the age it is.
    startedAt: settings.computationId === undefined ? undefined : runBeganAt(run),
    // Each line carries the server's words (states, errors): kept to one line, never a command.
    log: (line) => core.info(inline(step.redact(line))),
    warn: (line) => core.warning(inline(step.redact(line))),
    onUpdate: (c) => {
      core.debug(inline(step.redact(`Computation: ${preview(c.raw, DEBUG_PREVIEW_CHARS)}`)))
      step.summary.computation = c
      step.outputs.setComputation(c)
    },
    signal: interrupter.signal
  }).finally(() => listing.abort())
}

/** Reports the verdict, and what the after-run phase could not deliver. */
function conclude(verdict: Verdict, problems: string[], step: Step): void {
  if (verdict.succeeded && problems.length === 0) {
    core.info(inline(step.redact(verdict.message)))
    return
  }
  if (verdict.succeeded) {
    // The run itself succeeded, but the step did not deliver all it was asked to.
    setStatus(step, 'failed')
  }
  // The summary's line about the run already gives the verdict: it shows only what the step could not do.
  const shown = problems.length === 0 ? undefined : [`The step could not do all it was asked:`, ...problems].join('\n')
  failStepShowing(
    step,
    [verdict.succeeded ? `${verdict.message}, but:` : verdict.message, ...problems].join('\n'),
    shown
  )
}

/**
 * A cancel that came once the run had finished: the run is left as it is (stopping
 * would delete it and its results), and the step ends as cancelled.
 */
function cancelledAfterEnd(run: Computation, verdict: Verdict, step: Step): void {
  setStatus(step, 'cancelled')
  failStep(
    step,
    `The workflow was cancelled after Code Ocean run ${describeRun(run)} had finished (${verdict.message}); ` +
      'the run was left as it is, and what was to follow it was cut short.'
  )
}

/**
 * With `download-results`, how long a run goes on before the download worker is started
 * for it: a worker takes a tenth of a second or more to start, which a run of minutes
 * hides, while a run that ends within seconds would have it start beside its download
 * for nothing (most such downloads are small, and run without one). 10 s: past the
 * first look or two at a run that ends at once (the end-to-end tests' runs; started
 * after 2 s, the workers loaded that tier enough to fail its timing tests).
 */
const WARM_AFTER_MS = 10_000

/** Follows a run (started by this step, or found by `computation-id`) to its end, judges it, and handles its results. */
export async function followRun(
  client: CodeOceanClient,
  run: Computation,
  settings: StepSettings,
  step: Step,
  interrupter: Interrupter
): Promise<void> {
  // The download worker starts while the run goes on, so the download need not wait for it.
  const warming = settings.downloadFolder
    ? setTimeout(() => prepareForDownload({ storeRules: storeRulesFor(settings.location.apiBase) }), WARM_AFTER_MS)
    : undefined
  let finished: Computation
  try {
    finished = await waitForEnd(client, run, settings, step, interrupter)
  } catch (error) {
    if (error instanceof RequestAbortedError && interrupter.reason) {
      await endEarly(interrupter.reason, client, step.summary.computation ?? run, settings, step)
      return
    }
    // Not a cancel: leave the run as it is; the post step must not stop it either.
    settleRun()
    throw error
  } finally {
    clearTimeout(warming)
  }
  settleRun()
  const verdict = judge(finished)
  setStatus(step, verdict.status)
  const problems = await afterRun(client, finished, verdict, settings, step, interrupter.cancelSignal)
  if (interrupter.cancelSignal.aborted) cancelledAfterEnd(finished, verdict, step)
  else conclude(verdict, problems, step)
}
