import { describe, expect, it } from '@jest/globals'
import { declaresAnything, readAppPanel } from '../../src/codeocean/models/app-panel.js'
import type { RunSpec } from '../../src/codeocean/models/run-request.js'
import {
  checkAgainstAppPanel,
  closestName,
  correctedValue,
  declaresPatterns,
  valueProblem
} from '../../src/inputs/app-panel-check.js'
import { PatternChecker } from '../../src/inputs/pattern-check.js'
import { CAPSULE_PANEL, PIPELINE_PANEL } from '../support/app-panels.js'

const CAPSULE = { kind: 'capsule', id: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b' } as const
const PIPELINE = { kind: 'pipeline', id: '4bc97533-6eb4-48ac-966f-648548a756d2' } as const
const capsulePanel = readAppPanel(CAPSULE_PANEL)
const pipelinePanel = readAppPanel(PIPELINE_PANEL)

function errorsOf(spec: RunSpec, panel = spec.target.kind === 'capsule' ? capsulePanel : pipelinePanel): string[] {
  return checkAgainstAppPanel(spec, panel, new PatternChecker()).errors.map((e) => e.message)
}

const named = (values: Record<string, string>): { param_name: string; value: string }[] =>
  Object.entries(values).map(([param_name, value]) => ({ param_name, value }))

describe('reading the app panel', () => {
  it('reads every field tolerantly, a process whose parameters are one object included', () => {
    expect(pipelinePanel.processes.map((p) => [p.name, p.parameters.map((q) => q.param_name)])).toEqual([
      ['capsule_art_simulation_illumina_1', ['Length', 'Platform']],
      ['capsule_np_create_folders_test_1', ['NumFiles']]
    ])
    expect(capsulePanel.parameters[0]).toMatchObject({ param_name: 'ReadLength', minimum: 50, maximum: 300 })
    expect(capsulePanel.dataAssets[1]).toMatchObject({ mount: 'Private', accessible: false })
  })

  it('takes anything it cannot read as not declared', () => {
    for (const body of [undefined, null, 'text', [], {}, { parameters: 'x', processes: [{ parameters: [] }] }]) {
      expect(declaresAnything(readAppPanel(body))).toBe(false)
    }
    expect(readAppPanel({ parameters: [{ minimum: 'ten', value_options: 'a' }] }).parameters[0]).toMatchObject({
      minimum: undefined,
      value_options: undefined
    })
  })
})

describe('names', () => {
  it('refuses a named parameter the panel does not declare, suggesting the closest', () => {
    const [error] = errorsOf({ target: CAPSULE, namedParameters: named({ Sample: 'S001', Mod: 'fast' }) })
    expect(error).toContain(
      "Input 'named-parameters': named parameter 'Mod' is not declared in the capsule's app panel"
    )
    expect(error).toContain("Did you mean 'Mode'?")
    expect(error).toContain('It declares: ReadLength, Mode, Sample.')
    expect(error).toContain('Example: named-parameters: ')
  })

  it('refuses a process the pipeline does not have, and checks each process against its own parameters', () => {
    const errors = errorsOf({
      target: PIPELINE,
      processes: [
        { name: 'capsule_art_simulation_ilumina_1', parameters: ['75'] },
        { name: 'capsule_np_create_folders_test_1', named_parameters: named({ Length: '10' }) }
      ]
    })
    expect(errors).toHaveLength(2)
    expect(errors[0]).toContain("process 'capsule_art_simulation_ilumina_1' is not a process of this pipeline")
    expect(errors[0]).toContain("Did you mean 'capsule_art_simulation_illumina_1'?")
    expect(errors[1]).toContain(
      "process 'capsule_np_create_folders_test_1': named parameter 'Length' is not declared in process 'capsule_np_create_folders_test_1'"
    )
    expect(errors[1]).toContain('It declares: NumFiles.')
  })

  it('suggests by case first, then by distance, and nothing far off', () => {
    expect(closestName('numfiles', ['NumFiles', 'Mode'])).toBe('NumFiles')
    expect(closestName('NumFile', ['NumFiles', 'Mode'])).toBe('NumFiles')
    expect(closestName('Temperature', ['NumFiles', 'Mode'])).toBeUndefined()
  })
})

describe('values', () => {
  it('refuses a value outside the options, the range or the pattern, and a number that is not one', () => {
    const p = capsulePanel.parameters
    const error = (message: string): { error: string } => ({ error: message })
    const patterns = new PatternChecker()
    expect(valueProblem(p[1], 'exct')).toEqual(
      error("'exct' is not one of the allowed values (fast, exact); did you mean 'exact'?")
    )
    expect(valueProblem(p[0], '20')).toEqual(error('20 is outside the allowed range (50 to 300)'))
    expect(valueProblem(p[0], '75.5')).toEqual(error("'75.5' is not a whole number (its type is integer)"))
    expect(valueProblem(p[0], 'long')).toEqual(error("'long' is not a number (its type is integer)"))
    expect(valueProblem(p[2], 'S12', patterns)).toEqual(error("'S12' does not match the pattern S[0-9]{3}"))
    expect(valueProblem(p[0], '300')).toBeUndefined()
    expect(valueProblem(p[2], 'S123', patterns)).toBeUndefined()
  })

  it("reports a pattern it cannot check as a warning, never as the value's fault", () => {
    const patterns = new PatternChecker()
    expect(valueProblem({ pattern: '([' }, 'anything', patterns)).toEqual({
      warning: 'the pattern ([ could not be checked (a linear-time engine cannot read it: missing closing ]: `[`)'
    })
    for (const pattern of ['(a)\\1', 'a(?=b)', '(?<=a)b']) {
      expect(valueProblem({ pattern }, 'ab', patterns)).toEqual({
        warning: expect.stringContaining('could not be checked')
      })
    }
  })

  it('checks patterns only with a checker, loaded for a panel that declares one', () => {
    expect(valueProblem({ pattern: 'S[0-9]{3}' }, 'S12')).toBeUndefined()
    expect(declaresPatterns(capsulePanel)).toBe(true)
    expect(declaresPatterns({ parameters: [{ name: 'a' }], processes: [], dataAssets: [] })).toBe(false)
    const inProcess = { parameters: [], processes: [{ name: 'p', parameters: [{ pattern: 'x' }] }], dataAssets: [] }
    expect(declaresPatterns(inProcess)).toBe(true)
  })

  it('caps the values and the allowed values it lists', () => {
    const options = Array.from({ length: 5_000 }, (_, i) => `option-${i}`)
    const finding = valueProblem({ value_options: options }, 'x'.repeat(100_000))
    const message = finding && 'error' in finding ? finding.error : ''
    expect(message).toMatch(/^'x{300}… \(99,700 more characters\)' is not one of the allowed values \(option-0, /)
    expect(message).toContain('option-9 and 4,990 more)')
    expect(message.length).toBeLessThan(600)
  })

  it('checks ordered parameters by position, and refuses more than the panel declares', () => {
    const errors = errorsOf({ target: CAPSULE, parameters: ['20', 'fast', 'S001', 'extra'] })
    expect(errors).toEqual([
      expect.stringContaining(
        "Input 'parameters': 4 ordered parameters are given, but the capsule's app panel declares 3"
      ),
      expect.stringContaining(
        "Input 'parameters': parameter 1 (ReadLength): 20 is outside the allowed range (50 to 300)"
      )
    ])
  })

  it('refuses a required parameter with neither a value nor a default, and nothing else when all is well', () => {
    expect(errorsOf({ target: CAPSULE, namedParameters: named({ Mode: 'exact' }) })).toEqual([
      expect.stringContaining("parameter 'Sample' is required by the capsule's app panel and has no default")
    ])
    expect(errorsOf({ target: CAPSULE, namedParameters: named({ Sample: 'S042', ReadLength: '150' }) })).toEqual([])
    expect(errorsOf({ target: CAPSULE, parameters: ['', 'exact', 'S042'] })).toEqual([])
  })

  it('reports every problem at once', () => {
    const errors = errorsOf({
      target: CAPSULE,
      namedParameters: named({ ReadLength: '5000', Mode: 'slow', Sampel: 'S1' })
    })
    expect(errors).toHaveLength(4)
  })
})

describe("each error's example is the user's own request, corrected", () => {
  /** The example line of each error. */
  const examplesOf = (spec: RunSpec, panel?: ReturnType<typeof readAppPanel>): string[] =>
    errorsOf(spec, panel).map((message) => message.split('\n  Example: ')[1])

  it('a value among the allowed ones, a number read as meant, a value brought within the range', () => {
    const panel = readAppPanel({
      parameters: [
        ...CAPSULE_PANEL.parameters,
        { name: 'Threshold', param_name: 'Threshold', value_type: 'number', minimum: 0, maximum: 10 }
      ]
    })
    const spec = {
      target: CAPSULE,
      namedParameters: named({ Sample: 'S001', Mode: 'exct', ReadLength: '20', Threshold: '1,5' })
    }
    expect(errorsOf(spec, panel)).toEqual([
      "Input 'named-parameters': named parameter 'Mode': 'exct' is not one of the allowed values (fast, exact); " +
        'did you mean \'exact\'?\n  Example: named-parameters: \'{"Mode":"exact"}\'',
      "Input 'named-parameters': named parameter 'ReadLength': 20 is outside the allowed range (50 to 300)\n" +
        `  Example: named-parameters: '{"ReadLength":"50"}'`,
      "Input 'named-parameters': named parameter 'Threshold': '1,5' is not a number (its type is number)\n" +
        `  Example: named-parameters: '{"Threshold":"1.5"}'`
    ])
  })

  it('an unknown name: the name it most likely meant, with the value corrected when that one refuses it', () => {
    expect(examplesOf({ target: CAPSULE, namedParameters: named({ Sample: 'S001', Mod: 'exct' }) })).toEqual([
      `named-parameters: '{"Mode":"exact"}'`
    ])
    expect(examplesOf({ target: CAPSULE, namedParameters: named({ Sample: 'S001', Mdoe: 'fast' }) })).toEqual([
      `named-parameters: '{"Mode":"fast"}'`
    ])
  })

  it('ordered parameters: the whole list, each value corrected, no more than declared', () => {
    expect(examplesOf({ target: CAPSULE, parameters: ['20', 'fsat', 'S001', 'extra'] })).toEqual([
      `parameters: '["50","fast","S001"]'`,
      `parameters: '["50","fast","S001"]'`,
      `parameters: '["50","fast","S001"]'`
    ])
  })

  it("a process's parameter, and a process name, in the process as given", () => {
    expect(
      examplesOf({
        target: PIPELINE,
        processes: [
          { name: 'capsule_art_simulation_illumina_1', named_parameters: named({ Length: '400' }) },
          { name: 'capsule_np_create_folder_test_1', named_parameters: named({ NumFiles: '3' }) }
        ]
      })
    ).toEqual([
      `processes: '[{"name":"capsule_art_simulation_illumina_1","named_parameters":{"Length":"250"}}]'`,
      `processes: '[{"name":"capsule_np_create_folders_test_1","named_parameters":{"NumFiles":"3"}}]'`
    ])
  })

  it('reads numbers the way they were most likely meant, and falls back to a value the parameter accepts', () => {
    const [readLength, mode, sample] = capsulePanel.parameters
    expect(correctedValue(readLength, '1,500')).toBe('300') // 1500, brought within 50 to 300
    expect(correctedValue({ value_type: 'integer' }, '1,500')).toBe('1500')
    expect(correctedValue(readLength, '75.5')).toBe('76')
    expect(correctedValue(readLength, 'long')).toBe('100') // its default
    expect(correctedValue(mode, 'FAST')).toBe('fast')
    expect(correctedValue(mode, 'quick')).toBe('fast') // nothing close: the first allowed value
    expect(correctedValue(sample, 'S12')).toBe('S12') // a pattern says nothing of what was meant
  })
})

describe('data assets', () => {
  it('warns about a mount the panel does not list and an asset it marks inaccessible, without errors', () => {
    const check = checkAgainstAppPanel(
      {
        target: CAPSULE,
        namedParameters: named({ Sample: 'S001' }),
        dataAssets: [
          { id: 'bf8cf993-a583-495c-bebd-2f38f81d1ea1', mount: 'Genome' },
          { id: 'eeefcc52-b445-4e3c-80c5-0e65526cd712', mount: 'Private' }
        ]
      },
      capsulePanel
    )
    expect(check.errors).toEqual([])
    expect(check.warnings).toEqual([
      expect.stringContaining(
        "mounted at 'Genome', which the capsule's app panel does not list (it lists Reference, Private). " +
          "The app panel mounts this data asset at 'Reference': did you mean that?"
      ),
      expect.stringContaining('marks data asset eeefcc52-b445-4e3c-80c5-0e65526cd712 (Cohort) as not accessible')
    ])
  })

  it("suggests the closest of the panel's mounts for an asset the panel does not attach", () => {
    const check = checkAgainstAppPanel(
      {
        target: CAPSULE,
        namedParameters: named({ Sample: 'S001' }),
        dataAssets: [{ id: '0d6f1b2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b', mount: 'Refrence' }]
      },
      capsulePanel
    )
    expect(check.warnings).toEqual([
      "Data asset 0d6f1b2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b is to be mounted at 'Refrence', which the capsule's app panel " +
        "does not list (it lists Reference, Private). Did you mean 'Reference'?"
    ])
  })
})

describe('names and values from the panel are outside text', () => {
  it('reach messages on one line, with no workflow command in them', () => {
    const panel = readAppPanel({
      parameters: [
        { name: 'x', param_name: 'Mode\n::error::forged', value_options: ['a\r##[error]forged', 'b'], required: true },
        { name: 'y\n::add-mask::failed', value_type: 'integer', minimum: 1 }
      ],
      data_assets: [
        { id: 'bf8cf993-a583-495c-bebd-2f38f81d1ea1', mount: 'M\n::set-output name=x::y', accessible: false }
      ]
    })
    const check = checkAgainstAppPanel(
      {
        target: CAPSULE,
        parameters: ['c', '0'],
        namedParameters: named({ Mod: 'z' }),
        dataAssets: [{ id: 'bf8cf993-a583-495c-bebd-2f38f81d1ea1', mount: 'Other' }]
      },
      panel
    )
    expect(check.errors.length).toBeGreaterThan(0)
    for (const text of [...check.errors.map((e) => e.message), ...check.warnings]) {
      for (const line of text.split('\n')) {
        expect(line.trimStart().startsWith('::')).toBe(false)
        expect(line).not.toContain('##[')
      }
    }
    expect(check.warnings.join(' ')).toContain('M⏎::set-output')
  })
})
