import { randomBytes } from 'node:crypto'

/**
 * Text from outside (Code Ocean's answers, the run's console log, event text in a
 * `run-name`) reaches the log as data, never as a workflow command. The runner reads
 * every stdout line that starts with `::` as a command, and every line holding the
 * legacy `##[name]` form anywhere. @actions/core escapes `%`, `\r` and `\n` in the
 * messages of its own commands (`core.error`, `core.setFailed`, `core.warning`), which
 * keeps each one command; it leaves other control characters, the Unicode line
 * separators and `##[` as they are, and `core.info` writes its text with no escaping
 * at all. So every value from outside goes through `inline`, wherever it is printed.
 */

/** Line breaks: what ends a line for the runner (`\r`, `\n`) or for a reader (NEL, LS, PS). */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g
/**
 * Control characters other than tab (C0, DEL, C1), which can hide or redraw text in the
 * log, and the bidirectional controls (embeddings, overrides, isolates; LRM, RLM, ALM),
 * which make text read differently from what it is ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/** A zero-width space: splits a sequence the runner would act on, without changing what people read. */
const ZWSP = '\u200b'

/** Defuses the legacy command form `##[`, which the runner looks for anywhere in a line. */
function defuseLegacy(text: string): string {
  return text.replaceAll('##[', `#${ZWSP}#[`)
}

/**
 * One value from outside, fit to stand inside a log line or an annotation: line
 * breaks become `⏎`, other control and bidirectional characters `�`, legacy `##[` is split, and a
 * leading `::` too, so the value can neither start a line of its own nor be one.
 */
export function inline(text: string): string {
  const flat = defuseLegacy(text.replace(LINE_BREAKS, '⏎').replace(CONTROLS, '\uFFFD'))
  return flat.replace(/^(\s*)::/, `$1:${ZWSP}:`)
}

/** A token nobody can guess or have printed before: ends a `::stop-commands::` block. */
export function freshStopToken(): string {
  return `codeocean-${randomBytes(16).toString('hex')}`
}

/**
 * Prints lines from outside as GitHub documents for untrusted output: between
 * `::stop-commands::<token>` and `::<token>::`, with a fresh random token, so the
 * runner acts on no command inside. The block is closed however printing ends.
 */
export function printUntrusted(lines: Iterable<string>, write: (line: string) => void): void {
  const token = freshStopToken()
  write(`::stop-commands::${token}`)
  try {
    // Legacy `##[` would still style a line in the log viewer: defused here too.
    for (const line of lines) write(defuseLegacy(line))
  } finally {
    write(`::${token}::`)
  }
}
