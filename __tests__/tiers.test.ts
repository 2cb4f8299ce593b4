/**
 * The two test tiers stay what jest.config.js says they are: the unit tier runs in-process
 * and starts no program (so `npm run test:unit` stays fast), and every test file that
 * starts one (the action through the runner harness, or a command-line tool) is in the
 * end-to-end tier.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { PROJECT_ROOT } from '../script/package.js'

const TESTS = join(PROJECT_ROOT, '__tests__')
const END_TO_END = ['e2e/', 'harness/', 'programs/']
/** What starts a program: the harness (which runs actions), and Node's child processes. */
const STARTS_PROGRAMS =
  /from '(node:child_process|[./]*(harness\/runner|harness\/action-under-test|support\/action)\.js)'/

const testFiles = readdirSync(TESTS, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
  .map((entry) => relative(TESTS, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))

const isEndToEnd = (file: string): boolean => END_TO_END.some((folder) => file.startsWith(folder))

describe('the test tiers', () => {
  it('are told apart by folder, as jest.config.js does', async () => {
    const { default: config } = (await import(pathToFileURL(join(PROJECT_ROOT, 'jest.config.js')).href)) as {
      default: { projects: { displayName: string; testMatch: string[] }[] }
    }
    const e2e = config.projects.find((p) => p.displayName === 'e2e')
    expect(e2e?.testMatch).toEqual(END_TO_END.map((folder) => `<rootDir>/__tests__/${folder}**/*.test.ts`))
    expect(testFiles.filter(isEndToEnd).length).toBeGreaterThan(10)
    expect(testFiles.filter((f) => !isEndToEnd(f)).length).toBeGreaterThan(30)
  })

  it('keep the unit tier from starting programs', () => {
    const starting = testFiles.filter(
      (f) => !isEndToEnd(f) && STARTS_PROGRAMS.test(readFileSync(join(TESTS, f), 'utf8'))
    )
    expect(starting).toEqual([])
  })

  it('keep each end-to-end file running a program', () => {
    const idle = testFiles.filter((f) => isEndToEnd(f) && !STARTS_PROGRAMS.test(readFileSync(join(TESTS, f), 'utf8')))
    expect(idle).toEqual([])
  })
})
