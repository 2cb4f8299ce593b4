import type { AttachedDataAsset, NamedParameter, Process } from '../codeocean/models/run-request.js'
import { InputError } from './errors.js'
import {
  checkKeys,
  describe,
  exampleFor,
  isPlainObject,
  parseStructured,
  UnquotedNull,
  type Example,
  type PlainObject
} from './structured.js'

/** The right form of each input, shown in its errors; structured inputs have a JSON and a YAML form. */
export const Examples = {
  id: 'pipeline-id: 4bc97533-6eb4-48ac-966f-648548a756d2',
  resumeRunId: 'resume-run-id: 9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60',
  dataAssets: {
    json: `data-assets: '[{"id": "bf8cf993-a583-495c-bebd-2f38f81d1ea1", "mount": "Alignment"}]'`,
    yaml: 'data-assets: |\n  - id: bf8cf993-a583-495c-bebd-2f38f81d1ea1\n    mount: Alignment'
  },
  processes: {
    json:
      `processes: '[{"name": "capsule_art_simulation_illumina_1", "parameters": ["75", "HS25"]}, ` +
      `{"name": "capsule_np_create_folders_test_1", "named_parameters": {"NumFiles": "10"}}]'`,
    yaml:
      'processes: |\n  - name: capsule_art_simulation_illumina_1\n    parameters: ["75", HS25]\n' +
      '  - name: capsule_np_create_folders_test_1\n    named_parameters: {NumFiles: 10}'
  },
  parameters: {
    json: `parameters: '["75", "1", "HS25", "", "False"]'`,
    yaml: "parameters: |\n  - 75\n  - 1\n  - HS25\n  - ''\n  - 'False'"
  },
  namedParameters: {
    json: `named-parameters: '{"NumFiles": "10", "Mode": "fast"}'`,
    yaml: 'named-parameters: |\n  NumFiles: 10\n  Mode: fast'
  }
} as const satisfies Record<string, string | Example>

const CODE_OCEAN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Checks that `value` looks like a Code Ocean id (a UUID). */
export function parseId(input: string, value: string, example: string = Examples.id): string {
  if (!CODE_OCEAN_ID.test(value)) {
    throw new InputError(
      input,
      `"${value}" is not a Code Ocean id; ids are UUIDs of 36 characters, as shown on the capsule's or pipeline's metadata page`,
      example
    )
  }
  return value
}

/** A parameter value must be a single value, sent as the string the user wrote. */
function parameterValue(input: string, where: string, value: unknown, example: string): string {
  if (value instanceof UnquotedNull) {
    throw new InputError(
      input,
      `${where} is an unquoted ${value.source}, which YAML reads as "no value"; to send the text, quote it ('${value.source}'), and for an empty value write ''`,
      example
    )
  }
  if (Array.isArray(value) || isPlainObject(value)) {
    throw new InputError(
      input,
      `${where} is ${describe(value)}, but a parameter value must be a single value (text or a number); quote it to send it as text`,
      example
    )
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- lists and maps are rejected above: a scalar
  return value === null || value === undefined ? '' : String(value)
}

/** Joins a location prefix ("process 'x', ", or '' for the whole input) and a phrase. */
function at(prefix: string, rest: string): string {
  return `${prefix}${rest}`
}

function parseOrderedList(input: string, prefix: string, value: unknown, example: string): string[] {
  if (!Array.isArray(value)) {
    throw new InputError(input, at(prefix, `parameters must be a list of values, not ${describe(value)}`), example)
  }
  return value.map((item, i) => parameterValue(input, at(prefix, `parameter ${i + 1}`), item, example))
}

/** Accepts `{name: value}` or the API's list of `{param_name, value}`. */
function parseNamedList(input: string, prefix: string, value: unknown, example: string): NamedParameter[] {
  if (isPlainObject(value)) {
    return Object.entries(value).map(([name, v]) => ({
      param_name: name,
      value: parameterValue(input, at(prefix, `named parameter '${name}'`), v, example)
    }))
  }
  if (!Array.isArray(value)) {
    throw new InputError(
      input,
      at(
        prefix,
        `named parameters must be a map of {name: value} or a list of {param_name, value}, not ${describe(value)}`
      ),
      example
    )
  }
  return value.map((item, i) => {
    const itemAt = at(prefix, `named parameter ${i + 1}`)
    if (!isPlainObject(item)) {
      throw new InputError(input, `${itemAt} must be {param_name, value}, not ${describe(item)}`, example)
    }
    checkKeys(input, itemAt, item, ['param_name', 'value'], example)
    const name = item.param_name
    if (typeof name !== 'string' || name === '') {
      throw new InputError(input, `${itemAt} has no 'param_name'`, example)
    }
    if (!('value' in item)) {
      throw new InputError(input, at(prefix, `named parameter '${name}' has no 'value'`), example)
    }
    return {
      param_name: name,
      value: parameterValue(input, at(prefix, `named parameter '${name}'`), item.value, example)
    }
  })
}

function parseList(input: string, text: string, forms: Example): unknown[] {
  const example = exampleFor(forms, text)
  const value = parseStructured(input, text, forms)
  if (!Array.isArray(value)) {
    throw new InputError(input, `must be a list, not ${describe(value)}`, example)
  }
  return value
}

function parseObjectItem(input: string, where: string, item: unknown, example: string): PlainObject {
  if (!isPlainObject(item)) {
    throw new InputError(input, `${where} must be a map, not ${describe(item)}`, example)
  }
  return item
}

export function parseDataAssets(input: string, text: string): AttachedDataAsset[] {
  const example = exampleFor(Examples.dataAssets, text)
  return parseList(input, text, Examples.dataAssets).map((raw, i) => {
    const where = `item ${i + 1}`
    const item = parseObjectItem(input, where, raw, example)
    checkKeys(input, where, item, ['id', 'mount'], example)
    if (typeof item.id !== 'string' || item.id === '') {
      throw new InputError(input, `${where} has no 'id'`, example)
    }
    const asset: AttachedDataAsset = { id: parseId(input, item.id, example) }
    if (item.mount !== undefined && item.mount !== '') {
      if (typeof item.mount !== 'string') {
        throw new InputError(
          input,
          `${where} has a 'mount' that is ${describe(item.mount)}; it must be a folder name`,
          example
        )
      }
      asset.mount = item.mount
    }
    return asset
  })
}

export function parseProcesses(input: string, text: string): Process[] {
  const example = exampleFor(Examples.processes, text)
  return parseList(input, text, Examples.processes).map((raw, i) => {
    const where = `item ${i + 1}`
    const item = parseObjectItem(input, where, raw, example)
    checkKeys(input, where, item, ['name', 'parameters', 'named_parameters'], example)
    if (typeof item.name !== 'string' || item.name === '') {
      throw new InputError(
        input,
        `${where} has no 'name'; use the process name as it appears in the pipeline's main.nf`,
        example
      )
    }
    const process: Process = { name: item.name }
    const prefix = `process '${item.name}': `
    if (item.parameters !== undefined) {
      process.parameters = parseOrderedList(input, prefix, item.parameters, example)
    }
    if (item.named_parameters !== undefined) {
      process.named_parameters = parseNamedList(input, prefix, item.named_parameters, example)
    }
    return process
  })
}

export function parseParameters(input: string, text: string): string[] {
  const example = exampleFor(Examples.parameters, text)
  return parseOrderedList(input, '', parseStructured(input, text, Examples.parameters), example)
}

export function parseNamedParameters(input: string, text: string): NamedParameter[] {
  const example = exampleFor(Examples.namedParameters, text)
  return parseNamedList(input, '', parseStructured(input, text, Examples.namedParameters), example)
}
