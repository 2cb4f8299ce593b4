import { describe, expect, it } from '@jest/globals'
import { readComputation, type Computation } from '../../../src/codeocean/models/computation.js'
import type { RunRequest } from '../../../src/codeocean/models/run-request.js'
import {
  matchStartedRun,
  sameRequest,
  START_WINDOW_MARGIN_MS,
  type StartLook
} from '../../../src/lifecycle/adopt/adopt-match.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
/** Local clock just before the start. */
const SENT = 1_750_000_000_000
const ASSET = 'bf8cf993-a583-495c-bebd-2f38f81d1ea1'

let next = 0
/** A listed run as Code Ocean reports it, created `secondsAfterStart` after the start by the server's clock (no skew). */
function listed(secondsAfterStart: number, fields: Record<string, unknown> = {}, skewMs = 0): Computation {
  next += 1
  return readComputation({
    id: `0a1b2c3d-0000-4000-8000-${String(next).padStart(12, '0')}`,
    created: Math.floor((SENT + skewMs) / 1000) + secondsAfterStart,
    name: `Run ${next}`,
    owner: 'u',
    run_time: 0,
    state: 'running',
    ...fields
  })
}

function look(request: RunRequest, runs: Computation[], skewMs = 0): StartLook {
  const receivedAt = SENT + 2_000
  return { request, sentAt: SENT, serverDate: Math.floor((receivedAt + skewMs) / 1000) * 1000, receivedAt, runs }
}

const ids = (match: ReturnType<typeof matchStartedRun>): string[] =>
  match.kind === 'candidates' ? match.runs.map((r) => r.id) : [`cannot compare: ${match.reason}`]

describe('the runs created since the start', () => {
  it('keeps runs created since just before the start, and not older ones', () => {
    const ours = listed(1)
    const old = listed(-10 * 60)
    expect(ids(matchStartedRun(look({ pipeline_id: PIPELINE }, [old, ours])))).toEqual([ours.id])
  })

  it('allows a margin for whole seconds and the time the listing took, and no more', () => {
    const margin = START_WINDOW_MARGIN_MS / 1000
    const inside = listed(-margin + 2)
    const outside = listed(-margin - 2)
    expect(ids(matchStartedRun(look({ pipeline_id: PIPELINE }, [inside, outside])))).toEqual([inside.id])
  })

  it.each([
    ['ahead of', 3 * 3_600_000],
    ['behind', -3 * 3_600_000]
  ])("reads the times by the server's clock when it is hours %s ours", (_, skew) => {
    const ours = listed(1, {}, skew)
    const hourBefore = listed(-3_600, {}, skew)
    expect(ids(matchStartedRun(look({ pipeline_id: PIPELINE }, [hourBefore, ours], skew)))).toEqual([ours.id])
    // Taken by our own clock, a server ahead would make the old run look new, or one behind the new run old.
    expect(ids(matchStartedRun(look({ pipeline_id: PIPELINE }, [hourBefore, ours], 0)))).not.toEqual([ours.id])
  })

  it('finds none in an empty listing', () => {
    expect(matchStartedRun(look({ pipeline_id: PIPELINE, parameters: ['1'] }, []))).toEqual({
      kind: 'candidates',
      runs: []
    })
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
      const ours = listed(1, {
        parameters: [
          { name: 'Mode of operation', param_name: 'Mode', value: 'fast' },
          { name: 'Read length', param_name: 'ReadLength', value: '100' }
        ]
      })
      const other = listed(1, {
        parameters: [
          { name: 'Mode of operation', param_name: 'Mode', value: 'exact' },
          { name: 'Read length', param_name: 'ReadLength', value: '100' }
        ]
      })
      expect(ids(matchStartedRun(look(request, [other, ours])))).toEqual([ours.id])
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

  it('keeps only the recent runs with our request among others of the same moment', () => {
    const request: RunRequest = { pipeline_id: PIPELINE, parameters: ['ours'] }
    const ours = listed(1, { parameters: [{ name: '', value: 'ours' }] })
    const theirs = listed(1, { parameters: [{ name: '', value: 'theirs' }] })
    const twin = listed(0, { parameters: [{ name: '', value: 'ours' }] })
    expect(ids(matchStartedRun(look(request, [theirs, ours])))).toEqual([ours.id])
    expect(ids(matchStartedRun(look(request, [ours, twin, theirs])))).toEqual([ours.id, twin.id])
  })
})

describe('a listing that cannot tell', () => {
  it('without a Date header', () => {
    const match = matchStartedRun({ ...look({ pipeline_id: PIPELINE }, [listed(1)]), serverDate: undefined })
    expect(match).toEqual({
      kind: 'cannot-compare',
      reason: "Code Ocean's answer had no Date header to tell its clock by"
    })
  })

  it('with a run that does not say when it was created', () => {
    const undated = readComputation({ id: '0a1b2c3d-0000-4000-8000-ffffffffffff', state: 'running' })
    expect(ids(matchStartedRun(look({ pipeline_id: PIPELINE }, [listed(1), undated])))).toEqual([
      'cannot compare: the listed runs do not say when they were created'
    ])
  })

  it('when no recent run reports a field we sent', () => {
    const request: RunRequest = { pipeline_id: PIPELINE, data_assets: [{ id: ASSET }], nextflow_profile: 'aws' }
    const silent = listed(1, { nextflow_profile: 'aws' })
    expect(ids(matchStartedRun(look(request, [silent])))).toEqual([
      'cannot compare: the listed runs do not report their data_assets'
    ])
    // An older run that reports it does not make the recent ones comparable.
    const older = listed(-3_600, { data_assets: [{ id: ASSET }], nextflow_profile: 'aws' })
    expect(ids(matchStartedRun(look(request, [older, silent])))[0]).toMatch(/^cannot compare/)
    // When a recent run reports it, one that leaves it out simply has none.
    const reporting = listed(2, { data_assets: [{ id: 'other' }], nextflow_profile: 'aws' })
    expect(ids(matchStartedRun(look(request, [silent, reporting])))).toEqual([])
  })
})
