import type { Target } from './models/run-request.js'
import { route } from './targets-api.js'
import type { ApiTransport, CallOptions } from './transport.js'

/** App panels: `GET /capsules/{id}/app_panel` and `GET /pipelines/{id}/app_panel`. */
export class AppPanelsApi {
  constructor(private readonly transport: ApiTransport) {}

  /** The raw app panel of a capsule or pipeline, of release `version` when given. */
  async get(target: Target, version?: number, call: CallOptions = {}): Promise<unknown> {
    const what = `${target.kind} ${target.id}`
    return this.transport.request(
      {
        method: 'GET',
        url: `${route(target)}/app_panel`,
        params: version === undefined ? undefined : { version }
      },
      { operation: `read the app panel of ${what}`, idHint: what },
      'idempotent',
      call
    )
  }
}
