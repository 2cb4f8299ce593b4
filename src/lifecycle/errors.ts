/** The errors the lifecycle's phases end a step with, each saying what happened in the user's terms. */
import type { CodeOceanApiError } from '../codeocean/errors.js'
import { Input } from '../names.js'
import { inline } from '../untrusted.js'

/** Why an attached data asset stops the run, with Code Ocean's own words. */
export class DataAssetNotUsableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DataAssetNotUsableError'
  }
}

/** Why no run was adopted; the message says what the start failed with and what the look found. */
export class NotAdoptedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NotAdoptedError'
  }
}

/** A 404 for the run to follow, said in terms of the input that named it. */
export class RunNotFoundError extends Error {
  constructor(id: string, cause: CodeOceanApiError) {
    super(
      `Input '${Input.ComputationId}': Code Ocean has no run ${inline(id)} that the token's owner can see (HTTP 404), ` +
        'so there is nothing to follow. Check the id: it is the `computation-id` output of the step that started ' +
        "the run, or the id in the run's address in Code Ocean, on this deployment (`domain`). A run that was " +
        'stopped is deleted in Code Ocean and cannot be followed.\n' +
        inline(cause.message.split('\n')[0]),
      { cause }
    )
    this.name = 'RunNotFoundError'
  }
}
