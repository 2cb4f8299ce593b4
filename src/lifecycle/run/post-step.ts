import * as core from '@actions/core'
import { CodeOceanClient } from '../../codeocean/client.js'
import { STOP_MEANS_DELETE } from '../../codeocean/rules.js'
import { errorMessage } from '../../errors.js'
import { resolveApiLocation } from '../../inputs/domain.js'
import { readToken } from '../../inputs/token.js'
import { EnvFallback, Input } from '../../names.js'
import { redactRegistered } from '../../redact.js'
import { inline } from '../../untrusted.js'
import { runLeftWatched } from './backstop.js'

/**
 * The post step's stop, retries and pauses included, ends within this: the job is
 * over and waits on it. A Retry-After asking for longer is not waited for; the
 * warning says so, and to stop the run in Code Ocean.
 */
const POST_STOP_BUDGET_MS = 20_000

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
 * (see backstop.ts). Problems here are warnings: the job's outcome is decided.
 */
export async function post(): Promise<void> {
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
