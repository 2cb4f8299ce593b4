// The GitHub stand-in's answer to the settle step's one GraphQL query
// (src/report/checks/discovery-query.ts), from its model of the repository: open pull
// requests with their head commits, and the default branch's commits. It answers that
// exact text only, so the action and the stand-in cannot drift apart unnoticed.

import {
  DISCOVERY_OPERATION,
  DISCOVERY_PAGE,
  DISCOVERY_QUERY,
  type CommitChecks,
  type Page,
  type DiscoveryData,
  type DiscoveryVariables,
  type PendingCheckRun,
  type PendingCheckSuite
} from '../../src/report/checks/discovery-query.js'
import type { CheckRuns } from './checks.js'

export interface PullRequestSeed {
  number: number
  headSha: string
  /** ISO 8601; the query reads the most recently updated first. Default: now. */
  updatedAt?: string
  state?: 'OPEN' | 'CLOSED' | 'MERGED'
  /** When the head commit was committed. Default: updatedAt. */
  headCommittedDate?: string
}

export interface CommitSeed {
  sha: string
  /** ISO 8601. Default: now. */
  committedDate?: string
}

/** What the stand-in knows of a repository beyond comments and check runs. */
export interface RepositoryModel {
  pullRequests: Array<Required<PullRequestSeed>>
  /** The default branch's commits, newest first. */
  commits: Array<Required<CommitSeed>>
}

/** GitHub caps every connection's `first` at 100. */
const MAX_FIRST = 100

/** A connection's first `first` nodes, and whether there are more (GraphQL's `pageInfo.hasNextPage`). */
function firstPage<T>(all: T[], first: number): Page<T> {
  return { pageInfo: { hasNextPage: all.length > first }, nodes: all.slice(0, first) }
}

type GraphQLError = { message: string; [key: string]: unknown }

/** The answer to a POST /graphql that carries the discovery query; undefined when it does not. */
export function discoveryAnswer(
  body: unknown,
  repositories: Map<string, RepositoryModel>,
  checks: CheckRuns
): { data?: DiscoveryData; errors?: GraphQLError[] } | undefined {
  const { query, variables, operationName } = (body ?? {}) as Record<string, unknown>
  if (typeof query !== 'string' || !query.includes(DISCOVERY_OPERATION)) return undefined
  if (query !== DISCOVERY_QUERY || (operationName !== undefined && operationName !== DISCOVERY_OPERATION)) {
    return {
      errors: [
        {
          message: `The stand-in answers ${DISCOVERY_OPERATION} only as src/report/checks/discovery-query.ts writes it`
        }
      ]
    }
  }
  const vars = (variables ?? {}) as Record<string, unknown>
  for (const [name, type] of [
    ['owner', 'string'],
    ['name', 'string'],
    ['pullRequests', 'number'],
    ['commits', 'number']
  ] as const) {
    if (typeof vars[name] !== type) {
      const graphqlType = type === 'number' ? 'Int!' : 'String!'
      return { errors: [{ message: `Variable $${name} of type ${graphqlType} was provided invalid value` }] }
    }
  }
  const { owner, name, pullRequests, commits } = vars as unknown as DiscoveryVariables
  for (const [connection, first] of [
    ['pullRequests', pullRequests],
    ['history', commits]
  ] as const) {
    if (first < 1 || first > MAX_FIRST) {
      return {
        errors: [
          {
            message: `Requesting ${first} records on the \`${connection}\` connection exceeds the \`first\` limit of ${MAX_FIRST} records.`
          }
        ]
      }
    }
  }
  const repo = `${owner}/${name}`
  const model = repositories.get(repo)
  if (!model) {
    return {
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          locations: [{ line: 2, column: 3 }],
          message: `Could not resolve to a Repository with the name '${repo}'.`
        }
      ]
    }
  }
  // The inner connections' `first` are written in the query text, from DISCOVERY_PAGE; the
  // run filter is `statuses: [IN_PROGRESS]`, so hasNextPage counts only runs in progress.
  const commitChecks = (oid: string, committedDate: string): CommitChecks => ({
    oid,
    committedDate,
    checkSuites: firstPage(
      checks.suitesOn(repo, oid).map((suite): PendingCheckSuite => ({
        app: { slug: suite.app.slug },
        checkRuns: firstPage(
          suite.runs
            .filter((run) => run.status === 'in_progress')
            .map((run): PendingCheckRun => ({
              databaseId: run.id,
              name: run.name,
              status: 'IN_PROGRESS',
              externalId: run.externalId,
              startedAt: run.startedAt
            })),
          DISCOVERY_PAGE.runs
        )
      })),
      DISCOVERY_PAGE.suites
    )
  })
  const open = model.pullRequests
    .filter((pr) => pr.state === 'OPEN')
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
  return {
    data: {
      repository: {
        pullRequests: {
          pageInfo: { hasNextPage: open.length > pullRequests },
          nodes: open.slice(0, pullRequests).map((pr) => ({
            commits: { nodes: [{ commit: commitChecks(pr.headSha, pr.headCommittedDate) }] }
          }))
        },
        // An empty repository has no default branch to read.
        defaultBranchRef:
          model.commits.length === 0
            ? null
            : {
                target: {
                  history: {
                    nodes: model.commits
                      .slice(0, commits)
                      .map((commit) => commitChecks(commit.sha, commit.committedDate))
                  }
                }
              }
      }
    }
  }
}
