/**
 * Which of the discovery query's pending check runs a settle step may complete: pure, from
 * the query's answer (discovery-query.ts) alone.
 */
import { capText } from '../../caps.js'
import { ownerAndRepo } from '../event.js'
import { readExternalId, type CheckIdentity } from './check-identity.js'
import { DISCOVERY_LIMITS, type CommitChecks, type DiscoveryData, type DiscoveryVariables } from './discovery-query.js'

/**
 * The app whose checks are ours: GITHUB_TOKEN's. Only the app that created a check run
 * may update it (docs/github-checks.md), and the check-run step creates them with that token.
 */
const OUR_APP_SLUG = 'github-actions'

/**
 * At most this many checks are settled in one step. Each costs a Code Ocean read and a
 * GitHub update, and a settle job on a schedule should stay within its minute; the rest
 * are left in progress for the next tick, which finds them again.
 */
export const MAX_SETTLED_PER_STEP = 20

/** A pending check run of ours, with the Code Ocean run its external_id names. */
export interface OurCheck {
  /** The REST `check_run_id`. */
  id: number
  name: string
  identity: CheckIdentity
  /** When the check started (else its commit's date), as GitHub gave it; undefined when neither reads as a time. */
  startedAt?: string
}

export interface PendingChecks {
  /** Ours, each once, at most MAX_SETTLED_PER_STEP of them. */
  ours: OurCheck[]
  /** Ours beyond the cap, left for the next settle. */
  deferred: number
  /** Pending checks that are not ours: another app's, or an external_id that does not read back. */
  skipped: number
  /**
   * The commits (oids, as GitHub gave them) with more check suites, or more check runs in
   * progress in one suite, than the query reads: a check of ours there may not have been read.
   */
  unreadOn: string[]
  /**
   * More pull requests are open than the query reads: a check of ours on the head of one
   * of the others was not read (it is, once that pull request is among the most recently updated).
   */
  morePullRequests: boolean
}

/**
 * The query's variables: the newest default-branch commits, however old. A check is as
 * new as the step that made it, not as its commit (a scheduled or manual run on a quiet
 * branch puts a new check on an old commit), so no commit date may leave one out; a
 * check's own age (startedAt) is what times it out.
 */
export function discoveryVariables(repository: string): DiscoveryVariables {
  const { owner, repo } = ownerAndRepo(repository)
  return {
    owner,
    name: repo,
    pullRequests: DISCOVERY_LIMITS.pullRequests,
    commits: DISCOVERY_LIMITS.commits
  }
}

/** Every commit the answer holds: the open pull requests' heads and the default branch's history. */
function commitsOf(data: DiscoveryData): CommitChecks[] {
  const repository = data.repository
  if (!repository) return []
  const heads = (repository.pullRequests?.nodes ?? []).flatMap((pr) =>
    (pr?.commits?.nodes ?? []).map((node) => node?.commit).filter((c): c is CommitChecks => Boolean(c))
  )
  const history = repository.defaultBranchRef?.target?.history?.nodes ?? []
  return [...heads, ...history.filter((c): c is CommitChecks => Boolean(c))]
}

/** GitHub's times as given, or undefined for none: the first that reads as a time. */
function firstTime(...times: Array<string | null | undefined>): string | undefined {
  return times.find((time): time is string => typeof time === 'string' && Number.isFinite(Date.parse(time)))
}

/** A check's start for ordering; one without a known start goes last. */
const startMs = (check: OurCheck): number =>
  check.startedAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(check.startedAt)

/**
 * The check runs a settle step may complete: in progress (the query asks for no other
 * status; GitHub's answer is checked all the same), in a suite of OUR_APP_SLUG, with an
 * id, and an external_id that reads back as the action's. A commit can be both a pull
 * request's head and on the default branch: each check is kept once, by its id. Anything
 * else is only counted.
 */
export function pendingChecks(data: DiscoveryData, cap = MAX_SETTLED_PER_STEP): PendingChecks {
  const found = new Map<number, OurCheck>()
  const skippedIds = new Set<string>()
  const unreadOn = new Set<string>()
  for (const commit of commitsOf(data)) {
    const suites = commit.checkSuites
    if (
      suites?.pageInfo?.hasNextPage === true ||
      suites?.nodes?.some((s) => s?.checkRuns?.pageInfo?.hasNextPage === true)
    ) {
      unreadOn.add(String(commit.oid))
    }
    for (const suite of suites?.nodes ?? []) {
      for (const run of suite?.checkRuns?.nodes ?? []) {
        if (!run || run.status !== 'IN_PROGRESS') continue
        const identity = readExternalId(run.externalId)
        const id = run.databaseId
        const ours =
          suite.app?.slug === OUR_APP_SLUG &&
          identity !== undefined &&
          typeof id === 'number' &&
          Number.isSafeInteger(id) &&
          id > 0
        if (!ours) {
          skippedIds.add(id === null ? `${commit.oid}/${run.name}` : String(id))
          continue
        }
        if (found.has(id)) continue
        found.set(id, {
          id,
          // Outside text: capped once here, for every log line and summary row that shows it.
          name: capText(String(run.name)),
          identity,
          startedAt: firstTime(run.startedAt, commit.committedDate)
        })
      }
    }
  }
  // Oldest first: runs still going cannot keep checks whose runs ended out of the cap for ever.
  const all = [...found.values()].sort((a, b) => startMs(a) - startMs(b))
  return {
    ours: all.slice(0, cap),
    deferred: Math.max(0, all.length - cap),
    skipped: skippedIds.size,
    unreadOn: [...unreadOn],
    morePullRequests: data.repository?.pullRequests?.pageInfo?.hasNextPage === true
  }
}
