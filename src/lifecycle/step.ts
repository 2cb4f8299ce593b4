import * as core from '@actions/core'
import type { Computation } from '../codeocean/models/computation.js'
import { errorMessage } from '../errors.js'
import { redactRegistered } from '../redact.js'
import { workflowRunUrl } from '../report/links.js'
import { Outputs, type Status } from '../report/outputs.js'
import type { OpenCheckRun } from '../report/checks/check-run.js'
import type { SummaryModel } from '../report/summary.js'

/** What every phase of the main step adds to: its outputs, its summary, and one scrubber for every message. */
export interface Step {
  outputs: Outputs
  summary: SummaryModel
  /** Removes every registered secret; every message the step writes goes through it. */
  redact: (text: string) => string
  /** The target's runs, when resume-on-rerun or adopting a run listed them: the wait's estimate reuses them. */
  targetRuns?: readonly Computation[]
  /** The step's whole failure message, as the log gives it (the summary may show only part): a check run's reason. */
  failure?: string
  /** The check run this step made (`check-run`), while the step answers for it. */
  check?: OpenCheckRun
  /** `stop-on-timeout: hand-over` left the run, and its check, to a settle step. */
  handedOver?: boolean
}

export function newStep(env: NodeJS.ProcessEnv = process.env): Step {
  const summary = {
    startedAt: Date.now(),
    notes: [],
    workflowRun: workflowRunUrl(env),
    workspace: env.GITHUB_WORKSPACE || undefined
  }
  return { outputs: new Outputs(), summary, redact: redactRegistered }
}

/** Sets the step's status: the `status` output and the summary's, always the same. */
export function setStatus(step: Step, status: Status): void {
  step.summary.status = status
  step.outputs.setStatus(status)
}

/** Fails the step with a message, recorded in the summary too. */
export function failStep(step: Step, message: string): void {
  failStepShowing(step, message, message)
}

/**
 * Fails the step with a message whose summary shows only `shown` (nothing when
 * undefined): for a message that opens by repeating the summary's line about the run
 * (a run's verdict). A function of its own, not an optional parameter, because an
 * optional parameter's default would also stand in for an explicit undefined.
 */
export function failStepShowing(step: Step, message: string, shown: string | undefined): void {
  step.summary.message = shown
  step.failure = message
  core.setFailed(step.redact(message))
}

/** Fails the step for an error that ended it early; a status set before (cancelled, say) stands. */
export function failStepWith(step: Step, error: unknown): void {
  step.summary.status ??= 'failed'
  failStep(step, errorMessage(error))
}
