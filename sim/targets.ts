// Capsules and pipelines as far as the simulator knows them: which exist, what GET
// /capsules|pipelines/{id} says about them, which are linked to a Git repository and
// what their next sync brings. Pure data; the routes are in routes/targets.ts.

import { createHash } from 'node:crypto'
import { SIMULATOR_OWNER, SIMULATOR_OWNER_EMAIL } from './computations.js'

export type TargetKind = 'capsule' | 'pipeline'

/** A capsule or pipeline as GET /capsules|pipelines/{id} answers it: the SDK's Capsule, keys in its order. */
export interface Capsule {
  id: string
  /** Seconds since the epoch. */
  created: number
  name: string
  status: 'non_release' | 'release'
  owner: string
  /** The alternate, URL-friendly id Code Ocean gives every capsule: digits. */
  slug: string
  owner_email?: string
  /** The external Git repository the target is linked to (see linkGit). */
  cloned_from_url?: string
}

/** What a test may say about a capsule or pipeline it registers. */
export interface TargetSpec {
  /** Its display name (default: 'Capsule <first 8 of the id>' or 'Pipeline …'). */
  name?: string
}

interface KnownTarget {
  /** Clock time (ms) it became known: its `created`. */
  since: number
  name?: string
}

/**
 * The capsules and pipelines that exist. Every other id is answered 404 wherever it
 * appears (a start, its app panel, its runs, a sync), as a real server answers an id it
 * has never heard of. A target configured without saying its kind (program, linkGit) is
 * known as either kind.
 */
export class Targets {
  private readonly byKind: Record<TargetKind, Map<string, KnownTarget>> = {
    capsule: new Map(),
    pipeline: new Map()
  }
  private readonly eitherKind = new Map<string, KnownTarget>()

  /** Makes `id` known (as `kind`, or as either kind); a name given later replaces the earlier one. */
  add(kind: TargetKind | undefined, id: string, at: number, spec: TargetSpec = {}): void {
    if (typeof id !== 'string' || id === '') throw new TypeError(`a capsule or pipeline id must be a non-empty string`)
    const map = kind === undefined ? this.eitherKind : this.byKind[kind]
    const known = map.get(id)
    const name = spec.name ?? known?.name
    map.set(id, { since: known?.since ?? at, ...(name !== undefined ? { name } : {}) })
  }

  has(kind: TargetKind, id: string): boolean {
    return this.get(kind, id) !== undefined
  }

  /** What GET /capsules|pipelines/{id} answers for a known target; undefined for an unknown one. */
  describe(kind: TargetKind, id: string, gitLinked: boolean): Capsule | undefined {
    const known = this.get(kind, id)
    if (known === undefined) return undefined
    const label = kind === 'capsule' ? 'Capsule' : 'Pipeline'
    return {
      id,
      created: Math.floor(known.since / 1000),
      name: known.name ?? `${label} ${id.slice(0, 8)}`,
      status: 'non_release',
      owner: SIMULATOR_OWNER,
      slug: slugOf(id),
      owner_email: SIMULATOR_OWNER_EMAIL,
      ...(gitLinked ? { cloned_from_url: `https://git.simulator.invalid/${encodeURIComponent(id)}.git` } : {})
    }
  }

  clear(): void {
    this.byKind.capsule.clear()
    this.byKind.pipeline.clear()
    this.eitherKind.clear()
  }

  private get(kind: TargetKind, id: string): KnownTarget | undefined {
    return this.byKind[kind].get(id) ?? this.eitherKind.get(id)
  }
}

/** A stable seven-digit slug for an id, as Code Ocean's look. */
function slugOf(id: string): string {
  const n = Number.parseInt(createHash('sha256').update(id).digest('hex').slice(0, 12), 16)
  return String(1_000_000 + (n % 9_000_000))
}

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
