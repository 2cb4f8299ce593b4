/**
 * script/lint-workflows.ts run as `npm run lint` runs it: a problem in any workflow the
 * project shows fails the command, naming the file and line. What it finds is checked
 * in-process in readme-workflows.test.ts.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { PROJECT_ROOT } from '../../script/package.js'

const dir = mkdtempSync(join(tmpdir(), 'readme-lint-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function lint(...paths: string[]): { status: number | null; output: string } {
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['script/lint-workflows.ts', ...paths], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env
  })
  return { status: run.status, output: run.stdout + run.stderr }
}

describe('npm run lint, on workflows', () => {
  it('fails, naming the file and line, when a snippet uses a step output without defining the step', () => {
    const bad = join(dir, 'README.md')
    writeFileSync(bad, "# Bad\n\n```yaml\n- if: steps.run.outputs.status == 'failed'\n  run: echo failed\n```\n")
    const result = lint(bad)
    expect(result.status).toBe(1)
    expect(result.output).toContain('README.md:4:')
    expect(result.output).toContain('property "run" is not defined')
    expect(result.output).toContain('actionlint: 1 files, 1 problems')
  })
})
