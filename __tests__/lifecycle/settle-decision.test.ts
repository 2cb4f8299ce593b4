import { describe, expect, it } from '@jest/globals'
import type { Computation } from '../../src/codeocean/models/computation.js'
import { decideSettle, type SettleDecision } from '../../src/lifecycle/settle-decision.js'
import { fitCheckOutput, MAX_CHECK_OUTPUT_BYTES } from '../../src/report/checks/check-run.js'
import type { OurCheck } from '../../src/report/checks/pending-checks.js'

const RUN = '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60'
const NOW = Date.parse('2026-12-08T12:00:00Z')
const DAY = 24 * 3_600_000

function check(ageMs: number): OurCheck {
  return {
    id: 7,
    name: 'Code Ocean: nightly',
    identity: { kind: 'pipeline', target: '4bc97533-6eb4-48ac-966f-648548a756d2', run: RUN },
    startedAt: new Date(NOW - ageMs).toISOString()
  }
}

/** The output of a decision that completes the check (the test fails otherwise). */
function outputOf(decision: SettleDecision): { title: string; summary: string; text?: string } {
  if (decision.action !== 'complete') throw new Error(`not completed: ${decision.reason}`)
  return decision.output
}

function warningOf(decision: SettleDecision): string | undefined {
  return decision.action === 'leave' ? decision.warning : undefined
}

function run(fields: Partial<Computation>): Computation {
  const c = { id: RUN, name: 'nightly', state: 'completed', ...fields }
  return { ...c, raw: { ...c } }
}

describe('what a settle step does with one check', () => {
  it.each<[string, Partial<Computation>, string, string]>([
    ['succeeded', { end_status: 'succeeded', exit_code: 0 }, 'success', 'Code Ocean run succeeded'],
    ['failed', { end_status: 'failed', exit_code: 1 }, 'failure', 'Code Ocean run failed'],
    ['exited non-zero', { end_status: 'succeeded', exit_code: 2 }, 'failure', 'Code Ocean run failed'],
    ['ended in state failed', { state: 'failed' }, 'failure', 'Code Ocean run failed'],
    ['was stopped', { end_status: 'stopped' }, 'cancelled', 'Code Ocean run was stopped']
  ])('completes the check of a run that %s', (_, fields, conclusion, title) => {
    const decision = decideSettle(check(DAY), { run: run(fields) }, 7, NOW)
    expect(decision).toMatchObject({ action: 'complete', conclusion, output: { title } })
    const output = outputOf(decision)
    expect(output.summary).toContain(RUN)
    expect(output.summary).toContain('settle step')
    expect(output.text === undefined).toBe(conclusion === 'success')
  })

  it('leaves a young check whose run is still going, and times out an old one', () => {
    const going = { run: run({ state: 'running', end_status: undefined }) }
    expect(decideSettle(check(6 * DAY), going, 7, NOW)).toEqual({
      action: 'leave',
      reason: 'left in progress: the run is still running'
    })
    const old = decideSettle(check(7 * DAY + 60_000), going, 7, NOW)
    expect(old).toMatchObject({ action: 'complete', conclusion: 'timed_out' })
    expect(outputOf(old).text).toMatch(/longer than settle.*max.*age \(7 days/)
    expect(outputOf(old).summary).toContain('Timed out')
  })

  it.each([
    ['no start time', undefined],
    ['one that is not a time', 'yesterday'],
    ['one in the future', new Date(NOW + 30 * DAY).toISOString()]
  ])('never times out a check with %s, and warns', (_, startedAt) => {
    const going = { run: run({ state: 'running', end_status: undefined }) }
    const decision = decideSettle({ ...check(0), startedAt }, going, 7, NOW)
    expect(decision).toMatchObject({ action: 'leave', reason: expect.stringContaining('start time is unknown') })
    expect(decision.action === 'leave' ? decision.warning : '').toContain('no start time in the past')
  })

  it('completes the check of a run Code Ocean no longer has as cancelled', () => {
    const decision = decideSettle(check(DAY), { gone: true }, 7, NOW)
    expect(decision).toMatchObject({
      action: 'complete',
      conclusion: 'cancelled',
      output: { title: 'Code Ocean run no longer exists' }
    })
  })

  it('leaves a check whose run could not be read, with a warning naming it', () => {
    const decision = decideSettle(check(30 * DAY), { error: 'Code Ocean answered 503' }, 7, NOW)
    expect(decision).toMatchObject({ action: 'leave' })
    expect(warningOf(decision)).toContain(`${RUN} for check 'Code Ocean: nightly'`)
  })

  it('runs every text through the redaction', () => {
    const decision = decideSettle(check(DAY), { run: run({ name: 'run s3cret', end_status: 'failed' }) }, 7, NOW, (t) =>
      t.replaceAll('s3cret', '***')
    )
    expect(JSON.stringify(decision)).not.toContain('s3cret')
  })

  it("cuts a check's output to GitHub's 65,535 bytes, counting bytes", () => {
    const cut = fitCheckOutput('😀'.repeat(20_000) + '\n' + 'x\n'.repeat(10))
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(MAX_CHECK_OUTPUT_BYTES)
    expect(cut).toContain('was cut')
  })
})
