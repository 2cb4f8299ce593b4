import { describe, expect, it } from '@jest/globals'
import { parseDocument } from 'yaml'
import { parseStructured, UnquotedNull } from '../../src/inputs/structured.js'

const EXAMPLE = { json: '["a"]', yaml: '- a' }

/** What YAML's failsafe schema makes of a text. */
function failsafe(text: string): unknown {
  return parseDocument(text, { schema: 'failsafe' }).toJS()
}

// JSON is YAML: a JSON input reads exactly as the failsafe schema reads it, a bare null aside.
describe('JSON inputs read as the YAML failsafe schema reads them', () => {
  it.each([
    ['numbers as typed', '[75, 1.50, -0.0, 1e3, 2E-2]'],
    ['booleans as typed', '[true, false]'],
    ['escapes', String.raw`["tab\there", "\u00e9\/\"q\"", "\ud83d\ude00"]`],
    ['nested maps and lists', '{"a": {"b": [1, {"c": "d"}]}, "e": []}'],
    ['named parameters', '[{"param_name": "alpha", "value": 0.05}]'],
    ['whitespace and lines', '[\n  {"id": "x",\n   "mount": "m"}\n]\n']
  ])('%s', (_name, text) => {
    expect(parseStructured('parameters', text, EXAMPLE)).toEqual(failsafe(text))
  })

  it('keeps a bare null apart from the text "null"', () => {
    const [bare, quoted] = parseStructured('parameters', '[null, "null"]', EXAMPLE) as unknown[]
    expect(bare).toBeInstanceOf(UnquotedNull)
    expect(quoted).toBe('null')
  })

  it('refuses a repeated key', () => {
    expect(() => parseStructured('named-parameters', '{"a": "1", "a": "2"}', EXAMPLE)).toThrow(
      /not valid JSON or YAML.*Map keys must be unique/
    )
  })

  it('reads JSON-like YAML (single quotes, bare words)', () => {
    expect(parseStructured('parameters', "['a', b]", EXAMPLE)).toEqual(['a', 'b'])
  })
})
