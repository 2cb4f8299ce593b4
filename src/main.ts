import * as core from '@actions/core'
import { CodeOceanClient } from './client.js'
import { describeRun, judge, type Computation } from './computation.js'
import { errorMessage } from './errors.js'
import { getSettings, readToken } from './inputs.js'
import { Outputs } from './outputs.js'
import { basicAuthValue, redactor } from './redact.js'
import { waitForCompletion } from './poll.js'
import { buildRunRequest } from './run-request.js'

/**
 * Renames the run and returns it as it now is; a failure here must not fail a run
 * that has started, so it is only a warning.
 */
async function renameRun(
  client: CodeOceanClient,
  run: Computation,
  name: string,
  outputs: Outputs,
  redact: (text: string) => string
): Promise<Computation> {
  try {
    await client.renameComputation(run.id, name)
  } catch (error) {
    core.warning(redact(`Could not name the run '${name}'; it keeps the name '${run.name ?? run.id}'. ${errorMessage(error)}`))
    return run
  }
  const renamed = { ...run, name, raw: { ...run.raw, name } }
  outputs.setComputation(renamed)
  core.info(`Named the run '${name}'`)
  return renamed
}

/** The action's main step: start the run, report it at once, then wait and judge. */
export async function run(): Promise<void> {
  const outputs = new Outputs()
  let client: CodeOceanClient | undefined
  let redact = (text: string): string => text
  try {
    // The token is masked before anything else can print it.
    const token = readToken()
    if (token) redact = redactor([token, basicAuthValue(token)])
    const settings = getSettings(token)
    const body = buildRunRequest(settings.run)
    const { kind, id } = settings.run.target

    core.startGroup(`Starting ${kind} ${id} on ${settings.location.siteUrl}`)
    core.info(JSON.stringify(body, null, 2))
    core.endGroup()

    client = new CodeOceanClient({ apiBase: settings.location.apiBase, token })
    let started = await client.startRun(body)
    // Outputs first: they must survive a failed or cancelled wait.
    outputs.setComputation(started)
    core.info(`Started Code Ocean run ${describeRun(started)} of ${kind} ${id}`)

    if (settings.runName) started = await renameRun(client, started, settings.runName, outputs, redact)

    if (!settings.wait) {
      outputs.setStatus('started')
      core.info('Not waiting for the run to finish (wait: false).')
      return
    }

    const finished = await waitForCompletion(client, started, {
      interval: settings.pollInterval,
      log: (line) => core.info(line),
      warn: (line) => core.warning(line),
      onUpdate: (c) => outputs.setComputation(c)
    })
    const verdict = judge(finished)
    outputs.setStatus(verdict.status)
    if (verdict.succeeded) core.info(verdict.message)
    else core.setFailed(verdict.message)
  } catch (error) {
    core.setFailed(redact(errorMessage(error)))
  } finally {
    outputs.complete('failed')
    client?.close()
  }
}
