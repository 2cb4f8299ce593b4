import { describe, expect, it } from '@jest/globals'
import { parseDocument } from 'yaml'
import { loadYamlFor, parseStructured, UnquotedNull } from '../../src/inputs/structured.js'

const EXAMPLE = { json: '["a"]', yaml: '- a' }

/** What YAML's failsafe schema makes of a text. */
function failsafe(text: string): unknown {
  return parseDocument(text, { schema: 'failsafe' }).toJS()
}

// JSON is read without the YAML parser (start-up time); it must read exactly as YAML would.
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

  it('needs no YAML parser for JSON, and loads it for YAML', async () => {
    // Not loaded yet in this file: JSON parses, YAML cannot until loadYamlFor has run.
    expect(() => parseStructured('parameters', '- a', EXAMPLE)).toThrow(/YAML parser was not loaded/)
    await loadYamlFor(['["a"]', ''])
    expect(() => parseStructured('parameters', '- a', EXAMPLE)).toThrow(/YAML parser was not loaded/)
    await loadYamlFor(['- a'])
    expect(parseStructured('parameters', '- a', EXAMPLE)).toEqual(['a'])
  })

  it('leaves a repeated key to the YAML parser, which refuses it', async () => {
    await loadYamlFor(['- a'])
    expect(() => parseStructured('named-parameters', '{"a": "1", "a": "2"}', EXAMPLE)).toThrow(
      /not valid JSON or YAML.*Map keys must be unique/
    )
  })

  it('reads JSON-like YAML (single quotes, bare words) with the YAML parser', async () => {
    await loadYamlFor(["['a', b]"])
    expect(parseStructured('parameters', "['a', b]", EXAMPLE)).toEqual(['a', 'b'])
  })
})
