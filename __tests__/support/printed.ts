import { afterEach, beforeEach, jest } from '@jest/globals'

/**
 * What the code under test prints to stdout (its log, and the workflow commands that make
 * warnings), for the describe that calls this: kept out of the test's output, and read by
 * the test as a user reads the log. The array is emptied before each test.
 */
export function printedLines(): string[] {
  const printed: string[] = []
  beforeEach(() => {
    printed.length = 0
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk))
      return true
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
  })
  return printed
}
