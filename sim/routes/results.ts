// A run's result files, docs/codeocean-api.md §4:
//   POST /computations/:id/results               list ONE folder of /results: body {"path": ""} for the
//                                                root, else a folder relative to /results. Answers
//                                                {items: [{name, path, type: 'file'|'folder', size?}]};
//                                                `size` only for files, and no recursion: clients call
//                                                again with a folder's `path`.
//   GET  /computations/:id/results/urls?path=    pre-signed {download_url, view_url} for one file
//                                                (Code Ocean 4.0+), fetched WITHOUT the API token.
//   GET  /computations/:id/results/download_url?path=
//                                                the deprecated {url} form, "supported until August 2026".
// The run's logs are result files too (`output`), not an endpoint of their own.
// With the legacyServer option the /urls route is left out, so a pre-4.0
// server answers it like any unknown path: 404.

import { resultsAt } from '../computations.js'
import type { RecordedRequest } from '../http-util.js'
import type { ResultItem, ResultTree } from '../results.js'
import type { Reply } from '../router.js'
import { API_PREFIX, type EndlessResults, type RequestContext, type SimRouter, type SimState } from '../state.js'
import { isPlainObject, type Validation } from '../validate.js'
import { errorReply, folderKey, liveRun, notFound } from './common.js'

type UrlKind = 'current' | 'legacy'

export function registerResultRoutes(router: SimRouter, state: SimState): void {
  router
    .add('POST', `${API_PREFIX}/computations/:id/results`, (ctx, p) => listResults(state, ctx, p.id ?? ''))
    .add('GET', `${API_PREFIX}/computations/:id/results/download_url`, (ctx, p) =>
      resultUrls(state, ctx, p.id ?? '', 'legacy')
    )
  // An older server simply has no such route, so it answers like any unknown path.
  if (!state.settings.legacyServer) {
    router.add('GET', `${API_PREFIX}/computations/:id/results/urls`, (ctx, p) =>
      resultUrls(state, ctx, p.id ?? '', 'current')
    )
  }
}

function refused(message: string): Validation<never> {
  return { ok: false, message }
}

/** The folder a listing asks for, by its listed path ('' for the root, also when there is no body), or why not. */
function requestedFolder(request: RecordedRequest): Validation<string> {
  if (request.rawBody.trim() === '') return { ok: true, value: '' }
  if (!isPlainObject(request.body)) return refused('request body must be a JSON object such as {"path": ""}')
  const unknown = Object.keys(request.body).filter((key) => key !== 'path')
  if (unknown.length > 0) return refused(`request body: unknown field "${unknown[0]}" (allowed: path)`)
  const path = request.body.path
  if (path === undefined) return { ok: true, value: '' }
  if (typeof path !== 'string') return refused('path must be a string (a folder relative to /results; "" for the root)')
  return { ok: true, value: folderKey(path) }
}

function listResults(state: SimState, { request, now }: RequestContext, id: string): Reply {
  const run = liveRun(state, id)
  if (run === undefined) return notFound(id)
  const folder = requestedFolder(request)
  if (!folder.ok) return errorReply(400, folder.message)
  const endless = state.settings.endlessResults
  if (endless !== undefined) return { status: 200, json: { items: endlessItems(folder.value, endless) } }
  const tree = resultsAt(run, now)
  // A run with no results (yet) has an empty /results, not a missing one.
  const items = tree !== undefined ? tree.list(folder.value) : folder.value === '' ? [] : undefined
  if (items === undefined) {
    return errorReply(404, `folder "${folder.value}" not found in the results of computation ${id}`)
  }
  return { status: 200, json: { items } }
}

/** One folder of a tree that never ends (the endlessResults option). */
function endlessItems(folder: string, endless: EndlessResults): ResultItem[] {
  const at = (name: string): string => (folder === '' ? name : `${folder}/${name}`)
  const folders = Array.from({ length: endless.folders }, (_, i): ResultItem => {
    return { name: `d${i}`, path: at(`d${i}`), type: 'folder' }
  })
  const files = Array.from({ length: endless.files }, (_, i): ResultItem => {
    return { name: `f${i}.txt`, path: at(`f${i}.txt`), type: 'file', size: 1 }
  })
  return [...folders, ...files]
}

/** Why `path` gets no URL: a folder is a client mistake (400), anything else simply is not there (404). */
function notAFile(tree: ResultTree | undefined, path: string, id: string): Reply | undefined {
  if (tree?.file(path) !== undefined) return undefined
  if (tree?.isFolder(folderKey(path)) === true) return errorReply(400, `"${path}" is a folder; URLs are for files`)
  return errorReply(404, `file "${path}" not found in the results of computation ${id}`)
}

function resultUrls(state: SimState, { request, now }: RequestContext, id: string, kind: UrlKind): Reply {
  const run = liveRun(state, id)
  if (run === undefined) return notFound(id)
  const path = request.query.path
  if (path === undefined || path === '') {
    return errorReply(400, 'query parameter "path" is required (a file relative to /results)')
  }
  const refusal = notAFile(resultsAt(run, now), path, id)
  if (refusal !== undefined) return refusal
  const { objectStore } = state
  if (kind === 'legacy') return { status: 200, json: { url: objectStore.sign(id, path, 'attachment') } }
  return {
    status: 200,
    json: { download_url: objectStore.sign(id, path, 'attachment'), view_url: objectStore.sign(id, path, 'inline') }
  }
}
