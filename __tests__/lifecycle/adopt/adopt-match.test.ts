import { describe, expect, it } from '@jest/globals'
import { readComputation, type Computation } from '../../../src/codeocean/models/computation.js'
import type { RunRequest } from '../../../src/codeocean/models/run-request.js'
import {
  CLOCK_READING_LIMIT_MS,
  createdAtMs,
  judgeStart,
  sameRequest,
  type Look,
  type StartVerdict
} from '../../../src/lifecycle/adopt/adopt-match.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
/** Local clock just before the start: half past a whole second, as likely as any other moment. */
const SENT = 1_750_000_000_500
const ASSET = 'bf8cf993-a583-495c-bebd-2f38f81d1ea1'
const OURS: RunRequest = { pipeline_id: PIPELINE, parameters: ['ours'] }
const ECHO = { parameters: [{ name: '', value: 'ours' }] }

let next = 0
/**
 * A listed run as Code Ocean reports it, created `msAfterStart` after the start was sent
 * by the server's clock (which runs `skewMs` ahead of ours); `created` in whole seconds.
 */
function listed(msAfterStart: number, fields: Record<string, unknown> = {}, skewMs = 0): Computation {
  next += 1
  return readComputation({
    id: `0a1b2c3d-0000-4000-8000-${String(next).padStart(12, '0')}`,
    created: Math.floor((SENT + skewMs + msAfterStart) / 1000),
    name: `Run ${next}`,
    owner: 'u',
    run_time: 0,
    state: 'running',
    ...fields
  })
}

/** A listing asked `atMs` after the start, answered in `tookMs`, with a Date header by a server `skewMs` ahead. */
function lookAt(atMs: number, runs: Computation[], skewMs = 0, tookMs = 50): Look {
  const askedAt = SENT + atMs
  const receivedAt = askedAt + tookMs
  // The server wrote its Date (whole seconds) just before answering.
  return { askedAt, receivedAt, serverDate: Math.floor((receivedAt - 1 + skewMs) / 1000) * 1000, runs }
}

/** The verdict after a first look at 1 s and a second at 11 s, on the same runs unless told. */
function judged(request: RunRequest, runs: Computation[], later: Computation[] = runs, skewMs = 0): StartVerdict {
  return judgeStart({ request, sentAt: SENT, looks: [lookAt(1_000, runs, skewMs), lookAt(11_000, later, skewMs)] })
}

const ids = (verdict: StartVerdict): string[] => {
  switch (verdict.kind) {
    case 'adopt':
      return [verdict.run.id]
    case 'ambiguous':
    case 'empty-request':
      return [verdict.kind, ...verdict.runs.map((r) => r.id)]
    case 'cannot-compare':
      return [`cannot compare: ${verdict.reason}`]
    default:
      return [verdict.kind]
  }
}

describe("the runs created since the start, by the server's clock", () => {
  it('passes over a run created 45 s, or 2 s, before the start', () => {
    const ours = listed(300, ECHO)
    const colleague = listed(-45_000, ECHO)
    const justBefore = listed(-2_000, ECHO)
    expect(ids(judged(OURS, [colleague, justBefore, ours]))).toEqual([ours.id])
    expect(ids(judged(OURS, [colleague, justBefore]))).toEqual(['none'])
  })

  it("allows for whole seconds: a run in the start's own second, or the one before it, may be the start's", () => {
    // `created` and `Date` are whole seconds, so these cannot be told from one created after the start.
    for (const ms of [-400, -1_000]) {
      const close = listed(ms, ECHO)
      expect(ids(judged(OURS, [close]))).toEqual([close.id])
    }
  })

  it.each([
    ['ahead of', 3 * 3_600_000],
    ['behind', -3 * 3_600_000]
  ])("reads the times by the server's clock when it is hours %s ours", (_, skew) => {
    const ours = listed(300, ECHO, skew)
    const hourBefore = listed(-3_600_000, ECHO, skew)
    expect(ids(judged(OURS, [hourBefore, ours], undefined, skew))).toEqual([ours.id])
    // Taken by our own clock, a server ahead would make the old run look new, or one behind the new run old.
    expect(ids(judged(OURS, [hourBefore, ours], undefined, 0))).not.toEqual([ours.id])
  })

  it('reads the clock from the faster listing, and not at all from listings slower than the limit', () => {
    const before = listed(-3_000, ECHO)
    const looks = (tookMs: number): Look[] => [lookAt(1_000, [before], 0, tookMs), lookAt(11_000, [before], 0, 50)]
    // A listing that took 4 s could have had its Date written 4 s before it came: the faster one decides.
    expect(ids(judgeStart({ request: OURS, sentAt: SENT, looks: looks(4_000) }))).toEqual(['none'])
    const slow = (at: number): Look => lookAt(at, [before], 0, CLOCK_READING_LIMIT_MS + 1)
    expect(ids(judgeStart({ request: OURS, sentAt: SENT, looks: [slow(1_000), slow(11_000)] }))).toEqual([
      `cannot compare: Code Ocean took over ${CLOCK_READING_LIMIT_MS / 1000} s to list the runs, too long to read its clock by`
    ])
  })

  it('finds none in an empty listing', () => {
    expect(judged(OURS, [])).toEqual({ kind: 'none' })
  })
})

describe('two looks before a run is followed', () => {
  it('never follows a run on the first look alone', () => {
    const ours = listed(300, ECHO)
    expect(judgeStart({ request: OURS, sentAt: SENT, looks: [lookAt(1_000, [ours])] })).toEqual({
      kind: 'look-again'
    })
  })

  it('follows the one candidate of both looks, as the second look lists it', () => {
    const first = listed(300, { ...ECHO, state: 'initializing' })
    const second = { ...first, state: 'running' }
    expect(judged(OURS, [first], [second])).toEqual({ kind: 'adopt', run: second })
  })

  it("finds a run created late on the second look, and then cannot tell it from a colleague's", () => {
    const colleague = listed(300, ECHO)
    const late = listed(35_000, ECHO)
    expect(ids(judged(OURS, [], [late]))).toEqual([late.id])
    expect(ids(judged(OURS, [colleague], [colleague, late]))).toEqual(['ambiguous', colleague.id, late.id])
  })

  it('names several candidates at once, without waiting for a second look', () => {
    const a = listed(300, ECHO)
    const b = listed(700, ECHO)
    const verdict = judgeStart({ request: OURS, sentAt: SENT, looks: [lookAt(1_000, [a, b])] })
    expect(ids(verdict)).toEqual(['ambiguous', a.id, b.id])
  })

  it('follows no candidate that has gone by the second look', () => {
    const gone = listed(300, ECHO)
    expect(ids(judged(OURS, [gone], []))).toEqual(['none'])
  })

  it('keeps only the recent runs with our request among others of the same moment', () => {
    const ours = listed(300, ECHO)
    const theirs = listed(300, { parameters: [{ name: '', value: 'theirs' }] })
    const twin = listed(0, ECHO)
    expect(ids(judged(OURS, [theirs, ours]))).toEqual([ours.id])
    expect(ids(judged(OURS, [ours, twin, theirs]))).toEqual(['ambiguous', ours.id, twin.id])
  })
})

describe('a request that sets nothing to compare', () => {
  const bare: RunRequest = { pipeline_id: PIPELINE }

  it('follows no run: one started without anything is listed, not followed', () => {
    const only = listed(300)
    expect(ids(judged(bare, [only]))).toEqual(['empty-request', only.id])
    expect(ids(judged({ ...bare, version: 2 }, [only]))).toEqual(['empty-request', only.id])
  })

  it('names several at once, and finds none among runs started with parameters', () => {
    const a = listed(300)
    const b = listed(300, { parameters: [] })
    const verdict = judgeStart({ request: bare, sentAt: SENT, looks: [lookAt(1_000, [a, b])] })
    expect(ids(verdict)).toEqual(['empty-request', a.id, b.id])
    expect(ids(judged(bare, [listed(300, ECHO)]))).toEqual(['none'])
  })
})

describe('comparing what the runs were started with', () => {
  it('compares data assets as a set of id and mount; a mount we left out may be any', () => {
    const request: RunRequest = { pipeline_id: PIPELINE, data_assets: [{ id: ASSET, mount: 'in' }, { id: 'a2' }] }
    const same = {
      data_assets: [
        { id: 'a2', mount: 'x' },
        { id: ASSET, mount: 'in' }
      ]
    }
    expect(sameRequest(request, same)).toBe(true)
    expect(sameRequest(request, { data_assets: [{ id: ASSET, mount: 'other' }, { id: 'a2' }] })).toBe(false)
    expect(sameRequest(request, { data_assets: [{ id: ASSET, mount: 'in' }] })).toBe(false)
    expect(sameRequest(request, { data_assets: [...same.data_assets, { id: 'a3' }] })).toBe(false)
    expect(sameRequest({ pipeline_id: PIPELINE }, { data_assets: [{ id: ASSET }] })).toBe(false)
  })

  it('compares ordered parameters in order, and named ones as a set by param_name', () => {
    const request: RunRequest = {
      capsule_id: PIPELINE,
      parameters: ['1', '2'],
      named_parameters: [
        { param_name: 'alpha', value: 'a' },
        { param_name: 'beta', value: 'b' }
      ]
    }
    const reported = [
      { name: '', value: '1' },
      { name: '', value: '2' },
      { name: 'Beta label', param_name: 'beta', value: 'b' },
      { param_name: 'alpha', value: 'a' }
    ]
    expect(sameRequest(request, { parameters: reported })).toBe(true)
    expect(sameRequest(request, { parameters: [reported[1], reported[0], reported[2], reported[3]] })).toBe(false)
    expect(sameRequest(request, { parameters: [...reported.slice(0, 3), { param_name: 'alpha', value: 'A' }] })).toBe(
      false
    )
    expect(sameRequest(request, { parameters: reported.slice(0, 3) })).toBe(false)
    // A server that labels named parameters only by `name`.
    const byName = {
      parameters: [...reported.slice(0, 2), { name: 'beta', value: 'b' }, { name: 'alpha', value: 'a' }]
    }
    expect(sameRequest(request, byName)).toBe(true)
  })

  describe('named parameters as a server echoes them', () => {
    const request: RunRequest = {
      capsule_id: PIPELINE,
      named_parameters: [
        { param_name: 'ReadLength', value: '100' },
        { param_name: 'Mode', value: 'fast' }
      ]
    }

    it('by param_name, the key sent, whatever display label `name` carries', () => {
      const labelled = [
        { name: 'Read length', param_name: 'ReadLength', value: '100' },
        { name: 'Mode of operation', param_name: 'Mode', value: 'fast' }
      ]
      expect(sameRequest(request, { parameters: labelled })).toBe(true)
      // A label may even be another parameter's key: the key in param_name decides.
      const misleading = [
        { name: 'Mode', param_name: 'ReadLength', value: '100' },
        { name: 'ReadLength', param_name: 'Mode', value: 'fast' }
      ]
      expect(sameRequest(request, { parameters: misleading })).toBe(true)
      const swapped = [
        { name: 'Read length', param_name: 'ReadLength', value: 'fast' },
        { name: 'Mode', param_name: 'Mode', value: '100' }
      ]
      expect(sameRequest(request, { parameters: swapped })).toBe(false)
      // An empty label, as for a parameter the app panel does not describe.
      const unlabelled = [
        { name: '', param_name: 'Mode', value: 'fast' },
        { name: '', param_name: 'ReadLength', value: '100' }
      ]
      expect(sameRequest(request, { parameters: unlabelled })).toBe(true)
    })

    it('by `name` when param_name is left out, empty or null, as older servers echo the key there', () => {
      for (const paramName of [undefined, '', null]) {
        const older = [
          { name: 'ReadLength', value: '100', ...(paramName === undefined ? {} : { param_name: paramName }) },
          { name: 'Mode', value: 'fast', ...(paramName === undefined ? {} : { param_name: paramName }) }
        ]
        expect([paramName, sameRequest(request, { parameters: older })]).toEqual([paramName, true])
        expect(sameRequest(request, { parameters: [older[0], { ...older[1], value: 'exact' }] })).toBe(false)
      }
    })

    it('not by a display label alone: a run that gives no key is not ours', () => {
      const labelsOnly = [
        { name: 'Read length', value: '100' },
        { name: 'Mode of operation', value: 'fast' }
      ]
      expect(sameRequest(request, { parameters: labelsOnly })).toBe(false)
    })

    it('finds the run a start created when its echo carries labels', () => {
      const ours = listed(300, {
        parameters: [
          { name: 'Mode of operation', param_name: 'Mode', value: 'fast' },
          { name: 'Read length', param_name: 'ReadLength', value: '100' }
        ]
      })
      const other = listed(300, {
        parameters: [
          { name: 'Mode of operation', param_name: 'Mode', value: 'exact' },
          { name: 'Read length', param_name: 'ReadLength', value: '100' }
        ]
      })
      expect(ids(judged(request, [other, ours]))).toEqual([ours.id])
    })
  })

  it('compares each process by name, with its parameters; other processes must have none', () => {
    const request: RunRequest = {
      pipeline_id: PIPELINE,
      processes: [{ name: 'align', parameters: ['x'], named_parameters: [{ param_name: 'depth', value: '3' }] }]
    }
    const align = {
      name: 'align',
      capsule_id: 'c1',
      parameters: [
        { name: '', value: 'x' },
        { name: 'depth', param_name: 'depth', value: '3' }
      ]
    }
    expect(sameRequest(request, { processes: [align, { name: 'qc', capsule_id: 'c2' }] })).toBe(true)
    expect(sameRequest(request, { processes: [{ ...align, parameters: align.parameters.slice(0, 1) }] })).toBe(false)
    expect(sameRequest(request, { processes: [{ ...align, name: 'other' }] })).toBe(false)
    expect(
      sameRequest(request, { processes: [align, { name: 'qc', capsule_id: 'c2', parameters: [{ value: '9' }] }] })
    ).toBe(false)
  })

  it('compares the Nextflow profile, and the version only when the run reports one', () => {
    expect(sameRequest({ pipeline_id: PIPELINE, nextflow_profile: 'aws' }, { nextflow_profile: 'aws' })).toBe(true)
    expect(sameRequest({ pipeline_id: PIPELINE, nextflow_profile: 'aws' }, { nextflow_profile: 'local' })).toBe(false)
    expect(sameRequest({ pipeline_id: PIPELINE }, { nextflow_profile: 'aws' })).toBe(false)
    expect(sameRequest({ pipeline_id: PIPELINE, version: 2 }, {})).toBe(true)
    expect(sameRequest({ pipeline_id: PIPELINE, version: 2 }, { version: 2 })).toBe(true)
    expect(sameRequest({ pipeline_id: PIPELINE, version: 2 }, { version: 3 })).toBe(false)
  })

  it('takes an absent field and an empty one for the same, and reads capitalised keys', () => {
    expect(sameRequest({ pipeline_id: PIPELINE }, { data_assets: [], parameters: [], processes: [] })).toBe(true)
    expect(sameRequest({ pipeline_id: PIPELINE, data_assets: [] }, {})).toBe(true)
    expect(sameRequest({ capsule_id: PIPELINE, parameters: ['1'] }, { Parameters: [{ Value: '1' }] })).toBe(true)
  })
})

describe('a listing that cannot tell', () => {
  it('without a Date header', () => {
    const undated = (look: Look): Look => ({ ...look, serverDate: undefined })
    const ours = listed(300, ECHO)
    const looks = [lookAt(1_000, [ours]), lookAt(11_000, [ours])]
    expect(judgeStart({ request: OURS, sentAt: SENT, looks: looks.map(undated) })).toEqual({
      kind: 'cannot-compare',
      reason: "Code Ocean's answer had no Date header to tell its clock by"
    })
    // One listing with a Date is enough to read the clock by.
    expect(judgeStart({ request: OURS, sentAt: SENT, looks: [looks[0], undated(looks[1])] }).kind).toBe('adopt')
  })

  it('with a run that does not say when it was created', () => {
    const undated = readComputation({ id: '0a1b2c3d-0000-4000-8000-ffffffffffff', state: 'running' })
    expect(ids(judged(OURS, [listed(300, ECHO), undated]))).toEqual([
      'cannot compare: the listed runs do not say when they were created'
    ])
  })

  it('when no recent run reports a field we sent', () => {
    const request: RunRequest = { pipeline_id: PIPELINE, data_assets: [{ id: ASSET }], nextflow_profile: 'aws' }
    const silent = listed(300, { nextflow_profile: 'aws' })
    expect(ids(judged(request, [silent]))).toEqual(['cannot compare: the listed runs do not report their data_assets'])
    // An older run that reports it does not make the recent ones comparable.
    const older = listed(-3_600_000, { data_assets: [{ id: ASSET }], nextflow_profile: 'aws' })
    expect(ids(judged(request, [older, silent]))[0]).toMatch(/^cannot compare/)
    // When a recent run reports it, one that leaves it out simply has none.
    const reporting = listed(2_000, { data_assets: [{ id: 'other' }], nextflow_profile: 'aws' })
    expect(ids(judged(request, [silent, reporting]))).toEqual(['none'])
  })

  it.each([
    ['negative', -5],
    ['beyond any real date', 1e300],
    ['not a number', 'soon']
  ])('with a run whose created is %s', (_, created) => {
    const odd = listed(300, { ...ECHO, created })
    expect(createdAtMs(odd)).toBeUndefined()
    expect(ids(judged(OURS, [odd]))[0]).toMatch(/^cannot compare: the listed runs do not say when/)
  })

  it('reads created in seconds, or in milliseconds when only milliseconds can be meant', () => {
    expect(createdAtMs(listed(0, { created: 1_750_000_000 }))).toBe(1_750_000_000_000)
    expect(createdAtMs(listed(0, { created: 1_750_000_000_123 }))).toBe(1_750_000_000_123)
  })
})
