import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { readComputation } from '../../src/codeocean/models/computation.js'
import { fitSummary, LISTED_FILES, renderSummary, type SummaryModel } from '../../src/report/summary.js'
import { expectInert, folds, renderGfm, seenText, tables, visibleText } from '../support/rendered-markdown.js'

function model(over: Partial<SummaryModel> = {}): SummaryModel {
  return {
    status: 'failed',
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
    download: { folder: '/home/runner/work/pipelines/pipelines/results', files: 60, bytes: 1_812_480 },
    workspace: '/home/runner/work/pipelines/pipelines',
    notes: ["The run did not succeed, so its results were not captured as 'x'."],
    ...over
  }
}

describe('job summary', () => {
  it('leads with the outcome in one line, and folds the request and the results in well-formed tables', async () => {
    const html = await marked.parse(renderSummary(model()), { gfm: true })
    expect(html).toContain('<h2>❌ Code Ocean run failed</h2>')
    expect(seenText(html)).toContain("Run 'nightly' (c1): state completed, end status failed, exit code 1, ran 1m 15s.")
    expect(folds(html)).toEqual([
      'Request and timing',
      'Data assets (1)',
      'Parameters (3)',
      'Results (60 files, 1.7 MiB)'
    ])
    const [assets, parameters, files] = tables(html)
    for (const t of [assets, parameters, files]) {
      const width = t[0].length
      expect(t.every((row) => row.length === width)).toBe(true)
    }
    // No header row left empty, and no table of facts: one line says them.
    expect(tables(html).every(([header]) => header.every((cell) => cell !== ''))).toBe(true)
    const request = seenText(html)
    for (const fact of [
      'Pipeline: 4bc97533-6eb4-48ac-966f-648548a756d2',
      'Version: 3',
      'Step: 2026-11-26 10:00:00 UTC to 2026-11-26 10:01:30 UTC (1m 30s)'
    ]) {
      expect(request).toContain(fact)
    }
    expect(assets).toEqual([
      ['Id', 'Mount'],
      ['bf8cf993-a583-495c-bebd-2f38f81d1ea1', 'Alignment']
    ])
    expect(parameters).toEqual([
      ['Process', 'Parameter', 'Value'],
      // A joiner after '#': GitHub would link a bare '#1' to issue 1.
      ['capsule_a_1', '#\u200d1', '75'],
      ['capsule_a_1', '#\u200d2', 'a|b'],
      ['capsule_b_2', 'NumFiles', '10']
    ])
    expect(files).toHaveLength(LISTED_FILES + 1)
    expect(files[1]).toEqual(['data/file00.csv', '0 B'])
    expect(html).toContain('…and 10 more files.')
    // The folder as the workflow names it, from the repository's root.
    expect(html).toContain('Downloaded 60 files (1.7 MiB) to <code>results</code>.')
    expect(html).not.toContain('/home/runner')
    expect(html).not.toContain('<blockquote>')
  })

  it('shows paths of the step relative to the workspace, and values of the request as they were sent', () => {
    const sent = '/home/runner/work/pipelines/pipelines/data/reads.fq'
    const markdown = renderSummary(
      model({ request: { pipeline_id: 'p1', named_parameters: [{ param_name: 'Reads', value: sent }] } })
    )
    expect(markdown).toContain(`\`${sent}\``)
    expect(markdown).toContain('to `results`')
  })

  it('says when the run never started, and why', () => {
    const md = renderSummary({ status: 'failed', message: "Input 'domain': is not set", notes: [] })
    expect(md).toContain('## ❌ Code Ocean run did not start')
    expect(seenText(renderGfm(md))).toContain("Input 'domain': is not set")
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

/** Outside text that tries every trick the issue found, and a few more. */
const EVIL = {
  name: 'nightly\r# ✅ Code Ocean run succeeded\n![p](http://t/p.png) [x](http://evil) <img src=x> @org/team #1',
  path: 'data/a`b``c|d\re|f<img src=x>![p](http://t/p.png).csv',
  value: '`` ` ``\n| x | y |\n|---|---|\n<script>alert(1)</script>',
  mount: '[mount](http://evil)\u2028### forged',
  message: 'Run failed\r# ✅ Code Ocean run succeeded\n===\n> [!NOTE]\n@org/team see #1\u2029<b>bold</b>',
  state: 'completed\r## forged',
  asset: 'results @org/team ![i](http://t/i.png)'
}

/** Console log lines that try to end the code block they are shown in. */
const HOSTILE_LOG = ['```', '~~~~', '`````` x', '</code></pre><img src=x>', EVIL.name, EVIL.message, '    ````']

const RUN_PAGE = 'https://github.com/octo-org/pipelines/actions/runs/42/attempts/2'

function hostileModel(): SummaryModel {
  return model({
    message: EVIL.message,
    failureLog: HOSTILE_LOG,
    workflowRun: RUN_PAGE,
    request: {
      pipeline_id: 'p1',
      nextflow_profile: EVIL.value,
      data_assets: [{ id: 'a1', mount: EVIL.mount }],
      processes: [
        { name: EVIL.name, parameters: [EVIL.value] },
        { name: 'b', named_parameters: [{ param_name: EVIL.path, value: EVIL.value }] }
      ],
      parameters: [EVIL.path],
      named_parameters: [{ param_name: EVIL.name, value: EVIL.mount }]
    },
    computation: readComputation({
      id: 'c1`|x',
      name: EVIL.name,
      state: EVIL.state,
      end_status: EVIL.state,
      has_results: true
    }),
    resultFiles: [EVIL.name, EVIL.path, EVIL.value, 'plain.txt'].map((path) => ({ path, size: 1 })),
    download: { folder: EVIL.path, files: 4, bytes: 4 },
    dataAsset: { id: 'd1', name: EVIL.asset },
    notes: [EVIL.message, EVIL.name]
  })
}

describe('job summary of hostile text', () => {
  it('renders no heading, fold, link, image, HTML, table row or column, or mention from outside text', () => {
    const html = renderGfm(renderSummary(hostileModel()))
    expectInert(html, {
      headings: ['h2 ❌ Code Ocean run failed'],
      folds: ['Request and timing', 'Data assets (1)', 'Parameters (4)', 'Results (4 files, 4 B)'],
      links: [RUN_PAGE],
      // Data assets, parameters, files (header rows included).
      tableRows: [2, 5, 5],
      tableColumns: [2, 3, 2]
    })
    expect(html).not.toContain('<blockquote>')
    // The console log's lines, fences and all, stay in one code block.
    expect(html.match(/<pre>/g)).toHaveLength(1)
  })

  it("shows the step's message line by line, and the log's lines whole, as the characters they hold", () => {
    const html = renderGfm(renderSummary(hostileModel()))
    const shown = seenText(html.replace(/<br>\n?/g, '\n'))
    for (const line of EVIL.message.split(/\r\n|[\n\r\u2028\u2029]/)) expect(shown).toContain(`\n${line}\n`)
    const log = visibleText(/<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1] ?? '')
    expect(log).toBe(`${HOSTILE_LOG.flatMap((line) => line.split(/\r\n|[\n\r\u2028\u2029]/)).join('\n')}\n`)
  })

  it('shows every piece of outside text whole, as the characters it holds', () => {
    const html = renderGfm(renderSummary(hostileModel()))
    const shown = visibleText(html).replace(/\u200d/g, '')
    const oneLine = (s: string): string => s.split(/\r\n|[\n\r\u2028\u2029]/).join(' ')
    for (const value of [EVIL.name, EVIL.path, EVIL.value, EVIL.mount, EVIL.asset]) {
      expect(shown).toContain(oneLine(value))
    }
    const files = tables(html)[2]
    expect(files.slice(1).map(([path]) => path.replace(/\u200d/g, ''))).toEqual(
      [EVIL.name, EVIL.path, EVIL.value, 'plain.txt'].map(oneLine)
    )
  })

  it('removes secrets from outside text before escaping could split them', () => {
    const secret = 'tok_en*with_marks'
    const md = renderSummary(model({ message: `leaked ${secret}`, notes: [`again ${secret}`] }), (t) =>
      t.split(secret).join('***')
    )
    expect(visibleText(renderGfm(md))).not.toContain(secret)
    expect(md).not.toContain('tok\\_en')
  })
})

describe('job summary sizes', () => {
  it('caps every value and every list, so a huge run name or request cannot blow it up', () => {
    const huge = 'n'.repeat(400_000)
    const markdown = renderSummary(
      model({
        message: `Code Ocean run '${huge}' failed\n${'line\n'.repeat(500)}`,
        computation: readComputation({ id: 'c1', name: huge, state: 'completed', has_results: true }),
        request: {
          pipeline_id: '4bc97533-6eb4-48ac-966f-648548a756d2',
          data_assets: Array.from({ length: 80 }, (_, i) => ({ id: `asset-${i}`, mount: huge })),
          named_parameters: Array.from({ length: 80 }, (_, i) => ({ param_name: `p${i}`, value: huge }))
        },
        resultFiles: Array.from({ length: 80 }, (_, i) => ({ path: `${i}/${huge}`, size: 1 })),
        notes: Array.from({ length: 30 }, () => huge),
        failureLog: Array.from({ length: 15 }, () => huge)
      })
    )
    // Some 70,000 characters, however large each value; the comment's own guard handles the rest.
    expect(markdown.length).toBeLessThan(80_000)
    const html = renderGfm(markdown)
    expect(tables(html).map((rows) => rows.length)).toEqual([51, 51, 51])
    const shown = visibleText(html)
    expect(shown).toContain('…and 30 more data assets.')
    expect(shown).toContain('…and 30 more parameters.')
    expect(shown).toContain('…and 30 more files.')
    expect(shown).toContain('…and 10 more notes.')
    expect(shown).toContain('…and 481 more lines.')
    expect(shown).toContain(`${'n'.repeat(300)}… (399,700 more characters)`)
  })

  it('is cut with a note, never dropped, if it ever comes over 1 MiB', () => {
    const big = Array.from({ length: 5_000 }, (_, i) => `| row ${i} | ${'é'.repeat(200)} |`).join('\n')
    const fitted = fitSummary(big)
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(1024 * 1024)
    expect(fitted).toMatch(
      /\n\n\*The rest of this summary was cut: GitHub keeps at most 1 MiB of a step summary\.\*\n$/
    )
    expect(fitSummary('## small\n')).toBe('## small\n')
  })
})
