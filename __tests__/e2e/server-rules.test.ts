/**
 * Code Ocean's documented rules, end to end (the committed bundle against the
 * simulator): capture tags never empty, fields the SDK's models make optional
 * (a listed file's size, a run's has_results), the stop after a timeout, and runs
 * of a release version that only admins may rename or stop.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from '@jest/globals'
import type { CodeOceanSimulator } from '../../sim/simulator.js'
import { startSimulator } from '../support/simulators.js'
import { PIPELINE, runAgainst } from '../support/action.js'
import { renderGfm, visibleText } from '../support/rendered-markdown.js'

/** The summary as a reader sees it, rendered (without the joiners that keep @ and # from notifying). */
const shown = (markdown: string): string => visibleText(renderGfm(markdown)).replace(/\u200d/g, '')

const RELEASE_RULE =
  'Runs of a release version are owned by `release` in Code Ocean, and only admins may rename or delete (stop) them.'

const deletes = (sim: CodeOceanSimulator): number => sim.requests.filter((r) => r.method === 'DELETE').length

// capture tags
it.concurrent('sends the default tag when capture-tags is empty, never []', async () => {
  const sim = await startSimulator()
  const run = await runAgainst(sim, { 'capture-results': 'Nightly results' })
  expect(run.exitCode).toBe(0)
  const post = sim.requests.find((r) => r.path === '/api/v1/data_assets')
  expect(post?.body).toMatchObject({ name: 'Nightly results', tags: ['github-actions'] })
  expect(run.outputs['data-asset-id']).toBe(sim.dataAssets()[0].id)
})

// fields that Code Ocean may leave out
it.concurrent('downloads files listed without a size, checked against Content-Length', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, {
    results: [
      { path: 'output', content: 'working\nDone.\n', unlistedSize: true },
      { path: 'data/table.csv', size: 70_000, unlistedSize: true },
      { path: 'empty.txt', unlistedSize: true }
    ]
  })
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(0)
  const listing = sim.requests.find((r) => r.path.endsWith('/results') && r.method === 'POST')
  expect(listing).toBeDefined()
  expect(run.outputs['result-files']).toBe('3')
  const folder = run.outputs['results-path']
  expect(readFileSync(join(folder, 'output'), 'utf8')).toBe('working\nDone.\n')
  expect(readFileSync(join(folder, 'data/table.csv'))).toHaveLength(70_000)
  expect(readFileSync(join(folder, 'empty.txt'))).toHaveLength(0)
  expect(run.log).toContain(`Downloaded 3 files (68.4 KiB) into ${folder}`)
  // Sizes unknown, the bytes could be many: they go through the worker thread.
  expect(run.log).toContain('Downloading 0 B and files of unknown size in a worker thread with a heap of its own')
})

it.concurrent('refuses a file listed without a size whose transfer breaks off', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { results: [{ path: 'data/table.csv', size: 70_000, unlistedSize: true }] })
  sim.failNextDownload({ path: 'data/table.csv' }, { truncateAfterBytes: 1_000 }, 3)
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(1)
  expect(run.annotations.find((a) => a.level === 'error')?.message).toContain(
    'Could not download result "data/table.csv"'
  )
  expect(existsSync(join(run.workspace, 'results', 'data', 'table.csv'))).toBe(false)
  // In the worker (sizes unknown), a broken-off transfer still comes back as worth another try.
  expect(run.log).toContain('Downloading 0 B and files of unknown size in a worker thread with a heap of its own')
  expect(run.log.some((line) => line.includes('trying again with a fresh link (attempt 3 of 3)'))).toBe(true)
  expect(sim.storeRequests).toHaveLength(3)
})

it.concurrent('lists the results of a run that does not say whether it has any', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { omitHasResults: true, results: [{ path: 'output', content: 'Done.\n' }] })
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(0)
  expect(JSON.parse(run.outputs.computation)).not.toHaveProperty('has_results')
  expect(run.outputs['result-files']).toBe('1')
  expect(readFileSync(join(run.outputs['results-path'], 'output'), 'utf8')).toBe('Done.\n')
})

it.concurrent('takes an empty listing of such a run to mean it has no results', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { omitHasResults: true, results: [] })
  const run = await runAgainst(sim, { 'download-results': 'results', 'capture-results': 'Nightly' })
  expect(run.exitCode).toBe(0)
  expect(sim.listingCalls()).toBe(1)
  expect(sim.requests.some((r) => r.path === '/api/v1/data_assets')).toBe(false)
  expect(shown(run.summary)).toContain('The run has no results, so nothing was downloaded.')
  expect(shown(run.summary)).toContain('The run has no results, so nothing was captured.')
})

// stopping
it.concurrent('gives the stop after a timeout the ordinary retries, not the cancel budget', async () => {
  const sim = await startSimulator({ defaultOutcome: 'never-ends' })
  // Two failures would exhaust the cancel budget (two attempts); the ordinary one rides them out.
  sim.failNext({ method: 'DELETE' }, { status: 503 }, 2)
  const run = await runAgainst(sim, { 'wait-timeout': '0.1', 'stop-on-timeout': 'true' })
  expect(run.exitCode).toBe(1)
  expect(run.outputs.status).toBe('timed-out')
  expect(deletes(sim)).toBe(3)
  expect(run.annotations.find((a) => a.level === 'error')?.message).toContain('The run was stopped')
  expect(sim.activeRuns()).toEqual([])
})

// runs of a release version
it.concurrent('explains a refused rename: only admins may rename them', async () => {
  const sim = await startSimulator()
  const run = await runAgainst(sim, { version: '2', 'run-name': 'nightly', wait: 'false' })
  expect(run.exitCode).toBe(0)
  const warnings = run.annotations.filter((a) => a.level === 'warning')
  expect(warnings).toHaveLength(1)
  expect(warnings[0].message).toContain("Could not name the run 'nightly'")
  expect(warnings[0].message).toContain('HTTP 403')
  expect(warnings[0].message).toContain(RELEASE_RULE)
})

it.concurrent('renames them without a word when the token belongs to an admin', async () => {
  const sim = await startSimulator({ admin: true })
  const run = await runAgainst(sim, { version: '2', 'run-name': 'nightly', wait: 'false' })
  expect(run.exitCode).toBe(0)
  expect(run.annotations.filter((a) => a.level === 'warning')).toEqual([])
  expect(run.outputs.name).toBe('nightly')
})

it.concurrent('explains a refused stop, and the summary says the run could not be stopped', async () => {
  const sim = await startSimulator({ defaultOutcome: 'never-ends' })
  const run = await runAgainst(sim, { version: '2', 'wait-timeout': '0.1', 'stop-on-timeout': 'true' })
  expect(run.exitCode).toBe(1)
  expect(run.outputs.status).toBe('timed-out')
  // A 403 is final: no retries.
  expect(deletes(sim)).toBe(1)
  const error = run.annotations.find((a) => a.level === 'error')?.message ?? ''
  expect(error).toContain('The run could not be stopped')
  expect(error).toContain(RELEASE_RULE)
  expect(shown(run.summary)).toContain('The run could not be stopped')
  expect(shown(run.summary)).toContain('only admins may rename or delete (stop) them')
  expect(sim.activeRuns()).toHaveLength(1)
})
