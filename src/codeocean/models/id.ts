import { NotAnIdError } from '../errors.js'

/**
 * What an id may not be or hold. Ids go into URL paths: `.` and `..` survive
 * `encodeURIComponent` and are then resolved away by the URL parser, so
 * `computations/..` would become a request to `/api/v1/`; separators, `?` and `#`
 * would change which resource is meant, control characters have no place in one.
 */
// eslint-disable-next-line no-control-regex
const NOT_IN_AN_ID = /[/\\?#\u0000-\u001f\u007f-\u009f\u2028\u2029]/

/** Why `id` cannot be an id, or undefined when it can. */
export function idProblem(id: string): string | undefined {
  if (id === '') return 'it is empty'
  if (id === '.' || id === '..') return `it is "${id}"`
  if (NOT_IN_AN_ID.test(id)) return 'it holds "/", "\\", "?", "#" or a control character'
  return undefined
}

/** Returns `id` when it looks like an id; throws NotAnIdError otherwise. */
export function checkId(id: string, what: string): string {
  const problem = idProblem(id)
  if (problem) throw new NotAnIdError(what, id, problem)
  return id
}

/** An id as one URL path segment: checked, then encoded. */
export function idSegment(id: string, what: string): string {
  return encodeURIComponent(checkId(id, what))
}
