import { Input } from '../names.js'
import type { Problems } from './problems.js'
import { parseDownloadFolder, parseList, parseResultsTimeout } from './values.js'

/**
 * The default `results-timeout`, as action.yml declares it: an hour is 3.6 GB at 1 MB/s,
 * the slowest transfer rate the download accepts, and more than a hosted runner's
 * disk holds at a few MB/s; a server that stalls every request just inside its
 * deadline holds the job no longer than that.
 */
const DEFAULT_RESULTS_TIMEOUT_MINUTES = 60

/** Where results go, which of them, and how long all that follows a run may take. */
export interface DownloadSettings {
  /** Absolute folder to download results into, inside the workspace. */
  downloadFolder?: string
  /** Globs (`!` excludes) of result paths to download. */
  resultsFilter: string[]
  /** Minutes for all that follows the finished run (listing, log, download, capture); 0 means no limit. */
  resultsTimeoutMinutes: number
}

/** `download-results`, `results-filter` and `results-timeout`, for a run's step and a settle step alike. */
export function readDownloadSettings(problems: Problems, env: NodeJS.ProcessEnv): DownloadSettings {
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const downloadFolder = problems.check(Input.DownloadResults, (raw) =>
    parseDownloadFolder(Input.DownloadResults, raw, workspace)
  )
  const resultsFilter = parseList(problems.read(Input.ResultsFilter), false)
  const resultsTimeoutMinutes =
    problems.check(Input.ResultsTimeout, (raw) => parseResultsTimeout(Input.ResultsTimeout, raw)) ??
    DEFAULT_RESULTS_TIMEOUT_MINUTES
  if (resultsFilter.length > 0 && !downloadFolder) {
    problems.add(
      Input.ResultsFilter,
      `only applies to downloads; set 'download-results' to a folder too`,
      `${Input.DownloadResults}: results`
    )
  }
  return { downloadFolder, resultsFilter, resultsTimeoutMinutes }
}
