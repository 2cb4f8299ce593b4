import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { checkLeftOpen, recordCheck, settleCheck } from '../../../src/lifecycle/run/check-backstop.js'

const STATE = 'STATE_check-run-id'
const saved = { ...process.env }
let printed: string[] = []

beforeEach(() => {
  const temp = mkdtempSync(join(tmpdir(), 'check-backstop-'))
  process.env.RUNNER_TEMP = temp
  process.env.GITHUB_ACTION = 'codeocean'
  process.env.GITHUB_STATE = join(temp, 'state')
  writeFileSync(process.env.GITHUB_STATE, '')
  delete process.env[STATE]
  printed = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk))
    return true
  })
})

afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...saved }
})

describe("the post step's check run", () => {
  it('is the one the main step recorded and left open', () => {
    recordCheck(1234)
    process.env[STATE] = '1234'
    expect(checkLeftOpen()).toBe(1234)
  })

  it('is none once the main step settled it', () => {
    recordCheck(1234)
    settleCheck(1234)
    process.env[STATE] = '1234'
    expect(checkLeftOpen()).toBeUndefined()
    process.env[STATE] = ''
    expect(checkLeftOpen()).toBeUndefined()
  })

  it('is never one the state names but the step did not record (a forged save-state)', () => {
    recordCheck(1234)
    process.env[STATE] = '999'
    expect(checkLeftOpen()).toBeUndefined()
    expect(printed.join('')).toContain('completes nothing')
  })

  it('is none without a record of the step', () => {
    process.env[STATE] = '1234'
    expect(checkLeftOpen()).toBeUndefined()
  })
})
