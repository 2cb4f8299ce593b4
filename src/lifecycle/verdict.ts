import type { Computation } from '../codeocean/models/computation.js'
import { describeRun } from '../report/describe.js'
import { inline } from '../untrusted.js'

export interface Verdict {
  status: 'succeeded' | 'failed' | 'stopped'
  succeeded: boolean
  /** One line for the log or the step's failure message. */
  message: string
}

/**
 * Whether a run succeeded: the one definition, for the verdict on this step's run and
 * for the earlier runs a run length is estimated from. `completed` alone is not success:
 * Code Ocean also reports completed runs whose end status is failed or stopped, and
 * completed/succeeded runs with a non-zero exit code.
 */
export function succeeded(c: Computation): boolean {
  return c.state === 'completed' && c.end_status === 'succeeded' && (c.exit_code === undefined || c.exit_code === 0)
}

/** Judges a finished run (see succeeded). */
export function judge(c: Computation): Verdict {
  const facts = inline(
    `state ${c.state || 'unknown'}, end status ${c.end_status ?? 'none'}, ` + `exit code ${c.exit_code ?? 'none'}`
  )
  if (succeeded(c)) {
    return { status: 'succeeded', succeeded: true, message: `Code Ocean run ${describeRun(c)} succeeded (${facts})` }
  }
  const status = c.end_status === 'stopped' ? 'stopped' : 'failed'
  const verb = status === 'stopped' ? 'was stopped' : 'failed'
  return { status, succeeded: false, message: `Code Ocean run ${describeRun(c)} ${verb}: ${facts}` }
}
