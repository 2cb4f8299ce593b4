import { parseDocument, visit } from 'yaml'
import { InputError } from './errors.js'
import { nearestTypo } from './nearest.js'

/** The same example written the two ways an input may be: JSON on one line, or YAML. */
export interface Example {
  json: string
  yaml: string
}

/** Whether a structured input is written as JSON (a list or a map in brackets), else YAML. */
function looksLikeJson(text: string): boolean {
  return /^[[{]/.test(text.trim())
}

/** The example in the form the user wrote the input in, so the fix is easy to copy. */
export function exampleFor(example: Example, text: string): string {
  return looksLikeJson(text) ? example.json : example.yaml
}

/**
 * A value written as a bare `~` or `null` (any case). The failsafe schema would keep it as
 * that text, but the user almost surely meant "nothing": it is refused with the fix.
 */
export class UnquotedNull {
  constructor(readonly source: string) {}
}

/** The line of the first line whose indentation holds a tab, or undefined. */
function tabIndentedLine(text: string): number | undefined {
  const index = text.split('\n').findIndex((line) => /^[ ]*\t/.test(line))
  return index < 0 ? undefined : index + 1
}

/**
 * Parses an input written as JSON or YAML.
 *
 * The YAML "failsafe" schema keeps every scalar as the string the user typed:
 * `False` stays `"False"`, `0075` stays `"0075"`, `10` becomes `"10"`. That is
 * exactly what Code Ocean wants, since all parameter values are strings.
 * JSON is YAML too, so `[75, "HS25"]` reads as `["75", "HS25"]`.
 */
export function parseStructured(input: string, text: string, example: Example): unknown {
  const doc = parseDocument(text, {
    schema: 'failsafe',
    prettyErrors: true,
    uniqueKeys: true
  })
  const first = doc.errors[0]
  if (first) {
    const tabLine = tabIndentedLine(text)
    if (tabLine !== undefined) {
      throw new InputError(
        input,
        `is not valid YAML: line ${tabLine} is indented with a tab, and YAML does not allow tabs for indentation; indent with spaces`,
        exampleFor(example, text)
      )
    }
    const where = first.linePos?.[0]
    const at = where ? ` at line ${where.line}, column ${where.col}` : ''
    const detail = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    throw new InputError(input, `is not valid JSON or YAML${at}: ${detail}`, exampleFor(example, text))
  }
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && node.type === 'PLAIN' && /^(~|null)$/i.test(node.source ?? '')) {
        node.value = new UnquotedNull(node.source ?? '')
      }
    }
  })
  return doc.toJS()
}

export type PlainObject = Record<string, unknown>

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof UnquotedNull)
}

/** Describes a parsed value the way a user would recognise it. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (isPlainObject(value)) return 'a map'
  if (value instanceof UnquotedNull) return `an unquoted ${value.source}`
  if (value === undefined || value === null) return 'nothing'
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- lists and maps are handled above: a scalar
  return `the text "${String(value)}"`
}

/** Suggests the known key a mistyped one most likely meant, or nothing. */
function suggestKey(key: string, known: readonly string[]): string | undefined {
  const normal = key.toLowerCase().replace(/-/g, '_')
  const near = nearestTypo(normal, known)
  if (near !== undefined) return near
  // A truncated or extended key: "param" for "param_name", "mountpoint" for "mount".
  if (normal.length < 3) return undefined
  return known.find((k) => normal.startsWith(k) || k.startsWith(normal))
}

/** Refuses keys outside `known`, pointing to the likely intended one. */
export function checkKeys(
  input: string,
  where: string,
  value: PlainObject,
  known: readonly string[],
  example: string
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue
    const guess = suggestKey(key, known)
    const hint = guess ? `; did you mean '${guess}'?` : `; known keys: ${known.join(', ')}`
    throw new InputError(input, `${where} has an unknown key '${key}'${hint}`, example)
  }
}
