/**
 * `npm run package`: bundles the action with ncc into dist/ (the main step) and
 * dist/post/ (the post step), the folder action.yml runs. The end-to-end tests build
 * with the same function into a folder of their own (harness/action-under-test.ts),
 * so what they run is exactly what this command would commit.
 *
 * Type checks are `npm run typecheck`'s job, so ncc only transpiles (`--transpile-only`,
 * with src/tsconfig.json making it emit ES modules): the same bundle, in a third of the
 * time. The two entries are built side by side, each into a staging folder of its own,
 * because ncc empties the folder it writes to of every .js file, nested ones included.
 *
 * Each build records in `source-key.txt` a hash of everything it read (see sourceKey),
 * so a bundle can be told to be the build of the sources at hand without building again.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

const NCC = join(PROJECT_ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

/** The entries, and where in the output folder each one's bundle goes. */
const ENTRIES = [
  { source: 'src/index.ts', folder: '.' },
  { source: 'src/post.ts', folder: 'post' }
] as const

/** The ncc flags of every entry; a change here changes what the tests' cache is keyed on. */
export const NCC_FLAGS = [
  '--source-map',
  '--no-source-map-register',
  '--license',
  'licenses.txt',
  '--target',
  'es2022',
  '--transpile-only',
  '--quiet'
]

/** The file, in the output folder, that records the key of the sources a bundle was built from. */
export const SOURCE_KEY_FILE = 'source-key.txt'

/** What a build reads besides src/: a change to any of them makes another bundle. */
export const BUILD_INPUTS = ['package-lock.json', 'tsconfig.json', 'script/package.ts']

function filesUnder(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
}

/**
 * A hash of everything a build reads: the path and content of every file under src/,
 * the lockfile (the versions of ncc, TypeScript and every bundled library), the
 * TypeScript configuration, this script, ncc's flags and the package's module type.
 */
export function sourceKey(root: string = PROJECT_ROOT): string {
  const { type } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { type?: string }
  const hash = createHash('sha256').update(`${NCC_FLAGS.join(' ')}\0type=${type ?? ''}`)
  for (const file of [...BUILD_INPUTS, ...filesUnder(root, 'src')].sort()) {
    hash.update(`\0${file}\0`).update(readFileSync(join(root, file)))
  }
  return hash.digest('hex')
}

function ncc(entry: string, out: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [NCC, 'build', entry, '-o', out, ...NCC_FLAGS], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`ncc could not bundle ${entry} (exit ${code}):\n${output}`))
    )
  })
}

/** Bundles the action into `out` (replaced whole): `out/index.js` and `out/post/index.js`. */
export async function buildBundle(out: string): Promise<void> {
  const target = resolve(PROJECT_ROOT, out)
  const key = sourceKey()
  const staging = mkdtempSync(`${target}.staging-`)
  try {
    await Promise.all(ENTRIES.map((e) => ncc(e.source, join(staging, e.folder === '.' ? 'main' : e.folder))))
    for (const e of ENTRIES) {
      if (e.folder !== '.') renameSync(join(staging, e.folder), join(staging, 'main', e.folder))
    }
    writeFileSync(join(staging, 'main', SOURCE_KEY_FILE), `${key}\n`)
    rmSync(target, { recursive: true, force: true })
    renameSync(join(staging, 'main'), target)
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await buildBundle(process.argv[2] ?? 'dist')
}
