import type { getOctokit } from '@actions/github'
import { capText } from '../caps.js'
import { errorMessage } from '../errors.js'
import { inline } from '../untrusted.js'
import { USER_AGENT } from '../version.js'

/** @actions/github's client. */
export type GitHubClient = ReturnType<typeof getOctokit>

const clients = new Map<string, Promise<GitHubClient>>()

/**
 * The GitHub client for `token`, one per token and API address in the process, so a step
 * that both writes a check run and comments on the pull request builds one. Loaded on
 * first use. Loading it costs every step some 15 ms, but that is not why it waits:
 * @actions/github does work as it loads (it reads and parses the event payload, and
 * builds proxy agents from HTTPS_PROXY, throwing on an address it cannot parse), which
 * only a step that calls GitHub should meet, and meet where the call's failure is handled.
 *
 * The signal of a call goes with that call, never into the client's options: those
 * would replace the client's own `request` defaults, which carry the runner's proxy settings.
 */
export function githubClient(token: string): Promise<GitHubClient> {
  // The address is read as the client is built; a runner's never changes, a test's may.
  const key = `${process.env.GITHUB_API_URL ?? ''}\n${token}`
  let client = clients.get(key)
  if (!client) {
    client = import('@actions/github').then(({ getOctokit }) => getOctokit(token, { userAgent: USER_AGENT }))
    clients.set(key, client)
  }
  return client
}

/**
 * A GitHub error in a few words, as outside text: one line, capped. A GraphQL error's
 * message is a heading ("Request failed due to following response errors:") with the
 * reasons on the lines below, so its `errors` give the reasons instead.
 */
export function gitHubReason(error: unknown): string {
  const errors = (error as { errors?: unknown } | null)?.errors
  const reasons = Array.isArray(errors)
    ? errors
        .map((e) => (e as { message?: unknown } | null)?.message)
        .filter((message): message is string => typeof message === 'string' && message !== '')
    : []
  return inline(capText(reasons.length > 0 ? reasons.join('; ') : errorMessage(error).split('\n')[0]))
}
