/**
 * What a person sees: the job summary and the pull request comment of a success, a
 * failure, a timeout and a bad input, rendered with a GFM renderer as GitHub renders
 * them, from models filled in as the step fills them (the simulator's console log, the
 * inputs' own error). A reader finds the outcome and the reason first, a link to the
 * workflow run, the details folded, paths from the repository's root and durations
 * with their units.
 */
import { describe, expect, it } from '@jest/globals'
import { readComputation } from '../../src/codeocean/models/computation.js'
import { InputError, InputErrors } from '../../src/inputs/errors.js'
import { workflowRunUrl } from '../../src/report/links.js'
import { commentBody, commentMarker } from '../../src/report/pr-comment.js'
import { renderSummary, type SummaryModel } from '../../src/report/summary.js'
import { explainingLines, LineTail } from '../../src/results/log-tail.js'
import { defaultResults, expectedContent } from '../../sim/results.js'
import { expectInert, folds, links, renderGfm, seenText } from '../support/rendered-markdown.js'

const WORKSPACE = '/home/runner/work/genomics-pipelines/genomics-pipelines'
const ENV = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'octo-org/genomics-pipelines',
  GITHUB_RUN_ID: '15873546210',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_WORKSPACE: WORKSPACE
}
const RUN_PAGE = 'https://github.com/octo-org/genomics-pipelines/actions/runs/15873546210/attempts/2'
const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
const RUN_ID = '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60'

/** The tail of the simulator's console log for a run that ended so, as the step reads it. */
function consoleLog(ending: 'failed' | 'succeeded'): string[] {
  const output = defaultResults('reader', ending).find((spec) => spec.path === 'output')
  const tail = new LineTail(100)
  tail.push(expectedContent(output!).toString('utf8'))
  return tail.end()
}

/** What the step knows at its end, as newStep and the phases fill it in. */
function stepModel(over: Partial<SummaryModel>): SummaryModel {
  return {
    startedAt: Date.parse('2026-12-06T20:00:00Z'),
    endedAt: Date.parse('2026-12-06T20:03:30Z'),
    workflowRun: workflowRunUrl(ENV),
    workspace: ENV.GITHUB_WORKSPACE,
    request: {
      pipeline_id: PIPELINE,
      data_assets: [{ id: 'bf8cf993-a583-495c-bebd-2f38f81d1ea1', mount: 'Alignment' }],
      named_parameters: [{ param_name: 'Mode', value: 'fast' }]
    },
    notes: [],
    ...over
  }
}

function finished(end_status: string, exit_code: number): ReturnType<typeof readComputation> {
  return readComputation({
    id: RUN_ID,
    name: 'Nightly alignment',
    state: 'completed',
    end_status,
    exit_code,
    run_time: 192,
    has_results: true
  })
}

const RESULTS = [
  { path: 'output', size: 14_012 },
  { path: 'data/summary.csv', size: 171 },
  { path: 'figures/plot.png', size: 2_048 }
]

const SCENARIOS: Record<string, SummaryModel> = {
  success: stepModel({
    status: 'succeeded',
    computation: finished('succeeded', 0),
    resultFiles: RESULTS,
    download: { folder: `${WORKSPACE}/results`, files: 3, bytes: 16_231 }
  }),
  failure: stepModel({
    status: 'failed',
    computation: finished('failed', 1),
    failureLog: explainingLines(consoleLog('failed')),
    resultFiles: RESULTS,
    download: { folder: `${WORKSPACE}/results`, files: 3, bytes: 16_231 },
    notes: ["The run did not succeed, so its results were not captured as 'alignment-results'."]
  }),
  timeout: stepModel({
    status: 'timed-out',
    computation: readComputation({ id: RUN_ID, name: 'Nightly alignment', state: 'running', has_results: false }),
    // As stop.ts words it.
    message:
      `Timed out after 3s (wait-timeout: 0.05 min) waiting for Code Ocean run 'Nightly alignment' (${RUN_ID}) ` +
      '(last state: running). The run was stopped (stop-on-timeout: true).'
  }),
  'bad input': stepModel({
    status: 'failed',
    request: undefined,
    message: new InputErrors([
      new InputError('domain', 'is not set', 'domain: codeocean.example.com'),
      new InputError('named-parameters', 'is not a JSON object', 'named-parameters: |\n  {"Mode": "fast"}')
    ]).message
  })
}

/** Each scenario's headline, and its tables' rows (data assets, parameters, results; header rows included). */
const SHAPES: Record<string, { headline: string; tableRows: number[] }> = {
  success: { headline: '✅ Code Ocean run succeeded', tableRows: [2, 2, RESULTS.length + 1] },
  failure: { headline: '❌ Code Ocean run failed', tableRows: [2, 2, RESULTS.length + 1] },
  timeout: { headline: '⏱️ Timed out waiting for the Code Ocean run', tableRows: [2, 2] },
  'bad input': { headline: '❌ Code Ocean run did not start', tableRows: [] }
}

/** The lines a reader sees before opening any fold. */
function visibleLines(html: string): string[] {
  const unfolded = html.replace(/<details>[\s\S]*?<\/details>/g, '<p>(fold)</p>')
  return seenText(unfolded.replace(/<br>\n?/g, '\n').replace(/<\/(p|h2|li|pre)>/g, '$&\n'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

function rendered(scenario: string): { summary: string; comment: string }[] {
  const markdown = renderSummary(SCENARIOS[scenario], (text) => text)
  const marker = commentMarker('Nightly alignment', 'run-pipeline', PIPELINE, 'aaaaaaaaaaaa')
  return [{ summary: renderGfm(markdown), comment: renderGfm(commentBody(marker, markdown)) }]
}

describe.each(Object.keys(SCENARIOS))('what a reader sees of a %s', (scenario) => {
  const [{ summary, comment }] = rendered(scenario)

  it.each([
    ['summary', summary],
    ['comment', comment]
  ])('in the %s: the outcome first, a link to the workflow run, no runner path', (_, html) => {
    const lines = visibleLines(html)
    expect(links(html)).toEqual([RUN_PAGE])
    expect(seenText(html)).not.toMatch(/\/home\/runner|\/__w\//)
    expect(html).not.toContain('<blockquote>')
    // Read without scrolling: about 25 lines before the folds.
    expect(lines.length).toBeLessThanOrEqual(25)
    const { headline, tableRows } = SHAPES[scenario]
    expect(lines[0]).toBe(headline)
    expectInert(html, { headings: [`h2 ${headline}`], tableRows, links: [RUN_PAGE] })
  })
})

describe('the reason, where a reader looks first', () => {
  it("gives a failed run's error lines from its console log, in a code block", () => {
    const [{ summary, comment }] = rendered('failure')
    for (const html of [summary, comment]) {
      const lines = visibleLines(html)
      expect(lines[0]).toBe('❌ Code Ocean run failed')
      expect(lines[1]).toBe(
        `Run 'Nightly alignment' (${RUN_ID}): state completed, end status failed, exit code 1, ran 3m 12s.`
      )
      expect(lines[2]).toBe("Why: the run's console log (output) says:")
      const block = /<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1] ?? ''
      expect(block.trimEnd().split('\n').at(-1)).toBe(
        'Error: step 110/110 failed: ValueError: simulated failure in analysis (exit code 1)'
      )
      expect(block.split('\n').length).toBeLessThanOrEqual(16)
      expect(folds(html)).toEqual([
        'Request and timing',
        'Data assets (1)',
        'Parameters (1)',
        'Results (3 files, 15.9 KiB)'
      ])
      expect(seenText(html)).toContain('Downloaded 3 files (15.9 KiB) to results.')
    }
  })

  it('gives the timeout with its units', () => {
    const [{ summary }] = rendered('timeout')
    const lines = visibleLines(summary)
    expect(lines[0]).toBe('⏱️ Timed out waiting for the Code Ocean run')
    expect(lines[1]).toBe(`Run 'Nightly alignment' (${RUN_ID}): state running, no results.`)
    expect(lines[2]).toMatch(/^Timed out after 3s \(wait-timeout: 0\.05 min\) waiting for/)
    expect(seenText(summary)).toContain('(3m 30s)')
  })

  it('gives each input error and its example on lines of their own, indentation kept', () => {
    const [{ summary, comment }] = rendered('bad input')
    for (const html of [summary, comment]) {
      expect(visibleLines(html).slice(0, 8)).toEqual([
        '❌ Code Ocean run did not start',
        '2 inputs need fixing:',
        "- Input 'domain': is not set",
        'Example: domain: codeocean.example.com',
        "- Input 'named-parameters': is not a JSON object",
        'Example: named-parameters: |',
        '{"Mode": "fast"}',
        'Workflow run'
      ])
      // The YAML example keeps its shape: its second line sits deeper than its first.
      const raw = seenText(html.replace(/<br>\n?/g, '\n')).split('\n')
      const indent = (start: string): number => /^\u00a0*/.exec(raw.find((l) => l.includes(start)) ?? '')![0].length
      expect(indent('{"Mode"')).toBeGreaterThan(indent('Example: named-parameters'))
    }
  })

  it('says nothing of a reason when the run succeeded', () => {
    const [{ summary }] = rendered('success')
    expect(visibleLines(summary).slice(0, 4)).toEqual([
      '✅ Code Ocean run succeeded',
      `Run 'Nightly alignment' (${RUN_ID}): state completed, end status succeeded, exit code 0, ran 3m 12s.`,
      'Workflow run',
      'Downloaded 3 files (15.9 KiB) to results.'
    ])
    expect(summary).not.toContain('<pre>')
  })
})
