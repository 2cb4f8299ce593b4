import { describe, expect, it } from '@jest/globals'
import type { Computation } from '../../../src/codeocean/models/computation.js'
import { readGitSync } from '../../../src/codeocean/models/git-sync.js'
import { CodeOceanApiError } from '../../../src/codeocean/errors.js'
import type { Target } from '../../../src/codeocean/models/run-request.js'
import { ensureDataAssetsReady } from '../../../src/lifecycle/prepare/data-assets-ready.js'
import { describeSync, syncWithGit } from '../../../src/lifecycle/prepare/sync-with-git.js'
import { newStep } from '../../../src/lifecycle/step.js'
import { resumeCandidates, runsOfSeveralOwners } from '../../../src/lifecycle/prepare/resume.js'

const run = (id: string, name: string, created: number, extra: Partial<Computation> = {}): Computation => ({
  id,
  name,
  created,
  state: 'completed',
  end_status: 'failed',
  exit_code: 1,
  raw: {},
  ...extra
})

describe('Git sync answers', () => {
  it.each([
    [{}, { pulled: 0, pushed: 0, newBranch: false }],
    [undefined, { pulled: 0, pushed: 0, newBranch: false }],
    [
      { pulled: 3, pushed: 1, new_branch: true },
      { pulled: 3, pushed: 1, newBranch: true }
    ],
    [
      { pulled: '2', pushed: -1, new_branch: 'yes' },
      { pulled: 2, pushed: 0, newBranch: false }
    ]
  ])('reads %j', (body, expected) => {
    expect(readGitSync(body)).toEqual(expected)
  })

  // Code Ocean's refusals as the end-to-end test cannot all cheaply make them: the
  // message says no run started, quotes the server and names the likely cause.
  it.each([
    [400, { message: 'pipeline is not linked to a git repository' }, 'the pipeline is not linked to a Git repository'],
    [401, { message: 'bad token' }, 'the API token was not accepted; check the `secret` input'],
    [
      403,
      { message: 'insufficient scope' },
      'the token may not write to the pipeline. Git sync needs the Capsule Read/Write scope'
    ],
    [404, 'Not Found', 'this Code Ocean does not support Git sync; it needs 4.6 or later']
  ])('explains a sync refused with HTTP %i', async (status, body, cause) => {
    const target: Target = { kind: 'pipeline', id: 'c7f5a7e2-3c1d-4b9e-9f3a-2d8e6b1a0f44' }
    const refusal = new CodeOceanApiError(status, body, { operation: 'sync the pipeline with Git' })
    const sync = syncWithGit({ sync: () => Promise.reject(refusal) }, target, newStep(), new AbortController().signal)
    const message = await sync.then(
      () => '',
      (error: unknown) => (error instanceof Error ? error.message : String(error))
    )
    const [head, answer, likely] = message.split('\n')
    expect(head).toBe(`Could not sync pipeline ${target.id} with Git, so no run was started.`)
    expect(answer).toBe(`Code Ocean answered HTTP ${status}: ${typeof body === 'string' ? body : body.message}`)
    expect(likely).toContain(`Likely cause: ${cause}`)
  })

  it('says what the sync did in one line', () => {
    expect(describeSync({ pulled: 3, pushed: 0, newBranch: false })).toBe('Synced with Git: pulled 3 commits, pushed 0')
    expect(describeSync({ pulled: 1, pushed: 2, newBranch: true })).toBe(
      'Synced with Git: pulled 1 commit, pushed 2 (on a new branch)'
    )
  })
})

describe('runs to resume from', () => {
  it('keeps ended runs with this name that did not succeed, newest first', () => {
    const runs = [
      run('old', 'ci #1', 100),
      run('new', 'ci #1', 300),
      run('ok', 'ci #1', 400, { end_status: 'succeeded', exit_code: 0 }),
      run('exit-1', 'ci #1', 350, { end_status: 'succeeded', exit_code: 1 }),
      run('running', 'ci #1', 500, { state: 'running', end_status: undefined, exit_code: undefined }),
      run('other', 'ci #2', 600)
    ]
    expect(resumeCandidates(runs, 'ci #1').map((r) => r.id)).toEqual(['exit-1', 'new', 'old'])
  })

  it("finds the name shared with someone else's run, whatever that run's state", () => {
    const ours = run('ours', 'ci #1', 100, { owner: 'me' })
    const theirs = run('theirs', 'ci #1', 300, { owner: 'colleague' })
    const theirsOk = run('theirs-ok', 'ci #1', 300, { owner: 'colleague', end_status: 'succeeded', exit_code: 0 })
    const unrelated = run('other', 'ci #2', 600, { owner: 'colleague' })
    expect(runsOfSeveralOwners([ours, theirs, unrelated], 'ci #1')?.map((r) => r.id)).toEqual(['ours', 'theirs'])
    expect(runsOfSeveralOwners([ours, theirsOk], 'ci #1')?.map((r) => r.id)).toEqual(['ours', 'theirs-ok'])
    // A server that names no owner for some runs cannot vouch for them either.
    expect(runsOfSeveralOwners([ours, run('unowned', 'ci #1', 200)], 'ci #1')).toHaveLength(2)
  })

  it('leaves runs of one owner, or of a server that names none, to the name alone', () => {
    const mine = [run('a', 'ci #1', 100, { owner: 'me' }), run('b', 'ci #1', 200, { owner: 'me' })]
    expect(runsOfSeveralOwners([...mine, run('c', 'ci #2', 300, { owner: 'colleague' })], 'ci #1')).toBeUndefined()
    expect(runsOfSeveralOwners([run('a', 'ci #1', 100), run('b', 'ci #1', 200)], 'ci #1')).toBeUndefined()
  })
})

describe('attached data assets', () => {
  const options = (overrides = {}) => ({
    interval: 5 as const,
    timeoutMinutes: 0,
    log: () => {},
    signal: new AbortController().signal,
    sleep: () => Promise.resolve(),
    ...overrides
  })

  it('polls a draft until it is ready', async () => {
    const states = ['draft', 'draft', 'ready']
    const seen: string[] = []
    await ensureDataAssetsReady(
      {
        get: (id) => {
          seen.push(id)
          return Promise.resolve({ id, state: states.shift() ?? 'ready' })
        }
      },
      ['a'],
      options()
    )
    expect(seen).toEqual(['a', 'a', 'a'])
  })

  it.each([
    [404, 'There is no data asset a (or the token cannot see it)'],
    [403, 'The token may not read data asset a: it needs the Data Asset Read scope']
  ])('explains an asset Code Ocean refused with HTTP %i', async (status, words) => {
    const refusal = new CodeOceanApiError(status, { message: 'no' }, { operation: 'read data asset a' })
    const promise = ensureDataAssetsReady({ get: () => Promise.reject(refusal) }, ['a'], options())
    await expect(promise).rejects.toThrow(words)
    await expect(promise).rejects.toThrow(`Code Ocean answered HTTP ${status}: no`)
  })

  it('names every failed asset, stopping the wait for the others', async () => {
    const promise = ensureDataAssetsReady(
      {
        get: (id) =>
          Promise.resolve(
            id === 'b' ? { id, name: 'B', state: 'failed', failure_reason: 'gone' } : { id, state: 'draft' }
          )
      },
      ['a', 'b'],
      options()
    )
    await expect(promise).rejects.toThrow("Data asset 'B' (b) failed in Code Ocean: gone")
  })
})
