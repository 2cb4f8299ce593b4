import type { Computation } from '../codeocean/models/computation.js'

/** A run as people recognise it: `'nightly' (9af23fd6-…)`, or the bare id when it has no name. */
export function describeRun(c: Computation): string {
  return c.name ? `'${c.name}' (${c.id})` : c.id
}
