import type { RequestContext } from './api-error-messages.js'
import { CodeOceanApiError, CodeOceanNetworkError, UnreadableStartError } from './errors.js'
import { readComputation, type Computation } from './models/computation.js'
import { idSegment } from './models/id.js'
import type { RunRequest } from './models/run-request.js'
import { classifyNetworkError, provesNothingSent } from './network-failures.js'
import type { ApiTransport, CallOptions } from './transport.js'

/** Said whenever a start request failed in a way that does not rule out a started run. */
const RUN_MAY_HAVE_STARTED =
  'The request may have reached Code Ocean, so a run may have started: look at the ' +
  "capsule's or pipeline's runs in Code Ocean before running this step again. " +
  'The action does not repeat a start that may have succeeded, so one step never starts two runs.'

/**
 * Whether a failed start may have started a run: the request went out and the answer,
 * if any, does not rule a run out (a 5xx, a reset, a timeout, an answer too large or
 * unreadable). Not a cancel, nor a refusal (4xx), nor a request that surely never left.
 */
export function mayHaveStartedRun(error: unknown): boolean {
  if (error instanceof UnreadableStartError) return true
  if (error instanceof CodeOceanApiError) return error.status >= 500
  if (error instanceof CodeOceanNetworkError) return !provesNothingSent(classifyNetworkError(error.code))
  return false
}

/** Runs: `/computations` and `/computations/{id}`. */
export class ComputationsApi {
  constructor(private readonly transport: ApiTransport) {}

  /** POST /computations: starts a capsule or pipeline run. Repeated only when surely refused. */
  async start(body: RunRequest, call: CallOptions = {}): Promise<Computation> {
    const context: RequestContext = {
      operation: 'start the run',
      sentBody: body,
      idHint: body.pipeline_id ? `pipeline ${body.pipeline_id}` : `capsule ${body.capsule_id ?? ''}`,
      mayHaveTakenEffect: RUN_MAY_HAVE_STARTED
    }
    const data = await this.transport.request(
      { method: 'POST', url: 'computations', data: body, headers: { 'Content-Type': 'application/json' } },
      context,
      'start',
      call
    )
    try {
      return readComputation(data)
    } catch (error) {
      // The server said yes but its answer is unreadable: a run has probably started.
      throw new UnreadableStartError(
        `${(error as Error).message}\nA run has probably started: check the ${body.pipeline_id ? 'pipeline' : 'capsule'}'s runs in Code Ocean before running this step again.`,
        { cause: error }
      )
    }
  }

  /** GET /computations/{id} */
  async get(id: string, call: CallOptions = {}): Promise<Computation> {
    const data = await this.transport.request(
      { method: 'GET', url: `computations/${idSegment(id, 'run')}` },
      { operation: `read run ${id}`, idHint: `run ${id}` },
      'idempotent',
      call
    )
    // The run asked about is the run answered about, whatever id the body carries.
    return readComputation(data, id)
  }

  /** PATCH /computations/{id}?name=…: Code Ocean takes the new name as a query parameter. */
  async rename(id: string, name: string, call: CallOptions = {}): Promise<void> {
    await this.transport.request(
      { method: 'PATCH', url: `computations/${idSegment(id, 'run')}`, params: { name } },
      { operation: `rename run ${id}`, idHint: `run ${id}` },
      'idempotent',
      call
    )
  }

  /**
   * DELETE /computations/{id}: in Code Ocean this stops the run and deletes it. A run
   * that is already gone (404) counts as stopped.
   */
  async delete(id: string, call: CallOptions = {}): Promise<void> {
    try {
      await this.transport.request(
        { method: 'DELETE', url: `computations/${idSegment(id, 'run')}` },
        { operation: `stop run ${id}`, idHint: `run ${id}` },
        'idempotent',
        call
      )
    } catch (error) {
      if (error instanceof CodeOceanApiError && error.status === 404) return
      throw error
    }
  }
}
