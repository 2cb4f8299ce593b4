/** A data asset to attach to a run, as the API takes it (the SDK's DataAssetsRunParam). */
export interface AttachedDataAsset {
  id: string
  mount?: string
}

/** A named parameter, as the API takes it. */
export interface NamedParameter {
  param_name: string
  value: string
}

/** Parameters of one pipeline process, as the API takes them. */
export interface Process {
  name: string
  parameters?: string[]
  named_parameters?: NamedParameter[]
}

/** The body of POST /computations. Unset fields are left out, never sent as null. */
export interface RunRequest {
  capsule_id?: string
  pipeline_id?: string
  version?: number
  resume_run_id?: string
  data_assets?: AttachedDataAsset[]
  parameters?: string[]
  named_parameters?: NamedParameter[]
  processes?: Process[]
  nextflow_profile?: string
}

export type Target = { kind: 'pipeline'; id: string } | { kind: 'capsule'; id: string }

/** What to run, as read from the inputs. */
export interface RunSpec {
  target: Target
  version?: number
  /** An earlier run of the same target to resume from. */
  resumeRunId?: string
  dataAssets?: AttachedDataAsset[]
  processes?: Process[]
  parameters?: string[]
  namedParameters?: NamedParameter[]
  nextflowProfile?: string
}

/** Builds the request body for a run. Pure: the same spec always gives the same body. */
export function buildRunRequest(spec: RunSpec): RunRequest {
  const body: RunRequest =
    spec.target.kind === 'pipeline' ? { pipeline_id: spec.target.id } : { capsule_id: spec.target.id }
  if (spec.version !== undefined) body.version = spec.version
  if (spec.resumeRunId) body.resume_run_id = spec.resumeRunId
  if (spec.dataAssets?.length) body.data_assets = spec.dataAssets
  if (spec.parameters?.length) body.parameters = spec.parameters
  if (spec.namedParameters?.length) body.named_parameters = spec.namedParameters
  if (spec.processes?.length) body.processes = spec.processes
  if (spec.nextflowProfile) body.nextflow_profile = spec.nextflowProfile
  return body
}
