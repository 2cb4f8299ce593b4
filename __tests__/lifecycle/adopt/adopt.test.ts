import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { readComputation, type Computation } from '../../../src/codeocean/models/computation.js'
import type { RunsListing } from '../../../src/codeocean/targets-api.js'
import type { Settings } from '../../../src/inputs/settings.js'
import { adoptedSettings, adoptionNotes, findAdoptableRun } from '../../../src/lifecycle/adopt/adopt.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'

/** A run of our request created 0.3 s after the start, named `name`. */
function candidate(n: number, sentAt: number, name: string): Computation {
  return readComputation({
    id: `0a1b2c3d-0000-4000-8000-${String(n).padStart(12, '0')}`,
    created: Math.floor((sentAt + 300) / 1000),
    name,
    owner: 'u',
    state: 'running',
    parameters: [{ name: '', value: 'ours' }]
  })
}

/** A failed start, and a target whose every listing answers `runs` with a Date header. */
function failedStart(runs: (sentAt: number) => Computation[]) {
  const sentAt = Date.now() - 1_000
  const listing = (): Promise<RunsListing> => {
    const receivedAt = Date.now()
    return Promise.resolve({
      runs: runs(sentAt),
      unreadable: 0,
      receivedAt,
      serverDate: Math.floor(receivedAt / 1000) * 1000
    })
  }
  const start = {
    request: { pipeline_id: PIPELINE, parameters: ['ours'] },
    target: { kind: 'pipeline' as const, id: PIPELINE },
    sentAt,
    failure: new Error('Could not start the run: HTTP 502 Bad Gateway'),
    signal: new AbortController().signal
  }
  return { targets: { listRuns: listing }, start }
}

describe('several candidates', () => {
  // The look logs as it goes (core.info, core.debug): kept out of the test report.
  let stdout: string[] = []
  beforeEach(() => {
    stdout = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk))
      return true
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })

  it('are named, five at most, each inert and cut short, then how many more', async () => {
    const name = `::warning::forged\n${'y'.repeat(5_000)}`
    const { targets, start } = failedStart((sentAt) => Array.from({ length: 8 }, (_, i) => candidate(i, sentAt, name)))
    const error = await findAdoptableRun(targets, start).then(
      () => new Error('adopted'),
      (e: unknown) => e as Error
    )
    const [failure, finding] = error.message.split('\n')
    expect(failure).toBe('Could not start the run: HTTP 502 Bad Gateway')
    expect(finding).toMatch(/^8 runs of the pipeline created since the start have this step's request: /)
    expect(finding.match(/':\u200b:warning::forged⏎y{62}… \(4,938 more characters\)'/g)).toHaveLength(5)
    expect(finding).toMatch(/ and 3 more\. The action cannot tell which, if any, is this step's, so it follows none\.$/)
    expect(error.message.length).toBeLessThan(1_500)
    expect(stdout.join('')).toContain('The start request failed after it was sent')
  })
})

describe('an adopted run', () => {
  const settings = (cancel: boolean | 'auto', timeout: boolean | 'auto', runName = 'nightly'): Settings =>
    ({
      runName,
      stopOnCancel: cancel !== false,
      stopOnTimeout: timeout !== false,
      stopChoices: { cancel, timeout }
    }) as Settings

  it('is stopped only where the inputs say true: auto leaves it, as a followed run', () => {
    const auto = adoptedSettings(settings('auto', 'auto'))
    expect([auto.stopOnCancel, auto.stopOnTimeout]).toEqual([false, false])
    const explicit = adoptedSettings(settings(true, true))
    expect([explicit.stopOnCancel, explicit.stopOnTimeout]).toEqual([true, true])
    const off = adoptedSettings(settings(false, false))
    expect([off.stopOnCancel, off.stopOnTimeout]).toEqual([false, false])
  })

  it('is said to be adopted, how it was found, and what the step will not do to it', () => {
    const run = readComputation({ id: '0a1b2c3d-0000-4000-8000-000000000001', name: 'Run 1', state: 'running' })
    const notes = adoptionNotes({ run, evidence: 'it is the one run' }, settings('auto', false))
    expect(notes).toEqual([
      "Adopted run 'Run 1' (0a1b2c3d-0000-4000-8000-000000000001): the start request failed, and it is the one run.",
      "Nothing in Code Ocean's answers proves that this step's start created it, so it keeps its name (run-name is not applied), and a cancel leaves it running (stop-on-cancel: true would stop it)."
    ])
    expect(adoptionNotes({ run, evidence: 'x' }, settings(true, false, ''))[1]).toBe(
      "Nothing in Code Ocean's answers proves that this step's start created it, so it keeps its name, and stop-on-cancel: true stops it on a cancel."
    )
  })
})
