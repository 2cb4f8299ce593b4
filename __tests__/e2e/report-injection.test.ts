/**
 * Outside text in the job summary, the pull request comment and the outputs, end to
 * end: the bundle as the runner runs it, against the simulator and the GitHub stand-in.
 * A hostile run name (from `run-name`, which workflows build from event text) and
 * hostile result paths must render as text; a server echoing the token must not get
 * it into any output, the summary or the comment.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { GitHubStandIn } from '../../sim/github.js'
import type { ResultSpec } from '../../sim/results.js'
import type { CodeOceanSimulator } from '../../sim/simulator.js'
import { DEFAULT_CONTEXT, runAction, runPost, type ActionRun } from '../../harness/runner.js'
import { expectInert, folds, headings, links, renderGfm, tables, visibleText } from '../support/rendered-markdown.js'
import { expectNoToken, startSimulator } from '../support/simulators.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
const REPO = DEFAULT_CONTEXT.GITHUB_REPOSITORY
let github: GitHubStandIn

beforeAll(async () => {
  github = new GitHubStandIn()
  await github.start()
})
afterAll(async () => {
  await github.stop()
})

const HOSTILE_NAME =
  'nightly\r# ✅ Code Ocean run succeeded ![p](http://t/p.png) [login](http://evil) <img src=x> @org/team #1'
const HOSTILE_PATHS = [
  'a`b``c.txt',
  'rows\r| forged | row |\r| --- | --- |.txt',
  'cells|split|here.txt',
  '<img src=x onerror=alert(1)>.png',
  '[x](http%3A%2F%2Fevil)![p](http%3A%2F%2Ft%2Fp.png).txt',
  'line\r# ✅ Code Ocean run succeeded.txt',
  '@org team #1.txt'
]
/** What the action names a run by default, in the harness's context. */
const DEFAULT_RUN_NAME = 'octo-org/genomics-pipelines@8f3e2a1 Nightly alignment #128'
const PLAIN_PATHS = HOSTILE_PATHS.map((_, i) => `file${i}.txt`)

async function runOnPullRequest(
  sim: CodeOceanSimulator,
  number: number,
  inputs: Record<string, string>
): Promise<ActionRun> {
  return runAction({
    inputs: {
      domain: sim.url,
      secret: sim.token,
      'pipeline-id': PIPELINE,
      'comment-on-pr': 'true',
      'github-token': github.token,
      ...inputs
    },
    env: { GITHUB_API_URL: github.url },
    event: { name: 'pull_request', payload: { number, pull_request: { number } } }
  })
}

function results(paths: string[]): ResultSpec[] {
  return [{ path: 'output', content: 'Done.\n' }, ...paths.map((path) => ({ path, content: 'x' }))]
}

/** What a reader sees of the page's structure: headings, folds, links, and each table's rows and cells per row. */
function shape(html: string): { headings: string[]; folds: string[]; links: string[]; tables: number[][] } {
  return {
    headings: headings(html),
    folds: folds(html),
    links: links(html),
    tables: tables(html).map((rows) => rows.map((row) => row.length))
  }
}

/** The workflow run's page, at its attempt, in the harness's context: the one link the action makes. */
const RUN_PAGE = `${DEFAULT_CONTEXT.GITHUB_SERVER_URL}/${REPO}/actions/runs/${DEFAULT_CONTEXT.GITHUB_RUN_ID}/attempts/${DEFAULT_CONTEXT.GITHUB_RUN_ATTEMPT}`

function commentBody(number: number): string {
  const comments = github.comments.get(`${REPO}#${number}`) ?? []
  expect(comments).toHaveLength(1)
  return comments[0].body
}

// outside text in the summary and the comment
it.concurrent(
  'renders a hostile run name and hostile result paths as text, in the same shape as plain ones',
  async () => {
    const plainSim = await startSimulator()
    plainSim.program(PIPELINE, { outcome: 'succeeded', results: results(PLAIN_PATHS) })
    const plain = await runOnPullRequest(plainSim, 21, { 'run-name': 'nightly' })
    expect(plain.exitCode).toBe(0)

    const sim = await startSimulator()
    sim.program(PIPELINE, { outcome: 'succeeded', results: results(HOSTILE_PATHS) })
    const run = await runOnPullRequest(sim, 22, { 'run-name': HOSTILE_NAME })
    expect(run.exitCode).toBe(0)
    expectNoToken(run, sim.token)
    expect(sim.runs()[0]?.computation.name).toBe(HOSTILE_NAME)

    const expected = shape(renderGfm(plain.summary))
    expect(expected.headings).toEqual(['h2 ✅ Code Ocean run succeeded'])
    expect(expected.folds).toEqual(['Request and timing', 'Results (8 files, 13 B)'])
    expect(expected.links).toEqual([RUN_PAGE])
    for (const [where, markdown] of [
      ['summary', run.summary],
      ['comment', commentBody(22)]
    ]) {
      const html = renderGfm(markdown)
      expect({ where, ...shape(html) }).toEqual({ where, ...expected })
      expectInert(html, {
        headings: expected.headings,
        folds: expected.folds,
        links: expected.links,
        tableRows: expected.tables.map((rows) => rows.length)
      })
      const shown = visibleText(html).replace(/\u200d/g, '')
      expect(shown).toContain(HOSTILE_NAME.replace('\r', ' '))
      const files = tables(html)[0]
        .slice(1)
        .map(([path]) => path.replace(/\u200d/g, ''))
      expect(files.sort()).toEqual(['output', ...HOSTILE_PATHS.map((p) => p.replace(/\r/g, ' '))].sort())
    }
  }
)

// a server that echoes the token
it.concurrent('gets it into no output, summary, comment or post step', async () => {
  const sim = await startSimulator()
  sim.program(PIPELINE, {
    outcome: 'succeeded',
    name: `{name} ${sim.token}`,
    fields: { note: `token=${sim.token}`, [`key_${sim.token}`]: true }
  })
  const run = await runOnPullRequest(sim, 23, {})
  expect(run.exitCode).toBe(0)
  expectNoToken(run, sim.token)
  for (const value of Object.values(run.outputs)) expect(value).not.toContain(sim.token)
  const name = `${DEFAULT_RUN_NAME} ***`
  expect(run.outputs.name).toBe(name)
  const computation = JSON.parse(run.outputs.computation) as Record<string, unknown>
  expect(computation).toMatchObject({ name, note: 'token=***', 'key_***': true })
  expect(visibleText(renderGfm(run.summary)).replace(/\u200d/g, '')).toContain(name)
  expect(commentBody(23)).not.toContain(sim.token)

  const post = await runPost(run)
  expectNoToken(post, sim.token)
})

// sizes: what GitHub accepts
it.concurrent('keeps the summary under 1 MiB and the comment under 65,536 characters, whatever the sizes', async () => {
  const sim = await startSimulator()
  const longName = `nightly ${'n'.repeat(400_000)}`
  const paths = Array.from({ length: 80 }, (_, i) => `${String(i).padStart(2, '0')}/${'p'.repeat(3_000)}.txt`)
  sim.program(PIPELINE, { outcome: 'succeeded', name: longName, results: results(paths) })
  const run = await runOnPullRequest(sim, 24, {
    'named-parameters': JSON.stringify(
      Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`p${i}`, 'v'.repeat(1_500)]))
    )
  })
  expect(run.exitCode).toBe(0)
  expect(run.annotations.filter((a) => a.level !== 'notice')).toEqual([])
  expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024)
  const comment = commentBody(24)
  expect([...comment].length).toBeLessThanOrEqual(65_536)
  for (const markdown of [run.summary, comment]) {
    const shown = visibleText(renderGfm(markdown)).replace(/\u200d/g, '')
    expect(shown).toContain(`nightly ${'n'.repeat(200)}`)
    expect(shown).toMatch(/… \(399,\d{3} more characters\)/)
  }
  // The log names the run too, as briefly.
  expect(Math.max(...run.log.map((line) => line.length))).toBeLessThan(5_000)
})

// invisible text
it.concurrent('shows no bidirectional control and renders no emoji shortcode from outside text', async () => {
  const sim = await startSimulator()
  const name = 'nightly \u202Eevil\u202C \u2066x\u2069 \u200Eleft\u200F \u061Cright :white_check_mark: :+1:'
  sim.program(PIPELINE, { outcome: 'succeeded', results: results([':rocket:\u202E.txt']) })
  const run = await runOnPullRequest(sim, 25, { 'run-name': name })
  expect(run.exitCode).toBe(0)
  const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/
  for (const markdown of [run.summary, commentBody(25)]) {
    expect(markdown).not.toMatch(BIDI)
    const html = renderGfm(markdown)
    // GitHub turns `:name:` into an emoji after rendering, in text outside code.
    const outsideCode = visibleText(html.replace(/<code>[\s\S]*?<\/code>/g, ''))
    expect(outsideCode).not.toMatch(/:(white_check_mark|\+1|rocket):/)
    expect(visibleText(html).replace(/[\u200d\ufffd]/g, '')).toContain('nightly evil x left right')
  }
  for (const line of [...run.log, ...run.annotations.map((a) => a.message)]) expect(line).not.toMatch(BIDI)
})
