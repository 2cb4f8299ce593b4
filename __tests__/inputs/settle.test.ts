import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { getSettleSettings, isSettling, parseSettleMaxAge } from '../../src/inputs/settle.js'
import { parseSettleWorkflow, runningWorkflowFile } from '../../src/inputs/settle-workflow.js'
import { Input } from '../../src/names.js'
import { inputErrorMessage } from '../support/input-errors.js'

const DEFAULTS: Record<string, string> = {
  'sync-git': 'false',
  'resume-on-rerun': 'false',
  'check-parameters': 'true',
  wait: 'true',
  'poll-interval': 'auto',
  'wait-timeout': '0',
  'stop-on-cancel': 'auto',
  'stop-on-timeout': 'false',
  summary: 'true',
  'results-timeout': '60',
  'comment-on-pr': 'false',
  'check-run': 'false',
  'github-token': 'ghs_workflow_token_value',
  settle: 'true',
  'settle-max-age': '7'
}

const reader =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    ({ ...DEFAULTS, domain: 'codeocean.example.com', ...inputs })[name] ?? ''

describe('the inputs of a settle step', () => {
  // The GitHub token is masked as it is read (::add-mask::): kept out of the test's output.
  beforeEach(() => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it("takes the runner's defaults of every other input", () => {
    const settings = getSettleSettings('co-token', reader({}), {})
    expect(settings).toMatchObject({
      token: 'co-token',
      githubToken: 'ghs_workflow_token_value',
      summary: true,
      maxAgeDays: 7
    })
    expect(settings.location.apiBase).toBe('https://codeocean.example.com/api/v1')
  })

  it('refuses each input that starts, follows or shapes a run, naming them', () => {
    const read = reader({
      'pipeline-id': '4bc97533-6eb4-48ac-966f-648548a756d2',
      'computation-id': 'x',
      wait: 'false',
      'comment-on-pr': 'true'
    })
    expect(() => getSettleSettings('co-token', read, {})).toThrow(/4 inputs need fixing/)
    let message = ''
    try {
      getSettleSettings('co-token', read, {})
    } catch (error) {
      message = (error as Error).message
    }
    for (const name of ['pipeline-id', 'computation-id', 'wait', 'comment-on-pr']) {
      expect(message).toContain(`Input 'settle' and '${name}': both are set`)
    }
  })

  // Every input is either one a settle step reads or one it refuses: an input added later
  // must be placed on one side, or this fails.
  const SETTLE_READS = [
    'domain',
    'secret',
    'github-token',
    'summary',
    'settle',
    'settle-max-age',
    'settle-workflow',
    'download-results',
    'results-filter',
    'results-timeout'
  ]
  it.each(Object.values(Input).filter((name) => !SETTLE_READS.includes(name)))(
    'refuses %s set beside settle: true',
    (name) => {
      const read = reader({ [name]: 'a-value-no-default-has' })
      expect(() => getSettleSettings('co-token', read, {})).toThrow(`Input 'settle' and '${name}': both are set`)
    }
  )

  it("takes download-results, results-filter and results-timeout: the settled runs' downloads", () => {
    const read = reader({ 'download-results': 'results', 'results-filter': '*.csv\n!tmp/**', 'results-timeout': '5' })
    const settings = getSettleSettings('co-token', read, { GITHUB_WORKSPACE: '/w' })
    expect(settings).toMatchObject({
      downloadFolder: '/w/results',
      resultsFilter: ['*.csv', '!tmp/**'],
      resultsTimeoutMinutes: 5
    })
    expect(getSettleSettings('co-token', reader({}), {})).toMatchObject({ resultsTimeoutMinutes: 60 })
    expect(getSettleSettings('co-token', reader({}), {}).downloadFolder).toBeUndefined()
  })

  it('refuses a download folder outside the workspace, and a filter without a folder', () => {
    expect(() =>
      getSettleSettings('co-token', reader({ 'download-results': '/tmp/x' }), { GITHUB_WORKSPACE: '/w' })
    ).toThrow("Input 'download-results'")
    expect(() => getSettleSettings('co-token', reader({ 'results-filter': '*.csv' }), {})).toThrow(
      "Input 'results-filter': only applies to downloads"
    )
  })

  it('needs the Code Ocean address and token, and a GitHub token', () => {
    const read = reader({ domain: '', 'github-token': '' })
    expect(() => getSettleSettings('', read, {})).toThrow(/3 inputs need fixing/)
  })

  it.each(['0', '15', '7.5', 'seven', '-1'])('refuses settle-max-age %s', (raw) => {
    expect(() => parseSettleMaxAge(raw)).toThrow("Input 'settle-max-age'")
  })

  it.each([
    ['1', 1],
    ['14', 14]
  ])('takes settle-max-age %s', (raw, days) => {
    expect(parseSettleMaxAge(raw)).toBe(days)
  })

  it('settles for any settle value but empty or false, so that a wrong one is reported', () => {
    expect(isSettling(() => 'true')).toBe(true)
    expect(isSettling(() => 'yes')).toBe(true)
    expect(isSettling(() => 'False')).toBe(false)
    expect(isSettling(() => '')).toBe(false)
    expect(() => getSettleSettings('co-token', reader({ settle: 'yes' }), {})).toThrow(
      `Input 'settle': "yes" is not true or false`
    )
  })
})

const IN_SETTLE = { GITHUB_WORKFLOW_REF: 'octo-org/lab/.github/workflows/settle.yml@refs/heads/main' }

describe('settle-workflow', () => {
  // The GitHub token is masked as it is read (::add-mask::): kept out of the test's output.
  beforeEach(() => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it('takes a workflow file name, with or without its folder', () => {
    expect(parseSettleWorkflow('')).toBeUndefined()
    expect(parseSettleWorkflow('settle.yml')).toBe('settle.yml')
    expect(parseSettleWorkflow('.github/workflows/code-ocean_settle.yaml')).toBe('code-ocean_settle.yaml')
  })

  it.each(['settle', 'ci/settle.yml', '../settle.yml', '.settle.yml', 'settle.yml\n::error::x', 'settle.yml ', '123'])(
    'refuses %j, naming the input and showing the right form',
    (raw) => {
      expect(() => parseSettleWorkflow(raw)).toThrow(
        /^Input 'settle-workflow': "[^]*" is not the file name of a workflow in \.github\/workflows\/[^]*settle-workflow: settle\.yml$/
      )
    }
  )

  it("reads the running workflow's file from GITHUB_WORKFLOW_REF", () => {
    expect(runningWorkflowFile(IN_SETTLE)).toBe('settle.yml')
    expect(runningWorkflowFile({})).toBeUndefined()
    expect(runningWorkflowFile({ GITHUB_WORKFLOW_REF: 'settle.yml' })).toBeUndefined()
  })

  const settleInputs = (more: Record<string, string>) => (name: string) =>
    ({ domain: 'codeocean.example.com', settle: 'true', 'github-token': 'ghs_x', ...more })[name] ?? ''

  it('in a settle step names the workflow the step runs in, and no other', () => {
    expect(getSettleSettings('t', settleInputs({ 'settle-workflow': 'settle.yml' }), IN_SETTLE).settleWorkflow).toBe(
      'settle.yml'
    )
    expect(getSettleSettings('t', settleInputs({}), IN_SETTLE).settleWorkflow).toBeUndefined()
    const other = inputErrorMessage(() =>
      getSettleSettings('t', settleInputs({ 'settle-workflow': 'ci.yml' }), IN_SETTLE)
    )
    expect(other).toContain("Input 'settle-workflow': names ci.yml, but this step runs in settle.yml")
    expect(other).toContain('settle-workflow: settle.yml')
    const unknown = inputErrorMessage(() =>
      getSettleSettings('t', settleInputs({ 'settle-workflow': 'settle.yml' }), {})
    )
    expect(unknown).toContain('GITHUB_WORKFLOW_REF does not say which workflow this step runs in')
  })
})
