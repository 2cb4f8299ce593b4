import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import type { CodeOceanClient } from '../../../src/codeocean/client.js'
import type { Computation } from '../../../src/codeocean/models/computation.js'
import type { StepSettings } from '../../../src/inputs/settings.js'
import { watchRun } from '../../../src/lifecycle/run/backstop.js'
import { endEarly } from '../../../src/lifecycle/run/stop.js'
import { newStep } from '../../../src/lifecycle/step.js'
import type { CheckRuns } from '../../../src/report/checks/check-run.js'
import { printedLines } from '../../support/printed.js'

const RUN = '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60'
const saved = { ...process.env }
const printed = printedLines()

beforeEach(() => {
  const temp = mkdtempSync(join(tmpdir(), 'hand-over-'))
  process.env.RUNNER_TEMP = temp
  process.env.GITHUB_ACTION = 'codeocean'
  process.env.GITHUB_STATE = join(temp, 'state')
  process.env.GITHUB_OUTPUT = join(temp, 'output')
  writeFileSync(process.env.GITHUB_STATE, '')
  writeFileSync(process.env.GITHUB_OUTPUT, '')
})

afterEach(() => {
  process.exitCode = undefined
  process.env = { ...saved }
})

const run = { id: RUN, name: 'nightly', state: 'running', raw: {} } as unknown as Computation

function setup(handOver: boolean, withCheck: boolean) {
  const remove = jest.fn(async () => undefined)
  const client = { computations: { delete: remove } } as unknown as CodeOceanClient
  const settings = {
    waitTimeoutMinutes: 0.05,
    stopOnTimeout: false,
    handOverOnTimeout: handOver,
    stopChoices: { cancel: 'auto', timeout: handOver ? 'hand-over' : false }
  } as unknown as StepSettings
  const step = newStep({})
  if (withCheck) step.check = { id: 7, runId: RUN, checks: {} as CheckRuns }
  watchRun(RUN, true)
  return { remove, client, settings, step }
}

describe('stop-on-timeout: hand-over at the wait-timeout', () => {
  it('leaves the run running, ends as started without failing, and the post step stops nothing', async () => {
    const { remove, client, settings, step } = setup(true, true)
    await endEarly('timeout', client, run, settings, step)
    expect(remove).not.toHaveBeenCalled()
    expect(step.summary.status).toBe('started')
    expect(step.handedOver).toBe(true)
    expect(step.failure).toBeUndefined()
    expect(process.exitCode).toBeUndefined()
    const notice = printed.find((line) => line.startsWith('::notice::'))
    expect(notice).toContain("Handed Code Ocean run 'nightly' (")
    expect(notice).toContain('its check run stays in progress until a settle step (settle: true) completes it')
    expect(step.summary.notes.join('\n')).toContain('stop-on-timeout: hand-over')
    expect(readFileSync(process.env.GITHUB_STATE ?? '', 'utf8')).toMatch(/watching[\s\S]*false/)
    expect(readFileSync(process.env.GITHUB_OUTPUT ?? '', 'utf8')).toMatch(/status[\s\S]*started/)
  })

  it('without a check run (GitHub made none), times out as with false, saying why', async () => {
    const { remove, client, settings, step } = setup(true, false)
    await endEarly('timeout', client, run, settings, step)
    expect(remove).not.toHaveBeenCalled()
    expect(step.summary.status).toBe('timed-out')
    expect(step.failure).toContain('stop-on-timeout: hand-over hands it to a settle step through its check run')
    expect(process.exitCode).toBe(1)
  })

  it('a cancel is never handed over', async () => {
    const { client, settings, step } = setup(true, true)
    await endEarly('cancel', client, run, { ...settings, stopOnCancel: false }, step)
    expect(step.summary.status).toBe('cancelled')
    expect(step.handedOver).toBeUndefined()
  })
})
