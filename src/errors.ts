/** A problem with what the workflow gave the action; raised before anything is sent. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    problem: string,
    example?: string
  ) {
    super(`Input '${input}': ${problem}` + (example ? `\n  Example: ${example}` : ''))
    this.name = 'InputError'
  }
}

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
