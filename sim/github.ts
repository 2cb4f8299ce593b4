// A stand-in for the parts of the GitHub REST API the action uses for its pull
// request comment: list, create and update issue comments. A real loopback server,
// so the action's real GitHub client (Octokit) is exercised end to end.

import { createServer, type Server } from 'node:http'
import { closeServer, listen } from './http-util.js'

export interface GitHubComment {
  id: number
  body: string
  user: { login: string }
}

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
  private server: Server | undefined
  private nextId = 1000
  url = ''

  constructor(readonly token = 'ghs_standin_token_0123456789') {}

  /** Seeds a comment, as if someone (or an earlier run) had written it. */
  addComment(repo: string, issue: number, body: string, login = 'someone'): GitHubComment {
    const comment = { id: this.nextId++, body, user: { login } }
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
        if (
          req.headers.authorization !== `token ${this.token}` &&
          req.headers.authorization !== `Bearer ${this.token}`
        ) {
          send(401, { message: 'Bad credentials' })
          return
        }
        const list = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname)
        const one = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)
        if (list && req.method === 'GET') {
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
          send(201, this.addComment(list[1], Number(list[2]), text, 'github-actions[bot]'))
        } else if (one && req.method === 'PATCH') {
          const text = (body as { body?: unknown } | undefined)?.body
          const comment = [...this.comments.entries()]
            .filter(([key]) => key.startsWith(`${one[1]}#`))
            .flatMap(([, cs]) => cs)
            .find((c) => c.id === Number(one[2]))
          if (!comment) return send(404, { message: 'Not Found' })
          if (typeof text !== 'string') return send(422, { message: 'body is required' })
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

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server)
    this.server = undefined
  }
}
