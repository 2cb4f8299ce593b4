// What a capsule or pipeline declares to its users, docs/codeocean-api.md §6:
//   GET /capsules/:id/app_panel[?version=N]   the capsule's AppPanel
//   GET /pipelines/:id/app_panel[?version=N]  the pipeline's AppPanel, with `processes`
// Every field of an AppPanel is optional: general, data_assets, categories, parameters,
// results and (pipelines) processes. The SDK types a process's `parameters` as ONE object
// though servers send a list, so tests can store either shape. A known target with no
// stored panel answers an empty panel, as a capsule whose app panel nobody filled in
// would; a target stored as 'none' answers 404, as a server without app panels does; an
// unknown target answers 404.

import type { Reply } from '../router.js'
import { API_PREFIX, type RequestContext, type SimRouter, type SimState } from '../state.js'
import type { TargetKind } from '../targets.js'
import { errorReply, targetNotFound } from './common.js'

export function registerAppPanelRoutes(router: SimRouter, state: SimState): void {
  router
    .add('GET', `${API_PREFIX}/capsules/:id/app_panel`, (ctx, p) => appPanel(state, 'capsule', ctx, p.id ?? ''))
    .add('GET', `${API_PREFIX}/pipelines/:id/app_panel`, (ctx, p) => appPanel(state, 'pipeline', ctx, p.id ?? ''))
}

function appPanel(state: SimState, kind: TargetKind, { request }: RequestContext, id: string): Reply {
  if (!state.targets.has(kind, id)) return targetNotFound(kind, id)
  const raw = request.query.version
  let version: number | undefined
  if (raw !== undefined) {
    version = Number(raw)
    if (!/^\d+$/.test(raw) || version < 1)
      return errorReply(400, `version must be a positive whole number, got "${raw}"`)
  }
  const panel = state.appPanels.get(kind, id, version)
  if (panel === 'none') return errorReply(404, `Not found: GET ${request.path}`)
  return { status: 200, json: panel ?? {} }
}
