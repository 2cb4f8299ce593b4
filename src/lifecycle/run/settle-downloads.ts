/**
 * A settle step's downloads (`download-results` beside `settle: true`): the results of
 * each run whose check the step completed go into `<download-results>/<run id>/`, with the
 * listing, filter and download a run's own step uses, all within one `results-timeout`.
 * A download that fails is a warning: the check is completed all the same.
 */
import { join } from 'node:path'
import type { CodeOceanClient } from '../../codeocean/client.js'
import type { Computation } from '../../codeocean/models/computation.js'
import { errorMessage } from '../../errors.js'
import { formatBytes, formatDuration } from '../../format.js'
import type { SettleSettings } from '../../inputs/settle.js'
import { downloadResults } from '../../results/download.js'
import { listResultFiles, resultFilter } from '../../results/listing.js'
import { storeRulesFor } from '../../results/store-address.js'
import { inline } from '../../untrusted.js'

/** What became of one run's results. */
export type SettleDownload =
  | { kind: 'downloaded'; folder: string; files: number; bytes: number }
  | { kind: 'none'; why: string }
  | { kind: 'failed'; why: string }

/** Downloads one ended run's results; never throws. */
export type SettleDownloader = (run: Computation) => Promise<SettleDownload>

/**
 * The downloader of a settle step, or undefined without `download-results`. The
 * results-timeout starts with the first download and bounds them all together.
 */
export function settleDownloader(
  client: Pick<CodeOceanClient, 'results'>,
  settings: SettleSettings,
  log: (line: string) => void,
  workspace: string = process.env.GITHUB_WORKSPACE || process.cwd()
): SettleDownloader | undefined {
  const root = settings.downloadFolder
  if (root === undefined) return undefined
  const minutes = settings.resultsTimeoutMinutes
  let deadline: AbortSignal | undefined
  const keep = resultFilter(settings.resultsFilter)
  return async (run) => {
    if (run.has_results === false) return { kind: 'none', why: 'the run has no results' }
    // The input refuses minutes a timer cannot hold.
    if (minutes > 0) deadline ??= AbortSignal.timeout(minutes * 60_000)
    const ranOut = (): SettleDownload => ({
      kind: 'failed',
      why: `the results-timeout ran out after ${formatDuration(minutes * 60_000)} (results-timeout: ${minutes} min)`
    })
    if (deadline?.aborted) return ranOut()
    try {
      const files = await listResultFiles(client.results, run.id, { signal: deadline })
      const wanted = files.filter((file) => keep(file.path))
      if (files.length === 0) return { kind: 'none', why: 'the run has no results' }
      if (wanted.length === 0) return { kind: 'none', why: 'results-filter keeps none of its results' }
      const folder = join(root, run.id)
      log(`Downloading ${wanted.length} of ${files.length} result files of run ${run.id} into ${inline(folder)}`)
      const report = await downloadResults(client.results, run.id, wanted, folder, {
        onProgress: log,
        onRetry: (line) => log(inline(line)),
        workspace,
        storeRules: storeRulesFor(settings.location.apiBase),
        signal: deadline
      })
      log(`Downloaded ${report.files} files (${formatBytes(report.bytes)}) into ${inline(report.folder)}`)
      return { kind: 'downloaded', folder: report.folder, files: report.files, bytes: report.bytes }
    } catch (error) {
      if (deadline?.aborted) return ranOut()
      return { kind: 'failed', why: errorMessage(error).split('\n')[0] }
    }
  }
}
