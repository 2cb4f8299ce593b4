import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { getSettings, type Settings } from '../../src/inputs/settings.js'
import {
  parseDownloadFolder,
  parsePollInterval,
  parseResultsTimeout,
  parseWaitTimeout
} from '../../src/inputs/values.js'
import { BAD_INPUTS } from '../bad-inputs.js'
import { inputErrorMessage } from '../support/input-errors.js'

const DEFAULTS: Record<string, string> = {
  domain: 'codeocean.example.com',
  secret: 'cop_test',
  wait: 'true',
  'poll-interval': 'auto'
}

async function errorFor(inputs: Record<string, string>): Promise<string> {
  const all = { ...DEFAULTS, ...inputs }
  return inputErrorMessage(() => getSettings(all.secret, (name) => all[name] ?? '', {}))
}

describe('bad input', () => {
  it.each(BAD_INPUTS.map((b) => [b.name, b] as const))('%s', async (_name, bad) => {
    const message = await errorFor(bad.inputs)
    for (const part of bad.expect) {
      expect(message).toMatch(part) // a string part must appear as is, a RegExp must match
    }
  })

  it('reports every bad input at once', async () => {
    const message = await errorFor({ 'capsule-id': 'x', version: '-1', wait: 'maybe' })
    expect(message).toMatch(/^3 inputs need fixing:/)
    expect(message).toContain("Input 'capsule-id'")
    expect(message).toContain("Input 'version'")
    expect(message).toContain("Input 'wait'")
  })

  it('never puts the token in an error', async () => {
    const message = await errorFor({ 'pipeline-id': 'cop_test', domain: 'https://cop_test@x' })
    expect(message).not.toContain('cop_test')
  })
})

describe('settings', () => {
  it('gives the check run the GitHub token only with check-run: true', () => {
    const inputs = (more: Record<string, string>) => (n: string) =>
      ({ ...DEFAULTS, 'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2', 'github-token': 'ghs_x', ...more })[n] ??
      ''
    expect(getSettings('t', inputs({}), {}).checkToken).toBeUndefined()
    expect(getSettings('t', inputs({ 'check-run': 'false' }), {}).checkToken).toBeUndefined()
    const on = getSettings('t', inputs({ 'check-run': 'true' }), {})
    expect([on.checkToken, on.commentToken]).toEqual(['ghs_x', undefined])
  })

  it('falls back to CODEOCEAN_DOMAIN and resolves the API base', async () => {
    const s = getSettings('t0k3n', (n) => ({ 'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2' })[n] ?? '', {
      CODEOCEAN_DOMAIN: 'https://co.example.org/prefix/api/v1/'
    })
    expect(s.location.apiBase).toBe('https://co.example.org/prefix/api/v1')
  })

  it('builds the default run name from the GitHub context', async () => {
    const inputs: Record<string, string> = { ...DEFAULTS, 'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2' }
    const s = getSettings('t0k3n', (n) => inputs[n] ?? '', {
      GITHUB_REPOSITORY: 'octo/genomics',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_WORKFLOW: 'Nightly',
      GITHUB_RUN_NUMBER: '42'
    }) as Settings
    expect(s.runName).toBe('octo/genomics@0123456 Nightly #42')
  })

  it('trims every input itself, for hosts that pass inputs on untrimmed', async () => {
    const raw: Record<string, string> = {
      domain: ' codeocean.example.com\n',
      'pipeline-id': '  4bc97533-6eb4-48ac-966f-648548a756d2 \n',
      wait: ' false ',
      'poll-interval': ' 30\n',
      'run-name': '  nightly \n',
      'nextflow-profile': ' docker\n'
    }
    const s = getSettings('t0k3n', (n) => raw[n] ?? '', {}) as Settings
    expect(s.location.apiBase).toBe('https://codeocean.example.com/api/v1')
    expect(s.run.target).toEqual({ kind: 'pipeline', id: '4bc97533-6eb4-48ac-966f-648548a756d2' })
    expect(s.wait).toBe(false)
    expect(s.pollInterval).toBe(30)
    expect(s.runName).toBe('nightly')
    expect(s.run.nextflowProfile).toBe('docker')
  })

  it('sends a quoted ~ or null as the text, and an empty quoted value as empty', async () => {
    const raw: Record<string, string> = {
      ...DEFAULTS,
      'capsule-id': '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      parameters: `['~', "null", '', Nullable, ~x]`,
      'named-parameters': "Mode: 'null'\nEmpty: ''\n"
    }
    const s = getSettings('t0k3n', (n) => raw[n] ?? '', {}) as Settings
    expect(s.run.parameters).toEqual(['~', 'null', '', 'Nullable', '~x'])
    expect(s.run.namedParameters).toEqual([
      { param_name: 'Mode', value: 'null' },
      { param_name: 'Empty', value: '' }
    ])
  })

  it('reads poll-interval as auto or seconds', async () => {
    expect(parsePollInterval('poll-interval', 'auto')).toBe('auto')
    expect(parsePollInterval('poll-interval', '30')).toBe(30)
    expect(parsePollInterval('poll-interval', '7.5')).toBe(7.5)
    expect(() => parsePollInterval('poll-interval', '30s')).toThrow("not a number of seconds or 'auto'")
  })

  it('takes time inputs up to what a timer holds (2^31 - 1 ms), and refuses one beyond', () => {
    expect(parsePollInterval('poll-interval', '2147483')).toBe(2_147_483)
    expect(() => parsePollInterval('poll-interval', '2147483.7')).toThrow('longer than the action can wait')
    expect(parseWaitTimeout('wait-timeout', '35791')).toBe(35_791)
    expect(parseWaitTimeout('wait-timeout', '0')).toBe(0)
    expect(() => parseWaitTimeout('wait-timeout', '35792')).toThrow('at most 35791 minutes')
    expect(() => parseWaitTimeout('wait-timeout', '9'.repeat(400))).toThrow('longer than the action can wait')
  })

  it('reads results-timeout as minutes, up to what a timer holds, with an hour by default', async () => {
    expect(parseResultsTimeout('results-timeout', '0')).toBe(0)
    expect(parseResultsTimeout('results-timeout', '0.5')).toBe(0.5)
    expect(parseResultsTimeout('results-timeout', '35791')).toBe(35791)
    expect(() => parseResultsTimeout('results-timeout', '35791.4')).toThrow('at most 35791 minutes')
    expect(() => parseResultsTimeout('results-timeout', '1e9')).toThrow('is not a number of minutes')
    expect(() => parseResultsTimeout('results-timeout', '-1')).toThrow('is not a number of minutes')
    const inputs: Record<string, string> = { ...DEFAULTS, 'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2' }
    expect(getSettings('t0k3n', (n) => inputs[n] ?? '', {}).resultsTimeoutMinutes).toBe(60)
  })

  it('takes a download folder whose name starts with two dots, and refuses one that leaves the workspace', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
    expect(parseDownloadFolder('download-results', '..cache/results', workspace)).toBe(
      join(workspace, '..cache/results')
    )
    expect(() => parseDownloadFolder('download-results', '../elsewhere', workspace)).toThrow(
      'not a folder inside the workspace'
    )
    expect(() => parseDownloadFolder('download-results', '.', workspace)).toThrow('not a folder inside the workspace')
  })
})

describe('settle-workflow in a run step', () => {
  const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
  const runInputs = (more: Record<string, string>) => (name: string) =>
    ({ domain: 'codeocean.example.com', 'pipeline-id': PIPELINE, 'github-token': 'ghs_x', ...more })[name] ?? ''

  it('in a run step goes with check-run: true, and is refused without it', () => {
    const settings = getSettings('t', runInputs({ 'check-run': 'true', 'settle-workflow': 'settle.yml' }), {})
    expect(settings.settleWorkflow).toBe('settle.yml')
    const message = inputErrorMessage(() => getSettings('t', runInputs({ 'settle-workflow': 'settle.yml' }), {}))
    expect(message).toContain("Input 'settle-workflow' and 'check-run': 'settle-workflow' turns the settle workflow on")
    expect(message).toContain('check-run: true')
  })
})
