/**
 * `npm run demo`: starts the Code Ocean simulator, runs the committed bundle against
 * it exactly as the GitHub runner would (an example pipeline with data assets and
 * parameters, checked against the pipeline's app panel before the start), prints what a
 * user would see, and stops the simulator.
 */
import { join } from 'node:path'
import { readAppPanelFile } from '../sim/cli.js'
import { CodeOceanSimulator } from '../sim/simulator.js'
import { PROJECT_ROOT, runAction } from '../harness/runner.js'

const PIPELINE = 'cd4ef788-b404-4406-8bda-76b5e41a7b8d'
const sim = new CodeOceanSimulator({
  // The example pipeline exists; like a real server, the simulator answers any other id 404.
  pipelines: [PIPELINE],
  phases: [
    { state: 'initializing', ms: 2000 },
    { state: 'running', ms: 4000 },
    { state: 'finalizing', ms: 1000 }
  ]
})
// The pipeline's app panel, which the pre-flight check reads: the parameters below fit it.
// `npm run sim -- --pipeline <id> --app-panel <id>=sim/samples/demo-pipeline-app-panel.json` serves it too.
sim.setAppPanel('pipeline', PIPELINE, readAppPanelFile(join(PROJECT_ROOT, 'sim/samples/demo-pipeline-app-panel.json')))
// The data asset the example attaches: an existing one, ready to use.
sim.addDataAsset({ id: 'eeefcc52-b445-4e3c-80c5-0e65526cd712', name: 'Reference' })
const url = await sim.start()
console.log(`Code Ocean simulator listening on ${url}\n`)

const inputs = {
  domain: url,
  secret: sim.token,
  'pipeline-id': PIPELINE,
  'data-assets': '- id: eeefcc52-b445-4e3c-80c5-0e65526cd712\n  mount: Reference\n',
  processes:
    '- name: capsule_np_create_files_test_3\n' +
    '  named_parameters: {NumFiles: 10}\n' +
    '- name: capsule_art_simulation_illumina_1\n' +
    '  parameters: [75, 1, HS25, SingleEnded, "", "", 1, "", "", "", "", "", "", False, False]\n',
  'download-results': 'results',
  'results-filter': '**/*.csv\noutput'
}
console.log('Workflow step:')
console.log('  - uses: ./')
console.log('    with:')
for (const [name, value] of Object.entries(inputs)) {
  const shown = name === 'secret' ? '${{ secrets.CODEOCEAN_API_TOKEN }}' : value
  console.log(
    value.includes('\n') ? `      ${name}: |\n${shown.trimEnd().replace(/^/gm, '        ')}` : `      ${name}: ${shown}`
  )
}

let exitCode: number
try {
  const run = await runAction({ inputs })
  console.log('\n--- Action log ---')
  for (const line of run.log) console.log(line)
  console.log('\n--- Outputs ---')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}: ${value}`)
  if (run.summary.trim()) {
    console.log('\n--- Job summary ---')
    console.log(run.summary)
  }
  console.log('\n--- Requests Code Ocean received ---')
  for (const r of sim.requests) {
    const query = new URLSearchParams(r.query).toString()
    console.log(`${r.method} ${r.path}${query ? `?${query}` : ''}`)
  }
  console.log(`\nThe action exited with ${run.exitCode} (${run.durationMs} ms).`)
  exitCode = run.exitCode === 0 ? 0 : 1
} finally {
  await sim.stop()
}
process.exitCode = exitCode
