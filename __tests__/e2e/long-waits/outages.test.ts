/**
 * Outages while polling, end to end: the committed bundle rides out server errors,
 * resets, a hung status check and a malformed answer. Its own file, because these
 * scenarios wait out real back-offs and a 30 s request timeout: in a file of their own
 * they overlap with the other files instead of lengthening one.
 */
import { describe, expect, it } from '@jest/globals'
import { calls, runAgainst } from '../../support/action.js'
import { expectNoToken, startSimulator, STATUS_CHECK } from '../../support/simulators.js'

describe('polling survives trouble', () => {
  it.concurrent('rides out 503 bursts and connection resets while polling', async () => {
    const sim = await startSimulator()
    sim.failNext(
      { method: 'GET', path: STATUS_CHECK },
      { status: 503, body: '<html><title>503 Service Unavailable</title></html>', contentType: 'text/html' },
      3
    )
    sim.failNext({ method: 'GET', path: STATUS_CHECK }, { reset: true }, 2)
    const run = await runAgainst(sim, {})
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('succeeded')
    expect(calls(sim, 'GET').filter((r) => r.fault && STATUS_CHECK.test(r.path))).toHaveLength(5)
    expectNoToken(run, sim.token)
  })

  it.concurrent(
    'times out a hung status check and recovers',
    async () => {
      const sim = await startSimulator()
      sim.failNext({ method: 'GET', path: STATUS_CHECK }, { delayMs: 45_000, passThrough: true })
      const run = await runAgainst(sim, {})
      expect(run.exitCode).toBe(0)
      expect(run.outputs.status).toBe('succeeded')
      expect(
        run.log.some((l) => /^Code Ocean answered (ECONNABORTED|ETIMEDOUT) when trying to read run /.test(l))
      ).toBe(true)
    },
    90_000
  )

  it.concurrent('survives a malformed answer to a status check', async () => {
    const sim = await startSimulator()
    sim.failNext(
      { method: 'GET', path: STATUS_CHECK },
      { status: 200, body: 'not json at all', contentType: 'application/json' }
    )
    const run = await runAgainst(sim, {})
    expect(run.exitCode).toBe(0)
    const warnings = run.annotations.filter((a) => a.level === 'warning')
    expect(warnings).toHaveLength(1)
    expect(warnings[0].message).toContain('not a run: not json at all')
  })
})
