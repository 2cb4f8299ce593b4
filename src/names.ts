/** Input names, exactly as declared in action.yml. */
export const Input = {
  Domain: 'domain',
  Secret: 'secret',
  PipelineId: 'pipeline-id',
  CapsuleId: 'capsule-id',
  ComputationId: 'computation-id',
  Version: 'version',
  DataAssets: 'data-assets',
  Processes: 'processes',
  Parameters: 'parameters',
  NamedParameters: 'named-parameters',
  NextflowProfile: 'nextflow-profile',
  SyncGit: 'sync-git',
  ResumeRunId: 'resume-run-id',
  ResumeOnRerun: 'resume-on-rerun',
  RunName: 'run-name',
  CheckParameters: 'check-parameters',
  Wait: 'wait',
  PollInterval: 'poll-interval',
  WaitTimeout: 'wait-timeout',
  StopOnCancel: 'stop-on-cancel',
  StopOnTimeout: 'stop-on-timeout',
  Summary: 'summary',
  DownloadResults: 'download-results',
  ResultsFilter: 'results-filter',
  ResultsTimeout: 'results-timeout',
  CaptureResults: 'capture-results',
  CaptureTags: 'capture-tags',
  CommentOnPr: 'comment-on-pr',
  CheckRun: 'check-run',
  GithubToken: 'github-token',
  Settle: 'settle',
  SettleMaxAge: 'settle-max-age',
  SettleWorkflow: 'settle-workflow'
} as const

/**
 * What the main step leaves for the post step (GITHUB_STATE). Never the token. The post
 * step has an entry point of its own (src/post.ts), so no state says which step runs.
 */
export const State = {
  ComputationId: 'computation-id',
  /** 'true' while the main step waits and has not settled the run's fate. */
  Watching: 'watching',
  /** The id of this step's check run while it is in progress and the step answers for it; '' once settled. */
  CheckRunId: 'check-run-id'
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
  Computation: 'computation',
  ResultsPath: 'results-path',
  ResultFiles: 'result-files',
  DataAssetId: 'data-asset-id',
  GitPulled: 'git-pulled',
  GitPushed: 'git-pushed'
} as const

export type OutputName = (typeof Output)[keyof typeof Output]

/** Environment variables read when the matching input is empty. */
export const EnvFallback = {
  Domain: 'CODEOCEAN_DOMAIN',
  Secret: 'CODEOCEAN_API_TOKEN'
} as const
