const EXAMPLE_INDENT = '  Example: '

/** A problem with what the workflow gave the action; raised before anything is sent. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    problem: string,
    example?: string
  ) {
    // A multi-line example (YAML) keeps its shape, lined up under its first line.
    const shown = example?.replace(/\n/g, `\n${' '.repeat(EXAMPLE_INDENT.length)}`)
    super(`Input '${input}': ${problem}` + (shown ? `\n${EXAMPLE_INDENT}${shown}` : ''))
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
