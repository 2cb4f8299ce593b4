import * as core from '@actions/core'
import type { Computation } from '../codeocean/models/computation.js'
import { Output, type OutputName } from '../names.js'
import { redactRegistered } from '../redact.js'

/** The step's `status` output: how the step ended, in one word. */
export type Status = 'started' | 'succeeded' | 'failed' | 'stopped' | 'timed-out' | 'cancelled'

/**
 * A JSON value with every string in it, keys included, scrubbed: before JSON escapes
 * them, since a secret holding `"` or `\` would no longer match afterwards.
 */
function scrubbed(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value)
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, redact))
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), scrubbed(v, redact)]))
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
