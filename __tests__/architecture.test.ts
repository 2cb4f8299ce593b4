/**
 * The layout of src/ is the order of a run's phases, and imports run one way:
 *
 *   leaves (src/*.ts) <- codeocean/ <- inputs/, results/ <- report/ <- lifecycle/ <- index.ts, main.ts, post.ts
 *
 * inputs/ and codeocean/ never reach into lifecycle/, results/ or report/; results/ and
 * report/ never into lifecycle/; no two folders import each other.
 *
 * Inside lifecycle/, the rooms are a second one-way order:
 *
 *   lifecycle/*.ts (the ground: the step, the interrupter, the verdict, errors)
 *     <- polling/ <- prepare/
 *     <- adopt/
 *     <- run/ (the step's own orchestration: start, follow, stop, finish, post)
 *
 * The ground imports no room; polling/ (the wait, run lengths, run history) only the
 * ground; prepare/ (before the start) the ground and polling/; adopt/ only the ground;
 * run/ any of them. So no room reaches back into run/'s orchestration, and a room can
 * be read, and tested, without the rooms that use it. This test reads every import
 * (static, dynamic and re-exports) and fails on any that runs the wrong way.
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

type Room = 'ground' | 'polling' | 'prepare' | 'adopt' | 'run'

/** What each room of lifecycle/ may import, besides its own folder. */
const ROOM_MAY_IMPORT: Record<Room, readonly Room[]> = {
  ground: [],
  polling: ['ground'],
  prepare: ['ground', 'polling'],
  adopt: ['ground'],
  run: ['ground', 'polling', 'prepare', 'adopt']
}

/** The room of a file under lifecycle/, from its path relative to src/ (`lifecycle/polling/wait.ts` → polling). */
function roomOf(path: string): Room {
  const [, ...rest] = path.split('/')
  if (rest.length === 1) return 'ground'
  const [room] = rest
  if (rest.length === 2 && room in ROOM_MAY_IMPORT && room !== 'ground') return room as Room
  throw new Error(`src/${path} is in a room of lifecycle/ the layout does not know: ${rest.slice(0, -1).join('/')}/`)
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
      if (to === 'lifecycle' && from === 'lifecycle') {
        const [fromRoom, toRoom] = [roomOf(path), roomOf(target)]
        if (toRoom !== fromRoom && !ROOM_MAY_IMPORT[fromRoom].includes(toRoom)) {
          problems.push(`src/${path} (lifecycle ${fromRoom}) -> src/${target} (lifecycle ${toRoom})`)
        }
      }
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

  it('has every lifecycle file in a known room, and every room in use', () => {
    const lifecycle = Object.keys(files).filter((path) => layerOf(path) === 'lifecycle')
    for (const path of lifecycle) expect(() => roomOf(path)).not.toThrow()
    expect(new Set(lifecycle.map(roomOf))).toEqual(new Set(Object.keys(ROOM_MAY_IMPORT)))
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
        'inputs/settings.ts': "import { x } from '../lifecycle/run/start.js'",
        'codeocean/client.ts': "const r = await import('../report/summary.js')",
        'results/download.ts': "import { y } from '../report/describe.js'",
        'names.ts': "import { z } from './inputs/values.js'",
        'report/summary.ts': "import type { F } from '../results/listing.js'",
        'lifecycle/run/follow.ts': "import { w } from '../../inputs/settings.js'"
      })
    ).toEqual([
      'src/inputs/settings.ts (inputs) -> src/lifecycle/run/start.ts (lifecycle)',
      'src/codeocean/client.ts (codeocean) -> src/report/summary.ts (report)',
      'src/results/download.ts (results) -> src/report/describe.ts (report)',
      'src/names.ts (leaf) -> src/inputs/values.ts (inputs)'
    ])
  })

  it("reports imports against the order of lifecycle's rooms, and allows those with it", () => {
    expect(
      violations({
        'lifecycle/polling/wait.ts': "import type { Step } from '../run/follow.js'",
        'lifecycle/prepare/resume.ts': "import { a } from '../adopt/adopt.js'",
        'lifecycle/adopt/adopt.ts': "const p = await import('../polling/wait.js')",
        'lifecycle/step.ts': "export { b } from './run/finish.js'",
        'lifecycle/polling/run-history.ts': "import { c } from '../prepare/prepare.js'",
        // With the order: run/ uses every room, prepare/ uses polling/, each uses the ground and its own room.
        'lifecycle/run/follow.ts': [
          "import { d } from '../polling/wait.js'",
          "import { e } from '../prepare/prepare.js'",
          "import { f } from '../adopt/adopt.js'",
          "import { g } from '../verdict.js'",
          "import { h } from './stop.js'"
        ].join('\n'),
        'lifecycle/prepare/data-assets-ready.ts': "import { i } from '../polling/wait.js'",
        'lifecycle/adopt/adopt-match.ts': "import type { Step } from '../step.js'",
        'lifecycle/verdict.ts': "import { j } from './step.js'"
      })
    ).toEqual([
      'src/lifecycle/polling/wait.ts (lifecycle polling) -> src/lifecycle/run/follow.ts (lifecycle run)',
      'src/lifecycle/prepare/resume.ts (lifecycle prepare) -> src/lifecycle/adopt/adopt.ts (lifecycle adopt)',
      'src/lifecycle/adopt/adopt.ts (lifecycle adopt) -> src/lifecycle/polling/wait.ts (lifecycle polling)',
      'src/lifecycle/step.ts (lifecycle ground) -> src/lifecycle/run/finish.ts (lifecycle run)',
      'src/lifecycle/polling/run-history.ts (lifecycle polling) -> src/lifecycle/prepare/prepare.ts (lifecycle prepare)'
    ])
  })

  it('knows only the rooms it names', () => {
    expect(roomOf('lifecycle/step.ts')).toBe('ground')
    expect(roomOf('lifecycle/run/start.ts')).toBe('run')
    expect(() => roomOf('lifecycle/misc/helper.ts')).toThrow(/a room of lifecycle\/ the layout does not know: misc\//)
    expect(() => roomOf('lifecycle/run/deeper/start.ts')).toThrow(/does not know: run\/deeper\//)
  })
})
