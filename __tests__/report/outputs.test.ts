import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readComputation } from '../../src/codeocean/models/computation.js'
import { MAX_OUTPUT_DEPTH, Outputs } from '../../src/report/outputs.js'
import { redactor } from '../../src/redact.js'

const SECRET = 'cop_"quoted\\secret_0042'
let file: string
const saved = process.env.GITHUB_OUTPUT

beforeEach(() => {
  file = join(mkdtempSync(join(tmpdir(), 'outputs-')), 'output')
  writeFileSync(file, '')
  process.env.GITHUB_OUTPUT = file
})
afterEach(() => {
  process.env.GITHUB_OUTPUT = saved
})

describe('outputs', () => {
  it('scrubs secrets from every value, the computation JSON included, even where JSON escapes them', () => {
    const outputs = new Outputs(redactor([SECRET]))
    const c = readComputation({
      id: 'c1',
      state: 'completed',
      name: `echo ${SECRET}`,
      note: [`deep ${SECRET}`],
      [`key ${SECRET}`]: 1
    })
    outputs.setComputation(c)
    outputs.set('results-path', `/tmp/${SECRET}`)
    const written = readFileSync(file, 'utf8')
    expect(written).not.toContain(SECRET)
    expect(written).not.toContain(JSON.stringify(SECRET).slice(1, -1))
    expect(written).toContain('echo ***')
    const json = /computation<<(\S+)\n([\s\S]*?)\n\1/.exec(written)?.[2] ?? ''
    expect(JSON.parse(json)).toEqual({
      id: 'c1',
      state: 'completed',
      name: 'echo ***',
      note: ['deep ***'],
      'key ***': 1
    })
  })

  it('writes an answer nested 20,000 deep (a recursive walk overflows at a few thousand) without overflowing the stack, cut below a depth', () => {
    const depth = 20_000
    const raw: unknown = JSON.parse(
      `{"id":"c1","state":"running","deep":${'['.repeat(depth)}${JSON.stringify(SECRET)}${']'.repeat(depth)},"near":[[${JSON.stringify(SECRET)}]]}`
    )
    new Outputs(redactor([SECRET])).setComputation(readComputation(raw))
    const written = readFileSync(file, 'utf8')
    const json = /computation<<(\S+)\n([\s\S]*?)\n\1/.exec(written)?.[2] ?? ''
    const output = JSON.parse(json) as { deep: unknown; near: unknown }
    expect(output.near).toEqual([['***']])
    let level = output.deep
    let levels = 0
    while (Array.isArray(level)) [level, levels] = [level[0], levels + 1]
    expect(level).toBe(`(nested deeper than ${MAX_OUTPUT_DEPTH} levels: cut here)`)
    expect(levels).toBe(MAX_OUTPUT_DEPTH - 1)
    expect(written).not.toContain(SECRET)
  })
})
