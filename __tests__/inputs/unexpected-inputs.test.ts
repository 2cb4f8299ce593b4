import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import {
  DECLARED_INPUTS,
  inputVariable,
  unexpectedInputs,
  warnAboutUnexpectedInputs
} from '../../src/inputs/unexpected-inputs.js'

const declaredInAction = Object.keys((parse(readFileSync('action.yml', 'utf8')) as { inputs: object }).inputs)

/** The environment a runner gives the step for `with:` keys `given`, plus the defaults of every declared input. */
function runnerEnv(...given: string[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: '/usr/bin', GITHUB_ACTIONS: 'true' }
  for (const name of [...DECLARED_INPUTS, ...given]) env[inputVariable(name)] = ''
  return env
}

function warningsFor(env: NodeJS.ProcessEnv): string[] {
  const warnings: string[] = []
  warnAboutUnexpectedInputs(env, (message) => warnings.push(message))
  return warnings
}

describe('inputs the action does not declare', () => {
  it('knows exactly the inputs action.yml declares', () => {
    expect([...DECLARED_INPUTS].sort()).toEqual([...declaredInAction].sort())
  })

  it('names variables as the runner does: upper case, spaces to _, hyphens kept', () => {
    expect(inputVariable('wait-timeout')).toBe('INPUT_WAIT-TIMEOUT')
    expect(inputVariable('sync_git')).toBe('INPUT_SYNC_GIT')
    expect(inputVariable('my input')).toBe('INPUT_MY_INPUT')
  })

  it('says nothing when every input is declared', () => {
    expect(warningsFor(runnerEnv())).toEqual([])
  })

  it('warns once per unknown input, with the declared name it most likely meant', () => {
    expect(warningsFor(runnerEnv('wait-timout', 'download-result', 'sync_git'))).toEqual([
      "Unexpected input 'download-result': did you mean 'download-results'? This action has no input 'download-result', so it is ignored.",
      "Unexpected input 'sync_git': did you mean 'sync-git'? This action has no input 'sync_git', so it is ignored.",
      "Unexpected input 'wait-timout': did you mean 'wait-timeout'? This action has no input 'wait-timout', so it is ignored."
    ])
  })

  it('warns without a guess when no declared name is close', () => {
    expect(warningsFor(runnerEnv('notify-slack-channel'))).toEqual([
      "Unexpected input 'notify-slack-channel': this action has no input of that name, so it is ignored. " +
        'The inputs it reads are listed in its action.yml.'
    ])
  })

  it('ignores other variables, and a bare INPUT_', () => {
    expect(unexpectedInputs({ INPUTS: 'x', MY_INPUT_X: 'y', INPUT_: 'z', 'INPUT_PIPELINE-ID': 'p' })).toEqual([])
  })

  it('prints a name on one line, never as a workflow command', () => {
    const [warning] = warningsFor({ 'INPUT_X\n::ERROR::FORGED': '' })
    expect(warning).toBe(
      "Unexpected input 'x⏎::error::forged': this action has no input of that name, so it is ignored. " +
        'The inputs it reads are listed in its action.yml.'
    )
  })
})
