import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { InputErrors } from '../../src/inputs/errors.js'
import { readRunId, START_ONLY_INPUTS, START_ONLY_SWITCHES } from '../../src/inputs/followed-run.js'
import { getSettings, type FollowSettings, type Settings, type StepSettings } from '../../src/inputs/settings.js'
import { parseStopChoice, parseTimeoutChoice } from '../../src/inputs/values.js'

const RUN = '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60'
const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'

/** The defaults action.yml declares, as the runner passes them (an expression default is left out). */
const DEFAULTS: Record<string, string> = Object.fromEntries(
  Object.entries((parse(readFileSync('action.yml', 'utf8')) as ActionManifest).inputs).flatMap(([name, spec]) => {
    const value = spec?.default
    return typeof value === 'string' && !value.includes('${{') ? [[name, value]] : []
  })
)

interface ActionManifest {
  /** action.yml writes every default as a string (quoted where YAML would read another type). */
  inputs: Record<string, { default?: string } | null>
}

/** The inputs as the runner passes them: every default of action.yml, a domain, plus `inputs`. */
function withDefaults(inputs: Record<string, string>): Record<string, string> {
  return { domain: 'codeocean.example.com', ...DEFAULTS, ...inputs }
}

function settingsFor(inputs: Record<string, string>): StepSettings {
  const all = withDefaults(inputs)
  return getSettings('cop_test', (name) => all[name] ?? '', {})
}

function errorFor(inputs: Record<string, string>): string {
  try {
    settingsFor(inputs)
  } catch (error) {
    expect(error).toBeInstanceOf(InputErrors)
    return (error as Error).message
  }
  throw new Error('expected an input error')
}

/** A value of the right form for each start-only input. */
const START_VALUES: Record<(typeof START_ONLY_INPUTS)[number], string> = {
  'pipeline-id': PIPELINE,
  'capsule-id': PIPELINE,
  version: '2',
  'data-assets': `[{"id": "${PIPELINE}"}]`,
  processes: '[{"name": "align"}]',
  parameters: '["1"]',
  'named-parameters': '{"a": "1"}',
  'nextflow-profile': 'docker',
  'resume-run-id': RUN,
  'run-name': 'nightly'
}

describe('computation-id', () => {
  it('follows the run: no target, no request, and the wait and results settings as for a start', async () => {
    const s = settingsFor({ 'computation-id': RUN, 'wait-timeout': '30', 'download-results': 'results' })
    expect(s.computationId).toBe(RUN)
    expect(s.run).toBeUndefined()
    expect(s.waitTimeoutMinutes).toBe(30)
    expect(s.downloadFolder).toMatch(/results$/)
  })

  it.each(START_ONLY_INPUTS.map((name) => [name]))('refuses %s beside it, naming both', async (name) => {
    const message = errorFor({ 'computation-id': RUN, [name]: START_VALUES[name] })
    expect(message).toContain(`Input 'computation-id' and '${name}': both are set`)
    expect(message).toContain(`Remove '${name}' to follow the run`)
    expect(message).toContain(`computation-id: ${RUN}`)
  })

  it.each(START_ONLY_SWITCHES.map((name) => [name]))(
    'refuses %s: true beside it, and takes its default false',
    async (name) => {
      expect(errorFor({ 'computation-id': RUN, [name]: 'true' })).toContain(`Input 'computation-id' and '${name}'`)
      expect(settingsFor({ 'computation-id': RUN, [name]: 'false' }).computationId).toBe(RUN)
    }
  )

  it('reports every conflict at once, with the form of the id', async () => {
    const message = errorFor({ 'computation-id': 'run-42', 'capsule-id': PIPELINE, version: '3', wait: 'false' })
    expect(message).toMatch(/^4 inputs need fixing:/)
    expect(message).toContain(`Input 'computation-id': "run-42" is not a Code Ocean run id`)
    expect(message).toContain("Input 'computation-id' and 'capsule-id'")
    expect(message).toContain("Input 'computation-id' and 'version'")
    expect(message).toContain("Input 'wait': is false, but following a run")
    // Following needs no target: the usual "give pipeline-id or capsule-id" is not said.
    expect(message).not.toContain('neither is set')
  })

  it("takes the run id out of a run's address pasted in, and says so", async () => {
    const all = withDefaults({ 'computation-id': `https://codeocean.example.com/computation/${RUN.toUpperCase()}` })
    const log: string[] = []
    const s = getSettings(
      'cop_test',
      (name) => all[name] ?? '',
      {},
      (line) => log.push(line)
    )
    expect(s.computationId).toBe(RUN)
    expect(log).toEqual([`Input 'computation-id' is an address; following the run id it contains: ${RUN}`])
    expect(readRunId(`https://co.example.com/capsule/${PIPELINE}/runs/${RUN}?tab=logs`)).toEqual({
      id: RUN,
      fromAddress: true
    })
    expect(readRunId(RUN)).toEqual({ id: RUN, fromAddress: false })
  })

  it('refuses an address with several ids, showing where each stands and which part is the run id', async () => {
    const address = `https://co.example.com/capsule/${PIPELINE}/tree/${RUN}`
    const message = errorFor({ 'computation-id': address })
    expect(message).toBe(
      `Input 'computation-id': "${address}" holds 2 ids, and which one is the run's is not clear: ` +
        `${PIPELINE} (after 'capsule/'), ${RUN} (after 'tree/'). Give the run's id alone; in a run's address it ` +
        'is the part after /computation/, as in https://codeocean.example.com/computation/9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60\n' +
        `  Example: computation-id: ${RUN}`
    )
  })

  it.each([
    ['capsule', `https://co.example.com/capsule/${PIPELINE}/tree`, 'capsule/', 'capsule-id'],
    ['pipeline', `https://co.example.com/pipelines/${PIPELINE}`, 'pipelines/', 'pipeline-id'],
    ['capsule', `https://co.example.com/app?capsule_id=${PIPELINE}`, 'capsule_id=', 'capsule-id']
  ])("refuses a %s's address, whose one id is no run's, saying what to give instead", (kind, address, mark, input) => {
    expect(errorFor({ 'computation-id': address })).toBe(
      `Input 'computation-id': "${address}" is the address of a ${kind} (its id ${PIPELINE} follows '${mark}'), ` +
        "not of a run. Give the id of a run of it: in a run's address it is the part after /computation/, as in " +
        `https://codeocean.example.com/computation/9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60; to start a run of the ${kind} ` +
        `instead, give ${input}: ${PIPELINE} and no computation-id\n` +
        `  Example: computation-id: ${RUN}`
    )
  })

  it('refuses an address without an id as it refuses any other text', async () => {
    expect(errorFor({ 'computation-id': 'https://co.example.com/computation/42' })).toContain(
      `Input 'computation-id': "https://co.example.com/computation/42" is not a Code Ocean run id`
    )
  })

  it('ignores check-parameters, whose default true always arrives, but still checks its form', async () => {
    expect(settingsFor({ 'computation-id': RUN, 'check-parameters': 'false' }).computationId).toBe(RUN)
    expect(errorFor({ 'computation-id': RUN, 'check-parameters': 'maybe' })).toContain("Input 'check-parameters'")
  })
})

describe('stop-on-cancel and stop-on-timeout', () => {
  it('auto stops a run the step starts, and leaves a followed run alone', async () => {
    const started = settingsFor({ 'pipeline-id': PIPELINE, 'stop-on-timeout': 'auto' }) as Settings
    expect([started.stopOnCancel, started.stopOnTimeout]).toEqual([true, true])
    const followed = settingsFor({ 'computation-id': RUN, 'stop-on-timeout': 'auto' }) as FollowSettings
    expect([followed.stopOnCancel, followed.stopOnTimeout]).toEqual([false, false])
    expect(followed.stopChoices).toEqual({ cancel: 'auto', timeout: 'auto' })
  })

  it('the defaults: stop a started run on a cancel, and no run on a timeout', async () => {
    const started = settingsFor({ 'pipeline-id': PIPELINE })
    expect([started.stopOnCancel, started.stopOnTimeout]).toEqual([true, false])
    const followed = settingsFor({ 'computation-id': RUN })
    expect([followed.stopOnCancel, followed.stopOnTimeout]).toEqual([false, false])
  })

  it('true and false mean what they say, for a followed run too', async () => {
    const yes = settingsFor({ 'computation-id': RUN, 'stop-on-cancel': 'true', 'stop-on-timeout': 'true' })
    expect([yes.stopOnCancel, yes.stopOnTimeout]).toEqual([true, true])
    const no = settingsFor({ 'pipeline-id': PIPELINE, 'stop-on-cancel': 'false' })
    expect(no.stopOnCancel).toBe(false)
  })

  it('refuses anything else, with the right form', async () => {
    expect(parseStopChoice('stop-on-cancel', 'AUTO')).toBe('auto')
    expect(parseStopChoice('stop-on-cancel', 'False')).toBe(false)
    expect(() => parseStopChoice('stop-on-cancel', 'sometimes')).toThrow(
      /Input 'stop-on-cancel': "sometimes" is not true, false or auto\n.*stop-on-cancel: auto/
    )
  })

  it('reads stop-on-timeout as stop-on-cancel, and hand-over in any case', () => {
    for (const raw of ['auto', 'Auto', 'AUTO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']) {
      expect(parseTimeoutChoice('stop-on-timeout', raw)).toBe(parseStopChoice('stop-on-timeout', raw))
    }
    expect(parseTimeoutChoice('stop-on-timeout', 'Hand-Over')).toBe('hand-over')
    expect(() => parseTimeoutChoice('stop-on-timeout', 'tRUE')).toThrow(
      /Input 'stop-on-timeout': "tRUE" is not true, false, auto or hand-over\n.*stop-on-timeout: auto/
    )
  })
})

describe('stop-on-timeout: hand-over', () => {
  const handOver = {
    'pipeline-id': PIPELINE,
    'check-run': 'true',
    'github-token': 'ghs_test',
    'stop-on-timeout': 'hand-over'
  }

  it('with check-run, stops nothing on a timeout and hands the run over', () => {
    const settings = settingsFor(handOver)
    expect([settings.stopOnTimeout, settings.handOverOnTimeout]).toEqual([false, true])
    expect(settings.stopChoices.timeout).toBe('hand-over')
    expect(settingsFor({ ...handOver, 'stop-on-timeout': 'Hand-Over' }).handOverOnTimeout).toBe(true)
  })

  it('true, false and auto keep working, and hand over nothing', () => {
    for (const value of ['true', 'false', 'auto']) {
      expect(settingsFor({ ...handOver, 'stop-on-timeout': value }).handOverOnTimeout).toBe(false)
    }
    expect(settingsFor({ ...handOver, 'stop-on-timeout': 'true' }).stopOnTimeout).toBe(true)
  })

  it('needs check-run: true, and says so naming both inputs, with an example', () => {
    const message = errorFor({ 'pipeline-id': PIPELINE, 'stop-on-timeout': 'hand-over' })
    expect(message).toContain("Input 'stop-on-timeout' and 'check-run': 'stop-on-timeout: hand-over' leaves the run")
    expect(message).toContain('check-run: true\n')
    expect(message).toContain('stop-on-timeout: hand-over')
  })

  it('is refused for a followed run, whose check no settle step can find', () => {
    const message = errorFor({ ...handOver, 'pipeline-id': '', 'computation-id': RUN })
    expect(message).toContain("Input 'stop-on-timeout' and 'computation-id'")
  })

  it('refuses anything else, naming hand-over among the choices', () => {
    expect(errorFor({ ...handOver, 'stop-on-timeout': 'handover' })).toContain(
      `Input 'stop-on-timeout': "handover" is not true, false, auto or hand-over`
    )
  })
})
