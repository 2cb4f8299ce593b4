import http from 'node:http'
import https from 'node:https'
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios'
import { CodeOceanApiError, parseBody, type RequestContext } from './api-errors.js'
import { readComputation, type Computation } from './computation.js'
import { basicAuthValue, redactor } from './redact.js'
import type { RunRequest } from './run-request.js'
import { USER_AGENT } from './version.js'

export interface ClientOptions {
  /** e.g. https://codeocean.example.com/api/v1 */
  apiBase: string
  token: string
  /** Per request; a hung server must not hang the step. */
  timeoutMs?: number
}

/** Failed to reach Code Ocean at all (DNS, refused connection, reset, timeout). */
export class CodeOceanNetworkError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined
  ) {
    super(message)
    this.name = 'CodeOceanNetworkError'
  }
}

/** Error codes that prove the request never reached a server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])

/** The one place that talks HTTP to Code Ocean. */
export class CodeOceanClient {
  private readonly http: AxiosInstance
  private readonly agents: { http: http.Agent; https: https.Agent }
  private readonly redact: (text: string) => string

  constructor(private readonly options: ClientOptions) {
    // Keep-alive, as the official SDK does: polling reuses one connection.
    this.agents = {
      http: new http.Agent({ keepAlive: true }),
      https: new https.Agent({ keepAlive: true })
    }
    this.redact = redactor([options.token, basicAuthValue(options.token)])
    this.http = axios.create({
      baseURL: `${options.apiBase}/`,
      timeout: options.timeoutMs ?? 30_000,
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
  }

  /** POST /computations: starts a capsule or pipeline run. */
  async startRun(body: RunRequest): Promise<Computation> {
    const data = await this.request(
      { method: 'POST', url: 'computations', data: body, headers: { 'Content-Type': 'application/json' } },
      {
        operation: 'start the run',
        sentBody: body,
        idHint: body.pipeline_id ? `pipeline ${body.pipeline_id}` : `capsule ${body.capsule_id ?? ''}`
      }
    )
    return readComputation(data)
  }

  /** GET /computations/{id} */
  async getComputation(id: string): Promise<Computation> {
    const data = await this.request(
      { method: 'GET', url: `computations/${encodeURIComponent(id)}` },
      { operation: `read run ${id}`, idHint: `run ${id}` }
    )
    return readComputation(data, id)
  }

  /** PATCH /computations/{id}?name=…: Code Ocean takes the new name as a query parameter. */
  async renameComputation(id: string, name: string): Promise<void> {
    await this.request(
      { method: 'PATCH', url: `computations/${encodeURIComponent(id)}`, params: { name } },
      { operation: `rename run ${id}`, idHint: `run ${id}` }
    )
  }

  /** DELETE /computations/{id}: in Code Ocean this stops the run and deletes it. */
  async deleteComputation(id: string): Promise<void> {
    await this.request(
      { method: 'DELETE', url: `computations/${encodeURIComponent(id)}` },
      { operation: `stop run ${id}`, idHint: `run ${id}` }
    )
  }

  /** Frees pooled connections so the process can exit promptly. */
  close(): void {
    this.agents.http.destroy()
    this.agents.https.destroy()
  }

  private async request(config: AxiosRequestConfig, context: RequestContext): Promise<unknown> {
    let response
    try {
      response = await this.http.request<string>(config)
    } catch (error) {
      throw this.networkError(error, context)
    }
    const body = parseBody(typeof response.data === 'string' ? response.data : '')
    if (response.status >= 200 && response.status < 300) return body
    const error = new CodeOceanApiError(response.status, body, context)
    error.message = this.redact(error.message)
    throw error
  }

  private networkError(error: unknown, context: RequestContext): CodeOceanNetworkError {
    const code = axios.isAxiosError(error) ? error.code : undefined
    const detail = axios.isAxiosError(error)
      ? error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT'
        ? `no answer within ${Math.round((this.options.timeoutMs ?? 30_000) / 1000)} s`
        : `${error.code ?? 'network error'}: ${error.message}`
      : String(error)
    let message = `Could not ${context.operation}: ${detail} (Code Ocean at ${this.options.apiBase})`
    if (context.operation === 'start the run' && !NOT_SENT_CODES.has(code ?? '')) {
      message +=
        '\nThe request may have reached Code Ocean, so a run may have started: check the ' +
        "capsule's or pipeline's runs in Code Ocean before running this step again."
    }
    return new CodeOceanNetworkError(this.redact(message), code)
  }
}
