/**
 * The run as a GitHub check run (`check-run`), end to end: the bundle as the runner runs
 * it, against the Code Ocean simulator and the GitHub stand-in (docs/github-checks.md).
 */
import { describe, expect, it } from '@jest/globals'
import { GitHubStandIn, type CheckRun } from '../../sim/github.js'
import { readExternalId } from '../../src/report/checks/check-identity.js'
import { DEFAULT_CONTEXT, runAction, runPost, type ActionRun } from '../../harness/runner.js'
import type { CodeOceanSimulator } from '../../sim/simulator.js'
import { expectNoToken, PIPELINE, startSimulator, startGitHub } from '../support/simulators.js'

const REPO = DEFAULT_CONTEXT.GITHUB_REPOSITORY
const HEAD = 'c0ffee0000111122223333444455556666777788'
const { GITHUB_SERVER_URL: server, GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: attempt } = DEFAULT_CONTEXT
const WORKFLOW_RUN = `${server}/${REPO}/actions/runs/${runId}/attempts/${attempt}`

async function runWithCheck(
  github: GitHubStandIn,
  inputs: Record<string, string>,
  options: {
    outcome?: 'failed'
    event?: 'pull_request' | 'push'
    sim?: CodeOceanSimulator
    kill?: { whenStdoutMatches: RegExp }
  } = {}
): Promise<ActionRun> {
  const sim = options.sim ?? (await startSimulator(options.outcome ? { defaultOutcome: options.outcome } : {}))
  const onPullRequest = (options.event ?? 'pull_request') === 'pull_request'
  const run = await runAction({
    inputs: {
      domain: sim.url,
      secret: sim.token,
      'pipeline-id': PIPELINE,
      'check-run': 'true',
      'github-token': github.token,
      ...inputs
    },
    env: { GITHUB_API_URL: github.url },
    ...(options.kill ? { kill: options.kill } : {}),
    event: onPullRequest
      ? {
          name: 'pull_request',
          payload: {
            number: 3,
            pull_request: { number: 3, head: { ref: 'feature', sha: HEAD }, base: { ref: 'main' } }
          }
        }
      : undefined
  })
  expectNoToken(run, sim.token)
  expect(run.everything).not.toContain(github.token)
  return run
}

function onlyCheck(github: GitHubStandIn): CheckRun {
  expect(github.checks.runs).toHaveLength(1)
  return github.checks.runs[0]
}

const checkWrites = (github: GitHubStandIn): unknown[] =>
  github.requests.filter((r) => r.method !== 'GET' && r.path.includes('/check-runs')).map((r) => r.body)

describe('check-run', () => {
  it.concurrent("is made in progress on the pull request's head, then completed with the summary", async () => {
    const github = await startGitHub()
    const run = await runWithCheck(github, {})
    expect(run.exitCode).toBe(0)
    const id = run.outputs['computation-id']
    const [created, completed] = checkWrites(github) as Record<string, unknown>[]
    expect(created).toMatchObject({ status: 'in_progress', head_sha: HEAD, details_url: WORKFLOW_RUN })
    expect(completed).toMatchObject({ status: 'completed', conclusion: 'success' })
    const check = onlyCheck(github)
    expect(check).toMatchObject({ headSha: HEAD, status: 'completed', conclusion: 'success', detailsUrl: WORKFLOW_RUN })
    expect(check.name).toMatch(/^Code Ocean: /)
    expect(readExternalId(check.externalId)).toEqual({ kind: 'pipeline', target: PIPELINE, run: id })
    expect(check.output.title).toBe('Code Ocean run succeeded')
    expect(check.output.summary).toContain('## ✅ Code Ocean run succeeded')
    expect(check.output.summary).toContain(id)
    expect(check.output.summary).toContain(`[Workflow run](${WORKFLOW_RUN})`)
    expect(check.output.text).toBeNull()
    // The post step has nothing left to do.
    expect(run.state['check-run-id']).toBe('')
  })

  it.concurrent(
    'concludes failure for a failed run, with the reason in the text, on GITHUB_SHA outside pull requests',
    async () => {
      const github = await startGitHub()
      const run = await runWithCheck(github, {}, { outcome: 'failed', event: 'push' })
      expect(run.exitCode).toBe(1)
      const check = onlyCheck(github)
      expect(check).toMatchObject({ headSha: DEFAULT_CONTEXT.GITHUB_SHA, status: 'completed', conclusion: 'failure' })
      expect(check.output.title).toBe('Code Ocean run failed')
      expect(check.output.summary).toContain('## ❌ Code Ocean run failed')
      expect(check.output.text).toContain('end status failed, exit code 1')
      expect(check.output.text).toContain('simulated failure in analysis')
    }
  )

  it.concurrent('stays in progress with wait: false, for a settle step to complete', async () => {
    const github = await startGitHub()
    const run = await runWithCheck(github, { wait: 'false' })
    expect(run.exitCode).toBe(0)
    const check = onlyCheck(github)
    expect(check.status).toBe('in_progress')
    expect(check.conclusion).toBeNull()
    expect(readExternalId(check.externalId)?.run).toBe(run.outputs['computation-id'])
    expect(check.output.title).toBe('Code Ocean run started')
    expect(check.output.summary).toContain('settled later')
    // Left in progress on purpose: the post step leaves it alone.
    expect(run.state['check-run-id']).toBe('')
  })

  it.concurrent(
    'with stop-on-timeout: hand-over, leaves the run and its check to a settle step at the wait-timeout',
    async () => {
      const github = await startGitHub()
      const sim = await startSimulator({ defaultOutcome: 'never-ends' })
      const run = await runWithCheck(github, { 'wait-timeout': '0.05', 'stop-on-timeout': 'hand-over' }, { sim })
      expect(run.exitCode).toBe(0)
      expect(run.outputs.status).toBe('started')
      expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(0)
      const notice = run.annotations.find((a) => a.message.startsWith('Handed'))?.message ?? ''
      expect(run.annotations.find((a) => a.message.startsWith('Handed'))?.level).toBe('notice')
      expect(notice).toMatch(/^Handed Code Ocean run .* over to a settle step after 3s \(wait-timeout: 0\.05 min/)
      expect(notice).toContain('until a settle step (settle: true) completes it')
      const check = onlyCheck(github)
      expect(check).toMatchObject({ status: 'in_progress', conclusion: null })
      expect(check.output.title).toBe('Code Ocean run handed over to a settle step')
      expect(check.output.summary).toContain('handed the run over to a settle step')
      // The post step stops nothing and leaves the check alone.
      expect(run.state['check-run-id']).toBe('')
      const post = await runPost(run)
      expect(post.exitCode).toBe(0)
      expect(sim.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0)
      expect(onlyCheck(github).status).toBe('in_progress')
    }
  )

  it.concurrent('after the main step is killed, the post step completes its check as cancelled', async () => {
    const github = await startGitHub()
    const sim = await startSimulator({ phases: [{ state: 'running', ms: 3_600_000 }], defaultOutcome: 'never-ends' })
    const run = await runWithCheck(github, {}, { sim, kill: { whenStdoutMatches: /Run is running/ } })
    expect(run.signal).toBe('SIGKILL')
    expect(onlyCheck(github).status).toBe('in_progress')
    const post = await runPost(run)
    expect(post.exitCode).toBe(0)
    expect(onlyCheck(github)).toMatchObject({ status: 'completed', conclusion: 'cancelled' })
  })

  it.concurrent('without checks: write, warns once saying what to add, and follows the run as without it', async () => {
    const github = await startGitHub()
    github.setChecksAccess('read')
    const run = await runWithCheck(github, {})
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    const warnings = run.annotations.filter((a) => a.level === 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0].message).toContain('checks: write')
    expect(warnings[0].message).toContain('fork')
    expect(github.checks.runs).toHaveLength(0)
    expect(github.requestCount('POST', /check-runs/)).toBe(1)
    expect(github.requestCount('PATCH')).toBe(0)
  })
})
