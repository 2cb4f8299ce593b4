import * as core from '@actions/core'
import { CodeOceanClient } from '../../codeocean/client.js'
import { STOP_MEANS_DELETE } from '../../codeocean/rules.js'
import { errorMessage } from '../../errors.js'
import { resolveApiLocation } from '../../inputs/domain.js'
import { readToken, registerGithubToken } from '../../inputs/token.js'
import { EnvFallback, Input } from '../../names.js'
import { redactRegistered } from '../../redact.js'
import { inline } from '../../untrusted.js'
import { cancelledCheckRunBody } from '../../report/checks/check-run.js'
import { runLeftWatched } from './backstop.js'
import { checkLeftOpen } from './check-backstop.js'
import { checkRunsFor } from './check-run.js'

/**
 * The post step's stop, retries and pauses included, ends within this: the job is
 * over and waits on it. A Retry-After asking for longer is not waited for; the
 * warning says so, and to stop the run in Code Ocean.
 */
const POST_STOP_BUDGET_MS = 20_000

/** The post step's two check calls (read, complete) end within this. */
const POST_CHECK_BUDGET_MS = 10_000

/**
 * For anything that escapes post(): the job's outcome is decided by now, so an error
 * nobody anticipated is a warning, and only its message is shown, with secrets scrubbed.
 */
export function lastResortInPost(error: unknown): void {
  core.warning(redactRegistered(`Unexpected error in the post step: ${errorMessage(error)}`))
  process.exit(0)
}

/**
 * The post step: the backstop for a main step that was killed while waiting. The
 * main step marks the run as watched while it waits and clears the mark once the
 * run's fate is settled (finished, stopped, or deliberately left running), so this
 * does nothing after a normal finish or after `wait: false`. `stop-on-cancel` was resolved
 * by the main step: with `false`, or `auto` for a run the step only followed, it never
 * marked the run as watched. It stops only the run the main step recorded as its own
 * (see backstop.ts). With `check-run`, it also completes as cancelled the check run the
 * main step made and left in progress (see check-backstop.ts). Problems here are
 * warnings: the job's outcome is decided.
 */
export async function post(): Promise<void> {
  await stopRunLeftWatched()
  await cancelCheckLeftOpen()
}

/**
 * With `check-run`: the check run the main step made and left in progress as it ended
 * (killed, or its own completion cut short by a cancel) is completed as cancelled. Only
 * the one this step recorded (check-backstop.ts); a warning when that fails.
 */
async function cancelCheckLeftOpen(): Promise<void> {
  const left = checkLeftOpen()
  if (left === undefined) return
  const { id, runId } = left
  const token = core.getInput(Input.GithubToken).trim()
  registerGithubToken(token)
  const checks = checkRunsFor(token, redactRegistered)
  const signal = AbortSignal.timeout(POST_CHECK_BUDGET_MS)
  const status = await checks.status(id, signal)
  if (status === undefined || status === 'completed') return
  if (await checks.update(id, cancelledCheckRunBody(runId, Date.now()), signal)) {
    core.info(`Completed check run ${id} as cancelled: the main step ended before the run did.`)
  }
}

/** Stops the run the main step left watched, when there is one. */
async function stopRunLeftWatched(): Promise<void> {
  const id = runLeftWatched()
  if (!id) return
  const token = readToken()
  let client: CodeOceanClient | undefined
  try {
    const domain = core.getInput(Input.Domain) || process.env[EnvFallback.Domain] || ''
    const location = resolveApiLocation(Input.Domain, domain)
    client = new CodeOceanClient({ apiBase: location.apiBase, token, timeoutMs: 10_000, retries: 2 })
    core.info(
      `The main step ended while waiting for Code Ocean run ${inline(id)} (cancelled or killed); stopping the run.`
    )
    await client.computations.delete(id, { budgetMs: POST_STOP_BUDGET_MS })
    core.info(`Stopped Code Ocean run ${inline(id)} (${STOP_MEANS_DELETE}).`)
  } catch (error) {
    core.warning(
      redactRegistered(
        `Could not stop Code Ocean run ${inline(id)}: ${errorMessage(error)} Stop it in Code Ocean if it is still running.`
      )
    )
  } finally {
    client?.close()
  }
}
