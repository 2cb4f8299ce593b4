import { DATA_ASSET_ANSWER_LIMIT } from './limits.js'
import { readDataAsset, type DataAsset, type DataAssetParams } from './models/data-asset.js'
import { idSegment } from './models/id.js'
import type { ApiTransport, CallOptions } from './transport.js'

/** Data assets: `/data_assets` and `/data_assets/{id}`. */
export class DataAssetsApi {
  constructor(private readonly transport: ApiTransport) {}

  /** POST /data_assets: captures a run's results as a new data asset. */
  async create(params: DataAssetParams, call: CallOptions = {}): Promise<DataAsset> {
    const data = await this.transport.request(
      { method: 'POST', url: 'data_assets', data: params, headers: { 'Content-Type': 'application/json' } },
      {
        operation: `create the data asset "${params.name}"`,
        sentBody: params,
        idHint: `run ${params.source.computation.id}`,
        mayHaveTakenEffect: `The request may have reached Code Ocean, so the data asset "${params.name}" may exist: look at the data assets in Code Ocean before capturing again.`,
        answerLimit: DATA_ASSET_ANSWER_LIMIT
      },
      // Creating twice would make two assets; like a start, repeat it only when refused.
      'start',
      call
    )
    return readDataAsset(data)
  }

  /** GET /data_assets/{id} */
  async get(id: string, call: CallOptions = {}): Promise<DataAsset> {
    const data = await this.transport.request(
      { method: 'GET', url: `data_assets/${idSegment(id, 'data asset')}` },
      { operation: `read data asset ${id}`, idHint: `data asset ${id}`, answerLimit: DATA_ASSET_ANSWER_LIMIT },
      'idempotent',
      call
    )
    return readDataAsset(data, id)
  }
}
