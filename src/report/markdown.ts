/** Markdown building blocks for the job summary and the pull request comment. */

/** Text safe inside a markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** A code span for a table cell; falls back to plain text when it holds a backtick. */
export function code(text: string): string {
  if (text === '') return '(empty)'
  return text.includes('`') ? cell(text) : `\`${cell(text)}\``
}

export function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`)
  ].join('\n')
}
