import * as core from '@actions/core'
import { CodeOceanClient } from '../codeocean/client.js'
import type { Computation } from '../codeocean/models/computation.js'
import { buildRunRequest } from '../codeocean/models/run-request.js'
import { errorMessage } from '../errors.js'
import type { Settings } from '../inputs/settings.js'
import { State } from '../names.js'
import { describeRun } from '../report/describe.js'
import type { Interrupter } from './interruption.js'
import { releaseRefusalReason } from './release-runs.js'
import type { Step } from './step.js'

/** A client for the deployment the inputs name, whose retries are told in the log. */
export function connect(settings: Settings, step: Step): CodeOceanClient {
  core.debug(
    `API base: ${settings.location.apiBase}; wait: ${settings.wait}; poll-interval: ${settings.pollInterval}; wait-timeout: ${settings.waitTimeoutMinutes} min`
  )
  return new CodeOceanClient({
    apiBase: settings.location.apiBase,
    token: settings.token,
    onRetry: (message) => core.info(step.redact(message))
  })
}

/**
 * Renames the run and returns it as it now is; a failure here must not fail a run
 * that has started, so it is only a warning.
 */
async function renameRun(
  client: CodeOceanClient,
  run: Computation,
  name: string,
  version: number | undefined,
  step: Step
): Promise<Computation> {
  try {
    await client.computations.rename(run.id, name)
  } catch (error) {
    const release = releaseRefusalReason(error, run, version)
    core.warning(
      step.redact(
        `Could not name the run '${name}'; it keeps the name '${run.name ?? run.id}'. ${errorMessage(error)}` +
          (release ? `\n${release}` : '')
      )
    )
    return run
  }
  const renamed = { ...run, name, raw: { ...run.raw, name } }
  step.outputs.setComputation(renamed)
  core.info(`Named the run '${name}'`)
  return renamed
}

/**
 * Starts the run, reports it at once (outputs first: they must survive a failed or
 * cancelled wait), hands it to the post step's backstop, and names it.
 */
export async function startRun(
  client: CodeOceanClient,
  settings: Settings,
  step: Step,
  interrupter: Interrupter
): Promise<Computation> {
  const body = buildRunRequest(settings.run)
  step.summary.request = body
  const { kind, id } = settings.run.target
  core.startGroup(`Starting ${kind} ${id} on ${settings.location.siteUrl}`)
  core.info(JSON.stringify(body, null, 2))
  core.endGroup()

  // Not abortable: a start cut short could leave a run nobody knows about.
  let started = await client.computations.start(body)
  step.outputs.setComputation(started)
  core.info(`Started Code Ocean run ${describeRun(started)} of ${kind} ${id}`)
  if (settings.wait) {
    // From here the run is ours to look after: if this step dies, the post step stops it.
    core.saveState(State.ComputationId, started.id)
    core.saveState(State.Watching, settings.stopOnCancel ? 'true' : 'false')
  }
  if (settings.runName && !interrupter.reason) {
    started = await renameRun(client, started, settings.runName, settings.run.version, step)
  }
  step.summary.computation = started
  return started
}

/** For `wait: false`: the step ends as soon as the run has started. */
export function leaveRunning(step: Step): void {
  step.summary.status = 'started'
  step.outputs.setStatus('started')
  core.info('Not waiting for the run to finish (wait: false).')
}
