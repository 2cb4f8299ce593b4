// The Checks API part of the GitHub stand-in: check runs, grouped into one check suite per
// (repository, commit, app), created, updated, read and listed through REST as GitHub does,
// with GitHub's limits and refusals. docs/github-checks.md is the contract; each rule here
// comes from it.

/** A GitHub App, as a check run's `app` and a check suite's GraphQL `app` show it. */
export interface GitHubApp {
  id: number
  slug: string
  name: string
}

/** The app behind the workflow's GITHUB_TOKEN: its check runs join that app's suite on the commit. */
export const ACTIONS_APP: GitHubApp = { id: 15368, slug: 'github-actions', name: 'GitHub Actions' }

const STATUSES = ['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending'] as const
/** What an app may set: the others are reserved for GitHub Actions' own check runs. */
const SETTABLE_STATUSES = ['queued', 'in_progress', 'completed'] as const
const CONCLUSIONS = [
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'success',
  'skipped',
  'stale',
  'timed_out'
] as const

type CheckStatus = (typeof STATUSES)[number]
type CheckConclusion = (typeof CONCLUSIONS)[number]

/** output.summary and output.text: GitHub counts bytes (UTF-8), not characters, against this. */
export const MAX_OUTPUT_BYTES = 65_535
/** Annotations one request may carry; more need further updates, which append. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50
/** An incomplete check run older than this is concluded `stale` by GitHub. */
export const STALE_AFTER_MS = 14 * 24 * 60 * 60 * 1000

export interface CheckRun {
  id: number
  /** `owner/repo`. */
  repo: string
  headSha: string
  name: string
  app: GitHubApp
  checkSuiteId: number
  status: CheckStatus
  conclusion: CheckConclusion | null
  startedAt: string | null
  completedAt: string | null
  detailsUrl: string | null
  externalId: string | null
  output: { title: string | null; summary: string | null; text: string | null; annotationsCount: number }
}

/** A check run a test seeds: only repo, headSha and name are needed; the app defaults to GitHub Actions. */
export interface CheckRunSeed {
  repo: string
  headSha: string
  name: string
  /** An app's slug (a look-alike from another app), or the whole app. */
  app?: string | GitHubApp
  status?: CheckStatus
  conclusion?: CheckConclusion | null
  startedAt?: string | null
  completedAt?: string | null
  detailsUrl?: string | null
  externalId?: string | null
  summary?: string | null
}

/** An HTTP answer: status and JSON body. */
export interface Reply {
  status: number
  body: unknown
}

const DOCS = {
  create: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
  update: 'https://docs.github.com/rest/checks/runs#update-a-check-run',
  get: 'https://docs.github.com/rest/checks/runs#get-a-check-run',
  list: 'https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference'
}

/** GitHub's answer to a request body that breaks the endpoint's schema (JSON-schema style message). */
const invalid = (detail: string, doc: string): Reply => ({
  status: 422,
  body: { message: `Invalid request.\n\n${detail}`, documentation_url: doc }
})

/** GitHub's answer to an output field over MAX_OUTPUT_BYTES, as reported in github/docs#35252. */
const tooBig = (field: 'summary' | 'text', doc: string): Reply => ({
  status: 422,
  body: {
    message: 'Validation Failed',
    errors: [
      {
        resource: 'CheckRun',
        code: 'custom',
        field,
        message: `${field} exceeds a maximum bytesize of ${MAX_OUTPUT_BYTES}`
      }
    ],
    documentation_url: doc,
    status: '422'
  }
})

const notFound = (doc: string): Reply => ({ status: 404, body: { message: 'Not Found', documentation_url: doc } })

type Fields = Partial<Omit<CheckRun, 'id' | 'repo' | 'app' | 'checkSuiteId' | 'output'>> & {
  output?: { title?: string; summary: string; text?: string; annotations: number }
}

/** Checks a create (or, with `creating` false, update) body as GitHub does; fields or a refusal. */
function readBody(body: unknown, creating: boolean): Fields | Reply {
  const doc = creating ? DOCS.create : DOCS.update
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return invalid('Body must be a JSON object.', doc)
  const b = body as Record<string, unknown>
  const fields: Fields = {}
  for (const key of ['name', 'head_sha', 'details_url', 'external_id', 'started_at', 'completed_at'] as const) {
    if (b[key] !== undefined && typeof b[key] !== 'string') {
      return invalid(`For '${key}', ${JSON.stringify(b[key])} is not a string.`, doc)
    }
  }
  if (creating) {
    for (const key of ['name', 'head_sha'] as const) {
      if (b[key] === undefined) return invalid(`"${key}" wasn't supplied.`, doc)
    }
    fields.headSha = b.head_sha as string
  }
  if (b.name !== undefined) fields.name = b.name as string
  if (b.details_url !== undefined) fields.detailsUrl = b.details_url as string
  if (b.external_id !== undefined) fields.externalId = b.external_id as string
  if (b.started_at !== undefined) fields.startedAt = b.started_at as string
  if (b.completed_at !== undefined) fields.completedAt = b.completed_at as string
  const settable: readonly string[] = creating ? SETTABLE_STATUSES : STATUSES
  if (b.status !== undefined) {
    if (typeof b.status !== 'string' || !settable.includes(b.status)) {
      return invalid(`For 'status', ${JSON.stringify(b.status)} is not a member of ${JSON.stringify(settable)}.`, doc)
    }
    fields.status = b.status as CheckStatus
  }
  if (b.conclusion !== undefined) {
    if (typeof b.conclusion !== 'string' || !(CONCLUSIONS as readonly string[]).includes(b.conclusion)) {
      return invalid(
        `For 'conclusion', ${JSON.stringify(b.conclusion)} is not a member of ${JSON.stringify(CONCLUSIONS)}.`,
        doc
      )
    }
    // Only GitHub marks a run stale.
    if (b.conclusion === 'stale') return invalid("Only GitHub can set a conclusion of 'stale'.", doc)
    fields.conclusion = b.conclusion as CheckConclusion
  }
  if (b.output !== undefined) {
    const output = readOutput(b.output, creating, doc)
    if ('status' in output) return output
    fields.output = output
  }
  return fields
}

function readOutput(value: unknown, creating: boolean, doc: string): NonNullable<Fields['output']> | Reply {
  if (typeof value !== 'object' || value === null) return invalid("For 'output', it is not an object.", doc)
  const o = value as Record<string, unknown>
  // title is required on create; the update schema marks it required only in prose.
  if (creating && typeof o.title !== 'string') return invalid(`"title" wasn't supplied.`, doc)
  if (typeof o.summary !== 'string') return invalid(`"summary" wasn't supplied.`, doc)
  if (o.text !== undefined && typeof o.text !== 'string') return invalid("For 'text', it is not a string.", doc)
  if (o.annotations !== undefined && !Array.isArray(o.annotations)) {
    return invalid("For 'annotations', it is not an array.", doc)
  }
  const annotations = (o.annotations as unknown[] | undefined)?.length ?? 0
  if (annotations > MAX_ANNOTATIONS_PER_REQUEST) {
    return invalid(`'annotations' has ${annotations} items; at most ${MAX_ANNOTATIONS_PER_REQUEST} are allowed.`, doc)
  }
  if (Buffer.byteLength(o.summary) > MAX_OUTPUT_BYTES) return tooBig('summary', doc)
  if (typeof o.text === 'string' && Buffer.byteLength(o.text) > MAX_OUTPUT_BYTES) return tooBig('text', doc)
  return {
    title: o.title as string | undefined,
    summary: o.summary,
    text: o.text,
    annotations
  }
}

/** Status and completion after a body's fields, as GitHub settles them: a conclusion completes the run. */
function settle(run: CheckRun, fields: Fields, now: string): Reply | undefined {
  if (fields.conclusion !== undefined) run.status = 'completed'
  if (run.status === 'completed' && run.conclusion === null) {
    return invalid(
      '"conclusion" wasn\'t supplied. It is required when status is completed or completed_at is given.',
      ''
    )
  }
  if (run.status === 'completed') run.completedAt ??= now
  return undefined
}

export class CheckRuns {
  readonly runs: CheckRun[] = []
  private readonly suites = new Map<string, number>()

  constructor(
    private readonly newId: () => number,
    private readonly now: () => Date = () => new Date()
  ) {}

  /** Seeds a check run as if some app had made it; no validation, so tests can set any state. */
  add(seed: CheckRunSeed): CheckRun {
    const app = typeof seed.app === 'string' ? lookAlikeApp(seed.app) : (seed.app ?? ACTIONS_APP)
    const status = seed.status ?? (seed.conclusion ? 'completed' : 'in_progress')
    const run: CheckRun = {
      id: this.newId(),
      repo: seed.repo,
      headSha: seed.headSha,
      name: seed.name,
      app,
      checkSuiteId: this.suiteOf(seed.repo, seed.headSha, app),
      status,
      conclusion: seed.conclusion ?? null,
      startedAt: seed.startedAt === undefined ? this.now().toISOString() : seed.startedAt,
      completedAt: seed.completedAt ?? (status === 'completed' ? this.now().toISOString() : null),
      detailsUrl: seed.detailsUrl ?? null,
      externalId: seed.externalId ?? null,
      output: { title: null, summary: seed.summary ?? null, text: null, annotationsCount: 0 }
    }
    this.runs.push(run)
    return run
  }

  /** POST /repos/{repo}/check-runs by `app`. */
  create(repo: string, app: GitHubApp, body: unknown, baseUrl: string): Reply {
    const fields = readBody(body, true)
    if ('body' in fields) return fields
    const now = this.now().toISOString()
    const run: CheckRun = {
      id: 0,
      repo,
      headSha: fields.headSha ?? '',
      name: fields.name ?? '',
      app,
      checkSuiteId: 0,
      status: fields.status ?? 'queued',
      conclusion: fields.conclusion ?? null,
      // GitHub stamps a new run's start with the time of creation when none is given.
      startedAt: fields.startedAt ?? now,
      completedAt: fields.completedAt ?? null,
      detailsUrl: fields.detailsUrl ?? null,
      externalId: fields.externalId ?? null,
      output: { title: null, summary: null, text: null, annotationsCount: 0 }
    }
    if (fields.completedAt !== undefined && run.conclusion === null) run.status = 'completed'
    const refused = settle(run, fields, now)
    if (refused) return withDoc(refused, DOCS.create)
    applyOutput(run, fields.output)
    run.id = this.newId()
    run.checkSuiteId = this.suiteOf(repo, run.headSha, app)
    this.runs.push(run)
    return { status: 201, body: this.toJson(run, baseUrl) }
  }

  /** PATCH /repos/{repo}/check-runs/{id} by `app`: only the app that made a run may change it. */
  update(repo: string, id: number, app: GitHubApp, body: unknown, baseUrl: string): Reply {
    const run = this.get(repo, id)
    if (!run) return notFound(DOCS.update)
    if (run.app.id !== app.id) {
      return {
        status: 403,
        body: {
          message: `Invalid app_id \`${run.app.id}\` - check run can only be modified by the GitHub App that created it.`,
          documentation_url: DOCS.update,
          status: '403'
        }
      }
    }
    const fields = readBody(body, false)
    if ('body' in fields) return fields
    const next: CheckRun = { ...run, output: { ...run.output } }
    for (const key of [
      'name',
      'detailsUrl',
      'externalId',
      'startedAt',
      'completedAt',
      'status',
      'conclusion'
    ] as const) {
      if (fields[key] !== undefined) Object.assign(next, { [key]: fields[key] })
    }
    if (fields.completedAt !== undefined) next.status = 'completed'
    const refused = settle(next, fields, this.now().toISOString())
    if (refused) return withDoc(refused, DOCS.update)
    applyOutput(next, fields.output)
    Object.assign(run, next)
    return { status: 200, body: this.toJson(run, baseUrl) }
  }

  /**
   * Concludes `stale` every run left incomplete for more than 14 days, as GitHub does; the
   * stand-in calls it before each request, so a seeded old run is seen as GitHub would show it.
   */
  age(): void {
    const now = this.now().getTime()
    for (const run of this.runs) {
      if (run.status === 'completed' || run.startedAt === null) continue
      const started = Date.parse(run.startedAt)
      if (now - started <= STALE_AFTER_MS) continue
      run.status = 'completed'
      run.conclusion = 'stale'
      run.completedAt = new Date(started + STALE_AFTER_MS).toISOString()
    }
  }

  get(repo: string, id: number): CheckRun | undefined {
    return this.runs.find((run) => run.id === id && run.repo === repo)
  }

  /** GET /repos/{repo}/commits/{ref}/check-runs, `ref` a commit SHA; GitHub's filters and paging. */
  list(repo: string, ref: string, query: URLSearchParams, baseUrl: string): Reply {
    const status = query.get('status')
    if (status !== null && !(SETTABLE_STATUSES as readonly string[]).includes(status)) {
      return invalid(
        `For 'status', ${JSON.stringify(status)} is not a member of ${JSON.stringify(SETTABLE_STATUSES)}.`,
        DOCS.list
      )
    }
    const filter = query.get('filter') ?? 'latest'
    if (filter !== 'latest' && filter !== 'all') {
      return invalid(`For 'filter', ${JSON.stringify(filter)} is not a member of ["latest","all"].`, DOCS.list)
    }
    const name = query.get('check_name')
    const appId = query.get('app_id')
    let found = this.runs
      .filter((run) => run.repo === repo && run.headSha === ref)
      .filter((run) => name === null || run.name === name)
      .filter((run) => appId === null || String(run.app.id) === appId)
      .sort((a, b) => b.id - a.id)
    // `latest`: one run per name and app, the newest; a re-run hides the run it replaced.
    if (filter === 'latest') {
      const seen = new Set<string>()
      found = found.filter((run) => {
        const key = `${run.app.id}\n${run.name}`
        return seen.has(key) ? false : (seen.add(key), true)
      })
    }
    if (status !== null) found = found.filter((run) => run.status === status)
    const perPage = Math.min(Math.max(Number(query.get('per_page') ?? 30) || 30, 1), 100)
    const page = Math.max(Number(query.get('page') ?? 1) || 1, 1)
    const slice = found.slice((page - 1) * perPage, page * perPage)
    return {
      status: 200,
      body: { total_count: found.length, check_runs: slice.map((run) => this.toJson(run, baseUrl)) }
    }
  }

  /** Check runs on `sha` in `repo`, grouped by suite, in the order suites were made. */
  suitesOn(repo: string, sha: string): Array<{ app: GitHubApp; runs: CheckRun[] }> {
    const suites = new Map<number, { app: GitHubApp; runs: CheckRun[] }>()
    for (const run of this.runs.filter((r) => r.repo === repo && r.headSha === sha)) {
      const suite = suites.get(run.checkSuiteId) ?? { app: run.app, runs: [] }
      suite.runs.push(run)
      suites.set(run.checkSuiteId, suite)
    }
    return [...suites.entries()].sort(([a], [b]) => a - b).map(([, suite]) => suite)
  }

  /** The REST shape of a check run (components/schemas/check-run). */
  toJson(run: CheckRun, baseUrl: string): Record<string, unknown> {
    const api = `${baseUrl}/repos/${run.repo}/check-runs/${run.id}`
    return {
      id: run.id,
      name: run.name,
      node_id: `CR_standin${run.id}`,
      head_sha: run.headSha,
      external_id: run.externalId,
      url: api,
      html_url: `https://github.com/${run.repo}/runs/${run.id}`,
      details_url: run.detailsUrl,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: run.output.annotationsCount,
        annotations_url: `${api}/annotations`
      },
      check_suite: { id: run.checkSuiteId },
      app: { id: run.app.id, slug: run.app.slug, name: run.app.name },
      pull_requests: []
    }
  }

  /** GitHub keeps one check suite per commit and app; an app's check runs join it. */
  private suiteOf(repo: string, sha: string, app: GitHubApp): number {
    const key = `${repo}\n${sha}\n${app.id}`
    let id = this.suites.get(key)
    if (id === undefined) {
      id = this.newId()
      this.suites.set(key, id)
    }
    return id
  }
}

/** Output replaces the run's output; annotations append, as GitHub documents. */
function applyOutput(run: CheckRun, output: Fields['output']): void {
  if (!output) return
  run.output = {
    title: output.title ?? run.output.title,
    summary: output.summary,
    text: output.text ?? null,
    annotationsCount: run.output.annotationsCount + output.annotations
  }
}

function withDoc(reply: Reply, doc: string): Reply {
  return { ...reply, body: { ...(reply.body as object), documentation_url: doc } }
}

/** A made-up app for a look-alike check run: a stable id from its slug, never GitHub Actions'. */
function lookAlikeApp(slug: string): GitHubApp {
  if (slug === ACTIONS_APP.slug) return ACTIONS_APP
  let id = 0
  for (const char of slug) id = (id * 31 + char.charCodeAt(0)) % 900_000
  return { id: 100_000 + id, slug, name: slug }
}
