/**
 * Renders the action's Markdown (job summary, pull request comment) the way GitHub
 * does, with a GFM renderer, and checks that outside text became no markup: no
 * heading or fold but the action's own, no link but the action's own, no image or
 * HTML, no extra table row or column, no mention or issue reference.
 */
import { expect } from '@jest/globals'
import { marked } from 'marked'

/** The only elements the action's own Markdown makes. */
const OWN_TAGS = [
  'a',
  'br',
  'code',
  'details',
  'h2',
  'h3',
  'li',
  'p',
  'pre',
  'strong',
  'summary',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul'
]

export function renderGfm(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false })
}

/** The text a reader sees, entities decoded, tags dropped. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** What a reader sees, without the zero-width characters that defuse mentions, commands and shortcodes. */
export function seenText(html: string): string {
  return visibleText(html).replace(/[\u200b-\u200d]/g, '')
}

/** The rows of each HTML table, as arrays of cell texts (joiners kept). */
export function tables(html: string): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, body]) =>
    [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, c]) => visibleText(c).trim())
    )
  )
}

/** The folds' titles (`<summary>`), in order. */
export function folds(html: string): string[] {
  return [...html.matchAll(/<summary>([\s\S]*?)<\/summary>/g)].map(([, inner]) => visibleText(inner))
}

/** Where each link leads, in order. */
export function links(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map(([, href]) => visibleText(href))
}

export function headings(html: string): string[] {
  return [...html.matchAll(/<(h[1-6])[^>]*>([\s\S]*?)<\/\1>/g)].map(([, tag, inner]) => `${tag} ${visibleText(inner)}`)
}

/**
 * Asserts the rendered Markdown holds nothing outside text could have made: only
 * the expected headings, folds and links (none unless given), only the action's own
 * elements, tables of the expected sizes, and no mention or reference for GitHub to
 * find outside code.
 */
export function expectInert(
  html: string,
  expected: { headings: string[]; tableRows: number[]; tableColumns?: number[]; folds?: string[]; links?: string[] }
): void {
  expect(headings(html)).toEqual(expected.headings)
  if (expected.folds) expect(folds(html)).toEqual(expected.folds)
  expect(links(html)).toEqual(expected.links ?? [])
  expect(html.match(/<a\s/g)?.length ?? 0).toBe(expected.links?.length ?? 0)
  const elements = new Set([...html.matchAll(/<\/?([a-z][a-z0-9]*)/gi)].map((m) => m[1].toLowerCase()))
  expect([...elements].filter((tag) => !OWN_TAGS.includes(tag))).toEqual([])
  const found = tables(html)
  expect(found.map((rows) => rows.length)).toEqual(expected.tableRows)
  found.forEach((rows, i) => {
    const width = expected.tableColumns?.[i] ?? rows[0].length
    expect(rows.map((row) => row.length)).toEqual(rows.map(() => width))
  })
  const outsideCode = visibleText(html.replace(/<code[^>]*>[\s\S]*?<\/code>/g, ''))
  expect(outsideCode).not.toMatch(/(^|[^\w`])@[A-Za-z0-9]/m)
  expect(outsideCode).not.toMatch(/#\d/)
  expect(outsideCode).not.toMatch(/\bGH-\d/i)
}
