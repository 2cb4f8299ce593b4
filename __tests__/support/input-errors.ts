import { expect } from '@jest/globals'
import { InputErrors } from '../../src/inputs/errors.js'

/** The message of the InputErrors that `read` throws; fails the test when it throws none, or another error. */
export function inputErrorMessage(read: () => unknown): string {
  try {
    read()
  } catch (error) {
    expect(error).toBeInstanceOf(InputErrors)
    return (error as Error).message
  }
  throw new Error('expected an input error')
}
