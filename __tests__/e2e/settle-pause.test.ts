/**
 * `settle-workflow`, end to end: a step that leaves its check in progress turns the settle
 * workflow on; the settle step turns its own workflow off once nothing is pending, and
 * back on when a check was opened meanwhile (docs/checks.md, "Pause the schedule").
 */
import { describe, expect, it } from '@jest/globals'
import type { GitHubStandIn } from '../../sim/github.js'
import type { CodeOceanSimulator } from '../../sim/simulator.js'
import { DISCOVERY_LIMITS } from '../../src/report/checks/discovery-query.js'
import { checkRunName, externalIdFor } from '../../src/report/checks/check-identity.js'
import { DEFAULT_CONTEXT, WORKFLOW_FILE_NAME, type ActionRun } from '../../harness/runner.js'
import { errorOf, runAgainst } from '../support/action.js'
import { PIPELINE, startSimulator, startGitHub } from '../support/simulators.js'

const REPO = DEFAULT_CONTEXT.GITHUB_REPOSITORY
const SHA = DEFAULT_CONTEXT.GITHUB_SHA
/** The harness runs every step in this workflow (GITHUB_WORKFLOW_REF): here, the settle workflow. */
const SETTLE_FILE = WORKFLOW_FILE_NAME

async function step(
  sim: CodeOceanSimulator,
  github: GitHubStandIn,
  inputs: Record<string, string>
): Promise<ActionRun> {
  github.clearRequests()
  const run = await runAgainst(
    sim,
    { 'github-token': github.token, 'settle-workflow': SETTLE_FILE, ...inputs },
    { defaultTarget: !('settle' in inputs), env: { GITHUB_API_URL: github.url } }
  )
  expect(run.everything).not.toContain(github.token)
  return run
}

const settle = (sim: CodeOceanSimulator, github: GitHubStandIn): Promise<ActionRun> =>
  step(sim, github, { settle: 'true' })

describe('settle-workflow', () => {
  it.concurrent(
    'a detached start turns the settle workflow on; the settle that completes the last check turns it off',
    async () => {
      // The simulator's clock stands still until the test moves it: the run goes on until then.
      let now = Date.now()
      const sim = await startSimulator({ now: () => now, phases: [{ state: 'running', ms: 60_000 }] })
      const github = await startGitHub()
      // A quiet branch: its newest commit is a month old, the check on it new.
      github.addCommit(REPO, { sha: SHA, committedDate: new Date(Date.now() - 30 * 86_400_000).toISOString() })
      const workflow = github.workflows.add(REPO, SETTLE_FILE, 'disabled_manually')

      const start = await step(sim, github, { 'check-run': 'true', wait: 'false' })
      expect(start.exitCode).toBe(0)
      expect(workflow.switches).toEqual(['active'])
      expect(github.checks.runs[0].status).toBe('in_progress')
      expect(start.log.join('\n')).toContain(`Turned on the settle workflow ${SETTLE_FILE}`)

      // The run goes on: the settle leaves its check, and the schedule on.
      const early = await settle(sim, github)
      expect(early.exitCode).toBe(0)
      expect(workflow.switches).toEqual(['active'])
      expect(github.requestCount('PUT')).toBe(0)

      now += 60_000
      const late = await settle(sim, github)
      expect(late.exitCode).toBe(0)
      expect(github.checks.runs[0]).toMatchObject({ status: 'completed', conclusion: 'success' })
      expect(workflow.switches).toEqual(['active', 'disabled_manually'])
      expect(workflow.state).toBe('disabled_manually')
      // The query, the update, the turn-off, and the second look: a handful of calls.
      expect(github.requestCount()).toBe(4)
      expect(late.summary).toContain(`this settle workflow (\`${SETTLE_FILE}\`) is now turned off`)
      expect(late.annotations.filter((a) => a.level === 'warning')).toEqual([])
    }
  )

  it.concurrent(
    'a step whose check completion GitHub refuses turns the settle workflow on: only a settle can complete it now',
    async () => {
      let now = Date.now()
      const sim = await startSimulator({ now: () => now, phases: [{ state: 'running', ms: 60_000 }] })
      const github = await startGitHub()
      github.addCommit(REPO, { sha: SHA })
      const workflow = github.workflows.add(REPO, SETTLE_FILE, 'disabled_manually')

      const running = step(sim, github, { 'check-run': 'true' })
      // Once the check is open, the token loses its right to write checks; then the run ends.
      while (github.checks.runs.length === 0) await new Promise((resolve) => setTimeout(resolve, 50))
      github.setChecksAccess('read')
      now += 60_000
      const run = await running

      expect(run.exitCode).toBe(0)
      expect(github.checks.runs[0].status).toBe('in_progress')
      expect(workflow.switches).toEqual(['active'])
      expect(run.log.join('\n')).toContain(`Turned on the settle workflow ${SETTLE_FILE}`)
      expect(run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
        expect.stringContaining(`update check run ${github.checks.runs[0].id}`)
      ])
    }
  )

  it.concurrent(
    'keeps the schedule on while more pull requests are open than the query reads (a check may be on one of them)',
    async () => {
      const sim = await startSimulator()
      const github = await startGitHub()
      github.addCommit(REPO, { sha: SHA })
      const workflow = github.workflows.add(REPO, SETTLE_FILE)
      const open = DISCOVERY_LIMITS.pullRequests + 1
      for (let n = 1; n <= open; n++)
        github.addPullRequest(REPO, { number: n, headSha: `${String(n).padStart(4, '0')}`.padEnd(40, 'a') })

      const run = await settle(sim, github)
      expect(run.exitCode).toBe(0)
      expect(workflow.switches).toEqual([])
      expect(workflow.state).toBe('active')
      expect(run.summary).not.toContain('is now turned off')
    }
  )

  it.concurrent(
    'turns the workflow back on when a check was opened between its turn-off and its second look',
    async () => {
      const sim = await startSimulator()
      const github = await startGitHub()
      github.addCommit(REPO, { sha: SHA })
      const workflow = github.workflows.add(REPO, SETTLE_FILE)
      const going = sim.addRun({ pipeline_id: PIPELINE }, { outcome: 'never-ends' })
      // Another job opens its check and turns the workflow on just as this step turns it off.
      github.workflows.onSwitch = (_repo, switched) => {
        if (switched.state !== 'disabled_manually') return
        github.addCheckRun({
          repo: REPO,
          headSha: SHA,
          name: checkRunName('opened meanwhile'),
          status: 'in_progress',
          externalId: externalIdFor({ kind: 'pipeline', target: PIPELINE, run: going })
        })
      }

      const run = await settle(sim, github)
      expect(run.exitCode).toBe(0)
      expect(workflow.switches).toEqual(['disabled_manually', 'active'])
      expect(workflow.state).toBe('active')
      expect(run.summary).not.toContain('is now turned off')
    }
  )

  it.concurrent(
    'without actions: write, each step warns once with what to add and succeeds; a wrong file name sends nothing',
    async () => {
      const sim = await startSimulator()
      const github = await startGitHub()
      github.addCommit(REPO, { sha: SHA })
      const workflow = github.workflows.add(REPO, SETTLE_FILE)
      github.setActionsWrite(false)

      const run = await settle(sim, github)
      expect(run.exitCode).toBe(0)
      const warnings = run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain(`Could not turn off this settle workflow (${SETTLE_FILE})`)
      expect(warnings[0]).toContain('Resource not accessible by integration')
      expect(warnings[0]).toContain('permissions: actions: write')
      expect(workflow.state).toBe('active')

      // The start step's turn-on, refused: the check is made all the same, and the warning says what it means.
      const start = await step(sim, github, { 'check-run': 'true', wait: 'false' })
      expect(start.exitCode).toBe(0)
      const startWarnings = start.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
      expect(startWarnings).toHaveLength(1)
      expect(startWarnings[0]).toContain(`Could not turn on the settle workflow ${SETTLE_FILE}`)
      expect(startWarnings[0]).toContain('no step settles this check')
      expect(github.checks.runs.map((c) => c.status)).toEqual(['in_progress'])

      const wrong = await step(sim, github, { settle: 'true', 'settle-workflow': 'other.yml' })
      expect(wrong.exitCode).toBe(1)
      expect(errorOf(wrong)).toContain(`Input 'settle-workflow': names other.yml, but this step runs in ${SETTLE_FILE}`)
      expect(github.requestCount()).toBe(0)
    }
  )
})
