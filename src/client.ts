import http from 'node:http'
import https from 'node:https'
import axios, { type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios'
import axiosRetry from 'axios-retry'
import { CodeOceanApiError, parseBody, type RequestContext } from './api-errors.js'
import { readComputation, type Computation } from './computation.js'
import { CodeOceanNetworkError, RequestAbortedError } from './errors.js'

export { CodeOceanNetworkError }
import { basicAuthValue, redactor } from './redact.js'
import { mayRetry, NOT_SENT_CODES, RETRYABLE_STATUSES, retryDelayMs, type RetryKind } from './retry.js'
import type { ResultItem } from './results.js'
import type { RunRequest } from './run-request.js'
import { USER_AGENT } from './version.js'

export interface ClientOptions {
  /** e.g. https://codeocean.example.com/api/v1 */
  apiBase: string
  token: string
  /** Per attempt; a hung server must not hang the step. */
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
}

/** Said whenever a start request failed in a way that does not rule out a started run. */
const RUN_MAY_HAVE_STARTED =
  'The request may have reached Code Ocean, so a run may have started: look at the ' +
  "capsule's or pipeline's runs in Code Ocean before running this step again. " +
  'The action does not repeat a start that may have succeeded, so one step never starts two runs.'

export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_RETRIES = 5

/** The body of POST /data_assets for a capture of a run's results. */
export interface DataAssetParams {
  name: string
  mount: string
  tags: string[]
  description?: string
  source: { computation: { id: string } }
}

/** The fields of a data asset the action uses. */
export interface DataAsset {
  id: string
  name?: string
  state: string
  failure_reason?: string
}

function readDataAsset(body: unknown): DataAsset {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  if (typeof raw.id !== 'string' || raw.id === '') {
    throw new Error(`Code Ocean answered without a data asset id: ${JSON.stringify(body)?.slice(0, 200)}`)
  }
  return {
    id: raw.id,
    name: typeof raw.name === 'string' ? raw.name : undefined,
    state: typeof raw.state === 'string' ? raw.state.toLowerCase() : '',
    failure_reason: typeof raw.failure_reason === 'string' ? raw.failure_reason : undefined
  }
}

interface RetryConfig {
  kind: RetryKind
  operation: string
}

/** The one place that talks HTTP to Code Ocean. */
export class CodeOceanClient {
  private readonly http: AxiosInstance
  private readonly agents: { http: http.Agent; https: https.Agent }
  private readonly redact: (text: string) => string
  private readonly timeoutMs: number
  /** Which signed-URL endpoint the server has: `/results/urls`, or only the deprecated one. */
  private resultUrlEndpoint: 'current' | 'legacy' | undefined
  /** Pending while the first signed-URL call finds that out. */
  private urlProbe: Promise<void> | undefined

  constructor(private readonly options: ClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    // Keep-alive, as the official SDK does: polling reuses one connection.
    this.agents = {
      http: new http.Agent({ keepAlive: true }),
      https: new https.Agent({ keepAlive: true })
    }
    this.redact = redactor([options.token, basicAuthValue(options.token)])
    this.http = axios.create({
      baseURL: `${options.apiBase}/`,
      timeout: this.timeoutMs,
      auth: { username: options.token, password: '' },
      headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
      httpAgent: this.agents.http,
      httpsAgent: this.agents.https,
      // Every answer is read as text and judged here, so odd bodies never throw inside axios.
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0
    })
    axiosRetry(this.http, {
      retries: options.retries ?? DEFAULT_RETRIES,
      shouldResetTimeout: true,
      // Answers other than overload and server errors are final, and judged in request().
      validateResponse: (response) => !RETRYABLE_STATUSES.has(response.status),
      retryCondition: (error) => {
        const retry = retryConfigOf(error.config)
        return mayRetry({ kind: retry?.kind ?? 'idempotent', status: error.response?.status, code: error.code })
      },
      retryDelay: (count, error) => retryDelayMs(count, headerOf(error.response, 'retry-after')),
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

  /** POST /computations: starts a capsule or pipeline run. */
  async startRun(body: RunRequest, call: CallOptions = {}): Promise<Computation> {
    const context: RequestContext = {
      operation: 'start the run',
      sentBody: body,
      idHint: body.pipeline_id ? `pipeline ${body.pipeline_id}` : `capsule ${body.capsule_id ?? ''}`,
      mayHaveTakenEffect: RUN_MAY_HAVE_STARTED
    }
    const data = await this.request(
      { method: 'POST', url: 'computations', data: body, headers: { 'Content-Type': 'application/json' } },
      context,
      'start',
      call
    )
    try {
      return readComputation(data)
    } catch (error) {
      // The server said yes but its answer is unreadable: a run has probably started.
      throw new Error(
        `${(error as Error).message}\nA run has probably started: check the ${body.pipeline_id ? 'pipeline' : 'capsule'}'s runs in Code Ocean before running this step again.`,
        { cause: error }
      )
    }
  }

  /** GET /computations/{id} */
  async getComputation(id: string, call: CallOptions = {}): Promise<Computation> {
    const data = await this.request(
      { method: 'GET', url: `computations/${encodeURIComponent(id)}` },
      { operation: `read run ${id}`, idHint: `run ${id}` },
      'idempotent',
      call
    )
    // The run asked about is the run answered about, whatever id the body carries.
    return { ...readComputation(data, id), id }
  }

  /** PATCH /computations/{id}?name=…: Code Ocean takes the new name as a query parameter. */
  async renameComputation(id: string, name: string, call: CallOptions = {}): Promise<void> {
    await this.request(
      { method: 'PATCH', url: `computations/${encodeURIComponent(id)}`, params: { name } },
      { operation: `rename run ${id}`, idHint: `run ${id}` },
      'idempotent',
      call
    )
  }

  /**
   * DELETE /computations/{id}: in Code Ocean this stops the run and deletes it. A run
   * that is already gone (404) counts as stopped.
   */
  async deleteComputation(id: string, call: CallOptions = {}): Promise<void> {
    try {
      await this.request(
        { method: 'DELETE', url: `computations/${encodeURIComponent(id)}` },
        { operation: `stop run ${id}`, idHint: `run ${id}` },
        'idempotent',
        call
      )
    } catch (error) {
      if (error instanceof CodeOceanApiError && error.status === 404) return
      throw error
    }
  }

  /** POST /computations/{id}/results: one folder of the results tree ('' is the top). */
  async listResults(id: string, path: string, call: CallOptions = {}): Promise<ResultItem[]> {
    const data = await this.request(
      {
        method: 'POST',
        url: `computations/${encodeURIComponent(id)}/results`,
        data: { path },
        headers: { 'Content-Type': 'application/json' }
      },
      { operation: `list the results of run ${id}${path ? ` in "${path}"` : ''}`, idHint: `run ${id}` },
      'idempotent',
      call
    )
    const items: unknown = Array.isArray(data) ? data : (data as { items?: unknown } | undefined)?.items
    if (!Array.isArray(items)) return []
    return items.flatMap((raw): ResultItem[] => {
      const item = raw as Record<string, unknown>
      if (typeof item?.path !== 'string') return []
      const type = item.type === 'folder' ? 'folder' : 'file'
      const size = Number(item.size)
      return [
        {
          // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the API's name is a JSON scalar (text)
          name: String(item.name ?? item.path.split('/').pop()),
          path: item.path,
          type,
          size: Number.isFinite(size) ? size : undefined
        }
      ]
    })
  }

  /**
   * A fresh signed URL for one result file. Uses `/results/urls` (Code Ocean 4.0+)
   * and falls back, for good, to the deprecated `/results/download_url` when an older
   * server does not know it.
   */
  async resultFileUrl(id: string, path: string, call: CallOptions = {}): Promise<string> {
    const context: RequestContext = {
      operation: `get a download link for result "${path}" of run ${id}`,
      idHint: `result "${path}" of run ${id}`
    }
    // The first call finds out which endpoint the server has; concurrent calls wait for it.
    while (this.urlProbe) await this.urlProbe
    if (this.resultUrlEndpoint !== 'legacy') {
      let probeDone = (): void => {}
      if (this.resultUrlEndpoint === undefined) this.urlProbe = new Promise((resolve) => (probeDone = resolve))
      try {
        const data = await this.request(
          { method: 'GET', url: `computations/${encodeURIComponent(id)}/results/urls`, params: { path } },
          context,
          'idempotent',
          call
        )
        this.resultUrlEndpoint = 'current'
        const url = (data as { download_url?: unknown } | undefined)?.download_url
        if (typeof url === 'string' && url) return url
        throw new Error(`Code Ocean sent no download_url for result "${path}"`)
      } catch (error) {
        if (!(error instanceof CodeOceanApiError && error.status === 404) || this.resultUrlEndpoint === 'current')
          throw error
        this.resultUrlEndpoint = 'legacy'
      } finally {
        this.urlProbe = undefined
        probeDone()
      }
    }
    const data = await this.request(
      { method: 'GET', url: `computations/${encodeURIComponent(id)}/results/download_url`, params: { path } },
      context,
      'idempotent',
      call
    )
    const url = (data as { url?: unknown } | undefined)?.url
    if (typeof url === 'string' && url) return url
    throw new Error(`Code Ocean sent no url for result "${path}"`)
  }

  /** POST /data_assets: captures a run's results as a new data asset. */
  async createDataAsset(params: DataAssetParams, call: CallOptions = {}): Promise<DataAsset> {
    const data = await this.request(
      { method: 'POST', url: 'data_assets', data: params, headers: { 'Content-Type': 'application/json' } },
      {
        operation: `create the data asset "${params.name}"`,
        sentBody: params,
        idHint: `run ${params.source.computation.id}`,
        mayHaveTakenEffect: `The request may have reached Code Ocean, so the data asset "${params.name}" may exist: look at the data assets in Code Ocean before capturing again.`
      },
      // Creating twice would make two assets; like a start, repeat it only when refused.
      'start',
      call
    )
    return readDataAsset(data)
  }

  /** GET /data_assets/{id} */
  async getDataAsset(id: string, call: CallOptions = {}): Promise<DataAsset> {
    const data = await this.request(
      { method: 'GET', url: `data_assets/${encodeURIComponent(id)}` },
      { operation: `read data asset ${id}`, idHint: `data asset ${id}` },
      'idempotent',
      call
    )
    return { ...readDataAsset(data), id }
  }

  /** Frees pooled connections so the process can exit promptly. */
  close(): void {
    this.agents.http.destroy()
    this.agents.https.destroy()
  }

  private async request(
    config: AxiosRequestConfig,
    context: RequestContext,
    kind: RetryKind,
    call: CallOptions
  ): Promise<unknown> {
    const retry: RetryConfig = { kind, operation: context.operation }
    const full: AxiosRequestConfig & { codeOceanRetry: RetryConfig } = {
      ...config,
      signal: call.signal,
      timeout: call.timeoutMs ?? this.timeoutMs,
      codeOceanRetry: retry
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
        throw this.networkError(error, context, call)
      }
    }
    const body = parseBody(typeof response.data === 'string' ? response.data : '')
    if (response.status >= 200 && response.status < 300) return body
    const error = new CodeOceanApiError(response.status, body, context)
    if (context.mayHaveTakenEffect && response.status >= 500) {
      error.message += `\n${context.mayHaveTakenEffect}`
    }
    error.message = this.redact(error.message)
    throw error
  }

  private networkError(error: unknown, context: RequestContext, call: CallOptions): Error {
    if (call.signal?.aborted || (axios.isAxiosError(error) && error.code === 'ERR_CANCELED')) {
      return new RequestAbortedError()
    }
    const code = axios.isAxiosError(error) ? error.code : undefined
    const detail = axios.isAxiosError(error)
      ? error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT'
        ? `no answer within ${Math.round((call.timeoutMs ?? this.timeoutMs) / 1000)} s`
        : `${error.code ?? 'network error'}: ${error.message}`
      : String(error)
    let message = `Could not ${context.operation}: ${detail} (Code Ocean at ${this.options.apiBase})`
    if (context.mayHaveTakenEffect && !NOT_SENT_CODES.has(code ?? '')) {
      message += `\n${context.mayHaveTakenEffect}`
    }
    return new CodeOceanNetworkError(this.redact(message), code)
  }
}

function retryConfigOf(config: unknown): RetryConfig | undefined {
  return (config as { codeOceanRetry?: RetryConfig } | undefined)?.codeOceanRetry
}

function headerOf(response: AxiosResponse | undefined, name: string): string | undefined {
  const value: unknown = response?.headers?.[name]
  return typeof value === 'string' ? value : undefined
}
