// What a capsule or pipeline declares to its users, docs/codeocean-api.md §6:
//   GET /capsules/:id/app_panel[?version=N]   the capsule's AppPanel
//   GET /pipelines/:id/app_panel[?version=N]  the pipeline's AppPanel, with `processes`
// Every field of an AppPanel is optional: general, data_assets, categories, parameters,
// results and (pipelines) processes. The SDK types a process's `parameters` as ONE object
// though servers send a list, so tests can store either shape. A target with no stored
// panel answers an empty panel, as a capsule whose app panel nobody filled in would; a
// target stored as 'none' answers 404, as a server without app panels does.

import type { Reply } from '../router.js'
import { API_PREFIX, type RequestContext, type SimRouter } from '../state.js'
import { errorReply } from './common.js'

export type TargetKind = 'capsule' | 'pipeline'

/** App panels by target and version; the key `kind/id` holds the latest, `kind/id@N` release N. */
export class AppPanelStore {
  private readonly panels = new Map<string, unknown>()

  set(kind: TargetKind, id: string, panel: unknown, version?: number): void {
    this.panels.set(key(kind, id, version), structuredClone(panel))
  }

  get(kind: TargetKind, id: string, version?: number): unknown {
    return (
      this.panels.get(key(kind, id, version)) ?? (version === undefined ? undefined : this.panels.get(key(kind, id)))
    )
  }

  clear(): void {
    this.panels.clear()
  }
}

function key(kind: TargetKind, id: string, version?: number): string {
  return version === undefined ? `${kind}/${id}` : `${kind}/${id}@${version}`
}

export function registerAppPanelRoutes(router: SimRouter, panels: AppPanelStore): void {
  router
    .add('GET', `${API_PREFIX}/capsules/:id/app_panel`, (ctx, p) => appPanel(panels, 'capsule', ctx, p.id ?? ''))
    .add('GET', `${API_PREFIX}/pipelines/:id/app_panel`, (ctx, p) => appPanel(panels, 'pipeline', ctx, p.id ?? ''))
}

function appPanel(panels: AppPanelStore, kind: TargetKind, { request }: RequestContext, id: string): Reply {
  const raw = request.query.version
  let version: number | undefined
  if (raw !== undefined) {
    version = Number(raw)
    if (!/^\d+$/.test(raw) || version < 1)
      return errorReply(400, `version must be a positive whole number, got "${raw}"`)
  }
  const panel = panels.get(kind, id, version)
  if (panel === 'none') return errorReply(404, `Not found: GET ${request.path}`)
  return { status: 200, json: panel ?? {} }
}
