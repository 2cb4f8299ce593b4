/**
 * Proves the runner harness (harness/runner.ts) imitates the GitHub runner, using the small
 * fixture actions under __tests__/harness/fixtures/.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import {
  DEFAULT_CONTEXT,
  PROJECT_ROOT,
  cleanup,
  node24,
  runAction,
  runPost,
  type ActionRun
} from '../../harness/runner.js'
import { setIgnoringCase } from '../../harness/workflow-commands.js'

const fixture = (name: string): string => path.join(PROJECT_ROOT, '__tests__', 'harness', 'fixtures', name)
const ECHO = fixture('echo-action')
const SIGNAL = fixture('signal-action')
const BARE = fixture('bare-action')
const CHANNEL = fixture('command-channel-action')

const json = <T = Record<string, string>>(s: string | undefined): T => JSON.parse(s ?? 'null') as T

describe('node24()', () => {
  it('finds a Node >= 24 binary', () => {
    const version = execFileSync(node24(), ['--version'], { encoding: 'utf8' }).trim()
    expect(Number(/^v(\d+)/.exec(version)?.[1])).toBeGreaterThanOrEqual(24)
  })
})

describe('a plain run of the echo fixture', () => {
  let run: ActionRun
  const CANARY = 'HARNESS_LEAK_CANARY'

  beforeAll(async () => {
    process.env[CANARY] = 'leaked-from-the-test-process'
    process.env['CODEOCEAN_API_TOKEN'] = 'developer-token-from-shell'
    try {
      run = await runAction({
        actionDir: ECHO,
        inputs: { 'pipeline-id': 'pipe-123', 'run name': '  spaced out  ' },
        env: { CODEOCEAN_DOMAIN: 'codeocean.example.com' }
      })
    } finally {
      delete process.env[CANARY]
      delete process.env['CODEOCEAN_API_TOKEN']
    }
  })

  it('exits 0 under Node >= 24', () => {
    expect(run.exitCode).toBe(0)
    expect(run.signal).toBeNull()
    expect(Number(/^v(\d+)/.exec(run.outputs['node-version'] ?? '')?.[1])).toBeGreaterThanOrEqual(24)
  })

  it('passes inputs as INPUT_<NAME>: hyphens kept, spaces to _, untrimmed, defaults applied, unset ones absent', () => {
    expect(json(run.outputs['inputs'])).toEqual({
      'INPUT_PIPELINE-ID': 'pipe-123',
      INPUT_RUN_NAME: '  spaced out  ',
      INPUT_WAIT: 'true',
      'INPUT_POLL-INTERVAL': 'auto',
      INPUT_RETRIES: '3',
      'INPUT_EXIT-CODE': '0',
      'INPUT_BREAK-OUTPUT': 'false'
    })
  })

  it('builds the environment from scratch: context variables, caller env, nothing leaked', () => {
    const env = json(run.outputs['environment'])
    expect(env[CANARY]).toBeUndefined()
    expect(env['CODEOCEAN_API_TOKEN']).toBeUndefined()
    expect(env['NODE_OPTIONS']).toBeUndefined()
    expect(env['CODEOCEAN_DOMAIN']).toBe('codeocean.example.com')
    expect(env['PATH']).toBe(process.env['PATH'])
    expect(env).toMatchObject({ ...DEFAULT_CONTEXT, GITHUB_WORKSPACE: run.workspace, RUNNER_TEMP: run.tempDir })
    expect(env).toMatchObject({
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_REPOSITORY: 'octo-org/genomics-pipelines',
      GITHUB_REPOSITORY_OWNER: 'octo-org',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'https://api.github.com',
      RUNNER_OS: 'Linux'
    })
    for (const name of [
      'GITHUB_RUN_ID',
      'GITHUB_RUN_NUMBER',
      'GITHUB_RUN_ATTEMPT',
      'GITHUB_WORKFLOW',
      'GITHUB_JOB',
      'GITHUB_ACTION',
      'GITHUB_ACTOR',
      'RUNNER_ARCH'
    ]) {
      expect(env[name]).toMatch(/\S/)
    }
    expect(DEFAULT_CONTEXT.GITHUB_SHA).toMatch(/^[0-9a-f]{40}$/)
    expect(env['RUNNER_DEBUG']).toBeUndefined()
    for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV', 'GITHUB_PATH']) {
      expect(env[name]).toContain(run.tempDir)
    }
    // The runner starts the action in GITHUB_WORKSPACE.
    expect(run.outputs['cwd']).toBe(run.workspace)
    // The event payload is a file with a realistic push event.
    expect(json<{ after: string; repository: { full_name: string } }>(run.outputs['event'])).toMatchObject({
      after: DEFAULT_CONTEXT.GITHUB_SHA,
      repository: { full_name: DEFAULT_CONTEXT.GITHUB_REPOSITORY }
    })
  })

  it('reads outputs in both file-command forms, multi-line values, last write wins', () => {
    expect(run.outputs['greeting']).toBe('hello=world')
    expect(run.outputs['multi']).toBe('line one\nline two\n\nline four')
    expect(run.outputs['dup']).toBe('second')
    expect(run.outputs['empty']).toBe('')
  })

  it('reads state and the step summary', () => {
    expect(run.state).toEqual({ 'token-id': 'tok-42', phase: 'main-done', notes: 'first line\nsecond line' })
    expect(run.summary).toBe('## Echo summary\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')
  })

  it('collects masks and masks later log lines', () => {
    expect(run.masks).toEqual(['s3cr3t-token-value', 'never-printed-secret'])
    expect(run.log).toContain('token is ***')
    expect(run.log.join('\n')).not.toContain('s3cr3t-token-value')
  })

  it('parses annotations with unescaped properties (stdout and stderr)', () => {
    expect(run.annotations).toEqual(
      expect.arrayContaining([
        {
          level: 'error',
          message: 'Something failed\n100% sure',
          props: { title: 'Bad, really: bad', file: 'src/main.ts', line: '12', col: '3' }
        },
        // an absolute path under the workspace becomes relative, as on the runner
        {
          level: 'warning',
          message: 'Plain warning',
          props: { file: 'data/sample.csv', repo: DEFAULT_CONTEXT.GITHUB_REPOSITORY }
        },
        { level: 'notice', message: 'Notice text', props: { title: 'Heads up' } },
        { level: 'warning', message: 'warning from stderr', props: {} }
      ])
    )
    expect(run.annotations).toHaveLength(4)
  })

  it('shows the log as the user sees it', () => {
    const lines = run.log
    expect(lines).toEqual(
      expect.arrayContaining([
        'Starting echo action',
        'Fetching things',
        'inside group',
        'Error: Something failed',
        'Error: 100% sure',
        'Warning: Plain warning',
        'Notice: Notice text',
        'plain stderr line',
        '::not-a-command::stays in log',
        'done'
      ])
    )
    expect(lines.indexOf('Fetching things')).toBe(lines.indexOf('inside group') - 1)
    expect(lines.some((l) => l.includes('debug detail'))).toBe(false)
    expect(lines.some((l) => /^::(add-mask|group|endgroup|error|warning|notice|debug)/.test(l))).toBe(false)
  })

  it('gathers everything the action wrote, minus the add-mask commands', () => {
    expect(run.everything).toContain('plain stderr line')
    expect(run.everything).toContain('scratch-marker-7f3a') // a file in RUNNER_TEMP
    expect(run.everything).toContain('## Echo summary')
    expect(run.everything).toContain('tok-42')
    expect(run.everything).toContain('s3cr3t-token-value') // printed raw, masked only in the log
    expect(run.everything).not.toContain('never-printed-secret') // only ever registered as a mask
  })

  it('passes state, workspace, temp dir and inputs to the post step', async () => {
    const post = await runPost(run)
    expect(post.exitCode).toBe(0)
    expect(post.workspace).toBe(run.workspace)
    expect(post.tempDir).toBe(run.tempDir)
    expect(json(post.outputs['post-state'])).toEqual({
      'STATE_token-id': 'tok-42',
      STATE_phase: 'main-done',
      STATE_notes: 'first line\nsecond line'
    })
    expect(json(post.outputs['post-inputs'])).toMatchObject({ 'INPUT_PIPELINE-ID': 'pipe-123', INPUT_WAIT: 'true' })
    expect(post.outputs['post-cwd']).toBe(run.workspace)
    expect(post.outputs['scratch']).toBe('present')
    expect(post.log).toContain('Post step')
  })
})

describe('inputs and results', () => {
  it.concurrent('rejects an input action.yml does not declare', async () => {
    await expect(runAction({ actionDir: ECHO, inputs: { pipeline_id: 'x' } })).rejects.toThrow(
      /input 'pipeline_id' is not declared in .*action\.yml.*'pipeline-id'/s
    )
  })

  it.concurrent('derives the ref from a pull_request event and writes the given payload', async () => {
    const payload = { number: 7, pull_request: { number: 7, head: { ref: 'feature/x' }, base: { ref: 'main' } } }
    const run = await runAction({ actionDir: ECHO, event: { name: 'pull_request', payload } })
    const env = json(run.outputs['environment'])
    expect(env).toMatchObject({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_REF_NAME: '7/merge',
      GITHUB_HEAD_REF: 'feature/x',
      GITHUB_BASE_REF: 'main'
    })
    expect(json<object>(run.outputs['event'])).toEqual(payload)
  })

  it.concurrent('lets the caller env override a context variable', async () => {
    const run = await runAction({ actionDir: ECHO, env: { GITHUB_RUN_ATTEMPT: '2' } })
    expect(json(run.outputs['environment'])['GITHUB_RUN_ATTEMPT']).toBe('2')
  })

  it.concurrent('reports the exit code', async () => {
    const run = await runAction({ actionDir: ECHO, inputs: { 'exit-code': '3' } })
    expect(run.exitCode).toBe(3)
    expect(run.outputs['greeting']).toBe('hello=world') // outputs are read also when the step failed
  })

  it.concurrent('shows ::debug:: lines and sets RUNNER_DEBUG=1 when ACTIONS_STEP_DEBUG is on', async () => {
    const run = await runAction({ actionDir: ECHO, env: { ACTIONS_STEP_DEBUG: 'true' } })
    expect(json(run.outputs['environment'])['RUNNER_DEBUG']).toBe('1')
    expect(run.log).toContain('debug detail here')
  })

  it.concurrent('reports a malformed GITHUB_OUTPUT as the runner does, keeping the entries before it', async () => {
    const run = await runAction({ actionDir: ECHO, inputs: { 'break-output': 'true' } })
    expect(run.outputs['greeting']).toBe('hello=world')
    expect(run.outputs['broken']).toBeUndefined()
    expect(run.annotations).toEqual(
      expect.arrayContaining([
        { level: 'error', message: "Unable to process file command 'output' successfully.", props: {} },
        { level: 'error', message: "Invalid value. Matching delimiter not found 'EOF'", props: {} }
      ])
    )
  })

  it.concurrent('runs a copy of the action without node_modules, as the runner checks it out', async () => {
    // From __tests__/harness/fixtures/bare-action, `yaml` would resolve via the project's node_modules.
    const run = await runAction({ actionDir: BARE })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['yaml']).toBe('not-resolvable')
    expect(run.log).toEqual([`hello from ${run.outputs['node-version']}`])
  })

  it.concurrent('refuses runPost when action.yml has no runs.post', async () => {
    const run = await runAction({ actionDir: BARE })
    await expect(runPost(run)).rejects.toThrow(/has no `runs\.post`/)
  })

  it.concurrent('fails clearly when the action outlives timeoutMs', async () => {
    // Long enough for the fixture to start and say it is ready on a busy machine (a
    // fresh Node took over 4 s to start under a load average of 14): the message must
    // show that output. The test runs beside the others, so the wait costs no time.
    const timeoutMs = 10_000
    const started = Date.now()
    await expect(runAction({ actionDir: SIGNAL, inputs: { mode: 'hang' }, timeoutMs })).rejects.toThrow(
      /still running after timeoutMs=10000 ms[\s\S]*ready \(hang\)/
    )
    expect(Date.now() - started).toBeLessThan(timeoutMs + 5000)
  })
})

describe('cancellation and kill', () => {
  // One at a time: each measures signal timing, which a busier machine would blur.
  const signalsSeen = (run: ActionRun): { signal: string; at: number }[] =>
    fs
      .readFileSync(path.join(run.tempDir, 'signals.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { signal: string; at: number })

  it('cancel sends SIGINT first; an action that handles it ends there', async () => {
    const run = await runAction({ actionDir: SIGNAL, cancel: { whenStdoutMatches: /ready/ } })
    expect(run.exitCode).toBe(130)
    expect(run.signalsSent.map((s) => s.signal)).toEqual(['SIGINT'])
    expect(signalsSeen(run).map((s) => s.signal)).toEqual(['SIGINT'])
    expect(run.outputs).toMatchObject({ phase: 'running', cancelled: 'true' })
    expect(run.durationMs).toBeLessThan(5000)
  })

  it('cancel.afterMs triggers on time', async () => {
    // Long enough for the fixture to have set up its SIGINT handler on a busy machine.
    const run = await runAction({ actionDir: SIGNAL, cancel: { afterMs: 3000 } })
    expect(run.exitCode).toBe(130)
    expect(run.signalsSent).toEqual([{ signal: 'SIGINT', atMs: expect.any(Number) }])
    expect(run.signalsSent[0].atMs).toBeGreaterThanOrEqual(3000)
  })

  it('escalates to SIGTERM 7.5 s after an ignored SIGINT', async () => {
    const run = await runAction({
      actionDir: SIGNAL,
      inputs: { mode: 'ignore-int' },
      cancel: { whenStdoutMatches: /ready/ }
    })
    expect(run.exitCode).toBe(143)
    expect(run.signalsSent.map((s) => s.signal)).toEqual(['SIGINT', 'SIGTERM'])
    const seen = signalsSeen(run)
    expect(seen.map((s) => s.signal)).toEqual(['SIGINT', 'SIGTERM'])
    const gap = seen[1].at - seen[0].at
    expect(gap).toBeGreaterThanOrEqual(7400)
    expect(gap).toBeLessThan(9000)
    expect(run.outputs['terminated']).toBe('true')
    expect(run.log).toEqual(expect.arrayContaining(['received SIGINT', 'received SIGTERM']))
  }, 20_000)

  it('kill sends SIGKILL at once; the post step still gets the state saved before', async () => {
    const run = await runAction({ actionDir: SIGNAL, kill: { whenStdoutMatches: /ready/ } })
    expect(run.exitCode).toBeNull()
    expect(run.signal).toBe('SIGKILL')
    expect(run.signalsSent.map((s) => s.signal)).toEqual(['SIGKILL'])
    expect(fs.existsSync(path.join(run.tempDir, 'signals.jsonl'))).toBe(false)
    expect(run.outputs).toEqual({ phase: 'running' })
    expect(run.state).toEqual({ started: 'yes' })

    const post = await runPost(run)
    expect(post.exitCode).toBe(0)
    expect(post.outputs).toEqual({ 'saw-started': 'yes', 'saw-signals': '' })
  })
})

describe('stdout as a command channel, read as the runner reads it', () => {
  let run: ActionRun
  beforeAll(async () => {
    run = await runAction({ actionDir: CHANNEL })
  })

  it('acts on no command between ::stop-commands::TOKEN and ::TOKEN::, and on the commands after it', () => {
    expect(run.annotations.map((a) => [a.level, a.message])).toEqual([
      ['warning', expect.stringContaining('`save-state` command is deprecated')],
      ['error', 'after the block'],
      ['notice', 'legacy anywhere in a line'],
      ['warning', expect.stringContaining('`set-output` command is deprecated')]
    ])
    expect(run.masks).toEqual([])
    expect(run.log).toEqual(
      expect.arrayContaining(['::error::inside the block', '##[warning]inside the block', '::add-mask::block'])
    )
    expect(Object.keys(run.state)).not.toContain('inside')
  })

  it('reads the legacy ##[command] form anywhere in a line', () => {
    expect(run.outputs).toEqual({ legacy: 'legacy output' })
    expect(run.log).not.toContain('text before ##[notice]legacy anywhere in a line')
  })

  it('keeps the first spelling of a state key, with the value written last', async () => {
    expect(run.state).toEqual({ PHASE: 'from-file' })
    const post = await runPost(run)
    expect(json(post.outputs['post-state'])).toEqual({ STATE_PHASE: 'from-file' })
  })

  it('treats state keys as one case-insensitive dictionary', () => {
    const state: Record<string, string> = {}
    setIgnoringCase(state, 'Computation-Id', 'a')
    setIgnoringCase(state, 'computation-id', 'b')
    setIgnoringCase(state, 'other', 'c')
    expect(state).toEqual({ 'Computation-Id': 'b', other: 'c' })
  })
})

describe('cleanup()', () => {
  it('removes the temp dirs', async () => {
    const run = await runAction({ actionDir: BARE })
    expect(fs.existsSync(run.workspace)).toBe(true)
    cleanup()
    expect(fs.existsSync(run.workspace)).toBe(false)
    expect(fs.existsSync(run.tempDir)).toBe(false)
  })
})
