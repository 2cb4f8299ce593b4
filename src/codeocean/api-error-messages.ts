import { inline } from '../untrusted.js'
import type { AnswerLimit } from './limits.js'
import { clip, preview } from './preview.js'

/** What the action was doing when Code Ocean answered with an error. */
export interface RequestContext {
  /** e.g. "start the run", "check run 9af2…" */
  operation: string
  /** The JSON body sent, shown for 400s so users can see what Code Ocean rejected. */
  sentBody?: unknown
  /** Which input the id in the URL came from, for 404 hints. */
  idHint?: string
  /**
   * For requests that create something and have no idempotency key: said when a
   * failure does not rule out that the thing was created.
   */
  mayHaveTakenEffect?: string
  /** The most of the answer the action reads (error answers included); a run's limit when left out. */
  answerLimit?: AnswerLimit
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout'
}

const MAX_MESSAGE = 500

/** Parses a body as JSON when it is JSON, else returns it as text. */
export function parseBody(text: string): unknown {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  try {
    return JSON.parse(trimmed)
  } catch {
    return text
  }
}

/**
 * The server's own words, whatever shape they came in: a JSON object with
 * `message` (Code Ocean's usual form), other JSON, an HTML error page from a
 * proxy, or plain text. Always one line, never a workflow command (see untrusted.ts).
 */
export function serverMessage(body: unknown): string {
  return inline(serverWords(body))
}

function serverWords(body: unknown): string {
  if (body === undefined || body === null || body === '') return '(no message)'
  if (typeof body === 'string') {
    // Only the start is ever shown, so only the start is searched.
    const start = body.slice(0, 64 * MAX_MESSAGE)
    if (isHtml(start)) {
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(start)?.[1]
      const text = (title ?? start.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim()
      return `an HTML page: "${clip(text, 200)}"`
    }
    return clip(start.trim(), MAX_MESSAGE)
  }
  if (typeof body === 'object' && !Array.isArray(body)) {
    const { message } = body as Record<string, unknown>
    if (typeof message === 'string' && message !== '') {
      const rest = firstFields(body as Record<string, unknown>, 'message')
      const extra = Object.keys(rest).length > 0 ? ` ${preview(rest, 300)}` : ''
      return clip(message, MAX_MESSAGE) + extra
    }
  }
  return preview(body, MAX_MESSAGE)
}

/** Up to 50 fields of `object` but `omit`, without copying a huge object whole. */
function firstFields(object: Record<string, unknown>, omit: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  let count = 0
  for (const key in object) {
    if (key === omit || !Object.hasOwn(object, key)) continue
    fields[key] = object[key]
    if (++count >= 50) break
  }
  return fields
}

function isHtml(text: string): boolean {
  return /<html|<!doctype/i.test(text)
}

function hint(status: number, body: unknown, context: RequestContext): string {
  switch (status) {
    case 400: {
      const sent =
        context.sentBody === undefined
          ? ''
          : `\nThe request body sent was:\n${JSON.stringify(context.sentBody, null, 2)}`
      return `Code Ocean rejected the request as malformed or invalid.${sent}`
    }
    case 401:
      return (
        'The API token was not accepted. Check that the `secret` input holds a current Code Ocean ' +
        'access token (Account > Access Tokens) created on this deployment, and that it has not been revoked.'
      )
    case 403:
      return (
        'The token was accepted but lacks permission. It needs the Capsule Read/Write scope ' +
        '(and Data Asset Read when data assets are attached), and its owner needs access to the capsule or pipeline.'
      )
    case 404:
      if (typeof body === 'string' && isHtml(body)) {
        return (
          'Code Ocean answered with a web page, not the API: check the `domain` input. It must be the ' +
          'address of your Code Ocean deployment (the API lives at /api/v1 under it), not of another site or of a page.'
        )
      }
      return context.idHint
        ? `Code Ocean does not know ${context.idHint}, or the token's owner cannot see it. Check the id and that it is shared with the token's owner.`
        : "Code Ocean does not know this path; check the `domain` input (the deployment's address, without /api/v1)."
    case 429:
      return 'Code Ocean is overloaded and asked the action to slow down.'
    default:
      return status >= 500 ? 'Code Ocean reported a server error; it is usually temporary.' : ''
  }
}

/** Builds the message a user sees for an error answer from Code Ocean. */
export function explainApiError(status: number, body: unknown, context: RequestContext): string {
  const reason = REASONS[status] ? ` ${REASONS[status]}` : ''
  const advice = hint(status, body, context)
  return (
    `Code Ocean refused to ${context.operation}: HTTP ${status}${reason}: ${serverMessage(body)}` +
    (advice ? `\n${advice}` : '')
  )
}
