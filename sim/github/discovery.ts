// The GitHub stand-in's answer to the settle step's one GraphQL query
// (src/report/checks/discovery-query.ts), from its model of the repository: open pull
// requests with their head commits, and the default branch's commits. It answers that
// exact text only, so the action and the stand-in cannot drift apart unnoticed.

import {
  DISCOVERY_OPERATION,
  DISCOVERY_QUERY,
  type CommitChecks,
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
/** The inner connections' sizes, as written in the query text. */
const SUITES_PER_COMMIT = 20
const RUNS_PER_SUITE = 20

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
    ['since', 'string'],
    ['pullRequests', 'number'],
    ['commits', 'number']
  ] as const) {
    if (typeof vars[name] !== type) {
      const graphqlType = type === 'number' ? 'Int!' : name === 'since' ? 'GitTimestamp!' : 'String!'
      return { errors: [{ message: `Variable $${name} of type ${graphqlType} was provided invalid value` }] }
    }
  }
  const { owner, name, since, pullRequests, commits } = vars as unknown as DiscoveryVariables
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
  const commitChecks = (oid: string, committedDate: string): CommitChecks => ({
    oid,
    committedDate,
    checkSuites: {
      nodes: checks
        .suitesOn(repo, oid)
        .slice(0, SUITES_PER_COMMIT)
        .map((suite): PendingCheckSuite => ({
          app: { slug: suite.app.slug, databaseId: suite.app.id },
          checkRuns: {
            nodes: suite.runs
              .filter((run) => run.status === 'in_progress' || run.status === 'queued')
              .slice(0, RUNS_PER_SUITE)
              .map((run): PendingCheckRun => ({
                databaseId: run.id,
                name: run.name,
                status: run.status === 'queued' ? ('QUEUED' as const) : ('IN_PROGRESS' as const),
                externalId: run.externalId,
                startedAt: run.startedAt,
                detailsUrl: run.detailsUrl
              }))
          }
        }))
    }
  })
  const sinceTime = Date.parse(since)
  return {
    data: {
      repository: {
        pullRequests: {
          nodes: model.pullRequests
            .filter((pr) => pr.state === 'OPEN')
            .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
            .slice(0, pullRequests)
            .map((pr) => ({
              number: pr.number,
              headRefOid: pr.headSha,
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
                      .filter((commit) => Date.parse(commit.committedDate) >= sinceTime)
                      .slice(0, commits)
                      .map((commit) => commitChecks(commit.sha, commit.committedDate))
                  }
                }
              }
      }
    }
  }
}
