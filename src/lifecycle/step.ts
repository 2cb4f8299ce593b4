import * as core from '@actions/core'
import type { Computation } from '../codeocean/models/computation.js'
import { errorMessage } from '../errors.js'
import { redactRegistered } from '../redact.js'
import { Outputs, type Status } from '../report/outputs.js'
import type { SummaryModel } from '../report/summary.js'

/** What every phase of the main step adds to: its outputs, its summary, and one scrubber for every message. */
export interface Step {
  outputs: Outputs
  summary: SummaryModel
  /** Removes every registered secret; every message the step writes goes through it. */
  redact: (text: string) => string
  /** The target's runs, when resume-on-rerun or adopting a run listed them: the wait's estimate reuses them. */
  targetRuns?: readonly Computation[]
}

export function newStep(): Step {
  return { outputs: new Outputs(), summary: { startedAt: Date.now(), notes: [] }, redact: redactRegistered }
}

/** Sets the step's status: the `status` output and the summary's, always the same. */
export function setStatus(step: Step, status: Status): void {
  step.summary.status = status
  step.outputs.setStatus(status)
}

/** Fails the step with a message, recorded in the summary too. */
export function failStep(step: Step, message: string): void {
  step.summary.message = message
  core.setFailed(step.redact(message))
}

/** Fails the step for an error that ended it early; a status set before (cancelled, say) stands. */
export function failStepWith(step: Step, error: unknown): void {
  step.summary.status ??= 'failed'
  failStep(step, errorMessage(error))
}
