import http from 'node:http'
import https from 'node:https'
import axios, { type AxiosError, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios'
import axiosRetry from 'axios-retry'
import { RequestAbortedError } from '../errors.js'
import { basicAuthValue, redactor } from '../redact.js'
import { USER_AGENT } from '../version.js'
import { parseBody, type RequestContext } from './api-error-messages.js'
import { CallBudget, installAttempts, type AttemptPlan } from './attempt.js'
import { CancelledCreateError, CodeOceanApiError, CodeOceanNetworkError } from './errors.js'
import { ANSWER_TOO_LARGE, DEFAULT_TIMEOUT_MS, describeLimit, RUN_ANSWER_LIMIT } from './limits.js'
import { classifyNetworkError, explainNetworkFailure, provesNothingSent } from './network-failures.js'
import { proxyFor } from './proxy.js'
import { mayRetry, pauseWithinBudget, RETRYABLE_STATUSES, retryDelayMs, type RetryKind } from './retry.js'

export interface ClientOptions {
  /** e.g. https://codeocean.example.com/api/v1 */
  apiBase: string
  token: string
  /** Deadline of each attempt, from connecting to the answer's last byte; a hung or dripping server must not hang the step. */
  timeoutMs?: number
  /** Retries of one call before giving up. */
  retries?: number
  /** Told about each retry, for the log. */
  onRetry?: (message: string) => void
}

/** Per-call limits, for calls that must finish quickly (stopping a run on cancel). */
export interface CallOptions {
  signal?: AbortSignal
  timeoutMs?: number
  retries?: number
  /**
   * The whole call, attempts and pauses, ends within this (ms): no attempt outlasts
   * it, and a pause it cannot hold (a long Retry-After) is not waited for.
   */
  budgetMs?: number
}

const DEFAULT_RETRIES = 5

/** A successful answer: its parsed body, and when it came by the server's clock and by ours. */
export interface Answer {
  body: unknown
  /** The answer's `Date` header (ms since the epoch, to the second), when it had a readable one. */
  serverDate?: number
  /** Local clock (ms) when the answer came. */
  receivedAt: number
}

interface RetryConfig {
  kind: RetryKind
  operation: string
}

/**
 * The one place that talks HTTP to Code Ocean: authentication, timeouts, retries, and
 * turning every failure into a message for people, with the token scrubbed from it.
 * The resource classes (computations, results, data assets) build on it.
 */
export class ApiTransport {
  private readonly http: AxiosInstance
  private readonly agents: { http: http.Agent; https: https.Agent }
  private readonly redact: (text: string) => string
  private readonly timeoutMs: number

  constructor(private readonly options: ClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    // Keep-alive, as the official SDK does: polling reuses one connection. Proxies
    // (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, either case) are axios's own: it tunnels https
    // through CONNECT over these agents' TLS settings (see proxy.ts and the proxy e2e test).
    this.agents = {
      http: new http.Agent({ keepAlive: true }),
      https: new https.Agent({ keepAlive: true })
    }
    this.redact = redactor([options.token, basicAuthValue(options.token)])
    this.http = axios.create({
      baseURL: `${options.apiBase}/`,
      auth: { username: options.token, password: '' },
      headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
      httpAgent: this.agents.http,
      httpsAgent: this.agents.https,
      // Every answer is read as text and judged here, so odd bodies never throw inside axios.
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      // Overload and server errors go to the retries (installRetries); every other answer
      // is judged in answer(). (axios-retry's own validateResponse would do the same by
      // making every answer, good ones too, an error first: a cost in each call.)
      validateStatus: (status) => !RETRYABLE_STATUSES.has(status),
      maxRedirects: 0
    })
    // Before the retries, so that they see what each attempt's deadline and size limit made of it.
    installAttempts(this.http)
    this.installRetries()
  }

  /**
   * Sends one call and returns its parsed body (JSON, else text). An error answer
   * becomes a CodeOceanApiError, a failure to get any answer a CodeOceanNetworkError.
   */
  async request(
    config: AxiosRequestConfig,
    context: RequestContext,
    kind: RetryKind,
    call: CallOptions
  ): Promise<unknown> {
    return (await this.answer(config, context, kind, call)).body
  }

  /** As request(), with the server's clock as its answer told it (for times the server wrote). */
  async answer(
    config: AxiosRequestConfig,
    context: RequestContext,
    kind: RetryKind,
    call: CallOptions
  ): Promise<Answer> {
    const retry: RetryConfig = { kind, operation: context.operation }
    const attempt: AttemptPlan = {
      signal: call.signal,
      deadlineMs: call.timeoutMs ?? this.timeoutMs,
      maxBytes: (context.answerLimit ?? RUN_ANSWER_LIMIT).bytes,
      ...(call.budgetMs === undefined ? {} : { budget: new CallBudget(call.budgetMs) })
    }
    const full: AxiosRequestConfig & { codeOceanRetry: RetryConfig; codeOceanAttempt: AttemptPlan } = {
      ...config,
      signal: call.signal,
      codeOceanRetry: retry,
      codeOceanAttempt: attempt
    }
    if (call.retries !== undefined) full['axios-retry'] = { retries: call.retries }
    let response: AxiosResponse<string>
    try {
      response = await this.http.request<string>(full)
    } catch (error) {
      if (axios.isAxiosError(error) && error.response) {
        // Retries ran out on a retryable status: report the last answer.
        response = error.response as AxiosResponse<string>
      } else {
        throw withBudgetNote(this.networkError(error, context, call), attempt)
      }
    }
    const body = parseBody(typeof response.data === 'string' ? response.data : '')
    if (response.status >= 200 && response.status < 300) {
      const serverDate = Date.parse(headerOf(response, 'date') ?? '')
      return { body, receivedAt: Date.now(), ...(Number.isNaN(serverDate) ? {} : { serverDate }) }
    }
    const error = new CodeOceanApiError(response.status, body, context)
    if (context.mayHaveTakenEffect && response.status >= 500) {
      error.message += `\n${context.mayHaveTakenEffect}`
    }
    error.message = this.redact(error.message)
    throw withBudgetNote(error, attempt)
  }

  /** Frees pooled connections so the process can exit promptly. */
  close(): void {
    this.agents.http.destroy()
    this.agents.https.destroy()
  }

  private installRetries(): void {
    const { options } = this
    axiosRetry(this.http, {
      retries: options.retries ?? DEFAULT_RETRIES,
      shouldResetTimeout: true,
      retryCondition: (error) => {
        const retry = retryConfigOf(error.config)
        const may = mayRetry({ kind: retry?.kind ?? 'idempotent', status: error.response?.status, code: error.code })
        return may && fitsBudget(error)
      },
      retryDelay: (count, error) =>
        attemptPlanOf(error.config)?.budget?.nextPauseMs ??
        retryDelayMs(count, headerOf(error.response, 'retry-after')),
      onRetry: (count, error, config) => {
        const retry = retryConfigOf(config)
        const what = error.response ? `HTTP ${error.response.status}` : (error.code ?? 'a network error')
        const total = (config['axios-retry']?.retries ?? options.retries ?? DEFAULT_RETRIES) + 1
        options.onRetry?.(
          `Code Ocean answered ${what} when trying to ${retry?.operation ?? 'call it'}; trying again (attempt ${count + 1} of ${total})`
        )
      }
    })
  }

  private networkError(error: unknown, context: RequestContext, call: CallOptions): Error {
    const cancelled = call.signal?.aborted || (axios.isAxiosError(error) && error.code === 'ERR_CANCELED')
    // A cancelled call that may have created something must say so; any other is simply given up.
    if (cancelled && !context.mayHaveTakenEffect) return new RequestAbortedError()
    const code = cancelled ? 'ERR_CANCELED' : axios.isAxiosError(error) ? error.code : undefined
    let message =
      code === 'ERR_CANCELED' || code === ANSWER_TOO_LARGE
        ? `Could not ${context.operation}: ${this.detailOf(error, code, context, call)} (Code Ocean at ${this.options.apiBase})`
        : explainNetworkFailure({
            operation: context.operation,
            code,
            text: error instanceof Error ? error.message : String(error),
            url: this.options.apiBase,
            timeoutMs: call.timeoutMs ?? this.timeoutMs,
            proxy: proxyFor(this.options.apiBase),
            lookedUp: lookedUpHost(error)
          })
    if (context.mayHaveTakenEffect && !provesNothingSent(classifyNetworkError(code))) {
      message += `\n${context.mayHaveTakenEffect}`
    }
    if (cancelled) return new CancelledCreateError(this.redact(message))
    return new CodeOceanNetworkError(this.redact(message), code)
  }

  private detailOf(error: unknown, code: string | undefined, context: RequestContext, call: CallOptions): string {
    if (!axios.isAxiosError(error) && code === undefined) return String(error)
    switch (code) {
      case 'ERR_CANCELED':
        return 'the call was cancelled before Code Ocean answered'
      case 'ECONNABORTED':
      case 'ETIMEDOUT':
        return `no answer within ${Math.round((call.timeoutMs ?? this.timeoutMs) / 1000)} s`
      case ANSWER_TOO_LARGE: {
        const limit = context.answerLimit ?? RUN_ANSWER_LIMIT
        return (
          `Code Ocean's answer was larger than ${describeLimit(limit.bytes)}, the most the action reads for ${limit.what}; ` +
          'it stopped reading there. No real answer is that large: check the `domain` input and any proxy in between'
        )
      }
      default:
        return `${code ?? 'network error'}: ${(error as Error).message}`
    }
  }
}

function attemptPlanOf(config: unknown): AttemptPlan | undefined {
  return (config as { codeOceanAttempt?: AttemptPlan } | undefined)?.codeOceanAttempt
}

/**
 * For a call with a budget: whether another try fits in what is left of it. Chooses
 * the pause before it (retryDelay reads it), or notes why none fits, for the message.
 */
function fitsBudget(error: AxiosError): boolean {
  const budget = attemptPlanOf(error.config)?.budget
  if (budget === undefined) return true
  const state = (error.config as { 'axios-retry'?: { retryCount?: number } } | undefined)?.['axios-retry']
  const pause = pauseWithinBudget(
    (state?.retryCount ?? 0) + 1,
    headerOf(error.response, 'retry-after'),
    budget.endsAt - Date.now()
  )
  if ('refused' in pause) {
    budget.note = pause.refused
    return false
  }
  budget.nextPauseMs = pause.pauseMs
  return true
}

/** Adds to a failed call's message why it was not tried again within its budget. */
function withBudgetNote<E extends Error>(error: E, plan: AttemptPlan): E {
  const note = plan.budget?.note
  if (note === undefined) return error
  // On the first line: that is the line a stop's message shows.
  const [first, ...rest] = error.message.split('\n')
  error.message = [`${first} (${note}; not waited for.)`, ...rest].join('\n')
  return error
}

function retryConfigOf(config: unknown): RetryConfig | undefined {
  return (config as { codeOceanRetry?: RetryConfig } | undefined)?.codeOceanRetry
}

/** The host name a failed DNS lookup was for (Node puts it on the error axios wraps). */
function lookedUpHost(error: unknown): string | undefined {
  const cause: unknown = axios.isAxiosError(error) ? error.cause : undefined
  const hostname: unknown = (cause as { hostname?: unknown } | undefined)?.hostname
  return typeof hostname === 'string' ? hostname : undefined
}

function headerOf(response: AxiosResponse | undefined, name: string): string | undefined {
  const value: unknown = response?.headers?.[name]
  return typeof value === 'string' ? value : undefined
}
