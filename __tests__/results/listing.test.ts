import { describe, expect, it } from '@jest/globals'
import type { ResultItem } from '../../src/codeocean/models/result-item.js'
import {
  listResultFiles,
  MAX_LISTING_CALLS,
  MAX_LISTING_DEPTH,
  MAX_RESULT_FILES,
  resultFilter,
  safeResultPath
} from '../../src/results/listing.js'

describe('result paths', () => {
  it.each(['a.txt', 'sub/dir/file.csv', 'output', '.hidden/x'])('accepts %s', (path) => {
    expect(safeResultPath(path)).toEqual(path.split('/'))
  })

  it.each([
    ['../escape.txt', '".."'],
    ['a/../../b', '".."'],
    ['/etc/passwd', 'absolute'],
    ['C:/x', 'absolute'],
    ['a\\..\\b', 'backslash'],
    ['a//b', 'empty'],
    ['./a', '"."'],
    ['', 'empty'],
    ['a\0b', 'NUL']
  ])('refuses %j', (path, why) => {
    expect(() => safeResultPath(path)).toThrow(why)
  })
})

describe('results-filter', () => {
  const paths = ['output', 'figures/plot.png', 'data/summary.csv', 'data/nested/deep.csv', 'tmp/cache.bin', '.env']

  it('keeps everything without patterns', () => {
    expect(paths.filter(resultFilter([]))).toEqual(paths)
  })

  it('includes by glob and excludes with !', () => {
    expect(paths.filter(resultFilter(['**/*.csv', 'output', '!data/nested/**']))).toEqual([
      'output',
      'data/summary.csv'
    ])
  })

  it('excludes alone keep the rest, dotfiles included', () => {
    expect(paths.filter(resultFilter(['!tmp/**']))).toEqual([
      'output',
      'figures/plot.png',
      'data/summary.csv',
      'data/nested/deep.csv',
      '.env'
    ])
  })
})

describe('walking the results tree', () => {
  /** A fake lister over a map of folder -> items that counts calls and concurrency. */
  function lister(tree: Record<string, ResultItem[]>) {
    let inFlight = 0
    let maxInFlight = 0
    const calls: string[] = []
    return {
      calls,
      max: () => maxInFlight,
      list: async (_id: string, path: string): Promise<ResultItem[]> => {
        calls.push(path)
        inFlight += 1
        maxInFlight = Math.max(maxInFlight, inFlight)
        await new Promise((r) => setTimeout(r, 5))
        inFlight -= 1
        return tree[path] ?? []
      }
    }
  }
  const file = (path: string, size = 1): ResultItem => ({ name: path.split('/').pop()!, path, type: 'file', size })
  const folder = (path: string): ResultItem => ({ name: path.split('/').pop()!, path, type: 'folder' })

  it('lists each folder once, with bounded concurrency, and sorts the files', async () => {
    const tree: Record<string, ResultItem[]> = {
      '': [file('z'), ...Array.from({ length: 20 }, (_, i) => folder(`f${i}`))]
    }
    for (let i = 0; i < 20; i++) tree[`f${i}`] = [file(`f${i}/a`, i), folder(`f${i}/sub`)]
    for (let i = 0; i < 20; i++) tree[`f${i}/sub`] = [file(`f${i}/sub/b`)]
    const l = lister(tree)
    const files = await listResultFiles(l, 'run', { concurrency: 4 })
    expect(files).toHaveLength(41)
    expect(files[0].path).toBe('f0/a')
    expect(l.calls).toHaveLength(41)
    expect(new Set(l.calls).size).toBe(41)
    expect(l.max()).toBeLessThanOrEqual(4)
    expect(l.max()).toBeGreaterThan(1)
  })

  it('refuses a hostile path anywhere in the tree', async () => {
    const l = lister({ '': [folder('a')], a: [file('a/../../etc/x')] })
    await expect(listResultFiles(l, 'run')).rejects.toThrow('Refused the result path "a/../../etc/x"')
  })

  it('does not loop on a folder listed inside itself', async () => {
    const l = lister({ '': [folder('a')], a: [folder('a'), file('a/x')] })
    expect(await listResultFiles(l, 'run')).toEqual([{ path: 'a/x', size: 1 }])
  })

  /** A lister whose every folder holds `folders` subfolders and `files` files, for ever. */
  function endless(folders: number, files: number) {
    const calls: string[] = []
    return {
      calls,
      list: async (_id: string, path: string): Promise<ResultItem[]> => {
        calls.push(path)
        const at = (name: string): string => (path === '' ? name : `${path}/${name}`)
        return [
          ...Array.from({ length: folders }, (_, i) => folder(at(`d${i}`))),
          ...Array.from({ length: files }, (_, i) => file(at(`f${i}`)))
        ]
      }
    }
  }

  it('stops a tree that keeps branching at the limit on listing calls, saying so', async () => {
    const l = endless(3, 0)
    await expect(listResultFiles(l, 'run', { limits: { calls: 200 } })).rejects.toThrow(
      "Stopped listing the run's results at a limit: it needs more than 200 listing calls (one per folder)"
    )
    expect(l.calls.length).toBeLessThanOrEqual(200)
  })

  it('stops a tree that keeps going deeper at the limit on depth', async () => {
    const l = endless(1, 0)
    await expect(listResultFiles(l, 'run', { limits: { depth: 10 } })).rejects.toThrow(
      'a folder is nested more than 10 folders deep'
    )
    expect(l.calls).toHaveLength(11) // the top and ten folders below it
  })

  it('stops at the limit on files', async () => {
    const l = endless(1, 30)
    await expect(listResultFiles(l, 'run', { limits: { files: 100 } })).rejects.toThrow(
      'there are more than 100 result files'
    )
    expect(l.calls).toHaveLength(4)
  })

  it('has the documented default limits', () => {
    expect([MAX_LISTING_DEPTH, MAX_LISTING_CALLS, MAX_RESULT_FILES]).toEqual([64, 10_000, 100_000])
  })

  it('ends at once on a cancel, with no call begun after it', async () => {
    const controller = new AbortController()
    const calls: string[] = []
    const l = {
      list: async (_id: string, path: string, call?: { signal?: AbortSignal }): Promise<ResultItem[]> => {
        calls.push(path)
        if (calls.length === 5) controller.abort()
        await new Promise((r) => setTimeout(r, 5))
        if (call?.signal?.aborted) throw new Error('aborted')
        return [folder(`${path}x`), folder(`${path}y`)]
      }
    }
    await expect(listResultFiles(l, 'run', { signal: controller.signal })).rejects.toThrow('request aborted')
    expect(calls.length).toBeLessThanOrEqual(8)
  })
})
