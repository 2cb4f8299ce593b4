// Helpers every route file needs: the error body Code Ocean sends, the checks
// a JSON POST goes through first, and the lookups that turn an id into a run.
//
// Code Ocean answers errors as JSON with a `message` string (docs/codeocean-api.md §8), so
// every refusal here is built by errorReply.

import { randomUUID } from 'node:crypto'
import type { StoredRun } from '../computations.js'
import type { RecordedRequest } from '../http-util.js'
import type { Reply } from '../router.js'
import type { SimState } from '../state.js'
import type { TargetKind } from '../targets.js'
import { isJsonContentType, type Validation } from '../validate.js'

export function errorReply(status: number, message: string): Reply {
  return { status, json: { message } }
}

/** What every JSON POST checks first: a JSON Content-Type and a non-empty body, then `validate` on the parsed body. */
export function checkJsonBody<T>(request: RecordedRequest, validate: (body: unknown) => Validation<T>): Validation<T> {
  if (!isJsonContentType(request.headers['content-type'])) {
    return {
      ok: false,
      message: `Content-Type must be application/json, got ${request.headers['content-type'] ?? 'none'}`
    }
  }
  if (request.rawBody.trim() === '') return { ok: false, message: 'request body is required' }
  return validate(request.body)
}

/** A folder path as a client may send it: '', '/', 'data', '/data/' all name folders by their listed path. */
export function folderKey(path: string): string {
  return path.replace(/^\/+/, '').replace(/\/+$/, '')
}

/** A random UUID not yet used as a key of `taken`. */
export function unusedId(taken: ReadonlyMap<string, unknown>): string {
  let id = randomUUID()
  while (taken.has(id)) id = randomUUID()
  return id
}

/** The run with this id, unless there is none or it was deleted: a deleted run is gone as far as the API goes. */
export function liveRun(state: SimState, id: string): StoredRun | undefined {
  const run = state.runs.get(id)
  return run === undefined || run.deletedAt !== undefined ? undefined : run
}

export function notFound(id: string): Reply {
  return errorReply(404, `computation ${id} not found`)
}

/** What every route answers for a capsule or pipeline the server does not have. */
export function targetNotFound(kind: TargetKind, id: string): Reply {
  return errorReply(404, `${kind} ${id} not found`)
}
