// Computations (runs), docs/codeocean-api.md §2, §3 and §5:
//   POST   /computations          start a capsule or pipeline run; the same endpoint serves both.
//                                 Answers the Computation object, usually in state 'initializing'.
//   GET    /computations/:id      the Computation now; clients poll this until 'completed' or 'failed'.
//   PATCH  /computations/:id      rename; the new name is the `name` QUERY parameter, not a body. 204.
//   DELETE /computations/:id      stop (if running) and delete the run. 204, no body (§5).
// Runs of a release version are owned by 'release'; renaming or deleting one is
// refused with 403 unless the token's owner is an admin (the `admin` option).
// The capsule or pipeline must exist (else 404, as everywhere); each data asset must exist
// (else 404) and must not have failed (400); a draft is taken. `resume_run_id` must name a
// live run of the same capsule or pipeline (else 400). A run echoes its named parameters
// with their key in `param_name` and the app panel's label in `name` ('' without one).
// Code Ocean has no "stop but keep": here a deleted run is frozen in the state
// it had (tests read it back) and answers 404 from then on, like an unknown id.

import { labelsOf } from '../app-panels.js'
import { computationAt, createRun, isReleaseRun, type StoredRun } from '../computations.js'
import { dataAssetAt } from '../data-assets.js'
import type { Reply } from '../router.js'
import { API_PREFIX, type RequestContext, type SimRouter, type SimState } from '../state.js'
import { validateRunRequest, type RunRequest } from '../validate.js'
import { checkJsonBody, errorReply, liveRun, notFound, targetNotFound, unusedId } from './common.js'

export function registerComputationRoutes(router: SimRouter, state: SimState): void {
  router
    .add('POST', `${API_PREFIX}/computations`, (ctx) => startRun(state, ctx))
    .add('GET', `${API_PREFIX}/computations/:id`, (ctx, p) => getRun(state, ctx, p.id ?? ''))
    .add('PATCH', `${API_PREFIX}/computations/:id`, (ctx, p) => renameRun(state, ctx, p.id ?? ''))
    .add('DELETE', `${API_PREFIX}/computations/:id`, (ctx, p) => deleteRun(state, ctx, p.id ?? ''))
}

/** How a new run of this request will go: its target's program where one was set, the defaults elsewhere. */
function programFor(state: SimState, body: RunRequest): Parameters<typeof createRun>[3] {
  const program = state.programs.get(body.pipeline_id ?? body.capsule_id ?? '')
  const results = program?.results ?? state.settings.defaultResults
  return {
    outcome: program?.outcome ?? state.settings.defaultOutcome,
    phases: program?.phases ?? state.settings.phases,
    ...(results !== undefined ? { results } : {}),
    ...(program?.captureOutcome !== undefined ? { captureOutcome: program.captureOutcome } : {}),
    ...(program?.name !== undefined ? { name: program.name } : {}),
    ...(program?.fields !== undefined ? { fields: program.fields } : {}),
    ...(program?.omitHasResults === true ? { omitHasResults: true } : {})
  }
}

/** A run to resume from must be a run of the same capsule or pipeline that still exists. */
function resumeProblem(state: SimState, body: RunRequest): string | undefined {
  const id = body.resume_run_id
  if (id === undefined) return undefined
  const earlier = liveRun(state, id)
  const target = body.pipeline_id ?? body.capsule_id
  if (earlier === undefined) return `resume_run_id: computation ${id} not found`
  if (earlier.targetId !== target) return `resume_run_id: computation ${id} is not a run of ${target ?? 'this target'}`
  return undefined
}

/** Only admins may rename or delete runs of a release version, owned by 'release' (docs/codeocean-api.md §5). */
function releaseRefusal(state: SimState, run: StoredRun, action: string): Reply | undefined {
  if (!isReleaseRun(run) || state.settings.admin) return undefined
  return errorReply(403, `only admins may ${action} runs of a release version (owner: release)`)
}

/** Why the attached data assets cannot be used: one that does not exist (404) or that failed (400). */
function dataAssetRefusal(state: SimState, body: RunRequest, now: number): Reply | undefined {
  for (const [i, ref] of (body.data_assets ?? []).entries()) {
    const asset = state.assets.get(ref.id)
    if (asset === undefined) return errorReply(404, `data_assets[${i}].id: data asset ${ref.id} not found`)
    const { state: assetState, failure_reason } = dataAssetAt(asset, now)
    if (assetState === 'failed') {
      return errorReply(
        400,
        `data_assets[${i}].id: data asset ${ref.id} failed: ${failure_reason ?? 'no reason given'}`
      )
    }
  }
  return undefined
}

function startRun(state: SimState, { request, now }: RequestContext): Reply {
  const result = checkJsonBody(request, validateRunRequest)
  if (!result.ok) return errorReply(400, result.message)
  const body = result.value
  const kind = body.pipeline_id !== undefined ? 'pipeline' : 'capsule'
  const targetId = body.pipeline_id ?? body.capsule_id ?? ''
  if (!state.targets.has(kind, targetId)) return targetNotFound(kind, targetId)
  const refused = dataAssetRefusal(state, body, now)
  if (refused !== undefined) return refused
  const resume = resumeProblem(state, body)
  if (resume !== undefined) return errorReply(400, resume)
  const id = unusedId(state.runs)
  const labels = labelsOf(state.appPanels.get(kind, targetId, body.version))
  const run = createRun(id, body, now, programFor(state, body), labels)
  state.runs.set(id, run)
  return { status: 200, json: computationAt(run, now) }
}

function getRun(state: SimState, { now }: RequestContext, id: string): Reply {
  const run = liveRun(state, id)
  return run === undefined ? notFound(id) : { status: 200, json: computationAt(run, now) }
}

function renameRun(state: SimState, { request }: RequestContext, id: string): Reply {
  const run = liveRun(state, id)
  if (run === undefined) return notFound(id)
  const refused = releaseRefusal(state, run, 'rename')
  if (refused !== undefined) return refused
  const name = request.query.name
  if (name === undefined || name.trim() === '') {
    return errorReply(400, 'query parameter "name" is required and must not be empty')
  }
  run.name = name
  return { status: 204 }
}

function deleteRun(state: SimState, { now }: RequestContext, id: string): Reply {
  const run = liveRun(state, id)
  if (run === undefined) return notFound(id)
  const refused = releaseRefusal(state, run, 'delete')
  if (refused !== undefined) return refused
  // Freezing the clock for this run is what "stops" it: its record keeps the
  // state it had at this moment, which tests read back via computation().
  run.deletedAt = now
  return { status: 204 }
}
