import * as core from '@actions/core'
import type { CodeOceanClient } from './codeocean/client.js'
import type { Computation } from './codeocean/models/computation.js'
import type { StepSettings } from './inputs/settings.js'
import { getSettings } from './inputs/settings.js'
import { isSettling } from './inputs/settle.js'
import { readToken } from './inputs/token.js'
import { warnAboutUnexpectedInputs } from './inputs/unexpected-inputs.js'
import { Interrupter } from './lifecycle/interruption.js'
import { finishStep } from './lifecycle/run/finish.js'
import { failStepWith, newStep } from './lifecycle/step.js'

/**
 * The action's main step, phase by phase: read the inputs, start the run (or find the
 * one `computation-id` names) and report it at once, then follow it to its end and
 * handle its results. Whatever happens, the step ends with every output set, a job
 * summary and, if asked, a PR comment.
 */
export async function run(): Promise<void> {
  if (isSettling()) {
    // `settle: true`: no run to start or follow; complete the checks earlier steps left in progress.
    const { settle } = await import('./lifecycle/run/settle.js')
    await settle()
    return
  }
  const step = newStep()
  const interrupter = new Interrupter()
  let settings: StepSettings | undefined
  let client: CodeOceanClient | undefined
  try {
    // The token is masked before anything else can print it.
    const token = readToken()
    // Before the inputs are read: a misspelt input may be why they are wrong.
    warnAboutUnexpectedInputs(process.env, (message) => core.warning(message))
    settings = getSettings(token)
    // Loaded once the inputs are good: a step that stops at an input error never loads
    // the API client and the phases, a quarter of a valid step's start-up (`npm run bench -- startup`).
    const phases = await import('./lifecycle/run/phases.js')
    client = phases.connect(settings, step)
    let started: Computation
    if (settings.computationId !== undefined) {
      // `computation-id`: follow a run something else started; nothing is started.
      started = await phases.attachToRun(client, settings, step, interrupter)
    } else {
      settings = await phases.prepareRun(client, settings, step, interrupter)
      await phases.preflight(client, settings)
      // A run adopted after a failed start comes with settings that stop it only on `true`.
      ;({ run: started, settings } = await phases.startRun(client, settings, step, interrupter))
    }
    // `check-run`: the run as a check on the commit, from now until the step's end.
    await phases.openCheckRun(started, settings, step, interrupter.cancelSignal)
    if (!settings.wait) {
      phases.leaveRunning(step)
      return
    }
    interrupter.timeoutAfter(settings.waitTimeoutMinutes)
    await phases.followRun(client, started, settings, step, interrupter)
  } catch (error) {
    failStepWith(step, error)
  } finally {
    client?.close()
    // Still listening for a cancel: it cuts the pull request comment short.
    await finishStep(step, settings, interrupter.cancelSignal)
    interrupter.dispose()
  }
}
