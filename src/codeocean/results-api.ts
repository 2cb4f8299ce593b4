import type { RequestContext } from './api-error-messages.js'
import { CodeOceanApiError } from './errors.js'
import { DOWNLOAD_LINK_ANSWER_LIMIT, RESULTS_LISTING_ANSWER_LIMIT } from './limits.js'
import { idSegment } from './models/id.js'
import { readResultItems, type ResultItem } from './models/result-item.js'
import type { ApiTransport, CallOptions } from './transport.js'

/** A run's results: `/computations/{id}/results…`. */
export class ResultsApi {
  /** Which signed-URL endpoint the server has: `/results/urls`, or only the deprecated one. */
  private urlEndpoint: 'current' | 'legacy' | undefined
  /** Pending while the first signed-URL call finds that out. */
  private urlProbe: Promise<void> | undefined

  constructor(private readonly transport: ApiTransport) {}

  /** POST /computations/{id}/results: one folder of the results tree ('' is the top). */
  async list(id: string, path: string, call: CallOptions = {}): Promise<ResultItem[]> {
    const data = await this.transport.request(
      {
        method: 'POST',
        url: `computations/${idSegment(id, 'run')}/results`,
        data: { path },
        headers: { 'Content-Type': 'application/json' }
      },
      {
        operation: `list the results of run ${id}${path ? ` in "${path}"` : ''}`,
        idHint: `run ${id}`,
        answerLimit: RESULTS_LISTING_ANSWER_LIMIT
      },
      'idempotent',
      call
    )
    return readResultItems(data)
  }

  /**
   * A fresh signed URL for one result file. Uses `/results/urls` (Code Ocean 4.0+)
   * and falls back, for good, to the deprecated `/results/download_url` when an older
   * server does not know it.
   */
  async fileUrl(id: string, path: string, call: CallOptions = {}): Promise<string> {
    const context: RequestContext = {
      operation: `get a download link for result "${path}" of run ${id}`,
      idHint: `result "${path}" of run ${id}`,
      answerLimit: DOWNLOAD_LINK_ANSWER_LIMIT
    }
    // The first call finds out which endpoint the server has; concurrent calls wait for it.
    while (this.urlProbe) await this.urlProbe
    if (this.urlEndpoint !== 'legacy') {
      let probeDone = (): void => {}
      if (this.urlEndpoint === undefined) this.urlProbe = new Promise((resolve) => (probeDone = resolve))
      try {
        const data = await this.transport.request(
          { method: 'GET', url: `computations/${idSegment(id, 'run')}/results/urls`, params: { path } },
          context,
          'idempotent',
          call
        )
        this.urlEndpoint = 'current'
        const url = (data as { download_url?: unknown } | undefined)?.download_url
        if (typeof url === 'string' && url) return url
        throw new Error(`Code Ocean sent no download_url for result "${path}"`)
      } catch (error) {
        if (!(error instanceof CodeOceanApiError && error.status === 404) || this.urlEndpoint === 'current') throw error
        this.urlEndpoint = 'legacy'
      } finally {
        this.urlProbe = undefined
        probeDone()
      }
    }
    const data = await this.transport.request(
      { method: 'GET', url: `computations/${idSegment(id, 'run')}/results/download_url`, params: { path } },
      context,
      'idempotent',
      call
    )
    const url = (data as { url?: unknown } | undefined)?.url
    if (typeof url === 'string' && url) return url
    throw new Error(`Code Ocean sent no url for result "${path}"`)
  }
}
