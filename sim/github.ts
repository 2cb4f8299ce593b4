// A stand-in for the parts of the GitHub API the action uses for its pull request
// comment: list, create and update issue comments, and who the token acts as
// (GraphQL `viewer { login }`, and REST `GET /user`, which GitHub refuses for
// installation tokens); and for its check run (sim/github/checks.ts): create, update,
// get and list check runs, and the settle step's one GraphQL discovery query
// (sim/github/discovery.ts); and turning a workflow on and off (sim/github/workflows.ts).
// A real loopback server, so the action's real GitHub client
// (Octokit) is exercised end to end. docs/github-checks.md is the contract for checks.

import { createServer, type Server } from 'node:http'
import { closeServer, listen } from './http-util.js'
import {
  ACTIONS_APP,
  CheckRuns,
  type CheckRun,
  type CheckRunSeed,
  type GitHubApp,
  type Reply
} from './github/checks.js'
import { discoveryAnswer, type CommitSeed, type PullRequestSeed, type RepositoryModel } from './github/discovery.js'
import { Workflows } from './github/workflows.js'

export { ACTIONS_APP, MAX_ANNOTATIONS_PER_REQUEST, MAX_OUTPUT_BYTES, STALE_AFTER_MS } from './github/checks.js'
export type { CheckRun, CheckRunSeed, GitHubApp } from './github/checks.js'
export type { CommitSeed, PullRequestSeed } from './github/discovery.js'

/** What a token may do with checks: the job's `checks:` permission. */
export type ChecksAccess = 'write' | 'read' | 'none'

/** GitHub's answer when the token's permissions do not cover the request (e.g. a fork's pull request). */
const NOT_ACCESSIBLE = (doc: string): Reply => ({
  status: 403,
  body: { message: 'Resource not accessible by integration', documentation_url: doc, status: '403' }
})

/** An account, as GitHub shows it as a comment's `user`. */
export interface GitHubAccount {
  login: string
  /** 'Bot' for an app acting through an installation token, such as the workflow's GITHUB_TOKEN. */
  type: 'User' | 'Bot'
}

export interface GitHubComment {
  id: number
  body: string
  user: GitHubAccount
}

/**
 * The longest comment body GitHub accepts, in characters (code points): a longer one is
 * refused with 422 "Body is too long (maximum is 65536 characters)".
 */
const MAX_COMMENT_CHARS = 65_536

/** GitHub's answer to a comment body over MAX_COMMENT_CHARS. */
const BODY_TOO_LONG = {
  message: 'Validation Failed',
  errors: [
    {
      resource: 'IssueComment',
      code: 'unprocessable',
      field: 'data',
      message: `Body is too long (maximum is ${MAX_COMMENT_CHARS} characters)`
    }
  ],
  documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment'
}

const tooLong = (text: string): boolean => [...text].length > MAX_COMMENT_CHARS

/** Who the workflow's GITHUB_TOKEN acts as. */
export const ACTIONS_BOT: GitHubAccount = { login: 'github-actions[bot]', type: 'Bot' }

export interface GitHubRequest {
  method: string
  path: string
  authorization: string | undefined
  userAgent: string | undefined
  body: unknown
  /** The client's port: tells a request that came through a proxy from one that came straight. */
  remotePort?: number
}

export class GitHubStandIn {
  readonly requests: GitHubRequest[] = []
  /** Comments per `owner/repo#number`. */
  readonly comments = new Map<string, GitHubComment[]>()
  /** When set, GraphQL answers `viewer` with an error, as a server that will not say who the token is. */
  viewerFails = false
  private server: Server | undefined
  private nextId = 1000
  url = ''

  /** Every check run, whichever app made it. */
  readonly checks = new CheckRuns(() => this.nextId++)
  /** Repositories' workflows, for the settle schedule's pause (enable and disable a workflow). */
  readonly workflows = new Workflows(() => this.nextId++)
  /** Repositories' open pull requests and default-branch commits, for the discovery query. */
  readonly repositories = new Map<string, RepositoryModel>()

  /** The account each accepted token acts as. */
  private readonly accounts = new Map<string, GitHubAccount>()
  /** The app behind each installation token; personal tokens have none. */
  private readonly apps = new Map<string, GitHubApp>()
  /** Each token's checks permission; write when not set. */
  private readonly checksAccess = new Map<string, ChecksAccess>()
  /** Tokens whose `actions:` permission is not write (GitHub's default when a workflow sets `permissions:`). */
  private readonly actionsReadOnly = new Set<string>()

  /** `token` is accepted as an installation token of GitHub Actions (github-actions[bot]). */
  constructor(readonly token = 'ghs_standin_token_0123456789') {
    this.accounts.set(token, ACTIONS_BOT)
    this.apps.set(token, ACTIONS_APP)
  }

  /** Accepts one more token, acting as `account` (a personal token: a 'User'), or as `app`'s installation. */
  addToken(token: string, account: GitHubAccount, app?: GitHubApp): void {
    this.accounts.set(token, { ...account })
    if (app) this.apps.set(token, { ...app })
  }

  /**
   * Sets a token's `checks:` permission (default: the workflow's token). 'read' is what a
   * pull request from a fork gets; writes then answer 403, as GitHub does.
   */
  setChecksAccess(access: ChecksAccess, token = this.token): void {
    this.checksAccess.set(token, access)
  }

  /** Sets a token's `actions:` permission: write (the default here), or not (enable and disable answer 403). */
  setActionsWrite(write: boolean, token = this.token): void {
    if (write) this.actionsReadOnly.delete(token)
    else this.actionsReadOnly.add(token)
  }

  /** Seeds a check run, e.g. one from another app (`app: 'other-app'`) that looks like the action's. */
  addCheckRun(seed: CheckRunSeed): CheckRun {
    this.repository(seed.repo)
    return this.checks.add(seed)
  }

  /** Seeds a pull request of `repo` (open unless said otherwise). */
  addPullRequest(repo: string, seed: PullRequestSeed): void {
    const updatedAt = seed.updatedAt ?? new Date().toISOString()
    this.repository(repo).pullRequests.push({
      state: 'OPEN',
      headCommittedDate: updatedAt,
      ...seed,
      updatedAt
    })
  }

  /** Adds a commit to the tip of `repo`'s default branch. */
  addCommit(repo: string, seed: CommitSeed): void {
    const commits = this.repository(repo).commits
    commits.push({ committedDate: new Date().toISOString(), ...seed })
    commits.sort((a, b) => Date.parse(b.committedDate) - Date.parse(a.committedDate))
  }

  /** The model of `repo`, made empty on first use: a repository GraphQL can resolve. */
  repository(repo: string): RepositoryModel {
    let model = this.repositories.get(repo)
    if (!model) {
      model = { pullRequests: [], commits: [] }
      this.repositories.set(repo, model)
    }
    return model
  }

  /** How many requests arrived, optionally only those of `method` whose path matches `path`. */
  requestCount(method?: string, path?: RegExp): number {
    return this.requests.filter((r) => (!method || r.method === method) && (!path || path.test(r.path))).length
  }

  /** Forgets the requests so far, so a test can count those of one step. */
  clearRequests(): void {
    this.requests.length = 0
  }

  /** Seeds a comment, as if someone (or an earlier run) had written it; a bare login is a 'User'. */
  addComment(repo: string, issue: number, body: string, author: string | GitHubAccount = 'someone'): GitHubComment {
    const user = typeof author === 'string' ? { login: author, type: 'User' as const } : { ...author }
    const comment = { id: this.nextId++, body, user }
    const key = `${repo}#${issue}`
    this.comments.set(key, [...(this.comments.get(key) ?? []), comment])
    return comment
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = ''
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()))
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://standin.invalid')
        let body: unknown
        try {
          body = raw ? JSON.parse(raw) : undefined
        } catch {
          body = raw
        }
        this.requests.push({
          method: req.method ?? 'GET',
          path: url.pathname + url.search,
          authorization: req.headers.authorization,
          userAgent: req.headers['user-agent'],
          body,
          remotePort: req.socket.remotePort
        })
        const send = (status: number, data?: unknown): void => {
          res.writeHead(status, { 'Content-Type': 'application/json' })
          res.end(data === undefined ? '' : JSON.stringify(data))
        }
        const account = this.accountOf(req.headers.authorization)
        if (!account) {
          send(401, { message: 'Bad credentials' })
          return
        }
        const list = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname)
        const one = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)
        this.checks.age()
        const checks = this.checksReply(req.method ?? 'GET', url, body, req.headers.authorization)
        const workflow = this.workflows.reply(
          req.method ?? 'GET',
          url.pathname,
          !this.actionsReadOnly.has(this.tokenOf(req.headers.authorization) ?? '')
        )
        if (checks) {
          send(checks.status, checks.body)
        } else if (workflow) {
          if (workflow.status === 204) {
            res.writeHead(204)
            res.end()
          } else send(workflow.status, workflow.body)
        } else if (url.pathname === '/graphql' && req.method === 'POST') {
          const discovery = discoveryAnswer(body, this.repositories, this.checks)
          if (discovery) send(200, discovery)
          else
            send(
              200,
              this.viewerFails ? { errors: [{ message: 'Something went wrong' }] } : viewerAnswer(body, account)
            )
        } else if (url.pathname === '/user' && req.method === 'GET') {
          // What GitHub answers an installation token here.
          if (account.type === 'Bot') send(403, { message: 'Resource not accessible by integration' })
          else send(200, { login: account.login, type: account.type })
        } else if (list && req.method === 'GET') {
          const all = this.comments.get(`${list[1]}#${list[2]}`) ?? []
          const perPage = Number(url.searchParams.get('per_page') ?? 30)
          const page = Number(url.searchParams.get('page') ?? 1)
          const slice = all.slice((page - 1) * perPage, page * perPage)
          if (page * perPage < all.length) {
            const next = new URL(url.toString())
            next.searchParams.set('page', String(page + 1))
            res.setHeader('Link', `<${this.url}${next.pathname}${next.search}>; rel="next"`)
          }
          send(200, slice)
        } else if (list && req.method === 'POST') {
          const text = (body as { body?: unknown } | undefined)?.body
          if (typeof text !== 'string') return send(422, { message: 'body is required' })
          if (tooLong(text)) return send(422, BODY_TOO_LONG)
          send(201, this.addComment(list[1], Number(list[2]), text, account))
        } else if (one && req.method === 'PATCH') {
          const text = (body as { body?: unknown } | undefined)?.body
          const comment = [...this.comments.entries()]
            .filter(([key]) => key.startsWith(`${one[1]}#`))
            .flatMap(([, cs]) => cs)
            .find((c) => c.id === Number(one[2]))
          if (!comment) return send(404, { message: 'Not Found' })
          if (typeof text !== 'string') return send(422, { message: 'body is required' })
          if (tooLong(text)) return send(422, BODY_TOO_LONG)
          comment.body = text
          send(200, comment)
        } else {
          send(404, { message: 'Not Found' })
        }
      })
    })
    this.url = await listen(this.server, '127.0.0.1', 0)
    return this.url
  }

  private tokenOf(authorization: string | undefined): string | undefined {
    return /^(?:token|bearer) (.+)$/i.exec(authorization ?? '')?.[1]
  }

  private accountOf(authorization: string | undefined): GitHubAccount | undefined {
    const token = this.tokenOf(authorization)
    return token === undefined ? undefined : this.accounts.get(token)
  }

  /** The answer to a Checks API request, or undefined when the path is not one. */
  private checksReply(method: string, url: URL, body: unknown, authorization: string | undefined): Reply | undefined {
    const create = /^\/repos\/([^/]+\/[^/]+)\/check-runs$/.exec(url.pathname)
    const one = /^\/repos\/([^/]+\/[^/]+)\/check-runs\/(\d+)$/.exec(url.pathname)
    const forRef = /^\/repos\/([^/]+\/[^/]+)\/commits\/([^/]+)\/check-runs$/.exec(url.pathname)
    const writes = (create && method === 'POST') || (one && method === 'PATCH')
    const reads = (one && method === 'GET') || (forRef && method === 'GET')
    if (!writes && !reads) return undefined
    const token = this.tokenOf(authorization) ?? ''
    const access = this.checksAccess.get(token) ?? 'write'
    const doc = `https://docs.github.com/rest/checks/runs#${create ? 'create' : method === 'PATCH' ? 'update' : 'get'}-a-check-run`
    if (access === 'none' || (writes && access === 'read')) return NOT_ACCESSIBLE(doc)
    const app = this.apps.get(token)
    // Only apps write checks; a personal token is refused.
    if (writes && !app)
      return { status: 403, body: { message: 'You must authenticate via a GitHub App.', documentation_url: doc } }
    if (create && app) return this.checks.create(create[1], app, body, this.url)
    if (one && method === 'PATCH' && app) return this.checks.update(one[1], Number(one[2]), app, body, this.url)
    if (one) {
      const run = this.checks.get(one[1], Number(one[2]))
      return run
        ? { status: 200, body: this.checks.toJson(run, this.url) }
        : { status: 404, body: { message: 'Not Found', documentation_url: doc } }
    }
    if (forRef) return this.checks.list(forRef[1], decodeURIComponent(forRef[2]), url.searchParams, this.url)
    return undefined
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server)
    this.server = undefined
  }
}

/** GitHub's GraphQL answer, for the one query the action sends: `viewer { login }`. */
function viewerAnswer(body: unknown, account: GitHubAccount): unknown {
  const query = (body as { query?: unknown } | undefined)?.query
  if (typeof query === 'string' && /^\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
    return { data: { viewer: { login: account.login } } }
  }
  return {
    errors: [{ message: `The stand-in answers only 'query { viewer { login } }', not ${JSON.stringify(query)}` }]
  }
}
