// Data assets captured from a run's results (POST /data_assets with a
// computation source), validated and walked from draft to ready or failed on
// the simulator clock. Pure: the current time is always an argument.

import { SIMULATOR_OWNER, SIMULATOR_OWNER_EMAIL, type CaptureOutcome } from './computations.js'
import {
  checkKeys,
  checkObject,
  checkString,
  checkStringList,
  describeValue,
  fail,
  validateWith,
  type Validation
} from './validate.js'

/** The body of POST /data_assets, as far as the simulator takes it (a capture from a computation). */
export interface DataAssetRequest {
  name: string
  mount: string
  tags?: string[]
  description?: string
  source: { computation: { id: string; path?: string } }
  target?: { aws: { bucket: string; prefix?: string; endpoint_name?: string } }
  custom_metadata?: Record<string, string | number>
}

type DataAssetState = 'draft' | 'ready' | 'failed'

/**
 * Where a result came from (the SDK's Provenance): a capture of a computation's results
 * names the computation; `capsule` is for results made elsewhere (a cloud workstation),
 * never both.
 */
interface Provenance {
  computation: string
  /** The data assets the run was given. */
  data_assets?: string[]
}

/** The DataAsset object as the API sends it (the fields a result capture has), keys in the SDK's order. */
export interface DataAsset {
  id: string
  /** Seconds since the epoch. */
  created: number
  name: string
  mount: string
  last_used: number
  /** Required since Code Ocean 4.3. */
  owner: string
  state: DataAssetState
  /** 'result' for a capture of a run's results, 'dataset' for an input asset added with addDataAsset. */
  type: 'result' | 'dataset'
  /** Once ready: how many files, and how many bytes, were captured. */
  files?: number
  size?: number
  description?: string
  owner_email?: string
  tags: string[]
  /** Results only: a dataset has none. */
  provenance?: Provenance
  source_bucket?: { origin: 'aws'; bucket: string; prefix?: string; external: boolean }
  custom_metadata?: Record<string, string | number>
  failure_reason?: string
}

/** Everything the simulator keeps about one data asset. */
export interface StoredDataAsset {
  id: string
  request: DataAssetRequest
  createdAt: number
  readyAt: number
  outcome: CaptureOutcome
  failureReason?: string
  files: number
  size: number
  /** Captures only. */
  provenance?: Provenance
  /** Set for an input asset (addDataAsset); a capture is a 'result'. */
  type?: 'dataset'
  /** Lookups still answered as a draft, whatever the clock says. */
  draftReadsLeft?: number
}

/** An existing data asset to attach to runs, as a test sets it up (CodeOceanSimulator.addDataAsset). */
export interface InputAssetSpec {
  id?: string
  name?: string
  mount?: string
  /** How long (ms, simulator clock) it stays a draft from now (default 0: ready at once). */
  draftMs?: number
  /** It answers the first this many lookups as a draft, whatever the clock says (default 0). */
  draftReads?: number
  /** How it ends after the draft (default 'ready'). */
  outcome?: CaptureOutcome
  /** Code Ocean's reason when it ends 'failed'. */
  failureReason?: string
}

/** The stored form of an input asset made at clock time `now`. */
export function inputAsset(id: string, spec: InputAssetSpec, now: number): StoredDataAsset {
  const name = spec.name ?? `input ${id.slice(0, 8)}`
  const draftMs = spec.draftMs ?? 0
  if (!(Number.isFinite(draftMs) && draftMs >= 0)) throw new RangeError(`draftMs must be >= 0, got ${String(draftMs)}`)
  const asset: StoredDataAsset = {
    id,
    request: {
      name,
      mount: spec.mount ?? name.replace(/\W+/g, '_'),
      tags: ['input'],
      source: { computation: { id: '' } }
    },
    createdAt: now,
    readyAt: now + draftMs,
    outcome: spec.outcome ?? 'ready',
    files: 1,
    size: 1024,
    type: 'dataset',
    draftReadsLeft: spec.draftReads ?? 0
  }
  if (asset.outcome === 'failed')
    asset.failureReason = spec.failureReason ?? 'simulated failure: the data could not be copied'
  return asset
}

/** The internal view handed to tests by `CodeOceanSimulator.dataAssets()`. */
export interface DataAssetRecord {
  id: string
  request: DataAssetRequest
  computationId: string
  /** Clock time (ms) of the POST that created it. */
  createdAt: number
  /** Clock time (ms) from which it is no longer a draft. */
  readyAt: number
  /** How it ends: 'ready', or 'failed' with failureReason. */
  outcome: CaptureOutcome
  failureReason?: string
  /** As a GET would answer now. */
  dataAsset: DataAsset
}

const DATA_ASSET_REQUEST_KEYS: readonly string[] = [
  'name',
  'mount',
  'tags',
  'description',
  'source',
  'target',
  'custom_metadata'
]

function checkDataAssetRequest(body: unknown): DataAssetRequest {
  const obj = checkObject(body, 'request body')
  checkKeys(obj, DATA_ASSET_REQUEST_KEYS, 'request body')
  if (!('source' in obj))
    fail('source is required; the simulator captures results: {"source": {"computation": {"id": …}}}')
  const source = checkObject(obj.source, 'source')
  checkKeys(source, ['computation'], 'source')
  if (!('computation' in source)) fail('source.computation is required')
  const computation = checkObject(source.computation, 'source.computation')
  checkKeys(computation, ['id', 'path'], 'source.computation')

  const request: DataAssetRequest = {
    name: checkString(obj.name, 'name', true),
    mount: checkString(obj.mount, 'mount', true),
    source: { computation: { id: checkString(computation.id, 'source.computation.id', true) } }
  }
  if ('path' in computation) request.source.computation.path = checkString(computation.path, 'source.computation.path')
  // Required (Code Ocean's guide marks `tags*`, the SDK has no default: docs/codeocean-api.md §7), and never empty.
  if (!('tags' in obj)) fail('tags is required: give at least one tag')
  request.tags = checkStringList(obj.tags, 'tags')
  if (request.tags.length === 0) fail('tags must not be empty: give at least one tag')
  if ('description' in obj) request.description = checkString(obj.description, 'description')
  if ('target' in obj) {
    const target = checkObject(obj.target, 'target')
    checkKeys(target, ['aws'], 'target')
    if (!('aws' in target)) fail('target.aws is required when target is given')
    const aws = checkObject(target.aws, 'target.aws')
    checkKeys(aws, ['bucket', 'prefix', 'endpoint_name'], 'target.aws')
    request.target = { aws: { bucket: checkString(aws.bucket, 'target.aws.bucket', true) } }
    if ('prefix' in aws) request.target.aws.prefix = checkString(aws.prefix, 'target.aws.prefix')
    if ('endpoint_name' in aws)
      request.target.aws.endpoint_name = checkString(aws.endpoint_name, 'target.aws.endpoint_name')
  }
  if ('custom_metadata' in obj) {
    const meta = checkObject(obj.custom_metadata, 'custom_metadata')
    const out: Record<string, string | number> = {}
    for (const [key, value] of Object.entries(meta)) {
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
        fail(`custom_metadata.${key} must be a string or a number, got ${describeValue(value)}`)
      }
      out[key] = value
    }
    request.custom_metadata = out
  }
  return request
}

/** Checks a parsed JSON body against the data-asset request schema (the computation itself is checked by the caller). */
export function validateDataAssetRequest(body: unknown): Validation<DataAssetRequest> {
  return validateWith(checkDataAssetRequest, body)
}

/** The DataAsset object for `asset` as of clock time `now` (ms). */
export function dataAssetAt(asset: StoredDataAsset, now: number): DataAsset {
  const req = asset.request
  const state: DataAssetState = now < asset.readyAt ? 'draft' : asset.outcome
  const out: DataAsset = {
    id: asset.id,
    created: Math.floor(asset.createdAt / 1000),
    name: req.name,
    mount: req.mount,
    last_used: 0,
    owner: SIMULATOR_OWNER,
    state,
    type: asset.type ?? 'result',
    ...(state === 'ready' ? { files: asset.files, size: asset.size } : {}),
    ...(req.description !== undefined ? { description: req.description } : {}),
    owner_email: SIMULATOR_OWNER_EMAIL,
    tags: [...(req.tags ?? [])],
    ...(asset.provenance !== undefined ? { provenance: structuredClone(asset.provenance) } : {})
  }
  if (req.target !== undefined) {
    out.source_bucket = { origin: 'aws', bucket: req.target.aws.bucket, external: true }
    if (req.target.aws.prefix !== undefined) out.source_bucket.prefix = req.target.aws.prefix
  }
  if (req.custom_metadata !== undefined) out.custom_metadata = { ...req.custom_metadata }
  if (state === 'failed') out.failure_reason = asset.failureReason ?? 'capture failed'
  return out
}

export function dataAssetRecordOf(asset: StoredDataAsset, now: number): DataAssetRecord {
  const record: DataAssetRecord = {
    id: asset.id,
    request: structuredClone(asset.request),
    computationId: asset.request.source.computation.id,
    createdAt: asset.createdAt,
    readyAt: asset.readyAt,
    outcome: asset.outcome,
    dataAsset: dataAssetAt(asset, now)
  }
  if (asset.failureReason !== undefined) record.failureReason = asset.failureReason
  return record
}
