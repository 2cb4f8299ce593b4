import type { CodeOceanClient } from './codeocean/client.js'
import type { Settings } from './inputs/settings.js'
import { getSettings } from './inputs/settings.js'
import { readToken } from './inputs/token.js'
import { finishStep } from './lifecycle/finish.js'
import { Interrupter } from './lifecycle/interruption.js'
import { failStepWith, newStep } from './lifecycle/step.js'

/**
 * The action's main step, phase by phase: read the inputs, start the run and report
 * it at once, then follow it to its end and handle its results. Whatever happens,
 * the step ends with every output set, a job summary and, if asked, a PR comment.
 */
export async function run(): Promise<void> {
  const step = newStep()
  const interrupter = new Interrupter()
  let settings: Settings | undefined
  let client: CodeOceanClient | undefined
  try {
    // The token is masked before anything else can print it.
    const token = readToken()
    settings = await getSettings(token)
    const phases = await import('./lifecycle/phases.js')
    client = phases.connect(settings, step)
    settings = await phases.beforeRun(client, settings, step, interrupter)
    await phases.preflight(client, settings)
    const started = await phases.startRun(client, settings, step, interrupter)
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
