import * as core from '@actions/core'
import type { RunSpec } from '../codeocean/models/run-request.js'
import { EnvFallback, Input } from '../names.js'
import { redactor } from '../redact.js'
import { resolveApiLocation, type ApiLocation } from './domain.js'
import { readDownloadSettings, type DownloadSettings } from './downloads.js'
import { InputErrors } from './errors.js'
import { isFollowing, readFollowedRun } from './followed-run.js'
import { readPreparationSettings, type PreparationSettings } from './preparation.js'
import { Problems } from './problems.js'
import { defaultRunName } from './run-name.js'
import { readRunSpec } from './run-spec.js'
import { parseSettleWorkflow, SETTLE_WORKFLOW_EXAMPLE } from './settle-workflow.js'
import { registerGithubToken, type ReadInput } from './token.js'
import {
  parseBooleanInput,
  parseList,
  parsePollInterval,
  parseStopChoice,
  parseTimeoutChoice,
  parseWaitTimeout,
  type PollInterval,
  type StopChoice,
  type TimeoutChoice
} from './values.js'

export type { PollInterval } from './values.js'

/** How the step waits for the run, and what it does when the wait is cut short. */
interface WaitSettings {
  wait: boolean
  pollInterval: PollInterval
  /** 0 means no limit. */
  waitTimeoutMinutes: number
  /** Whether to stop the run on a cancel, and on the wait-timeout: `auto` resolved for this step's run. */
  stopOnCancel: boolean
  stopOnTimeout: boolean
  /**
   * `stop-on-timeout: hand-over`: at the wait-timeout the run is left running and its
   * check run in progress, for a settle step to complete; the step does not fail.
   */
  handOverOnTimeout: boolean
  /** The stop inputs as given, for messages that say why a run was or was not stopped. */
  stopChoices: { cancel: StopChoice; timeout: TimeoutChoice }
}

/** What the step does with a finished run's results. */
interface ResultSettings extends DownloadSettings {
  summary: boolean
  /** Name of a data asset to capture the results into. */
  captureName?: string
  captureTags: string[]
  /** Token for the pull request comment; set only when one is wanted. */
  commentToken?: string
  /** Token for the check run (`check-run`); set only when one is wanted. */
  checkToken?: string
  /** With `check-run`: the settle workflow's file, turned on when the step leaves its check in progress. */
  settleWorkflow?: string
}

/** What every phase after the start needs, for a run this step started or one it follows. */
interface AfterStartSettings extends WaitSettings, ResultSettings {
  location: ApiLocation
  token: string
}

/** Everything the action needs to start a run, read and checked before any request is made. */
export interface Settings extends AfterStartSettings, PreparationSettings {
  run: RunSpec
  runName: string
  /** Check the request against the app panel before starting. */
  checkParameters: boolean
  computationId?: undefined
}

/** Everything the action needs to follow a run something else started (`computation-id`). */
export interface FollowSettings extends AfterStartSettings {
  /** The run to follow. */
  computationId: string
  run?: undefined
}

/** The settings of either kind of step: `computationId` tells them apart. */
export type StepSettings = Settings | FollowSettings

/** Where Code Ocean is: the `domain` input, or the environment's fallback. */
function readLocation(problems: Problems, env: NodeJS.ProcessEnv): ApiLocation | undefined {
  const domain = problems.read(Input.Domain) || env[EnvFallback.Domain] || ''
  if (domain.trim() === '') {
    // Most workflows keep the address in a repository variable: the message says how to make one.
    problems.add(
      Input.Domain,
      `is not set (nor is the environment variable ${EnvFallback.Domain}); set it to the address of your Code Ocean ` +
        `deployment (for example codeocean.example.com): create the repository variable ${EnvFallback.Domain} in ` +
        `Settings › Secrets and variables › Actions › Variables, and pass it to the step`,
      `${Input.Domain}: \${{ vars.${EnvFallback.Domain} }}`
    )
    return undefined
  }
  return problems.attempt(() => resolveApiLocation(Input.Domain, domain))
}

function checkToken(token: string, problems: Problems): void {
  if (token !== '') return
  problems.add(
    Input.Secret,
    `is not set (nor is the environment variable ${EnvFallback.Secret}); give a Code Ocean API access token from a repository secret`,
    'secret: ${{ secrets.CODEOCEAN_API_TOKEN }}'
  )
}

/**
 * `following`: the step follows a run it did not start, which `auto` leaves alone. The
 * default of `stop-on-timeout` stays `false`: a timeout stops no run unless asked to.
 */
function readWaitSettings(problems: Problems, following: boolean): WaitSettings {
  const stopChoices = {
    cancel: problems.check(Input.StopOnCancel, (raw) => parseStopChoice(Input.StopOnCancel, raw)) ?? 'auto',
    timeout: problems.check(Input.StopOnTimeout, (raw) => parseTimeoutChoice(Input.StopOnTimeout, raw)) ?? false
  }
  const resolve = (choice: TimeoutChoice): boolean => (choice === 'auto' ? !following : choice === true)
  return {
    wait: problems.check(Input.Wait, (raw) => parseBooleanInput(Input.Wait, raw)) ?? true,
    pollInterval: problems.check(Input.PollInterval, (raw) => parsePollInterval(Input.PollInterval, raw)) ?? 'auto',
    waitTimeoutMinutes: problems.check(Input.WaitTimeout, (raw) => parseWaitTimeout(Input.WaitTimeout, raw)) ?? 0,
    stopOnCancel: resolve(stopChoices.cancel),
    stopOnTimeout: resolve(stopChoices.timeout),
    handOverOnTimeout: stopChoices.timeout === 'hand-over',
    stopChoices
  }
}

function readResultSettings(problems: Problems, wait: boolean, env: NodeJS.ProcessEnv): ResultSettings {
  const { read } = problems
  const settings: ResultSettings = {
    summary: problems.check(Input.Summary, (raw) => parseBooleanInput(Input.Summary, raw)) ?? true,
    ...readDownloadSettings(problems, env),
    captureName: read(Input.CaptureResults).trim() || undefined,
    captureTags: parseList(read(Input.CaptureTags), true),
    ...readGitHubTokens(problems)
  }
  if (settings.captureTags.length > 0 && !settings.captureName) {
    problems.add(
      Input.CaptureTags,
      `only applies to a capture; set 'capture-results' to a data asset name too`,
      `${Input.CaptureResults}: nightly results`
    )
  }
  if ((settings.downloadFolder || settings.captureName) && !wait) {
    problems.add(
      Input.Wait,
      `is false, but results can only be downloaded or captured after waiting for the run`,
      `${Input.Wait}: 'true'`
    )
  }
  return settings
}

/**
 * The GitHub token, for the pull request comment when `comment-on-pr` asks for one, and
 * for the check run when `check-run` does.
 */
function readGitHubTokens(problems: Problems): Pick<ResultSettings, 'commentToken' | 'checkToken' | 'settleWorkflow'> {
  const commentOnPr = problems.check(Input.CommentOnPr, (raw) => parseBooleanInput(Input.CommentOnPr, raw)) ?? false
  const checkRun = problems.check(Input.CheckRun, (raw) => parseBooleanInput(Input.CheckRun, raw)) ?? false
  const githubToken = problems.read(Input.GithubToken).trim()
  registerGithubToken(githubToken)
  const usable = githubToken !== '' && !githubToken.startsWith('${{')
  const wanted = [...(commentOnPr ? ['comment-on-pr needs a token that may write pull request comments'] : [])]
  if (checkRun) wanted.push('check-run needs a token that may write check runs (`checks: write`)')
  if (!usable && wanted.length > 0) {
    problems.add(
      Input.GithubToken,
      `is empty, but ${wanted.join(', and ')}`,
      `${Input.GithubToken}: \${{ github.token }}`
    )
  }
  const settleWorkflow = problems.check(Input.SettleWorkflow, parseSettleWorkflow)
  if (settleWorkflow !== undefined && !checkRun) {
    problems.add(
      `${Input.SettleWorkflow}' and '${Input.CheckRun}`,
      `'${Input.SettleWorkflow}' turns the settle workflow on when this step leaves its check run in progress, but ` +
        `'${Input.CheckRun}' is not true: set '${Input.CheckRun}: true', or remove '${Input.SettleWorkflow}'`,
      `${Input.CheckRun}: true\n${SETTLE_WORKFLOW_EXAMPLE}`
    )
  }
  return {
    commentToken: commentOnPr ? githubToken : undefined,
    checkToken: checkRun ? githubToken : undefined,
    settleWorkflow: checkRun ? settleWorkflow : undefined
  }
}

const HAND_OVER_EXAMPLE = `${Input.CheckRun}: true\n${Input.WaitTimeout}: 30\n${Input.StopOnTimeout}: hand-over`

/**
 * `stop-on-timeout: hand-over` hands the run to a settle step through its check run: it
 * needs `check-run: true`, and a run this step starts (a followed run's check carries no
 * external_id, so no settle step could find it).
 */
function checkHandOver(problems: Problems, checkRun: boolean, following: boolean): void {
  if (!checkRun) {
    problems.add(
      `${Input.StopOnTimeout}' and '${Input.CheckRun}`,
      `'${Input.StopOnTimeout}: hand-over' leaves the run to a settle step through its check run, but ` +
        `'${Input.CheckRun}' is not true: set '${Input.CheckRun}: true', or choose true, false or auto`,
      HAND_OVER_EXAMPLE
    )
  }
  if (following) {
    problems.add(
      `${Input.StopOnTimeout}' and '${Input.ComputationId}`,
      `'${Input.StopOnTimeout}: hand-over' leaves the run to a settle step, which finds only the check runs of runs ` +
        `a step started (a followed run's check does not name its capsule or pipeline): choose true, false or auto`,
      `${Input.StopOnTimeout}: auto`
    )
  }
}

/** What the step starts: the request, the run's name, and what happens before the start. */
function readStartSettings(
  problems: Problems,
  env: NodeJS.ProcessEnv
): Omit<Settings, keyof AfterStartSettings | 'run'> & { run: RunSpec | undefined } {
  const run = readRunSpec(problems)
  const checkParameters = readCheckParameters(problems)
  const preparation = readPreparationSettings(problems, env)
  const runName = problems.read(Input.RunName) || defaultRunName(env)
  return { run, checkParameters, runName, ...preparation }
}

function readCheckParameters(problems: Problems): boolean {
  return problems.check(Input.CheckParameters, (raw) => parseBooleanInput(Input.CheckParameters, raw)) ?? true
}

/**
 * Reads and validates every input. Throws InputErrors naming each bad input, what is
 * wrong and the right form; nothing is sent to Code Ocean before this succeeds. With
 * `computation-id` the step follows that run instead of starting one (FollowSettings).
 */
export function getSettings(
  token: string,
  readRaw: ReadInput = core.getInput,
  env = process.env,
  log: (line: string) => void = (line) => core.info(line)
): StepSettings {
  // Trimmed here, not only by the runner's getInput: other hosts of the action
  // (@github/local-action, for one) pass inputs on exactly as written.
  const read: ReadInput = (name) => readRaw(name).trim()
  const problems = new Problems(read)
  const location = readLocation(problems, env)
  checkToken(token, problems)
  const following = isFollowing(problems)
  const start = following ? undefined : readStartSettings(problems, env)
  const waiting = readWaitSettings(problems, following)
  const computationId = following ? readFollowedRun(problems, waiting.wait) : undefined
  // Only its form is checked when following: a followed run has no request to check.
  if (following) readCheckParameters(problems)
  const results = readResultSettings(problems, waiting.wait, env)
  if (waiting.handOverOnTimeout) checkHandOver(problems, results.checkToken !== undefined, following)
  if (problems.list.length === 0 && location) {
    for (const note of problems.notes) log(note)
    const common = { location, token, ...waiting, ...results }
    if (computationId !== undefined) return { ...common, computationId }
    if (start?.run) return { ...common, ...start, run: start.run }
  }
  // Each way of getting here added a problem. A token pasted into the wrong input must not be echoed back.
  throw new InputErrors(problems.list, redactor([token]))
}
