/**
 * The action as the end-to-end tests, the demo and the benchmarks run it: the bundle of
 * the current src/, so a change in src/ shows in the next test run with no manual
 * rebuild, and what passes is what `npm run package` commits.
 *
 * Every bundle records the key of the sources it was built from (script/package.ts). The
 * committed dist/ is used when its key is the key of the sources at hand (CI checks that
 * it is exactly what they build); otherwise the sources are built, by the same function
 * `npm run package` uses. Either way the action is laid out as the runner checks it out
 * (action.yml and dist/) in node_modules/.cache/action-under-test/<key>/, kept for the
 * next run; a fresh `npm ci` starts with none. It is written to a temporary folder and
 * renamed into place, so processes that prepare it at the same moment never see half.
 */
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync
} from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildBundle, PROJECT_ROOT, SOURCE_KEY_FILE, sourceKey } from '../script/package.js'

const CACHE = join(PROJECT_ROOT, 'node_modules', '.cache', 'action-under-test')
const COMMITTED = join(PROJECT_ROOT, 'dist')
/** Longer than any test run: a folder this old is not in use. */
const STALE_AFTER_MS = 60 * 60_000

/** How the action was made ready: kept from an earlier run, the committed dist/, or built now. */
export type Preparation = 'kept' | 'committed' | 'built'

function isComplete(folder: string): boolean {
  return ['action.yml', 'dist/index.js', 'dist/post/index.js'].every((f) => existsSync(join(folder, f)))
}

function keyOf(bundle: string): string | undefined {
  try {
    return readFileSync(join(bundle, SOURCE_KEY_FILE), 'utf8').trim()
  } catch {
    return undefined
  }
}

let pending: Promise<{ folder: string; how: Preparation }> | undefined

/** The folder of the action of the current src/ (action.yml and dist/), made ready first if need be. */
export function actionUnderTest(): Promise<{ folder: string; how: Preparation }> {
  pending ??= prepare().finally(() => (pending = undefined))
  return pending
}

async function prepare(): Promise<{ folder: string; how: Preparation }> {
  const key = sourceKey()
  const manifest = readFileSync(join(PROJECT_ROOT, 'action.yml'))
  const name = createHash('sha256').update(key).update(manifest).digest('hex').slice(0, 20)
  const folder = join(CACHE, name)
  if (isComplete(folder)) return { folder, how: 'kept' }
  mkdirSync(CACHE, { recursive: true })
  const staging = mkdtempSync(join(CACHE, `${name}.preparing-`))
  let how: Preparation
  try {
    if (keyOf(COMMITTED) === key && isComplete(PROJECT_ROOT)) {
      cpSync(COMMITTED, join(staging, 'dist'), { recursive: true })
      how = 'committed'
    } else {
      await buildBundle(join(staging, 'dist'))
      how = 'built'
    }
    cpSync(join(PROJECT_ROOT, 'action.yml'), join(staging, 'action.yml'))
    try {
      renameSync(staging, folder)
    } catch (error) {
      // Another process made the same folder ready first: theirs is as good.
      if (!isComplete(folder)) throw error
    }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  // Folders of earlier sources, once no test run that started with them can still be going.
  for (const entry of readdirSync(CACHE)) {
    const path = join(CACHE, entry)
    if (entry !== name && Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS)
      rmSync(path, { recursive: true, force: true })
  }
  return { folder, how }
}

// Run directly (the end-to-end tier's global setup): make it ready now, and say how.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = Date.now()
  const { folder, how } = await actionUnderTest()
  const took = `${((Date.now() - started) / 1000).toFixed(1)} s`
  const said = {
    kept: 'The action of this src/, as prepared before',
    committed: `The committed dist/ is the bundle of this src/ (its ${SOURCE_KEY_FILE}); copied in ${took}`,
    built: `Built the action from src/ in ${took}`
  }
  console.log(`\n${said[how]}: ${folder}`)
}
