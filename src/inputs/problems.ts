import { InputError } from './errors.js'
import type { ReadInput } from './token.js'

/**
 * Reads inputs through their parsers and collects every InputError instead of
 * stopping at the first, so that one run of the step reports all of them.
 */
export class Problems {
  readonly list: InputError[] = []
  /** What the reading took the liberty of reading differently from how it was written, to say in the log. */
  readonly notes: string[] = []

  constructor(readonly read: ReadInput) {}

  /** Parses a non-empty input; undefined when it is empty or wrong (the problem is kept). */
  check<T>(name: string, parse: (raw: string) => T): T | undefined {
    const raw = this.read(name)
    if (raw === '') return undefined
    return this.attempt(() => parse(raw))
  }

  /** Runs a parser, keeping its InputError. */
  attempt<T>(parse: () => T): T | undefined {
    try {
      return parse()
    } catch (error) {
      if (error instanceof InputError) this.list.push(error)
      else throw error
      return undefined
    }
  }

  note(text: string): void {
    this.notes.push(text)
  }

  add(input: string, problem: string, example?: string): void {
    this.list.push(new InputError(input, problem, example))
  }
}
