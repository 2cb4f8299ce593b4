import { preview } from '../preview.js'
import { checkId } from './id.js'

/** The body of POST /data_assets for a capture of a run's results. */
export interface DataAssetParams {
  name: string
  mount: string
  tags: string[]
  description?: string
  source: { computation: { id: string } }
}

/** The fields of a data asset the action uses. */
export interface DataAsset {
  id: string
  name?: string
  state: string
  failure_reason?: string
}

/**
 * Reads a data asset from an answer, keeping only what the action uses. `knownId`, the
 * id of the asset asked about, wins over whatever id the body carries.
 */
export function readDataAsset(body: unknown, knownId?: string): DataAsset {
  const sent = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const raw = knownId === undefined ? sent : { ...sent, id: knownId }
  if (typeof raw.id !== 'string' || raw.id === '') {
    throw new Error(`Code Ocean answered without a data asset id: ${preview(body, 200)}`)
  }
  return {
    id: checkId(raw.id, 'data asset'),
    name: typeof raw.name === 'string' ? raw.name : undefined,
    state: typeof raw.state === 'string' ? raw.state.toLowerCase() : '',
    failure_reason: typeof raw.failure_reason === 'string' ? raw.failure_reason : undefined
  }
}
