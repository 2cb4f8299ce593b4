// The one GraphQL query a settle step sends to find the check runs it may complete
// (docs/github-checks.md). It lives here, in one place, because two parties must agree on
// its text: the action sends it, and the GitHub stand-in (sim/github/) answers only this
// exact text, so a change to the query that the stand-in does not model fails the tests.

/** How many open pull requests (most recently updated first) and default-branch commits the query reads. */
export const DISCOVERY_LIMITS = { pullRequests: 50, commits: 50 } as const

/** The operation name GitHub logs, and the stand-in matches on besides the text. */
export const DISCOVERY_OPERATION = 'CodeOceanPendingCheckRuns'

/**
 * Check suites read per commit, and pending check runs per suite (GraphQL requires `first`
 * on every connection). GitHub Actions makes a suite per workflow run, so a busy commit
 * can have more: each of these connections asks `pageInfo { hasNextPage }`, and the settle
 * step warns, naming the commit, when GitHub had more than it read (pendingChecks). It does
 * not page further: every further page is one more call for one commit, and the one query
 * is what keeps a settle within its minute and GITHUB_TOKEN's 1,000 points an hour
 * (docs/github-checks.md); raising these raises the cost of every settle for a rare commit.
 */
export const DISCOVERY_PAGE = { suites: 20, runs: 20 } as const

// Node count at the limits: 2 × (50 + 50 × 20 + 50 × 20 × 20) + 50 = 42,150, far under
// GitHub's 500,000. Only check runs IN_PROGRESS are asked for: the action makes its checks
// in progress and never sets one back to queued, and queued runs of others would only take
// places among the first 20.
export const DISCOVERY_QUERY = `query ${DISCOVERY_OPERATION}($owner: String!, $name: String!, $pullRequests: Int!, $commits: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: [OPEN], first: $pullRequests, orderBy: {field: UPDATED_AT, direction: DESC}) {
      pageInfo {
        hasNextPage
      }
      nodes {
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
          history(first: $commits) {
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
  checkSuites(first: ${DISCOVERY_PAGE.suites}) {
    pageInfo {
      hasNextPage
    }
    nodes {
      app {
        slug
      }
      checkRuns(first: ${DISCOVERY_PAGE.runs}, filterBy: {statuses: [IN_PROGRESS]}) {
        pageInfo {
          hasNextPage
        }
        nodes {
          databaseId
          name
          status
          externalId
          startedAt
        }
      }
    }
  }
}`

export interface DiscoveryVariables {
  owner: string
  name: string
  pullRequests: number
  commits: number
}

/** A check run as the query returns it. */
export interface PendingCheckRun {
  databaseId: number | null
  name: string
  /** `IN_PROGRESS`, the one status the filter asks for; a run with any other is not read. */
  status: string
  externalId: string | null
  startedAt: string | null
}

/** A connection's one page: `hasNextPage` says GitHub has more than `first` gave. */
export interface Page<T> {
  pageInfo: { hasNextPage: boolean }
  nodes: T[]
}

export interface PendingCheckSuite {
  /** Null when the app is gone or the token may not see it. */
  app: { slug: string } | null
  checkRuns: Page<PendingCheckRun> | null
}

export interface CommitChecks {
  oid: string
  committedDate: string
  checkSuites: Page<PendingCheckSuite> | null
}

/** The `data` of GitHub's answer; `repository` is null (with an error) when it cannot be read. */
export interface DiscoveryData {
  repository: {
    /** `hasNextPage`: more pull requests are open than the query reads. */
    pullRequests: Page<{ commits: { nodes: Array<{ commit: CommitChecks }> } }>
    /** Null for an empty repository. */
    defaultBranchRef: { target: { history: { nodes: CommitChecks[] } } | null } | null
  } | null
}
