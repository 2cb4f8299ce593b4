/**
 * `npm run render-summary`: pictures of the job summary as a reader sees it. Runs the
 * committed bundle against the simulator as the GitHub runner would, once for a run that
 * fails and once for one that succeeds, renders each step summary as GitHub does (GFM,
 * GitHub's stylesheet, folds closed) and screenshots it with headless Chromium. Writes
 * docs/images/summary-failed.png and summary-succeeded.png, which the README shows.
 *
 * Needs Chromium (Debian: `apt-get install chromium`); CHROMIUM names another binary.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { marked } from 'marked'
import puppeteer from 'puppeteer-core'
import { runAction, PROJECT_ROOT } from '../harness/runner.js'
import { readAppPanelFile } from '../sim/cli.js'
import { CodeOceanSimulator } from '../sim/simulator.js'

const PIPELINE = 'cd4ef788-b404-4406-8bda-76b5e41a7b8d'
const ASSET = 'eeefcc52-b445-4e3c-80c5-0e65526cd712'
const OUT = join(PROJECT_ROOT, 'docs', 'images')

function chromium(): string {
  const candidates = [process.env['CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser']
  const found = candidates.find((path): path is string => path !== undefined && existsSync(path))
  if (!found) throw new Error('No Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM.')
  return found
}

/** The step summary of one run of the bundle against a fresh simulator. */
async function summaryOf(outcome: 'failed' | 'succeeded'): Promise<string> {
  const sim = new CodeOceanSimulator({ pipelines: [PIPELINE], phases: [{ state: 'running', ms: 2_000 }] })
  sim.setAppPanel(
    'pipeline',
    PIPELINE,
    readAppPanelFile(join(PROJECT_ROOT, 'sim/samples/demo-pipeline-app-panel.json'))
  )
  sim.addDataAsset({ id: ASSET, name: 'Reference' })
  sim.program(PIPELINE, { outcome })
  const url = await sim.start()
  try {
    const run = await runAction({
      inputs: {
        domain: url,
        secret: sim.token,
        'pipeline-id': PIPELINE,
        'run-name': 'Nightly alignment',
        'data-assets': `- id: ${ASSET}\n  mount: Reference\n`,
        processes: '- name: capsule_np_create_files_test_3\n  named_parameters: {NumFiles: 10}\n',
        'download-results': 'results'
      }
    })
    return run.summary
  } finally {
    await sim.stop()
  }
}

/** A page as GitHub shows a step summary: its Markdown stylesheet, about as wide as the summary pane. */
function page(markdown: string): string {
  const require = createRequire(import.meta.url)
  const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8')
  const body = marked.parse(markdown, { gfm: true, async: false })
  return (
    `<!doctype html><html><head><meta charset="utf-8"><style>${css}\n` +
    'body { margin: 0; background: #fff; } .markdown-body { box-sizing: border-box; width: 880px; padding: 24px; }' +
    `</style></head><body><article class="markdown-body">${body}</article></body></html>`
  )
}

mkdirSync(OUT, { recursive: true })
const browser = await puppeteer.launch({ executablePath: chromium(), args: ['--no-sandbox'] })
try {
  for (const outcome of ['failed', 'succeeded'] as const) {
    const markdown = await summaryOf(outcome)
    const tab = await browser.newPage()
    // The summary is shown, never run: GitHub runs no script in it either.
    await tab.setJavaScriptEnabled(false)
    await tab.setViewport({ width: 880, height: 400, deviceScaleFactor: 1 })
    await tab.setContent(page(markdown), { waitUntil: 'load' })
    const article = await tab.$('article')
    const file = join(OUT, `summary-${outcome}.png`)
    await article!.screenshot({ path: file })
    console.log(`Wrote ${file}`)
    await tab.close()
  }
} finally {
  await browser.close()
}
