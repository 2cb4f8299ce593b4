import { describe, expect, it } from '@jest/globals'
import { externalIdFor } from '../../../src/report/checks/check-identity.js'
import type {
  CommitChecks,
  DiscoveryData,
  PendingCheckRun,
  PendingCheckSuite
} from '../../../src/report/checks/discovery-query.js'
import { discoveryVariables, MAX_SETTLED_PER_STEP, pendingChecks } from '../../../src/report/checks/pending-checks.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
const RUN = '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60'
const OTHER_RUN = '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b61'
const OURS = externalIdFor({ kind: 'pipeline', target: PIPELINE, run: RUN })

function checkRun(id: number | null, fields: Partial<PendingCheckRun> = {}): PendingCheckRun {
  return {
    databaseId: id,
    name: 'Code Ocean: nightly',
    status: 'IN_PROGRESS',
    externalId: OURS,
    startedAt: '2026-12-01T10:00:00Z',
    ...fields
  }
}

/** One page of a connection; `more`: GitHub has more than the page holds. */
const page = <T>(nodes: T[], more = false) => ({ pageInfo: { hasNextPage: more }, nodes })

function suite(slug: string | null, runs: PendingCheckRun[], moreRuns = false): PendingCheckSuite {
  return { app: slug === null ? null : { slug }, checkRuns: page(runs, moreRuns) }
}

function commit(oid: string, suites: PendingCheckSuite[], moreSuites = false): CommitChecks {
  return { oid, committedDate: '2026-12-01T09:00:00Z', checkSuites: page(suites, moreSuites) }
}

function answer(heads: CommitChecks[], history: CommitChecks[], morePullRequests = false): DiscoveryData {
  return {
    repository: {
      pullRequests: page(
        heads.map((c) => ({ commits: { nodes: [{ commit: c }] } })),
        morePullRequests
      ),
      defaultBranchRef: { target: { history: { nodes: history } } }
    }
  }
}

describe('which pending check runs a settle step may complete', () => {
  it('takes only a check id that can name a check run, and caps the name GitHub gives', () => {
    const runs = [0, -3, 1.5, 2 ** 53, 7].map((id) => checkRun(id, { name: `Code Ocean: ${'x'.repeat(5_000)}` }))
    const found = pendingChecks(answer([], [commit('a1', [suite('github-actions', runs)])]))
    expect(found.ours.map((c) => c.id)).toEqual([7])
    expect(found.skipped).toBe(4)
    expect(found.ours[0].name.length).toBeLessThan(1_100)
    expect(found.ours[0].name).toMatch(/more characters\)$/)
  })
  it('keeps in-progress runs of the github-actions suite whose external_id reads back, each once', () => {
    const shared = commit('a1', [suite('github-actions', [checkRun(1)])])
    const found = pendingChecks(
      answer(
        [shared],
        [
          shared,
          commit('b2', [
            suite('github-actions', [
              checkRun(2, { externalId: externalIdFor({ kind: 'capsule', target: PIPELINE, run: OTHER_RUN }) })
            ])
          ])
        ]
      )
    )
    expect(found.ours.map((c) => [c.id, c.identity.run])).toEqual([
      [1, RUN],
      [2, OTHER_RUN]
    ])
    expect(found).toMatchObject({ deferred: 0, skipped: 0, unreadOn: [] })
  })

  it.each<[string, PendingCheckSuite]>([
    ['another app', suite('other-app', [checkRun(1)])],
    ['an app the token may not see', suite(null, [checkRun(1)])],
    ['a malformed external_id', suite('github-actions', [checkRun(1, { externalId: `${OURS}&extra=1` })])],
    ['no external_id', suite('github-actions', [checkRun(1, { externalId: null })])],
    ['no id', suite('github-actions', [checkRun(null)])]
  ])('skips a check of %s', (_, s) => {
    expect(pendingChecks(answer([], [commit('a1', [s])]))).toEqual({
      ours: [],
      deferred: 0,
      skipped: 1,
      unreadOn: [],
      morePullRequests: false
    })
  })

  it('names each commit where GitHub has more suites, or more runs in progress in a suite, than were read', () => {
    const ours = suite('github-actions', [checkRun(1)])
    const found = pendingChecks(
      answer(
        [commit('a1', [ours], true)],
        [commit('a1', [ours], true), commit('b2', [suite('other-app', [], true)]), commit('c3', [ours])]
      )
    )
    expect(found.unreadOn).toEqual(['a1', 'b2'])
    // What was read is still settled.
    expect(found.ours.map((c) => c.id)).toEqual([1])
  })

  it('leaves a check that is not in progress alone, whatever GitHub answered', () => {
    const found = pendingChecks(
      answer([], [commit('a1', [suite('github-actions', [checkRun(1, { status: 'QUEUED' })])])])
    )
    expect(found.ours).toEqual([])
  })

  it('takes the commit date when GitHub gives no start', () => {
    const found = pendingChecks(
      answer([], [commit('a1', [suite('github-actions', [checkRun(1, { startedAt: null })])])])
    )
    expect(found.ours[0].startedAt).toBe('2026-12-01T09:00:00Z')
  })

  it('skips a start that is no time for the commit date, or none', () => {
    const found = pendingChecks(
      answer(
        [],
        [commit('a1', [suite('github-actions', [checkRun(1, { startedAt: '' }), checkRun(2, { startedAt: 'soon' })])])]
      )
    )
    expect(found.ours.map((c) => c.startedAt)).toEqual(['2026-12-01T09:00:00Z', '2026-12-01T09:00:00Z'])
  })

  it('keeps the oldest checks within the cap, so checks still going cannot crowd out the rest', () => {
    const day = (d: number): string => `2026-11-${String(d).padStart(2, '0')}T00:00:00Z`
    const runs = Array.from({ length: MAX_SETTLED_PER_STEP + 2 }, (_, i) =>
      checkRun(i + 1, { startedAt: day(MAX_SETTLED_PER_STEP + 2 - i) })
    )
    const found = pendingChecks(answer([], [commit('a1', [suite('github-actions', runs)])]))
    expect(found.ours.map((c) => c.startedAt)).toEqual(
      Array.from({ length: MAX_SETTLED_PER_STEP }, (_, i) => day(i + 1))
    )
  })

  it(`settles at most ${MAX_SETTLED_PER_STEP} a step and counts the rest`, () => {
    const runs = Array.from({ length: MAX_SETTLED_PER_STEP + 3 }, (_, i) => checkRun(i + 1))
    const found = pendingChecks(answer([], [commit('a1', [suite('github-actions', runs)])]))
    expect(found.ours).toHaveLength(MAX_SETTLED_PER_STEP)
    expect(found.deferred).toBe(3)
  })

  it('says when more pull requests are open than the query read', () => {
    expect(pendingChecks(answer([], [], true)).morePullRequests).toBe(true)
    expect(pendingChecks(answer([], [], false)).morePullRequests).toBe(false)
  })

  it('reads nothing from an answer without a repository or a default branch', () => {
    expect(pendingChecks({ repository: null })).toEqual({
      ours: [],
      deferred: 0,
      skipped: 0,
      unreadOn: [],
      morePullRequests: false
    })
    const empty: DiscoveryData = { repository: { pullRequests: page([], false), defaultBranchRef: null } }
    expect(pendingChecks(empty).ours).toEqual([])
  })
})

describe("the discovery query's variables", () => {
  it('reads the newest commits of the default branch, whatever their dates', () => {
    expect(discoveryVariables('octo/repo')).toEqual({
      owner: 'octo',
      name: 'repo',
      pullRequests: 50,
      commits: 50
    })
  })
})
