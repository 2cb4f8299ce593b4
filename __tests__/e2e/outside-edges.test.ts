/**
 * What a server, a store or another user can do at the edges of a step, end to end (the
 * bundle of the current src/ against the simulator): a stop on cancel that Code Ocean
 * asks to retry much later, a run with this step's name that someone else started, a
 * download link or a store redirect to a link-local address, and an after-run phase
 * that a slow server would stretch out for hours.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from '@jest/globals'
import type { CodeOceanSimulator, RecordedRequest } from '../../sim/simulator.js'
import { DEFAULT_CONTEXT } from '../../harness/runner.js'
import { startSimulator } from '../support/simulators.js'
import { calls, errorOf, HOUR, msFromFirstSignalToExit, PIPELINE, postOf, runAgainst } from '../support/action.js'
import { renderGfm, visibleText } from '../support/rendered-markdown.js'

/** The summary as a reader sees it, rendered (without the joiners that keep @ and # from notifying). */
const shown = (markdown: string): string => visibleText(renderGfm(markdown)).replace(/\u200d/g, '')

const DEFAULT_RUN_NAME = `${DEFAULT_CONTEXT.GITHUB_REPOSITORY}@${DEFAULT_CONTEXT.GITHUB_SHA.slice(0, 7)} ${DEFAULT_CONTEXT.GITHUB_WORKFLOW} #${DEFAULT_CONTEXT.GITHUB_RUN_NUMBER}`
/** A colleague's user id: someone else with access to the same pipeline. */
const COLLEAGUE = { id: '0c1d2e3f-4a5b-4c6d-8e7f-a0b1c2d3e4f5' }
/** The cloud metadata service's address: link-local, never a place for results. */
const METADATA = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'

const starts = (sim: CodeOceanSimulator): RecordedRequest[] =>
  sim.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/computations')

// stopping on cancel
it.concurrent(
  'a stop answered 503 with Retry-After: 30 keeps to the cancel budget: summary written before SIGTERM; the post step keeps to its own',
  async () => {
    const sim = await startSimulator({
      phases: [
        { state: 'initializing', ms: 50 },
        { state: 'running', ms: HOUR }
      ],
      defaultOutcome: 'never-ends'
    })
    sim.failNext({ method: 'DELETE' }, { status: 503, headers: { 'Retry-After': '30' } }, 20)
    const run = await runAgainst(sim, {}, { cancel: { whenStdoutMatches: /Run is running/ } })
    expect(run.signalsSent.map((s) => s.signal)).toEqual(['SIGINT'])
    expect(msFromFirstSignalToExit(run)).toBeLessThan(7_500)
    expect(run.outputs.status).toBe('cancelled')
    expect(errorOf(run)).toContain('The run could not be stopped')
    expect(errorOf(run)).toContain('Retry-After')
    expect(errorOf(run)).toContain('The post step will try again.')
    expect(shown(run.summary)).toContain('The workflow was cancelled while waiting for Code Ocean run')

    const post = await postOf(sim, run)
    expect(post.exitCode).toBe(0)
    expect(post.durationMs).toBeLessThan(10_000)
    const warning = post.annotations.find((a) => a.level === 'warning')?.message ?? ''
    expect(warning).toContain('Could not stop Code Ocean run')
    expect(warning).toContain('Retry-After')
    // One stop in the main step, one in the post step: neither waited out the 30 s.
    expect(calls(sim, 'DELETE')).toHaveLength(2)
  }
)

// resume-on-rerun
it.concurrent("never resumes from another user's run that carries this step's run name", async () => {
  const sim = await startSimulator()
  const pipeline = { pipeline_id: PIPELINE }
  const ours = sim.addRun(pipeline, { name: DEFAULT_RUN_NAME, outcome: 'failed', agoMs: 600_000 })
  // Newer, failed, with the same default name: but a colleague started it.
  const theirs = sim.addRun(pipeline, { name: DEFAULT_RUN_NAME, outcome: 'failed', agoMs: 60_000, owner: COLLEAGUE })
  const run = await runAgainst(
    sim,
    { 'pipeline-id': PIPELINE, 'resume-on-rerun': 'true', wait: 'false' },
    { env: { GITHUB_RUN_ATTEMPT: '2' } }
  )
  expect(run.exitCode).toBe(0)
  expect(starts(sim)).toHaveLength(1)
  expect(starts(sim)[0].body).not.toHaveProperty('resume_run_id')
  const summary = shown(run.summary)
  expect(summary).toContain('the run starts fresh')
  expect(summary).toContain(ours)
  expect(summary).toContain(theirs)
})

// the object store's address
it.concurrent(
  'refuses a download link to a link-local address (a cloud metadata service): no connection, nothing written',
  async () => {
    const sim = await startSimulator()
    sim.program(PIPELINE, { outcome: 'succeeded', results: [{ path: 'data/table.csv', size: 100 }] })
    sim.failNext({ method: 'GET', path: /\/results\/urls$/ }, { status: 200, body: { download_url: METADATA } }, 5)
    const run = await runAgainst(sim, { 'download-results': 'results' })
    expect(run.exitCode).toBe(1)
    const error = errorOf(run)
    expect(error).toContain('Could not download result "data/table.csv"')
    expect(error).toContain('169.254.169.254')
    expect(error).toContain('the download link was refused: http://169.254.169.254 is a link-local address')
    expect(existsSync(join(run.workspace, 'results', 'data', 'table.csv'))).toBe(false)
    expect(sim.storeRequests).toHaveLength(0)
  }
)

it.concurrent('refuses a store redirect to a link-local address, even with a loopback domain', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { outcome: 'succeeded', results: [{ path: 'data/table.csv', size: 100 }] })
  sim.failNextDownload({ path: 'data/table.csv' }, { status: 302, headers: { Location: METADATA } }, 5)
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(1)
  const error = errorOf(run)
  expect(error).toContain('Could not download result "data/table.csv"')
  expect(error).toContain("the store's redirect was refused: http://169.254.169.254 is a link-local address")
  expect(existsSync(join(run.workspace, 'results', 'data', 'table.csv'))).toBe(false)
  // Final at once: a fresh link from the same store would be sent the same way.
  expect(sim.storeRequests).toHaveLength(1)
})

// results-timeout
it.concurrent(
  'results-timeout bounds what follows the run; the summary says which files were not downloaded',
  async () => {
    const sim = await startSimulator()
    const results = ['a.csv', 'b.csv', 'c.csv'].map((path) => ({ path, size: 100 }))
    sim.program(PIPELINE, { outcome: 'succeeded', results })
    // A store that answers each file just inside the action's own per-transfer deadline.
    sim.failNextDownload({}, { passThrough: true, delayMs: 30_000 }, 10)
    const run = await runAgainst(sim, { 'download-results': 'results', 'results-timeout': '0.05' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('failed')
    // Each file alone would take 30 s: the bound, not the store, ended the step.
    expect(run.durationMs).toBeLessThan(25_000)
    const summary = shown(run.summary)
    expect(summary).toContain('results-timeout')
    expect(summary).toContain('The results-timeout (0.05 min) ran out during the download')
    expect(summary).toContain('3 of 3 files were not downloaded: "a.csv", "b.csv", "c.csv".')
    expect(errorOf(run)).toContain('results-timeout: 0.05')
    expect(existsSync(join(run.workspace, 'results', 'a.csv'))).toBe(false)
  }
)
