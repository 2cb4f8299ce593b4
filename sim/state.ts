// What the API server shares with its route handlers. The simulator owns one
// SimState for its whole life and empties its maps in place on reset(), so a
// route file may keep the object it was registered with; route files read and
// change the maps but never replace them.

import type { AppPanelStore } from './app-panels.js'
import type { CaptureOutcome, Outcome, Phase, RunProgram, StoredRun } from './computations.js'
import type { StoredDataAsset } from './data-assets.js'
import type { GitLink, Targets } from './targets.js'
import type { RecordedRequest } from './http-util.js'
import type { ResultSpec } from './results.js'
import type { Router } from './router.js'
import type { ObjectStore } from './store.js'

export const API_PREFIX = '/api/v1'

/** The constructor options after defaults and checks; fixed once the simulator exists. */
export interface SimSettings {
  /** Phases of runs whose target has no program with its own. */
  phases: Phase[]
  defaultOutcome: Outcome
  /** Result files of runs without programmed `results`; undefined means the built-in sample tree. */
  defaultResults: ResultSpec[] | undefined
  /** How long (ms, simulator clock) a new data asset stays in 'draft'. */
  dataAssetReadyMs: number
  /** How captured data assets end unless the run's program says otherwise. */
  dataAssetOutcome: CaptureOutcome
  /** Act as a server older than Code Ocean 4.0 (no GET …/results/urls). */
  legacyServer: boolean
  /** Hostile: every results folder lists this many subfolders and files, for ever (see SimulatorOptions). */
  endlessResults: EndlessResults | undefined
  /** Whether the server has Git sync (Code Ocean 4.6+); false answers the sync routes 404. */
  gitSync: boolean
  /** The token's owner is an admin, who may rename and delete runs of a release version. */
  admin: boolean
  /** Capsules and pipelines that exist from the start, reset() or not. */
  capsules: readonly string[]
  pipelines: readonly string[]
}

/** A results tree that never ends: each folder holds `folders` subfolders and `files` one-byte files. */
export interface EndlessResults {
  folders: number
  files: number
}

export interface SimState {
  readonly settings: Readonly<SimSettings>
  /** Every run by id, deleted ones included. Insertion order is creation order, which runs() relies on. */
  readonly runs: Map<string, StoredRun>
  /** What runs of a capsule or pipeline id do, by that id (see CodeOceanSimulator.program). */
  readonly programs: Map<string, RunProgram>
  readonly assets: Map<string, StoredDataAsset>
  /** Capsules and pipelines linked to a Git repository, by id: what their next sync brings (see sim/targets.ts). */
  readonly gitLinks: Map<string, GitLink>
  /** The capsules and pipelines that exist; every other id is answered 404. */
  readonly targets: Targets
  /** What GET /capsules|pipelines/{id}/app_panel answers, as tests stored it. */
  readonly appPanels: AppPanelStore
  /** Signs the result URLs that the results routes hand out. */
  readonly objectStore: ObjectStore
}

/** What a route handler gets besides its path parameters. */
export interface RequestContext {
  request: RecordedRequest
  /**
   * Clock time (ms) the request arrived. Handlers take the time from here, not
   * from the clock, so everything one request does happens at one instant.
   */
  now: number
}

export type SimRouter = Router<RequestContext>
