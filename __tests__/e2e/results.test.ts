/**
 * Results, end to end: the committed bundle on Node 24, run as the runner runs it,
 * against the simulator and its object store.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from '@jest/globals'
import { marked } from 'marked'
import { expectedContent, type ResultSpec } from '../../sim/results.js'
import { links, renderGfm, seenText, visibleText } from '../support/rendered-markdown.js'
import { DEFAULT_CONTEXT, runAction } from '../../harness/runner.js'
import { expectNoToken, startSimulator } from '../support/simulators.js'
import { PIPELINE, runAgainst } from '../support/action.js'

/** Every file under `dir`, as relative paths. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`]
  })
}

const TREE: ResultSpec[] = [
  { path: 'output', content: 'starting\nworking\nDone.\n' },
  { path: 'empty.txt' },
  { path: 'data/summary.csv', size: 5_000 },
  { path: 'data/nested/deeper/deep.bin', size: 300_000 },
  { path: 'figures/plot.png', size: 12_345 },
  { path: 'tmp/cache.bin', size: 1_000 }
]

// downloading results
it.concurrent('downloads the whole tree, byte for byte, and never sends the token to the store', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { outcome: 'succeeded', results: TREE })
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(0)
  const folder = run.outputs['results-path']
  expect(folder).toBe(join(run.workspace, 'results'))
  expect(run.outputs['result-files']).toBe(String(TREE.length))
  expect(filesUnder(folder).sort()).toEqual(TREE.map((f) => f.path).sort())
  for (const spec of TREE) expect(readFileSync(join(folder, spec.path)).equals(expectedContent(spec))).toBe(true)
  // One listing per folder: the root, data, data/nested, data/nested/deeper, figures, tmp.
  expect(sim.requests.filter((r) => r.path.endsWith('/results'))).toHaveLength(6)
  expect(sim.storeRequests.length).toBeGreaterThanOrEqual(TREE.length)
})

it.concurrent('applies results-filter, with ! excluding', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { outcome: 'succeeded', results: TREE })
  const run = await runAgainst(sim, { 'download-results': 'out', 'results-filter': '**/*.bin\ndata/**\n!tmp/**' })
  expect(run.exitCode).toBe(0)
  expect(filesUnder(run.outputs['results-path']).sort()).toEqual(['data/nested/deeper/deep.bin', 'data/summary.csv'])
  expect(run.outputs['result-files']).toBe('2')
})

it.concurrent('downloads the results of a failed run, and shows the end of its console log', async () => {
  const sim = await startSimulator()
  const log = Array.from({ length: 150 }, (_, i) => `line ${i + 1}`)
    .concat(['Traceback (most recent call last):', 'ValueError: NumFiles must be positive', ''])
    .join('\n')
  sim.program(PIPELINE, {
    outcome: 'failed',
    results: [
      { path: 'output', content: log },
      { path: 'partial.csv', size: 100 }
    ]
  })
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(1)
  expect(run.outputs.status).toBe('failed')
  expect(filesUnder(run.outputs['results-path']).sort()).toEqual(['output', 'partial.csv'])
  expect(run.stdout).toContain("::group::Last 100 lines of the run's console log (output)")
  expect(run.log).toContain('line 53')
  expect(run.log).not.toContain('line 52')
  const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message)
  expect(errors).toContain('ValueError: NumFiles must be positive')
  expect(errors.some((e) => e.includes('failed: state completed, end status failed, exit code 1'))).toBe(true)
})

it.concurrent('tolerates a failed run that left no console log', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { outcome: 'failed', results: [{ path: 'partial.csv', size: 100 }] })
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(1)
  expect(run.stdout).not.toContain('::group::Last')
  expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(1)
  // Notes are plain text: shown escaped, as a reader sees them.
  expect(visibleText(renderGfm(run.summary))).toContain("The run left no console log ('output') among its results.")
})

it.concurrent('refuses a result path that climbs out of the folder, writing nothing outside it', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, {
    outcome: 'succeeded',
    results: [
      { path: 'ok.txt', size: 10 },
      { path: 'sub/../../escape.txt', size: 10 }
    ]
  })
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(1)
  expect(run.annotations.find((a) => a.level === 'error')?.message).toContain(
    'Refused the result path "sub/../../escape.txt"'
  )
  expect(existsSync(join(run.workspace, 'escape.txt'))).toBe(false)
  expect(filesUnder(run.workspace).filter((f) => f.includes('escape'))).toEqual([])
})

it.concurrent('retries a broken-off transfer with a fresh link and leaves no partial file', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { outcome: 'succeeded', results: [{ path: 'big.bin', size: 2_000_000 }] })
  sim.failNextDownload({ path: /big\.bin/ }, { truncateAfterBytes: 100_000 })
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(0)
  expect(filesUnder(run.outputs['results-path'])).toEqual(['big.bin'])
  expect(statSync(join(run.outputs['results-path'], 'big.bin')).size).toBe(2_000_000)
  expect(run.log.some((l) => l.includes('Downloading result "big.bin" failed') && l.includes('attempt 2 of 3'))).toBe(
    true
  )
  expect(sim.requests.filter((r) => r.path.endsWith('/results/urls'))).toHaveLength(2)
})

it.concurrent('asks for the next links while the transfers run, 8 at once', async () => {
  const sim = await startSimulator()
  const files = Array.from({ length: 28 }, (_, i) => ({ path: `f${String(i).padStart(2, '0')}.bin`, size: 1_000 }))
  sim.program(PIPELINE, { outcome: 'succeeded', results: files })
  // The first 12 files are held at the store for 3 s. Links come back in any order, and
  // a file goes as soon as its link is there, so which 8 of the 12 go first is a race; either
  // way, no 9th transfer can begin while they are held. (With a hold of 1 s, a loaded machine
  // once took longer than that to send the 8th, so only 7 were ever at the store at once.)
  const holdMs = 3_000
  sim.failNextDownload({ path: /^f(0\d|1[01])\.bin$/ }, { passThrough: true, delayMs: holdMs }, 12)
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(0)
  expect(filesUnder(run.outputs['results-path'])).toHaveLength(28)
  // 28 KB in all: no worker thread is worth starting for them.
  expect(run.log.filter((line) => line.includes('worker thread'))).toEqual([])
  expect(sim.storeMostInFlight).toBe(8)
  const ninthTransfer = sim.storeRequests[8].at
  const links = sim.requests.filter((r) => r.path.endsWith('/results/urls'))
  expect(links).toHaveLength(28)
  const fileNumber = (r: (typeof links)[number]): number => Number(/^f(\d\d)\.bin$/.exec(String(r.query.path))?.[1])
  // Before the 9th transfer began, the links of 20 files were asked for: 8 held, 4 handed
  // over to wait for a slot (see transfer-queue.ts), 8 more ahead of them.
  expect(links.filter((r) => fileNumber(r) < 20 && r.at < ninthTransfer)).toHaveLength(20)
  // And no further ahead: the 21st file's link waits until a held transfer has ended (each
  // is held from its start). Which comes first after that, the 9th transfer or the
  // next links, is a race, so it is not asserted.
  const heldUntil = sim.storeRequests[0].at + holdMs
  expect(links.filter((r) => fileNumber(r) >= 20 && r.at < heldUntil)).toEqual([])
})

it.concurrent('starts the download worker while a long run goes on, and the download takes it', async () => {
  // The worker starts once a followed run has gone on 10 s (follow.ts): this run takes 11.
  const sim = await startSimulator({ phases: [{ state: 'running', ms: 11_000 }] })
  const files = Array.from({ length: 64 }, (_, i) => ({ path: `w${String(i).padStart(2, '0')}.bin`, size: 1_000 }))
  sim.program(PIPELINE, { outcome: 'succeeded', results: files })
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(0)
  expect(filesUnder(run.outputs['results-path'])).toHaveLength(64)
  expect(run.log).toContain(
    'Downloading 62.5 KiB in a worker thread with a heap of its own, started while the run went on'
  )
})

it.concurrent('in the download worker, asks again for the links that grew stale while their files waited', async () => {
  // Links that live 4 s are used for 2 s; the first 12 files are held 3 s, so the 4
  // handed over to wait for a slot in the worker grow stale there. (With 1 s and 800 ms, a
  // busy machine took longer than a link lived to carry a request to the store.)
  const sim = await startSimulator({ signedUrlTtlMs: 4_000 })
  const files = Array.from({ length: 64 }, (_, i) => ({ path: `s${String(i).padStart(2, '0')}.bin`, size: 1_000 }))
  sim.program(PIPELINE, { outcome: 'succeeded', results: files })
  sim.failNextDownload({ path: /^s(0\d|1[01])\.bin$/ }, { passThrough: true, delayMs: 3_000 }, 12)
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(0)
  expect(filesUnder(run.outputs['results-path'])).toHaveLength(64)
  // 64 files: the worker ran the transfers, and the stale links were told across threads.
  expect(run.log.some((line) => line.includes('in a worker thread'))).toBe(true)
  const links = sim.requests.filter((r) => r.path.endsWith('/results/urls'))
  expect(links.length).toBeGreaterThanOrEqual(64 + 4)
  // No stale link was used up a try, and a link was sent to the store only young: one store
  // request per file, but for a link that aged past its 4 s on the way there on a loaded
  // machine, which the store refuses and the log tells (asked for again, not a try).
  expect(run.log.some((l) => l.includes('attempt 2 of 3'))).toBe(false)
  const renewals = run.log.filter((l) => /The link to result "s\d\d\.bin" was refused/.test(l)).length
  expect(sim.storeRequests).toHaveLength(64 + renewals)
})

it.concurrent('asks again for a link the store refuses as expired, without using up a try', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { outcome: 'succeeded', results: [{ path: 'late.bin', size: 5_000 }] })
  sim.failNextDownload(
    { path: 'late.bin' },
    {
      status: 403,
      contentType: 'application/xml',
      body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>'
    }
  )
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(0)
  expect(statSync(join(run.outputs['results-path'], 'late.bin')).size).toBe(5_000)
  expect(run.log).toContain(
    'The link to result "late.bin" was refused (the store answered HTTP 403: AccessDenied: Request has expired); asking for a fresh one'
  )
  expect(run.log.some((l) => l.includes('attempt 2 of 3'))).toBe(false)
})

it.concurrent('gives up after three broken transfers, leaving no file under its final name', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { outcome: 'succeeded', results: [{ path: 'big.bin', size: 500_000 }] })
  sim.failNextDownload({ path: /big\.bin/ }, { truncateAfterBytes: 1000 }, 3)
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(1)
  expect(run.outputs.status).toBe('failed')
  expect(run.annotations.find((a) => a.level === 'error')?.message).toContain('Could not download result "big.bin"')
  expect(filesUnder(join(run.workspace, 'results'))).toEqual([])
})

it.concurrent('falls back to the deprecated download_url on an older server', async () => {
  const sim = await startSimulator({ legacyServer: true })
  sim.program(PIPELINE, { outcome: 'succeeded', results: TREE.slice(0, 3) })
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(0)
  expect(filesUnder(run.outputs['results-path']).sort()).toEqual(['data/summary.csv', 'empty.txt', 'output'])
  expect(sim.requests.filter((r) => r.path.endsWith('/results/urls'))).toHaveLength(1)
  expect(sim.requests.filter((r) => r.path.endsWith('/results/download_url'))).toHaveLength(3)
})

// capturing results
it.concurrent('captures a successful run into a data asset with the tags given', async () => {
  const sim = await startSimulator()
  const run = await runAgainst(sim, {
    'capture-results': 'Nightly results',
    'capture-tags': 'ci, nightly\nalignment'
  })
  expect(run.exitCode).toBe(0)
  const [asset] = sim.dataAssets()
  expect(run.outputs['data-asset-id']).toBe(asset.id)
  const post = sim.requests.find((r) => r.path === '/api/v1/data_assets')
  expect(post?.body).toMatchObject({
    name: 'Nightly results',
    mount: 'Nightly_results',
    tags: ['ci', 'nightly', 'alignment'],
    source: { computation: { id: run.outputs['computation-id'] } }
  })
  expect(run.summary).toContain(`Captured the results as data asset Nightly results (\`${asset.id}\`)`)
})

it.concurrent('explains a capture that Code Ocean could not complete', async () => {
  const sim = await startSimulator({ dataAssetOutcome: 'failed' })
  const run = await runAgainst(sim, { 'capture-results': 'Nightly results' })
  expect(run.exitCode).toBe(1)
  expect(run.outputs.status).toBe('failed')
  expect(run.annotations.find((a) => a.level === 'error')?.message).toContain(
    "Code Ocean could not capture the results as data asset 'Nightly results'"
  )
})

// the job summary
const {
  GITHUB_SERVER_URL: SERVER,
  GITHUB_REPOSITORY: REPO,
  GITHUB_RUN_ID: RUN,
  GITHUB_RUN_ATTEMPT: ATTEMPT
} = DEFAULT_CONTEXT

it.concurrent.each([
  ['success', 'succeeded', { 'download-results': 'out' }, '✅ Code Ocean run succeeded', 'to out.'],
  // The reason: the console log's telling line, in a code block, right under the run's line.
  [
    'failure',
    'failed',
    { 'download-results': 'out' },
    '❌ Code Ocean run failed',
    'ValueError: simulated failure in analysis (exit code 1)'
  ],
  [
    'timeout',
    'never-ends',
    { 'wait-timeout': '0.1' },
    '⏱️ Timed out waiting for the Code Ocean run',
    '(wait-timeout: 0.1 min)'
  ],
  ['bad input', 'succeeded', { version: 'latest' }, '❌ Code Ocean run did not start', "Input 'version'"]
] as const)('is written on %s, the outcome and its reason first', async (name, outcome, inputs, headline, reason) => {
  const sim = await startSimulator({ defaultOutcome: outcome })
  const run = await runAgainst(sim, { ...inputs })
  const html = await marked.parse(run.summary, { gfm: true })
  expect(html).toContain(`<h2>${headline}</h2>`)
  const unfolded = seenText(html.replace(/<details>[\s\S]*?<\/details>/g, ''))
  expect(unfolded).toContain(reason)
  // The run's line gives the verdict once (a run that ended); the reason does not say it again.
  const ended = name === 'success' || name === 'failure'
  expect(unfolded.match(/end status/g) ?? []).toHaveLength(ended ? 1 : 0)
  expect(links(html)).toEqual([`${SERVER}/${REPO}/actions/runs/${RUN}/attempts/${ATTEMPT}`])
  // The runner's own folders (the harness's temporary workspace) never reach the page.
  expect(html).not.toContain(run.workspace)
  if (headline.includes('did not start')) return
  expect(html).toMatch(/<details>\s*<summary>Request and timing<\/summary>/)
  expect(html).toContain(`<code>${run.outputs['computation-id']}</code>`)
  expect(html).toContain(`<code>${PIPELINE}</code>`)
})

it.concurrent('is written on cancel', async () => {
  const sim = await startSimulator({
    phases: [{ state: 'initializing', ms: 3_600_000 }],
    defaultOutcome: 'never-ends'
  })
  const run = await runAction({
    inputs: { domain: sim.url, secret: sim.token, 'pipeline-id': PIPELINE },
    cancel: { whenStdoutMatches: /Run is initializing/ }
  })
  expect(run.summary).toContain('## 🚫 Cancelled while waiting for the Code Ocean run')
  expectNoToken(run, sim.token)
})

it.concurrent('lists the result files, and can be turned off', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { outcome: 'succeeded', results: TREE })
  const run = await runAgainst(sim, {})
  expect(run.summary).toContain('<summary>Results (6 files,')
  expect(run.summary).toContain('| `data/nested/deeper/deep.bin` | 293.0 KiB |')
  const quiet = await runAgainst(sim, { summary: 'false' })
  expect(quiet.summary).toBe('')
})
