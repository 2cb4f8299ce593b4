import * as core from '@actions/core'
import { EnvFallback, Input } from '../names.js'
import { redactor } from '../redact.js'
import { resolveApiLocation, type ApiLocation } from './domain.js'
import { readDownloadSettings, type DownloadSettings } from './downloads.js'
import { InputError, InputErrors } from './errors.js'
import { Problems } from './problems.js'
import { parseSettleWorkflow, runningWorkflowFile } from './settle-workflow.js'
import { registerGithubToken, type ReadInput } from './token.js'
import { parseBooleanInput } from './values.js'

/**
 * What a settle step (`settle: true`) needs: no run to start or follow, only where to look
 * and with what. Its downloads (DownloadSettings): each settled
 * run's results go into `<download folder>/<run id>/`, all within one `results-timeout`.
 */
export interface SettleSettings extends DownloadSettings {
  location: ApiLocation
  /** The Code Ocean token. */
  token: string
  /** The token that updates the check runs: the same app's as the one that created them (GITHUB_TOKEN). */
  githubToken: string
  summary: boolean
  /** Days a check may stay in progress before a still-going run's check is completed as timed out. */
  maxAgeDays: number
  /** With `settle-workflow`: this step's own workflow file, turned off once nothing is left pending. */
  settleWorkflow?: string
}

/**
 * `settle-max-age`'s range: GitHub concludes a check left incomplete for 14 days `stale`
 * itself (docs/github-checks.md), so a longer age could never be acted on.
 */
const SETTLE_MAX_AGE_DAYS = { min: 1, max: 14, fallback: 7 } as const

/**
 * The inputs that start or follow a run, or shape what follows one, and so have no place
 * in a settle step, with the value the runner passes when the workflow leaves them out
 * (action.yml's default; '' for none). Only a value other than that is refused: a default
 * always arrives and cannot be told from a value written out.
 */
const NOT_FOR_SETTLE: ReadonlyArray<readonly [string, string]> = [
  [Input.PipelineId, ''],
  [Input.CapsuleId, ''],
  [Input.ComputationId, ''],
  [Input.Version, ''],
  [Input.DataAssets, ''],
  [Input.Processes, ''],
  [Input.Parameters, ''],
  [Input.NamedParameters, ''],
  [Input.NextflowProfile, ''],
  [Input.SyncGit, 'false'],
  [Input.ResumeRunId, ''],
  [Input.ResumeOnRerun, 'false'],
  [Input.RunName, ''],
  [Input.CheckParameters, 'true'],
  [Input.Wait, 'true'],
  [Input.PollInterval, 'auto'],
  [Input.WaitTimeout, '0'],
  [Input.StopOnCancel, 'auto'],
  [Input.StopOnTimeout, 'false'],
  [Input.CaptureResults, ''],
  [Input.CaptureTags, ''],
  [Input.CommentOnPr, 'false'],
  [Input.CheckRun, 'false']
]

const SETTLE_EXAMPLE = `${Input.Settle}: true\n${Input.GithubToken}: \${{ github.token }}`

/**
 * Whether the step settles rather than runs: `settle` is anything but empty or false. A
 * value that is not a boolean counts, so that the settle step's reading reports it,
 * rather than a run's reading complaining that no pipeline is named.
 */
export function isSettling(read: ReadInput = core.getInput): boolean {
  const raw = read(Input.Settle).trim()
  return raw !== '' && raw.toLowerCase() !== 'false'
}

/** `settle-max-age`: a whole number of days from 1 to 14. */
export function parseSettleMaxAge(raw: string): number {
  const { min, max } = SETTLE_MAX_AGE_DAYS
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InputError(
      Input.SettleMaxAge,
      `"${raw}" is not a whole number of days from ${min} to ${max} (GitHub itself marks a check left incomplete ` +
        `for ${max} days stale)`,
      `${Input.SettleMaxAge}: 7`
    )
  }
  return Number(raw)
}

/**
 * `settle-workflow` in a settle step names the workflow it runs in: the step turns only
 * its own schedule off, so a typo cannot pause another workflow of the repository.
 */
function readOwnWorkflow(problems: Problems, env: NodeJS.ProcessEnv): string | undefined {
  const named = problems.check(Input.SettleWorkflow, parseSettleWorkflow)
  if (named === undefined) return undefined
  const running = runningWorkflowFile(env)
  if (running === named) return named
  problems.add(
    Input.SettleWorkflow,
    running === undefined
      ? `names ${named}, but GITHUB_WORKFLOW_REF does not say which workflow this step runs in; a settle step turns ` +
          'off only its own workflow'
      : `names ${named}, but this step runs in ${running}; a settle step turns off only its own workflow: name ` +
          `${running}, or leave '${Input.SettleWorkflow}' out`,
    `${Input.SettleWorkflow}: ${running ?? 'settle.yml'}`
  )
  return undefined
}

/**
 * Reads the inputs of a settle step. Throws InputErrors naming every input that is wrong,
 * or that only applies to a run (a target, a followed run, the wait, the capture, the
 * comment): a settle step starts and follows nothing, and only downloads results.
 */
export function getSettleSettings(
  token: string,
  readRaw: ReadInput = core.getInput,
  env: NodeJS.ProcessEnv = process.env
): SettleSettings {
  const read: ReadInput = (name) => readRaw(name).trim()
  const problems = new Problems(read)
  const settle = problems.check(Input.Settle, (raw) => parseBooleanInput(Input.Settle, raw))
  const domain = read(Input.Domain) || env[EnvFallback.Domain] || ''
  let location: ApiLocation | undefined
  if (domain === '') {
    problems.add(
      Input.Domain,
      `is not set (nor is the environment variable ${EnvFallback.Domain}); a settle step reads the runs from Code Ocean`,
      `${Input.Domain}: \${{ vars.${EnvFallback.Domain} }}`
    )
  } else {
    location = problems.attempt(() => resolveApiLocation(Input.Domain, domain))
  }
  if (token === '') {
    problems.add(
      Input.Secret,
      `is not set (nor is the environment variable ${EnvFallback.Secret}); a settle step reads the runs from Code Ocean`,
      'secret: ${{ secrets.CODEOCEAN_API_TOKEN }}'
    )
  }
  const githubToken = read(Input.GithubToken)
  registerGithubToken(githubToken)
  if (githubToken === '' || githubToken.startsWith('${{')) {
    problems.add(
      Input.GithubToken,
      'is empty, but a settle step completes check runs: give the workflow token (the app that created the checks), ' +
        'with `permissions: checks: write`',
      `${Input.GithubToken}: \${{ github.token }}`
    )
  }
  const summary = problems.check(Input.Summary, (raw) => parseBooleanInput(Input.Summary, raw)) ?? true
  const maxAgeDays = problems.check(Input.SettleMaxAge, parseSettleMaxAge) ?? SETTLE_MAX_AGE_DAYS.fallback
  const downloads = readDownloadSettings(problems, env)
  const settleWorkflow = readOwnWorkflow(problems, env)
  for (const [name, fallback] of NOT_FOR_SETTLE) {
    const value = read(name)
    if (value === '' || value.toLowerCase() === fallback) continue
    problems.add(
      `${Input.Settle}' and '${name}`,
      `both are set; '${Input.Settle}: true' only completes the check runs earlier steps left in progress, and starts ` +
        `or follows no run, while '${name}' only applies to a run. A settle step takes only '${Input.Domain}', ` +
        `'${Input.Secret}', '${Input.GithubToken}', '${Input.Summary}', '${Input.SettleMaxAge}', ` +
        `'${Input.SettleWorkflow}' and the downloads' ` +
        `'${Input.DownloadResults}', '${Input.ResultsFilter}' and '${Input.ResultsTimeout}': remove '${name}' ` +
        `from this step, or run the action in a step of its own`,
      SETTLE_EXAMPLE
    )
  }
  if (problems.list.length === 0 && location && settle) {
    return { location, token, githubToken, summary, maxAgeDays, ...downloads, settleWorkflow }
  }
  if (problems.list.length === 0) {
    // Only reached when called with `settle` false: the caller checks isSettling first.
    problems.add(Input.Settle, 'is not true, so there is nothing to settle', SETTLE_EXAMPLE)
  }
  throw new InputErrors(problems.list, redactor([token, githubToken]))
}
