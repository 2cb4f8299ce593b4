import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { GitHubStandIn } from '../../../sim/github.js'
import { checkLeftOpen, recordCheck, settleCheck } from '../../../src/lifecycle/run/check-backstop.js'
import { post } from '../../../src/lifecycle/run/post-step.js'
import { printedLines } from '../../support/printed.js'

const STATE = 'STATE_check-run-id'
const RUN = '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60'
const saved = { ...process.env }
const printed = printedLines()

beforeEach(() => {
  const temp = mkdtempSync(join(tmpdir(), 'check-backstop-'))
  process.env.RUNNER_TEMP = temp
  process.env.GITHUB_ACTION = 'codeocean'
  process.env.GITHUB_STATE = join(temp, 'state')
  writeFileSync(process.env.GITHUB_STATE, '')
  delete process.env[STATE]
})

afterEach(() => {
  process.env = { ...saved }
})

describe("the post step's check run", () => {
  it('is the one the main step recorded and left open, with the run it recorded', () => {
    recordCheck(1234, RUN)
    process.env[STATE] = '1234'
    expect(checkLeftOpen()).toEqual({ id: 1234, runId: RUN })
  })

  it('is none once the main step settled it', () => {
    recordCheck(1234, RUN)
    settleCheck(1234, RUN)
    process.env[STATE] = '1234'
    expect(checkLeftOpen()).toBeUndefined()
    process.env[STATE] = ''
    expect(checkLeftOpen()).toBeUndefined()
  })

  it('is never one the state names but the step did not record (a forged save-state)', () => {
    recordCheck(1234, RUN)
    process.env[STATE] = '999'
    expect(checkLeftOpen()).toBeUndefined()
    expect(printed.join('')).toContain('completes nothing')
  })

  it('is none without a record of the step', () => {
    process.env[STATE] = '1234'
    expect(checkLeftOpen()).toBeUndefined()
  })
})

describe("the post step's cancelled check", () => {
  it('names the run the main step recorded, whatever the state says of the run', async () => {
    const github = new GitHubStandIn()
    await github.start()
    try {
      const check = github.addCheckRun({ repo: 'octo/repo', headSha: 'a'.repeat(40), name: 'Code Ocean: nightly' })
      recordCheck(check.id, RUN)
      process.env[STATE] = String(check.id)
      // A `::save-state` line printed during the step can set this; it names no run of the step's.
      process.env['STATE_computation-id'] = 'forged<b>'
      Object.assign(process.env, {
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: 'octo/repo',
        'INPUT_GITHUB-TOKEN': github.token
      })
      await post()
      expect(check).toMatchObject({ status: 'completed', conclusion: 'cancelled' })
      expect(check.output.summary).toContain(`Code Ocean run \`${RUN}\``)
      expect(check.output.summary).not.toContain('forged')
    } finally {
      await github.stop()
    }
  })
})
