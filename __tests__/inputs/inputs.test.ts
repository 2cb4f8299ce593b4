import { describe, expect, it } from '@jest/globals'
import { getSettings, InputErrors } from '../../src/inputs/settings.js'
import { parsePollInterval } from '../../src/inputs/values.js'
import { BAD_INPUTS } from '../bad-inputs.js'

const DEFAULTS: Record<string, string> = {
  domain: 'codeocean.example.com',
  secret: 'cop_test',
  wait: 'true',
  'poll-interval': 'auto'
}

function errorFor(inputs: Record<string, string>): string {
  const all = { ...DEFAULTS, ...inputs }
  try {
    getSettings(all.secret, (name) => all[name] ?? '', {})
  } catch (error) {
    expect(error).toBeInstanceOf(InputErrors)
    return (error as Error).message
  }
  throw new Error('expected an input error')
}

describe('bad input', () => {
  it.each(BAD_INPUTS.map((b) => [b.name, b] as const))('%s', (_name, bad) => {
    const message = errorFor(bad.inputs)
    for (const part of bad.expect) {
      expect(message).toMatch(part) // a string part must appear as is, a RegExp must match
    }
  })

  it('reports every bad input at once', () => {
    const message = errorFor({ 'capsule-id': 'x', version: '-1', wait: 'maybe' })
    expect(message).toMatch(/^3 inputs need fixing:/)
    expect(message).toContain("Input 'capsule-id'")
    expect(message).toContain("Input 'version'")
    expect(message).toContain("Input 'wait'")
  })

  it('never puts the token in an error', () => {
    const message = errorFor({ 'pipeline-id': 'cop_test', domain: 'https://cop_test@x' })
    expect(message).not.toContain('cop_test')
  })
})

describe('settings', () => {
  it('falls back to CODEOCEAN_DOMAIN and resolves the API base', () => {
    const s = getSettings('t0k3n', (n) => ({ 'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2' })[n] ?? '', {
      CODEOCEAN_DOMAIN: 'https://co.example.org/prefix/api/v1/'
    })
    expect(s.location.apiBase).toBe('https://co.example.org/prefix/api/v1')
  })

  it('builds the default run name from the GitHub context', () => {
    const inputs: Record<string, string> = { ...DEFAULTS, 'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2' }
    const s = getSettings('t0k3n', (n) => inputs[n] ?? '', {
      GITHUB_REPOSITORY: 'octo/genomics',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_WORKFLOW: 'Nightly',
      GITHUB_RUN_NUMBER: '42'
    })
    expect(s.runName).toBe('octo/genomics@0123456 Nightly #42')
  })

  it('reads poll-interval as auto or seconds', () => {
    expect(parsePollInterval('poll-interval', 'auto')).toBe('auto')
    expect(parsePollInterval('poll-interval', '30')).toBe(30)
    expect(parsePollInterval('poll-interval', '7.5')).toBe(7.5)
    expect(() => parsePollInterval('poll-interval', '30s')).toThrow("not a number of seconds or 'auto'")
  })
})
