import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { InputErrors } from '../../src/inputs/errors.js'
import { getSettings } from '../../src/inputs/settings.js'
import { getSettleSettings } from '../../src/inputs/settle.js'
import { parseSettleWorkflow, runningWorkflowFile } from '../../src/inputs/settle-workflow.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
const IN_SETTLE = { GITHUB_WORKFLOW_REF: 'octo-org/lab/.github/workflows/settle.yml@refs/heads/main' }

function messageOf(read: () => unknown): string {
  try {
    read()
  } catch (error) {
    expect(error).toBeInstanceOf(InputErrors)
    return (error as Error).message
  }
  throw new Error('expected an input error')
}

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

  const runInputs = (more: Record<string, string>) => (name: string) =>
    ({ domain: 'codeocean.example.com', 'pipeline-id': PIPELINE, 'github-token': 'ghs_x', ...more })[name] ?? ''

  it('in a run step goes with check-run: true, and is refused without it', () => {
    const settings = getSettings('t', runInputs({ 'check-run': 'true', 'settle-workflow': 'settle.yml' }), {})
    expect(settings.settleWorkflow).toBe('settle.yml')
    const message = messageOf(() => getSettings('t', runInputs({ 'settle-workflow': 'settle.yml' }), {}))
    expect(message).toContain("Input 'settle-workflow' and 'check-run': 'settle-workflow' turns the settle workflow on")
    expect(message).toContain('check-run: true')
  })

  const settleInputs = (more: Record<string, string>) => (name: string) =>
    ({ domain: 'codeocean.example.com', settle: 'true', 'github-token': 'ghs_x', ...more })[name] ?? ''

  it('in a settle step names the workflow the step runs in, and no other', () => {
    expect(getSettleSettings('t', settleInputs({ 'settle-workflow': 'settle.yml' }), IN_SETTLE).settleWorkflow).toBe(
      'settle.yml'
    )
    expect(getSettleSettings('t', settleInputs({}), IN_SETTLE).settleWorkflow).toBeUndefined()
    const other = messageOf(() => getSettleSettings('t', settleInputs({ 'settle-workflow': 'ci.yml' }), IN_SETTLE))
    expect(other).toContain("Input 'settle-workflow': names ci.yml, but this step runs in settle.yml")
    expect(other).toContain('settle-workflow: settle.yml')
    const unknown = messageOf(() => getSettleSettings('t', settleInputs({ 'settle-workflow': 'settle.yml' }), {}))
    expect(unknown).toContain('GITHUB_WORKFLOW_REF does not say which workflow this step runs in')
  })
})
