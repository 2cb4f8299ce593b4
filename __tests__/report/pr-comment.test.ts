/**
 * The pull request comment, end to end: the bundle as the runner runs it, against the
 * Code Ocean simulator and a local stand-in for the GitHub API.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GitHubStandIn } from '../../sim/github.js'
import { commentMarker, requestKey } from '../../src/report/pr-comment.js'
import { DEFAULT_CONTEXT, runAction, type ActionRun } from '../support/runner.js'
import { expectNoToken, startSimulator } from '../support/simulators.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
const REPO = DEFAULT_CONTEXT.GITHUB_REPOSITORY
let github: GitHubStandIn

beforeAll(async () => {
  github = new GitHubStandIn()
  await github.start()
})
afterAll(async () => {
  await github.stop()
})

async function runOnPullRequest(
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
  it('posts one comment with the summary, then updates that same comment', async () => {
    github.addComment(REPO, 7, 'Looks good to me', 'reviewer')
    const first = await runOnPullRequest(7, { 'comment-on-pr': 'true', 'github-token': github.token })
    expect(first.exitCode).toBe(0)
    let comments = github.comments.get(`${REPO}#7`) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[1].body.startsWith(marker)).toBe(true)
    expect(comments[1].body).toContain('✅ Code Ocean run succeeded')
    expect(comments[1].body).toContain(first.outputs['computation-id'])

    const second = await runOnPullRequest(7, { 'comment-on-pr': 'true', 'github-token': github.token })
    expect(second.exitCode).toBe(0)
    comments = github.comments.get(`${REPO}#7`) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[0].body).toBe('Looks good to me')
    expect(comments[1].body).toContain(second.outputs['computation-id'])
    expect(comments[1].body).not.toContain(first.outputs['computation-id'])
    const writes = github.requests.filter((r) => r.method !== 'GET').map((r) => r.method)
    expect(writes).toEqual(['POST', 'PATCH'])
    expect(github.requests.every((r) => r.authorization === `token ${github.token}`)).toBe(true)
    expect(github.requests.every((r) => r.userAgent?.startsWith('codeocean-run-action/'))).toBe(true)
  })

  it('does nothing outside pull requests, or when not asked', async () => {
    const before = github.requests.length
    const push = await runOnPullRequest(
      8,
      { 'comment-on-pr': 'true', 'github-token': github.token, wait: 'false' },
      'push'
    )
    const off = await runOnPullRequest(8, { wait: 'false' })
    expect([push.exitCode, off.exitCode]).toEqual([0, 0])
    expect(github.requests.length).toBe(before)
  })

  it('warns, without failing the step, when GitHub refuses the comment', async () => {
    const run = await runOnPullRequest(9, {
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

  it('gives each matrix leg its own comment, and a re-run of a leg updates its own', async () => {
    const leg = (mode: string): Record<string, string> => ({
      'comment-on-pr': 'true',
      'github-token': github.token,
      processes: `[{"name": "capsule_align_1", "named_parameters": {"Mode": "${mode}"}}]`
    })
    const fast = await runOnPullRequest(11, leg('fast'))
    const exact = await runOnPullRequest(11, leg('exact'))
    expect([fast.exitCode, exact.exitCode]).toEqual([0, 0])
    let comments = github.comments.get(`${REPO}#11`) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[0].body).toContain(fast.outputs['computation-id'])
    expect(comments[1].body).toContain(exact.outputs['computation-id'])
    const markers = comments.map((c) => c.body.split('\n')[0])
    expect(new Set(markers).size).toBe(2)

    const fastAgain = await runOnPullRequest(11, leg('fast'))
    expect(fastAgain.exitCode).toBe(0)
    comments = github.comments.get(`${REPO}#11`) ?? []
    expect(comments).toHaveLength(2)
    expect(comments[0].body).toContain(fastAgain.outputs['computation-id'])
    expect(comments[0].body).not.toContain(fast.outputs['computation-id'])
    expect(comments[1].body).toContain(exact.outputs['computation-id'])
  })
})
