import { describe, expect, it } from '@jest/globals'
import { freshStopToken, inline, printUntrusted } from '../src/untrusted.js'
import { LineSplitter, OutputProcessor } from '../harness/workflow-commands.js'

/** Hostile values: every way a value could end a line, start a command, or hide text. */
const HOSTILE = [
  'x\n::save-state name=computation-id::other',
  'x\r::set-output name=approved::true',
  'x\r\n::add-mask::failed',
  'x\u2028::error::forged\u2029::warning::forged\u0085::notice::forged',
  '::error file=src/auth.ts,line=12::forged',
  '   ::stop-commands::x',
  'text ##[error]forged',
  '##[set-output name=approved;]true',
  'bell\u0007 escape\u001b[2J del\u007f csi\u009b'
]

/** What the runner does with `text` written to stdout. */
function asRunner(text: string): OutputProcessor {
  const processor = new OutputProcessor({
    debug: true,
    workspace: '/w',
    repository: 'o/r',
    allowUnsecureCommands: false
  })
  const splitter = new LineSplitter()
  for (const line of [...splitter.push(text), ...splitter.flush()]) processor.processLine(line)
  return processor
}

const nothingProcessed = (p: OutputProcessor): void => {
  expect(p.annotations).toEqual([])
  expect(p.masks).toEqual([])
  expect(p.commandOutputs).toEqual({})
  expect(p.commandState).toEqual({})
}

describe('inline', () => {
  it.each(HOSTILE)('keeps %j to one line the runner acts on nowhere', (value) => {
    for (const line of [value, `Run is ${value}`, `${value} (after 5s)`]) {
      const out = inline(line)
      expect(out).not.toMatch(/[\r\n\u0085\u2028\u2029]/)
      // eslint-disable-next-line no-control-regex
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
      expect(out).not.toContain('##[')
      nothingProcessed(asRunner(`${out}\n`))
    }
  })

  it('shows line breaks and control characters instead of dropping them', () => {
    expect(inline('a\nb\r\nc\rd\u2028e')).toBe('a⏎b⏎c⏎d⏎e')
    expect(inline('a\u001b[1mb')).toBe('a\uFFFD[1mb')
    expect(inline('tab\tkept')).toBe('tab\tkept')
  })

  it('shows bidirectional controls instead of letting them reorder the line', () => {
    expect(inline('a\u202eb\u2066c\u2069d\u200ee\u200ff\u061cg')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg')
  })

  it('leaves ordinary text alone', () => {
    for (const text of ['nightly run #12', 'Code Ocean: 9af23fd6 (ok)', 'a::b', 'data/x.csv', 'Ünïcödé ✓']) {
      expect(inline(text)).toBe(text)
    }
  })
})

describe('printUntrusted', () => {
  const print = (lines: Iterable<string>): string[] => {
    const out: string[] = []
    printUntrusted(lines, (line) => out.push(line))
    return out
  }

  it('prints the lines between ::stop-commands::TOKEN and ::TOKEN::, and the runner acts on none', () => {
    const out = print(HOSTILE)
    const token = /^::stop-commands::(.+)$/.exec(out[0])?.[1]
    expect(token).toMatch(/^codeocean-[0-9a-f]{32}$/)
    expect(out.at(-1)).toBe(`::${token}::`)
    const runner = asRunner([...out, '::error::the action, after the block'].join('\n') + '\n')
    expect(runner.annotations).toEqual([{ level: 'error', message: 'the action, after the block', props: {} }])
    expect(runner.masks).toEqual([])
    expect(runner.commandOutputs).toEqual({})
    expect(runner.commandState).toEqual({})
    expect(runner.log).toContain('::error file=src/auth.ts,line=12::forged')
  })

  it('takes a fresh token every time', () => {
    expect(new Set(Array.from({ length: 50 }, () => freshStopToken())).size).toBe(50)
    expect(print(['a'])[0]).not.toBe(print(['a'])[0])
  })

  it('closes the block when the lines run out early', () => {
    function* failing(): Generator<string> {
      yield 'first'
      throw new Error('gone')
    }
    const out: string[] = []
    expect(() => printUntrusted(failing(), (line) => out.push(line))).toThrow('gone')
    const token = out[0].replace('::stop-commands::', '')
    expect(out).toEqual([`::stop-commands::${token}`, 'first', `::${token}::`])
  })
})
