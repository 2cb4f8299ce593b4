/**
 * The runner harness's reading of workflow commands and file commands (harness/workflow-commands.ts),
 * checked against the runner's own escaping and formats. Running actions with it is in
 * harness/runner.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import {
  escapeData,
  escapeProperty,
  SecretMasker,
  parseCommandV2,
  parseKeyValueFile,
  unescapeData,
  unescapeProperty
} from '../harness/workflow-commands.js'

describe('workflow-command helpers', () => {
  it('escape as @actions/core does and unescape as the runner does', () => {
    const text = 'a: b, 100%\r\nnext'
    expect(escapeData(text)).toBe('a: b, 100%25%0D%0Anext')
    expect(escapeProperty(text)).toBe('a%3A b%2C 100%25%0D%0Anext')
    expect(unescapeData(escapeData(text))).toBe(text)
    expect(unescapeProperty(escapeProperty(text))).toBe(text)
  })

  it('parses commands case-insensitively, ignoring leading whitespace and unknown names', () => {
    const registered = new Set(['error', 'group'])
    expect(parseCommandV2('  ::ERROR file=a.ts,line=3::boom', registered)).toEqual({
      command: 'error',
      properties: { file: 'a.ts', line: '3' },
      data: 'boom'
    })
    expect(parseCommandV2('::other::x', registered)).toBeNull()
    expect(parseCommandV2('no command', registered)).toBeNull()
  })

  it('parses the file-command format like the runner', () => {
    expect(parseKeyValueFile('a=1\n\nb<<EOF\nx\ny\nEOF\na=2\n')).toEqual({
      entries: [
        ['a', '1'],
        ['b', 'x\ny'],
        ['a', '2']
      ]
    })
    expect(parseKeyValueFile('c<<EOF\nEOF\n')).toEqual({ entries: [['c', '']] })
    expect(parseKeyValueFile('nonsense\n').error).toBe("Invalid format 'nonsense'")
  })

  it('masks overlapping secrets', () => {
    const masker = new SecretMasker()
    masker.add('abcdef')
    masker.add('defghi')
    expect(masker.mask('xx abcdefghi yy abcdef')).toBe('xx *** yy ***')
  })
})
