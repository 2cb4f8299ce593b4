import * as core from '@actions/core'
import { CodeOceanClient } from './client.js'
import { describeRun, judge, type Computation } from './computation.js'
import { Input, State, STOP_MEANS_DELETE } from './constants.js'
import { errorMessage, RequestAbortedError } from './errors.js'
import { getSettings, parseBooleanInput, readToken, type Settings } from './inputs.js'
import { Outputs } from './outputs.js'
import { formatDuration, waitForCompletion } from './poll.js'
import { redactRegistered } from './redact.js'
import { buildRunRequest } from './run-request.js'
import { renderSummary, type SummaryModel } from './summary.js'

type Redact = (text: string) => string

/**
 * A stop must be confirmed well within the runner's 7.5 s between SIGINT and SIGTERM:
 * two attempts of at most 1.5 s each, with under a second between them.
 */
const STOP_ON_CANCEL = { timeoutMs: 1_500, retries: 1 }

/**
 * Renames the run and returns it as it now is; a failure here must not fail a run
 * that has started, so it is only a warning.
 */
async function renameRun(
  client: CodeOceanClient,
  run: Computation,
  name: string,
  outputs: Outputs,
  redact: Redact
): Promise<Computation> {
  try {
    await client.renameComputation(run.id, name)
  } catch (error) {
    core.warning(
      redact(`Could not name the run '${name}'; it keeps the name '${run.name ?? run.id}'. ${errorMessage(error)}`)
    )
    return run
  }
  const renamed = { ...run, name, raw: { ...run.raw, name } }
  outputs.setComputation(renamed)
  core.info(`Named the run '${name}'`)
  return renamed
}

/** Why the wait ended before the run did. */
type Interruption = 'cancel' | 'timeout'

/** Stops the run after a cancel or timeout, when asked to, and fails the step saying what happened. */
async function endEarly(
  why: Interruption,
  client: CodeOceanClient,
  run: Computation,
  settings: Settings,
  outputs: Outputs,
  summary: SummaryModel,
  redact: Redact
): Promise<void> {
  summary.status = why === 'cancel' ? 'cancelled' : 'timed-out'
  outputs.setStatus(summary.status)
  const stop = why === 'cancel' ? settings.stopOnCancel : settings.stopOnTimeout
  let fate: string
  if (!stop) {
    core.saveState(State.Watching, 'false')
    fate = `The run was left running (stop-on-${why}: false).`
  } else {
    try {
      await client.deleteComputation(run.id, STOP_ON_CANCEL)
      core.saveState(State.Watching, 'false')
      fate = `The run was stopped (${STOP_MEANS_DELETE}).`
    } catch (error) {
      // After a cancel the post step tries again; after a timeout nobody would.
      if (why === 'timeout') core.saveState(State.Watching, 'false')
      fate =
        `The action could not stop the run: ${errorMessage(error).split('\n')[0]}` +
        (why === 'cancel' ? ' The post step will try again.' : ' It may still be running in Code Ocean.')
    }
  }
  const subject = `Code Ocean run ${describeRun(run)} (last state: ${run.state || 'unknown'})`
  summary.message =
    why === 'cancel'
      ? `The workflow was cancelled while waiting for ${subject}. ${fate}`
      : `Timed out after ${formatDuration(settings.waitTimeoutMinutes * 60_000)} (wait-timeout: ${settings.waitTimeoutMinutes}) waiting for ${subject}. ${fate}`
  core.setFailed(redact(summary.message))
}

/** Appends the job summary; a failure to write it is not the run's failure. */
async function writeSummary(model: SummaryModel, redact: Redact): Promise<void> {
  try {
    // Only the inputs' own `summary` decides; a bad value elsewhere still gets a summary.
    if (!parseBooleanInput(Input.Summary, core.getInput(Input.Summary) || 'true')) return
  } catch {
    // An invalid `summary` value is reported with the other input errors.
  }
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(redact(renderSummary(model))).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
}

/**
 * Posts the summary on the pull request, or updates the comment an earlier run left.
 * Only on pull request events; a failure is a warning, since the run's outcome stands.
 */
async function commentOnPullRequest(model: SummaryModel, settings: Settings, redact: Redact): Promise<void> {
  // Loaded only here: most runs never comment, and the GitHub client is large.
  const { commentMarker, pullRequestNumber, upsertComment } = await import('./pr-comment.js')
  const issue = pullRequestNumber(process.env)
  if (issue === undefined) {
    core.debug('Not a pull request event: no comment.')
    return
  }
  const marker = commentMarker(process.env.GITHUB_WORKFLOW ?? '', process.env.GITHUB_JOB ?? '', settings.run.target.id)
  try {
    const result = await upsertComment(
      { token: settings.commentToken ?? '', repository: process.env.GITHUB_REPOSITORY ?? '', issue, marker },
      redact(renderSummary(model))
    )
    core.info(`${result.created ? 'Commented' : 'Updated the comment'} on pull request #${issue}`)
  } catch (error) {
    core.warning(
      redact(
        `Could not comment on pull request #${issue}: ${errorMessage(error)}. The token in github-token needs ` +
          '`pull-requests: write` (in the workflow: `permissions: pull-requests: write`).'
      )
    )
  }
}

/** The action's main step: start the run, report it at once, then wait and judge. */
export async function run(): Promise<void> {
  core.saveState(State.IsPost, 'true')
  const outputs = new Outputs()
  const summary: SummaryModel = { startedAt: Date.now(), notes: [] }
  let client: CodeOceanClient | undefined
  /** Known once the inputs are valid; the comment needs them. */
  let commentWith: Settings | undefined
  // readToken registers the secrets; every message the step writes goes through this.
  const redact: Redact = redactRegistered
  let interruption: Interruption | undefined
  const interrupt = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interruption === 'cancel') return
    interruption = 'cancel'
    core.info(`Received ${signal}: the workflow is being cancelled.`)
    interrupt.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  let timer: NodeJS.Timeout | undefined
  try {
    // The token is masked before anything else can print it.
    const token = readToken()
    const settings = getSettings(token)
    commentWith = settings
    const body = buildRunRequest(settings.run)
    summary.request = body
    const { kind, id } = settings.run.target
    core.debug(
      `API base: ${settings.location.apiBase}; wait: ${settings.wait}; poll-interval: ${settings.pollInterval}; wait-timeout: ${settings.waitTimeoutMinutes} min`
    )

    core.startGroup(`Starting ${kind} ${id} on ${settings.location.siteUrl}`)
    core.info(JSON.stringify(body, null, 2))
    core.endGroup()

    client = new CodeOceanClient({
      apiBase: settings.location.apiBase,
      token,
      onRetry: (message) => core.info(redact(message))
    })
    // Not abortable: a start cut short could leave a run nobody knows about.
    let started = await client.startRun(body)
    // Outputs first: they must survive a failed or cancelled wait.
    outputs.setComputation(started)
    core.info(`Started Code Ocean run ${describeRun(started)} of ${kind} ${id}`)
    if (settings.wait) {
      // From here the run is ours to look after: if this step dies, the post step stops it.
      core.saveState(State.ComputationId, started.id)
      core.saveState(State.Watching, settings.stopOnCancel ? 'true' : 'false')
    }

    if (settings.runName && !interruption) {
      started = await renameRun(client, started, settings.runName, outputs, redact)
    }

    summary.computation = started
    if (!settings.wait) {
      summary.status = 'started'
      outputs.setStatus('started')
      core.info('Not waiting for the run to finish (wait: false).')
      return
    }

    if (settings.waitTimeoutMinutes > 0) {
      timer = setTimeout(() => {
        interruption ??= 'timeout'
        interrupt.abort()
      }, settings.waitTimeoutMinutes * 60_000)
    }
    try {
      if (interruption) throw new RequestAbortedError()
      const finished = await waitForCompletion(client, started, {
        interval: settings.pollInterval,
        log: (line) => core.info(line),
        warn: (line) => core.warning(redact(line)),
        onUpdate: (c) => {
          core.debug(`Computation: ${JSON.stringify(c.raw)}`)
          summary.computation = c
          outputs.setComputation(c)
        },
        signal: interrupt.signal
      })
      core.saveState(State.Watching, 'false')
      const verdict = judge(finished)
      outputs.setStatus(verdict.status)
      summary.status = verdict.status
      summary.message = verdict.message
      // Loaded when a run has finished: a step that only starts a run never pays for it.
      const { afterRun } = await import('./after-run.js')
      const problems = await afterRun(client, finished, verdict, settings, outputs, summary)
      if (verdict.succeeded && problems.length === 0) {
        core.info(verdict.message)
        return
      }
      if (verdict.succeeded) {
        // The run itself succeeded, but the step did not deliver all it was asked to.
        summary.status = 'failed'
        outputs.setStatus('failed')
      }
      summary.message = [verdict.succeeded ? `${verdict.message}, but:` : verdict.message, ...problems].join('\n')
      core.setFailed(redact(summary.message))
    } catch (error) {
      if (error instanceof RequestAbortedError && interruption) {
        await endEarly(interruption, client, summary.computation ?? started, settings, outputs, summary, redact)
        return
      }
      // Not a cancel: leave the run as it is; the post step must not stop it either.
      core.saveState(State.Watching, 'false')
      throw error
    }
  } catch (error) {
    summary.status ??= 'failed'
    summary.message = errorMessage(error)
    core.setFailed(redact(summary.message))
  } finally {
    clearTimeout(timer)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    outputs.complete('failed')
    client?.close()
    summary.endedAt = Date.now()
    await writeSummary(summary, redact)
    if (commentWith?.commentToken) await commentOnPullRequest(summary, commentWith, redact)
  }
}
