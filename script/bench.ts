/**
 * `npm run bench`: measured figures, each against a baseline run in the same command.
 * Every figure it prints is also written to docs/benchmarks.md, with the date, the
 * machine and the command: the project's measured figures live there, not in code
 * comments or the README. `npm run bench -- NAME...` runs only the named sections and
 * rewrites only their parts of the file, keeping the others (each part says when and
 * where it was measured).
 *
 * Sections: polling economy and predictive polling (fake clock: for runs of several
 * lengths, how many status checks each interval strategy makes and how late it notices
 * the end, with the action's `auto` interval side by side with a fixed 5 s interval, Code
 * Ocean's SDK default and the baseline, and a fixed 180 s interval, a production pipeline
 * monitor's default); start-up against a bare `node -e 0`; downloads against curl;
 * oversized and hostile answers (peak memory of the action against a plain run and a bare
 * `node -e 0`); the time `npm test` takes; and runner cost (billed runner-minutes of waiting
 * in the job against detaching with a settle schedule, script/cost-model.ts, from the
 * measured lengths of the start step and the settle step).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os'
import { join } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { CodeOceanClient } from '../src/codeocean/client.js'
import { readComputation, type Computation } from '../src/codeocean/models/computation.js'
import { formatBytes, formatDuration } from '../src/format.js'
import { listResultFiles } from '../src/results/listing.js'
import {
  CodeOceanSimulator,
  type FaultMatch,
  type FaultResponse,
  type ResultSpec,
  type SimulatorOptions,
  STATUS_CHECK
} from '../sim/simulator.js'
import { actionUnderTest } from '../harness/action-under-test.js'
import { watchPeakMemory } from '../harness/memory.js'
import { DEFAULT_CONTEXT, node24, PROJECT_ROOT, runAction, runPost, WORKFLOW_FILE_NAME } from '../harness/runner.js'
import { GitHubStandIn } from '../sim/github.js'
import { checkRunName, externalIdFor } from '../src/report/checks/check-identity.js'
import type { PollInterval } from '../src/inputs/settings.js'
import { estimateRunLength, type RunLengthEstimate } from '../src/lifecycle/polling/run-length.js'
import { waitForCompletion } from '../src/lifecycle/polling/wait.js'
import {
  billedMinutes,
  breakEvenRunsPerDay,
  detachedMinutes,
  detachedNoticeMs,
  HOUR_MS,
  JOB_LIMIT_MS,
  longestRunWithin,
  MINUTE_MS,
  scheduleMinutesPerDay,
  settleOverAlignments,
  settleTicksAt,
  sharedStartMinutes,
  shortJobMs,
  waitingJobMs,
  type JobOverhead
} from './cost-model.js'

/** What the running section has printed, kept for docs/benchmarks.md. */
let printed: string[] = []

/** Prints a line of figures and keeps it for docs/benchmarks.md. */
function log(text = ''): void {
  console.log(text)
  printed.push(...text.split('\n'))
}

interface PollFigures {
  requests: number
  noticeDelayMs: number
}

/** Runs the action's real wait loop against a run that ends after `runMs`, on a fake clock. */
async function simulatePolling(
  runMs: number,
  interval: PollInterval,
  estimate?: RunLengthEstimate
): Promise<PollFigures> {
  let t = 0
  let requests = 0
  const source = {
    get: async (id: string): Promise<Computation> => {
      requests += 1
      const done = t >= runMs
      return readComputation({
        id,
        state: done ? 'completed' : 'running',
        ...(done ? { end_status: 'succeeded' } : {})
      })
    }
  }
  await waitForCompletion(source, readComputation({ id: 'bench', state: 'initializing' }), {
    interval,
    log: () => {},
    warn: () => {},
    now: () => t,
    sleep: async (ms) => {
      t += ms
    },
    estimate
  })
  return { requests, noticeDelayMs: t - runMs }
}

/** Run ends land anywhere between two checks: average over ends spread across a minute. */
const END_OFFSETS_MS = Array.from({ length: 20 }, (_, i) => i * 3_100)

interface Summary {
  requests: number
  meanLateMs: number
  maxLateMs: number
  /** The largest lateness as a share of that run's own length. */
  maxLateShare: number
  /** Every end noticed within 10% of the run's age, or within the 5 s minimum interval. */
  prompt: boolean
}

async function summarise(runMs: number, interval: PollInterval): Promise<Summary> {
  const lengths = END_OFFSETS_MS.map((offset) => runMs + offset)
  const all = await Promise.all(lengths.map((length) => simulatePolling(length, interval)))
  const shares = all.map((f, i) => f.noticeDelayMs / lengths[i])
  return {
    requests: all.reduce((sum, f) => sum + f.requests, 0) / all.length,
    meanLateMs: all.reduce((sum, f) => sum + f.noticeDelayMs, 0) / all.length,
    maxLateMs: Math.max(...all.map((f) => f.noticeDelayMs)),
    maxLateShare: Math.max(...shares),
    // A millisecond of slack for rounding the interval to whole milliseconds.
    prompt: all.every((f, i) => f.noticeDelayMs <= Math.max(5_000, lengths[i] * 0.1) + 1)
  }
}

type HistoryKind = 'tight' | 'loose' | 'bimodal' | 'empty'

/** `count` lengths spread evenly over [low, high] times `runMs`. */
function evenly(runMs: number, low: number, high: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => runMs * (low + ((high - low) * i) / (count - 1)))
}

/** Ten earlier runs' lengths: tight (±5%), loose (±20%), bimodal (half at 0.5×, half at 1.5×, ±5%), or none. */
function historyLengths(kind: HistoryKind, runMs: number): number[] {
  switch (kind) {
    case 'tight':
      return evenly(runMs, 0.95, 1.05, 10)
    case 'loose':
      return evenly(runMs, 0.8, 1.2, 10)
    case 'bimodal':
      return [...evenly(runMs, 0.475, 0.525, 5), ...evenly(runMs, 1.425, 1.575, 5)]
    case 'empty':
      return []
  }
}

/** Earlier runs as GET /capsules/{id}/computations lists them: successful, with run_time in seconds. */
function history(lengths: number[]): Computation[] {
  return lengths.map((ms, i) =>
    readComputation({
      id: `earlier-${i}`,
      state: 'completed',
      end_status: 'succeeded',
      run_time: ms / 1000,
      created: 1_000 + i
    })
  )
}

interface Figures {
  requests: number
  meanLateMs: number
  maxLateMs: number
}

async function figuresFor(lengths: number[], interval: PollInterval, estimate?: RunLengthEstimate): Promise<Figures> {
  const all = await Promise.all(lengths.map((length) => simulatePolling(length, interval, estimate)))
  return {
    requests: all.reduce((sum, f) => sum + f.requests, 0) / all.length,
    meanLateMs: all.reduce((sum, f) => sum + f.noticeDelayMs, 0) / all.length,
    maxLateMs: Math.max(...all.map((f) => f.noticeDelayMs))
  }
}

/**
 * Predictive `auto` against fixed 5 s (the baseline), plain `auto` (the action before
 * it used the history) and fixed 180 s. Two ways to place this run's end: as in the table
 * above (the run's length to a minute past it), and drawn from the same spread as its
 * history (the harder case: the end can fall anywhere the earlier runs' ends fell).
 */
async function predictiveBenchmark(): Promise<boolean> {
  const runs: [string, number][] = [
    ['5 min', 300_000],
    ['1 h', 3_600_000],
    ['6 h', 21_600_000]
  ]
  log("Predictive polling (fake clock, the action's own wait loop with an estimate from ten earlier runs)")
  log('run   | history | ends        | strategy        | requests | vs fixed 5 s | late (mean) | late (max)')
  log('------|---------|-------------|-----------------|----------|--------------|-------------|-----------')
  let ok = true
  for (const [label, ms] of runs) {
    for (const kind of ['tight', 'loose', 'bimodal', 'empty'] as HistoryKind[]) {
      const estimate = estimateRunLength(history(historyLengths(kind, ms)))
      const placements: [string, number[]][] = [
        ['+0–1 min', END_OFFSETS_MS.map((offset) => ms + offset)],
        [
          'as history',
          kind === 'empty' ? [] : historyLengths(kind, ms).flatMap((l, i, all) => [l, (l + (all[i + 1] ?? l)) / 2])
        ]
      ]
      for (const [ends, lengths] of placements) {
        if (lengths.length === 0) continue
        const baseline = await figuresFor(lengths, 5)
        const rows: [string, Figures][] = [
          ['predictive auto', await figuresFor(lengths, 'auto', estimate)],
          ['plain auto', await figuresFor(lengths, 'auto')],
          ['fixed 5 s', baseline],
          ['fixed 180 s', await figuresFor(lengths, 180)]
        ]
        for (const [name, f] of rows) {
          const ratio = f.requests / baseline.requests
          log(
            `${label.padEnd(5)} | ${kind.padEnd(7)} | ${ends.padEnd(11)} | ${name.padEnd(15)} | ${f.requests.toFixed(1).padStart(8)} | ` +
              `${ratio.toFixed(3).padStart(12)} | ${formatDuration(f.meanLateMs).padStart(11)} | ${formatDuration(f.maxLateMs).padStart(9)}`
          )
        }
        const [predictive, plain] = [rows[0][1], rows[1][1]]
        // Both placements: near the typical length, and anywhere in the history's spread.
        if (label === '1 h' && kind === 'tight') {
          if (!(predictive.meanLateMs <= 10_000 && predictive.requests / baseline.requests <= 0.15)) ok = false
        }
        // Without a usable history, predictive auto is plain auto.
        if (
          estimate === undefined &&
          (predictive.requests !== plain.requests || predictive.meanLateMs !== plain.meanLateMs)
        )
          ok = false
      }
    }
  }
  log(
    'Goals: a 1 h run with a tight history noticed within 10 s on average for at most 15% of the fixed-5 s ' +
      'requests, whether it ends at +0–1 min or as the history did; no usable history (bimodal, empty) exactly ' +
      `plain auto: ${ok ? 'met' : 'NOT MET'}\n`
  )
  return ok
}

async function pollingBenchmark(): Promise<boolean> {
  const runs: [string, number][] = [
    ['30 s', 30_000],
    ['5 min', 300_000],
    ['1 h', 3_600_000],
    ['6 h', 21_600_000]
  ]
  log("Polling economy (fake clock, the action's own wait loop; 20 run lengths from each length to a minute past it)")
  log('run   | strategy    | requests | vs fixed 5 s | late (mean) | late (max) | max late / run age')
  log('------|-------------|----------|--------------|-------------|------------|-------------------')
  let ok = true
  for (const [label, ms] of runs) {
    const baseline = await summarise(ms, 5)
    for (const [name, interval] of [
      ['auto', 'auto'],
      ['fixed 5 s', 5],
      ['fixed 180 s', 180]
    ] as [string, PollInterval][]) {
      const f = interval === 5 ? baseline : await summarise(ms, interval)
      const ratio = f.requests / baseline.requests
      const late = f.maxLateShare
      log(
        `${label.padEnd(5)} | ${name.padEnd(11)} | ${f.requests.toFixed(1).padStart(8)} | ${ratio.toFixed(3).padStart(12)} | ` +
          `${formatDuration(f.meanLateMs).padStart(11)} | ${formatDuration(f.maxLateMs).padStart(10)} | ${(late * 100).toFixed(1).padStart(16)} %`
      )
      if (interval === 'auto') {
        const fewRequests = ms < 3_600_000 || ratio <= 0.15
        if (!(fewRequests && f.prompt && f.maxLateMs <= 60_000)) ok = false
      }
    }
  }
  log(
    'Goals for auto: for runs of 1 h or more at most 15% of the fixed-5 s requests; noticed within 10% of ' +
      `the run's age (or within the 5 s minimum interval), never over 60 s: ${ok ? 'met' : 'NOT MET'}\n`
  )
  return ok
}

/** The pipeline every benchmark runs: each simulator has it (any other id is 404). */
const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
const MiB = 1024 * 1024

interface ActionDownload {
  downloadMs: number
  peakBytes: number
  files: number
}

/**
 * Runs the bundle built from the current src/ on Node 24, as the runner does, downloading
 * all results of a run; times the download phase from its own log lines and watches its memory.
 */
async function actionDownload(sim: CodeOceanSimulator): Promise<ActionDownload> {
  let stopWatching = (): number => 0
  let began: number | undefined
  let ended: number | undefined
  const run = await runAction({
    inputs: {
      domain: sim.url,
      secret: sim.token,
      'pipeline-id': PIPELINE,
      'download-results': 'results',
      summary: 'false'
    },
    timeoutMs: 600_000,
    onSpawn: (pid) => (stopWatching = watchPeakMemory(pid)),
    onStdoutLine: (line, at) => {
      // The first such line: the worker's line ("Downloading … in a worker thread") comes after it.
      if (line.startsWith('Downloading ')) began ??= at
      if (line.startsWith('Downloaded ') && line.includes(' into ')) ended = at
    }
  })
  const peakBytes = stopWatching()
  if (run.exitCode !== 0 || began === undefined || ended === undefined) {
    throw new Error(`the action did not download the results:\n${run.stdout.slice(-2000)}`)
  }
  rmSync(run.workspace, { recursive: true, force: true })
  return { downloadMs: ended - began, peakBytes, files: Number(run.outputs['result-files']) }
}

/**
 * The baseline: curl fetching the same signed URLs, one by one or `--parallel --parallel-max 8`
 * (the action's limit on transfers at once). curl is handed its links, fetched beforehand
 * and not timed; the action must ask Code Ocean for each one as it goes.
 */
async function curlDownload(
  sim: CodeOceanSimulator,
  runId: string,
  paths: string[],
  parallel: boolean
): Promise<number> {
  const client = new CodeOceanClient({ apiBase: `${sim.url}/api/v1`, token: sim.token })
  const dir = mkdtempSync(join(tmpdir(), 'bench-curl-'))
  try {
    const lines: string[] = []
    for (const path of paths) {
      const url = await client.results.fileUrl(runId, path)
      lines.push(`url = "${url}"`, `output = "${join(dir, path)}"`)
    }
    writeFileSync(join(dir, 'curl.cfg'), `${lines.join('\n')}\n`)
    const args = ['--silent', '--show-error', '--fail', '--create-dirs', '--config', join(dir, 'curl.cfg')]
    if (parallel) args.unshift('--parallel', '--parallel-max', '8')
    // Asynchronously: the simulator serving curl lives in this process.
    const start = performance.now()
    const curl = spawn('curl', args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    curl.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => curl.on('close', resolve))
    const ms = performance.now() - start
    if (code !== 0) throw new Error(`curl failed (${code}): ${stderr}`)
    return ms
  } finally {
    client.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Peak memory of a bare `node -e 0` on Node 24: what any action costs before doing anything. */
function bareNodePeak(): number {
  const out = spawnSync(node24(), [
    '-e',
    "process.stdout.write(/VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status','utf8'))[1])"
  ])
  return Number(out.stdout.toString()) * 1024
}

/** The memory goal of every download case: the issue's 150 MB, in bytes (about 143 MiB). */
const PEAK_GOAL_BYTES = 150_000_000
/**
 * Action and curl alternate this many times in each timed case; the medians are compared.
 * Five, not three: on a shared machine the same run of the simulator's store takes up to
 * twice the CPU of another (the same bytes generated and written in 0.7 s in one run and
 * 1.4 s in the next, by the bench process's CPU time), so single runs of either side differ
 * by a fifth or more, and three pairs let one slow run decide a median.
 */
const ROUNDS = 5

/** `count` files of `size` bytes, in `folders` folders. */
function resultFiles(count: number, size: number, folders: number): ResultSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `batch${String(i % folders).padStart(3, '0')}/file${String(i).padStart(5, '0')}.bin`,
    size
  }))
}

interface DownloadCase {
  label: string
  results: ResultSpec[]
  /** Also time curl one file at a time (once: it is slow). */
  oneByOne?: boolean
  /** Held to the memory goal (the issue sets it for 1,000 files and one 1 GiB file). */
  memoryGoal?: boolean
}

/**
 * One case: the action and `curl --parallel --parallel-max 8` back to back, ROUNDS times,
 * on the same simulator; prints the medians, their ratio against the goal (at most 1.0),
 * and the action's highest peak memory against the goal (under 150 MB). Returns whether both held.
 */
async function timedDownloadCase(sim: CodeOceanSimulator, c: DownloadCase, bare: number): Promise<boolean> {
  sim.program(PIPELINE, { outcome: 'succeeded', results: c.results })
  const paths = c.results.map((f) => f.path)
  const actionMs: number[] = []
  const curlMs: number[] = []
  let peak = 0
  for (let round = 0; round < ROUNDS; round++) {
    const action = await actionDownload(sim)
    if (action.files !== c.results.length)
      throw new Error(`the action downloaded ${action.files} files, not ${c.results.length}`)
    actionMs.push(action.downloadMs)
    peak = Math.max(peak, action.peakBytes)
    curlMs.push(await curlDownload(sim, sim.runs().at(-1)!.id, paths, true))
  }
  const action = median(actionMs)
  const parallel = median(curlMs)
  const ratio = action / parallel
  const fast = ratio <= 1.0
  const lean = !c.memoryGoal || peak < PEAK_GOAL_BYTES
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
  log(
    `- ${c.label}: action ${seconds(action)}, \`curl --parallel --parallel-max 8\` ${seconds(parallel)} ` +
      `(medians of ${ROUNDS} back-to-back pairs; action ${actionMs.map(seconds).join(', ')}; curl ${curlMs.map(seconds).join(', ')}): ` +
      `ratio ${ratio.toFixed(3)} (goal <= 1.0: ${fast ? 'met' : 'NOT MET'})`
  )
  if (c.oneByOne) {
    const serial = await curlDownload(sim, sim.runs().at(-1)!.id, paths, false)
    log(`  curl one file at a time ${seconds(serial)}: action ratio ${(action / serial).toFixed(3)}`)
  }
  const goal = c.memoryGoal ? `; goal < 150 MB, 143.1 MiB: ${lean ? 'met' : 'NOT MET'}` : ''
  log(
    `  action peak memory ${formatBytes(peak)}, the highest of the ${ROUNDS} rounds (bare node -e 0: ${formatBytes(bare)}${goal})`
  )
  return fast && lean
}

async function downloadBenchmark(): Promise<boolean> {
  log('Downloads (the bundle on Node 24 as the runner runs it; object store waits 25 ms before each first byte)')
  let ok = true
  const bare = bareNodePeak()
  const sim = new CodeOceanSimulator({
    firstByteDelayMs: 25,
    // A real run lasts minutes: 12 s is enough for what the action does while one goes on
    // (it starts the download worker after 10 s, src/lifecycle/run/follow.ts).
    phases: [{ state: 'running', ms: 12_000 }],
    pipelines: [PIPELINE]
  })
  await sim.start()
  try {
    const cases: DownloadCase[] = [
      { label: '400 files of 640 KiB', results: resultFiles(400, 640 * 1024, 20), oneByOne: true },
      { label: '5,000 files of 4 KiB in 50 folders', results: resultFiles(5000, 4096, 50) },
      {
        label: '1,000 files, 256 MiB in 50 folders',
        results: resultFiles(1000, Math.floor((256 * MiB) / 1000), 50),
        memoryGoal: true
      }
    ]
    for (const c of cases) ok = (await timedDownloadCase(sim, c, bare)) && ok

    // One 1 GiB file: memory only (a single transfer, nothing to overlap).
    sim.program(PIPELINE, { outcome: 'succeeded', results: [{ path: 'huge.bin', size: 1024 * MiB }] })
    const big = await actionDownload(sim)
    const bigLean = big.peakBytes < PEAK_GOAL_BYTES
    ok &&= bigLean
    log(
      `- one 1 GiB file: ${(big.downloadMs / 1000).toFixed(2)} s, action peak memory ${formatBytes(big.peakBytes)} (goal < 150 MB, 143.1 MiB: ${bigLean ? 'met' : 'NOT MET'})`
    )
  } finally {
    await sim.stop()
  }

  // Listing 5,000 files in 500 folders, with 20 ms of API latency per call.
  const tree: ResultSpec[] = Array.from({ length: 5000 }, (_, i) => ({
    path: `f${String(i % 500).padStart(3, '0')}/r${i}.txt`,
    size: 1
  }))
  const lister = new CodeOceanSimulator({ phases: [{ state: 'running', ms: 0 }], pipelines: [PIPELINE] })
  await lister.start()
  try {
    lister.program(PIPELINE, { outcome: 'succeeded', results: tree })
    const client = new CodeOceanClient({ apiBase: `${lister.url}/api/v1`, token: lister.token })
    const run = await client.computations.start({ pipeline_id: PIPELINE })
    while ((await client.computations.get(run.id)).state !== 'completed') await new Promise((r) => setTimeout(r, 20))
    // Every listing call answers 20 ms late, as a real API over a network would.
    lister.failNext({ path: /\/results$/ }, { passThrough: true, delayMs: 20 }, 100_000)
    const timeWalk = async (concurrency: number): Promise<{ ms: number; calls: number; files: number }> => {
      const before = lister.requests.length
      const start = performance.now()
      const files = await listResultFiles(client.results, run.id, { concurrency })
      const ms = performance.now() - start
      const calls = lister.requests.slice(before).filter((r) => r.path.endsWith('/results')).length
      return { ms, calls, files: files.length }
    }
    const parallel = await timeWalk(8)
    const serial = await timeWalk(1)
    client.close()
    log(
      `- listing 5,000 files in 500 folders (20 ms per call): ${parallel.files} files, ${parallel.calls} listing calls ` +
        `(one per folder plus the top); ${(parallel.ms / 1000).toFixed(2)} s with 8 at once vs ${(serial.ms / 1000).toFixed(2)} s one at a time: ratio ${(parallel.ms / serial.ms).toFixed(3)}`
    )
  } finally {
    await lister.stop()
  }
  log()
  return ok
}

interface ActionCost {
  ms: number
  peakBytes: number
  exitCode: number | null
  stdoutBytes: number
}

/** Runs the bundle once against `sim`, watching its peak memory and wall time. */
async function actionCost(sim: CodeOceanSimulator, inputs: Record<string, string>): Promise<ActionCost> {
  let stopWatching = (): number => 0
  const run = await runAction({
    inputs: { domain: sim.url, secret: sim.token, 'pipeline-id': PIPELINE, summary: 'false', ...inputs },
    timeoutMs: 300_000,
    onSpawn: (pid) => (stopWatching = watchPeakMemory(pid))
  })
  const peakBytes = stopWatching()
  rmSync(run.workspace, { recursive: true, force: true })
  return { ms: run.durationMs, peakBytes, exitCode: run.exitCode, stdoutBytes: run.stdout.length }
}

/**
 * Oversized answers (issue: bounded time and memory): a 10-byte file served as 3 GiB,
 * a 40 MB console log drawn with `\r` alone (by Range, and from a store that ignores
 * Range), each as peak memory and wall time against a bare `node -e 0`.
 */
async function oversizedBenchmark(): Promise<boolean> {
  log(
    'Oversized answers (the bundle on Node 24; ratios against a bare node -e 0; times include the first 5 s status check)'
  )
  const bareBytes = bareNodePeak()
  const bareMs = median(await Promise.all([bareNodeMs(), bareNodeMs(), bareNodeMs()]))
  const bar = '  45%|####5     | 450/1000 [00:01<00:01, 300.00it/s]\r'
  const crLog = Buffer.concat([
    Buffer.from(bar.repeat(Math.ceil(40_000_000 / bar.length))),
    Buffer.from('ValueError: boom\r')
  ])
  const cases: [string, SimulatorOptions, ResultSpec[], Record<string, string>][] = [
    [
      'a 10-byte file served as 3 GiB (chunked)',
      { storeChunked: true },
      [{ path: 'small.bin', size: 3 * 1024 * MiB, listedSize: 10 }],
      { 'download-results': 'results' }
    ],
    ['a 40 MB \\r-only console log (Range)', {}, [{ path: 'output', content: crLog }], {}],
    ['the same log, store ignores Range', { storeIgnoresRange: true }, [{ path: 'output', content: crLog }], {}]
  ]
  let ok = true
  for (const [label, options, results, inputs] of cases) {
    const sim = new CodeOceanSimulator({ phases: [{ state: 'running', ms: 10 }], pipelines: [PIPELINE], ...options })
    await sim.start()
    try {
      const outcome = inputs['download-results'] ? 'succeeded' : 'failed'
      sim.program(PIPELINE, { outcome, results })
      const cost = await actionCost(sim, inputs)
      const memory = cost.peakBytes / bareBytes
      const time = cost.ms / bareMs
      // Generous goals: the step stays within a few times what node itself costs.
      const lean = memory <= 4 && cost.stdoutBytes < 200_000
      ok &&= lean
      log(
        `- ${label}: peak ${formatBytes(cost.peakBytes)} (${memory.toFixed(2)} x bare node), ` +
          `${(cost.ms / 1000).toFixed(2)} s (${time.toFixed(1)} x bare node), stdout ${formatBytes(cost.stdoutBytes)}, ` +
          `exit ${cost.exitCode} (goal <= 4 x memory: ${lean ? 'met' : 'NOT MET'})`
      )
    } finally {
      await sim.stop()
    }
  }
  log()
  return ok
}

/** Median of a list of numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Wall time from spawn to exit of `node …args` on Node 24. */
async function nodeMs(...args: string[]): Promise<number> {
  const start = performance.now()
  const child = spawn(node24(), args, { stdio: 'ignore' })
  await new Promise((resolve) => child.on('close', resolve))
  return performance.now() - start
}

/** Wall time from spawn to exit of a bare `node -e 0` on Node 24. */
function bareNodeMs(): Promise<number> {
  return nodeMs('-e', '0')
}

/**
 * Where start-up time goes: each library the main bundle loads at start, bundled on its
 * own as `npm run package` bundles the action, and the action's bundle with no inputs
 * (it loads, finds no domain, and fails): the bundle built from the current src/, as the
 * other sections run it (`actionFolder`). Built under node_modules/.cache so that the
 * libraries resolve as they do for the action.
 */
function buildStartupProbes(actionFolder: string): { name: string; script: string }[] {
  const dir = join('node_modules', '.cache', 'startup-probes')
  rmSync(dir, { recursive: true, force: true })
  const probes: [string, string][] = [
    ['an empty bundle', "process.stdout.write('')"],
    ['@actions/core (with undici, for OIDC)', "import * as core from '@actions/core'\ncore.debug('')"],
    ['axios (with form-data, follow-redirects)', "import axios from 'axios'\naxios.create()"],
    ['yaml (the parser of JSON and YAML inputs, loaded at start)', "import { parse } from 'yaml'\nparse('a: 1')"],
    [
      '@actions/github (loaded only for pull request comments)',
      "import { getOctokit } from '@actions/github'\ngetOctokit('token')"
    ]
  ]
  const built = probes.map(([name, code], i) => {
    const entry = join(dir, `probe${i}.mjs`)
    mkdirSync(dir, { recursive: true })
    writeFileSync(entry, code + '\n')
    const out = join(dir, `out${i}`)
    const result = spawnSync('npx', ['ncc', 'build', entry, '-o', out, '-q', '--target', 'es2022'], {
      encoding: 'utf8'
    })
    if (result.status !== 0) throw new Error(`ncc could not build the ${name} probe: ${result.stderr}`)
    return { name, script: join(out, 'index.mjs') }
  })
  return [
    ...built,
    { name: 'the action bundle, loaded (no inputs)', script: join(actionFolder, 'dist', 'index.js') },
    {
      name: 'the post step when the main step settled its run (nearly always)',
      script: join(actionFolder, 'dist', 'post', 'index.js')
    }
  ]
}

/**
 * Lean start-up, both sides of it: the whole action on a valid `wait: false` run (read
 * inputs, start the run, name it, set outputs, write the summary) against the simulator,
 * as the runner runs it, and a step that stops at a bad input (nothing sent), each
 * against a bare `node -e 0`; all on Node 24, medians of 15 alternated runs. A lazy
 * split in the bundle pays only when it shortens one of these (or the post step's
 * common case, the last probe). Then where the time goes, probe by probe, as time
 * beyond a bare node.
 */
async function startupBenchmark(): Promise<boolean> {
  const sim = new CodeOceanSimulator({ pipelines: [PIPELINE] })
  await sim.start()
  try {
    const bare: number[] = []
    const action: number[] = []
    const badInput: number[] = []
    for (let i = 0; i < 15; i++) {
      bare.push(await bareNodeMs())
      const run = await runAction({
        inputs: { domain: sim.url, secret: sim.token, 'pipeline-id': PIPELINE, wait: 'false' }
      })
      if (run.exitCode !== 0) throw new Error(`the action failed:\n${run.stdout}`)
      action.push(run.durationMs)
      rmSync(run.workspace, { recursive: true, force: true })
      const refused = await runAction({
        inputs: { domain: sim.url, secret: sim.token, 'pipeline-id': PIPELINE, wait: 'false', 'poll-interval': 'often' }
      })
      if (refused.exitCode !== 1 || !refused.stdout.includes("Input 'poll-interval'")) {
        throw new Error(`the bad input was not refused as one:\n${refused.stdout}`)
      }
      badInput.push(refused.durationMs)
      rmSync(refused.workspace, { recursive: true, force: true })
    }
    const ratio = median(action) / median(bare)
    const ok = ratio <= 4.5
    log('Start-up (Node 24, medians of 15 alternated runs)')
    log(
      `- full wait: false run ${median(action).toFixed(0)} ms, bare node -e 0 ${median(bare).toFixed(0)} ms: ratio ${ratio.toFixed(2)} (goal <= 4.5: ${ok ? 'met' : 'NOT MET'})`
    )
    log(
      `- a step refused at a bad input ${median(badInput).toFixed(0)} ms: ratio ${(median(badInput) / median(bare)).toFixed(2)}`
    )
    const probes = buildStartupProbes((await actionUnderTest()).folder)
    const times = probes.map(() => [] as number[])
    const probeBare: number[] = []
    for (let i = 0; i < 15; i++) {
      probeBare.push(await bareNodeMs())
      for (const [j, probe] of probes.entries()) times[j].push(await nodeMs(probe.script))
    }
    log('  where the time goes (ms beyond a bare node -e 0, medians of 15):')
    for (const [j, probe] of probes.entries()) {
      log(`  - ${probe.name}: ${(median(times[j]) - median(probeBare)).toFixed(0)} ms`)
    }
    log()
    return ok
  } finally {
    await sim.stop()
  }
}

/**
 * Peak memory and time of the bundle when one status check (or a results listing) is
 * answered with something far too large: each must fail that call at its size limit,
 * so the step costs about what a plain run costs. Against a plain run and a bare
 * `node -e 0`, all on Node 24.
 */
async function hostileAnswersBenchmark(): Promise<boolean> {
  log('Oversized answers (the bundle on Node 24; peak memory of the action process)')
  const bare = bareNodePeak()
  const cases: [string, FaultMatch | undefined, FaultResponse | undefined][] = [
    ['a plain run (baseline)', undefined, undefined],
    [
      'status check: gzip bomb, 2 MB inflating to 4 GiB',
      { method: 'GET', path: STATUS_CHECK },
      { gzipBombBytes: 4096 * MiB }
    ],
    ['status check: 400 MB of JSON', { method: 'GET', path: STATUS_CHECK }, { hugeJsonBytes: 400 * MiB }],
    ['status check: an endless body', { method: 'GET', path: STATUS_CHECK }, { endless: true }],
    ['results listing: 300 MB of JSON', { method: 'POST', path: /\/results$/ }, { hugeJsonBytes: 300 * MiB }]
  ]
  let ok = true
  for (const [what, match, fault] of cases) {
    const sim = new CodeOceanSimulator({ phases: [{ state: 'running', ms: 10 }], pipelines: [PIPELINE] })
    await sim.start()
    try {
      if (match && fault) sim.failNext(match, fault)
      let peak = (): number => 0
      const run = await runAction({
        timeoutMs: 120_000,
        onSpawn: (pid) => (peak = watchPeakMemory(pid)),
        inputs: { domain: sim.url, secret: sim.token, 'pipeline-id': PIPELINE, 'poll-interval': '5' }
      })
      const peakBytes = peak()
      const ratio = peakBytes / bare
      const lean = ratio <= 3
      ok &&= lean
      log(
        `- ${what}: ${(run.durationMs / 1000).toFixed(1)} s, exit ${run.exitCode}, peak ${formatBytes(peakBytes)}, ` +
          `${ratio.toFixed(2)}× bare node -e 0 (${formatBytes(bare)}; goal <= 3×: ${lean ? 'met' : 'NOT MET'})`
      )
      rmSync(run.workspace, { recursive: true, force: true })
    } finally {
      await sim.stop()
    }
  }
  log()
  return ok
}

/** CPU time, in ms, of this process's children that have ended (and theirs, as each waited). */
function childCpuMs(): number | undefined {
  try {
    // /proc/self/stat: after the command name in parentheses, cutime and cstime are fields 16 and 17.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
    const ticks = Number(fields[13]) + Number(fields[14])
    const perSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100
    return Number.isFinite(ticks) ? (ticks * 1000) / perSecond : undefined
  } catch {
    return undefined // not Linux
  }
}

/** Runs an npm script, returning its wall time, the CPU time of every process it started, its exit code and Jest's counts. */
async function timedScript(
  args: string[]
): Promise<{ wallMs: number; cpuMs?: number; code: number | null; counts: string; tail: string }> {
  const cpuBefore = childCpuMs()
  const start = performance.now()
  const child = spawn('npm', ['run', '--silent', ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
  let tail = ''
  child.stderr.on('data', (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-20_000)))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const wallMs = performance.now() - start
  const cpuAfter = childCpuMs()
  const counts = /^Tests:\s+(.*)$/m.exec(tail)?.[1]?.trim() ?? 'no Jest summary'
  const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore
  return { wallMs, cpuMs, code, counts, tail }
}

/**
 * What each Jest worker pays per test-tier file on an empty cache: stripping the types of
 * every TypeScript file in the repository, with TypeScript's own transpileModule (what
 * ts-jest runs) against swc (what jest.config.js uses), in this process, each timed after
 * one warm-up pass.
 */
async function transpileComparison(): Promise<void> {
  const files = spawnSync('git', ['ls-files', '*.ts', ':!:*.d.ts'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .map((file) => ({ file, text: readFileSync(join(PROJECT_ROOT, file), 'utf8') }))
  const { default: ts } = await import('typescript')
  const swc = await import('@swc/core')
  const timed = (strip: (text: string, file: string) => void): number => {
    for (const { file, text } of files) strip(text, file)
    const start = performance.now()
    for (const { file, text } of files) strip(text, file)
    return performance.now() - start
  }
  const typescriptMs = timed((text, fileName) => {
    ts.transpileModule(text, {
      fileName,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: true }
    })
  })
  const swcMs = timed((text, filename) => {
    swc.transformSync(text, {
      filename,
      sourceMaps: 'inline',
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'es6' }
    })
  })
  const bytes = files.reduce((sum, { text }) => sum + text.length, 0)
  log(
    `- Stripping the types of the repository's ${files.length} TypeScript files (${formatBytes(bytes)}), as a ` +
      `Jest worker does on an empty cache: swc ${swcMs.toFixed(0)} ms, TypeScript's transpileModule ` +
      `${typescriptMs.toFixed(0)} ms (${(typescriptMs / swcMs).toFixed(1)}× swc)`
  )
}

/**
 * Test time, against the budgets the project keeps: `npm test` (both tiers) with Jest's
 * cache empty, as on a fresh clone, at most 90 s; `npm run test:unit`, as after a change,
 * at most 15 s. Each with the CPU time of every process it started (Jest, its workers, the
 * action processes and simulators), which says how many cores it keeps busy.
 */
async function testsBenchmark(): Promise<boolean> {
  log('Test time (wall time, and the CPU time of every process it started)')
  const cache = mkdtempSync(join(tmpdir(), 'bench-jest-cache-'))
  const cases: [string, string[], number][] = [
    ['`npm test`, Jest cache empty (a fresh clone)', ['test', '--', '--cacheDirectory', cache], 90_000],
    ['`npm run test:unit`, Jest cache warm (after a change)', ['test:unit'], 15_000]
  ]
  let ok = true
  try {
    for (const [what, args, goalMs] of cases) {
      const run = await timedScript(args)
      const met = run.code === 0 && run.wallMs <= goalMs
      ok &&= met
      const cpu =
        run.cpuMs === undefined
          ? 'CPU time not measured (Linux only)'
          : `CPU ${(run.cpuMs / 1000).toFixed(0)} s, ${(run.cpuMs / run.wallMs).toFixed(2)} cores busy on average`
      log(
        `- ${what}: ${(run.wallMs / 1000).toFixed(1)} s, ${cpu}; exit ${run.code} (${run.counts}) ` +
          `(goal <= ${goalMs / 1000} s, passing: ${met ? 'met' : 'NOT MET'})`
      )
      if (run.code !== 0) console.error(run.tail.slice(-4_000))
    }
    await transpileComparison()
  } finally {
    rmSync(cache, { recursive: true, force: true })
  }
  log()
  return ok
}

/**
 * The runner's own set-up and tear-down of a job ("Set up job", "Complete job"): it cannot
 * be measured against the simulator and GitHub documents no figure, so it is taken as 0 s,
 * and the section prints how much of it the one-minute jobs could absorb.
 */
const ASSUMED_RUNNER_MS = 0

/**
 * How late a scheduled tick runs. GitHub documents that "the `schedule` event can be delayed
 * during periods of high loads of GitHub Actions workflow runs ... some queued jobs may be
 * dropped" (https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#schedule)
 * but gives no figure. Community reports put it commonly at 5 to 30 minutes and at times at
 * hours (https://github.com/orgs/community/discussions/204544, …/210625, …/213505), so:
 * 5 minutes on average, 30 at the worst modelled, not a bound. Taken as the same for every
 * tick, it delays the notice but moves no tick into or out of the run.
 */
const ASSUMED_SCHEDULER_LATE_MS = { mean: 5 * MINUTE_MS, worst: 30 * MINUTE_MS }

/** The Code Ocean run lengths issue 22 prices. */
const COST_RUNS: [string, number][] = [
  ['1 h', HOUR_MS],
  ['6 h', 6 * HOUR_MS]
]

/** The settle schedules issue 22 considers. */
const SETTLE_INTERVALS_MS = [15 * MINUTE_MS, 30 * MINUTE_MS]

/** The issue's goal: a 6-hour run within 25 billed minutes on a 15-minute schedule. */
const COST_GOAL = { runMs: 6 * HOUR_MS, intervalMs: 15 * MINUTE_MS, budget: 25 }

/** Starts a run of the pipeline and waits until it has ended, for the settle step to read. */
async function endedRun(sim: CodeOceanSimulator): Promise<string> {
  const client = new CodeOceanClient({ apiBase: `${sim.url}/api/v1`, token: sim.token })
  try {
    const run = await client.computations.start({ pipeline_id: PIPELINE })
    while ((await client.computations.get(run.id)).state !== 'completed') await new Promise((r) => setTimeout(r, 20))
    return run.id
  } finally {
    client.close()
  }
}

/** Wall time of the bundle's main step and its post step: the runner runs both in the job. */
async function stepWithPostMs(
  sim: CodeOceanSimulator,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<number> {
  const main = await runAction({ inputs: { domain: sim.url, secret: sim.token, ...inputs }, env })
  if (main.exitCode !== 0) throw new Error(`the action failed:\n${main.stdout}`)
  const post = await runPost(main)
  if (post.exitCode !== 0) throw new Error(`the post step failed:\n${post.stdout}`)
  rmSync(main.workspace, { recursive: true, force: true })
  return main.durationMs + post.durationMs
}

/**
 * Billed minutes of waiting in the job through a run of `runMs`: the job lasts the run, the
 * start step and the wait loop's lateness in noticing the end, at its worst and on average
 * (the `auto` interval on the fake clock, over ends spread across a minute, as in the
 * polling section).
 */
async function waitingCost(
  runMs: number,
  start: JobOverhead
): Promise<{ polling: Summary; worst: number; mean: number }> {
  const polling = await summarise(runMs, 'auto')
  return {
    polling,
    worst: billedMinutes(waitingJobMs(runMs, start, polling.maxLateMs)),
    mean: billedMinutes(waitingJobMs(runMs, start, polling.meanLateMs))
  }
}

/** Minutes with one decimal, for means of whole minutes. */
const minutes = (billed: number): string => (Number.isInteger(billed) ? String(billed) : billed.toFixed(1))

/**
 * Runner cost (issue 22): billed runner-minutes of a 1-hour and a 6-hour Code Ocean run,
 * waiting in the job against detached (a start job with `wait: false`, settled by a
 * schedule every 15 or 30 minutes), from the arithmetic of script/cost-model.ts and the
 * step lengths measured here: the bundle with `wait: false` (start-up, the start request,
 * its check run made against the GitHub stand-in, the post step), and the settle step
 * (`settle: true`) completing one check whose run has ended: the query, one read, one update. Medians of
 * 9 alternated runs against the simulator. Waiting in the job is the baseline; its job
 * also lasts the wait loop's lateness in noticing the end (the polling section's fake
 * clock, `auto` interval).
 */
async function costBenchmark(): Promise<boolean> {
  const sim = new CodeOceanSimulator({ phases: [{ state: 'running', ms: 10 }], pipelines: [PIPELINE] })
  const github = new GitHubStandIn()
  await Promise.all([sim.start(), github.start()])
  const startSteps: number[] = []
  const settleSteps: number[] = []
  const gitHubEnv = { GITHUB_API_URL: github.url }
  const repo = DEFAULT_CONTEXT.GITHUB_REPOSITORY
  try {
    const ended = await endedRun(sim)
    github.addCommit(repo, { sha: DEFAULT_CONTEXT.GITHUB_SHA })
    // As the examples run them: the schedule paused while nothing is pending, so the start
    // step turns the settle workflow on and the settle step turns it off (and looks again).
    const workflow = github.workflows.add(repo, WORKFLOW_FILE_NAME)
    const pause = { 'settle-workflow': WORKFLOW_FILE_NAME, 'github-token': github.token }
    for (let i = 0; i < 9; i++) {
      // The start job: the run started, its check made, the job ends.
      const startInputs = { 'pipeline-id': PIPELINE, wait: 'false', 'check-run': 'true', ...pause }
      startSteps.push(await stepWithPostMs(sim, startInputs, gitHubEnv))
      // A settle job that completes one check: the query, one read, one update.
      github.addCheckRun({
        repo,
        headSha: DEFAULT_CONTEXT.GITHUB_SHA,
        name: checkRunName('bench'),
        status: 'in_progress',
        externalId: externalIdFor({ kind: 'pipeline', target: PIPELINE, run: ended })
      })
      settleSteps.push(await stepWithPostMs(sim, { settle: 'true', ...pause }, gitHubEnv))
    }
    const stillOpen = github.checks.runs.filter((c) => c.status !== 'completed' && c.externalId !== null)
    if (stillOpen.length > 0) throw new Error(`the settle step left ${stillOpen.length} check(s) in progress`)
    if (workflow.state !== 'disabled_manually' || workflow.switches.length !== 18) {
      throw new Error(`the settle workflow was switched ${workflow.switches.join(', ')}: expected on and off 9 times`)
    }
  } finally {
    await Promise.all([sim.stop(), github.stop()])
  }
  const start: JobOverhead = { stepMs: median(startSteps), runnerMs: ASSUMED_RUNNER_MS }
  const settle: JobOverhead = { stepMs: median(settleSteps), runnerMs: ASSUMED_RUNNER_MS }
  const startBilled = billedMinutes(shortJobMs(start))
  const settleBilled = billedMinutes(shortJobMs(settle))
  const late = ASSUMED_SCHEDULER_LATE_MS

  log('Runner cost (billed runner-minutes per Code Ocean run; GitHub bills each job in whole minutes, rounded up)')
  log(
    `- measured (medians of 9 alternated runs, Node 24, against the simulator): the start step (bundle with wait: false, ` +
      `start request, its check run made, the settle workflow turned on, post step) ${(start.stepMs / 1000).toFixed(2)} s; ` +
      `the settle step (settle: true: the discovery query, one run read, its check completed, the workflow turned off ` +
      `and the query again, post step) ${(settle.stepMs / 1000).toFixed(2)} s`
  )
  log(
    `- assumed: the runner's own job set-up and tear-down ${ASSUMED_RUNNER_MS / 1000} s (not measurable here, no documented ` +
      `figure); the start and settle jobs stay at 1 billed minute while it is under ` +
      `${((MINUTE_MS - Math.max(start.stepMs, settle.stepMs)) / 1000).toFixed(1)} s`
  )
  log(
    `- assumed: the scheduler's lateness ${formatDuration(late.mean)} on average, ${formatDuration(late.worst)} at the worst ` +
      `modelled, the same for every tick (GitHub documents delays under load and dropped ticks, no figure); ticks at a ` +
      `uniformly random offset from the run's start (3,600 offsets spread evenly)`
  )
  log(
    '- sources: whole minutes per job, https://docs.github.com/en/billing/reference/actions-runner-pricing; the 6-hour ' +
      'job limit, https://docs.github.com/en/actions/reference/limits; schedule delays and dropped ticks, ' +
      'https://docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#schedule'
  )
  log(
    'run | mode                          | jobs: start + ticks going + completing | billed (worst) | billed (mean) | vs waiting | check done after run end (worst) | check done (mean)'
  )
  log(
    '----|-------------------------------|----------------------------------------|----------------|---------------|------------|----------------------------------|-------------------'
  )
  const notes: string[] = []
  for (const [label, runMs] of COST_RUNS) {
    const { polling, worst: waitingWorst, mean: waitingMean } = await waitingCost(runMs, start)
    const waitingMs = waitingJobMs(runMs, start, polling.maxLateMs)
    log(
      `${label} | ${'waiting in the job'.padEnd(29)} | ${'1 (the whole run)'.padEnd(38)} | ${String(waitingWorst).padStart(14)} | ` +
        `${String(waitingMean).padStart(13)} | ${'1.000'.padStart(10)} | ${formatDuration(polling.maxLateMs).padStart(32)} | ${formatDuration(polling.meanLateMs)}`
    )
    if (waitingMs > JOB_LIMIT_MS) {
      notes.push(
        `- waiting through a ${label} run keeps the job ${formatDuration(waitingMs)}, past the 6 hours a GitHub-hosted job may ` +
          'run: GitHub would cancel it before the run ends (the figure is what it would bill)'
      )
    }
    for (const intervalMs of SETTLE_INTERVALS_MS) {
      const spread = settleOverAlignments(runMs, intervalMs)
      const worst = detachedMinutes(startBilled, settleBilled, spread.whileRunning.worst)
      const mean = detachedMinutes(startBilled, settleBilled, spread.whileRunning.mean)
      const settleMs = shortJobMs(settle)
      const noticeWorst = detachedNoticeMs(spread.completesAfterMs.worst, late.worst, settleMs)
      const noticeMean = detachedNoticeMs(spread.completesAfterMs.mean, late.mean, settleMs)
      const jobs =
        spread.whileRunning.mean === spread.whileRunning.worst
          ? `1 + ${spread.whileRunning.worst} + 1 at every offset`
          : `1 + ${spread.whileRunning.worst} + 1 (mean 1 + ${minutes(spread.whileRunning.mean)} + 1)`
      log(
        `${label} | ${`detached, settle every ${intervalMs / MINUTE_MS} min`.padEnd(29)} | ${jobs.padEnd(38)} | ${String(worst).padStart(14)} | ` +
          `${minutes(mean).padStart(13)} | ${(mean / waitingMean).toFixed(3).padStart(10)} | ${formatDuration(noticeWorst).padStart(32)} | ${formatDuration(noticeMean)}`
      )
    }
  }
  for (const note of notes) log(note)
  log(
    '- if the scheduler is late by different amounts from tick to tick, one more tick can fall inside the run: one more ' +
      'billed minute at the worst; a dropped tick bills one less and completes the check an interval later'
  )
  for (const intervalMs of SETTLE_INTERVALS_MS) {
    const daily = scheduleMinutesPerDay(intervalMs, settleBilled)
    const breakEven: { runs: number; hours: number; label: string }[] = []
    for (const [label, runMs] of COST_RUNS) {
      const runs = breakEvenRunsPerDay(daily, (await waitingCost(runMs, start)).mean, startBilled)
      breakEven.push({ runs, hours: (runs * runMs) / HOUR_MS, label })
    }
    log(
      `- a settle schedule every ${intervalMs / MINUTE_MS} min that always runs bills whether or not a run is pending: ` +
        `${daily} jobs, ${daily} billed minutes a day (${(daily * 30).toLocaleString('en')} in 30 days; free on public ` +
        `repositories), the ticks that settle runs included; detached is then cheaper than waiting above ` +
        breakEven
          .map((b) => `${b.hours.toFixed(2)} h of runs a day (${b.runs.toFixed(2)} runs of ${b.label})`)
          .join(' or ')
    )
  }
  log(
    '- with settle-workflow (as measured above, and as the examples do) the schedule is off while no check is pending: ' +
      'it bills only the ticks counted in the table, and 0 on a day with nothing pending; detached is then cheaper than ' +
      'waiting for any run longer than its start job and ticks'
  )
  const shared = sharedStartMinutes(start.stepMs)
  const goalTicks = settleOverAlignments(COST_GOAL.runMs, COST_GOAL.intervalMs).whileRunning.worst
  log(
    `- the start as a step of a job that runs anyway (the build or the tests) instead of a job of its own: its ` +
      `${(start.stepMs / 1000).toFixed(2)} s add a billed minute only when they carry that job over a minute boundary, ` +
      `+${shared.mean.toFixed(3)} on average, +1 at the worst; a ${COST_RUNS.at(-1)?.[0]} run with a 15-min schedule ` +
      `then bills ${detachedMinutes(shared.mean, settleBilled, goalTicks).toFixed(3)} on average, ` +
      `${detachedMinutes(shared.worst, settleBilled, goalTicks)} at the worst`
  )
  const goal = COST_GOAL
  const spread = settleOverAlignments(goal.runMs, goal.intervalMs)
  const worst = detachedMinutes(startBilled, settleBilled, spread.whileRunning.worst)
  const mean = detachedMinutes(startBilled, settleBilled, spread.whileRunning.mean)
  const exactlyAligned = detachedMinutes(
    startBilled,
    settleBilled,
    settleTicksAt(goal.runMs, goal.intervalMs, 0).whileRunning
  )
  const longest = longestRunWithin(goal.budget, goal.intervalMs, startBilled, settleBilled)
  const sharedMean = detachedMinutes(shared.mean, settleBilled, spread.whileRunning.mean)
  const sharedWorst = detachedMinutes(shared.worst, settleBilled, spread.whileRunning.worst)
  // Decided (docs/checks.md, Cost and timing): a check completes only at a tick after the
  // run's end, so a start job of its own makes 1 + 24 + 1 whatever the design; the goal's
  // 25 is the start as a step of a job that runs anyway, on average.
  const met = sharedMean <= goal.budget
  const goalWaiting = await waitingCost(goal.runMs, start)
  // A line of its own, not a continuation of the list above it.
  log()
  log(
    `Goal (issue 22): a 6-hour run costs at most ${goal.budget} billed runner-minutes with a 15-minute settle schedule ` +
      `(waiting in the job: 360): ${met ? 'met' : 'NOT MET'} with the start as a step of a job that runs anyway: ` +
      `${sharedMean.toFixed(3)} on average, ${sharedWorst} at the worst (when the step carries that job over a minute). ` +
      `With a start job of its own: ${worst} at the worst alignment, ${minutes(mean)} on average (${startBilled} start ` +
      `job + ${spread.whileRunning.worst} ticks that find the run going + 1 that completes it: a check can complete only ` +
      `at a tick after the run's end). ${exactlyAligned} only when ticks fall exactly at the run's start (too early to see ` +
      `it) and so exactly at its end; runs of at most ${formatDuration(longest)} meet ${goal.budget} at every alignment. Waiting ` +
      `in the job bills ${goalWaiting.mean} (${goalWaiting.worst} at the worst), not 360: the job outlasts the run by its ` +
      'own start-up and by the wait loop noticing the end.\n'
  )
  return met
}

interface Section {
  /** The heading of its part of docs/benchmarks.md. */
  title: string
  run: () => Promise<boolean>
}

/** `npm run bench -- NAME...` runs only the named sections; no names, all of them. */
const SECTIONS: Record<string, Section> = {
  polling: { title: 'Polling economy', run: pollingBenchmark },
  predictive: { title: 'Predictive polling', run: predictiveBenchmark },
  startup: { title: 'Start-up', run: startupBenchmark },
  downloads: { title: 'Downloads', run: downloadBenchmark },
  oversized: { title: 'Oversized result files and logs', run: oversizedBenchmark },
  hostile: { title: 'Oversized answers from the API', run: hostileAnswersBenchmark },
  tests: { title: 'Test time', run: testsBenchmark },
  cost: { title: 'Runner cost', run: costBenchmark }
}

const REPORT = join(PROJECT_ROOT, 'docs', 'benchmarks.md')
const begin = (name: string): string => `<!-- bench:${name} -->`
const end = (name: string): string => `<!-- /bench:${name} -->`

/** Where and when a section ran, with the command that ran it. */
function measuredOn(command: string): string {
  const cpu = cpus()
  const node24Version = spawnSync(node24(), ['--version'], { encoding: 'utf8' }).stdout.trim()
  const [load1] = loadavg()
  return (
    `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} with \`${command}\` on ${cpu.length} × ` +
    `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, ${type()} ${release()} ` +
    `(load average ${load1.toFixed(2)} at the start); the action on Node ${node24Version.replace(/^v/, '')}, ` +
    `this script on Node ${process.versions.node}.`
  )
}

/** Console lines as Markdown: the tables need a blank line before them, the rest is kept. */
function asMarkdown(lines: string[]): string {
  const out: string[] = []
  for (const line of lines) {
    const isTableRow = line.includes(' | ') || /^-+\|/.test(line)
    const previous = out.at(-1)
    const wasTableRow = previous !== undefined && (previous.includes(' | ') || /^-+\|/.test(previous))
    if (previous !== undefined && previous !== '' && isTableRow !== wasTableRow) out.push('')
    out.push(line)
  }
  return out.join('\n').trim()
}

/** The part of docs/benchmarks.md a section kept from an earlier run, if any. */
function keptPart(text: string, name: string): string | undefined {
  const from = text.indexOf(begin(name))
  const to = text.indexOf(end(name))
  return from >= 0 && to > from ? text.slice(from, to + end(name).length) : undefined
}

/** Rewrites docs/benchmarks.md with the sections just measured, keeping the others as they were. */
async function writeReport(measured: Map<string, string>): Promise<void> {
  const old = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : ''
  const parts = Object.entries(SECTIONS).map(([name, section]) => {
    const body =
      measured.get(name) ??
      keptPart(old, name) ??
      `${begin(name)}\n\nNot measured yet: \`npm run bench -- ${name}\`.\n\n${end(name)}`
    return `## ${section.title}\n\n${body}`
  })
  const text = [
    '# Benchmarks',
    '',
    '<!-- Written by `npm run bench` (script/bench.ts); edits by hand are overwritten. -->',
    '',
    'Measured figures of the action, each against a baseline run in the same command, with ' +
      'the goal it is held to. `npm run bench` measures every section and rewrites this file; ' +
      '`npm run bench -- NAME...` measures the named sections and rewrites only their parts, so ' +
      'each part says when, where and by which command it was measured. Figures depend on the ' +
      'machine and on what else it was doing (the load average is noted); compare runs made on ' +
      'the same machine.',
    '',
    ...parts.flatMap((part) => [part, ''])
  ].join('\n')
  const options = (await resolveConfig(REPORT)) ?? {}
  writeFileSync(REPORT, await format(text, { ...options, filepath: REPORT }))
}

const asked = process.argv.slice(2)
const unknown = asked.filter((name) => !(name in SECTIONS))
if (unknown.length > 0)
  throw new Error(`Unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`)
const command = `npm run bench${asked.length > 0 ? ` -- ${asked.join(' ')}` : ''}`
const measured = new Map<string, string>()
const results: boolean[] = []
for (const [name, section] of Object.entries(SECTIONS)) {
  if (asked.length > 0 && !asked.includes(name)) continue
  printed = []
  const context = measuredOn(command)
  const ok = await section.run()
  results.push(ok)
  measured.set(name, `${begin(name)}\n\n${context}\n\n${asMarkdown(printed)}\n\n${end(name)}`)
  // After each section, so a long run that fails later still keeps what it measured.
  await writeReport(measured)
}
console.log(`Figures written to ${REPORT}`)
process.exitCode = results.every(Boolean) ? 0 : 1
