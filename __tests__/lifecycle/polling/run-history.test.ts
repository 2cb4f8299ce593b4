import { describe, expect, it, jest } from '@jest/globals'
import type { CallOptions } from '../../../src/codeocean/transport.js'
import { readComputation, type Computation } from '../../../src/codeocean/models/computation.js'
import type { Target } from '../../../src/codeocean/models/run-request.js'
import {
  earlierRuns,
  estimateFromEarlierRuns,
  HISTORY_TIMEOUT_MS,
  type HistoryRequest
} from '../../../src/lifecycle/polling/run-history.js'
import { assessRunLength, type RunLengthEstimate } from '../../../src/lifecycle/polling/run-length.js'

const TARGET: Target = { kind: 'pipeline', id: 'p1' }

function run(seconds: number, extra: Record<string, unknown> = {}): Computation {
  return readComputation({
    id: `r-${seconds}-${Math.random()}`,
    state: 'completed',
    end_status: 'succeeded',
    exit_code: 0,
    run_time: seconds,
    created: 1_700_000_000,
    ...extra
  })
}

const started = readComputation({ id: 'new', state: 'initializing', run_time: 0, created: 1_800_000_000 })

function request(extra: Partial<HistoryRequest> = {}): HistoryRequest {
  return { target: TARGET, started, redact: (t) => t.replaceAll('s3cr3t', '***'), ...extra }
}

/** A listing source that records its calls and answers `answer`. */
function lister(answer: () => Promise<Computation[]>) {
  const calls: { target: Target; call?: CallOptions }[] = []
  return {
    calls,
    targets: {
      runs: async (target: Target, call?: CallOptions) => {
        calls.push({ target, call })
        return answer()
      }
    }
  }
}

/** What `fn` writes to stdout (core.info and core.debug write there), line by line. */
async function stdoutOf(fn: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split(/\r?\n/).filter(Boolean))
    return true
  })
  try {
    await fn()
  } finally {
    spy.mockRestore()
  }
  return lines
}

describe('choosing the history', () => {
  it('leaves out the run just started', () => {
    const earlier = [run(90), run(91)]
    const startedLike = readComputation({ id: 'new', state: 'completed', end_status: 'succeeded', run_time: 5 })
    expect(earlierRuns([...earlier, startedLike], 'new')).toEqual(earlier)
  })

  it('says why earlier runs give no estimate', () => {
    expect(assessRunLength([])).toEqual({ why: 'there are no earlier runs' })
    expect(assessRunLength([run(90), run(91), run(5, { end_status: 'failed' })])).toEqual({
      why: 'too few earlier runs succeeded (2 of 3; at least 3 needed)'
    })
    expect(assessRunLength([run(60), run(60), run(600), run(600)])).toEqual({
      why: 'the lengths of the 4 earlier successful runs are too spread out'
    })
    // Three runs of the version asked for are judged alone, and the reason counts them.
    const v2 = { version: 2 }
    const history = [run(10, v2), run(60, v2), run(100, v2), ...Array.from({ length: 10 }, () => run(50))]
    expect(assessRunLength(history, 2)).toEqual({
      why: 'the lengths of the 3 earlier successful runs are too spread out'
    })
    expect(assessRunLength(history).estimate?.typicalMs).toBe(50_000)
  })
})

describe('the estimate from earlier runs', () => {
  it('lists the runs once, with one short try, and uses their lengths', async () => {
    const source = lister(async () => [run(89), run(90), run(91), started])
    let estimate: RunLengthEstimate | undefined
    const out = await stdoutOf(async () => {
      estimate = await estimateFromEarlierRuns(source.targets, request(), new AbortController().signal)
    })
    expect(estimate).toMatchObject({ typicalMs: 90_000, runs: 3 })
    expect(out.filter((l) => !l.startsWith('::debug::'))).toEqual([
      'Earlier runs took 89–91 s (typically 90 s, from 3 runs); checking every 5 s from 89 to 91 s'
    ])
    expect(
      out.some((l) => l.startsWith('::debug::Run length estimate from earlier runs (ms): {"typicalMs":90000'))
    ).toBe(true)
    expect(source.calls).toHaveLength(1)
    expect(source.calls[0].target).toEqual(TARGET)
    expect(source.calls[0].call).toMatchObject({ timeoutMs: HISTORY_TIMEOUT_MS, retries: 0 })
  })

  it('reuses a listing the step made already, without asking again', async () => {
    const source = lister(async () => {
      throw new Error('must not be called')
    })
    const listed = [run(89), run(90), run(91)]
    let estimate: RunLengthEstimate | undefined
    await stdoutOf(async () => {
      estimate = await estimateFromEarlierRuns(source.targets, request({ listed }), new AbortController().signal)
    })
    expect(estimate?.typicalMs).toBe(90_000)
    expect(source.calls).toHaveLength(0)
  })

  it('prefers runs of the version asked for', async () => {
    const listed = [...[30, 31, 30].map((s) => run(s, { version: 2 })), ...[90, 91, 92].map((s) => run(s))]
    const source = lister(async () => listed)
    let estimate: RunLengthEstimate | undefined
    await stdoutOf(async () => {
      estimate = await estimateFromEarlierRuns(source.targets, request({ version: 2 }), new AbortController().signal)
    })
    expect(estimate?.typicalMs).toBe(30_000)
  })

  it('gives none when the listing fails, and never throws', async () => {
    const source = lister(async () => {
      throw new Error('HTTP 500 from s3cr3t-host\n::warning::injected')
    })
    const out = await stdoutOf(async () => {
      await expect(estimateFromEarlierRuns(source.targets, request(), new AbortController().signal)).resolves.toBe(
        undefined
      )
    })
    // One debug line, scrubbed and on one line: no warning, nothing a user would take for a problem.
    expect(out).toHaveLength(1)
    expect(out[0]).toMatch(
      /^::debug::Could not list the earlier runs to estimate this run's length \(HTTP 500 from \*\*\*-host/
    )
    expect(out[0]).toContain('polling as plain auto')
  })

  it('gives none when cut short', async () => {
    const controller = new AbortController()
    const source = lister(async () => {
      controller.abort()
      throw new Error('aborted')
    })
    const out = await stdoutOf(() =>
      expect(estimateFromEarlierRuns(source.targets, request(), controller.signal)).resolves.toBe(undefined)
    )
    expect(out).toEqual([])
  })

  it('gives none for a history that says too little', async () => {
    const source = lister(async () => [run(90), run(91)])
    const out = await stdoutOf(() =>
      expect(estimateFromEarlierRuns(source.targets, request(), new AbortController().signal)).resolves.toBe(undefined)
    )
    expect(out).toEqual([
      "::debug::No estimate of the run's length: too few earlier runs succeeded (2 of 2; at least 3 needed); polling as plain auto."
    ])
  })
})
