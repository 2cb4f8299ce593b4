// The GitHub stand-in's Checks API and discovery query answer as docs/github-checks.md
// says GitHub does: each expectation here is a fact of that document.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  ACTIONS_APP,
  GitHubStandIn,
  MAX_ANNOTATIONS_PER_REQUEST,
  MAX_OUTPUT_BYTES,
  STALE_AFTER_MS
} from '../../sim/github.js'
import {
  DISCOVERY_LIMITS,
  DISCOVERY_OPERATION,
  DISCOVERY_PAGE,
  DISCOVERY_QUERY,
  type CommitChecks,
  type DiscoveryData,
  type DiscoveryVariables
} from '../../src/report/checks/discovery-query.js'

let github: GitHubStandIn
const REPO = 'octo/repo'
const SHA = 'a'.repeat(40)
const PERSONAL = 'ghp_standin_personal_0123456789'
const OTHER_APP_TOKEN = 'ghs_other_app_0123456789'
const OTHER_APP = { id: 4242, slug: 'other-app', name: 'Other App' }

beforeAll(async () => {
  github = new GitHubStandIn()
  github.addToken(PERSONAL, { login: 'octocat', type: 'User' })
  github.addToken(OTHER_APP_TOKEN, { login: 'other-app[bot]', type: 'Bot' }, OTHER_APP)
  await github.start()
})
afterAll(async () => {
  await github.stop()
})
beforeEach(() => {
  github.setChecksAccess('write')
})

type Json = Record<string, unknown>

async function ask(method: string, path: string, body?: unknown, token = github.token): Promise<[number, Json]> {
  const res = await fetch(`${github.url}${path}`, {
    method,
    headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  return [res.status, (await res.json()) as Json]
}

const create = (body: Json, token?: string): Promise<[number, Json]> =>
  ask('POST', `/repos/${REPO}/check-runs`, body, token)

describe('creating a check run', () => {
  it('answers 201 with the check run, in progress, on the github-actions suite of the commit', async () => {
    const [status, run] = await create({
      name: 'Code Ocean: nightly',
      head_sha: SHA,
      status: 'in_progress',
      details_url: 'https://github.com/octo/repo/actions/runs/1',
      external_id: 'codeocean:v1:comp-1'
    })
    expect(status).toBe(201)
    expect(run).toMatchObject({
      name: 'Code Ocean: nightly',
      head_sha: SHA,
      status: 'in_progress',
      conclusion: null,
      completed_at: null,
      details_url: 'https://github.com/octo/repo/actions/runs/1',
      external_id: 'codeocean:v1:comp-1',
      app: { id: ACTIONS_APP.id, slug: 'github-actions' },
      output: { title: null, summary: null, annotations_count: 0 }
    })
    expect(typeof run.started_at).toBe('string')
    const [, second] = await create({ name: 'another', head_sha: SHA })
    // One suite per commit and app: GITHUB_TOKEN's check runs all join github-actions' suite.
    expect(second.check_suite).toEqual(run.check_suite)
    expect(second.status).toBe('queued')
  })

  it('requires name and head_sha', async () => {
    const [status, error] = await create({ head_sha: SHA })
    expect(status).toBe(422)
    expect(error.message).toMatch(/"name" wasn't supplied/)
    expect((await create({ name: 'x' }))[0]).toBe(422)
  })

  it('refuses statuses and conclusions outside the enums, and a conclusion of stale', async () => {
    expect((await create({ name: 'x', head_sha: SHA, status: 'running' }))[0]).toBe(422)
    // waiting, requested and pending are GitHub Actions' own.
    expect((await create({ name: 'x', head_sha: SHA, status: 'waiting' }))[0]).toBe(422)
    expect((await create({ name: 'x', head_sha: SHA, conclusion: 'passed' }))[0]).toBe(422)
    expect((await create({ name: 'x', head_sha: SHA, conclusion: 'stale' }))[0]).toBe(422)
  })

  it('requires a conclusion with status completed or completed_at; a conclusion alone completes', async () => {
    expect((await create({ name: 'x', head_sha: SHA, status: 'completed' }))[0]).toBe(422)
    expect((await create({ name: 'x', head_sha: SHA, completed_at: '2026-01-01T00:00:00Z' }))[0]).toBe(422)
    const [status, run] = await create({ name: 'x', head_sha: SHA, conclusion: 'success' })
    expect(status).toBe(201)
    expect(run).toMatchObject({ status: 'completed', conclusion: 'success' })
    expect(typeof run.completed_at).toBe('string')
  })

  it('takes a summary of 65535 bytes, and refuses one byte more with 422 Validation Failed', async () => {
    const output = (summary: string): Json => ({ name: 'x', head_sha: SHA, output: { title: 't', summary } })
    expect((await create(output('x'.repeat(MAX_OUTPUT_BYTES))))[0]).toBe(201)
    const [status, error] = await create(output('x'.repeat(MAX_OUTPUT_BYTES + 1)))
    expect(status).toBe(422)
    expect(error).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'CheckRun', code: 'custom', field: 'summary' }]
    })
    // Bytes, not characters: 21,846 three-byte characters are 65,538 bytes.
    expect((await create(output('€'.repeat(21_846))))[0]).toBe(422)
    const text = {
      name: 'x',
      head_sha: SHA,
      output: { title: 't', summary: 's', text: 'x'.repeat(MAX_OUTPUT_BYTES + 1) }
    }
    expect((await create(text))[1]).toMatchObject({ errors: [{ field: 'text' }] })
  })

  it('requires output.title and output.summary, and takes at most 50 annotations a request', async () => {
    expect((await create({ name: 'x', head_sha: SHA, output: { summary: 's' } }))[0]).toBe(422)
    expect((await create({ name: 'x', head_sha: SHA, output: { title: 't' } }))[0]).toBe(422)
    const annotation = { path: 'a.ts', start_line: 1, end_line: 1, annotation_level: 'notice', message: 'm' }
    const annotated = (n: number): Json => ({
      name: 'x',
      head_sha: SHA,
      output: { title: 't', summary: 's', annotations: Array.from({ length: n }, () => annotation) }
    })
    expect((await create(annotated(MAX_ANNOTATIONS_PER_REQUEST)))[1]).toMatchObject({
      output: { annotations_count: 50 }
    })
    expect((await create(annotated(MAX_ANNOTATIONS_PER_REQUEST + 1)))[0]).toBe(422)
  })
})

describe('updating and reading a check run', () => {
  it('completes a run with its conclusion, output and completed_at, and GET shows it', async () => {
    const [, run] = await create({ name: 'Code Ocean: u', head_sha: SHA, status: 'in_progress' })
    const path = `/repos/${REPO}/check-runs/${String(run.id)}`
    const [status, done] = await ask('PATCH', path, {
      status: 'completed',
      conclusion: 'timed_out',
      completed_at: '2026-12-06T21:00:00Z',
      output: { title: 'Timed out', summary: '## Summary' }
    })
    expect(status).toBe(200)
    expect(done).toMatchObject({
      id: run.id,
      status: 'completed',
      conclusion: 'timed_out',
      completed_at: '2026-12-06T21:00:00Z',
      output: { title: 'Timed out', summary: '## Summary' }
    })
    expect(await ask('GET', path)).toEqual([200, done])
  })

  it('refuses to complete without a conclusion, and leaves the run as it was', async () => {
    const [, run] = await create({ name: 'u2', head_sha: SHA, status: 'in_progress' })
    const path = `/repos/${REPO}/check-runs/${String(run.id)}`
    expect((await ask('PATCH', path, { status: 'completed' }))[0]).toBe(422)
    expect((await ask('GET', path))[1]).toMatchObject({ status: 'in_progress' })
  })

  it('shows a run left incomplete for more than 14 days as completed and stale', async () => {
    const started = new Date(Date.now() - STALE_AFTER_MS - 60_000)
    const old = github.addCheckRun({ repo: REPO, headSha: SHA, name: 'old', startedAt: started.toISOString() })
    const [, shown] = await ask('GET', `/repos/${REPO}/check-runs/${String(old.id)}`)
    expect(shown).toMatchObject({
      status: 'completed',
      conclusion: 'stale',
      completed_at: new Date(started.getTime() + STALE_AFTER_MS).toISOString()
    })
  })

  it('answers 404 for a check run that is not in the repository', async () => {
    const [, run] = await create({ name: 'u3', head_sha: SHA })
    expect((await ask('GET', `/repos/octo/elsewhere/check-runs/${String(run.id)}`))[0]).toBe(404)
    expect((await ask('PATCH', `/repos/${REPO}/check-runs/999999999`, { status: 'in_progress' }))[0]).toBe(404)
  })

  it("refuses a change to another app's check run, as GitHub does", async () => {
    const other = github.addCheckRun({ repo: REPO, headSha: SHA, name: 'Code Ocean: look-alike', app: 'other-app' })
    const [status, error] = await ask('PATCH', `/repos/${REPO}/check-runs/${String(other.id)}`, {
      conclusion: 'success'
    })
    expect(status).toBe(403)
    expect(error.message).toBe(
      `Invalid app_id \`${String(other.app.id)}\` - check run can only be modified by the GitHub App that created it.`
    )
    expect(other.status).toBe('in_progress')
  })
})

describe('permissions', () => {
  it("answers 403 Resource not accessible by integration to writes with a read-only token (a fork's pull request)", async () => {
    const [, run] = await create({ name: 'p', head_sha: SHA })
    github.setChecksAccess('read')
    expect(await create({ name: 'p', head_sha: SHA })).toEqual([
      403,
      expect.objectContaining({ message: 'Resource not accessible by integration' })
    ])
    expect((await ask('PATCH', `/repos/${REPO}/check-runs/${String(run.id)}`, { conclusion: 'success' }))[0]).toBe(403)
    // Reading is still allowed.
    expect((await ask('GET', `/repos/${REPO}/check-runs/${String(run.id)}`))[0]).toBe(200)
    github.setChecksAccess('none')
    expect((await ask('GET', `/repos/${REPO}/check-runs/${String(run.id)}`))[0]).toBe(403)
  })

  it('refuses check runs from a personal token: only apps write checks', async () => {
    expect((await create({ name: 'p', head_sha: SHA }, PERSONAL))[0]).toBe(403)
  })

  it("records the creating app: another app's token makes its own suite", async () => {
    const [, mine] = await create({ name: 'a', head_sha: SHA })
    const [status, theirs] = await create({ name: 'a', head_sha: SHA }, OTHER_APP_TOKEN)
    expect(status).toBe(201)
    expect(theirs.app).toMatchObject({ id: OTHER_APP.id, slug: 'other-app' })
    expect(theirs.check_suite).not.toEqual(mine.check_suite)
  })
})

describe('listing check runs for a ref', () => {
  const sha = 'b'.repeat(40)
  beforeAll(() => {
    github.addCheckRun({ repo: REPO, headSha: sha, name: 'Code Ocean: one', externalId: 'e1' })
    github.addCheckRun({ repo: REPO, headSha: sha, name: 'Code Ocean: one', externalId: 'e1-rerun' })
    github.addCheckRun({ repo: REPO, headSha: sha, name: 'lint', conclusion: 'success' })
    github.addCheckRun({ repo: REPO, headSha: sha, name: 'Code Ocean: one', app: 'other-app' })
  })
  const list = async (query = ''): Promise<Json> =>
    (await ask('GET', `/repos/${REPO}/commits/${sha}/check-runs${query}`))[1]
  const names = (answer: Json): unknown[] =>
    (answer.check_runs as Json[]).map((run) => `${String(run.name)}/${String((run.app as Json).slug)}`)

  it('answers { total_count, check_runs }, the latest run per name and app by default', async () => {
    const answer = await list()
    expect(answer.total_count).toBe(3)
    expect(names(answer).sort()).toEqual([
      'Code Ocean: one/github-actions',
      'Code Ocean: one/other-app',
      'lint/github-actions'
    ])
    expect((answer.check_runs as Json[]).find((run) => run.external_id === 'e1')).toBeUndefined()
    expect((await list('?filter=all')).total_count).toBe(4)
  })

  it('filters by check_name, status and app_id, and pages with per_page', async () => {
    expect((await list('?check_name=lint')).total_count).toBe(1)
    expect((await list('?status=completed')).total_count).toBe(1)
    expect((await list(`?app_id=${String(ACTIONS_APP.id)}&filter=all`)).total_count).toBe(3)
    const page = await list('?filter=all&per_page=1&page=2')
    expect(page.total_count).toBe(4)
    expect(page.check_runs).toHaveLength(1)
    expect((await ask('GET', `/repos/${REPO}/commits/${sha}/check-runs?status=running`))[0]).toBe(422)
  })

  it('answers an empty list for a commit without check runs', async () => {
    expect((await ask('GET', `/repos/${REPO}/commits/${'c'.repeat(40)}/check-runs`))[1]).toEqual({
      total_count: 0,
      check_runs: []
    })
  })
})

describe('the discovery query', () => {
  const repo = 'octo/discover'
  const variables: DiscoveryVariables = {
    owner: 'octo',
    name: 'discover',
    ...DISCOVERY_LIMITS
  }
  const discover = async (vars: Json | DiscoveryVariables = variables, query = DISCOVERY_QUERY): Promise<Json> =>
    (await ask('POST', '/graphql', { query, variables: vars, operationName: DISCOVERY_OPERATION }))[1]

  beforeAll(() => {
    github.addCommit(repo, { sha: 'c1'.padEnd(40, '0'), committedDate: '2026-12-05T10:00:00Z' })
    github.addCommit(repo, { sha: 'c0'.padEnd(40, '0'), committedDate: '2026-11-20T10:00:00Z' })
    github.addPullRequest(repo, { number: 7, headSha: 'p7'.padEnd(40, '0'), updatedAt: '2026-12-06T09:00:00Z' })
    github.addPullRequest(repo, { number: 8, headSha: 'p8'.padEnd(40, '0'), updatedAt: '2026-12-06T10:00:00Z' })
    github.addPullRequest(repo, { number: 9, headSha: 'p9'.padEnd(40, '0'), state: 'CLOSED' })
    github.addCheckRun({ repo, headSha: 'p7'.padEnd(40, '0'), name: 'Code Ocean: pr', externalId: 'mine' })
    github.addCheckRun({ repo, headSha: 'p7'.padEnd(40, '0'), name: 'Code Ocean: done', conclusion: 'success' })
    github.addCheckRun({
      repo,
      headSha: 'p7'.padEnd(40, '0'),
      name: 'Code Ocean: pr',
      app: 'other-app',
      externalId: 'x'
    })
    github.addCheckRun({ repo, headSha: 'c1'.padEnd(40, '0'), name: 'Code Ocean: main', status: 'queued' })
    github.addCheckRun({ repo, headSha: 'c0'.padEnd(40, '0'), name: 'Code Ocean: old' })
  })

  it('answers open pull requests (most recently updated first) and the newest default-branch commits, however old', async () => {
    const { data } = (await discover()) as { data: DiscoveryData }
    const repository = data.repository!
    const heads = repository.pullRequests.nodes.map((pr) => pr.commits.nodes[0].commit)
    expect(heads.map((head) => head.oid.slice(0, 2))).toEqual(['p8', 'p7'])
    const suites = heads[1].checkSuites!
    expect(suites.pageInfo).toEqual({ hasNextPage: false })
    expect(suites.nodes.map((suite) => suite.app)).toEqual([{ slug: ACTIONS_APP.slug }, { slug: 'other-app' }])
    // Only check runs in progress: the completed one is left out.
    expect(suites.nodes[0].checkRuns).toEqual({
      pageInfo: { hasNextPage: false },
      nodes: [
        {
          databaseId: expect.any(Number),
          name: 'Code Ocean: pr',
          status: 'IN_PROGRESS',
          externalId: 'mine',
          startedAt: expect.any(String)
        }
      ]
    })
    const history = repository.defaultBranchRef!.target!.history.nodes
    expect(history.map((commit) => [commit.oid.slice(0, 2), commit.committedDate])).toEqual([
      ['c1', '2026-12-05T10:00:00Z'],
      ['c0', '2026-11-20T10:00:00Z']
    ])
    // The queued one is not asked for.
    expect(history[0].checkSuites!.nodes[0].checkRuns!.nodes).toEqual([])
  })

  it('honours first on pull requests and history', async () => {
    const { data } = (await discover({ ...variables, pullRequests: 1, commits: 1 })) as {
      data: DiscoveryData
    }
    expect(data.repository!.pullRequests.nodes.map((pr) => pr.commits.nodes[0].commit.oid.slice(0, 2))).toEqual(['p8'])
    expect(data.repository!.defaultBranchRef!.target!.history.nodes).toHaveLength(1)
    expect(await discover({ ...variables, pullRequests: 101 })).toEqual({
      errors: [{ message: expect.stringMatching(/exceeds the `first` limit of 100 records/) }]
    })
  })

  it(`reads the first ${DISCOVERY_PAGE.suites} suites of a commit and ${DISCOVERY_PAGE.runs} runs in progress of a suite, and says when there are more`, async () => {
    const busy = 'bb'.padEnd(40, '0')
    github.addCommit(repo, { sha: busy, committedDate: '2026-12-07T10:00:00Z' })
    for (let i = 0; i <= DISCOVERY_PAGE.runs; i++) github.addCheckRun({ repo, headSha: busy, name: `run ${i}` })
    for (let i = 1; i < DISCOVERY_PAGE.suites; i++) {
      github.addCheckRun({ repo, headSha: busy, name: 'lint', app: `app-${i}` })
    }
    const suitesOf = async (): Promise<CommitChecks['checkSuites']> => {
      const { data } = (await discover()) as { data: DiscoveryData }
      return data.repository!.defaultBranchRef!.target!.history.nodes.find((c) => c.oid === busy)!.checkSuites
    }
    const full = (await suitesOf())!
    expect(full.pageInfo).toEqual({ hasNextPage: false })
    expect(full.nodes).toHaveLength(DISCOVERY_PAGE.suites)
    expect(full.nodes[0].checkRuns!.nodes).toHaveLength(DISCOVERY_PAGE.runs)
    expect(full.nodes[0].checkRuns!.pageInfo).toEqual({ hasNextPage: true })
    github.addCheckRun({ repo, headSha: busy, name: 'lint', app: 'one-app-too-many' })
    const more = (await suitesOf())!
    expect(more.pageInfo).toEqual({ hasNextPage: true })
    expect(more.nodes).toHaveLength(DISCOVERY_PAGE.suites)
    expect(more.nodes.map((suite) => suite.app!.slug)).not.toContain('one-app-too-many')
  })

  it('answers GraphQL errors for another text, missing variables, or an unknown repository', async () => {
    expect(await discover(variables, DISCOVERY_QUERY.replace('startedAt', ''))).toEqual({
      errors: [expect.objectContaining({ message: expect.any(String) })]
    })
    expect(await discover({ ...variables, commits: undefined })).toEqual({
      errors: [{ message: 'Variable $commits of type Int! was provided invalid value' }]
    })
    expect(await discover({ ...variables, name: 'missing' })).toMatchObject({
      data: { repository: null },
      errors: [{ type: 'NOT_FOUND', message: "Could not resolve to a Repository with the name 'octo/missing'." }]
    })
    // The stand-in still answers the identity query.
    expect((await ask('POST', '/graphql', { query: 'query { viewer { login } }' }))[1]).toEqual({
      data: { viewer: { login: 'github-actions[bot]' } }
    })
  })

  it('counts requests, so a test can assert what a settle cost', async () => {
    github.clearRequests()
    await discover()
    await discover()
    expect(github.requestCount()).toBe(2)
    expect(github.requestCount('POST', /^\/graphql$/)).toBe(2)
    expect(github.requestCount('PATCH')).toBe(0)
  })
})
