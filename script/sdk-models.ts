/**
 * Extracts the response models of Code Ocean's Python SDK (codeocean/codeocean-sdk-python)
 * into __tests__/fixtures/codeocean-sdk-models.json, the schema the simulator's answers
 * are checked against (__tests__/sim/sdk-models.test.ts). Run it on a newer SDK and
 * `git diff` the fixture to see what changed:
 *
 *   npx tsx script/sdk-models.ts <SDK checkout or git dir> [--rev HEAD] [--out FILE]
 *
 * The SDK is read as text, never run: every `@dataclass_json` class of src/codeocean/
 * (its fields in order, each with its annotation as written and whether it is required,
 * that is has no default) and every `StrEnum` (its values). A git directory without a
 * work tree (a mirror) is read at `--rev`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

export interface SdkField {
  /** The annotation as the SDK writes it, e.g. `Optional[list[Param]]`. */
  type: string
  /** No default: dataclasses-json's from_dict raises KeyError when the field is missing. */
  required: boolean
}

export interface SdkModels {
  source: { repository: string; version: string; commit: string; files: string[] }
  enums: Record<string, string[]>
  models: Record<string, { file: string; fields: Record<string, SdkField> }>
}

const REPOSITORY = 'codeocean/codeocean-sdk-python'
const PACKAGE = 'src/codeocean'

/** The SDK's files, read from a work tree or from a git directory at `rev`. */
export interface Checkout {
  files: string[]
  read(path: string): string
  commit: string
}

function git(args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

function openCheckout(dir: string, rev: string): Checkout {
  if (existsSync(join(dir, PACKAGE))) {
    const files: string[] = []
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const path = join(d, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (name.endsWith('.py')) files.push(relative(dir, path))
      }
    }
    walk(join(dir, PACKAGE))
    return {
      files,
      read: (path) => readFileSync(join(dir, path), 'utf8'),
      commit: git(['-C', dir, 'rev-parse', rev]).trim()
    }
  }
  const gitDir = ['--git-dir', dir]
  const commit = git([...gitDir, 'rev-parse', `${rev}^{commit}`]).trim()
  const files = git([...gitDir, 'ls-tree', '-r', '--name-only', commit, PACKAGE])
    .split('\n')
    .filter((f) => f.endsWith('.py'))
  return { files, read: (path) => git([...gitDir, 'show', `${commit}:${path}`]), commit }
}

/**
 * Python source cut into logical lines: a line goes on while a bracket is open or a
 * string (triple-quoted ones included) has not ended. Strings are kept, comments dropped.
 */
function logicalLines(source: string): { indent: number; text: string }[] {
  const lines: { indent: number; text: string }[] = []
  let current = ''
  let depth = 0
  let i = 0
  const flush = (): void => {
    if (current.trim() !== '') {
      const indent = current.length - current.trimStart().length
      lines.push({ indent, text: current.trim() })
    }
    current = ''
  }
  while (i < source.length) {
    const c = source[i] ?? ''
    if (c === '"' || c === "'") {
      const triple = source.startsWith(c.repeat(3), i)
      const quote = triple ? c.repeat(3) : c
      let j = i + quote.length
      while (j < source.length && !source.startsWith(quote, j)) j += source[j] === '\\' ? 2 : 1
      current += source.slice(i, j + quote.length)
      i = j + quote.length
      continue
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i += 1
      continue
    }
    if ('([{'.includes(c)) depth += 1
    if (')]}'.includes(c)) depth -= 1
    if (c === '\n' && depth === 0) flush()
    else current += c === '\n' ? ' ' : c
    i += 1
  }
  flush()
  return lines
}

/** The text with its string literals emptied, to look at code only. */
function withoutStrings(text: string): string {
  return text.replace(/("""|''')[\s\S]*?\1|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, '""')
}

function parseFile(path: string, source: string, out: SdkModels): void {
  const lines = logicalLines(source)
  for (let i = 0; i < lines.length; i++) {
    const header = /^class (\w+)(?:\((\w+)\))?:$/.exec(lines[i]?.text ?? '')
    if (header === null || lines[i]?.indent !== 0) continue
    const [, name = '', base = ''] = header
    const decorators: string[] = []
    for (let d = i - 1; d >= 0 && lines[d]?.indent === 0 && lines[d]?.text.startsWith('@'); d--) {
      decorators.push(lines[d]?.text ?? '')
    }
    const body: string[] = []
    for (let b = i + 1; b < lines.length && (lines[b]?.indent ?? 0) > 0; b++) {
      if (lines[b]?.indent === 4) body.push(lines[b]?.text ?? '')
    }
    if (base === 'StrEnum') {
      const values = body.flatMap((line) => {
        const member = /^\w+ = (["'])(.*)\1$/.exec(line)
        return member === null ? [] : [member[2] ?? '']
      })
      const known = out.enums[name]
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(values)) {
        throw new Error(`${path}: enum ${name} defined twice, differently`)
      }
      out.enums[name] = values
    } else if (decorators.includes('@dataclass_json')) {
      const fields: Record<string, SdkField> = {}
      for (const line of body) {
        // Docstrings and methods are not fields.
        if (/^("|')/.test(line) || line.startsWith('def ') || line.startsWith('@')) continue
        const field = /^(\w+): ([^=]+?)(?: = ([\s\S]*))?$/.exec(line)
        if (field === null) throw new Error(`${path}: cannot read a field of ${name}: ${line.slice(0, 80)}`)
        const [, fieldName = '', type = '', initial] = field
        const code = initial === undefined ? undefined : withoutStrings(initial)
        const hasDefault =
          code !== undefined && (!/^(dataclass_)?field\(/.test(code) || /\bdefault(_factory)?\s*=/.test(code))
        fields[fieldName] = { type: type.trim(), required: !hasDefault }
      }
      // src/codeocean/components.py is a leftover copy of models/components.py: the same
      // model twice is taken once, from models/.
      const known = out.models[name]
      if (known !== undefined && JSON.stringify(known.fields) !== JSON.stringify(fields)) {
        throw new Error(`${path}: model ${name} defined twice, differently (also in ${known.file})`)
      }
      if (known === undefined || path.includes('/models/')) out.models[name] = { file: path, fields }
    }
  }
}

export function extract(checkout: Checkout, repository = REPOSITORY): SdkModels {
  const version = /^version = "([^"]+)"/m.exec(checkout.read('pyproject.toml'))?.[1]
  if (version === undefined) throw new Error('pyproject.toml: no version')
  const files = [...checkout.files].sort()
  const out: SdkModels = { source: { repository, version, commit: checkout.commit, files: [] }, enums: {}, models: {} }
  for (const file of files) {
    const source = checkout.read(file)
    if (!source.includes('@dataclass_json') && !source.includes('(StrEnum)')) continue
    out.source.files.push(file)
    parseFile(file, source, out)
  }
  return out
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rev: { type: 'string', default: 'HEAD' },
      out: { type: 'string', default: '__tests__/fixtures/codeocean-sdk-models.json' },
      repository: { type: 'string', default: REPOSITORY }
    }
  })
  const [dir] = positionals
  if (dir === undefined || positionals.length !== 1) {
    process.stderr.write('usage: npx tsx script/sdk-models.ts <SDK checkout or git dir> [--rev HEAD] [--out FILE]\n')
    process.exitCode = 2
    return
  }
  const models = extract(openCheckout(resolve(dir), values.rev), values.repository)
  // Laid out as `npm run format` would (the project's Prettier settings, wherever --out is), so a regenerated fixture differs only where the SDK does.
  const { format, resolveConfig } = await import('prettier')
  const options = (await resolveConfig(fileURLToPath(import.meta.url))) ?? {}
  writeFileSync(values.out, await format(JSON.stringify(models), { ...options, filepath: values.out }))
  const { version, commit } = models.source
  process.stdout.write(
    `${values.out}: ${Object.keys(models.models).length} models and ${Object.keys(models.enums).length} enums ` +
      `of ${models.source.repository} ${version} (${commit})\n`
  )
}

// Run only when executed, so tests can import extract() without writing anything.
const invokedPath = process.argv[1]
if (invokedPath !== undefined && resolve(invokedPath) === fileURLToPath(import.meta.url)) await main()
