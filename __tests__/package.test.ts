/**
 * The key a bundle records of the sources it was built from (script/package.ts): the
 * end-to-end tier trusts the committed dist/ only when its key is the key of the sources
 * at hand, so every change that makes another bundle must change the key.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { BUILD_INPUTS, PROJECT_ROOT, sourceKey } from '../script/package.js'

const scratch = mkdtempSync(join(tmpdir(), 'source-key-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A copy of what a build reads (and a README it does not), to change one file at a time. */
function copyOfSources(): string {
  const root = mkdtempSync(join(scratch, 'project-'))
  for (const path of ['src', 'package.json', 'README.md', ...BUILD_INPUTS]) {
    cpSync(join(PROJECT_ROOT, path), join(root, path), { recursive: true })
  }
  return root
}

function edit(root: string, path: string, change: (text: string) => string): void {
  writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')))
}

describe('the key of the sources a bundle is built from', () => {
  const original = copyOfSources()
  const key = sourceKey(original)

  it('is the same for the same sources, wherever they are', () => {
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    expect(sourceKey(copyOfSources())).toBe(key)
    expect(sourceKey(PROJECT_ROOT)).toBe(sourceKey())
  })

  it.each([
    ['a message in src/', 'src/main.ts', (t: string) => `${t}\nconsole.log('another message')\n`],
    ['a new file in src/', 'src/new-module.ts', () => 'export const x = 1\n'],
    ['the lockfile', 'package-lock.json', (t: string) => t.replace('"lockfileVersion"', '"lockfileVersion" ')],
    ['the TypeScript configuration', 'tsconfig.json', (t: string) => t.replace('"strict": true', '"strict": false')],
    ['the build script', 'script/package.ts', (t: string) => `${t}\n// another build\n`],
    ["the package's module type", 'package.json', (t: string) => t.replace('"type": "module"', '"type": "commonjs"')]
  ])('changes with %s', (_what, path, change) => {
    const root = copyOfSources()
    let before = ''
    try {
      before = readFileSync(join(root, path), 'utf8')
    } catch {
      // a file the change adds
    }
    writeFileSync(join(root, path), change(before))
    expect(readFileSync(join(root, path), 'utf8')).not.toBe(before)
    expect(sourceKey(root)).not.toBe(key)
  })

  it('stays the same when only what the bundle does not read changes', () => {
    const root = copyOfSources()
    edit(root, 'README.md', (t) => `${t}\nMore words.\n`)
    edit(root, 'package.json', (t) => t.replace('"scripts": {', '"scripts": {\n    "another": "true",'))
    expect(sourceKey(root)).toBe(key)
  })
})
