import { describe, expect, it } from '@jest/globals'
import { pauseWhenIdle, type PauseCalls } from '../../../src/lifecycle/run/settle-pause.js'
import type { WorkflowSwitch } from '../../../src/report/checks/workflow-switch.js'

/** Fakes of the settle step's GitHub calls, recording their order; `fail` names the calls that throw. */
function fakes(options: { pendingAfterOff?: boolean; fail?: Array<WorkflowSwitch | 'look'> } = {}) {
  const calls: string[] = []
  const refuse = (what: string): never => {
    throw Object.assign(new Error(`${what} refused`), { status: 403 })
  }
  const api: PauseCalls = {
    switchTo: async (to) => {
      calls.push(to)
      if (options.fail?.includes(to)) refuse(`turn ${to}`)
    },
    anyPending: async () => {
      calls.push('look')
      if (options.fail?.includes('look')) refuse('look')
      return options.pendingAfterOff ?? false
    },
    reason: (error) => (error as Error).message
  }
  return { calls, api }
}

describe('pauseWhenIdle', () => {
  it('turns the workflow off, looks once more, and stays off when nothing is pending', async () => {
    const { calls, api } = fakes()
    expect(await pauseWhenIdle('settle.yml', true, api)).toEqual({ kind: 'paused' })
    expect(calls).toEqual(['off', 'look'])
  })

  it('does nothing when the step left a check, failed or deferred some', async () => {
    const { calls, api } = fakes()
    expect(await pauseWhenIdle('settle.yml', false, api)).toEqual({ kind: 'running' })
    expect(calls).toEqual([])
  })

  it('turns it back on when a check was opened meanwhile, quietly', async () => {
    const { calls, api } = fakes({ pendingAfterOff: true })
    expect(await pauseWhenIdle('settle.yml', true, api)).toEqual({ kind: 'running', warning: undefined })
    expect(calls).toEqual(['off', 'look', 'on'])
  })

  it('turns it back on, with a warning, when the second look fails', async () => {
    const { calls, api } = fakes({ fail: ['look'] })
    const outcome = await pauseWhenIdle('settle.yml', true, api)
    expect(calls).toEqual(['off', 'look', 'on'])
    expect(outcome).toEqual({
      kind: 'running',
      warning: 'Kept this settle workflow on: could not look again for pending check runs (look refused).'
    })
  })

  it('warns and goes on when GitHub refuses the turn-off', async () => {
    const { calls, api } = fakes({ fail: ['off'] })
    const outcome = await pauseWhenIdle('settle.yml', true, api)
    expect(calls).toEqual(['off'])
    expect(outcome).toEqual({
      kind: 'running',
      warning:
        'Could not turn off this settle workflow (settle.yml) while nothing is pending: turn off refused. Its schedule goes on.'
    })
  })

  it('fails the step when a check is pending and the workflow cannot be turned back on', async () => {
    const { calls, api } = fakes({ pendingAfterOff: true, fail: ['on'] })
    const outcome = await pauseWhenIdle('settle.yml', true, api)
    expect(calls).toEqual(['off', 'look', 'on'])
    expect(outcome.kind).toBe('stranded')
    expect(outcome.kind === 'stranded' && outcome.failure).toContain(
      "could not turn the workflow back on (turn on refused): turn it on in the repository's Actions tab"
    )
  })
})
