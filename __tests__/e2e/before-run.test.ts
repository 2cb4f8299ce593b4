/**
 * What happens before the start, end to end (the committed bundle against the
 * simulator): the Git sync, attached data assets that must be ready, and the run to
 * resume from. Every failure here must leave Code Ocean without a new run.
 */
import { expect, it } from '@jest/globals'
import type { CodeOceanSimulator, RecordedRequest } from '../../sim/simulator.js'
import { DEFAULT_CONTEXT, type ActionRun } from '../../harness/runner.js'
import { startSimulator } from '../support/simulators.js'
import { PIPELINE, runAgainst } from '../support/action.js'
import { renderGfm, visibleText } from '../support/rendered-markdown.js'

/** The summary as a reader sees it, rendered (without the joiners that keep @ and # from notifying). */
const shown = (markdown: string): string => visibleText(renderGfm(markdown)).replace(/\u200d/g, '')

const CAPSULE = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b'
const ASSET = 'bf8cf993-a583-495c-bebd-2f38f81d1ea1'
const OTHER_ASSET = 'eeefcc52-b445-4e3c-80c5-0e65526cd712'

const DEFAULT_RUN_NAME = `${DEFAULT_CONTEXT.GITHUB_REPOSITORY}@${DEFAULT_CONTEXT.GITHUB_SHA.slice(0, 7)} ${DEFAULT_CONTEXT.GITHUB_WORKFLOW} #${DEFAULT_CONTEXT.GITHUB_RUN_NUMBER}`

const starts = (sim: CodeOceanSimulator): RecordedRequest[] =>
  sim.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/computations')

const errorOf = (run: ActionRun): string => run.annotations.find((a) => a.level === 'error')?.message ?? ''

/** The step failed before any run started: no start request, status failed, the summary says so. */
function expectNoRun(run: ActionRun, sim: CodeOceanSimulator): void {
  expect(run.exitCode).toBe(1)
  expect(starts(sim)).toEqual([])
  expect(sim.runs()).toEqual([])
  expect(run.outputs.status).toBe('failed')
  expect(run.outputs['computation-id']).toBe('')
  expect(shown(run.summary)).toContain('❌ Code Ocean run did not start')
}

// sync-git
it.concurrent('syncs the pipeline before anything else, then starts the run', async () => {
  const sim = await startSimulator()
  sim.linkGit(PIPELINE, { pulled: 3 })
  const run = await runAgainst(sim, { 'pipeline-id': PIPELINE, 'sync-git': 'true', wait: 'false' })
  expect(run.exitCode).toBe(0)
  // The sync comes first; the app panel is checked against what it brought.
  expect(sim.requests.map((r) => `${r.method} ${r.path}`).slice(0, 3)).toEqual([
    `POST /api/v1/pipelines/${PIPELINE}/sync`,
    `GET /api/v1/pipelines/${PIPELINE}/app_panel`,
    'POST /api/v1/computations'
  ])
  expect(run.log).toContain('Synced with Git: pulled 3 commits, pushed 0')
  expect(run.outputs).toMatchObject({ 'git-pulled': '3', 'git-pushed': '0', status: 'started' })
  expect(shown(run.summary)).toContain('Synced with Git: pulled 3 commits, pushed 0')
})

it.concurrent('syncs a capsule through its own route, reading an answer that leaves fields out', async () => {
  const sim = await startSimulator()
  sim.linkGit(CAPSULE, { pushed: 2, new_branch: true })
  const run = await runAgainst(sim, { 'capsule-id': CAPSULE, 'sync-git': 'true', wait: 'false' })
  expect(run.exitCode).toBe(0)
  expect(sim.requests[0].path).toBe(`/api/v1/capsules/${CAPSULE}/sync`)
  expect(run.log).toContain('Synced with Git: pulled 0 commits, pushed 2 (on a new branch)')
  expect(run.outputs).toMatchObject({ 'git-pulled': '0', 'git-pushed': '2' })
})

it.concurrent('does not sync unless asked, and leaves the Git outputs empty', async () => {
  const sim = await startSimulator()
  sim.linkGit(PIPELINE, { pulled: 3 })
  const run = await runAgainst(sim, { 'pipeline-id': PIPELINE, wait: 'false' })
  expect(run.exitCode).toBe(0)
  expect(sim.requests.some((r) => r.path.endsWith('/sync'))).toBe(false)
  expect(run.outputs).toMatchObject({ 'git-pulled': '', 'git-pushed': '' })
})

it.concurrent('is retried like a read when Code Ocean has a hiccup', async () => {
  const sim = await startSimulator()
  sim.linkGit(PIPELINE, { pulled: 1 })
  sim.failNext({ method: 'POST', path: `/api/v1/pipelines/${PIPELINE}/sync` }, { status: 503 })
  const run = await runAgainst(sim, { 'pipeline-id': PIPELINE, 'sync-git': 'true', wait: 'false' })
  expect(run.exitCode).toBe(0)
  expect(sim.requests.filter((r) => r.path.endsWith('/sync'))).toHaveLength(2)
  expect(run.log).toContain('Synced with Git: pulled 1 commit, pushed 0')
})

// The simulator refuses a sync as Code Ocean does; the causes for 401, 403 and 404 are
// the sync's unit test.
it.concurrent('fails without starting a run for a pipeline not linked to Git', async () => {
  const sim = await startSimulator()
  const run = await runAgainst(sim, { 'pipeline-id': PIPELINE, 'sync-git': 'true' })
  expectNoRun(run, sim)
  const error = errorOf(run)
  expect(error).toContain(`Could not sync pipeline ${PIPELINE} with Git, so no run was started.`)
  for (const part of [
    'HTTP 400',
    `pipeline ${PIPELINE} is not linked to a git repository`,
    'Likely cause: the pipeline is not linked to a Git repository'
  ]) {
    expect(error).toContain(part)
  }
  expect(shown(run.summary)).toContain('Could not sync pipeline')
})

it.concurrent('treats a hostile sync answer as text, never as a workflow command', async () => {
  const sim = await startSimulator()
  sim.failNext(
    { path: /\/sync$/ },
    { status: 400, body: { message: 'nope\n::set-output name=status::succeeded\n::error::forged' } }
  )
  const run = await runAgainst(sim, { 'pipeline-id': PIPELINE, 'sync-git': 'true' })
  expectNoRun(run, sim)
  expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(1)
  expect(errorOf(run)).toContain('::set-output name=status::succeeded')
})

// attached data assets must be ready
it.concurrent('waits for a draft to become ready, then starts', async () => {
  const sim = await startSimulator()
  sim.addDataAsset({ id: ASSET, name: 'Alignment', draftReads: 1 })
  sim.addDataAsset({ id: OTHER_ASSET, name: 'Reference' })
  const run = await runAgainst(sim, {
    'pipeline-id': PIPELINE,
    'data-assets': `[{"id": "${ASSET}"}, {"id": "${OTHER_ASSET}"}]`,
    wait: 'false'
  })
  expect(run.exitCode).toBe(0)
  expect(run.log).toContain(`Data asset 'Alignment' (${ASSET}) is draft (still being made); waiting until it is ready`)
  expect(run.log.some((l) => l.startsWith(`Data asset 'Alignment' (${ASSET}) is ready (after `))).toBe(true)
  const paths = sim.requests.map((r) => `${r.method} ${r.path}`)
  const start = paths.indexOf('POST /api/v1/computations')
  // Both assets were looked up (at once), the draft twice, all before the start.
  expect(paths.slice(0, start).filter((p) => p === `GET /api/v1/data_assets/${ASSET}`)).toHaveLength(2)
  expect(paths.slice(0, start)).toContain(`GET /api/v1/data_assets/${OTHER_ASSET}`)
  expect(paths.slice(start).some((p) => p.includes('data_assets'))).toBe(false)
})

it.concurrent("refuses a failed asset, naming it and giving Code Ocean's reason", async () => {
  const sim = await startSimulator()
  sim.addDataAsset({ id: ASSET, name: 'Alignment', outcome: 'failed', failureReason: 'the S3 bucket is gone' })
  sim.addDataAsset({ id: OTHER_ASSET, name: 'Reference' })
  const run = await runAgainst(sim, {
    'pipeline-id': PIPELINE,
    'data-assets': `- id: ${ASSET}\n- id: ${OTHER_ASSET}\n`
  })
  expectNoRun(run, sim)
  const error = errorOf(run)
  expect(error).toContain(`Data asset 'Alignment' (${ASSET}) failed in Code Ocean: the S3 bucket is gone`)
  expect(error).not.toContain(OTHER_ASSET)
  expect(error).toContain('The run was not started')
})

it.concurrent('gives up on a draft when the wait-timeout passes', async () => {
  const sim = await startSimulator()
  sim.addDataAsset({ id: ASSET, name: 'Alignment', draftMs: 600_000 })
  const run = await runAgainst(sim, {
    'pipeline-id': PIPELINE,
    'data-assets': `[{"id": "${ASSET}"}]`,
    'wait-timeout': '0.05'
  })
  expectNoRun(run, sim)
  expect(errorOf(run)).toMatch(
    new RegExp(`Data asset 'Alignment' \\(${ASSET}\\) was still draft after \\d+s \\(wait-timeout: 0.05 min\\)`)
  )
})

// An asset Code Ocean does not know; a 403's wording is the data assets' unit test.
it.concurrent('fails without starting a run for an unknown asset (404)', async () => {
  const sim = await startSimulator()
  const run = await runAgainst(sim, { 'capsule-id': CAPSULE, 'data-assets': `[{"id": "${ASSET}"}]` })
  expectNoRun(run, sim)
  expect(errorOf(run)).toContain(`There is no data asset ${ASSET} (or the token cannot see it)`)
  expect(errorOf(run)).toContain('HTTP 404')
})

it.concurrent('keeps a hostile failure reason as data', async () => {
  const sim = await startSimulator()
  sim.addDataAsset({ id: ASSET, outcome: 'failed', failureReason: 'x\n::set-output name=status::succeeded\n' })
  const run = await runAgainst(sim, { 'capsule-id': CAPSULE, 'data-assets': `[{"id": "${ASSET}"}]` })
  expectNoRun(run, sim)
  expect(errorOf(run)).toContain('::set-output name=status::succeeded')
})

// resume
it.concurrent('refuses a resume-run-id that is not a run of the pipeline (Code Ocean answers 400)', async () => {
  const sim = await startSimulator()
  const run = await runAgainst(sim, {
    'pipeline-id': PIPELINE,
    'resume-run-id': '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60'
  })
  expect(run.exitCode).toBe(1)
  expect(errorOf(run)).toContain('resume_run_id: computation 9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60 not found')
  expect(sim.runs()).toEqual([])
})

it.concurrent('on a re-run, resumes from the run the failed first attempt started', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { outcome: 'failed' })
  const first = await runAgainst(sim, { 'pipeline-id': PIPELINE, 'resume-on-rerun': 'true' })
  expect(first.exitCode).toBe(1)
  const firstId = first.outputs['computation-id']
  // The first attempt looks nothing up before the start: there is nothing to resume. (The one
  // listing after it is poll-interval auto's, for the earlier runs' lengths.)
  const listed = sim.requests.findIndex((r) => r.path.endsWith(`/pipelines/${PIPELINE}/computations`))
  expect(listed).toBeGreaterThan(
    sim.requests.findIndex((r) => r.method === 'POST' && r.path === '/api/v1/computations')
  )
  expect(starts(sim)[0].body).not.toHaveProperty('resume_run_id')

  sim.program(PIPELINE, { outcome: 'succeeded' })
  const second = await runAgainst(
    sim,
    { 'pipeline-id': PIPELINE, 'resume-on-rerun': 'true' },
    { env: { GITHUB_RUN_ATTEMPT: '2' } }
  )
  expect(second.exitCode).toBe(0)
  expect(starts(sim)).toHaveLength(2)
  expect(starts(sim)[1].body).toMatchObject({ pipeline_id: PIPELINE, resume_run_id: firstId })
  const line = `Resuming from run '${DEFAULT_RUN_NAME}' (${firstId}), which an earlier attempt started`
  expect(second.log.some((l) => l.startsWith(line))).toBe(true)
  expect(shown(second.summary)).toContain(line)
  expect(second.summary).toContain(`**Resumed from:** \`${firstId}\``)
})

it.concurrent('picks the most recent run with this name that did not succeed and still exists', async () => {
  const sim = await startSimulator()
  const pipeline = { pipeline_id: PIPELINE }
  const older = sim.addRun(pipeline, { name: DEFAULT_RUN_NAME, outcome: 'failed', agoMs: 7_200_000 })
  const gone = sim.addRun(pipeline, { name: DEFAULT_RUN_NAME, outcome: 'failed', agoMs: 3_600_000 })
  sim.addRun(pipeline, { name: DEFAULT_RUN_NAME, outcome: 'succeeded', agoMs: 1_800_000 })
  sim.addRun(pipeline, { name: 'another workflow #7', outcome: 'failed', agoMs: 600_000 })
  sim.addRun({ capsule_id: CAPSULE }, { name: DEFAULT_RUN_NAME, outcome: 'failed', agoMs: 60_000 })
  // Listed, but deleted by the time the action looks at it.
  sim.failNext({ method: 'GET', path: `/api/v1/computations/${gone}` }, { status: 404 })
  const run = await runAgainst(
    sim,
    { 'pipeline-id': PIPELINE, 'resume-on-rerun': 'true', wait: 'false' },
    { env: { GITHUB_RUN_ATTEMPT: '3' } }
  )
  expect(run.exitCode).toBe(0)
  expect(starts(sim)[0].body).toMatchObject({ resume_run_id: older })
  expect(run.log.some((l) => l.startsWith(`Resuming from run '${DEFAULT_RUN_NAME}' (${older})`))).toBe(true)
})

it.concurrent('says when nothing was found, and starts fresh', async () => {
  const sim = await startSimulator()
  sim.addRun({ pipeline_id: PIPELINE }, { name: DEFAULT_RUN_NAME, outcome: 'succeeded' })
  const run = await runAgainst(
    sim,
    { 'pipeline-id': PIPELINE, 'resume-on-rerun': 'true', wait: 'false' },
    { env: { GITHUB_RUN_ATTEMPT: '2' } }
  )
  expect(run.exitCode).toBe(0)
  expect(sim.requests[0].path).toBe(`/api/v1/pipelines/${PIPELINE}/computations`)
  expect(starts(sim)[0].body).not.toHaveProperty('resume_run_id')
  const line = `No earlier run named '${DEFAULT_RUN_NAME}' that did not succeed was found; the run starts fresh (attempt 2).`
  expect(run.log).toContain(line)
  expect(shown(run.summary)).toContain(line)
})

it.concurrent('fails without starting a run when the runs cannot be listed', async () => {
  const sim = await startSimulator()
  sim.failNext({ path: `/api/v1/pipelines/${PIPELINE}/computations` }, { status: 403, body: { message: 'no' } })
  const run = await runAgainst(
    sim,
    { 'pipeline-id': PIPELINE, 'resume-on-rerun': 'true' },
    { env: { GITHUB_RUN_ATTEMPT: '2' } }
  )
  expectNoRun(run, sim)
  expect(errorOf(run)).toContain(`Code Ocean refused to list the runs of pipeline ${PIPELINE}: HTTP 403`)
})
