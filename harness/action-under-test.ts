/**
 * The action as the end-to-end tests, the demo and the benchmarks run it: built from the
 * current src/ by the same function `npm run package` uses, so a change in src/ shows in
 * the next test run with no manual rebuild, and what passes is what `npm run package`
 * would commit.
 *
 * A build takes several seconds, so it is kept, keyed by everything it reads (src/, the
 * lockfile, the build script and its configuration, action.yml), in
 * node_modules/.cache/action-under-test/<key>/: a folder laid out as the runner checks
 * the action out (action.yml, dist/). A fresh `npm ci` starts with none. Builds are
 * written to a temporary folder and renamed into place, so processes that build at the
 * same moment never see half a bundle.
 */
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync
} from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildBundle, NCC_FLAGS, PROJECT_ROOT } from '../script/package.js'

const CACHE = join(PROJECT_ROOT, 'node_modules', '.cache', 'action-under-test')

/** What a build reads besides src/: a change to any of them is a new build. */
const BUILD_INPUTS = ['action.yml', 'package.json', 'package-lock.json', 'tsconfig.json', 'script/package.ts']

function filesUnder(folder: string): string[] {
  return readdirSync(join(PROJECT_ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(PROJECT_ROOT, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
}

/** A key for the build: the path and content of every file it reads, and ncc's flags. */
export function buildKey(): string {
  const hash = createHash('sha256').update(NCC_FLAGS.join(' '))
  for (const file of [...BUILD_INPUTS, ...filesUnder('src')].sort()) {
    hash.update(`\0${file}\0`).update(readFileSync(join(PROJECT_ROOT, file)))
  }
  return hash.digest('hex').slice(0, 20)
}

function isComplete(folder: string): boolean {
  return ['action.yml', 'dist/index.js', 'dist/post/index.js'].every((f) => existsSync(join(folder, f)))
}

let pending: Promise<{ folder: string; built: boolean }> | undefined

/**
 * The folder of the action built from the current src/ (action.yml and dist/), building
 * it first when no build of this exact source is kept. `built` says whether this call built it.
 */
export function actionUnderTest(): Promise<{ folder: string; built: boolean }> {
  pending ??= prepare().finally(() => (pending = undefined))
  return pending
}

async function prepare(): Promise<{ folder: string; built: boolean }> {
  const key = buildKey()
  const folder = join(CACHE, key)
  if (isComplete(folder)) return { folder, built: false }
  mkdirSync(CACHE, { recursive: true })
  const staging = mkdtempSync(join(CACHE, `${key}.building-`))
  try {
    await buildBundle(join(staging, 'dist'))
    copyFileSync(join(PROJECT_ROOT, 'action.yml'), join(staging, 'action.yml'))
    try {
      renameSync(staging, folder)
    } catch (error) {
      // Another process finished the same build first: theirs is as good.
      if (!isComplete(folder)) throw error
    }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  // Earlier builds are of sources that are gone.
  for (const entry of readdirSync(CACHE)) {
    if (entry !== key && !entry.includes('.building-')) rmSync(join(CACHE, entry), { recursive: true, force: true })
  }
  return { folder, built: true }
}

// Run directly (the end-to-end tier's global setup): build now, and say so.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = Date.now()
  const { folder, built } = await actionUnderTest()
  const took = ((Date.now() - started) / 1000).toFixed(1)
  console.log(
    built ? `\nBuilt the action from src/ in ${took} s: ${folder}` : `\nThe action built from this src/: ${folder}`
  )
}
