/** Problems with the inputs: raised, and reported, before anything is sent to Code Ocean. */

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

/** Several input problems at once, so a user fixes them in one go. */
export class InputErrors extends Error {
  constructor(
    readonly problems: InputError[],
    redact: (text: string) => string = (text) => text
  ) {
    super(
      redact(
        problems.length === 1
          ? problems[0].message
          : `${problems.length} inputs need fixing:\n${problems.map((p) => `- ${p.message.replace(/\n/g, '\n  ')}`).join('\n')}`
      )
    )
    this.name = 'InputErrors'
  }
}
