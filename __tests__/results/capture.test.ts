import { describe, expect, it } from '@jest/globals'
import { captureParams, captureResults, mountFor } from '../../src/results/capture.js'
import type { DataAsset } from '../../src/codeocean/models/data-asset.js'
import { readComputation } from '../../src/codeocean/models/computation.js'

const run = readComputation({ id: 'c1', name: 'nightly', state: 'completed' })

function fakeClient(states: string[], reason?: string) {
  let i = 0
  const made: unknown[] = []
  return {
    made,
    create: async (params: unknown): Promise<DataAsset> => {
      made.push(params)
      return { id: 'da1', state: states[0] }
    },
    get: async (id: string): Promise<DataAsset> => {
      i = Math.min(i + 1, states.length - 1)
      return { id, state: states[i], failure_reason: reason }
    }
  }
}

describe('capturing results', () => {
  it('builds the request from the run, name and tags', () => {
    expect(captureParams(run, 'Nightly results #1', ['ci', 'nightly'], 'GitHub Actions x')).toEqual({
      name: 'Nightly results #1',
      mount: 'Nightly_results_1',
      tags: ['ci', 'nightly'],
      description: "Results of Code Ocean run 'nightly' (c1), captured by GitHub Actions x",
      source: { computation: { id: 'c1' } }
    })
    expect(mountFor('  ')).toBe('results')
  })

  it('waits until the data asset is ready, polling every 5 s', async () => {
    const client = fakeClient(['draft', 'draft', 'ready'])
    let t = 0
    const asset = await captureResults(client, captureParams(run, 'n', [], ''), {
      log: () => {},
      now: () => t,
      sleep: async (ms) => {
        t += ms
      }
    })
    expect(asset).toMatchObject({ id: 'da1', state: 'ready' })
    expect(t).toBe(10_000)
  })

  it('explains a failed capture', async () => {
    const client = fakeClient(['draft', 'failed'], 'bucket not reachable')
    await expect(
      captureResults(client, captureParams(run, 'n', [], ''), { log: () => {}, sleep: async () => {} })
    ).rejects.toThrow("Code Ocean could not capture the results as data asset 'n' (da1): bucket not reachable")
  })

  it('ends its wait at once on a cancel', async () => {
    const client = fakeClient(['draft'])
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const started = Date.now()
    await expect(
      captureResults(client, captureParams(run, 'n', [], ''), { log: () => {}, signal: controller.signal })
    ).rejects.toThrow('request aborted')
    // The poll interval is 5 s: the cancel did not wait for it.
    expect(Date.now() - started).toBeLessThan(1_000)
  })
})
