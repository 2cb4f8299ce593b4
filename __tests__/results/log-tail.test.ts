import { describe, expect, it } from '@jest/globals'
import { explainingLines, lastMeaningfulLine, LineTail, MAX_LOG_LINE_CHARS } from '../../src/results/log-tail.js'

describe('console log tail', () => {
  it('keeps the last lines of text arriving in odd chunks, without colour codes', () => {
    const tail = new LineTail(3)
    for (const chunk of ['one\ntw', 'o\r\nthree\n\x1b[31mfo', 'ur\x1b[0m\nfive']) tail.push(chunk)
    expect(tail.end()).toEqual(['three', 'four', 'five'])
  })

  it('picks the last error-like line, else the last line with words', () => {
    expect(
      lastMeaningfulLine(['start', 'Traceback (most recent call last):', 'ValueError: bad input', '', '-----'])
    ).toBe('ValueError: bad input')
    expect(lastMeaningfulLine(['step 1', 'step 2 done', '', '====='])).toBe('step 2 done')
    expect(lastMeaningfulLine(['', '--'])).toBeUndefined()
  })

  it('ends a line at a lone \\r too, as progress bars draw them, even split across chunks', () => {
    const tail = new LineTail(4)
    for (const chunk of ['10%\r20%\r', '\n30%\r', '40%\r\n', 'done\n']) tail.push(chunk)
    expect(tail.end()).toEqual(['20%', '30%', '40%', 'done'])
  })

  it('keeps at most 1,000 characters of a line, marking the cut', () => {
    const tail = new LineTail(3)
    tail.push('x'.repeat(600))
    tail.push(`${'y'.repeat(1_500)}\nshort`)
    const [long, short] = tail.end()
    expect(long).toBe(`${'x'.repeat(600)}${'y'.repeat(400)} … [1100 more characters cut]`)
    expect(short).toBe('short')
    expect(MAX_LOG_LINE_CHARS).toBe(1_000)
  })
})

describe('the lines that explain a failure', () => {
  const steps = Array.from({ length: 80 }, (_, i) => `step ${i} done`)

  it('are a Python traceback whole, from its first line to the error', () => {
    const traceback = [
      'Traceback (most recent call last):',
      '  File "/code/run.py", line 12, in <module>',
      '    main()',
      '  File "/code/run.py", line 9, in main',
      '    raise ValueError("simulated failure in analysis")',
      'ValueError: simulated failure in analysis'
    ]
    expect(explainingLines([...steps, ...traceback, '', ''])).toEqual(traceback)
  })

  it('are the error line with a few lines of what came before, when nothing before it reads like an error', () => {
    expect(explainingLines([...steps, 'Error: step 80 failed', 'cleanup'])).toEqual([
      'step 76 done',
      'step 77 done',
      'step 78 done',
      'step 79 done',
      'Error: step 80 failed',
      'cleanup'
    ])
  })

  it('are at most max lines, the telling one among them', () => {
    const errors = Array.from({ length: 40 }, (_, i) => `Error ${i}`)
    const lines = explainingLines([...steps, ...errors], 15)
    expect(lines).toHaveLength(15)
    expect(lines.at(-1)).toBe('Error 39')
  })

  it('are the last words of a log with no error in it, and nothing of an empty one', () => {
    expect(explainingLines([...steps, '-----'])).toEqual(steps.slice(-5).concat('-----'))
    expect(explainingLines(['', '  '])).toEqual([])
  })

  it('always hold the line lastMeaningfulLine picks', () => {
    const logs = [
      [...steps, 'Error: step 80 failed', 'cleanup'],
      [...steps, '  Traceback (most recent call last):  ', '-----', '   '],
      ['x', 'Failed', 'ok', '--'],
      [...steps, '-----']
    ]
    for (const log of logs) {
      const telling = lastMeaningfulLine(log)
      expect(explainingLines(log).map((line) => line.trim())).toContain(telling)
    }
  })
})
