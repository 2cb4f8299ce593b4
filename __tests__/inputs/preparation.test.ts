import { describe, expect, it } from '@jest/globals'
import { runAttemptOf } from '../../src/inputs/preparation.js'
import { getSettings, type Settings } from '../../src/inputs/settings.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'

async function settingsFor(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<Settings> {
  const all: Record<string, string> = { domain: 'codeocean.example.com', 'pipeline-id': PIPELINE, ...inputs }
  return getSettings('cop_test', (name) => all[name] ?? '', env) as Settings
}

describe('inputs for what happens before the run', () => {
  it('asks for nothing by default', async () => {
    const s = await settingsFor({})
    expect([s.syncGit, s.resumeOnRerun, s.runAttempt, s.run.resumeRunId]).toEqual([false, false, 1, undefined])
  })

  it('reads sync-git, resume-on-rerun and the attempt', async () => {
    const s = await settingsFor({ 'sync-git': 'true', 'resume-on-rerun': 'True' }, { GITHUB_RUN_ATTEMPT: '3' })
    expect([s.syncGit, s.resumeOnRerun, s.runAttempt]).toEqual([true, true, 3])
  })

  it('reads resume-run-id into the run request', async () => {
    const s = await settingsFor({ 'resume-run-id': ' 9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60 ' })
    expect(s.run.resumeRunId).toBe('9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60')
  })

  it('accepts pipeline-level parameters next to processes', async () => {
    const s = await settingsFor({ parameters: '[a]', 'named-parameters': 'x: 1', processes: '- name: p\n' })
    expect(s.run).toMatchObject({
      parameters: ['a'],
      namedParameters: [{ param_name: 'x', value: '1' }],
      processes: [{ name: 'p' }]
    })
  })

  it.each([
    [undefined, 1],
    ['1', 1],
    ['2', 2],
    ['0', 1],
    ['two', 1],
    ['1.5', 1]
  ])('reads GITHUB_RUN_ATTEMPT %s as attempt %d', (value, attempt) => {
    expect(runAttemptOf(value === undefined ? {} : { GITHUB_RUN_ATTEMPT: value })).toBe(attempt)
  })
})
