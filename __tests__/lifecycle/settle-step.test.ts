import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { CodeOceanApiError } from '../../src/codeocean/errors.js'
import type { Computation } from '../../src/codeocean/models/computation.js'
import { discover, renderSettleSummary, settleEach, type SettleReport } from '../../src/lifecycle/run/settle.js'
import { settleDownloader, type SettleDownload } from '../../src/lifecycle/run/settle-downloads.js'
import { printedLines } from '../support/printed.js'
import type { OurCheck } from '../../src/report/checks/pending-checks.js'
import type { SettleSettings } from '../../src/inputs/settle.js'

const TARGET = '4bc97533-6eb4-48ac-966f-648548a756d2'
const RUNS = ['9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60', '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b61']
const SETTINGS = { maxAgeDays: 7 } as SettleSettings

const checks: OurCheck[] = RUNS.map((run, i) => ({
  id: i + 1,
  name: `Code Ocean: leg ${i}`,
  identity: { kind: 'pipeline', target: TARGET, run },
  startedAt: new Date().toISOString()
}))

function ended(id: string): Computation {
  const c = { id, state: 'completed', end_status: 'succeeded', exit_code: 0 }
  return { ...c, raw: { ...c } }
}

/**
 * A Code Ocean client whose reads answer `read` (and whose listing of a target's runs
 * lists none), and a GitHub client whose updates answer `update`.
 */
function clients(
  read: (id: string) => Promise<Computation>,
  update: () => Promise<unknown>,
  targetRuns: () => Promise<Computation[]> = () => Promise.resolve([])
) {
  const updates: unknown[] = []
  const octokit = {
    rest: {
      checks: {
        update: (params: unknown) => {
          updates.push(params)
          return update()
        }
      }
    }
  }
  return {
    octokit: octokit as never,
    client: {
      computations: { get: read },
      targets: { listRuns: async () => ({ runs: await targetRuns(), unreadable: 0 }) }
    } as never,
    updates
  }
}

const newReport = (): SettleReport => ({ settled: [], left: [], skipped: 0, deferred: 0, downloads: [] })
const unavailable = (): Promise<never> => Promise.reject(new Error('Code Ocean answered 503'))

describe('the settle step, check by check', () => {
  // The step logs a line per check and warns: kept out of the test's output.
  beforeEach(() => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it('completes each ended run with one update, and does not fail', async () => {
    const { octokit, client, updates } = clients(
      (id) => Promise.resolve(ended(id)),
      () => Promise.resolve({})
    )
    const report = newReport()
    await settleEach(checks, octokit, client, 'octo/repo', SETTINGS, report)
    expect(updates).toHaveLength(2)
    expect(updates[0]).toMatchObject({
      owner: 'octo',
      repo: 'repo',
      check_run_id: 1,
      status: 'completed',
      conclusion: 'success'
    })
    expect(report.failure).toBeUndefined()
    expect(report.settled.map((s) => s.conclusion)).toEqual(['success', 'success'])
  })

  it('fails only when no run could be read at all; one unreadable run is left with a warning', async () => {
    const some = clients(
      (id) => (id === RUNS[0] ? unavailable() : Promise.resolve(ended(id))),
      () => Promise.resolve({})
    )
    const partly = newReport()
    await settleEach(checks, some.octokit, some.client, 'octo/repo', SETTINGS, partly)
    expect(partly.failure).toBeUndefined()
    expect(partly.left.map((l) => l.why)).toEqual(['left in progress: its run could not be read'])

    const none = clients(unavailable, () => Promise.resolve({}))
    const report = newReport()
    await settleEach(checks, none.octokit, none.client, 'octo/repo', SETTINGS, report)
    expect(report.failure).toContain('Could not read any of the 2 runs')
    expect(none.updates).toHaveLength(0)
  })

  const gone = (): Promise<never> =>
    Promise.reject(new CodeOceanApiError(404, {}, { method: 'GET', path: '/computations/x' } as never))

  it('completes a deleted run (404) as cancelled when its pipeline lists runs without it', async () => {
    const { octokit, client, updates } = clients(gone, () => Promise.resolve({}))
    const report = newReport()
    await settleEach(checks.slice(0, 1), octokit, client, 'octo/repo', SETTINGS, report)
    expect(updates[0]).toMatchObject({ conclusion: 'cancelled' })
    expect(report.failure).toBeUndefined()
  })

  it('leaves a check whose run is missing from a listing with an entry it could not read', async () => {
    const { octokit, updates } = clients(gone, () => Promise.resolve({}))
    const client = {
      computations: { get: gone },
      targets: { listRuns: () => Promise.resolve({ runs: [], unreadable: 1 }) }
    } as never
    const report = newReport()
    await settleEach(checks.slice(0, 1), octokit, client, 'octo/repo', SETTINGS, report)
    expect(updates).toHaveLength(0)
    expect(report.left).toHaveLength(1)
  })

  it('leaves a check whose run and pipeline are both unknown (another deployment), with a warning', async () => {
    const { octokit, client, updates } = clients(gone, () => Promise.resolve({}), gone)
    const report = newReport()
    await settleEach(checks.slice(0, 1), octokit, client, 'octo/repo', SETTINGS, report)
    expect(updates).toHaveLength(0)
    expect(report.left).toHaveLength(1)
  })

  it('fails when GitHub refuses every update, saying what the token needs', async () => {
    const { octokit, client } = clients(
      (id) => Promise.resolve(ended(id)),
      () => Promise.reject(new Error('Resource not accessible by integration'))
    )
    const report = newReport()
    await settleEach(checks, octokit, client, 'octo/repo', SETTINGS, report)
    expect(report.failure).toContain('checks: write')
    expect(report.left).toHaveLength(2)
  })

  it("keeps GitHub's words in the failure to one line, and gives a GraphQL-style error's reasons", async () => {
    const refusal = Object.assign(new Error('Request failed due to following response errors:\n - hidden'), {
      errors: [{ message: 'no\n::error::forged' }, { message: '##[error]also forged' }]
    })
    const { octokit, client } = clients(
      (id) => Promise.resolve(ended(id)),
      () => Promise.reject(refusal)
    )
    const report = newReport()
    await settleEach(checks, octokit, client, 'octo/repo', SETTINGS, report)
    expect(report.failure).not.toMatch(/[\r\n]/)
    expect(report.failure).not.toContain('##[')
    expect(report.failure).toContain('forged')
    expect(report.failure).not.toContain('Request failed due to')
  })

  it('lists what was settled, left and skipped in the job summary, inert', () => {
    const report: SettleReport = {
      settled: [{ check: { ...checks[0], name: 'Code Ocean: <b>@team</b>' }, conclusion: 'success' }],
      left: [{ check: checks[1], why: 'left in progress: the run is still running' }],
      skipped: 3,
      deferred: 2,
      downloads: []
    }
    const markdown = renderSettleSummary(report)
    expect(markdown).toContain('## ✅ Settled Code Ocean check runs')
    expect(markdown).toContain('Settled 1, left 1 in progress, skipped 3')
    expect(markdown).toContain('2 more were left for the next settle')
    expect(markdown).toContain('### Left in progress')
    expect(markdown).not.toContain('<b>')
    expect(markdown).not.toContain(' @team')
  })
})

describe("the settle step's downloads", () => {
  const printed = printedLines()

  const still = (id: string): Computation => {
    const c = { id, state: 'running' }
    return { ...c, raw: { ...c } }
  }

  it('downloads only the runs whose checks it completed, once each, after the update', async () => {
    const { octokit, client, updates } = clients(
      (id) => Promise.resolve(id === RUNS[0] ? ended(id) : still(id)),
      () => Promise.resolve({})
    )
    const asked: string[] = []
    const download = async (run: Computation): Promise<SettleDownload> => {
      asked.push(`${run.id} after ${updates.length} update(s)`)
      return { kind: 'downloaded', folder: `/w/results/${run.id}`, files: 2, bytes: 10 }
    }
    const report = newReport()
    await settleEach(checks, octokit, client, 'octo/repo', SETTINGS, report, download)
    expect(asked).toEqual([`${RUNS[0]} after 1 update(s)`])
    expect(report.downloads).toHaveLength(1)
  })

  it('a failed download is a warning: the check is completed with the run conclusion, the step does not fail', async () => {
    const { octokit, client, updates } = clients(
      (id) => Promise.resolve(ended(id)),
      () => Promise.resolve({})
    )
    const download = async (): Promise<SettleDownload> => ({ kind: 'failed', why: 'the object store answered 500' })
    const report = newReport()
    await settleEach(checks.slice(0, 1), octokit, client, 'octo/repo', SETTINGS, report, download)
    expect(updates[0]).toMatchObject({ status: 'completed', conclusion: 'success' })
    expect(report.failure).toBeUndefined()
    expect(printed.join('')).toContain(
      `::warning::Could not download the results of Code Ocean run ${RUNS[0]}: the object store answered 500`
    )
    const markdown = renderSettleSummary(report, '/w')
    expect(markdown).toContain('### Results')
    expect(markdown).toContain('download failed\\: the object store answered 500')
  })

  it('a check GitHub refused to complete gets no download: the next settle does both', async () => {
    const { octokit, client } = clients(
      (id) => Promise.resolve(ended(id)),
      () => Promise.reject(new Error('HTTP 502'))
    )
    const download = jest.fn(async (): Promise<SettleDownload> => ({ kind: 'none', why: 'x' }))
    await settleEach(checks, octokit, client, 'octo/repo', SETTINGS, newReport(), download)
    expect(download).not.toHaveBeenCalled()
  })

  it("lists where each run's results went, relative to the workspace", () => {
    const report: SettleReport = {
      ...newReport(),
      settled: checks.map((check) => ({ check, conclusion: 'success' })),
      downloads: [
        { check: checks[0], download: { kind: 'downloaded', folder: `/w/results/${RUNS[0]}`, files: 1, bytes: 2048 } },
        { check: checks[1], download: { kind: 'none', why: 'the run has no results' } }
      ]
    }
    const markdown = renderSettleSummary(report, '/w')
    expect(markdown).toContain(`| \`results/${RUNS[0]}\` (1 file, 2.0 KiB) |`)
    expect(markdown).toContain('not downloaded\\: the run has no results')
  })

  describe('settleDownloader', () => {
    const settings = (over: Partial<SettleSettings> = {}): SettleSettings =>
      ({
        maxAgeDays: 7,
        downloadFolder: '/w/results',
        resultsFilter: [],
        resultsTimeoutMinutes: 60,
        location: { apiBase: 'https://codeocean.example.com/api/v1' },
        ...over
      }) as SettleSettings
    const lister = (list: () => Promise<unknown[]>) => ({ results: { list } }) as never

    it('is undefined without download-results', () => {
      expect(
        settleDownloader(
          lister(async () => []),
          settings({ downloadFolder: undefined }),
          () => {}
        )
      ).toBeUndefined()
    })

    it('downloads nothing for a run without results, or whose results the filter drops', async () => {
      const list = jest.fn(async () => [{ name: 'a.txt', path: 'a.txt', type: 'file', size: 1 }])
      const download = settleDownloader(lister(list), settings({ resultsFilter: ['*.csv'] }), () => {})
      const none = { ...ended(RUNS[0]), has_results: false }
      expect(await download?.(none)).toEqual({ kind: 'none', why: 'the run has no results' })
      expect(list).not.toHaveBeenCalled()
      expect(await download?.(ended(RUNS[0]))).toEqual({
        kind: 'none',
        why: 'results-filter keeps none of its results'
      })
    })

    it('a listing that fails is a failed download, never an exception', async () => {
      const download = settleDownloader(
        lister(() => Promise.reject(new Error('Code Ocean answered 503\nmore'))),
        settings(),
        () => {}
      )
      expect(await download?.(ended(RUNS[0]))).toEqual({ kind: 'failed', why: 'Code Ocean answered 503' })
    })
  })
})

describe('a GitHub that never answers', () => {
  // Takes every request and answers none, as a GitHub behind a stalled connection would.
  let server: Server
  let octokit: never
  const printed = printedLines()
  beforeAll(async () => {
    server = createServer(() => undefined)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { getOctokit } = await import('@actions/github')
    octokit = getOctokit('ghs_never_answered', {
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    }) as never
  })
  afterAll(() => {
    server.closeAllConnections()
    server.close()
  })

  it('ends the query at its time limit, failing the step with what happened', async () => {
    await expect(discover(octokit, 'octo/repo', 300)).rejects.toThrow(
      'Could not ask GitHub for the check runs in progress in octo/repo: GitHub gave no answer within 0.3 s'
    )
  })

  it('ends each update at its time limit, leaves the checks with a warning, and says GitHub did not answer', async () => {
    const { client } = clients(
      (id) => Promise.resolve(ended(id)),
      () => Promise.resolve({})
    )
    const report = newReport()
    await settleEach(checks, octokit, client, 'octo/repo', SETTINGS, report, undefined, 300)
    expect(report.left.map((l) => l.why)).toEqual([
      'left in progress: GitHub did not answer the update',
      'left in progress: GitHub did not answer the update'
    ])
    expect(printed.join('')).toContain(
      "::warning::Could not complete check 'Code Ocean: leg 0' on GitHub: GitHub gave no answer within 0.3 s; left for the next settle"
    )
    expect(report.failure).toBe(
      'GitHub answered no update of a check run (GitHub gave no answer within 0.3 s); the checks are left in progress for the next settle.'
    )
  })
})
