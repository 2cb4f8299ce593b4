/** Input names, exactly as declared in action.yml. */
export const Input = {
  Domain: 'domain',
  Secret: 'secret',
  PipelineId: 'pipeline-id',
  CapsuleId: 'capsule-id',
  Version: 'version',
  DataAssets: 'data-assets',
  Processes: 'processes',
  Parameters: 'parameters',
  NamedParameters: 'named-parameters',
  NextflowProfile: 'nextflow-profile',
  RunName: 'run-name',
  Wait: 'wait',
  PollInterval: 'poll-interval'
} as const

/** Output names, exactly as declared in action.yml. */
export const Output = {
  ComputationId: 'computation-id',
  Name: 'name',
  State: 'state',
  EndStatus: 'end-status',
  ExitCode: 'exit-code',
  HasResults: 'has-results',
  RunTime: 'run-time',
  Status: 'status',
  Computation: 'computation'
} as const

export type OutputName = (typeof Output)[keyof typeof Output]

/** Environment variables read when the matching input is empty. */
export const EnvFallback = {
  Domain: 'CODEOCEAN_DOMAIN',
  Secret: 'CODEOCEAN_API_TOKEN'
} as const

/** Code Ocean's Python SDK refuses to poll more often than this. */
export const MIN_POLL_SECONDS = 5
/** Upper bound of the `auto` poll interval. */
export const MAX_AUTO_POLL_SECONDS = 60
