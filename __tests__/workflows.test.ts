// Checks the repository's GitHub workflows, its Dependabot configuration and the
// example workflows in docs/examples against the rules they are written to:
// valid YAML, least permissions, third-party actions pinned by commit SHA, step
// outputs passed to scripts through env, and only inputs that action.yml declares.
// Each rule is a function that returns the problems it finds; every rule is run on
// the real files (no problems) and on a small bad sample (a problem), so a rule
// that could never fail would show.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { parse, parseDocument } from 'yaml'

type Obj = Record<string, unknown>

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const WORKFLOWS_DIR = '.github/workflows'
const EXAMPLES_DIR = 'docs/examples'
const DEPENDABOT = '.github/dependabot.yml'
const OUR_ACTION = 'codeocean-actions/run'

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')

function yamlFilesIn(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`)
}

const workflowFiles = yamlFilesIn(WORKFLOWS_DIR)
const exampleFiles = yamlFilesIn(EXAMPLES_DIR)
const allWorkflowFiles = [...workflowFiles, ...exampleFiles]
const allFiles = [...allWorkflowFiles, DEPENDABOT]

const actionInputs = Object.keys((parse(read('action.yml')) as { inputs: Obj }).inputs)

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value if it is a string, else ''. */
function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function asObj(value: unknown): Obj {
  return isObj(value) ? value : {}
}

// ---- Walking a parsed workflow

interface Step {
  job: string
  index: number
  step: Obj
}

function jobsOf(workflow: Obj): [string, Obj][] {
  return Object.entries(asObj(workflow.jobs)).map(([name, job]) => [name, asObj(job)])
}

function stepsOf(workflow: Obj): Step[] {
  return jobsOf(workflow).flatMap(([job, spec]) =>
    (Array.isArray(spec.steps) ? spec.steps : []).map((step, index) => ({ job, index, step: asObj(step) }))
  )
}

const where = (s: Step): string => `jobs.${s.job}.steps[${s.index}]${s.step.name ? ` (${str(s.step.name)})` : ''}`

/** Every string anywhere inside a value, for looking up expressions. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (isObj(value)) return Object.values(value).flatMap(stringsIn)
  return []
}

const usesOurAction = (uses: unknown): boolean =>
  typeof uses === 'string' && (uses === './' || uses.startsWith(`${OUR_ACTION}@`))

// ---- The rules

/** YAML that parses without errors or warnings, and without duplicate keys. */
function yamlProblems(text: string): string[] {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true })
  return [...doc.errors, ...doc.warnings].map((e) => e.message)
}

/** `on`, `jobs` and a top-level `permissions`; jobs with steps that each run or use something. */
function shapeProblems(workflow: Obj): string[] {
  const problems: string[] = []
  if (!('on' in workflow)) problems.push('no `on`')
  if (!('permissions' in workflow)) problems.push('no top-level `permissions`')
  const jobs = jobsOf(workflow)
  if (jobs.length === 0) problems.push('no `jobs`')
  for (const [name, job] of jobs) {
    if (typeof job.uses === 'string') continue // a reusable workflow
    if (!('runs-on' in job)) problems.push(`jobs.${name}: no \`runs-on\``)
    if (!Array.isArray(job.steps) || job.steps.length === 0) problems.push(`jobs.${name}: no steps`)
  }
  for (const s of stepsOf(workflow)) {
    if ('run' in s.step === 'uses' in s.step) problems.push(`${where(s)}: needs exactly one of \`run\` and \`uses\``)
  }
  return problems
}

/** No `write` grant (nor `write-all`) anywhere, except for the scopes named. */
function permissionProblems(workflow: Obj, writable: readonly string[] = []): string[] {
  const problems: string[] = []
  const check = (permissions: unknown, at: string): void => {
    if (permissions === undefined) return
    if (typeof permissions === 'string') {
      if (permissions !== 'read-all') problems.push(`${at}: \`${permissions}\`; list the scopes instead`)
      return
    }
    for (const [scope, level] of Object.entries(asObj(permissions))) {
      if (level === 'write' && !writable.includes(scope)) problems.push(`${at}: ${scope}: write`)
    }
  }
  check(workflow.permissions, 'permissions')
  for (const [name, job] of jobsOf(workflow)) check(job.permissions, `jobs.${name}.permissions`)
  return problems
}

const PINNED = /^[\w.-]+\/[\w.-]+(\/[^@\s]+)?@[0-9a-f]{40}$/
const USES_LINE = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(#.*)?$/

/**
 * Every third-party action (anything but `./` and this action) is pinned to a full
 * commit SHA with a `# vX…` comment saying which release it is. The raw text is
 * read, since YAML drops comments; the parsed `uses:` are counted too, so one
 * written another way (in a flow mapping, say) cannot slip past the line check.
 */
function pinningProblems(text: string, workflow: Obj): string[] {
  const problems: string[] = []
  const lines = text.split('\n').flatMap((line, i) => {
    const m = USES_LINE.exec(line)
    return m ? [{ line: i + 1, uses: m[2] ?? '', comment: m[3] ?? '' }] : []
  })
  const parsed = [...stepsOf(workflow).map((s) => s.step.uses), ...jobsOf(workflow).map(([, job]) => job.uses)].filter(
    (uses): uses is string => typeof uses === 'string'
  )
  if (parsed.length !== lines.length) {
    problems.push(`${parsed.length} \`uses:\` in the workflow, but ${lines.length} \`uses:\` lines in the plain form`)
  }
  for (const { line, uses, comment } of lines) {
    if (uses.startsWith('./') || uses.startsWith(`${OUR_ACTION}@`)) continue
    if (!PINNED.test(uses)) problems.push(`line ${line}: ${uses} is not pinned to a 40-hex commit SHA`)
    else if (!/^#\s*v\d/.test(comment)) problems.push(`line ${line}: ${uses} has no \`# vX.Y.Z\` comment`)
  }
  return problems
}

/** Steps that run this action give it only inputs that action.yml declares. */
function inputProblems(workflow: Obj, inputs: readonly string[]): string[] {
  const problems: string[] = []
  for (const s of stepsOf(workflow)) {
    if (!usesOurAction(s.step.uses)) continue
    const given = Object.keys(asObj(s.step.with))
    for (const name of given) {
      if (!inputs.includes(name)) problems.push(`${where(s)}: \`${name}\` is not an input of action.yml`)
    }
    // A settle step starts nothing; any other step names exactly one target.
    if (!given.includes('settle') && given.includes('pipeline-id') === given.includes('capsule-id')) {
      problems.push(`${where(s)}: needs exactly one of \`pipeline-id\` and \`capsule-id\``)
    }
    if (given.includes('settle') && (given.includes('pipeline-id') || given.includes('capsule-id'))) {
      problems.push(`${where(s)}: a settle step takes no \`pipeline-id\` or \`capsule-id\``)
    }
    if (!given.includes('secret')) problems.push(`${where(s)}: no \`secret\``)
  }
  return problems
}

/** No `${{ }}` inside a `run:` script: values reach scripts through `env:`. */
function scriptExpressionProblems(workflow: Obj): string[] {
  return stepsOf(workflow)
    .filter((s) => typeof s.step.run === 'string' && s.step.run.includes('${{'))
    .map((s) => `${where(s)}: \`\${{ }}\` in the script; pass the value through \`env:\``)
}

/** Every `steps.<id>` names a step with that id earlier in the same job. */
function stepReferenceProblems(workflow: Obj): string[] {
  const problems: string[] = []
  for (const [name, job] of jobsOf(workflow)) {
    const seen: string[] = []
    const steps = Array.isArray(job.steps) ? job.steps.map(asObj) : []
    steps.forEach((step, index) => {
      for (const text of stringsIn(step)) {
        for (const m of text.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\./g)) {
          const id = m[1] ?? ''
          if (!seen.includes(id)) problems.push(`jobs.${name}.steps[${index}]: \`steps.${id}\` names no earlier step`)
        }
      }
      if (typeof step.id === 'string') seen.push(step.id)
    })
  }
  return problems
}

/** Both ecosystems, weekly, each with groups; npm groups development and production dependencies. */
function dependabotProblems(config: Obj): string[] {
  const problems: string[] = []
  if (config.version !== 2) problems.push('`version` is not 2')
  const updates = (Array.isArray(config.updates) ? config.updates : []).map(asObj)
  for (const ecosystem of ['npm', 'github-actions']) {
    const update = updates.find((u) => u['package-ecosystem'] === ecosystem)
    if (!update) {
      problems.push(`no ${ecosystem} updates`)
      continue
    }
    if (asObj(update.schedule).interval !== 'weekly') problems.push(`${ecosystem}: not weekly`)
    const groups = Object.values(asObj(update.groups)).map(asObj)
    if (groups.length === 0) problems.push(`${ecosystem}: no groups`)
    for (const group of groups) {
      if (!('patterns' in group) && !('dependency-type' in group)) {
        problems.push(`${ecosystem}: a group with neither \`patterns\` nor \`dependency-type\``)
      }
    }
    if (ecosystem === 'npm') {
      for (const type of ['development', 'production']) {
        if (!groups.some((g) => g['dependency-type'] === type)) problems.push(`npm: no group of ${type} dependencies`)
      }
    }
  }
  return problems
}

// ---- The real files

const texts = new Map(allFiles.map((path) => [path, read(path)]))
// A file that does not parse counts as empty here, and fails the YAML test.
const parsed = new Map(
  [...texts].map(([path, text]) => {
    const doc = parseDocument(text)
    return [path, doc.errors.length === 0 ? asObj(doc.toJS()) : {}]
  })
)
const wf = (path: string): Obj => parsed.get(path) ?? {}

describe('the workflow and configuration files', () => {
  it('include the CI, release and example workflows', () => {
    expect(workflowFiles).toEqual([`${WORKFLOWS_DIR}/ci.yml`, `${WORKFLOWS_DIR}/release.yml`])
    expect(exampleFiles).toEqual(
      [
        'check-settle.yml',
        'check-start.yml',
        'matrix.yml',
        'on-push.yml',
        'on-release.yml',
        'upload-results.yml',
        'workflow-dispatch.yml'
      ].map((name) => `${EXAMPLES_DIR}/${name}`)
    )
  })

  it.each(allFiles)('%s is valid YAML', (path) => {
    expect(yamlProblems(texts.get(path) ?? '')).toEqual([])
  })

  it.each(allWorkflowFiles)('%s has `on`, `jobs`, top-level `permissions` and well-formed steps', (path) => {
    expect(shapeProblems(wf(path))).toEqual([])
  })

  it.each(allWorkflowFiles)('%s grants no write permission it does not need', (path) => {
    // The release writes its tags; the check examples make and complete check runs, and
    // turn the settle workflow on and off (settle-workflow).
    const writable =
      path === `${WORKFLOWS_DIR}/release.yml` ? ['contents'] : path.includes('/check-') ? ['checks', 'actions'] : []
    expect(permissionProblems(wf(path), writable)).toEqual([])
  })

  it.each(allWorkflowFiles)('%s pins every third-party action to a commit SHA with a version comment', (path) => {
    expect(pinningProblems(texts.get(path) ?? '', wf(path))).toEqual([])
  })

  it.each(allWorkflowFiles)('%s gives this action only inputs declared in action.yml', (path) => {
    expect(inputProblems(wf(path), actionInputs)).toEqual([])
  })

  it.each(allWorkflowFiles)('%s passes expressions to scripts through env only', (path) => {
    expect(scriptExpressionProblems(wf(path))).toEqual([])
  })

  it.each(allWorkflowFiles)('%s refers only to step ids defined earlier in the job', (path) => {
    expect(stepReferenceProblems(wf(path))).toEqual([])
  })

  it('pins each third-party action to the same commit everywhere', () => {
    const pins = new Map<string, Set<string>>()
    for (const text of allWorkflowFiles.map((path) => texts.get(path) ?? '')) {
      for (const m of text.matchAll(/uses:\s*([\w.-]+\/[\w.-]+(?:\/[^@\s]+)?)@([0-9a-f]{40})/g)) {
        const [, action = '', sha = ''] = m
        pins.set(action, (pins.get(action) ?? new Set()).add(sha))
      }
    }
    expect(pins.size).toBeGreaterThan(0)
    for (const [action, shas] of pins) expect([action, shas.size]).toEqual([action, 1])
  })

  it('has Dependabot update npm and GitHub Actions weekly, in groups', () => {
    expect(dependabotProblems(wf(DEPENDABOT))).toEqual([])
  })
})

describe('ci.yml', () => {
  const ci = wf(`${WORKFLOWS_DIR}/ci.yml`)
  const jobs = asObj(ci.jobs)
  const steps = (job: string): Obj[] =>
    (Array.isArray(asObj(jobs[job]).steps) ? (asObj(jobs[job]).steps as unknown[]) : []).map(asObj)
  const runs = (job: string): string[] => steps(job).flatMap((s) => (typeof s.run === 'string' ? [s.run.trim()] : []))

  it('runs on pushes to main and on pull requests, cancelling superseded runs', () => {
    const on = asObj(ci.on)
    expect(asObj(on.push).branches).toEqual(['main'])
    expect('pull_request' in on).toBe(true)
    expect(asObj(ci.permissions)).toEqual({ contents: 'read' })
    expect(asObj(ci.concurrency)['cancel-in-progress']).toBe(true)
    expect(str(asObj(ci.concurrency).group)).toContain('github.workflow')
  })

  it('runs .ci/run, which installs, checks formatting, lints, type-checks, tests and checks dist/, in that order', () => {
    expect(runs('check')).toEqual(['.ci/run'])
    const setup = steps('check').find((s) => str(s.uses).startsWith('actions/setup-node@'))
    expect(asObj(setup?.with)).toEqual({ 'node-version-file': '.node-version', cache: 'npm' })
    const lines = read('.ci/run').split('\n')
    const lineOf = (command: string): number => lines.findIndex((line) => line.trim().startsWith(command))
    const order = [
      'npm ci',
      'npm run format:check',
      'npm run lint',
      'npm run typecheck',
      'npm test',
      'npm run package',
      'if ! git diff --quiet --ignore-space-at-eol -- dist'
    ].map(lineOf)
    expect(order.every((line) => line > 0)).toBe(true)
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })

  it('uploads the dist/ that src/ builds when .ci/run finds the committed one differs', () => {
    const check = steps('check')
    const id = str(check.find((s) => s.run === '.ci/run')?.id)
    const upload = check.find((s) => str(s.uses).startsWith('actions/upload-artifact@'))
    expect(str(upload?.if)).toContain(`steps.${id}.outputs.dist-differs == 'true'`)
    expect(asObj(upload?.with).path).toBe('dist/')
    expect(read('.ci/run')).toContain('echo "dist-differs=true" >> "$GITHUB_OUTPUT"')
  })

  it('runs the unit tier and the downloads end to end on Windows and macOS', () => {
    const portable = asObj(jobs.portable)
    expect(asObj(asObj(portable.strategy).matrix).os).toEqual(['windows-latest', 'macos-latest'])
    expect(runs('portable')).toEqual([
      'npm ci',
      'npm run test:unit',
      'npm test -- --selectProjects e2e --testPathPatterns e2e/results'
    ])
  })

  it('runs the action itself (`uses: ./`) against the simulator on each runner OS and checks its outputs', () => {
    expect(asObj(asObj(asObj(jobs.action).strategy).matrix).os).toEqual([
      'ubuntu-latest',
      'windows-latest',
      'macos-latest'
    ])
    expect(asObj(asObj(asObj(jobs.action).defaults).run).shell).toBe('bash')
    const action = steps('action')
    const index = action.findIndex((s) => s.uses === './')
    expect(index).toBeGreaterThan(0)
    const run = action[index] ?? {}
    const id = str(run.id)
    expect(asObj(run.with)).toMatchObject({
      domain: 'http://127.0.0.1:8123',
      secret: 'cop_ci_simulator_token',
      'download-results': 'results'
    })
    for (const input of ['pipeline-id', 'data-assets', 'processes']) expect(asObj(run.with)[input]).toBeTruthy()

    const start = action.slice(0, index).find((s) => str(s.run).includes('sim/cli.ts'))
    expect(str(start?.run)).toContain('npx tsx sim/cli.ts --port 8123 --token cop_ci_simulator_token')
    // The pipeline run must exist (the simulator answers any other 404), and so must the
    // attached data asset: the action checks it is ready before the start.
    expect(str(start?.run)).toContain(`--pipeline ${str(asObj(run.with)['pipeline-id'])} `)
    expect(str(start?.run)).toContain('--data-asset eeefcc52-b445-4e3c-80c5-0e65526cd712 > sim.log 2>&1 &')
    expect(str(start?.run)).toMatch(/for \w+ in \$\(seq 1 \d+\)[\s\S]*curl[\s\S]*exit 1/)
    expect(action.slice(0, index).map((s) => s.run)).toContain('npm ci')

    const check = action.slice(index + 1).find((s) => str(s.if).includes('always()'))
    const env = asObj(check?.env)
    for (const output of ['status', 'computation-id', 'result-files', 'results-path']) {
      expect(Object.values(env)).toContain(`\${{ steps.${id}.outputs.${output} }}`)
    }
    expect(str(check?.run)).toContain('::error::')
    expect(str(check?.run)).toContain('exit 1')
    expect(str(check?.run)).toContain('succeeded')

    const log = action.slice(index + 1).find((s) => str(s.run).includes('sim.log'))
    expect(str(log?.if)).toContain('failure()')
  })
})

describe('release.yml', () => {
  const release = wf(`${WORKFLOWS_DIR}/release.yml`)
  const steps = stepsOf(release).map((s) => s.step)

  it('takes a version on dispatch, checks it in bash through env, and runs the release script', () => {
    const version = asObj(asObj(asObj(asObj(release.on).workflow_dispatch).inputs).version)
    expect(version.required).toBe(true)
    expect(release.permissions).toEqual({ contents: 'write' })
    const check = steps.find((s) => str(s.run).includes('=~'))
    expect(asObj(check?.env).VERSION).toBe('${{ inputs.version }}')
    expect(str(check?.run)).toContain('::error::')
    const tag = steps.find((s) => str(s.run).includes('script/release'))
    expect(str(tag?.run)).toContain('script/release --yes "$VERSION"')
    const checkout = steps.find((s) => str(s.uses).startsWith('actions/checkout@'))
    expect(asObj(checkout?.with)['fetch-depth']).toBe(0)
  })
})

describe('the examples', () => {
  it.each(exampleFiles)('%s runs codeocean-actions/run@v1 with the token from secrets', (path) => {
    const ours = stepsOf(wf(path)).filter((s) => usesOurAction(s.step.uses))
    expect(ours.length).toBeGreaterThan(0)
    for (const s of ours) {
      expect(s.step.uses).toBe(`${OUR_ACTION}@v1`)
      expect(asObj(s.step.with).secret).toBe('${{ secrets.CODEOCEAN_API_TOKEN }}')
    }
  })

  it('cover a release run of the matching capsule version, typed dispatch inputs, a matrix and uploads', () => {
    const onRelease = wf(`${EXAMPLES_DIR}/on-release.yml`)
    expect(asObj(onRelease.on).release).toBeDefined()
    const capsule = stepsOf(onRelease).find((s) => usesOurAction(s.step.uses))
    expect(asObj(capsule?.step.with).version).toMatch(/^\$\{\{ steps\.\w+\.outputs\.\w+ \}\}$/)
    // The tag, chosen by whoever published the release, is read once, through env, and checked.
    expect(read(`${EXAMPLES_DIR}/on-release.yml`).match(/github\.event\.release\.tag_name/g)).toHaveLength(1)
    expect(read(`${EXAMPLES_DIR}/on-release.yml`)).toContain('TAG: ${{ github.event.release.tag_name }}')

    const dispatch = wf(`${EXAMPLES_DIR}/workflow-dispatch.yml`)
    const inputs = Object.values(asObj(asObj(asObj(dispatch.on).workflow_dispatch).inputs)).map((i) => asObj(i).type)
    expect(inputs).toEqual(expect.arrayContaining(['number', 'choice', 'boolean']))
    const processes = str(asObj(stepsOf(dispatch).find((s) => usesOurAction(s.step.uses))?.step.with).processes)
    for (const name of Object.keys(asObj(asObj(asObj(dispatch.on).workflow_dispatch).inputs))) {
      expect(processes).toContain(`inputs.${name}`)
    }

    const matrix = asObj(asObj(jobsOf(wf(`${EXAMPLES_DIR}/matrix.yml`))[0]?.[1]).strategy)
    expect(matrix['fail-fast']).toBe(false)
    expect(matrix['max-parallel']).toEqual(expect.any(Number))

    const upload = stepsOf(wf(`${EXAMPLES_DIR}/upload-results.yml`))
    const run = upload.find((s) => usesOurAction(s.step.uses))
    expect(asObj(run?.step.with)['download-results']).toBeTruthy()
    const artifact = upload.find((s) => str(s.step.uses).startsWith('actions/upload-artifact@'))
    expect(str(artifact?.step.if)).toContain('always()')
  })
})

describe('each rule finds what it is for', () => {
  const bad = `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-node@a0853c24544627f65ddf259abe73b1d18a591444
      - { uses: actions/cache@v4 }
      - uses: ./
        with:
          pipeline-id: x
          capsule-id: y
          tokn: z
      - run: echo "\${{ steps.run.outputs.status }}"
      - if: steps.compare.outcome == 'failure'
        run: exit 1
      - run: echo
        uses: ./
`
  const badWorkflow = asObj(parse(bad))

  it('invalid YAML and duplicate keys', () => {
    expect(yamlProblems('a: [1, 2\nb: 1\n')).not.toEqual([])
    expect(yamlProblems('a: 1\na: 2\n')).not.toEqual([])
  })

  it('missing `on`, `jobs`, `permissions`, `runs-on` and steps that both run and use', () => {
    expect(shapeProblems(badWorkflow)).toEqual([
      'no top-level `permissions`',
      expect.stringContaining('exactly one of `run` and `uses`')
    ])
    expect(shapeProblems({ permissions: {}, jobs: { a: { steps: [] } } })).toEqual([
      'no `on`',
      'jobs.a: no `runs-on`',
      'jobs.a: no steps'
    ])
    expect(shapeProblems({ on: 'push', permissions: {} })).toEqual(['no `jobs`'])
  })

  it('write permissions', () => {
    expect(permissionProblems(badWorkflow)).toEqual(['jobs.build.permissions: contents: write'])
    expect(permissionProblems(badWorkflow, ['contents'])).toEqual([])
    expect(permissionProblems({ permissions: 'write-all' })).toEqual([expect.stringContaining('write-all')])
  })

  it('unpinned actions, missing version comments and `uses:` hidden from the line check', () => {
    expect(pinningProblems(bad, badWorkflow)).toEqual([
      expect.stringContaining('5 `uses:` in the workflow, but 4 `uses:` lines'),
      'line 9: actions/checkout@v5 is not pinned to a 40-hex commit SHA',
      expect.stringMatching(/^line 10: actions\/setup-node@a0853c2.* has no `# vX\.Y\.Z` comment$/)
    ])
  })

  it('inputs that action.yml does not declare, and a step without one target or the secret', () => {
    expect(inputProblems(badWorkflow, actionInputs)).toEqual([
      'jobs.build.steps[3]: `tokn` is not an input of action.yml',
      'jobs.build.steps[3]: needs exactly one of `pipeline-id` and `capsule-id`',
      'jobs.build.steps[3]: no `secret`',
      'jobs.build.steps[6]: needs exactly one of `pipeline-id` and `capsule-id`',
      'jobs.build.steps[6]: no `secret`'
    ])
    const good = { jobs: { a: { steps: [{ uses: './', with: { 'capsule-id': 'c', secret: 's', wait: 'false' } }] } } }
    expect(inputProblems(good, actionInputs)).toEqual([])
  })

  it('expressions inside scripts', () => {
    expect(scriptExpressionProblems(badWorkflow)).toEqual([expect.stringContaining('steps[4]')])
  })

  it('references to step ids that are not defined earlier', () => {
    expect(stepReferenceProblems(badWorkflow)).toEqual([
      'jobs.build.steps[4]: `steps.run` names no earlier step',
      'jobs.build.steps[5]: `steps.compare` names no earlier step'
    ])
    const late = {
      jobs: {
        a: {
          steps: [
            { if: 'steps.x.outputs.y', run: 'true' },
            { id: 'x', run: 'true' }
          ]
        }
      }
    }
    expect(stepReferenceProblems(late)).toEqual(['jobs.a.steps[0]: `steps.x` names no earlier step'])
  })

  it('Dependabot without an ecosystem, a weekly schedule or groups', () => {
    expect(dependabotProblems({ version: 2, updates: [] })).toEqual(['no npm updates', 'no github-actions updates'])
    const config = {
      version: 2,
      updates: [
        { 'package-ecosystem': 'npm', schedule: { interval: 'daily' }, groups: { all: { patterns: ['*'] } } },
        { 'package-ecosystem': 'github-actions', schedule: { interval: 'weekly' }, groups: { x: {} } }
      ]
    }
    expect(dependabotProblems(config)).toEqual([
      'npm: not weekly',
      'npm: no group of development dependencies',
      'npm: no group of production dependencies',
      'github-actions: a group with neither `patterns` nor `dependency-type`'
    ])
  })
})
