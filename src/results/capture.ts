import { setTimeout as sleepMs } from 'node:timers/promises'
import type { DataAssetsApi } from '../codeocean/data-assets-api.js'
import type { Computation } from '../codeocean/models/computation.js'
import type { DataAsset, DataAssetParams } from '../codeocean/models/data-asset.js'
import { MIN_POLL_SECONDS } from '../codeocean/rules.js'
import { RequestAbortedError } from '../errors.js'
import { formatDuration } from '../format.js'
import { inline } from '../untrusted.js'

/** How long a capture may take to become ready before the step gives up on it. */
const CAPTURE_TIMEOUT_MS = 60 * 60_000

/**
 * The tag a capture gets when `capture-tags` is empty: Code Ocean requires tags on a
 * new data asset, and every known client sends at least one, never `[]`.
 */
const DEFAULT_CAPTURE_TAG = 'github-actions'

/** A folder name for the data asset's mount, made from its name: `Nightly results` → `Nightly_results`. */
export function mountFor(name: string): string {
  const mount = name
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return mount || 'results'
}

/** The body of POST /data_assets capturing all of a run's results. Pure. */
export function captureParams(run: Computation, name: string, tags: string[], origin: string): DataAssetParams {
  return {
    name,
    mount: mountFor(name),
    tags: tags.length > 0 ? tags : [DEFAULT_CAPTURE_TAG],
    description: `Results of Code Ocean run ${run.name ? `'${run.name}' ` : ''}(${run.id})${origin ? `, captured by ${origin}` : ''}`,
    source: { computation: { id: run.id } }
  }
}

export interface CaptureOptions {
  log: (line: string) => void
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  timeoutMs?: number
  /** Ends the wait at once (a cancel); the data asset, once created, stays in Code Ocean. */
  signal?: AbortSignal
}

/**
 * Creates a data asset from the run's results and waits until Code Ocean reports it
 * `ready` (returned) or `failed` (thrown, with Code Ocean's reason).
 */
export async function captureResults(
  dataAssets: Pick<DataAssetsApi, 'create' | 'get'>,
  params: DataAssetParams,
  options: CaptureOptions
): Promise<DataAsset> {
  const now = options.now ?? Date.now
  const { signal } = options
  const sleep = options.sleep ?? ((ms: number) => sleepMs(ms, undefined, { signal }))
  const begin = now()
  let asset = await dataAssets.create(params, { signal })
  options.log(`Capturing the results as data asset '${params.name}' (${asset.id})`)
  while (asset.state !== 'ready' && asset.state !== 'failed') {
    if (now() - begin > (options.timeoutMs ?? CAPTURE_TIMEOUT_MS)) {
      throw new Error(
        `Data asset '${params.name}' (${asset.id}) was not ready after ${formatDuration(now() - begin)}; it is still ${inline(asset.state || 'in an unknown state')} in Code Ocean.`
      )
    }
    try {
      await sleep(MIN_POLL_SECONDS * 1000)
      signal?.throwIfAborted()
    } catch (error) {
      if (signal?.aborted) throw new RequestAbortedError()
      throw error
    }
    asset = await dataAssets.get(asset.id, { signal })
  }
  if (asset.state === 'failed') {
    throw new Error(
      `Code Ocean could not capture the results as data asset '${params.name}' (${asset.id}): ${inline(asset.failure_reason ?? 'no reason given')}`
    )
  }
  options.log(`Data asset '${params.name}' (${asset.id}) is ready (after ${formatDuration(now() - begin)})`)
  return asset
}
