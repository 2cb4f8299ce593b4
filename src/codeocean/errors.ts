/**
 * Every error the API client throws for the layers above to tell apart: an error
 * answer, no usable answer, a cancel that may have created something, and answers
 * that cannot be read. What they say is worked out in api-error-messages.ts and
 * network-failures.ts; the cancel they build on is src/errors.ts's RequestAbortedError.
 */
import { RequestAbortedError } from '../errors.js'
import { inline } from '../untrusted.js'
import { explainApiError, type RequestContext } from './api-error-messages.js'

/** An error answer from Code Ocean, with a message ready for the user. */
export class CodeOceanApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    context: RequestContext
  ) {
    super(explainApiError(status, body, context))
    this.name = 'CodeOceanApiError'
  }
}

/**
 * A cancelled call that may have created something (a run, a data asset): a cancel
 * like any other, whose message says what may now exist.
 */
export class CancelledCreateError extends RequestAbortedError {
  constructor(message: string) {
    super()
    this.message = message
    this.name = 'CancelledCreateError'
  }
}

/**
 * No usable answer from Code Ocean: DNS, a refused connection, a reset, no answer
 * within the deadline, or an answer over its size limit.
 */
export class CodeOceanNetworkError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined
  ) {
    super(message)
    this.name = 'CodeOceanNetworkError'
  }
}

/** Code Ocean said yes to a start, but its answer is not a run that can be read. */
export class UnreadableStartError extends Error {
  constructor(message: string, options: ErrorOptions) {
    super(message, options)
    this.name = 'UnreadableStartError'
  }
}

/** Code Ocean answered 2xx with something that is not a computation (an HTML page, say). */
export class UnreadableAnswerError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnreadableAnswerError'
  }
}

/** Code Ocean sent something as an id that cannot be one; nothing is sent with it. */
export class NotAnIdError extends Error {
  constructor(what: string, id: string, problem: string) {
    super(
      `Code Ocean answered with a ${what} id that is not an id ("${inline(id).slice(0, 100)}": ${problem}); ` +
        'the action sends no request with it. Ids look like 9af23fd6-1f7c-4d8a-a4a7-3a3f8c0e9d21.'
    )
    this.name = 'NotAnIdError'
  }
}
