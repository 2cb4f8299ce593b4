// The simulator's constructor options: what each one means, its default, and
// the checks that make a bad value fail at construction rather than mid-test.
// Re-exported by simulator.ts, which is where tests and scripts import them.

import { CAPTURE_OUTCOMES, checkProgram, copyResults, DEFAULT_PHASES } from './computations.js'
import type { CaptureOutcome, Outcome, Phase } from './computations.js'
import { checkResults, type ResultSpec } from './results.js'
import type { TlsIdentity } from './http-util.js'
import type { EndlessResults, SimSettings } from './state.js'
import type { StoreServing } from './store.js'

export const DEFAULT_TOKEN = 'cop_simulator_token_0123456789'
const DEFAULT_SIGNED_URL_TTL_MS = 300_000
const DEFAULT_DATA_ASSET_READY_MS = 300

export interface SimulatorOptions {
  token?: string
  port?: number
  host?: string
  phases?: readonly Phase[]
  defaultOutcome?: Outcome
  /** Clock in ms; inject one to move runs through their phases without waiting. */
  now?: () => number
  /** Called with one line per request. */
  log?: (line: string) => void
  /**
   * Result files of runs without programmed `results`. Left out: a small
   * realistic tree (output, figures/plot.png, data/summary.csv,
   * data/nested/deep.txt, empty.txt) whose `output` log ends in 'Done.' or 'Error: …'.
   */
  defaultResults?: ResultSpec[]
  /** Act as a server older than Code Ocean 4.0: GET …/results/urls answers 404, only …/results/download_url works. */
  legacyServer?: boolean
  /** How long a signed URL stays valid, on the simulator clock (default 300000). */
  signedUrlTtlMs?: number
  /** Real-time wait (ms) before the object store sends the headers of each file (default 0). */
  firstByteDelayMs?: number
  /** How long (ms, simulator clock) a new data asset stays in 'draft' (default 300). */
  dataAssetReadyMs?: number
  /** How captured data assets end unless a program says otherwise (default 'ready'). */
  dataAssetOutcome?: CaptureOutcome
  /** Serve the API and the object store over https with this key and certificate (PEM); their URLs then start with https://. */
  tls?: TlsIdentity
  /** The object store's own key and certificate, when it should differ from `tls` (default: `tls`). */
  storeTls?: TlsIdentity
  /**
   * Hostile: every results listing, of any run and any folder, answers `folders`
   * subfolders (`d0`, `d1`, …) and `files` one-byte files (`f0.txt`, …), so the tree
   * keeps branching (or, with one folder, keeps going deeper) for ever.
   */
  endlessResults?: EndlessResults
  /** Hostile or proxied store: bodies are sent chunked, without Content-Length. */
  storeChunked?: boolean
  /** The object store ignores `Range` headers and always sends whole files (200), as some stores do. */
  storeIgnoresRange?: boolean
  /** Real-time throttle of the object store: at most this many bytes per second per file (default: no limit). */
  storeBytesPerSecond?: number
  /** Act as a server older than Code Ocean 4.6: the Git sync routes answer 404 (default true: it has them). */
  gitSync?: boolean
  /** The token's owner is an admin and may rename and delete runs of a release version (default false: 403). */
  admin?: boolean
  /**
   * Capsules and pipelines that exist from the start (and after reset()). Every other id
   * is answered 404, as a real server answers one it does not have, until a test makes it
   * known: addCapsule/addPipeline, or by configuring it (program, addRun, linkGit,
   * setAppPanel).
   */
  capsules?: readonly string[]
  pipelines?: readonly string[]
}

function nonNegative(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${String(value)}`)
  }
  return value
}

/** The options the route handlers read, with defaults filled in; throws on an invalid one. */
export function settingsFrom(options: SimulatorOptions): SimSettings {
  const phases = (options.phases ?? DEFAULT_PHASES).map((p) => ({ ...p }))
  const defaultOutcome = options.defaultOutcome ?? 'succeeded'
  checkProgram({ outcome: defaultOutcome, phases })
  let defaultResults: ResultSpec[] | undefined
  if (options.defaultResults !== undefined) {
    checkResults(options.defaultResults, 'defaultResults')
    defaultResults = copyResults(options.defaultResults)
  }
  const dataAssetReadyMs = nonNegative(options.dataAssetReadyMs, 'dataAssetReadyMs', DEFAULT_DATA_ASSET_READY_MS)
  const dataAssetOutcome = options.dataAssetOutcome ?? 'ready'
  if (!(CAPTURE_OUTCOMES as readonly string[]).includes(dataAssetOutcome)) {
    throw new TypeError(
      `dataAssetOutcome must be one of ${CAPTURE_OUTCOMES.join(', ')}, got ${JSON.stringify(dataAssetOutcome)}`
    )
  }
  return {
    phases,
    defaultOutcome,
    defaultResults,
    dataAssetReadyMs,
    dataAssetOutcome,
    legacyServer: options.legacyServer === true,
    endlessResults: endlessFrom(options.endlessResults),
    gitSync: options.gitSync !== false,
    admin: options.admin === true,
    capsules: targetIds(options.capsules, 'capsules'),
    pipelines: targetIds(options.pipelines, 'pipelines')
  }
}

function targetIds(ids: readonly string[] | undefined, name: string): string[] {
  if (ids === undefined) return []
  const list: unknown = ids
  if (!Array.isArray(list) || !list.every((id): id is string => typeof id === 'string' && id !== '')) {
    throw new TypeError(`${name} must be a list of non-empty ids, got ${JSON.stringify(ids)}`)
  }
  return [...list]
}

function endlessFrom(endless: EndlessResults | undefined): EndlessResults | undefined {
  if (endless === undefined) return undefined
  const folders = nonNegative(endless.folders, 'endlessResults.folders', 0)
  const files = nonNegative(endless.files, 'endlessResults.files', 0)
  if (!Number.isSafeInteger(folders) || !Number.isSafeInteger(files)) {
    throw new RangeError('endlessResults: folders and files must be whole numbers')
  }
  return { folders, files }
}

/** The object store's timing and serving options, with defaults filled in; throws on an invalid one. */
export function storeTimingFrom(options: SimulatorOptions): StoreServing {
  return {
    ttlMs: nonNegative(options.signedUrlTtlMs, 'signedUrlTtlMs', DEFAULT_SIGNED_URL_TTL_MS),
    firstByteDelayMs: nonNegative(options.firstByteDelayMs, 'firstByteDelayMs', 0),
    chunked: options.storeChunked === true,
    ignoresRange: options.storeIgnoresRange === true,
    bytesPerSecond: nonNegative(options.storeBytesPerSecond, 'storeBytesPerSecond', 0)
  }
}
