/**
 * The settle step (`settle: true`), end to end: the bundle as the runner runs it, against
 * the Code Ocean simulator and the GitHub stand-in seeded with check runs left in progress.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { GitHubStandIn, type CheckRun } from '../../sim/github.js'
import type { CodeOceanSimulator } from '../../sim/simulator.js'
import { checkRunName, externalIdFor } from '../../src/report/checks/check-identity.js'
import { DISCOVERY_PAGE } from '../../src/report/checks/discovery-query.js'
import { DEFAULT_CONTEXT, type ActionRun } from '../../harness/runner.js'
import { runAgainst } from '../support/action.js'
import { CAPSULE, PIPELINE, startSimulator, startGitHub } from '../support/simulators.js'

const REPO = DEFAULT_CONTEXT.GITHUB_REPOSITORY
const SHA = 'a'.repeat(40)
const OTHER_SHA = 'b'.repeat(40)
const GONE = '0badc0de-0000-4000-8000-000000000000'

/** A check of ours, in progress on `sha`, for `run` of the pipeline (or `kind`'s target). */
function ourCheck(
  github: GitHubStandIn,
  run: string,
  name: string,
  sha = SHA,
  kind: 'pipeline' | 'capsule' = 'pipeline'
): CheckRun {
  const target = kind === 'pipeline' ? PIPELINE : CAPSULE
  return github.addCheckRun({
    repo: REPO,
    headSha: sha,
    name: checkRunName(name),
    status: 'in_progress',
    externalId: externalIdFor({ kind, target, run })
  })
}

async function settle(
  sim: CodeOceanSimulator,
  github: GitHubStandIn,
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  github.clearRequests()
  const run = await runAgainst(
    sim,
    { settle: 'true', 'github-token': github.token, ...inputs },
    { defaultTarget: false, env: { GITHUB_API_URL: github.url } }
  )
  expect(run.everything).not.toContain(github.token)
  return run
}

const patches = (github: GitHubStandIn): number => github.requestCount('PATCH', /\/check-runs\/\d+$/)

describe('settle: true', () => {
  it.concurrent(
    "completes a check whose run ended with the run's conclusion and summary, and downloads its results",
    async () => {
      const sim = await startSimulator()
      const github = await startGitHub()
      github.addCommit(REPO, { sha: SHA })
      github.addPullRequest(REPO, { number: 4, headSha: OTHER_SHA })
      const good = sim.addRun({ pipeline_id: PIPELINE }, { outcome: 'succeeded', name: 'nightly' })
      const bad = sim.addRun({ pipeline_id: PIPELINE }, { outcome: 'failed', name: 'on the pull request' })
      const onMain = ourCheck(github, good, 'nightly')
      const onPr = ourCheck(github, bad, 'on the pull request', OTHER_SHA)

      const run = await settle(sim, github, { 'download-results': 'results', 'results-filter': 'data/**' })
      expect(run.exitCode).toBe(0)
      expect(run.outputs.status).toBe('succeeded')
      // Each run's results in a folder of its own, the filter applied; nothing uploaded.
      const folder = run.outputs['results-path']
      expect(folder).toBe(join(run.workspace, 'results'))
      for (const id of [good, bad]) {
        expect(readFileSync(join(folder, id, 'data/summary.csv'), 'utf8')).toContain('metric,value,unit')
        expect(existsSync(join(folder, id, 'output'))).toBe(false)
      }
      expect(run.summary).toContain('### Results')
      expect(run.summary).toContain(`\`results/${good}\``)
      expect(run.annotations.filter((a) => a.level === 'warning')).toHaveLength(0)
      expect(onMain).toMatchObject({ status: 'completed', conclusion: 'success' })
      expect(onMain.output.title).toBe('Code Ocean run succeeded')
      expect(onMain.output.summary).toContain('✅ Code Ocean run succeeded')
      expect(onMain.output.summary).toContain(good)
      expect(onPr).toMatchObject({ status: 'completed', conclusion: 'failure' })
      expect(onPr.output.text).toContain('failed')
      expect(patches(github)).toBe(2)
      expect(run.log.join('\n')).toContain(`Check 'Code Ocean: nightly' (Code Ocean run ${good}): completed as success`)
      expect(run.summary).toContain('Settled 2, left 0 in progress')
    }
  )

  it.concurrent('leaves a check whose run is still going, with no update', async () => {
    const sim = await startSimulator()
    const github = await startGitHub()
    github.addCommit(REPO, { sha: SHA })
    const going = sim.addRun({ pipeline_id: PIPELINE }, { outcome: 'never-ends', agoMs: 60_000 })
    const check = ourCheck(github, going, 'long one')

    const run = await settle(sim, github)
    expect(run.exitCode).toBe(0)
    expect(check.status).toBe('in_progress')
    expect(patches(github)).toBe(0)
    expect(sim.requests.filter((r) => r.method === 'GET' && r.path.includes(going))).toHaveLength(1)
    expect(run.summary).toContain('Settled 0, left 1 in progress')
  })

  it.concurrent("touches no look-alike: another app's check, or ours with a malformed external_id", async () => {
    const sim = await startSimulator()
    const github = await startGitHub()
    github.addCommit(REPO, { sha: SHA })
    const ended = sim.addRun({ pipeline_id: PIPELINE }, { outcome: 'succeeded' })
    const theirs = github.addCheckRun({
      repo: REPO,
      headSha: SHA,
      name: checkRunName('nightly'),
      app: 'other-app',
      status: 'in_progress',
      externalId: externalIdFor({ kind: 'pipeline', target: PIPELINE, run: ended })
    })
    const malformed = github.addCheckRun({
      repo: REPO,
      headSha: SHA,
      name: checkRunName('nightly'),
      status: 'in_progress',
      externalId: `codeocean-run/v1?kind=pipeline&target=${PIPELINE}&run=${ended}&extra=1`
    })

    const run = await settle(sim, github)
    expect(run.exitCode).toBe(0)
    expect([theirs.status, malformed.status]).toEqual(['in_progress', 'in_progress'])
    expect(github.requestCount()).toBe(1)
    expect(sim.requests).toHaveLength(0)
    expect(run.summary).toContain('skipped 2')
  })

  it.concurrent(
    'settles two matrix legs on one commit each with its own conclusion, and a deleted run as cancelled',
    async () => {
      const sim = await startSimulator()
      const github = await startGitHub()
      github.addCommit(REPO, { sha: SHA })
      const legA = sim.addRun({ pipeline_id: PIPELINE }, { outcome: 'succeeded' })
      const legB = sim.addRun({ capsule_id: CAPSULE }, { outcome: 'exit-code' })
      const a = ourCheck(github, legA, 'leg a')
      const b = ourCheck(github, legB, 'leg b', SHA, 'capsule')
      const gone = ourCheck(github, GONE, 'stopped one')
      // A run of a pipeline this deployment does not know either (as from a wrong
      // `domain`): its 404 proves nothing, so the check is left as it is.
      const elsewhere = github.addCheckRun({
        repo: REPO,
        headSha: SHA,
        name: checkRunName('from another deployment'),
        status: 'in_progress',
        externalId: externalIdFor({ kind: 'pipeline', target: 'ffffffff-0000-4000-8000-000000000000', run: GONE })
      })

      const run = await settle(sim, github)
      expect(run.exitCode).toBe(0)
      expect([a.conclusion, b.conclusion, gone.conclusion]).toEqual(['success', 'failure', 'cancelled'])
      expect(gone.output.title).toBe('Code Ocean run no longer exists')
      expect(gone.output.summary).toContain('no longer exists')
      expect(elsewhere.status).toBe('in_progress')
      expect(run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toContainEqual(
        expect.stringContaining('is `domain` the deployment that ran it?')
      )
      expect(patches(github)).toBe(3)
    }
  )

  it.concurrent('warns, naming the commit, when it has more check suites than the query reads', async () => {
    const sim = await startSimulator()
    const github = await startGitHub()
    github.addCommit(REPO, { sha: SHA })
    // Every workflow run makes a suite: here the suites before ours fill the query's page.
    for (let i = 0; i < DISCOVERY_PAGE.suites; i++) {
      github.addCheckRun({ repo: REPO, headSha: SHA, name: 'build', app: `workflow-${i}`, status: 'in_progress' })
    }
    const ended = sim.addRun({ pipeline_id: PIPELINE }, { outcome: 'succeeded' })
    const hidden = ourCheck(github, ended, 'nightly')

    const run = await settle(sim, github)
    expect(run.exitCode).toBe(0)
    expect(hidden.status).toBe('in_progress')
    expect(run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
      `Commit ${SHA} has more check suites than the ${DISCOVERY_PAGE.suites} a settle reads, or more than ` +
        `${DISCOVERY_PAGE.runs} check runs in progress in one suite: a check of this action there may not be ` +
        'settled this time, nor later while GitHub lists it beyond those.'
    ])
  })

  it.concurrent('with nothing pending, makes exactly one GitHub call and none to Code Ocean', async () => {
    const sim = await startSimulator()
    const github = await startGitHub()
    github.addCommit(REPO, { sha: SHA })
    github.addCheckRun({ repo: REPO, headSha: SHA, name: 'build', conclusion: 'success' })

    const run = await settle(sim, github)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(github.requestCount()).toBe(1)
    expect(github.requestCount('POST', /^\/graphql$/)).toBe(1)
    expect(sim.requests).toHaveLength(0)
  })
})
