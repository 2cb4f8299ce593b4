// Command line for the simulator, for trying the action by hand:
//   npx tsx sim/cli.ts [--port N] [--token T] [--phase-ms initializing=300,running=500,finalizing=200]
//                      [--outcome succeeded] [--capsule ID]... [--pipeline ID]... [--program <id>=<outcome>]...
//                      [--first-byte-ms N] [--legacy-server] [--data-asset ID]... [--git-link ID]...
//                      [--app-panel ID=FILE]...
// Like a real server, the simulator answers 404 for a capsule or pipeline it does not
// have: name the ones to run with --capsule or --pipeline (--program and --git-link
// make theirs exist too). --app-panel serves a capsule's or pipeline's app panel from a
// JSON file, so the action's pre-flight check (`check-parameters`) has something to check
// against: sim/samples/demo-pipeline-app-panel.json is the demo pipeline's.
// The first three lines on stdout are the base URL, the token and the object
// store's URL, so scripts can read them; every request after that is logged as
// one line.

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { errorMessage } from '../src/errors.js'
import { isOutcome, OUTCOMES, type Outcome, type Phase } from './computations.js'
import { CodeOceanSimulator, DEFAULT_TOKEN } from './simulator.js'
import type { TargetKind } from './targets.js'

const USAGE = `Usage: tsx sim/cli.ts [options]
  --port N                 port to listen on (default 0: a free port)
  --token T                access token to accept (default ${DEFAULT_TOKEN})
  --phase-ms S=MS,...      phases and their lengths, in order
                           (default initializing=300,running=500,finalizing=200)
  --outcome O              how runs end by default (default succeeded)
  --capsule ID             capsule ID exists (repeatable); any other is 404
  --pipeline ID            pipeline ID exists (repeatable); any other is 404
  --program ID=O           runs of capsule/pipeline ID end with O (repeatable)
  --first-byte-ms N        the object store waits N ms before sending each file
  --legacy-server          act as a server before Code Ocean 4.0: no
                           /results/urls (404), only /results/download_url
  --data-asset ID          an existing data asset, ready to attach (repeatable)
  --git-link ID            capsule/pipeline ID is linked to Git (repeatable)
  --app-panel ID=FILE      the app panel of capsule/pipeline ID (named by
                           --capsule or --pipeline) is the JSON in FILE
                           (repeatable), e.g. sim/samples/demo-pipeline-app-panel.json
  -h, --help               show this help
Outcomes: ${OUTCOMES.join(', ')}`

export interface CliConfig {
  port: number
  token?: string
  phases?: Phase[]
  outcome?: Outcome
  capsules?: string[]
  pipelines?: string[]
  programs: [string, Outcome][]
  firstByteDelayMs?: number
  legacyServer?: true
  dataAssets?: string[]
  gitLinks?: string[]
  /** App panels to serve, each read from a JSON file. */
  appPanels?: AppPanelFile[]
  help: boolean
}

/** `--app-panel ID=FILE`: the target it is the panel of, and where it is. */
export interface AppPanelFile {
  kind: TargetKind
  id: string
  file: string
}

class UsageError extends Error {}

function parseOutcome(text: string, flag: string): Outcome {
  if (!isOutcome(text))
    throw new UsageError(`${flag}: unknown outcome "${text}" (expected one of ${OUTCOMES.join(', ')})`)
  return text
}

function splitPair(text: string, flag: string): [string, string] {
  const eq = text.lastIndexOf('=')
  if (eq <= 0 || eq === text.length - 1) throw new UsageError(`${flag}: expected NAME=VALUE, got "${text}"`)
  return [text.slice(0, eq), text.slice(eq + 1)]
}

function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        token: { type: 'string' },
        'phase-ms': { type: 'string' },
        outcome: { type: 'string' },
        capsule: { type: 'string', multiple: true },
        pipeline: { type: 'string', multiple: true },
        program: { type: 'string', multiple: true },
        'first-byte-ms': { type: 'string' },
        'legacy-server': { type: 'boolean' },
        'data-asset': { type: 'string', multiple: true },
        'git-link': { type: 'string', multiple: true },
        'app-panel': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' }
      }
    }).values
  } catch (err) {
    throw new UsageError(errorMessage(err))
  }
}

export function parseCli(argv: string[]): CliConfig {
  const values = readArgs(argv)
  const config: CliConfig = { port: 0, programs: [], help: values.help === true }
  for (const flag of ['capsule', 'pipeline'] as const) {
    const ids = values[flag]
    if (ids === undefined) continue
    if (ids.some((id) => id.trim() === '')) throw new UsageError(`--${flag} must not be empty`)
    config[flag === 'capsule' ? 'capsules' : 'pipelines'] = ids
  }
  if (values['data-asset'] !== undefined) config.dataAssets = values['data-asset']
  if (values['git-link'] !== undefined) config.gitLinks = values['git-link']
  if (values.port !== undefined) {
    const port = Number(values.port)
    if (!/^\d+$/.test(values.port) || port > 65535) throw new UsageError(`--port: not a port number: "${values.port}"`)
    config.port = port
  }
  if (values.token !== undefined) {
    if (values.token === '') throw new UsageError('--token must not be empty')
    config.token = values.token
  }
  if (values['phase-ms'] !== undefined) {
    config.phases = values['phase-ms']
      .split(',')
      .filter((part) => part.trim() !== '')
      .map((part) => {
        const [state, ms] = splitPair(part.trim(), '--phase-ms')
        if (!/^\d+$/.test(ms)) throw new UsageError(`--phase-ms: "${ms}" is not a whole number of milliseconds`)
        return { state, ms: Number(ms) }
      })
  }
  if (values.outcome !== undefined) config.outcome = parseOutcome(values.outcome, '--outcome')
  for (const entry of values.program ?? []) {
    const [id, outcome] = splitPair(entry, '--program')
    config.programs.push([id, parseOutcome(outcome, '--program')])
  }
  const firstByte = values['first-byte-ms']
  if (firstByte !== undefined) {
    if (!/^\d+$/.test(firstByte))
      throw new UsageError(`--first-byte-ms: "${firstByte}" is not a whole number of milliseconds`)
    config.firstByteDelayMs = Number(firstByte)
  }
  if (values['legacy-server'] === true) config.legacyServer = true
  if (values['app-panel'] !== undefined)
    config.appPanels = values['app-panel'].map((entry) => appPanelFile(entry, config))
  return config
}

/** Reads `ID=FILE`: the panel's target must be named by --capsule or --pipeline, which says its kind. */
function appPanelFile(entry: string, config: CliConfig): AppPanelFile {
  const eq = entry.indexOf('=')
  if (eq <= 0 || eq === entry.length - 1) throw new UsageError(`--app-panel: expected ID=FILE, got "${entry}"`)
  const id = entry.slice(0, eq)
  const file = entry.slice(eq + 1)
  const kind = config.capsules?.includes(id) ? 'capsule' : config.pipelines?.includes(id) ? 'pipeline' : undefined
  if (kind === undefined) {
    throw new UsageError(`--app-panel: ${id} is named by neither --capsule nor --pipeline, so its kind is not known`)
  }
  return { kind, id, file }
}

/** The panel in `file`, as JSON; a file that cannot be read, or is no JSON object, is a usage error. */
export function readAppPanelFile(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new UsageError(`--app-panel: cannot read ${file}: ${errorMessage(err)}`)
  }
  let panel: unknown
  try {
    panel = JSON.parse(text)
  } catch (err) {
    throw new UsageError(`--app-panel: ${file} is not JSON: ${errorMessage(err)}`)
  }
  if (typeof panel !== 'object' || panel === null || Array.isArray(panel)) {
    throw new UsageError(`--app-panel: ${file} holds no JSON object (an app panel is one)`)
  }
  return panel
}

async function main(): Promise<void> {
  let config: CliConfig
  let panels: [AppPanelFile, unknown][]
  try {
    config = parseCli(process.argv.slice(2))
    panels = (config.appPanels ?? []).map((entry) => [entry, readAppPanelFile(entry.file)])
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    process.stderr.write(`${err.message}\n\n${USAGE}\n`)
    process.exitCode = 2
    return
  }
  if (config.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }

  const sim = new CodeOceanSimulator({
    port: config.port,
    ...(config.token !== undefined ? { token: config.token } : {}),
    ...(config.phases !== undefined ? { phases: config.phases } : {}),
    ...(config.outcome !== undefined ? { defaultOutcome: config.outcome } : {}),
    ...(config.firstByteDelayMs !== undefined ? { firstByteDelayMs: config.firstByteDelayMs } : {}),
    ...(config.legacyServer === true ? { legacyServer: true } : {}),
    ...(config.capsules !== undefined ? { capsules: config.capsules } : {}),
    ...(config.pipelines !== undefined ? { pipelines: config.pipelines } : {}),
    log: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`)
  })
  for (const [id, outcome] of config.programs) sim.program(id, { outcome })
  for (const id of config.dataAssets ?? []) sim.addDataAsset({ id })
  for (const id of config.gitLinks ?? []) sim.linkGit(id, { pulled: 1 })
  for (const [{ kind, id }, panel] of panels) sim.setAppPanel(kind, id, panel)

  const url = await sim.start()
  process.stdout.write(`Code Ocean simulator listening on ${url}\n`)
  process.stdout.write(`token: ${sim.token}\n`)
  process.stdout.write(`object store (signed result URLs) listening on ${sim.storeUrl}\n`)

  let stopping = false
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second signal means the user is done waiting.
      process.exit(130)
    }
    stopping = true
    process.stderr.write(`${signal}: stopping simulator\n`)
    sim.stop().then(
      () => {
        process.exitCode = 0
      },
      (err: unknown) => {
        process.stderr.write(`error while stopping: ${errorMessage(err)}\n`)
        process.exitCode = 1
      }
    )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

// Run only when executed, so tests can import parseCli without starting a server.
const invokedPath = process.argv[1]
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exitCode = 1
  })
}
