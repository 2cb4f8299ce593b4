// The one GraphQL query a settle step sends to find the check runs it may complete
// (docs/github-checks.md). It lives here, in one place, because two parties must agree on
// its text: the action sends it, and the GitHub stand-in (sim/github/) answers only this
// exact text, so a change to the query that the stand-in does not model fails the tests.

/** How many open pull requests (most recently updated first) and default-branch commits the query reads. */
export const DISCOVERY_LIMITS = { pullRequests: 50, commits: 50 } as const

/** The operation name GitHub logs, and the stand-in matches on besides the text. */
export const DISCOVERY_OPERATION = 'CodeOceanPendingCheckRuns'

// Suites and runs per commit are bounded too (GraphQL requires `first` on every
// connection): a commit rarely has more than a handful of apps or pending runs.
// Node count at the limits: 2 × (50 + 50 × 20 + 50 × 20 × 20) + 50 = 42,150, far under
// GitHub's 500,000.
export const DISCOVERY_QUERY = `query ${DISCOVERY_OPERATION}($owner: String!, $name: String!, $since: GitTimestamp!, $pullRequests: Int!, $commits: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: [OPEN], first: $pullRequests, orderBy: {field: UPDATED_AT, direction: DESC}) {
      nodes {
        number
        headRefOid
        commits(last: 1) {
          nodes {
            commit {
              ...PendingChecks
            }
          }
        }
      }
    }
    defaultBranchRef {
      target {
        ... on Commit {
          history(first: $commits, since: $since) {
            nodes {
              ...PendingChecks
            }
          }
        }
      }
    }
  }
}

fragment PendingChecks on Commit {
  oid
  committedDate
  checkSuites(first: 20) {
    nodes {
      app {
        slug
        databaseId
      }
      checkRuns(first: 20, filterBy: {statuses: [IN_PROGRESS, QUEUED]}) {
        nodes {
          databaseId
          name
          status
          externalId
          startedAt
          detailsUrl
        }
      }
    }
  }
}`

export interface DiscoveryVariables {
  owner: string
  name: string
  /** ISO 8601; commits of the default branch committed before it are not read. */
  since: string
  pullRequests: number
  commits: number
}

/** A check run as the query returns it: only pending ones (IN_PROGRESS or QUEUED). */
export interface PendingCheckRun {
  databaseId: number | null
  name: string
  status: 'IN_PROGRESS' | 'QUEUED'
  externalId: string | null
  startedAt: string | null
  detailsUrl: string | null
}

export interface PendingCheckSuite {
  /** Null when the app is gone or the token may not see it. */
  app: { slug: string; databaseId: number | null } | null
  checkRuns: { nodes: PendingCheckRun[] } | null
}

export interface CommitChecks {
  oid: string
  committedDate: string
  checkSuites: { nodes: PendingCheckSuite[] } | null
}

/** The `data` of GitHub's answer; `repository` is null (with an error) when it cannot be read. */
export interface DiscoveryData {
  repository: {
    pullRequests: {
      nodes: Array<{ number: number; headRefOid: string; commits: { nodes: Array<{ commit: CommitChecks }> } }>
    }
    /** Null for an empty repository. */
    defaultBranchRef: { target: { history: { nodes: CommitChecks[] } } | null } | null
  } | null
}
