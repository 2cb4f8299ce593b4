/**
 * What the GitHub runner does with an action's output, reproduced for the test harness
 * (`runner.ts`): workflow commands on stdout/stderr, the secret masker, and the
 * `name=value` / `name<<DELIMITER` file-command format of GITHUB_OUTPUT, GITHUB_STATE and
 * GITHUB_ENV.
 *
 * Modelled on actions/runner: src/Runner.Common/ActionCommand.cs (parsing, unescaping),
 * src/Runner.Worker/ActionCommandManager.cs (what each command does),
 * src/Runner.Worker/Handlers/OutputManager.cs (stdout and stderr are both processed),
 * src/Runner.Worker/FileCommandManager.cs (EnvFileKeyValuePairs, step summary limit).
 */

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  /** The message, unescaped and masked as the runner stores it. */
  message: string
  /** Command properties (`title`, `file`, `line`, `col`, ...), unescaped. */
  props: Record<string, string>
}

// ---------------------------------------------------------------------------
// Escaping (the toolkit side) and unescaping (the runner side)
// ---------------------------------------------------------------------------

/** How @actions/core escapes a command's message (`::cmd::MESSAGE`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** How @actions/core escapes a command property value (`::cmd key=VALUE::`). */
export function escapeProperty(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C')
}

// The runner unescapes by plain sequential replacement, `%25` last, in exactly this order.
const DATA_UNESCAPES: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%']
]
const PROPERTY_UNESCAPES: [string, string][] = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%']
]
const LEGACY_UNESCAPES: [string, string][] = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%']
]

function unescapeWith(s: string, table: [string, string][]): string {
  let out = s
  for (const [escaped, token] of table) out = out.split(escaped).join(token)
  return out
}

export const unescapeData = (s: string): string => unescapeWith(s, DATA_UNESCAPES)
export const unescapeProperty = (s: string): string => unescapeWith(s, PROPERTY_UNESCAPES)

// ---------------------------------------------------------------------------
// Parsing one line into a command
// ---------------------------------------------------------------------------

/** Commands the runner registers (command names compare case-insensitively). */
const REGISTERED_COMMANDS = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo'
]

export interface ParsedCommand {
  /** Lower-cased command name. */
  command: string
  properties: Record<string, string>
  data: string
}

/**
 * Sets `key` as a .NET dictionary with StringComparer.OrdinalIgnoreCase does: a key that
 * differs only in case is the same key, and the first spelling seen stays. The runner's
 * command properties and its step state (IntraActionState) are such dictionaries.
 */
export function setIgnoringCase(record: Record<string, string>, key: string, value: string): void {
  const existing = Object.keys(record).find((k) => k.toLowerCase() === key.toLowerCase())
  record[existing ?? key] = value
}

const setProperty = setIgnoringCase

/** `::name key=value,key=value::data` (ActionCommand.TryParseV2). */
export function parseCommandV2(line: string, registered: ReadonlySet<string>): ParsedCommand | null {
  const message = line.trimStart()
  if (!message.startsWith('::')) return null
  const end = message.indexOf('::', 2)
  if (end < 0) return null
  const info = message.slice(2, end)
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (!registered.has(name)) return null
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const part of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      if (part === '') continue
      const eq = part.indexOf('=')
      // .NET Split('=', 2, RemoveEmptyEntries): an empty key or value means "no pair".
      if (eq <= 0 || eq === part.length - 1) continue
      setProperty(properties, part.slice(0, eq), unescapeProperty(part.slice(eq + 1)))
    }
  }
  return { command: name, properties, data: unescapeData(message.slice(end + 2)) }
}

/** Legacy `##[name key=value;]data`, anywhere in the line (ActionCommand.TryParse). */
export function parseCommandV1(line: string, registered: ReadonlySet<string>): ParsedCommand | null {
  const prefix = line.indexOf('##[')
  if (prefix < 0) return null
  const rb = line.indexOf(']', prefix)
  if (rb < 0) return null
  const info = line.slice(prefix + 3, rb)
  const space = info.indexOf(' ')
  const name = (space < 0 ? info : info.slice(0, space)).toLowerCase()
  if (!registered.has(name)) return null
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const part of info.slice(space + 1).split(';')) {
      if (part === '') continue
      const eq = part.indexOf('=')
      if (eq <= 0 || eq === part.length - 1) continue
      setProperty(properties, part.slice(0, eq), unescapeWith(part.slice(eq + 1), LEGACY_UNESCAPES))
    }
  }
  return { command: name, properties, data: unescapeWith(line.slice(rb + 1), LEGACY_UNESCAPES) }
}

// ---------------------------------------------------------------------------
// Secret masker
// ---------------------------------------------------------------------------

export class SecretMasker {
  private readonly values: string[] = []

  add(value: string): void {
    if (value !== '' && !this.values.includes(value)) this.values.push(value)
  }

  /** Replace every occurrence of every secret by `***` (overlapping matches merged). */
  mask(text: string): string {
    if (this.values.length === 0 || text === '') return text
    const ranges: [number, number][] = []
    for (const v of this.values) {
      for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1)) ranges.push([i, i + v.length])
    }
    if (ranges.length === 0) return text
    ranges.sort((a, b) => a[0] - b[0])
    let out = ''
    let pos = 0
    let [start, end] = ranges[0]
    for (const [s, e] of ranges.slice(1)) {
      if (s <= end) {
        end = Math.max(end, e)
      } else {
        out += text.slice(pos, start) + '***'
        pos = end
        start = s
        end = e
      }
    }
    return out + text.slice(pos, start) + '***' + text.slice(end)
  }
}

// ---------------------------------------------------------------------------
// Line splitting (as .NET StreamReader.ReadLine: \n, \r\n and a lone \r end a line)
// ---------------------------------------------------------------------------

export class LineSplitter {
  private buffer = ''

  push(chunk: string): string[] {
    this.buffer += chunk
    const lines: string[] = []
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer)
      if (!m) break
      // A trailing lone \r may be the first half of \r\n: wait for more data.
      if (m[0] === '\r' && m.index === this.buffer.length - 1) break
      lines.push(this.buffer.slice(0, m.index))
      this.buffer = this.buffer.slice(m.index + m[0].length)
    }
    return lines
  }

  flush(): string[] {
    const rest = this.buffer
    this.buffer = ''
    if (rest === '') return []
    return [rest.endsWith('\r') ? rest.slice(0, -1) : rest]
  }
}

// ---------------------------------------------------------------------------
// Processing output lines as the runner does
// ---------------------------------------------------------------------------

export interface OutputProcessorOptions {
  /** Step debug logging on (the runner then sets RUNNER_DEBUG=1). */
  debug: boolean
  /** GITHUB_WORKSPACE: annotation `file` paths under it are made relative. */
  workspace: string
  /** GITHUB_REPOSITORY: added as the `repo` property when a `file` was made relative. */
  repository: string
  /** ACTIONS_ALLOW_UNSECURE_COMMANDS=true lets set-env / add-path through. */
  allowUnsecureCommands: boolean
}

const SET_OUTPUT_DEPRECATION =
  'The `set-output` command is deprecated and will be disabled soon. Please upgrade to using Environment Files. For more information see: https://github.blog/changelog/2022-10-11-github-actions-deprecating-save-state-and-set-output-commands/'
const SAVE_STATE_DEPRECATION =
  'The `save-state` command is deprecated and will be disabled soon. Please upgrade to using Environment Files. For more information see: https://github.blog/changelog/2022-10-11-github-actions-deprecating-save-state-and-set-output-commands/'

/**
 * Feeds the action's output lines (stdout and stderr, in arrival order) through the runner's
 * command handling and records what the user would see.
 */
export class OutputProcessor {
  readonly masker = new SecretMasker()
  readonly masks: string[] = []
  readonly annotations: Annotation[] = []
  readonly log: string[] = []
  /** Outputs / state set with the deprecated `::set-output` / `::save-state` commands. */
  readonly commandOutputs: Record<string, string> = {}
  readonly commandState: Record<string, string> = {}
  /** Every raw line except those the runner consumed as `::add-mask::` (for `everything`). */
  readonly rawWithoutMaskCommands: string[] = []

  private readonly registered = new Set(REGISTERED_COMMANDS)
  private stopToken: string | null = null
  private echo = false

  constructor(private readonly options: OutputProcessorOptions) {}

  /** A message the runner itself logs as an annotation (e.g. a file-command error). */
  runnerIssue(level: AnnotationLevel, message: string): void {
    this.addIssue(level, message, {})
  }

  processLine(line: string): void {
    if (!this.tryCommand(line)) {
      this.rawWithoutMaskCommands.push(line)
      this.output(line)
    }
  }

  private output(line: string): void {
    this.log.push(this.masker.mask(line))
  }

  private addIssue(level: AnnotationLevel, message: string, props: Record<string, string>): void {
    const masked = this.masker.mask(message)
    this.annotations.push({ level, message: masked, props })
    // The runner writes the issue to the log too (##[error]...), shown as "Error: ...".
    const label = level === 'error' ? 'Error' : level === 'warning' ? 'Warning' : 'Notice'
    for (const l of masked.split(/\r\n|\r|\n/)) this.log.push(`${label}: ${l}`)
  }

  /** Returns true when the line was handled as a command (ActionCommandManager.TryProcessCommand). */
  private tryCommand(line: string): boolean {
    if (line === '' || (!line.includes('##[') && !line.includes('::'))) return false
    const cmd = parseCommandV2(line, this.registered) ?? parseCommandV1(line, this.registered)
    if (!cmd) return false

    if (this.stopToken !== null) {
      if (cmd.command === this.stopToken.toLowerCase()) {
        this.rawWithoutMaskCommands.push(line)
        this.output(line)
        this.registered.delete(this.stopToken.toLowerCase())
        this.stopToken = null
        return true
      }
      return false
    }

    if (cmd.command !== 'add-mask') this.rawWithoutMaskCommands.push(line)
    if (cmd.command === 'stop-commands') {
      this.output(line)
      this.stopToken = cmd.data
      this.registered.add(cmd.data.toLowerCase())
      return true
    }

    const omitEcho = ['add-mask', 'debug', 'error', 'warning', 'notice'].includes(cmd.command)
    if (this.echo && !omitEcho) this.output(line)

    try {
      this.handle(cmd)
    } catch (e) {
      const shown = cmd.command === 'add-mask' ? cmd.command : line
      this.addIssue('error', `Unable to process command '${shown}' successfully.`, {})
      this.addIssue('error', (e as Error).message, {})
    }
    return true
  }

  private handle(cmd: ParsedCommand): void {
    const { properties: props, data } = cmd
    switch (cmd.command) {
      case 'add-mask':
        if (data.trim() === '') {
          this.addIssue('warning', "Can't add secret mask for empty string in ##[add-mask] command.", {})
        } else {
          if (this.echo) this.log.push('::add-mask::***')
          this.masker.add(data)
          this.masks.push(data)
        }
        return
      case 'debug':
        if (this.options.debug) this.output(data)
        return
      case 'error':
      case 'warning':
      case 'notice':
        this.addIssue(cmd.command, data, this.annotationProps(props))
        return
      case 'group':
        this.output(data)
        return
      case 'endgroup':
        return
      case 'echo': {
        const v = data.trim().toUpperCase()
        if (v === 'ON') this.echo = true
        else if (v === 'OFF') this.echo = false
        else
          throw new Error(
            `Invalid echo command value. Possible values can be: 'on', 'off'. Current value is: '${data}'.`
          )
        return
      }
      case 'set-output': {
        const name = props['name']
        if (!name) throw new Error("Required field 'name' is missing in ##[set-output] command.")
        this.addIssue('warning', SET_OUTPUT_DEPRECATION, {})
        this.commandOutputs[name] = data
        return
      }
      case 'save-state': {
        const name = props['name']
        if (!name) throw new Error("Required field 'name' is missing in ##[save-state] command.")
        this.addIssue('warning', SAVE_STATE_DEPRECATION, {})
        // State keys are case-insensitive: a later spelling updates the value, not the key.
        setIgnoringCase(this.commandState, name, data)
        return
      }
      case 'set-env':
      case 'add-path':
        if (!this.options.allowUnsecureCommands) {
          throw new Error(
            `The \`${cmd.command}\` command is disabled. Please upgrade to using Environment Files or opt into unsecure command execution by setting the \`ACTIONS_ALLOW_UNSECURE_COMMANDS\` environment variable to \`true\`. For more information see: https://github.blog/changelog/2020-10-01-github-actions-deprecating-set-env-and-add-path-commands/`
          )
        }
        return
      default:
        // add-matcher / remove-matcher: consumed; problem matchers are not imitated.
        return
    }
  }

  private annotationProps(props: Record<string, string>): Record<string, string> {
    const out = { ...props }
    const file = out['file']
    const ws = this.options.workspace.replace(/\/+$/, '')
    if (file && (file === ws || file.startsWith(ws + '/'))) {
      const rel = file.slice(ws.length).replace(/^\/+/, '')
      out['repo'] = this.options.repository
      if (rel !== '') out['file'] = rel
    }
    return out
  }
}

// ---------------------------------------------------------------------------
// File commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV)
// ---------------------------------------------------------------------------

export interface KeyValueFile {
  /** Entries in file order (later ones win when applied). */
  entries: [string, string][]
  /** The runner's error message when the file is malformed; entries before it still apply. */
  error?: string
}

/** EnvFileKeyValuePairs: lines are split on \n only (Linux runner), empty lines skipped. */
export function parseKeyValueFile(text: string): KeyValueFile {
  const entries: [string, string][] = []
  let index = 0
  const readLine = (): { line: string | null; newline: string | null } => {
    if (index >= text.length) return { line: null, newline: null }
    const start = index
    const lf = text.indexOf('\n', index)
    if (lf < 0) {
      index = text.length
      return { line: text.slice(start), newline: null }
    }
    index = lf + 1
    return { line: text.slice(start, lf), newline: '\n' }
  }

  for (let line = readLine().line; line !== null; line = readLine().line) {
    if (line === '') continue
    const eq = line.indexOf('=')
    const hd = line.indexOf('<<')
    if (eq >= 0 && (hd < 0 || eq < hd)) {
      entries.push([line.slice(0, eq), line.slice(eq + 1)])
    } else if (hd >= 0 && (eq < 0 || hd < eq)) {
      const key = line.slice(0, hd)
      const delimiter = line.slice(hd + 2)
      if (key === '' || delimiter === '') {
        return { entries, error: `Invalid format '${line}'. Name must not be empty and delimiter must not be empty` }
      }
      const start = index
      let end = index
      let next = readLine()
      while (next.line !== delimiter) {
        if (next.line === null) return { entries, error: `Invalid value. Matching delimiter not found '${delimiter}'` }
        if (next.newline === null) return { entries, error: 'Invalid value. EOF marker missing new line.' }
        end = index - next.newline.length
        next = readLine()
      }
      entries.push([key, end > start ? text.slice(start, end) : ''])
    } else {
      return { entries, error: `Invalid format '${line}'` }
    }
  }
  return { entries }
}

/** GITHUB_STEP_SUMMARY is uploaded only up to this size (CreateStepSummaryCommand). */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024

export function summaryTooLargeMessage(sizeBytes: number): string {
  return `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of ${STEP_SUMMARY_LIMIT_BYTES / 1024}k, got ${Math.floor(sizeBytes / 1024)}k. For more information see: https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-markdown-summary`
}
