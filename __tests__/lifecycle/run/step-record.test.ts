import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { runLeftWatched, settleRun, watchRun } from '../../../src/lifecycle/run/backstop.js'
import { stepRecord } from '../../../src/lifecycle/run/step-record.js'
import { printedLines } from '../../support/printed.js'

const RUN = '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60'
const saved = { ...process.env }
const printed = printedLines()
let temp = ''

// A step on a runner: its temporary folder, its name, and the state file the post step reads.
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'step-record-'))
  const state = join(temp, 'state')
  writeFileSync(state, '')
  Object.assign(process.env, { RUNNER_TEMP: temp, GITHUB_ACTION: 'codeocean', GITHUB_STATE: state })
})

afterEach(() => {
  process.env = { ...saved }
})

interface Thing {
  name: string
}
const things = () =>
  stepRecord<Thing>('thing', (parsed) => (typeof parsed.name === 'string' ? { name: parsed.name } : undefined))
const byName = (thing: Thing) => thing.name
const refusal = (thing: Thing | undefined) => `refused, recorded ${thing?.name ?? 'nothing'}`

describe('a step record', () => {
  it('writes the record and saves the state on hand-over', () => {
    things().hand({ name: 'a' }, { 'thing-name': 'a' })
    expect(JSON.parse(readFileSync(join(temp, 'codeocean-run-action', 'thing-codeocean.json'), 'utf8'))).toEqual({
      name: 'a'
    })
    expect(readFileSync(process.env.GITHUB_STATE ?? '', 'utf8')).toContain('thing-name')
  })

  it('gives the record back when the state names it', () => {
    things().hand({ name: 'a' }, {})
    expect(things().agreeing('a', byName, refusal)).toEqual({ name: 'a' })
    expect(printed.join('')).toBe('')
  })

  it('refuses, with a warning, when the state names another', () => {
    things().hand({ name: 'a' }, {})
    expect(things().agreeing('b', byName, refusal)).toBeUndefined()
    expect(printed.join('')).toContain('::warning::refused, recorded a')
  })

  it('refuses a record that is missing, malformed or not of its kind', () => {
    expect(things().agreeing('a', byName, refusal)).toBeUndefined()
    things().hand({ name: 'a' }, {})
    const file = join(temp, 'codeocean-run-action', 'thing-codeocean.json')
    for (const text of ['null', '{"name": 7}', 'not json']) {
      writeFileSync(file, text)
      expect(things().agreeing('a', byName, refusal)).toBeUndefined()
    }
    expect(printed.join('')).toContain('refused, recorded nothing')
  })

  it('keeps each kind, and each step, apart', () => {
    things().hand({ name: 'a' }, {})
    const others = stepRecord<Thing>('other', (parsed) =>
      typeof parsed.name === 'string' ? { name: parsed.name } : undefined
    )
    expect(others.agreeing('a', byName, refusal)).toBeUndefined()
    process.env.GITHUB_ACTION = 'another-step'
    expect(things().agreeing('a', byName, refusal)).toBeUndefined()
  })

  it('writes nothing, and finds nothing, outside a runner', () => {
    delete process.env.RUNNER_TEMP
    things().hand({ name: 'a' }, {})
    expect(things().agreeing('a', byName, refusal)).toBeUndefined()
  })

  it('rewrites the record on settling only when given one', () => {
    const record = things()
    record.hand({ name: 'a' }, {})
    record.settle({ 'thing-name': '' })
    expect(record.agreeing('a', byName, refusal)).toEqual({ name: 'a' })
    record.settle({ 'thing-name': '' }, { name: 'b' })
    expect(record.agreeing('b', byName, refusal)).toEqual({ name: 'b' })
  })
})

describe("the post step's watched run", () => {
  const STATE_ID = 'STATE_computation-id'
  const STATE_WATCHING = 'STATE_watching'

  it('is the run the main step was still watching', () => {
    watchRun(RUN, true)
    Object.assign(process.env, { [STATE_ID]: RUN, [STATE_WATCHING]: 'true' })
    expect(runLeftWatched()).toBe(RUN)
  })

  it('is none once the main step settled it, whatever the state says', () => {
    watchRun(RUN, true)
    settleRun()
    Object.assign(process.env, { [STATE_ID]: RUN, [STATE_WATCHING]: 'true' })
    expect(runLeftWatched()).toBeUndefined()
  })

  it('is never one the state names but the step did not start (a forged save-state)', () => {
    watchRun(RUN, true)
    Object.assign(process.env, { [STATE_ID]: 'forged', [STATE_WATCHING]: 'true' })
    expect(runLeftWatched()).toBeUndefined()
    expect(printed.join('')).toContain('it stops nothing')
  })

  it('tells a forged id of any length capped', () => {
    watchRun(RUN, true)
    Object.assign(process.env, { [STATE_ID]: 'f'.repeat(50_000), [STATE_WATCHING]: 'true' })
    expect(runLeftWatched()).toBeUndefined()
    const told = printed.join('')
    expect(told).toContain('(49,900 more characters)')
    expect(told.length).toBeLessThan(1_000)
  })
})
