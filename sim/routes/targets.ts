// Capsules and pipelines (Git sync, runs of a capsule or pipeline), docs/codeocean-api.md §6:
//   GET  /capsules/:id                 the Capsule: id, created, name, status, owner, slug, …
//   GET  /pipelines/:id                (a pipeline is answered as the same model).
//   POST /capsules/:id/sync            sync with the linked Git repository (Code Ocean 4.6+), no body.
//   POST /pipelines/:id/sync           Answers GitSyncResults {pushed, pulled, new_branch}, zero and
//                                      false fields left out ({} means 0, 0, false). A target not
//                                      linked to Git gets 400 with a message. With the gitSync option
//                                      off (a server before 4.6) these routes do not exist: 404.
//   GET  /capsules/:id/computations    every live run of the capsule, as an array of Computation,
//   GET  /pipelines/:id/computations   in creation order; no pagination.
// Each answers 404 for a capsule or pipeline the simulator does not know (sim/targets.ts).

import { computationAt } from '../computations.js'
import type { Reply } from '../router.js'
import { API_PREFIX, type RequestContext, type SimRouter, type SimState } from '../state.js'
import { syncAnswer, type TargetKind } from '../targets.js'
import { errorReply, targetNotFound } from './common.js'

export function registerTargetRoutes(router: SimRouter, state: SimState): void {
  for (const kind of ['capsule', 'pipeline'] as const) {
    const base = `${API_PREFIX}/${kind}s/:id`
    router.add('GET', base, (_ctx, p) => describe(state, kind, p.id ?? ''))
    router.add('GET', `${base}/computations`, (ctx, p) => listRuns(state, ctx, kind, p.id ?? ''))
    // An older server simply has no such route, so it answers like any unknown path.
    if (state.settings.gitSync) router.add('POST', `${base}/sync`, (_ctx, p) => sync(state, kind, p.id ?? ''))
  }
}

function describe(state: SimState, kind: TargetKind, id: string): Reply {
  const capsule = state.targets.describe(kind, id, state.gitLinks.has(id))
  return capsule === undefined ? targetNotFound(kind, id) : { status: 200, json: capsule }
}

function sync(state: SimState, kind: TargetKind, id: string): Reply {
  if (!state.targets.has(kind, id)) return targetNotFound(kind, id)
  const link = state.gitLinks.get(id)
  if (link === undefined) return errorReply(400, `${kind} ${id} is not linked to a git repository`)
  const answer = syncAnswer(link)
  // The sync brings the two sides in step: the next one has nothing to move.
  state.gitLinks.set(id, {})
  return { status: 200, json: answer }
}

function listRuns(state: SimState, { now }: RequestContext, kind: TargetKind, id: string): Reply {
  if (!state.targets.has(kind, id)) return targetNotFound(kind, id)
  const runs = [...state.runs.values()].filter(
    (run) => run.kind === kind && run.targetId === id && run.deletedAt === undefined
  )
  return { status: 200, json: runs.map((run) => computationAt(run, now)) }
}
