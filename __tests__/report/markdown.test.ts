/**
 * The Markdown helpers, judged by what a GFM renderer makes of their output: outside
 * text comes out as the characters it holds, and never as markup.
 */
import { describe, expect, it } from '@jest/globals'
import {
  code,
  codeBlock,
  details,
  fitWithin,
  lineBlock,
  list,
  oneLine,
  splitLines,
  table,
  text
} from '../../src/report/markdown.js'
import { renderGfm, visibleText } from '../support/rendered-markdown.js'

/** Text that tries every trick: each must render as its own characters. */
const HOSTILE = [
  'x\r# ✅ Code Ocean run succeeded',
  'x\n## forged\r\n### forged\u2028#### forged\u2029##### forged\u0085###### forged\vx\fy',
  'a`b``c```d',
  '`',
  ' `x` ',
  'a|b\\|c\\\\|d',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[x](http://evil)',
  '![p](http://t/p.png)',
  '[ref]: http://evil',
  'www.evil.example http://evil.example/x mail@evil.example <http://evil.example>',
  '@org/team @someone',
  '#1 owner/repo#2 GH-3',
  '&lt;b&gt; &amp; &#60;',
  '**bold** _em_ ~~strike~~ $x^2$',
  '\\',
  '===',
  '---',
  '- item',
  '1. one',
  '> quoted',
  '    indented code',
  '| a | b |',
  '[!WARNING]',
  'tab\there\u0000nul\u001bescape\u202eevil'
]

const ZWJ = /\u200d/g

/** The HTML's text, tags dropped and entities decoded, joiners removed, trimmed. */
function plain(html: string): string {
  return visibleText(html).replace(ZWJ, '').trim()
}

function tags(html: string): string[] {
  return [...new Set([...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1].toLowerCase()))].sort()
}

describe('splitLines and oneLine', () => {
  it('break at every line-break form, CR LF counting once', () => {
    expect(splitLines('a\r\nb\rc\nd\u2028e\u2029f\u0085g\vh\fi')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'])
  })

  it('put text on one line and replace control and bidi characters', () => {
    expect(oneLine('a\r\nb\rc\td\u0000e\u001bf\u202eg\u0085h')).toBe('a b c d\ufffde\ufffdf\ufffdg h')
  })

  it('replace every bidirectional control, the invisible marks too', () => {
    const bidi = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c'
    expect(oneLine(`a${bidi}b`)).toBe(`a${'\ufffd'.repeat(12)}b`)
    // The joiners the escaping itself adds are not bidi controls, and stay.
    expect(oneLine('a\u200db')).toBe('a\u200db')
  })
})

describe('text', () => {
  it.each(HOSTILE)('renders %j as its own characters, in one paragraph', async (value) => {
    const html = renderGfm(`Run ${text(value)} ended`)
    expect(tags(html)).toEqual(['p'])
    expect(plain(html)).toBe(`Run ${oneLine(value).trim()} ended`)
  })

  it.each(HOSTILE)('renders %j as its own characters at the start of a line too', async (value) => {
    const html = renderGfm(text(value))
    expect(tags(html)).toEqual(['p'])
    expect(plain(html)).toBe(oneLine(value).trim())
  })

  it('leaves no mention or issue reference for GitHub to find', async () => {
    const html = renderGfm(text('@org/team and @someone see #1, owner/repo#2 and GH-3'))
    const shown = html.replace(/<[^>]+>/g, '')
    expect(shown).not.toMatch(/@[A-Za-z0-9]/)
    expect(shown).not.toMatch(/#\d/)
    expect(shown).not.toMatch(/\bGH-\d/i)
    expect(plain(html)).toBe('@org/team and @someone see #1, owner/repo#2 and GH-3')
  })

  it('keeps plain words as they are', () => {
    expect(text('nightly run 42')).toBe('nightly run 42')
  })
})

describe('emoji shortcodes', () => {
  const SHORTCODE = /:(white_check_mark|\+1|x|rocket):/

  it('are broken in text, where GitHub would show them as emoji', async () => {
    const html = renderGfm(text(':white_check_mark: ok :+1: :x::rocket: 17:45:00'))
    const shown = visibleText(html)
    expect(shown).not.toMatch(SHORTCODE)
    expect(shown.replace(ZWJ, '')).toBe(':white_check_mark: ok :+1: :x::rocket: 17:45:00\n')
  })

  it('stay as they are in code spans, where GitHub shows no emoji', () => {
    expect(code(':white_check_mark:')).toBe('`:white_check_mark:`')
  })
})

describe('caps', () => {
  it('show at most 300 characters of one value, and say how many more there were', async () => {
    const long = `${'a'.repeat(400)}\u202e`
    expect(plain(renderGfm(text(long)))).toBe(`${'a'.repeat(300)}… (101 more characters)`)
    expect(code(long)).toBe(`\`${'a'.repeat(300)}… (101 more characters)\``)
    expect(text(long, 10)).toBe('aaaaaaaaaa… (391 more characters\\)')
  })

  it('show at most 20 lines of a message, each of at most 500 characters', () => {
    const lines = lineBlock(Array.from({ length: 100 }, () => 'x'.repeat(2_000)).join('\n')).split('\n')
    expect(lines).toHaveLength(21)
    expect(lines[0]).toBe(`${'x'.repeat(500)}… (1,500 more characters\\)\\`)
    expect(lines[20]).toBe('…and 80 more lines\\.')
  })

  it('show at most 500 characters of one log line', () => {
    expect(codeBlock(['y'.repeat(2_000)]).split('\n')[1]).toBe(`${'y'.repeat(500)}… (1,500 more characters)`)
  })

  it('keep at most 40 characters of indentation, and the text after it', () => {
    const [line] = lineBlock(`${' '.repeat(100_000)}payload`).split('\n')
    expect(line).toBe(`${'\u00a0'.repeat(40)}payload`)
  })

  it('show at most the last 40 lines of a code block, however a line was split', () => {
    const lines = codeBlock([`${'z\u2028'.repeat(1_000)}last`]).split('\n')
    expect(lines).toHaveLength(1 + 1 + 40 + 1)
    expect(lines[1]).toBe('[961 earlier lines cut]')
    expect(lines.at(-2)).toBe('last')
  })
})

describe('fitWithin', () => {
  const size = (part: string): number => part.length

  it('keeps what fits whole', () => {
    expect(fitWithin('a\nb', 3, size, 'cut')).toBe('a\nb')
  })

  it('cuts at the end of a line, with the note, the two within the limit', () => {
    const markdown = [
      '## head',
      '| a | b |',
      '| --- | --- |',
      ...Array.from({ length: 100 }, (_, i) => `| ${i} | x |`)
    ].join('\n')
    const fitted = fitWithin(markdown, 200, size, '*cut*')
    expect(fitted.length).toBeLessThanOrEqual(200)
    expect(fitted.endsWith('\n\n*cut*\n')).toBe(true)
    const kept = fitted.slice(0, -'\n\n*cut*\n'.length)
    expect(markdown.startsWith(kept)).toBe(true)
    expect(markdown[kept.length]).toBe('\n')
  })

  it.each([
    ['a code block', (lines: string[]) => codeBlock(lines)],
    [
      'a fold',
      (lines: string[]) =>
        details('Files', [
          table(
            ['File'],
            lines.map((l) => [code(l)])
          )
        ])
    ],
    ['a code block in a fold', (lines: string[]) => details('Log', [codeBlock(lines)])]
  ])('cut inside %s, closes it, so the note shows after it and outside it', async (_, block) => {
    const markdown = `## head\n\n${block(Array.from({ length: 200 }, (_, i) => `line ${i}`))}\n\nlast words`
    // Every limit that cuts inside the block, the tightest included.
    for (const limit of [120, 121, 122, 123, 150, markdown.length - 20]) {
      const fitted = fitWithin(markdown, limit, size, '*cut*')
      expect(fitted.length).toBeLessThanOrEqual(limit)
      const html = renderGfm(fitted)
      // The note is the page's last paragraph: not in a <pre>, not in a <details>.
      expect(html.trimEnd().endsWith('<p><em>cut</em></p>')).toBe(true)
      expect(html.split('<details>').length).toBe(html.split('</details>').length)
      expect(html).not.toMatch(/<em>cut<\/em>[\s\S]*<\/(details|pre)>/)
    }
  })

  it('measures with the size given: bytes for the summary', () => {
    expect(fitWithin('éé\nabcdef', 10, size, 'n')).toBe('éé\nabcdef')
    expect(fitWithin('éé\nabcdef', 10, (part) => Buffer.byteLength(part), 'n')).toBe('éé\n\nn\n')
  })
})

describe('code', () => {
  it.each(HOSTILE.filter((v) => !v.includes('|')))('holds %j in one code span', async (value) => {
    const html = renderGfm(`File ${code(value)} here`)
    expect(tags(html)).toEqual(['code', 'p'])
    const inside = /<code>([\s\S]*)<\/code>/.exec(html)?.[1] ?? ''
    // Exactly the characters, blanks at either end included: no joiner is needed in code.
    expect(visibleText(inside)).toBe(oneLine(value))
    expect(inside).not.toMatch(ZWJ)
  })

  it('fences with one backtick more than the longest run inside, padded when needed', () => {
    expect(code('plain')).toBe('`plain`')
    expect(code('a`b``c')).toBe('```a`b``c```')
    expect(code('`x')).toBe('`` `x ``')
    expect(code('x ')).toBe('` x  `')
  })

  it('gives text with a pipe as escaped text, which GFM tables do not split', async () => {
    expect(code('a|b')).toBe(text('a|b'))
    const html = renderGfm(table(['File', 'Size'], [[code('a|b\\|c'), '1 B']]))
    expect(html.match(/<td>/g)).toHaveLength(2)
    expect(plain(/<td>([\s\S]*?)<\/td>/.exec(html)?.[1] ?? '')).toBe('a|b\\|c')
  })

  it('says when the text is empty', () => {
    expect(code('')).toBe('(empty)')
  })
})

describe('lineBlock', () => {
  it('shows every line on a line of its own, whatever broke it, and forges no heading, list or quote', async () => {
    const html = renderGfm(lineBlock(`failed\r# ✅ Code Ocean run succeeded\n===\u2028> out\r\n- item\n\nend`))
    expect(tags(html)).toEqual(['br', 'p'])
    expect(html.match(/<br>/g)).toHaveLength(5)
    expect(plain(html.replace(/<br>\n?/g, '\n'))).toBe('failed\n# ✅ Code Ocean run succeeded\n===\n> out\n- item\nend')
  })

  it("keeps an example's indentation, so its YAML keeps its shape", async () => {
    const message = 'Input \'processes\': is not JSON\n  Example: processes: |\n    [{"name": "a"}]'
    const html = renderGfm(lineBlock(message))
    expect(plain(html.replace(/<br>\n?/g, '\n')).split('\n')).toEqual([
      "Input 'processes': is not JSON",
      '\u00a0\u00a0Example: processes: |',
      '\u00a0\u00a0\u00a0\u00a0[{"name": "a"}]'
    ])
  })

  it.each(HOSTILE)('holds %j as text, with nothing but line breaks', async (value) => {
    const html = renderGfm(lineBlock(value))
    expect(tags(html).filter((tag) => tag !== 'br' && tag !== 'p')).toEqual([])
  })
})

describe('codeBlock', () => {
  it('holds every hostile line in one code block, as the characters it holds', async () => {
    const html = renderGfm(`${codeBlock(HOSTILE)}\n\nafter`)
    expect(tags(html)).toEqual(['code', 'p', 'pre'])
    expect(html.match(/<pre>/g)).toHaveLength(1)
    const inside = visibleText(/<code>([\s\S]*)<\/code>/.exec(html)?.[1] ?? '')
    // Every line break form splits a line; unsafe characters show as U+FFFD.
    const expected = HOSTILE.flatMap(splitLines).map((line) =>
      // eslint-disable-next-line no-control-regex -- the control characters are what is checked
      line.replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202e]/g, '\ufffd')
    )
    expect(inside).toBe(`${expected.join('\n')}\n`)
    expect(plain(html.replace(/<pre>[\s\S]*<\/pre>/, ''))).toBe('after')
  })

  it('cannot be closed early by a fence inside it', async () => {
    for (const fence of ['```', '````', '~~~', '    ```', '`````` x']) {
      const html = renderGfm(`${codeBlock(['before', fence, '# forged'])}\n\nafter`)
      expect(html).not.toContain('<h1>')
      expect(html.match(/<pre>/g)).toHaveLength(1)
    }
  })
})

describe('details', () => {
  it("folds Markdown under a summary of the action's own words, escaped as HTML", async () => {
    const html = renderGfm(details('Results (2 files) <b>', [table(['File'], [[code('a.csv')]])]))
    expect(tags(html)).toEqual(['code', 'details', 'summary', 'table', 'tbody', 'td', 'th', 'thead', 'tr'])
    expect(html).toContain('<summary>Results (2 files) &lt;b&gt;</summary>')
  })
})

describe('table and list', () => {
  it('keep one row per row and one cell per cell, whatever the cells hold', async () => {
    const hostile = HOSTILE.map((v) => [text(v), code(v)])
    const html = renderGfm(table(['Text', 'Code'], hostile))
    expect(tags(html)).toEqual(['code', 'table', 'tbody', 'td', 'th', 'thead', 'tr'])
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => row.match(/<t[hd]>/g)?.length)
    expect(rows).toEqual(Array(HOSTILE.length + 1).fill(2))
  })

  it('lists items one per bullet, even cells with line breaks', async () => {
    const html = renderGfm(list([text('a\rb'), code('c\nd')]))
    expect(html.match(/<li>/g)).toHaveLength(2)
  })
})
