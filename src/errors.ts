/**
 * The errors every layer shares: the message of anything thrown, and the cancel. Each
 * layer keeps its own error classes in one module beside it: codeocean/errors.ts,
 * inputs/errors.ts, results/errors.ts, lifecycle/errors.ts.
 */

/** Turns anything thrown into a message fit for the log. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

/** A call was given up because the step is being cancelled or has timed out. */
export class RequestAbortedError extends Error {
  constructor() {
    super('request aborted')
    this.name = 'RequestAbortedError'
  }
}
