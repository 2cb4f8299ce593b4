// Data assets captured from a run's results, docs/codeocean-api.md §7 and §9:
//   POST /data_assets      {name, mount, tags[], description?, source: {computation: {id, path?}},
//                          target?, custom_metadata?}. `tags` is required (the guide marks it, the SDK has
//                          no default). `path` limits the capture to one results folder; left out,
//                          all results are captured. The answer only confirms the request is valid:
//                          the DataAsset comes back in state 'draft'.
//   GET  /data_assets/:id  the DataAsset now: 'draft' while being created, then 'ready', or 'failed'
//                          with `failure_reason`. Clients (the SDK's wait_until_ready) poll this.
//                          Existing assets to attach to runs are added with addDataAsset.
// How long the draft lasts and how it ends come from the simulator's options
// and the run's program; a capture with no files to copy always fails.

import { computationAt, resultsAt, type CaptureOutcome, type StoredRun } from '../computations.js'
import { dataAssetAt, validateDataAssetRequest, type DataAssetRequest, type StoredDataAsset } from '../data-assets.js'
import { resultSize, type ResultSpec } from '../results.js'
import type { Reply } from '../router.js'
import { API_PREFIX, type RequestContext, type SimRouter, type SimState } from '../state.js'
import type { Validation } from '../validate.js'
import { checkJsonBody, errorReply, folderKey, liveRun, unusedId } from './common.js'

/** What a capture copies: the files under `folder` (a listed path, '' for all) of a finished run. */
interface CaptureSource {
  run: StoredRun
  folder: string
  files: ResultSpec[]
}

export function registerDataAssetRoutes(router: SimRouter, state: SimState): void {
  router
    .add('POST', `${API_PREFIX}/data_assets`, (ctx) => createDataAsset(state, ctx))
    .add('GET', `${API_PREFIX}/data_assets/:id`, (ctx, p) => getDataAsset(state, ctx, p.id ?? ''))
}

/** The run and files a capture request names, or why it cannot be captured (each a 400: the request is at fault). */
function captureSource(state: SimState, params: DataAssetRequest, now: number): Validation<CaptureSource> {
  const { id: computationId, path } = params.source.computation
  const run = liveRun(state, computationId)
  if (run === undefined) return { ok: false, message: `source.computation.id: computation ${computationId} not found` }
  const computation = computationAt(run, now)
  if (computation.state !== 'completed' && computation.state !== 'failed') {
    return {
      ok: false,
      message: `source.computation.id: computation ${computationId} has not finished (state ${computation.state}); capture its results after it ends`
    }
  }
  const tree = resultsAt(run, now)
  const folder = folderKey(path ?? '')
  if (folder !== '' && tree?.isFolder(folder) !== true) {
    return {
      ok: false,
      message: `source.computation.path: no folder "${path}" in the results of computation ${computationId}`
    }
  }
  return { ok: true, value: { run, folder, files: tree?.filesUnder(folder) ?? [] } }
}

/** The new asset, with the outcome it will reach once its draft time is over. */
function newAsset(state: SimState, params: DataAssetRequest, source: CaptureSource, now: number): StoredDataAsset {
  const { run, folder, files } = source
  const outcome: CaptureOutcome =
    files.length === 0 ? 'failed' : (run.captureOutcome ?? state.settings.dataAssetOutcome)
  const asset: StoredDataAsset = {
    id: unusedId(state.assets),
    request: params,
    createdAt: now,
    readyAt: now + state.settings.dataAssetReadyMs,
    outcome,
    files: files.length,
    size: files.reduce((sum, spec) => sum + resultSize(spec), 0),
    // A capture names the computation; the capsule is left to the run it names (the SDK:
    // "only 'capsule' or 'computation' field will be populated depending on source").
    provenance: {
      computation: run.id,
      ...(run.request.data_assets !== undefined ? { data_assets: run.request.data_assets.map((a) => a.id) } : {})
    }
  }
  if (outcome === 'failed') {
    asset.failureReason =
      files.length === 0
        ? `computation ${run.id} has no result files to capture${folder === '' ? '' : ` under "${folder}"`}`
        : 'simulated capture failure: copying results to the data asset failed'
  }
  return asset
}

function createDataAsset(state: SimState, { request, now }: RequestContext): Reply {
  const body = checkJsonBody(request, validateDataAssetRequest)
  if (!body.ok) return errorReply(400, body.message)
  const source = captureSource(state, body.value, now)
  if (!source.ok) return errorReply(400, source.message)
  const asset = newAsset(state, body.value, source.value, now)
  state.assets.set(asset.id, asset)
  return { status: 200, json: dataAssetAt(asset, now) }
}

function getDataAsset(state: SimState, { now }: RequestContext, id: string): Reply {
  const asset = state.assets.get(id)
  if (asset === undefined) return errorReply(404, `data asset ${id} not found`)
  if ((asset.draftReadsLeft ?? 0) > 0) {
    // Programmed to be read as a draft this many times: answered as it was just before its draft ended.
    asset.draftReadsLeft = (asset.draftReadsLeft ?? 0) - 1
    return { status: 200, json: dataAssetAt(asset, Math.min(now, asset.readyAt - 1)) }
  }
  return { status: 200, json: dataAssetAt(asset, now) }
}
