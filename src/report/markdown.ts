/**
 * Markdown building blocks for the job summary and the pull request comment.
 *
 * Everything that comes from outside (run names, paths, messages, parameter values,
 * data asset names, server text) goes through `text` or `code` and so renders as
 * the characters it holds: never a heading, list, quote, link, image, autolink,
 * HTML, table row or column, mention or issue reference. The packages that escape
 * Markdown on npm cover CommonMark's inline syntax only, not GFM tables, GitHub's
 * mentions and references, or Unicode line breaks, hence these few functions.
 *
 * Each value is capped (caps.ts), so no value from outside can make the summary or the
 * comment too large for GitHub; `fitWithin` is the last guard for the whole page.
 */

import { andMore, capText, VALUE_CHARS } from '../caps.js'

/**
 * Every line-break form: CommonMark ends a line at `\n`, `\r\n` and a lone `\r`;
 * readers and some renderers also break at NEL (U+0085), LS and PS (U+2028/2029),
 * and at vertical tab and form feed.
 */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/

/**
 * Other characters that must not reach the page as they are: C0 and C1 controls
 * (tab aside) and DEL, and every bidirectional control, which can make text read
 * differently from what it is ("Trojan Source"): the embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) and the invisible marks LRM, RLM and ALM (U+200E,
 * U+200F, U+061C). Each becomes U+FFFD, as in the log (untrusted.ts): one visible
 * character that says something was there, with no meaning in Markdown.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARACTER = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * The ASCII punctuation that can start or end Markdown anywhere in a line, also at
 * its start: CommonMark renders each literally when backslash-escaped. The rest
 * (`" % ' ( , / ; ? ^ { }`) has a meaning only after one of these (a link's `(`
 * after `]`, say), so it stays as it is, for a readable source.
 */
const MARKDOWN_PUNCTUATION = /[!#$&)*+\-.:<=>@[\\\]_`|~]/g

/**
 * Stops GitHub from turning rendered text into a mention (`@org/team`) or an issue
 * reference (`#1`, `GH-1`): it finds those in the text after rendering, where a
 * backslash escape is already gone, so a zero-width joiner goes after the sign.
 */
const ZWJ = '\u200d'

/**
 * A colon that starts an emoji shortcode (`:white_check_mark:`). GitHub turns those into
 * emoji after rendering, in the text outside code, where a backslash escape is gone (as
 * for mentions), so a zero-width joiner goes after the colon.
 */
const SHORTCODE_START = /:(?=[\w+-]+:)/g

/** The most lines of one message that a line block shows, and the most characters of each. */
const SHOWN_LINES = 20
const SHOWN_LINE_CHARS = 500
/** The deepest indentation a lineBlock line keeps (an example's YAML needs a few levels). */
const MAX_INDENT = 40

/** The most characters of one line that a code block shows. */
const CODE_LINE_CHARS = 500
/** The most lines a codeBlock shows (the console log's explaining lines are at most 15 before splitting). */
const MAX_CODE_LINES = 40

/** The lines of `value`, split at every line-break form. */
export function splitLines(value: string): string[] {
  return value.split(LINE_BREAK)
}

/** `value` on one line: line breaks become spaces, tabs too, unsafe characters U+FFFD. */
export function oneLine(value: string): string {
  return splitLines(value).join(' ').replace(/\t/g, ' ').replace(UNSAFE_CHARACTER, '\ufffd')
}

/**
 * Outside text as inert inline Markdown, on one line: safe in a paragraph, a table
 * cell, a list item or a quote line, also at the start of a line. Leading and
 * trailing blanks go (they would make an indented code block or a hard line break;
 * a page shows none of them anyway). Readable as it is for plain words.
 */
export function text(value: string, max = VALUE_CHARS): string {
  return capText(oneLine(value), max)
    .trim()
    .replace(SHORTCODE_START, `:${ZWJ}`)
    .replace(MARKDOWN_PUNCTUATION, '\\$&')
    .replace(/([@#])/g, `$1${ZWJ}`)
    .replace(/\b(gh)(?=\\-\d)/gi, `$1${ZWJ}`)
}

/**
 * Outside text as an inline code span, on one line, whatever backticks it holds:
 * the fence is one backtick longer than the longest run inside, and padded with a
 * space (which CommonMark strips) when the text starts or ends with a backtick or a
 * space. Safe in table cells: text with a `|` is given as escaped plain text
 * instead, because GFM splits cells before it reads code spans and renderers
 * disagree on `\` followed by `\|`. Code spans render no mention, link or HTML.
 */
export function code(value: string, max = VALUE_CHARS): string {
  const line = capText(oneLine(value), max)
  if (line === '') return '(empty)'
  if (line.includes('|')) return text(line)
  const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = /^[` ]|[` ]$/.test(line) && /[^ ]/.test(line) ? ' ' : ''
  return `${fence}${pad}${line}${pad}${fence}`
}

/**
 * Outside text of one or more lines (a step's error and its example) as one paragraph
 * that keeps its lines: every line, however it was broken, is escaped on its own
 * (`text`) and ends in a hard line break (a backslash at the end of the line), so the
 * lines neither run together nor form a heading, list or quote. Leading indentation is
 * kept as no-break spaces, which Markdown does not strip (an example's YAML needs its
 * shape). Blank lines are left out: they would end the paragraph.
 */
export function lineBlock(value: string): string {
  const lines = splitLines(value).filter((line) => line.trim() !== '')
  const shown = lines.slice(0, SHOWN_LINES).map((line) => {
    const lead = /^[ \t]*/.exec(line)?.[0] ?? ''
    // The indentation is outside text too: capped, and not counted in the line's own cap.
    const indent = Math.min(lead.replace(/\t/g, '  ').length, MAX_INDENT)
    return '\u00a0'.repeat(indent) + text(line.slice(lead.length), SHOWN_LINE_CHARS)
  })
  if (lines.length > SHOWN_LINES) shown.push(text(andMore(lines.length - SHOWN_LINES, 'lines')))
  return shown.join('\\\n')
}

/**
 * Lines from outside (a console log) as a fenced code block that nothing inside can
 * end: the fence is one backtick longer than the longest run of backticks in them, and
 * a closing fence must be at least as long. Every line-break form splits a line (no
 * line is taken for the fence's end by a reader that breaks elsewhere), unsafe
 * characters become U+FFFD, and each line is capped. Inside a code block GitHub renders
 * no Markdown, HTML, mention, reference or emoji.
 */
export function codeBlock(lines: readonly string[]): string {
  // Splitting at every line-break form can make many lines of one: the last ones are kept.
  const split = lines.flatMap(splitLines)
  const kept = split.slice(-MAX_CODE_LINES)
  const shown = [
    ...(split.length > kept.length
      ? [`[${(split.length - kept.length).toLocaleString('en-US')} earlier lines cut]`]
      : []),
    ...kept.map((line) => capText(line.replace(UNSAFE_CHARACTER, '\ufffd'), CODE_LINE_CHARS))
  ]
  const longestRun = Math.max(0, ...shown.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)))
  const fence = '`'.repeat(Math.max(3, longestRun + 1))
  return [fence, ...shown, fence].join('\n')
}

/** The action's own words in HTML: no character of them can open a tag or an entity. */
function ownHtml(words: string): string {
  return words.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * A fold: `summary`, the action's own words (never outside text: it sits in HTML, where
 * Markdown escapes mean nothing), over `parts`, Markdown made by the functions here. The
 * blank lines around the parts make GitHub render them as Markdown inside the fold.
 */
export function details(summary: string, parts: string[]): string {
  return ['<details>', `<summary>${ownHtml(summary)}</summary>`, '', parts.join('\n\n'), '', '</details>'].join('\n')
}

/**
 * A link of the action's own: `label` its own words, `url` an address it built from
 * checked parts (an http(s) URL with nothing in it that could end the link early).
 */
export function link(label: string, url: string): string {
  return `[${label}](${url})`
}

/** A bulleted list of cells made by `text` or `code`. */
export function list(items: string[]): string {
  return items.map((item) => `- ${oneLine(item)}`).join('\n')
}

/**
 * A GFM table of cells made by `text` or `code` (or the caller's own Markdown). Line
 * breaks in a cell become spaces, so no cell can start a row of its own.
 */
export function table(header: string[], rows: string[][]): string {
  const row = (cells: string[]): string => `| ${cells.map(oneLine).join(' | ')} |`
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n')
}

/** What a cut after some lines leaves open: a code fence, and folds (`details`). */
interface Open {
  fence?: string
  folds: number
}

/**
 * The blocks open after `line`, given those open before it. Only the shapes this module
 * writes are read: a fence is a line of backticks alone (codeBlock), closed by the same
 * line, and nothing inside it counts; a fold is a `<details>` line, closed by a
 * `</details>` line (details). Outside text cannot make either: `text` escapes backticks
 * and `<`, and a code block's fence is longer than any run of backticks in it.
 */
function openAfter(line: string, open: Open): Open {
  if (open.fence !== undefined) return line === open.fence ? { folds: open.folds } : open
  if (/^`{3,}$/.test(line)) return { fence: line, folds: open.folds }
  if (line === '<details>') return { folds: open.folds + 1 }
  if (line === '</details>' && open.folds > 0) return { folds: open.folds - 1 }
  return open
}

/** The lines that close what is open; each fold after a blank line, as `details` writes it, so no table row or paragraph takes it in. */
function closing(open: Open): string {
  return (open.fence !== undefined ? `\n${open.fence}` : '') + '\n\n</details>'.repeat(open.folds)
}

/**
 * `markdown`, whole when `sizeOf` it is at most `limit`; else cut at the end of a line,
 * with `note` (plain Markdown of the action's own) after it, the three within `limit`. A
 * cut at a line's end leaves every line whole: no code span, escape or table row is
 * split, so the part kept renders as it would have. A cut inside a code block or a fold
 * closes them first, so the note shows after them, not as code or folded away.
 */
export function fitWithin(markdown: string, limit: number, sizeOf: (text: string) => number, note: string): string {
  if (sizeOf(markdown) <= limit) return markdown
  const ending = `\n\n${note}\n`
  let budget = limit - sizeOf(ending)
  const kept: string[] = []
  let open: Open = { folds: 0 }
  for (const line of markdown.split('\n')) {
    const size = sizeOf(line) + 1
    const after = openAfter(line, open)
    // Room for the line and for closing what is open after it: else the cut goes before it.
    if (size + sizeOf(closing(after)) > budget) break
    kept.push(line)
    budget -= size
    open = after
  }
  return `${kept.join('\n')}${closing(open)}${ending}`
}
