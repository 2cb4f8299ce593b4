import { describe, expect, it } from '@jest/globals'
import type { Computation } from '../../src/codeocean/models/computation.js'
import { judge, succeeded } from '../../src/lifecycle/verdict.js'

function ended(fields: Partial<Computation>): Computation {
  const c = { id: '6a4ba1e4-9a43-4a5c-8a1e-2f1f9b8e0c11', name: 'nightly check', state: 'completed', ...fields }
  return { ...c, raw: { ...c } }
}

describe('judging a finished run', () => {
  it('calls only completed, end status succeeded and exit code 0 (or none) a success', () => {
    expect(succeeded(ended({ end_status: 'succeeded', exit_code: 0 }))).toBe(true)
    expect(succeeded(ended({ end_status: 'succeeded' }))).toBe(true)
    expect(judge(ended({ end_status: 'succeeded', exit_code: 0 }))).toEqual({
      status: 'succeeded',
      succeeded: true,
      message:
        "Code Ocean run 'nightly check' (6a4ba1e4-9a43-4a5c-8a1e-2f1f9b8e0c11) succeeded (state completed, end status succeeded, exit code 0)"
    })
  })

  // The four ways a run ends badly, as the simulator's outcomes make them end to end.
  it.each<[string, Partial<Computation>, string, string]>([
    [
      'failed',
      { end_status: 'failed', exit_code: 1 },
      'failed',
      'failed: state completed, end status failed, exit code 1'
    ],
    [
      'succeeded with a non-zero exit code',
      { end_status: 'succeeded', exit_code: 1 },
      'failed',
      'failed: state completed, end status succeeded, exit code 1'
    ],
    ['ended in state failed', { state: 'failed' }, 'failed', 'failed: state failed, end status none, exit code none'],
    [
      'was stopped',
      { end_status: 'stopped' },
      'stopped',
      'was stopped: state completed, end status stopped, exit code none'
    ]
  ])('a run that %s fails the step', (_, fields, status, words) => {
    const verdict = judge(ended(fields))
    expect(verdict.succeeded).toBe(false)
    expect(verdict.status).toBe(status)
    expect(verdict.message).toBe(`Code Ocean run 'nightly check' (6a4ba1e4-9a43-4a5c-8a1e-2f1f9b8e0c11) ${words}`)
  })

  it('keeps a hostile name and state on one inert line', () => {
    const verdict = judge(ended({ name: 'x\n::error::boom', state: 'completed\r\n::warning::x', end_status: 'failed' }))
    expect(verdict.message).not.toMatch(/[\r\n]/)
    expect(verdict.message).not.toMatch(/^::/m)
  })
})
