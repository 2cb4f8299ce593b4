import { closest, distance } from 'fastest-levenshtein'

/**
 * The candidate nearest to `name`, when it is near enough to be what a typo meant: at most
 * 2 edits away, or a third of the candidate's length. Exact comparison; callers fold case
 * or spelling first.
 */
export function nearestTypo(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined
  const best = closest(name, [...candidates])
  return distance(name, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined
}
