import { AppPanelsApi } from './app-panels-api.js'
import { ComputationsApi } from './computations-api.js'
import { DataAssetsApi } from './data-assets-api.js'
import { ResultsApi } from './results-api.js'
import { TargetsApi } from './targets-api.js'
import { ApiTransport, type ClientOptions } from './transport.js'

/**
 * Code Ocean's REST API, grouped by resource as its documentation is: runs, their
 * results, data assets, app panels. All share one connection pool, one token and one retry policy.
 */
export class CodeOceanClient {
  readonly computations: ComputationsApi
  readonly results: ResultsApi
  readonly dataAssets: DataAssetsApi
  readonly appPanels: AppPanelsApi
  /** Capsules and pipelines: Git sync and their lists of runs. */
  readonly targets: TargetsApi
  private readonly transport: ApiTransport

  constructor(options: ClientOptions) {
    this.transport = new ApiTransport(options)
    this.computations = new ComputationsApi(this.transport)
    this.results = new ResultsApi(this.transport)
    this.dataAssets = new DataAssetsApi(this.transport)
    this.appPanels = new AppPanelsApi(this.transport)
    this.targets = new TargetsApi(this.transport)
  }

  /** Frees pooled connections so the process can exit promptly. */
  close(): void {
    this.transport.close()
  }
}
