import type { Computation } from '../codeocean/models/computation.js'
import { capText } from '../caps.js'
import { inline } from '../untrusted.js'

/**
 * A run as people recognise it: `'nightly' (9af23fd6-…)`, or the bare id when it has no
 * name. One short line whatever the server named it: the name is outside text (see
 * untrusted.ts, caps.ts).
 */
export function describeRun(c: Computation): string {
  return c.name ? `'${inline(capText(c.name))}' (${inline(capText(c.id))})` : inline(capText(c.id))
}
