/**
 * Answers too large to hold, end to end: the committed bundle reads at most a set size
 * of any answer from Code Ocean, counted after decompression, and says which limit an
 * answer broke. Peak memory of the action's process is measured, so an answer that is
 * read whole (a gzip bomb inflates to gigabytes) fails here even if it fits in memory.
 */
import { describe, expect, it } from '@jest/globals'
import type { FaultResponse } from '../../sim/simulator.js'
import { watchPeakMemory } from '../../harness/memory.js'
import { calls, errorOf, runAgainst } from '../support/action.js'
import { startSimulator, STATUS_CHECK } from '../support/simulators.js'

const MiB = 1024 * 1024
/** A bare run of the bundle peaks near 70 MiB; an answer read whole adds at least its size. */
const MEMORY_BOUND = 160 * MiB
/** Past this, the action is killed: a regression must fail the test, not exhaust the machine. */
const KILL_ABOVE = 2 * MEMORY_BOUND

describe('answers over their size limit', () => {
  // The gzip bomb is the answer that could cost memory; a plain endless body is the start's
  // test below, and every kind of oversized answer is the client's unit test (limits.test).
  it.concurrent.each([['a gzip bomb (2 MB inflating to 2 GiB)', { gzipBombBytes: 2048 * MiB }]] as [
    string,
    FaultResponse
  ][])(
    'a status check answered with %s fails, naming the 1 MiB limit, and the run is followed to success',
    async (_what, fault) => {
      const sim = await startSimulator()
      sim.failNext({ method: 'GET', path: STATUS_CHECK }, fault)
      let peak = (): number => 0
      const run = await runAgainst(sim, {}, { onSpawn: (pid) => (peak = watchPeakMemory(pid, KILL_ABOVE)) })
      const peakBytes = peak()
      expect(run.exitCode).toBe(0)
      expect(run.outputs.status).toBe('succeeded')
      const warnings = run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(
        /^Could not check the run \(Could not read run \S+: Code Ocean's answer was larger than 1 MiB, the most the action reads for a run;/
      )
      // Not repeated at once: the oversized check is followed only by the next regular check.
      expect(run.log.some((l) => l.includes('trying again'))).toBe(false)
      expect(calls(sim, 'GET').filter((r) => r.fault)).toHaveLength(1)
      expect(peakBytes).toBeGreaterThan(0)
      expect(peakBytes).toBeLessThan(MEMORY_BOUND)
    },
    45_000
  )

  it.concurrent('a large run within the limit is read, and its debug line shows only the start of it', async () => {
    const sim = await startSimulator()
    sim.failNext({ method: 'GET', path: STATUS_CHECK }, { hugeJsonBytes: 900 * 1024 })
    const run = await runAgainst(sim, {})
    expect(run.exitCode).toBe(0)
    expect(run.annotations.filter((a) => a.level === 'warning')).toHaveLength(0)
    const debug = run.stdout.split('\n').filter((l) => l.startsWith('::debug::Computation: '))
    expect(debug.filter((l) => l.includes('"padding":"xxx'))).toHaveLength(1)
    for (const line of debug) expect(line.length).toBeLessThan(2_100)
  })

  it.concurrent('a start answered with an endless body fails once, naming the limit and a possible run', async () => {
    const sim = await startSimulator()
    sim.failNext({ method: 'POST', path: '/api/v1/computations' }, { endless: true })
    let peak = (): number => 0
    const run = await runAgainst(sim, {}, { onSpawn: (pid) => (peak = watchPeakMemory(pid, KILL_ABOVE)) })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(errorOf(run)).toContain("Code Ocean's answer was larger than 1 MiB, the most the action reads for a run")
    expect(errorOf(run)).toContain('a run may have started')
    expect(calls(sim, 'POST')).toHaveLength(1)
    expect(peak()).toBeLessThan(MEMORY_BOUND)
  })
})
