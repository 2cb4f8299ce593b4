import { describe, expect, it } from '@jest/globals'
import { readComputation } from '../../src/codeocean/models/computation.js'
import { readDataAsset } from '../../src/codeocean/models/data-asset.js'
import { checkId, idProblem, idSegment } from '../../src/codeocean/models/id.js'

describe('ids from Code Ocean', () => {
  it.each(['', '.', '..', 'a/b', '../x', 'a\\b', 'a?b', 'a#b', 'a\nb', 'a\rb', 'a\u0000b', 'a\u2028b'])(
    'refuses %j',
    (id) => {
      expect(idProblem(id)).toBeDefined()
      expect(() => idSegment(id, 'run')).toThrow(/Code Ocean answered with a run id that is not an id/)
    }
  )

  it('accepts the ids Code Ocean uses, and encodes what is left', () => {
    expect(checkId('9af23fd6-1f7c-4d8a-a4a7-3a3f8c0e9d21', 'run')).toBe('9af23fd6-1f7c-4d8a-a4a7-3a3f8c0e9d21')
    expect(idSegment('c1', 'run')).toBe('c1')
    expect(idSegment('a b%', 'run')).toBe('a%20b%25')
  })

  it('refuses a computation or data asset whose id is not an id', () => {
    expect(() => readComputation({ id: '..', state: 'running' })).toThrow(
      'Code Ocean answered with a run id that is not an id ("..": it is "..")'
    )
    expect(() => readDataAsset({ id: 'a/b', state: 'draft' })).toThrow('data asset id that is not an id')
  })

  it('keeps the id asked about over the one a body carries', () => {
    expect(readComputation({ id: '..', state: 'running' }, 'c1').id).toBe('c1')
    expect(readDataAsset({ id: '..', state: 'ready' }, 'd1').id).toBe('d1')
  })
})
