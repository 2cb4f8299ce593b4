import { AxiosError, type AxiosInstance, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'
import { ANSWER_TOO_LARGE } from './limits.js'

/** What every attempt of one call gets: the caller's cancel, a deadline and an answer limit. */
export interface AttemptPlan {
  /** The caller's cancel (the step's cancel or wait-timeout); ends the call at once. */
  signal?: AbortSignal
  deadlineMs: number
  maxBytes: number
  /** For a call with a budget: each attempt's deadline is cut to what is left of it. */
  budget?: CallBudget
}

/**
 * The budget of one call, shared by its attempts and retries. A class, not a plain
 * object: axios copies plain objects in a request's config, and the retries must
 * see what an attempt noted.
 */
export class CallBudget {
  /** When the whole call must have ended (local clock, ms). */
  readonly endsAt: number
  /** The pause before the next retry, chosen within the budget. */
  nextPauseMs: number | undefined
  /** Why the budget allowed no further retry, for the message. */
  note: string | undefined

  constructor(ms: number) {
    this.endsAt = Date.now() + ms
  }
}

/**
 * One attempt: aborted by its own deadline or by the caller, whichever comes first.
 * axios's `timeout` only notices a socket that stays silent, so a server that sends a
 * byte now and then would hold a call open for ever; this deadline holds whatever the
 * server does, and each retry gets a fresh one.
 */
class Attempt {
  expired = false
  private readonly controller = new AbortController()
  private readonly timer: NodeJS.Timeout
  private readonly onCallerAbort = (): void => this.controller.abort()
  private readonly deadlineMs: number

  constructor(private readonly plan: AttemptPlan) {
    // A call with a budget: no attempt outlasts it.
    this.deadlineMs =
      plan.budget === undefined
        ? plan.deadlineMs
        : Math.max(1, Math.min(plan.deadlineMs, plan.budget.endsAt - Date.now()))
    this.timer = setTimeout(() => {
      this.expired = true
      this.controller.abort()
    }, this.deadlineMs)
    if (plan.signal?.aborted) this.controller.abort()
    plan.signal?.addEventListener('abort', this.onCallerAbort, { once: true })
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  end(): void {
    clearTimeout(this.timer)
    this.plan.signal?.removeEventListener('abort', this.onCallerAbort)
  }

  /** The error to report for a failed attempt: a deadline or a size limit gets a code of its own. */
  explain(error: unknown, config: InternalAxiosRequestConfig): unknown {
    const answered = error instanceof AxiosError && error.response !== undefined
    if (this.expired && !answered && !this.plan.signal?.aborted) {
      // Reported as a timeout, not as a cancel: it may be retried, and the message says so.
      return new AxiosError(`no answer within ${Math.round(this.deadlineMs / 1000)} s`, 'ETIMEDOUT', config)
    }
    if (exceededAnswerLimit(error)) return new AxiosError(error.message, ANSWER_TOO_LARGE, config)
    return error
  }
}

/**
 * Whether axios stopped reading an answer at maxContentLength (counted on the
 * decompressed bytes). axios says so with ERR_BAD_RESPONSE and no response: its other
 * ERR_BAD_RESPONSE errors carry the response they are about (a body that broke off, a
 * body its own transform could not parse, a status validateStatus refused: this
 * transport's refuses only the statuses it retries), and it reads bodies as text itself.
 */
function exceededAnswerLimit(error: unknown): error is AxiosError {
  return error instanceof AxiosError && error.code === AxiosError.ERR_BAD_RESPONSE && error.response === undefined
}

type PlannedConfig = InternalAxiosRequestConfig & { codeOceanAttempt?: AttemptPlan; codeOceanCurrent?: Attempt }

/**
 * Gives every attempt of a call its own deadline and answer limit. Installed before
 * axios-retry, so that retries see a deadline as a timeout and an oversized answer as
 * final, and so that a retry's back-off listens to the caller's cancel, not to the
 * spent deadline of the attempt before.
 */
export function installAttempts(http: AxiosInstance): void {
  http.interceptors.request.use((config: PlannedConfig) => {
    const plan = config.codeOceanAttempt
    if (!plan) return config
    const attempt = new Attempt(plan)
    config.codeOceanCurrent = attempt
    config.signal = attempt.signal
    config.maxContentLength = plan.maxBytes
    // The deadline covers the whole attempt; axios's idle timeout would only repeat it.
    config.timeout = 0
    return config
  })
  http.interceptors.response.use(
    (response: AxiosResponse) => {
      settle(response.config as PlannedConfig)
      return response
    },
    (error: unknown) => {
      const config = (error as { config?: PlannedConfig } | undefined)?.config
      const attempt = config && settle(config)
      throw attempt && config ? attempt.explain(error, config) : error
    }
  )
}

/** Ends the attempt of `config` and hands the call back to the caller's own signal. */
function settle(config: PlannedConfig): Attempt | undefined {
  const attempt = config.codeOceanCurrent
  attempt?.end()
  config.codeOceanCurrent = undefined
  config.signal = config.codeOceanAttempt?.signal
  return attempt
}
