/** Code Ocean's answer to a Git sync (the SDK's GitSyncResults). */
export interface GitSyncResult {
  /** Commits pulled from the linked repository. */
  pulled: number
  /** Commits made in Code Ocean and pushed to the linked repository. */
  pushed: number
  /** Whether the sync made a new branch. */
  newBranch: boolean
}

function count(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : 0
}

/** Reads a sync answer. The server leaves out zero and false fields, so `{}` (or no body) is 0, 0, false. */
export function readGitSync(body: unknown): GitSyncResult {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  return { pulled: count(raw.pulled), pushed: count(raw.pushed), newBranch: raw.new_branch === true }
}
