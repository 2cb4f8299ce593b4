import * as core from '@actions/core'
import { CodeOceanClient } from '../../codeocean/client.js'
import { mayHaveStartedRun } from '../../codeocean/computations-api.js'
import type { Computation } from '../../codeocean/models/computation.js'
import { buildRunRequest, type RunRequest } from '../../codeocean/models/run-request.js'
import { errorMessage } from '../../errors.js'
import type { Settings, StepSettings } from '../../inputs/settings.js'
import { describeRun } from '../../report/describe.js'
import { inline } from '../../untrusted.js'
import { findAdoptableRun } from '../adopt/adopt.js'
import type { Interrupter } from '../interruption.js'
import { setStatus, type Step } from '../step.js'
import { watchRun } from './backstop.js'
import { releaseRefusalReason } from './release-runs.js'

/** A client for the deployment the inputs name, whose retries are told in the log. */
export function connect(settings: StepSettings, step: Step): CodeOceanClient {
  core.debug(
    `API base: ${settings.location.apiBase}; wait: ${settings.wait}; poll-interval: ${settings.pollInterval}; wait-timeout: ${settings.waitTimeoutMinutes} min`
  )
  return new CodeOceanClient({
    apiBase: settings.location.apiBase,
    token: settings.token,
    onRetry: (message) => core.info(inline(step.redact(message)))
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
        `Could not name the run '${inline(name)}'; it keeps the name '${inline(run.name ?? run.id)}'. ${errorMessage(error)}` +
          (release ? `\n${release}` : '')
      )
    )
    return run
  }
  const renamed = { ...run, name, raw: { ...run.raw, name } }
  step.outputs.setComputation(renamed)
  core.info(`Named the run '${inline(name)}'`)
  return renamed
}

/**
 * How long a start may still take after a cancel. Cutting a start short at once could
 * leave a run nobody knows about, while an answer that comes in this time gives the
 * run's id, so the cancel can stop it. Waiting out the start's whole 30 s deadline
 * instead would outlast the runner's 10 s from SIGINT to SIGKILL, and a killed step
 * writes no summary and says nothing of the run; so after this grace the start is
 * given up, and the step says a run may have started, with time left to end well.
 */
const START_GRACE_AFTER_CANCEL_MS = 3_000

/** A signal that aborts `graceMs` after `cancel` does. */
function graceAfter(cancel: AbortSignal, graceMs: number): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const onCancel = (): void => {
    timer = setTimeout(() => controller.abort(), graceMs)
  }
  if (cancel.aborted) onCancel()
  else cancel.addEventListener('abort', onCancel, { once: true })
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer)
      cancel.removeEventListener('abort', onCancel)
    }
  }
}

/** Sends the start; a cancel meanwhile gives it a short grace (see START_GRACE_AFTER_CANCEL_MS). */
async function sendStart(client: CodeOceanClient, body: RunRequest, interrupter: Interrupter): Promise<Computation> {
  const grace = graceAfter(interrupter.signal, START_GRACE_AFTER_CANCEL_MS)
  try {
    return await client.computations.start(body, { signal: grace.signal })
  } finally {
    grace.dispose()
  }
}

/**
 * The run the start created: its answer, or, when the start failed after the request
 * went out, the one run Code Ocean lists with our request since just before the start
 * (see adopt.ts). Never sends the start again.
 */
async function startOrAdopt(
  client: CodeOceanClient,
  settings: Settings,
  body: RunRequest,
  step: Step,
  interrupter: Interrupter
): Promise<{ run: Computation; adopted: boolean }> {
  const sentAt = Date.now()
  try {
    try {
      return { run: await sendStart(client, body, interrupter), adopted: false }
    } catch (error) {
      if (interrupter.reason === 'cancel' || !mayHaveStartedRun(error)) throw error
      const failure = error as Error
      const target = settings.run.target
      const run = await findAdoptableRun(client.targets, {
        request: body,
        target,
        sentAt,
        failure,
        signal: interrupter.signal,
        // The wait's estimate of the run's length reads these runs instead of listing them again.
        onListing: (runs) => (step.targetRuns = runs)
      })
      return { run, adopted: true }
    }
  } catch (error) {
    if (interrupter.reason === 'cancel') {
      setStatus(step, 'cancelled')
    }
    throw error
  }
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
  // Parameter values are outside text too (event text can reach them): one value per line, defused.
  for (const line of JSON.stringify(body, null, 2).split('\n')) core.info(inline(line))
  core.endGroup()

  const answer = await startOrAdopt(client, settings, body, step, interrupter)
  let started = answer.run
  step.outputs.setComputation(started)
  if (answer.adopted) {
    const line = `The start request failed, but Code Ocean had started run ${describeRun(started)}; following it`
    core.info(step.redact(line))
    step.summary.notes.push(line)
  } else {
    core.info(step.redact(`Started Code Ocean run ${describeRun(started)} of ${kind} ${inline(id)}`))
  }
  if (settings.wait) {
    // From here the run is ours to look after: if this step dies, the post step stops it.
    watchRun(started.id, settings.stopOnCancel)
  }
  if (settings.runName && !interrupter.reason) {
    started = await renameRun(client, started, settings.runName, settings.run.version, step)
  }
  step.summary.computation = started
  return started
}

/** For `wait: false`: the step ends as soon as the run has started. */
export function leaveRunning(step: Step): void {
  setStatus(step, 'started')
  core.info('Not waiting for the run to finish (wait: false).')
}
