import { describe, expect, it } from '@jest/globals'
import {
  checkConclusion,
  checkRunName,
  externalIdFor,
  readExternalId
} from '../../../src/report/checks/check-identity.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
const RUN = '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60'

describe("a check's external_id", () => {
  it('carries the target and the run, and reads back', () => {
    const id = externalIdFor({ kind: 'pipeline', target: PIPELINE, run: RUN })
    expect(id).toBe(`codeocean-run/v1?kind=pipeline&target=${PIPELINE}&run=${RUN}`)
    expect(readExternalId(id)).toEqual({ kind: 'pipeline', target: PIPELINE, run: RUN })
  })

  it.each([
    ['none', null],
    ['empty, as GitHub may answer', ''],
    ['another form', `other-action/v1?kind=pipeline&target=${PIPELINE}&run=${RUN}`],
    ['another version', `codeocean-run/v2?kind=pipeline&target=${PIPELINE}&run=${RUN}`],
    ['an unknown kind', `codeocean-run/v1?kind=dataset&target=${PIPELINE}&run=${RUN}`],
    ['a key twice', `codeocean-run/v1?kind=pipeline&target=${PIPELINE}&run=${RUN}&run=${RUN}`],
    ['an extra key', `codeocean-run/v1?kind=pipeline&target=${PIPELINE}&run=${RUN}&x=1`],
    ['a missing key', `codeocean-run/v1?kind=pipeline&target=${PIPELINE}`],
    ['a run id that leaves its path', `codeocean-run/v1?kind=capsule&target=${PIPELINE}&run=..`],
    ['a run id with a slash', `codeocean-run/v1?kind=capsule&target=${PIPELINE}&run=a%2Fb`]
  ])('is not ours when it is %s', (_, externalId) => {
    expect(readExternalId(externalId)).toBeUndefined()
  })
})

describe("a check's name and conclusion", () => {
  it('names the run on one capped line', () => {
    expect(checkRunName('Nightly alignment')).toBe('Code Ocean: Nightly alignment')
    const hostile = checkRunName(`x\n::error::forged ${'y'.repeat(500)}`)
    expect(hostile).not.toMatch(/[\r\n]/)
    expect(hostile.length).toBeLessThan(200)
  })

  it.each([
    ['started', undefined],
    ['succeeded', 'success'],
    ['failed', 'failure'],
    ['stopped', 'cancelled'],
    ['cancelled', 'cancelled'],
    ['timed-out', 'timed_out']
  ] as const)('concludes a step %s as %s', (status, conclusion) => {
    expect(checkConclusion(status)).toBe(conclusion)
  })
})
