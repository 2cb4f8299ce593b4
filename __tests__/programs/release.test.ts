/**
 * script/release, run as a maintainer runs it (and as release.yml does): against a scratch
 * repository with a bare remote, so that its tags and pushes can be checked. release.yml
 * itself is checked in workflows.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { PROJECT_ROOT as ROOT } from '../../script/package.js'

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')

describe('script/release', () => {
  it('ships script/release as an executable bash script', () => {
    expect(statSync(join(ROOT, 'script/release')).mode & 0o111).toBe(0o111)
    expect(read('script/release').startsWith('#!/usr/bin/env bash\n')).toBe(true)
    expect(spawnSync('bash', ['-n', join(ROOT, 'script/release')]).status).toBe(0)
  })

  describe('script/release against a scratch repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'release-test-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))
    const env = {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Release Test',
      GIT_AUTHOR_EMAIL: 'release-test@example.com',
      GIT_COMMITTER_NAME: 'Release Test',
      GIT_COMMITTER_EMAIL: 'release-test@example.com'
    }
    const remote = join(dir, 'remote.git')
    const work = join(dir, 'work')
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: work, env, encoding: 'utf8' }).trim()
    const release = (...args: string[]) =>
      spawnSync(join(ROOT, 'script/release'), args, { cwd: work, env, encoding: 'utf8', input: '' })
    const commitVersion = (version: string): void => {
      writeFileSync(join(work, 'package.json'), JSON.stringify({ version }))
      git('add', 'package.json')
      git('commit', '--quiet', '-m', `version ${version}`)
      git('push', '--quiet', 'origin', 'HEAD:main')
    }

    beforeAll(() => {
      execFileSync('git', ['init', '--quiet', '--bare', remote], { env })
      execFileSync('git', ['clone', '--quiet', remote, work], { env, stdio: 'ignore' })
    })

    it('tags HEAD, moves the major tag to it, and pushes both', () => {
      commitVersion('1.0.0')
      const first = release('--yes', 'v1.0.0')
      expect([first.status, first.stderr]).toEqual([0, expect.any(String)])
      // The first release of a major creates its major tag.
      const firstTags = git('ls-remote', '--tags', 'origin')
      expect(firstTags).toContain(`${git('rev-parse', 'HEAD')}\trefs/tags/v1.0.0^{}`)
      expect(firstTags).toContain(`${git('rev-parse', 'HEAD')}\trefs/tags/v1^{}`)
      commitVersion('1.1.0')
      const second = release('--yes', 'v1.1.0')
      expect([second.status, second.stderr]).toEqual([0, expect.any(String)])

      const head = git('rev-parse', 'HEAD')
      const remoteTags = git('ls-remote', '--tags', 'origin')
      expect(remoteTags).toContain(`${head}\trefs/tags/v1.1.0^{}`)
      expect(remoteTags).toContain(`${head}\trefs/tags/v1^{}`)
      expect(remoteTags).toContain('refs/tags/v1.0.0^{}')
      expect(git('cat-file', '-t', 'v1.1.0')).toBe('tag')
    })

    it.each([
      [['--yes', '1.2'], /not a version of the form vX\.Y\.Z/],
      [['--yes', 'v1.1.0'], /already exists/],
      [['--yes', 'v1.2.0'], /package\.json says version 1\.1\.0/],
      [['--yes'], /--yes needs a version/]
    ])('refuses %j', (args, message) => {
      const result = release(...args)
      expect([result.status, result.stderr]).toEqual([1, expect.stringMatching(message)])
    })

    it('asks before tagging, and tags nothing without a yes', () => {
      commitVersion('1.2.0')
      const result = release('v1.2.0')
      expect([result.status, result.stdout, result.stderr]).toEqual([
        1,
        expect.stringContaining('Moves:      v1 from'),
        expect.stringMatching(/not released/)
      ])
      expect(git('ls-remote', '--tags', 'origin')).not.toContain('v1.2.0')
    })

    it('refuses uncommitted changes and commits that are not pushed', () => {
      writeFileSync(join(work, 'package.json'), JSON.stringify({ version: '1.2.0', dirty: true }))
      expect(release('--yes', 'v1.2.0').stderr).toMatch(/uncommitted changes/)
      git('commit', '--quiet', '-am', 'not pushed')
      expect(release('--yes', 'v1.2.0').stderr).toMatch(/is on no branch of origin/)
    })

    it('refuses to move the major tag back to an older version', () => {
      commitVersion('1.0.5')
      const result = release('--yes', 'v1.0.5')
      expect([result.status, result.stderr]).toEqual([1, expect.stringMatching(/older than v1\.1\.0/)])
    })
  })
})
