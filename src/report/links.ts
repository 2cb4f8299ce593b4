/**
 * Where a reader of the summary goes next, and paths as they know them.
 *
 * Only the workflow run is linked. Code Ocean's public documentation shows no address
 * for a capsule, a pipeline or a run in its web app: it says to find a capsule's id "in
 * metadata" (docs.codeocean.com/user-guide/code-ocean-api/capsule), and the only page
 * address it gives, https://codeocean.com/capsule/<number>/tree/v<n>, is a published
 * capsule's, by a number the API calls `slug`, not the id this action runs
 * (help.codeocean.com, "Which link to my capsule should I share with others?"). A guessed
 * address would send readers to a page that may not exist, so there is none.
 */

/** An owner/name pair as GitHub allows it: nothing that could end a Markdown link. */
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/
const NUMBER = /^[1-9]\d*$/

/** The server's address, when it is a plain http(s) address with no character that could end a link. */
function serverUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
    if (url.search || url.hash || url.username || url.password) return undefined
    const base = url.href.replace(/\/+$/, '')
    return /^[\w:/.%~-]+$/.test(base) ? base : undefined
  } catch {
    return undefined
  }
}

/**
 * The page of this workflow run, at this attempt (a re-run is another attempt, with a
 * page of its own), from the runner's GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID
 * and GITHUB_RUN_ATTEMPT. Undefined when any of them is missing or not what the runner
 * sets, so a link is only ever built from checked parts.
 */
export function workflowRunUrl(env: NodeJS.ProcessEnv): string | undefined {
  const server = serverUrl(env.GITHUB_SERVER_URL)
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: attempt } = env
  if (!server || !repository || !REPOSITORY.test(repository) || !runId || !NUMBER.test(runId)) return undefined
  const run = `${server}/${repository}/actions/runs/${runId}`
  return attempt && NUMBER.test(attempt) ? `${run}/attempts/${attempt}` : run
}

/**
 * `text` with the workspace's absolute path taken out: a path inside it becomes relative
 * (`results/x.csv`), the workspace itself `.`. The runner's own folders
 * (`/home/runner/work/…`) mean nothing to a reader of a pull request. A workspace that is
 * no absolute path of at least one folder is left alone: replacing `/` would mangle
 * every path.
 */
export function relativeToWorkspace(text: string, workspace: string | undefined): string {
  const root = workspace?.replace(/\/+$/, '')
  if (!root || !root.startsWith('/') || root.length < 2) return text
  const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  // `<root>/x` becomes `x`; the root not followed by more of a path, `.` (so `<root>/ ` is `./ `).
  // Only the whole folder: `/w/repo` is not in `/w/repo-other`.
  return text.replace(new RegExp(`${escaped}(?:(/)(?=[\\w.-])|(?![\\w.-]))`, 'g'), (_, slash?: string) =>
    slash ? '' : '.'
  )
}
