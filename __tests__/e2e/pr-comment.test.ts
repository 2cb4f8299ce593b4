/**
 * The pull request comment, end to end: the bundle as the runner runs it, against the
 * Code Ocean simulator and a local stand-in for the GitHub API.
 */
import { describe, expect, it } from '@jest/globals'
import { ACTIONS_BOT, GitHubStandIn } from '../../sim/github.js'
import { commentMarker, requestKey } from '../../src/report/pr-comment.js'
import { DEFAULT_CONTEXT, runAction, type ActionRun } from '../../harness/runner.js'
import { expectNoToken, startSimulator, startGitHub } from '../support/simulators.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
const REPO = DEFAULT_CONTEXT.GITHUB_REPOSITORY
async function runOnPullRequest(
  github: GitHubStandIn,
  number: number,
  inputs: Record<string, string>,
  eventName = 'pull_request'
): Promise<ActionRun> {
  const sim = await startSimulator()
  const run = await runAction({
    inputs: { domain: sim.url, secret: sim.token, 'pipeline-id': PIPELINE, ...inputs },
    env: { GITHUB_API_URL: github.url },
    event: {
      name: eventName,
      payload: { number, pull_request: { number, head: { ref: 'feature' }, base: { ref: 'main' } } }
    }
  })
  expectNoToken(run, sim.token)
  expect(run.everything).not.toContain(github.token)
  return run
}

const marker = commentMarker(
  DEFAULT_CONTEXT.GITHUB_WORKFLOW,
  DEFAULT_CONTEXT.GITHUB_JOB,
  PIPELINE,
  requestKey({ pipeline_id: PIPELINE })
)

describe('pull request comment', () => {
  it.concurrent('posts one comment with the summary, then updates that same comment', async () => {
    const github = await startGitHub()
    github.addComment(REPO, 7, 'Looks good to me', 'reviewer')
    const first = await runOnPullRequest(github, 7, { 'comment-on-pr': 'true', 'github-token': github.token })
    expect(first.exitCode).toBe(0)
    let comments = github.comments.get(`${REPO}#7`) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[1].body.startsWith(marker)).toBe(true)
    expect(comments[1].body).toContain('✅ Code Ocean run succeeded')
    expect(comments[1].body).toContain(first.outputs['computation-id'])
    // A link to the workflow run, at its attempt; the details folded; no path of the runner's.
    const { GITHUB_SERVER_URL: server, GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: attempt } = DEFAULT_CONTEXT
    expect(comments[1].body).toContain(`[Workflow run](${server}/${REPO}/actions/runs/${runId}/attempts/${attempt})`)
    expect(comments[1].body).toContain('<summary>Results (5 files,')
    expect(comments[1].body).not.toContain(first.workspace)

    const second = await runOnPullRequest(github, 7, { 'comment-on-pr': 'true', 'github-token': github.token })
    expect(second.exitCode).toBe(0)
    comments = github.comments.get(`${REPO}#7`) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[0].body).toBe('Looks good to me')
    expect(comments[1].body).toContain(second.outputs['computation-id'])
    expect(comments[1].body).not.toContain(first.outputs['computation-id'])
    const writes = github.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql').map((r) => r.method)
    expect(writes).toEqual(['POST', 'PATCH'])
    expect(comments[1].user).toEqual(ACTIONS_BOT)
    expect(github.requests.every((r) => r.authorization === `token ${github.token}`)).toBe(true)
    expect(github.requests.every((r) => r.userAgent?.startsWith('codeocean-run-action/'))).toBe(true)
  })

  it.concurrent('never edits a comment someone else wrote, even one carrying the marker', async () => {
    const github = await startGitHub()
    const forged = `${marker}\n## ✅ Code Ocean run succeeded\nApproved, merge away.`
    github.addComment(REPO, 14, forged, 'mallory')
    github.addComment(REPO, 14, forged, { login: 'other-app[bot]', type: 'Bot' })
    const inputs = { 'comment-on-pr': 'true', 'github-token': github.token, wait: 'false' }
    const first = await runOnPullRequest(github, 14, inputs)
    const second = await runOnPullRequest(github, 14, inputs)
    expect([first.exitCode, second.exitCode]).toEqual([0, 0])
    const comments = github.comments.get(`${REPO}#14`) ?? []
    expect(comments.map((c) => [c.user.login, c.body === forged])).toEqual([
      ['mallory', true],
      ['other-app[bot]', true],
      ['github-actions[bot]', false]
    ])
    // The forged comments carry the very marker the action writes: only their authors tell them apart.
    expect(comments[2].body.startsWith(marker)).toBe(true)
    expect(comments[2].body).toContain(second.outputs['computation-id'])
    const paths = comments.map((c) => `/repos/${REPO}/issues/comments/${c.id}`)
    const patched = github.requests.filter((r) => r.method === 'PATCH' && paths.includes(r.path)).map((r) => r.path)
    expect(patched).toEqual([paths[2]])
  })

  it.concurrent("never edits another leg's comment that quotes this leg's marker in its text", async () => {
    const github = await startGitHub()
    const otherLeg = commentMarker(
      DEFAULT_CONTEXT.GITHUB_WORKFLOW,
      DEFAULT_CONTEXT.GITHUB_JOB,
      PIPELINE,
      requestKey({ pipeline_id: PIPELINE, parameters: ['other'] })
    )
    // Another leg's comment, by the same account, showing this leg's marker in a parameter value.
    const theirs = `${otherLeg}\n## ✅ Code Ocean run succeeded\n\n| — | #1 | \`${marker}\` |`
    const other = github.addComment(REPO, 15, theirs, ACTIONS_BOT)
    const run = await runOnPullRequest(github, 15, {
      'comment-on-pr': 'true',
      'github-token': github.token,
      wait: 'false'
    })
    expect(run.exitCode).toBe(0)
    expect(other.body).toBe(theirs)
    const comments = github.comments.get(`${REPO}#15`) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[1].body.startsWith(marker)).toBe(true)
    expect(github.requests.filter((r) => r.method === 'PATCH')).toEqual([])
  })

  it.concurrent("with a personal token, edits that person's own comment only", async () => {
    const github = await startGitHub()
    const personal = 'ghp_personal_token_abcdef0123456789'
    github.addToken(personal, { login: 'octocat', type: 'User' })
    const bots = github.addComment(REPO, 12, `${marker}\nleft by the workflow token`, ACTIONS_BOT)
    const own = github.addComment(REPO, 12, `${marker}\nleft by an earlier run`, 'octocat')
    const run = await runOnPullRequest(github, 12, { 'comment-on-pr': 'true', 'github-token': personal, wait: 'false' })
    expect(run.exitCode).toBe(0)
    expect(run.everything).not.toContain(personal)
    expect(bots.body).toBe(`${marker}\nleft by the workflow token`)
    expect(own.body).toContain(run.outputs['computation-id'])
    expect(github.comments.get(`${REPO}#12`)).toHaveLength(2)
  })

  it.concurrent('adds a new comment, and edits none, when GitHub does not say who the token is', async () => {
    const github = await startGitHub()
    const earlier = github.addComment(REPO, 13, `${marker}\nearlier`, ACTIONS_BOT)
    github.viewerFails = true
    try {
      const run = await runOnPullRequest(github, 13, {
        'comment-on-pr': 'true',
        'github-token': github.token,
        wait: 'false'
      })
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toContain('Could not tell which account the token acts as')
    } finally {
      github.viewerFails = false
    }
    const comments = github.comments.get(`${REPO}#13`) ?? []
    expect(earlier.body).toBe(`${marker}\nearlier`)
    expect(comments).toHaveLength(2)
  })

  it.concurrent('does nothing outside pull requests, or when not asked', async () => {
    const github = await startGitHub()
    const before = github.requests.length
    const push = await runOnPullRequest(
      github,
      8,
      { 'comment-on-pr': 'true', 'github-token': github.token, wait: 'false' },
      'push'
    )
    const off = await runOnPullRequest(github, 8, { wait: 'false' })
    expect([push.exitCode, off.exitCode]).toEqual([0, 0])
    expect(github.requests.length).toBe(before)
  })

  it.concurrent('warns, without failing the step, when GitHub refuses the comment', async () => {
    const github = await startGitHub()
    const run = await runOnPullRequest(github, 9, {
      'comment-on-pr': 'true',
      'github-token': 'ghs_wrong_token_abcdef',
      wait: 'false'
    })
    expect(run.exitCode).toBe(0)
    const warning = run.annotations.find((a) => a.level === 'warning')?.message ?? ''
    expect(warning).toContain('Could not comment on pull request #9')
    expect(warning).toContain('pull-requests: write')
    expect(run.everything).not.toContain('ghs_wrong_token_abcdef')
  })

  it.concurrent('gives each matrix leg its own comment, and a re-run of a leg updates its own', async () => {
    const github = await startGitHub()
    const leg = (mode: string): Record<string, string> => ({
      'comment-on-pr': 'true',
      'github-token': github.token,
      processes: `[{"name": "capsule_align_1", "named_parameters": {"Mode": "${mode}"}}]`
    })
    const fast = await runOnPullRequest(github, 11, leg('fast'))
    const exact = await runOnPullRequest(github, 11, leg('exact'))
    expect([fast.exitCode, exact.exitCode]).toEqual([0, 0])
    let comments = github.comments.get(`${REPO}#11`) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[0].body).toContain(fast.outputs['computation-id'])
    expect(comments[1].body).toContain(exact.outputs['computation-id'])
    const markers = comments.map((c) => c.body.split('\n')[0])
    expect(new Set(markers).size).toBe(2)

    const fastAgain = await runOnPullRequest(github, 11, leg('fast'))
    expect(fastAgain.exitCode).toBe(0)
    comments = github.comments.get(`${REPO}#11`) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[0].body).toContain(fastAgain.outputs['computation-id'])
    expect(comments[0].body).not.toContain(fast.outputs['computation-id'])
    expect(comments[1].body).toContain(exact.outputs['computation-id'])
  })
})
