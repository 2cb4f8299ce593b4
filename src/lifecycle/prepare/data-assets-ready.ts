import { setTimeout as sleepMs } from 'node:timers/promises'
import pLimit from 'p-limit'
import { serverMessage } from '../../codeocean/api-error-messages.js'
import { CodeOceanApiError } from '../../codeocean/errors.js'
import type { DataAsset } from '../../codeocean/models/data-asset.js'
import { errorMessage, RequestAbortedError } from '../../errors.js'
import { formatDuration } from '../../format.js'
import type { PollInterval } from '../../inputs/values.js'
import { DataAssetNotUsableError } from '../errors.js'
import { nextPollDelayMs } from '../polling/wait.js'

/** Reads one data asset (the Code Ocean client's `dataAssets` does). */
export interface DataAssetSource {
  get(id: string, call?: { signal?: AbortSignal }): Promise<DataAsset>
}

export interface ReadyOptions {
  interval: PollInterval
  /** 0: no limit. */
  timeoutMinutes: number
  log: (line: string) => void
  signal: AbortSignal
  now?: () => number
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

/** Asset look-ups in flight at once. */
const CONCURRENCY = 8

function label(asset: DataAsset): string {
  return asset.name ? `'${asset.name}' (${asset.id})` : asset.id
}

function lookupFailure(error: unknown, id: string): Error {
  if (error instanceof RequestAbortedError) return error
  if (error instanceof CodeOceanApiError && error.status === 404) {
    return new DataAssetNotUsableError(
      `There is no data asset ${id} (or the token cannot see it): check the id in 'data-assets' and that the ` +
        `asset is shared with the token's owner. Code Ocean answered HTTP 404: ${serverMessage(error.body)}`
    )
  }
  if (error instanceof CodeOceanApiError && error.status === 403) {
    return new DataAssetNotUsableError(
      `The token may not read data asset ${id}: it needs the Data Asset Read scope (Account > Access Tokens). ` +
        `Code Ocean answered HTTP 403: ${serverMessage(error.body)}`
    )
  }
  return new DataAssetNotUsableError(`Could not look up data asset ${id}: ${errorMessage(error)}`)
}

/**
 * Waits until one attached data asset is `ready`: a `draft` (being made, say by an
 * earlier step's capture) is polled as a run is, within the wait-timeout; a `failed`
 * one stops the step with Code Ocean's reason.
 */
async function untilReady(source: DataAssetSource, id: string, options: ReadyOptions): Promise<void> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? ((ms, signal) => sleepMs(ms, undefined, { signal }))
  const begin = now()
  let told = false
  for (;;) {
    // Cancelled, or another asset already stopped the run: no more look-ups.
    if (options.signal.aborted) throw new RequestAbortedError()
    let asset: DataAsset
    try {
      asset = await source.get(id, { signal: options.signal })
    } catch (error) {
      throw lookupFailure(error, id)
    }
    if (asset.state === 'ready') {
      if (told) options.log(`Data asset ${label(asset)} is ready (after ${formatDuration(now() - begin)})`)
      return
    }
    if (asset.state === 'failed') {
      throw new DataAssetNotUsableError(
        `Data asset ${label(asset)} failed in Code Ocean: ${asset.failure_reason ?? 'no reason given'}`
      )
    }
    const waited = now() - begin
    const limitMs = options.timeoutMinutes * 60_000
    if (limitMs > 0 && waited >= limitMs) {
      throw new DataAssetNotUsableError(
        `Data asset ${label(asset)} was still ${asset.state || 'not ready'} after ${formatDuration(waited)} (wait-timeout: ${options.timeoutMinutes} min)`
      )
    }
    if (!told) {
      options.log(
        `Data asset ${label(asset)} is ${asset.state || 'not ready'} (still being made); waiting until it is ready`
      )
      told = true
    }
    try {
      await sleep(nextPollDelayMs(options.interval, waited), options.signal)
    } catch {
      throw new RequestAbortedError()
    }
  }
}

/**
 * Checks every attached data asset at once (a few at a time) before the run starts.
 * The first asset that cannot be used stops the others' waiting; the error names
 * every asset found unusable.
 */
export async function ensureDataAssetsReady(
  source: DataAssetSource,
  ids: readonly string[],
  options: ReadyOptions
): Promise<void> {
  const stopOthers = new AbortController()
  const signal = AbortSignal.any([options.signal, stopOthers.signal])
  const limit = pLimit(CONCURRENCY)
  const outcomes = await Promise.allSettled(
    ids.map((id) =>
      limit(() =>
        untilReady(source, id, { ...options, signal }).catch((error: unknown) => {
          if (!(error instanceof RequestAbortedError)) stopOthers.abort()
          throw error
        })
      )
    )
  )
  const problems = outcomes.flatMap((o) =>
    o.status === 'rejected' && o.reason instanceof DataAssetNotUsableError ? [o.reason] : []
  )
  if (problems.length > 0) {
    throw new Error(
      `${problems.map((p) => p.message).join('\n')}\nThe run was not started: it needs every attached data asset ready.`
    )
  }
  const other = outcomes.find((o) => o.status === 'rejected')
  if (other?.status === 'rejected') throw other.reason
}
