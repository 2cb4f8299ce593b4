import { readFileSync } from 'node:fs'
import * as core from '@actions/core'
import { errorMessage } from '../errors.js'
import { USER_AGENT } from '../version.js'

/** Events whose payload names a pull request the action can comment on. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/**
 * The hidden line that identifies this step's comment, so later runs update it
 * instead of adding another. One comment per workflow, job and capsule or pipeline.
 */
export function commentMarker(workflow: string, job: string, target: string): string {
  const key = [workflow, job, target].map((part) => part.replace(/--+|>/g, '-')).join(' / ')
  return `<!-- codeocean-run-action: ${key} -->`
}

/** The pull request number of the current event, or undefined when it is not about one. */
export function pullRequestNumber(env: NodeJS.ProcessEnv): number | undefined {
  if (!PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH) return undefined
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { number?: unknown }
      number?: unknown
    }
    const number = Number(payload.pull_request?.number ?? payload.number)
    return Number.isInteger(number) && number > 0 ? number : undefined
  } catch {
    return undefined
  }
}

export interface CommentTarget {
  token: string
  /** `owner/repo` */
  repository: string
  issue: number
  marker: string
  /** Ends the GitHub calls at once (a cancel). */
  signal?: AbortSignal
}

/**
 * Creates the step's comment on the pull request, or updates the one an earlier run
 * left (found by its marker). The GitHub client is loaded here, on first use, so
 * runs that do not comment never pay for loading it.
 */
export async function upsertComment(
  target: CommentTarget,
  markdown: string
): Promise<{ id: number; created: boolean }> {
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(target.token, { userAgent: USER_AGENT, request: { signal: target.signal } })
  const [owner, repo] = target.repository.split('/')
  const body = `${target.marker}\n${markdown}`
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: target.issue,
    per_page: 100
  })
  const existing = comments.find((c) => c.body?.includes(target.marker))
  if (existing) {
    await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
    return { id: existing.id, created: false }
  }
  const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: target.issue, body })
  return { id: created.data.id, created: true }
}

/**
 * Posts the summary on the pull request, or updates the comment an earlier run left.
 * Only on pull request events; a failure is a warning, since the run's outcome stands.
 */
export async function commentOnPullRequest(
  markdown: string,
  token: string,
  targetId: string,
  redact: (text: string) => string,
  env: NodeJS.ProcessEnv = process.env,
  signal?: AbortSignal
): Promise<void> {
  const issue = pullRequestNumber(env)
  if (issue === undefined) {
    core.debug('Not a pull request event: no comment.')
    return
  }
  const marker = commentMarker(env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? '', targetId)
  try {
    const result = await upsertComment(
      { token, repository: env.GITHUB_REPOSITORY ?? '', issue, marker, signal },
      markdown
    )
    core.info(`${result.created ? 'Commented' : 'Updated the comment'} on pull request #${issue}`)
  } catch (error) {
    if (signal?.aborted) {
      core.info(`The comment on pull request #${issue} was cut short: the workflow was cancelled.`)
      return
    }
    core.warning(
      redact(
        `Could not comment on pull request #${issue}: ${errorMessage(error)}. The token in github-token needs ` +
          '`pull-requests: write` (in the workflow: `permissions: pull-requests: write`).'
      )
    )
  }
}
