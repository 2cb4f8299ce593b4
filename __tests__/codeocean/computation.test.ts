import { describe, expect, it } from '@jest/globals'
import { readComputation } from '../../src/codeocean/models/computation.js'
import { judge } from '../../src/lifecycle/verdict.js'

const base = { id: 'c1', name: 'Run 1', created: 1, run_time: 3 }

describe('judging a finished run', () => {
  it.each([
    [{ state: 'completed', end_status: 'succeeded', exit_code: 0 }, 'succeeded', true],
    [{ state: 'completed', end_status: 'succeeded' }, 'succeeded', true],
    [{ state: 'completed', end_status: 'succeeded', exit_code: 1 }, 'failed', false],
    [{ state: 'completed', end_status: 'failed', exit_code: 1 }, 'failed', false],
    [{ state: 'completed', end_status: 'stopped' }, 'stopped', false],
    [{ state: 'failed' }, 'failed', false],
    [{ state: 'completed' }, 'failed', false],
    [{ state: 'completed', end_status: 'weird' }, 'failed', false]
  ])('%j -> %s', (fields, status, succeeded) => {
    const verdict = judge(readComputation({ ...base, ...fields }))
    expect(verdict.status).toBe(status)
    expect(verdict.succeeded).toBe(succeeded)
  })

  it('names state, end status and exit code in a failure', () => {
    const verdict = judge(readComputation({ ...base, state: 'completed', end_status: 'succeeded', exit_code: 1 }))
    expect(verdict.message).toBe(
      "Code Ocean run 'Run 1' (c1) failed: state completed, end status succeeded, exit code 1"
    )
  })
})

describe('reading a computation', () => {
  it('tolerates capitalised keys, numbers as strings and extra fields', () => {
    const c = readComputation({
      Id: 'x',
      state: 'Running',
      Has_results: 'true',
      Run_time: '12',
      exit_code: '0',
      extra: [1]
    })
    expect(c).toMatchObject({ id: 'x', state: 'running', has_results: true, run_time: 12, exit_code: 0 })
  })

  it('uses the known id when the body lacks one', () => {
    expect(readComputation({ state: 'running' }, 'known').id).toBe('known')
  })

  it('explains a body without an id', () => {
    expect(() => readComputation('<html>oops</html>')).toThrow('not a run: <html>oops</html>')
    expect(() => readComputation({ state: 'running' })).toThrow('without a run id')
  })
})
