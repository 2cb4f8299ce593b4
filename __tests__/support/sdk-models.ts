/**
 * Checks JSON against the response models of Code Ocean's Python SDK, as extracted once
 * into __tests__/fixtures/codeocean-sdk-models.json (script/sdk-models.ts regenerates it
 * from a newer SDK). As strict as the SDK's dataclasses-json `from_dict`, and a little
 * stricter where it only warns:
 *   - a required field (one without a default) that is missing fails, as its KeyError does;
 *   - an enum value outside the enum fails, as its ValueError does;
 *   - a nested model, or each model in a list, is checked the same way;
 *   - fields the model does not have are allowed, as from_dict ignores them;
 *   - beyond from_dict: every value must have its annotated type (str, int, float, bool,
 *     dict, list), and null goes only where the annotation is Optional.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SdkModels } from '../../script/sdk-models.js'

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'codeocean-sdk-models.json')

export const SDK: SdkModels = JSON.parse(readFileSync(FIXTURE, 'utf8')) as SdkModels

/** An annotation, parsed. */
type Type =
  | { kind: 'str' | 'int' | 'float' | 'bool' | 'dict' }
  | { kind: 'optional'; of: Type }
  | { kind: 'union'; of: Type[] }
  | { kind: 'list'; of: Type }
  | { kind: 'enum'; name: string; values: readonly string[] }
  | { kind: 'model'; name: string }

/** Splits `a, b[c, d], e` at its top-level commas (or bars). */
function splitTop(text: string, separator: ',' | '|'): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '[') depth += 1
    else if (c === ']') depth -= 1
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i).trim())
      start = i + 1
    }
  }
  parts.push(text.slice(start).trim())
  return parts
}

const parsed = new Map<string, Type>()

/** Parses an annotation as the SDK writes them; throws on one this checker cannot check. */
export function parseType(annotation: string): Type {
  const known = parsed.get(annotation)
  if (known !== undefined) return known
  const text = annotation.trim()
  let type: Type
  const alternatives = splitTop(text, '|')
  const generic = /^(\w+)\[(.*)\]$/.exec(text)
  if (alternatives.length > 1) {
    type = { kind: 'union', of: alternatives.map(parseType) }
  } else if (generic !== null) {
    const [, name, inner = ''] = generic
    const args = splitTop(inner, ',')
    if (name === 'Optional' && args.length === 1) type = { kind: 'optional', of: parseType(inner) }
    else if (name === 'Union') type = { kind: 'union', of: args.map(parseType) }
    else if (name === 'list' && args.length === 1) type = { kind: 'list', of: parseType(inner) }
    else if (name === 'dict') type = { kind: 'dict' }
    else throw new Error(`cannot check the annotation ${annotation}`)
  } else if (['str', 'int', 'float', 'bool', 'dict'].includes(text)) {
    type = { kind: text as 'str' | 'int' | 'float' | 'bool' | 'dict' }
  } else if (SDK.enums[text] !== undefined) {
    type = { kind: 'enum', name: text, values: SDK.enums[text] }
  } else if (SDK.models[text] !== undefined) {
    type = { kind: 'model', name: text }
  } else {
    throw new Error(`cannot check the annotation ${annotation}: no such type, enum or model in the SDK`)
  }
  parsed.set(annotation, type)
  return type
}

function shown(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${JSON.stringify(value)}`
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What is wrong with `value` as `type`, at `at`; empty when nothing is. */
function problemsOf(type: Type, value: unknown, at: string): string[] {
  switch (type.kind) {
    case 'optional':
      return value === null ? [] : problemsOf(type.of, value, at)
    case 'union': {
      const each = type.of.map((t) => problemsOf(t, value, at))
      return each.some((p) => p.length === 0)
        ? []
        : [`${at}: ${shown(value)} is none of its types (${each.join('; ')})`]
    }
    case 'str':
      return typeof value === 'string' ? [] : [`${at}: expected str, got ${shown(value)}`]
    case 'int':
      return Number.isInteger(value) ? [] : [`${at}: expected int, got ${shown(value)}`]
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? [] : [`${at}: expected float, got ${shown(value)}`]
    case 'bool':
      return typeof value === 'boolean' ? [] : [`${at}: expected bool, got ${shown(value)}`]
    case 'dict':
      return isObject(value) ? [] : [`${at}: expected dict, got ${shown(value)}`]
    case 'list':
      return Array.isArray(value)
        ? value.flatMap((item, i) => problemsOf(type.of, item, `${at}[${i}]`))
        : [`${at}: expected list, got ${shown(value)}`]
    case 'enum':
      return typeof value === 'string' && type.values.includes(value)
        ? []
        : [`${at}: ${shown(value)} is not a ${type.name} (${type.values.join(', ')})`]
    case 'model':
      return modelProblems(type.name, value, at)
  }
}

function modelProblems(name: string, value: unknown, at: string): string[] {
  const model = SDK.models[name]
  if (model === undefined) throw new Error(`the SDK has no model ${name}`)
  if (!isObject(value)) return [`${at}: expected a ${name} object, got ${shown(value)}`]
  return Object.entries(model.fields).flatMap(([field, { type, required }]) => {
    const where = `${at}.${field}`
    if (!(field in value)) return required ? [`${where}: missing (required by ${name})`] : []
    const parsedType = parseType(type)
    if (value[field] === null && parsedType.kind !== 'optional') return [`${where}: null, but ${type} is not Optional`]
    return problemsOf(parsedType, value[field], where)
  })
}

/**
 * What is wrong with `value` as the SDK reads it into `shape`: a model name
 * ('Computation'), or an annotation ('list[Computation]'); empty when nothing is.
 */
export function sdkProblems(shape: string, value: unknown): string[] {
  return problemsOf(parseType(shape), value, shape)
}
