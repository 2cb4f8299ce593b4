import { isAbsolute, relative, resolve } from 'node:path'
import * as core from '@actions/core'
import { EnvFallback, Input, MIN_POLL_SECONDS } from './constants.js'
import { resolveApiLocation, type ApiLocation } from './domain.js'
import { InputError } from './errors.js'
import { basicAuthValue, redactor, registerSecret } from './redact.js'
import { defaultRunName } from './run-name.js'
import {
  Examples,
  parseDataAssets,
  parseId,
  parseNamedParameters,
  parseParameters,
  parseProcesses
} from './run-params.js'
import type { RunSpec, Target } from './run-request.js'

export type PollInterval = 'auto' | number

/** Everything the action needs, read and checked before any request is made. */
export interface Settings {
  location: ApiLocation
  token: string
  run: RunSpec
  runName: string
  wait: boolean
  pollInterval: PollInterval
  /** 0 means no limit. */
  waitTimeoutMinutes: number
  stopOnCancel: boolean
  stopOnTimeout: boolean
  summary: boolean
  /** Absolute folder to download results into, inside the workspace. */
  downloadFolder?: string
  /** Globs (`!` excludes) of result paths to download. */
  resultsFilter: string[]
  /** Name of a data asset to capture the results into. */
  captureName?: string
  captureTags: string[]
  /** Token for the pull request comment; set only when one is wanted. */
  commentToken?: string
}

/** Several input problems at once, so a user fixes them in one go. */
export class InputErrors extends Error {
  constructor(
    readonly problems: InputError[],
    redact: (text: string) => string = (text) => text
  ) {
    super(
      redact(
        problems.length === 1
          ? problems[0].message
          : `${problems.length} inputs need fixing:\n${problems.map((p) => `- ${p.message.replace(/\n/g, '\n  ')}`).join('\n')}`
      )
    )
    this.name = 'InputErrors'
  }
}

type ReadInput = (name: string) => string

/**
 * Reads the token and registers it (and the Authorization header value derived from
 * it) as secrets. Called before anything else, so nothing can print it unmasked.
 */
export function readToken(read: ReadInput = core.getInput, env = process.env): string {
  const token = (read(Input.Secret) || env[EnvFallback.Secret] || '').trim()
  if (token) {
    core.setSecret(token)
    core.setSecret(basicAuthValue(token))
    registerSecret(token)
  }
  return token
}

export function parseBooleanInput(input: string, raw: string): boolean {
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new InputError(input, `"${raw}" is not true or false`, `${input}: 'false'`)
}

export function parsePollInterval(input: string, raw: string): PollInterval {
  const text = raw.trim().toLowerCase()
  if (text === '' || text === 'auto') return 'auto'
  const seconds = Number(text)
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(seconds)) {
    throw new InputError(input, `"${raw}" is not a number of seconds or 'auto'`, `${input}: 30`)
  }
  if (seconds < MIN_POLL_SECONDS) {
    throw new InputError(
      input,
      `${raw} seconds is too often; Code Ocean asks clients to wait at least ${MIN_POLL_SECONDS} seconds between checks`,
      `${input}: 30`
    )
  }
  return seconds
}

export function parseWaitTimeout(input: string, raw: string): number {
  const text = raw.trim()
  if (!/^\d+(\.\d+)?$/.test(text)) {
    throw new InputError(input, `"${raw}" is not a number of minutes (0 for no limit)`, `${input}: 90`)
  }
  return Number(text)
}

/**
 * Resolves `download-results` inside the workspace: results must not be written
 * anywhere a later step would not expect them.
 */
export function parseDownloadFolder(input: string, raw: string, workspace: string): string {
  const text = raw.trim()
  if (isAbsolute(text)) {
    throw new InputError(
      input,
      `"${raw}" is an absolute path; give a folder relative to the workspace`,
      `${input}: results`
    )
  }
  const folder = resolve(workspace, text)
  const inside = relative(workspace, folder)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new InputError(input, `"${raw}" is not a folder inside the workspace`, `${input}: results`)
  }
  return folder
}

/** Splits a list input on newlines (and commas, when allowed), dropping blanks and `#` comments. */
export function parseList(raw: string, commas: boolean): string[] {
  return raw
    .split(commas ? /[\n,]/ : /\n/)
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('#'))
}

export function parseVersion(input: string, raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    throw new InputError(input, `"${raw}" is not a release version; it must be a positive whole number`, `${input}: 2`)
  }
  return Number(raw)
}

function parseTarget(read: ReadInput, problems: InputError[]): Target | undefined {
  const pipeline = read(Input.PipelineId)
  const capsule = read(Input.CapsuleId)
  if (pipeline && capsule) {
    problems.push(
      new InputError(
        `${Input.PipelineId}' and '${Input.CapsuleId}`,
        'both are set; give exactly one: the pipeline or the capsule to run',
        Examples.id
      )
    )
    return undefined
  }
  if (!pipeline && !capsule) {
    problems.push(
      new InputError(
        `${Input.PipelineId}' or '${Input.CapsuleId}`,
        'neither is set; give the id of the pipeline or of the capsule to run',
        Examples.id
      )
    )
    return undefined
  }
  const kind = pipeline ? 'pipeline' : 'capsule'
  const name = pipeline ? Input.PipelineId : Input.CapsuleId
  try {
    return { kind, id: parseId(name, pipeline || capsule, `${name}: 4bc97533-6eb4-48ac-966f-648548a756d2`) }
  } catch (error) {
    if (error instanceof InputError) problems.push(error)
    else throw error
    return undefined
  }
}

/**
 * Reads and validates every input. Throws InputErrors naming each bad input, what is
 * wrong and the right form; nothing is sent to Code Ocean before this succeeds.
 */
export function getSettings(token: string, read: ReadInput = core.getInput, env = process.env): Settings {
  const problems: InputError[] = []
  /** Runs one parser, collecting its InputError instead of stopping at the first. */
  function check<T>(name: string, parse: (raw: string) => T): T | undefined {
    const raw = read(name)
    if (raw === '') return undefined
    try {
      return parse(raw)
    } catch (error) {
      if (error instanceof InputError) problems.push(error)
      else throw error
      return undefined
    }
  }

  const domainRaw = read(Input.Domain) || env[EnvFallback.Domain] || ''
  let location: ApiLocation | undefined
  if (domainRaw.trim() === '') {
    problems.push(
      new InputError(
        Input.Domain,
        `is not set (nor is the environment variable ${EnvFallback.Domain}); give the address of your Code Ocean deployment`,
        'domain: codeocean.example.com'
      )
    )
  } else {
    try {
      location = resolveApiLocation(Input.Domain, domainRaw)
    } catch (error) {
      if (error instanceof InputError) problems.push(error)
      else throw error
    }
  }
  if (token === '') {
    problems.push(
      new InputError(
        Input.Secret,
        `is not set (nor is the environment variable ${EnvFallback.Secret}); give a Code Ocean API access token from a repository secret`,
        'secret: ${{ secrets.CODEOCEAN_API_TOKEN }}'
      )
    )
  }

  const target = parseTarget(read, problems)
  const version = check(Input.Version, (raw) => parseVersion(Input.Version, raw))
  const dataAssets = check(Input.DataAssets, (raw) => parseDataAssets(Input.DataAssets, raw))
  const processes = check(Input.Processes, (raw) => parseProcesses(Input.Processes, raw))
  const parameters = check(Input.Parameters, (raw) => parseParameters(Input.Parameters, raw))
  const namedParameters = check(Input.NamedParameters, (raw) => parseNamedParameters(Input.NamedParameters, raw))
  const nextflowProfile = read(Input.NextflowProfile) || undefined
  const wait = check(Input.Wait, (raw) => parseBooleanInput(Input.Wait, raw)) ?? true
  const pollInterval = check(Input.PollInterval, (raw) => parsePollInterval(Input.PollInterval, raw)) ?? 'auto'
  const waitTimeoutMinutes = check(Input.WaitTimeout, (raw) => parseWaitTimeout(Input.WaitTimeout, raw)) ?? 0
  const stopOnCancel = check(Input.StopOnCancel, (raw) => parseBooleanInput(Input.StopOnCancel, raw)) ?? true
  const stopOnTimeout = check(Input.StopOnTimeout, (raw) => parseBooleanInput(Input.StopOnTimeout, raw)) ?? false
  const summary = check(Input.Summary, (raw) => parseBooleanInput(Input.Summary, raw)) ?? true
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const downloadFolder = check(Input.DownloadResults, (raw) =>
    parseDownloadFolder(Input.DownloadResults, raw, workspace)
  )
  const resultsFilter = parseList(read(Input.ResultsFilter), false)
  const captureName = read(Input.CaptureResults).trim() || undefined
  const captureTags = parseList(read(Input.CaptureTags), true)
  const commentOnPr = check(Input.CommentOnPr, (raw) => parseBooleanInput(Input.CommentOnPr, raw)) ?? false
  const githubToken = read(Input.GithubToken).trim()
  // Masked like the Code Ocean token, and for the same reason, before any use.
  if (githubToken && !githubToken.startsWith('${{')) {
    core.setSecret(githubToken)
    registerSecret(githubToken)
  }
  if (commentOnPr && (!githubToken || githubToken.startsWith('${{'))) {
    problems.push(
      new InputError(
        Input.GithubToken,
        'is empty, but comment-on-pr needs a token that may write pull request comments',
        `${Input.GithubToken}: \${{ github.token }}`
      )
    )
  }
  if (resultsFilter.length > 0 && !downloadFolder) {
    problems.push(
      new InputError(
        Input.ResultsFilter,
        `only applies to downloads; set 'download-results' to a folder too`,
        `${Input.DownloadResults}: results`
      )
    )
  }
  if (captureTags.length > 0 && !captureName) {
    problems.push(
      new InputError(
        Input.CaptureTags,
        `only applies to a capture; set 'capture-results' to a data asset name too`,
        `${Input.CaptureResults}: nightly results`
      )
    )
  }
  if ((downloadFolder || captureName) && wait === false) {
    problems.push(
      new InputError(
        Input.Wait,
        `is false, but results can only be downloaded or captured after waiting for the run`,
        `${Input.Wait}: 'true'`
      )
    )
  }

  // Pipelines take parameters per process; capsules take them directly.
  if (target?.kind === 'capsule') {
    if (processes) {
      problems.push(
        new InputError(
          Input.Processes,
          `is for pipeline runs; for a capsule run use 'parameters' or 'named-parameters'`,
          Examples.parameters
        )
      )
    }
    if (nextflowProfile) {
      problems.push(
        new InputError(
          Input.NextflowProfile,
          'is for pipeline runs only; remove it or run a pipeline',
          'nextflow-profile: docker'
        )
      )
    }
  }
  if (target?.kind === 'pipeline') {
    for (const [name, value] of [
      [Input.Parameters, parameters],
      [Input.NamedParameters, namedParameters]
    ] as const) {
      if (value) {
        problems.push(
          new InputError(
            name,
            `is for capsule runs; a pipeline takes parameters per process, under 'processes'`,
            Examples.processes
          )
        )
      }
    }
  }

  // A token pasted into the wrong input must not be echoed back.
  if (problems.length > 0 || !location || !target) throw new InputErrors(problems, redactor([token]))
  return {
    location,
    token,
    run: { target, version, dataAssets, processes, parameters, namedParameters, nextflowProfile },
    runName: read(Input.RunName) || defaultRunName(env),
    wait,
    pollInterval,
    waitTimeoutMinutes,
    stopOnCancel,
    stopOnTimeout,
    summary,
    downloadFolder,
    resultsFilter,
    captureName,
    captureTags,
    commentToken: commentOnPr ? githubToken : undefined
  }
}
