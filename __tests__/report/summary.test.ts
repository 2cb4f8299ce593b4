import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { readComputation } from '../../src/codeocean/models/computation.js'
import { LISTED_FILES, renderSummary, type SummaryModel } from '../../src/report/summary.js'

function model(over: Partial<SummaryModel> = {}): SummaryModel {
  return {
    status: 'failed',
    message: "Code Ocean run 'nightly' (c1) failed: state completed, end status failed, exit code 1",
    request: {
      pipeline_id: '4bc97533-6eb4-48ac-966f-648548a756d2',
      version: 3,
      data_assets: [{ id: 'bf8cf993-a583-495c-bebd-2f38f81d1ea1', mount: 'Alignment' }],
      processes: [
        { name: 'capsule_a_1', parameters: ['75', 'a|b'] },
        { name: 'capsule_b_2', named_parameters: [{ param_name: 'NumFiles', value: '10' }] }
      ]
    },
    computation: readComputation({
      id: 'c1',
      name: 'nightly',
      state: 'completed',
      end_status: 'failed',
      exit_code: 1,
      run_time: 75,
      has_results: true
    }),
    startedAt: Date.parse('2026-11-26T10:00:00Z'),
    endedAt: Date.parse('2026-11-26T10:01:30Z'),
    resultFiles: Array.from({ length: 60 }, (_, i) => ({
      path: `data/file${String(i).padStart(2, '0')}.csv`,
      size: 1024 * i
    })),
    download: { folder: '/work/results', files: 60, bytes: 1_812_480 },
    notes: ["The run did not succeed, so its results were not captured as 'x'."],
    ...over
  }
}

/** The rows of each HTML table, as arrays of cell texts. */
function tables(html: string): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, body]) =>
    [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, c]) => c.replace(/<[^>]+>/g, '').trim())
    )
  )
}

describe('job summary', () => {
  it('renders as GitHub-flavoured markdown with well-formed tables', async () => {
    const html = await marked.parse(renderSummary(model()), { gfm: true })
    expect(html).toContain('<h2>❌ Code Ocean run failed</h2>')
    const [facts, assets, parameters, files] = tables(html)
    for (const t of [facts, assets, parameters, files]) {
      const width = t[0].length
      expect(t.every((row) => row.length === width)).toBe(true)
    }
    expect(facts).toEqual(
      expect.arrayContaining([
        ['Run', 'nightly (c1)'],
        ['Pipeline', '4bc97533-6eb4-48ac-966f-648548a756d2'],
        ['Version', '3'],
        ['State', 'completed'],
        ['End status', 'failed'],
        ['Exit code', '1'],
        ['Run time', '1m 15s'],
        ['Step', '2026-11-26 10:00:00 UTC to 2026-11-26 10:01:30 UTC (1m 30s)']
      ])
    )
    expect(assets).toEqual([
      ['Id', 'Mount'],
      ['bf8cf993-a583-495c-bebd-2f38f81d1ea1', 'Alignment']
    ])
    expect(parameters).toEqual([
      ['Process', 'Parameter', 'Value'],
      ['capsule_a_1', '#1', '75'],
      ['capsule_a_1', '#2', 'a|b'],
      ['capsule_b_2', 'NumFiles', '10']
    ])
    expect(files).toHaveLength(LISTED_FILES + 1)
    expect(files[1]).toEqual(['data/file00.csv', '0 B'])
    expect(html).toContain('…and 10 more files.')
    expect(html).toContain('Downloaded 60 files (1.7 MiB) to <code>/work/results</code>.')
  })

  it('says when the run never started', () => {
    const md = renderSummary({ status: 'failed', message: "Input 'domain': is not set", notes: [] })
    expect(md).toContain('## ❌ Code Ocean run did not start')
    expect(md).toContain("> Input 'domain': is not set")
  })

  it('has a headline for every ending', () => {
    for (const [status, words] of [
      ['succeeded', 'succeeded'],
      ['stopped', 'was stopped'],
      ['timed-out', 'Timed out'],
      ['cancelled', 'Cancelled'],
      ['started', 'started']
    ] as const) {
      expect(renderSummary(model({ status }))).toContain(words)
    }
  })
})
