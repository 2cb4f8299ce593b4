/**
 * Bounded time and memory after a run has finished, end to end: the committed bundle on
 * Node 24, run as the runner runs it, against a simulator that misbehaves (a results tree
 * that never ends, a file far larger than listed, a console log drawn with `\r`, a slow
 * store), a download folder that is a link leading out, and a cancel during a download.
 */
import { existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect, it } from '@jest/globals'
import type { CodeOceanSimulator, SimulatorOptions } from '../../sim/simulator.js'
import { calls, errorOf, msFromFirstSignalToExit, PIPELINE, postOf, runAgainst } from '../support/action.js'
import { startSimulator } from '../support/simulators.js'
import { renderGfm, visibleText } from '../support/rendered-markdown.js'

/** Every file under `dir`, as relative paths. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`]
  })
}

const warningsOf = (run: { annotations: { level: string; message: string }[] }): string[] =>
  run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)

async function endless(folders: number, files: number): Promise<CodeOceanSimulator> {
  return startSimulator({ endlessResults: { folders, files } })
}

// listing a results tree that never ends
// The limits on depth, listing calls and files are listing's unit test, each at a small
// limit; end to end, one stop with the default inputs (the summary warns, the step goes
// on) and one with a download (the step fails). A tree that keeps branching would take
// 10,000 listing calls here, about 16 s of CPU time, to show the same two paths again.
it.concurrent('stops a tree that keeps going deeper at 64 folders deep, with default inputs, and says so', async () => {
  const sim = await endless(1, 0)
  const run = await runAgainst(sim, {})
  // Without a download, the listing only feeds the summary: a warning, not a failure.
  expect(run.exitCode).toBe(0)
  const message = "Stopped listing the run's results at a limit: a folder is nested more than 64 folders deep"
  expect(warningsOf(run).some((w) => w.includes(message))).toBe(true)
  expect(visibleText(renderGfm(run.summary))).toContain(message)
  expect(sim.listingCalls()).toBe(65)
})

it.concurrent('stops at 100,000 files', async () => {
  const sim = await endless(1, 2_500)
  const run = await runAgainst(sim, { 'download-results': 'results' })
  expect(run.exitCode).toBe(1)
  expect(errorOf(run)).toContain('there are more than 100,000 result files')
  expect(sim.listingCalls()).toBeLessThanOrEqual(41)
  expect(filesUnder(join(run.workspace, 'results'))).toEqual([])
})

// a file served larger than listed
// Sent chunked, so only counting the bytes can stop it; a length announced in advance is
// refused before the body (download's unit test does both).
it.concurrent.each([
  ['chunked, without a length', { storeChunked: true }, 'the store sent more than the 10 bytes Code Ocean listed']
] as [string, SimulatorOptions, string][])(
  'is stopped at once (%s), and no partial file is left',
  async (_name, options, message) => {
    const sim = await startSimulator(options)
    sim.program(PIPELINE, {
      outcome: 'succeeded',
      results: [
        { path: 'output', content: 'Done.\n' },
        { path: 'small.bin', size: 3 * 1024 ** 3, listedSize: 10 }
      ]
    })
    const run = await runAgainst(sim, { 'download-results': 'results' })
    const endedAt = Date.now()
    expect(run.exitCode).toBe(1)
    expect(errorOf(run)).toContain(`Could not download result "small.bin": ${message}`)
    expect(filesUnder(join(run.workspace, 'results'))).toEqual(['output'])
    // One try only: a fresh link does not make a file smaller.
    const tries = sim.storeRequests.filter((r) => r.path.endsWith('/small.bin'))
    expect(tries).toHaveLength(1)
    // Stopped at once, not after taking in the 3 GiB: counted from the download's start,
    // so a start and polls slowed by a busy machine do not count.
    expect(endedAt - tries[0].at).toBeLessThan(10_000)
  }
)

// the tail of a failed run's console log
const BAR = '  45%|████▌     | 450/1000 [00:01<00:01, 300.00it/s]'
/** About 40 MB of progress bars redrawn with `\r` alone, then the error. */
function progressLog(): Buffer {
  const bars = Buffer.from(`${BAR}\r`.repeat(Math.ceil(40_000_000 / (BAR.length + 1))))
  return Buffer.concat([bars, Buffer.from('Traceback (most recent call last):\rValueError: boom\r')])
}

it.concurrent('asks for the last bytes only, and splits a lone \\r into lines', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, { outcome: 'failed', results: [{ path: 'output', content: progressLog() }] })
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(1)
  const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message)
  expect(errors).toContain('ValueError: boom')
  expect(run.stdout).toContain("::group::Last 100 lines of the run's console log (output)")
  expect(run.log.filter((l) => l === BAR)).toHaveLength(98)
  expect(run.stdout.length).toBeLessThan(100_000)
  const log = sim.storeRequests.filter((r) => r.path.endsWith('/output'))
  expect(log.map((r) => r.headers.range)).toEqual(['bytes=-131072'])
})

it.concurrent('streams the whole log from a store that ignores Range, keeping lines to 1,000 characters', async () => {
  const sim = await startSimulator({ storeIgnoresRange: true })
  const endless = Buffer.concat([Buffer.alloc(40_000_000, 'x'), Buffer.from('\rValueError: boom\r')])
  sim.program(PIPELINE, { outcome: 'failed', results: [{ path: 'output', content: endless }] })
  const run = await runAgainst(sim, {})
  expect(run.exitCode).toBe(1)
  expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toContain('ValueError: boom')
  expect(run.stdout).toContain("::group::Last 2 lines of the run's console log (output)")
  expect(run.log).toContain(`${'x'.repeat(1_000)} … [39999000 more characters cut]`)
  expect(run.stdout.length).toBeLessThan(100_000)
})

// a download folder that is a link
it.concurrent.each([
  ['the folder itself', 'results', 'results'],
  ['a folder on its way', 'results', 'results/nightly']
])('leading out of the workspace (%s) is refused before the run starts', async (_name, link, input) => {
  const sim = await startSimulator()
  let outside = ''
  const run = await runAgainst(
    sim,
    { 'download-results': input },
    {
      prepareWorkspace: (workspace) => {
        outside = join(dirname(dirname(workspace)), 'outside')
        mkdirSync(outside)
        symlinkSync(outside, join(workspace, link))
      }
    }
  )
  expect(run.exitCode).toBe(1)
  expect(errorOf(run)).toContain(
    `Input 'download-results': "${input}" is refused: it leads out of the workspace through a link`
  )
  expect(sim.runs()).toHaveLength(0)
  expect(readdirSync(outside)).toEqual([])
})

// a cancel after the run has finished
it.concurrent(
  'ends a slow download at once: status cancelled, summary written, no partial file, the run kept',
  async () => {
    const sim = await startSimulator({ storeBytesPerSecond: 100_000 })
    sim.program(PIPELINE, {
      outcome: 'succeeded',
      results: [
        { path: 'output', content: 'Done.\n' },
        { path: 'big.bin', size: 5_000_000 }
      ]
    })
    const run = await runAgainst(
      sim,
      { 'download-results': 'results' },
      // The first progress line comes 5 s into the download: big.bin is half-written by then.
      { cancel: { whenStdoutMatches: /Downloaded \d of 2 files/ } }
    )
    expect(run.signalsSent.map((s) => s.signal)).toEqual(['SIGINT'])
    expect(msFromFirstSignalToExit(run)).toBeLessThan(3_000)
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('cancelled')
    expect(errorOf(run)).toContain('The workflow was cancelled after Code Ocean run')
    expect(errorOf(run)).toContain('the run was left as it is')
    expect(visibleText(renderGfm(run.summary))).toContain(
      'The workflow was cancelled during the download (partial files were removed)'
    )
    expect(filesUnder(run.workspace).filter((f) => f.includes('.part'))).toEqual([])
    expect(filesUnder(join(run.workspace, 'results'))).not.toContain('big.bin')
    // The finished run is never stopped (stopping deletes it), not by the post step either.
    const post = await postOf(sim, run)
    expect(post.exitCode).toBe(0)
    expect(calls(sim, 'DELETE')).toHaveLength(0)
    expect(sim.runs().map((r) => r.deleted)).toEqual([false])
  },
  60_000
)
