import * as fs from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from '@jest/globals'
import { ownerAndRepo, pullRequestPayload } from '../../src/report/event.js'
import { githubClient } from '../../src/report/github-client.js'

function eventFile(payload: unknown): string {
  const file = join(fs.mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
  fs.writeFileSync(file, typeof payload === 'string' ? payload : JSON.stringify(payload))
  return file
}

describe('the event payload', () => {
  it('is read on pull request events only', () => {
    const path = eventFile({ number: 3 })
    expect(pullRequestPayload({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path })).toEqual({ number: 3 })
    expect(pullRequestPayload({ GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: path })).toEqual({
      number: 3
    })
    expect(pullRequestPayload({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path })).toBeUndefined()
    expect(pullRequestPayload({ GITHUB_EVENT_NAME: 'pull_request' })).toBeUndefined()
  })

  it('is undefined when the file is missing, or holds no object', () => {
    for (const text of ['not json', 'null', '7']) {
      expect(
        pullRequestPayload({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile(text) })
      ).toBeUndefined()
    }
    const missing = join(tmpdir(), 'no-such-dir-for-event', 'event.json')
    expect(pullRequestPayload({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: missing })).toBeUndefined()
  })

  it('is read once for the check run and the comment, and again from another file', () => {
    const path = eventFile({ number: 3 })
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path }
    const first = pullRequestPayload(env)
    fs.writeFileSync(path, JSON.stringify({ number: 4 }))
    expect(pullRequestPayload(env)).toBe(first)
    const other = eventFile({ number: 5 })
    expect(pullRequestPayload({ ...env, GITHUB_EVENT_PATH: other })).toEqual({ number: 5 })
  })

  it('names its repository as owner and repo', () => {
    expect(ownerAndRepo('octo/repo')).toEqual({ owner: 'octo', repo: 'repo' })
    expect(ownerAndRepo('')).toEqual({ owner: '', repo: '' })
  })
})

describe('the GitHub client', () => {
  const saved = process.env.GITHUB_API_URL
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_API_URL
    else process.env.GITHUB_API_URL = saved
  })

  it('is one per token and API address', async () => {
    process.env.GITHUB_API_URL = 'http://127.0.0.1:9'
    const [a, again, b] = await Promise.all([githubClient('ghs_a'), githubClient('ghs_a'), githubClient('ghs_b')])
    expect(again).toBe(a)
    expect(b).not.toBe(a)
    process.env.GITHUB_API_URL = 'http://127.0.0.1:10'
    expect(await githubClient('ghs_a')).not.toBe(a)
  })
})
