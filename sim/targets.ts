// Capsules and pipelines as far as the simulator knows them: which are linked to
// a Git repository and what their next sync brings. Pure data; the routes are in
// routes/targets.ts.

/** What the next sync of a linked capsule or pipeline pulls and pushes. */
export interface GitLink {
  /** Commits the next sync pulls from the remote (then 0: it is in step). */
  pulled?: number
  /** Commits made in Code Ocean that the next sync pushes (then 0). */
  pushed?: number
  /** Whether the next sync makes a new branch. */
  new_branch?: boolean
}

/** The SDK's GitSyncResults as the server sends it: zero and false fields are left out. */
export function syncAnswer(link: GitLink): GitLink {
  return {
    ...(link.pulled ? { pulled: link.pulled } : {}),
    ...(link.pushed ? { pushed: link.pushed } : {}),
    ...(link.new_branch === true ? { new_branch: true } : {})
  }
}

export function checkGitLink(link: GitLink): void {
  for (const key of ['pulled', 'pushed'] as const) {
    const n = link[key]
    if (n !== undefined && !(Number.isSafeInteger(n) && n >= 0)) {
      throw new RangeError(`linkGit: ${key} must be a whole number >= 0, got ${String(n)}`)
    }
  }
}
