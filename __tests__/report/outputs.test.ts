import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readComputation } from '../../src/codeocean/models/computation.js'
import { Outputs } from '../../src/report/outputs.js'
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
})
