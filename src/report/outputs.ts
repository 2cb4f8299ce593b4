import * as core from '@actions/core'
import type { Computation } from '../codeocean/models/computation.js'
import { Output, type OutputName } from '../names.js'
import { redactRegistered } from '../redact.js'

/** The step's `status` output: how the step ended, in one word. */
export type Status = 'started' | 'succeeded' | 'failed' | 'stopped' | 'timed-out' | 'cancelled'

/**
 * How deep the `computation` output keeps an answer. A real run is a few levels deep;
 * an answer nested hundreds of thousands deep (JSON.parse reads it fine) would overflow
 * the stack of any recursive walk, JSON.stringify's included, so below this depth each
 * value is replaced by CUT_DEEPER, and the output stays valid JSON.
 */
export const MAX_OUTPUT_DEPTH = 64
/** What stands in for a value nested deeper than MAX_OUTPUT_DEPTH. */
const CUT_DEEPER = `(nested deeper than ${MAX_OUTPUT_DEPTH} levels: cut here)`

/**
 * A JSON value with every string in it, keys included, scrubbed: before JSON escapes
 * them, since a secret holding `"` or `\` would no longer match afterwards. Arrays and
 * objects below MAX_OUTPUT_DEPTH become CUT_DEEPER, so neither this walk nor the
 * JSON.stringify after it recurses deeper than that, whatever the server sent.
 */
function scrubbed(value: unknown, redact: (text: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return redact(value)
  if (typeof value !== 'object' || value === null) return value
  if (depth >= MAX_OUTPUT_DEPTH) return CUT_DEEPER
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, redact, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), scrubbed(v, redact, depth + 1)]))
}

/**
 * Sets step outputs, remembering which were set so that every output can be given
 * a value (possibly empty) on every exit path, success or failure. Every value is
 * scrubbed of secrets first: the runner masks secrets in the log, not in outputs,
 * and a server may echo the token into a run's name or any other field.
 */
export class Outputs {
  private readonly written = new Set<OutputName>()

  constructor(private readonly redact: (text: string) => string = redactRegistered) {}

  set(name: OutputName, value: string): void {
    core.setOutput(name, this.redact(value))
    this.written.add(name)
  }

  /** The outputs that describe a computation, from the latest object read. */
  setComputation(c: Computation): void {
    this.set(Output.ComputationId, c.id)
    if (c.name !== undefined) this.set(Output.Name, c.name)
    this.set(Output.State, c.state)
    this.set(Output.EndStatus, c.end_status ?? '')
    this.set(Output.ExitCode, c.exit_code === undefined ? '' : String(c.exit_code))
    this.set(Output.HasResults, c.has_results ? 'true' : 'false')
    this.set(Output.RunTime, c.run_time === undefined ? '' : String(c.run_time))
    this.set(Output.Computation, JSON.stringify(scrubbed(c.raw, this.redact)))
  }

  setStatus(status: Status): void {
    this.set(Output.Status, status)
  }

  /** Gives every output not yet set an empty value, and `status` the given fallback. */
  complete(fallbackStatus: Status): void {
    if (!this.written.has(Output.Status)) this.setStatus(fallbackStatus)
    for (const name of Object.values(Output)) {
      if (!this.written.has(name)) this.set(name, name === Output.HasResults ? 'false' : '')
    }
  }
}
