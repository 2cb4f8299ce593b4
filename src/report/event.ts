import { readFileSync } from 'node:fs'

/** `owner/repo` (GITHUB_REPOSITORY) as the REST API's two path parameters; empty when missing. */
export function ownerAndRepo(repository: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = repository.split('/')
  return { owner, repo }
}

/** Events whose payload names a pull request. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/** What the action reads of a pull request event's payload: outside text, checked by each reader. */
export interface PullRequestPayload {
  pull_request?: { number?: unknown; head?: { sha?: unknown } }
  number?: unknown
}

/**
 * The last payload read, and from where. The event file does not change during a step,
 * and a step that writes a check run and comments on the pull request asks for it twice.
 */
let last: { path: string; payload: PullRequestPayload | undefined } | undefined

/** The payload of the current event when it is about a pull request, else undefined (also when it cannot be read). */
export function pullRequestPayload(env: NodeJS.ProcessEnv): PullRequestPayload | undefined {
  const path = env.GITHUB_EVENT_PATH
  if (!PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !path) return undefined
  if (last?.path !== path) last = { path, payload: readPayload(path) }
  return last.payload
}

function readPayload(path: string): PullRequestPayload | undefined {
  try {
    const payload: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return typeof payload === 'object' && payload !== null ? payload : undefined
  } catch {
    return undefined
  }
}
