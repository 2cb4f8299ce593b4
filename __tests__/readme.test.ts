import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

interface ActionYml {
  name: string
  description: string
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml
const readme = readFileSync('README.md', 'utf8')

/** The rows of the table between `<!-- NAME … -->` and `<!-- end NAME -->`, as cells. */
function table(name: string): string[][] {
  const match = new RegExp(`<!-- ${name}[^>]*-->([\\s\\S]*?)<!-- end ${name} -->`).exec(readme)
  if (!match) throw new Error(`README has no ${name} markers`)
  return match[1]
    .trim()
    .split('\n')
    .slice(2) // header and separator
    .map((row) =>
      row
        .replace(/^\||\|$/g, '')
        .split(' | ')
        .map((cell) => cell.trim())
    )
}

const unquote = (cell: string): string => cell.replace(/^`|`$/g, '')

describe('README tables match action.yml', () => {
  it('lists every input, in order, with its default', () => {
    const rows = table('inputs-table')
    expect(rows.map((r) => unquote(r[0]))).toEqual(Object.keys(action.inputs))
    for (const row of rows) {
      const input = action.inputs[unquote(row[0])]
      expect(unquote(row[2] ?? '')).toBe(input.default ?? '')
      expect(row[1].length).toBeGreaterThan(10)
    }
  })

  it('lists every output, in order', () => {
    const rows = table('outputs-table')
    expect(rows.map((r) => unquote(r[0]))).toEqual(Object.keys(action.outputs))
    for (const row of rows) expect(row[1].length).toBeGreaterThan(5)
  })

  it('describes every input and output in action.yml', () => {
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
      expect([name, spec.description.trim().length > 10]).toEqual([name, true])
    }
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post/index.js' })
  })

  it("keeps action.yml's description within the Marketplace's 125 characters", () => {
    expect(action.name.length).toBeGreaterThan(0)
    expect(action.description.trim().length).toBeLessThanOrEqual(125)
    expect(action.description.trim().length).toBeGreaterThan(40)
  })

  it('gives contributors exactly the two command lines', () => {
    const contributing = readFileSync('CONTRIBUTING.md', 'utf8')
    const block = /^# Contributing[\s\S]*?```sh\n([\s\S]*?)```/.exec(contributing)?.[1]
    expect(block?.trim().split('\n')).toEqual(['npm ci && npm run demo', 'npm ci && npm test'])
  })

  it('keeps the User-Agent version equal to package.json', async () => {
    const { ACTION_VERSION } = await import('../src/version.js')
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(ACTION_VERSION).toBe(pkg.version)
  })

  it('has a dated CHANGELOG entry, with its tag link, for the version in package.json', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    const changelog = readFileSync('CHANGELOG.md', 'utf8')
    const escaped = version.replaceAll('.', '\\.')
    expect(changelog).toMatch(new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'))
    expect(changelog).toContain(`[${version}]: https://github.com/codeocean-actions/run/releases/tag/v${version}`)
    expect(changelog).toContain(`compare/v${version}...HEAD`)
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      version: string
      packages: Record<string, { version?: string }>
    }
    expect([lock.version, lock.packages[''].version]).toEqual([version, version])
  })
})

describe('the README fits on a page', () => {
  it('is at most 20 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(20_000)
  })

  it('shows a complete workflow within its first 40 lines', () => {
    const lines = readme.split('\n')
    const start = lines.findIndex((line) => /^```ya?ml/.test(line))
    expect(start).toBeGreaterThan(0)
    expect(start).toBeLessThan(40)
    const end = lines.findIndex((line, i) => i > start && line.startsWith('```'))
    const example = lines.slice(start + 1, end).join('\n')
    expect(example).toMatch(/^on:/m)
    expect(example).toContain('uses: codeocean-actions/run@v1')
  })

  it('says in the quick start which secret and which variable to create, and where', () => {
    const quickStart = /## Quick start([\s\S]*?)\n## /.exec(readme)?.[1] ?? ''
    expect(quickStart).toContain('Settings › Secrets and variables › Actions')
    expect(quickStart).toMatch(/secret `CODEOCEAN_API_TOKEN`/)
    expect(quickStart).toMatch(/variable `CODEOCEAN_DOMAIN`/)
    expect(quickStart).toContain('domain: ${{ vars.CODEOCEAN_DOMAIN }}')
    expect(quickStart).toContain('secret: ${{ secrets.CODEOCEAN_API_TOKEN }}')
  })
})
