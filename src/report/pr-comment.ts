import { createHash } from 'node:crypto'
import * as core from '@actions/core'
import { redactRegistered } from '../redact.js'
import { inline } from '../untrusted.js'
import { ownerAndRepo, pullRequestPayload } from './event.js'
import { gitHubReason, githubClient, type GitHubClient } from './github-client.js'
import { fitWithin } from './markdown.js'

/**
 * The longest comment body GitHub accepts, in characters; a longer one is refused
 * ("Body is too long (maximum is 65536 characters)"). Counted here in UTF-16 code
 * units, never fewer than GitHub's characters.
 */
const MAX_COMMENT_CHARS = 65_536

/**
 * What tells the legs of a matrix apart: they run one job with different requests
 * (parameters, data assets, versions). A short digest of the request body is the same
 * for every run of one leg, re-runs included, and differs between legs. A re-run that
 * resumes the earlier attempt's run (resume-on-rerun) adds `resume_run_id`; it is the
 * same leg, so that field is left out.
 */
export function requestKey(request: object): string {
  const { resume_run_id: _resumed, ...leg } = request as Record<string, unknown>
  return createHash('sha256').update(JSON.stringify(leg)).digest('hex').slice(0, 12)
}

/**
 * The hidden line that identifies this step's comment, so later runs update it
 * instead of adding another: one comment per workflow, job, capsule or pipeline, and
 * request (so each matrix leg keeps its own).
 */
export function commentMarker(workflow: string, job: string, target: string, request: string): string {
  const key = [workflow, job, target, request].map((part) => part.replace(/--+|>/g, '-')).join(' / ')
  return `<!-- codeocean-run-action: ${key} -->`
}

/**
 * The comment: the marker on its first line (how a later run finds it), then the
 * summary, cut with a note if it would be longer than GitHub accepts, which the cap on
 * every value should keep it from.
 */
export function commentBody(marker: string, markdown: string): string {
  const note = '*The rest of this comment was cut: GitHub takes at most 65,536 characters in a comment.*'
  return fitWithin(`${marker}\n${markdown}`, MAX_COMMENT_CHARS, (part) => part.length, note)
}

/** The pull request number of the current event, or undefined when it is not about one. */
function pullRequestNumber(env: NodeJS.ProcessEnv): number | undefined {
  const payload = pullRequestPayload(env)
  if (!payload) return undefined
  const number = Number(payload.pull_request?.number ?? payload.number)
  return Number.isSafeInteger(number) && number > 0 ? number : undefined
}

interface CommentTarget {
  token: string
  /** `owner/repo` */
  repository: string
  issue: number
  marker: string
  /** Ends the GitHub calls at once (a cancel). */
  signal?: AbortSignal
}

/**
 * The login of the account the token acts as, or undefined when GitHub does not say.
 * GraphQL's `viewer` answers for every kind of token: a personal token gives the
 * user's login, an installation token (the workflow's GITHUB_TOKEN, or one made for
 * another GitHub App) the app's bot, for example `github-actions[bot]`. REST
 * `GET /user` would not do: GitHub refuses it for installation tokens (403 "Resource
 * not accessible by integration"), and guessing `github-actions[bot]` instead would be
 * wrong for other apps' tokens.
 */
async function tokenLogin(octokit: GitHubClient, signal?: AbortSignal): Promise<string | undefined> {
  try {
    const answer = await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }', {
      request: { signal }
    })
    const login = answer.viewer?.login
    return typeof login === 'string' && login !== '' ? login : undefined
  } catch (error) {
    const reason = gitHubReason(error)
    core.info(
      inline(redactRegistered(`Could not tell which account the token acts as (${reason}); adding a new comment.`))
    )
    return undefined
  }
}

/**
 * Our earlier comment: it starts with the marker and was written by the token's own
 * account. Anyone can copy the marker into a comment of theirs; such a comment is
 * never edited. Another leg's comment, by the same account, can hold our marker further
 * down (a result path or a parameter value that quotes it): only a comment that starts
 * with it is ours. Without a known login, no comment counts as ours.
 */
export function findOwnComment<C extends { body?: string | null; user?: { login?: string } | null }>(
  comments: C[],
  marker: string,
  login: string | undefined
): C | undefined {
  if (login === undefined) return undefined
  return comments.find((c) => c.user?.login === login && c.body?.startsWith(marker))
}

/**
 * Creates the step's comment on the pull request, or updates the one an earlier run
 * of this step left (found by its marker and its author). The GitHub client is loaded
 * here (githubClient), where a failure to comment is a warning.
 */
async function upsertComment(target: CommentTarget, markdown: string): Promise<{ id: number; created: boolean }> {
  const octokit = await githubClient(target.token)
  const request = { signal: target.signal }
  const { owner, repo } = ownerAndRepo(target.repository)
  const body = commentBody(target.marker, markdown)
  const login = await tokenLogin(octokit, target.signal)
  const comments =
    login === undefined
      ? []
      : await octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo,
          issue_number: target.issue,
          per_page: 100,
          request
        })
  const existing = findOwnComment(comments, target.marker, login)
  if (existing) {
    await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body, request })
    return { id: existing.id, created: false }
  }
  const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: target.issue, body, request })
  return { id: created.data.id, created: true }
}

/**
 * Posts the summary on the pull request, or updates the comment an earlier run left.
 * Only on pull request events; a failure is a warning, since the run's outcome stands.
 */
export async function commentOnPullRequest(
  markdown: string,
  token: string,
  target: { id: string; request: object },
  redact: (text: string) => string,
  env: NodeJS.ProcessEnv = process.env,
  signal?: AbortSignal
): Promise<void> {
  const issue = pullRequestNumber(env)
  if (issue === undefined) {
    core.debug('Not a pull request event: no comment.')
    return
  }
  const marker = commentMarker(env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? '', target.id, requestKey(target.request))
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
    // GitHub's answer is outside text: one line, never a workflow command.
    core.warning(
      inline(
        redact(
          `Could not comment on pull request #${issue}: ${gitHubReason(error)}. The token in github-token needs ` +
            '`pull-requests: write` (in the workflow: `permissions: pull-requests: write`).'
        )
      )
    )
  }
}
