/**
 * The layout of src/ is the order of a run's phases, and imports run one way:
 *
 *   leaves (src/*.ts) <- codeocean/ <- inputs/, results/ <- report/ <- lifecycle/ <- index.ts, main.ts, post.ts
 *
 * inputs/ and codeocean/ never reach into lifecycle/, results/ or report/; results/ and
 * report/ never into lifecycle/; no two folders import each other. This test reads every
 * import (static, dynamic and re-exports) and fails on any that runs the wrong way.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src')

type Layer = 'leaf' | 'codeocean' | 'inputs' | 'results' | 'report' | 'lifecycle' | 'entry'

/** What each layer may import, besides its own folder. */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  leaf: ['leaf'],
  codeocean: ['leaf'],
  inputs: ['leaf', 'codeocean'],
  results: ['leaf', 'codeocean'],
  report: ['leaf', 'codeocean', 'results'],
  lifecycle: ['leaf', 'codeocean', 'inputs', 'results', 'report'],
  entry: ['leaf', 'codeocean', 'inputs', 'results', 'report', 'lifecycle', 'entry']
}

const ENTRY_FILES = new Set(['index.ts', 'main.ts', 'post.ts'])

/** The layer of a file, from its path relative to src/ (`inputs/domain.ts` → inputs). */
function layerOf(path: string): Layer {
  const [first, ...rest] = path.split('/')
  if (rest.length === 0) return ENTRY_FILES.has(first) ? 'entry' : 'leaf'
  if (first in MAY_IMPORT && first !== 'leaf' && first !== 'entry') return first as Layer
  throw new Error(`src/${path} is in a folder the layout does not know: ${first}/`)
}

/** Relative module specifiers a file imports, statically, dynamically or by re-export. */
function importsOf(source: string): string[] {
  const found: string[] = []
  const patterns = [/\bfrom\s+'(\.[^']+)'/g, /\bimport\s*\(\s*'(\.[^']+)'\s*\)/g, /^\s*import\s+'(\.[^']+)'/gm]
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1])
  return found
}

/** Every import that breaks the rules, as `from -> to` lines; `files` maps paths under src/ to their text. */
function violations(files: Record<string, string>): string[] {
  const problems: string[] = []
  for (const [path, source] of Object.entries(files)) {
    const from = layerOf(path)
    for (const specifier of importsOf(source)) {
      const target = join(dirname(path), specifier).replace(/\.js$/, '.ts')
      if (target.startsWith('..')) {
        problems.push(`src/${path} -> ${specifier} (outside src/)`)
        continue
      }
      const to = layerOf(target)
      if (to !== from && !MAY_IMPORT[from].includes(to)) problems.push(`src/${path} (${from}) -> src/${target} (${to})`)
    }
  }
  return problems
}

function sourceFiles(folder: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue
    const full = join(entry.parentPath, entry.name)
    files[relative(SRC, full)] = readFileSync(full, 'utf8')
  }
  return files
}

describe('the layout of src/', () => {
  const files = sourceFiles(SRC)

  it('has every file in a known place', () => {
    expect(Object.keys(files).length).toBeGreaterThan(20)
    for (const path of Object.keys(files)) expect(() => layerOf(path)).not.toThrow()
  })

  it('has imports that run one way only', () => {
    expect(violations(files)).toEqual([])
  })

  it('keeps main.ts to the order of the phases, and index.ts thin', () => {
    expect(files['main.ts'].split('\n').length).toBeLessThan(150)
    expect(files['index.ts'].split('\n').length).toBeLessThan(40)
  })
})

describe('the import check itself', () => {
  it('finds static, dynamic and re-exported imports', () => {
    const source = [
      "import { a } from './a.js'",
      "import type { B } from '../b/b.js'",
      "export { c } from './c.js'",
      "const d = await import('../d/d.js')",
      "import './side-effect.js'",
      "import * as core from '@actions/core'"
    ].join('\n')
    expect(importsOf(source).sort()).toEqual(['../b/b.js', '../d/d.js', './a.js', './c.js', './side-effect.js'])
  })

  it('reports imports against the flow, and allows those with it', () => {
    expect(
      violations({
        'inputs/settings.ts': "import { x } from '../lifecycle/start.js'",
        'codeocean/client.ts': "const r = await import('../report/summary.js')",
        'results/download.ts': "import { y } from '../report/describe.js'",
        'names.ts': "import { z } from './inputs/values.js'",
        'report/summary.ts': "import type { F } from '../results/listing.js'",
        'lifecycle/follow.ts': "import { w } from '../inputs/settings.js'"
      })
    ).toEqual([
      'src/inputs/settings.ts (inputs) -> src/lifecycle/start.ts (lifecycle)',
      'src/codeocean/client.ts (codeocean) -> src/report/summary.ts (report)',
      'src/results/download.ts (results) -> src/report/describe.ts (report)',
      'src/names.ts (leaf) -> src/inputs/values.ts (inputs)'
    ])
  })
})
