import * as core from '@actions/core'
import type { CodeOceanClient } from '../../codeocean/client.js'
import type { Computation } from '../../codeocean/models/computation.js'
import { errorMessage } from '../../errors.js'
import { formatBytes } from '../../format.js'
import type { StepSettings } from '../../inputs/settings.js'
import { Output } from '../../names.js'
import type { SummaryModel } from '../../report/summary.js'
import { captureParams, captureResults } from '../../results/capture.js'
import { downloadResults } from '../../results/download.js'
import { listResultFiles, resultFilter, type ResultFile } from '../../results/listing.js'
import { CONSOLE_LOG, fetchLogTail, lastMeaningfulLine } from '../../results/log-tail.js'
import { inline, printUntrusted } from '../../untrusted.js'
import type { Step } from '../step.js'
import type { Verdict } from '../verdict.js'

/** Lines of the console log shown when a run fails. */
export const LOG_TAIL_LINES = 100

/** Where a capture says it came from: the workflow run, when known. */
function origin(env: NodeJS.ProcessEnv): string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: runId } = env
  return server && repo && runId ? `GitHub Actions ${server}/${repo}/actions/runs/${runId}` : 'GitHub Actions'
}

/** Prints the tail of a failed run's console log and annotates its telling line. */
async function showFailureLog(
  client: CodeOceanClient,
  run: Computation,
  files: ResultFile[] | undefined,
  summary: SummaryModel,
  signal?: AbortSignal
): Promise<void> {
  if (files && !files.some((f) => f.path === CONSOLE_LOG)) {
    summary.notes.push("The run left no console log ('output') among its results.")
    return
  }
  try {
    const size = files?.find((f) => f.path === CONSOLE_LOG)?.size
    const lines = await fetchLogTail(client.results, run.id, { maxLines: LOG_TAIL_LINES, size, signal })
    core.startGroup(`Last ${lines.length} lines of the run's console log (${CONSOLE_LOG})`)
    try {
      // The run's own output: shown as it is, with the runner's command processing off.
      printUntrusted(lines, (line) => core.info(line))
    } finally {
      core.endGroup()
    }
    const telling = lastMeaningfulLine(lines)
    if (telling) core.error(inline(telling), { title: `Code Ocean run ${inline(run.name ?? run.id)} failed` })
  } catch (error) {
    if (signal?.aborted) return
    core.info(`Could not read the run's console log: ${inline(errorMessage(error).split('\n')[0])}`)
  }
}

/** A run without results: nothing to download or capture. */
function noResults(settings: StepSettings, summary: SummaryModel, problems: string[]): string[] {
  if (settings.downloadFolder) summary.notes.push('The run has no results, so nothing was downloaded.')
  if (settings.captureName) summary.notes.push('The run has no results, so nothing was captured.')
  return problems
}

/**
 * What follows a finished run: its failure log, the results listing, the download
 * (after a failed run too: that is when results matter most) and the capture (after
 * success only). Returns the problems met, for the step's failure message.
 *
 * A cancel (`signal`) ends whichever phase is under way at once and skips the rest;
 * the run itself is finished and is left as it is.
 */
export async function afterRun(
  client: CodeOceanClient,
  run: Computation,
  verdict: Verdict,
  settings: StepSettings,
  step: Step,
  signal?: AbortSignal
): Promise<string[]> {
  const { outputs, summary } = step
  const problems: string[] = []
  /** Notes what a cancel cut short; true when it did. */
  const cutShort = (what: string): boolean => {
    if (!signal?.aborted) return false
    summary.notes.push(`The workflow was cancelled during ${what}; it was not finished.`)
    return true
  }
  // has_results is optional in Code Ocean's model: missing means "maybe", and the listing decides.
  const maybeResults = run.has_results === undefined
  if (run.has_results === false) return noResults(settings, summary, problems)

  let files: ResultFile[] | undefined
  if (settings.summary || settings.downloadFolder || maybeResults) {
    try {
      files = await listResultFiles(client.results, run.id, { signal })
      summary.resultFiles = files
    } catch (error) {
      if (cutShort('the listing of the results')) return problems
      const message = `Could not list the run's results: ${errorMessage(error)}`
      // Without a download, the listing only feeds the summary: not worth failing for.
      if (settings.downloadFolder) problems.push(message)
      else {
        core.warning(message)
        summary.notes.push(message)
      }
    }
  }

  if (maybeResults && files?.length === 0) return noResults(settings, summary, problems)
  if (!verdict.succeeded) await showFailureLog(client, run, files, summary, signal)
  if (cutShort("the reading of the run's console log")) return problems

  if (settings.downloadFolder && files) {
    const keep = resultFilter(settings.resultsFilter)
    const wanted = files.filter((f) => keep(f.path))
    core.info(
      `Downloading ${wanted.length} of ${files.length} result files (${formatBytes(wanted.reduce((s, f) => s + f.size, 0))}) into ${inline(settings.downloadFolder)}`
    )
    try {
      const report = await downloadResults(client.results, run.id, wanted, settings.downloadFolder, {
        onProgress: (line) => core.info(line),
        // Retry lines carry result paths and the object store's words.
        onRetry: (line) => core.info(inline(line)),
        workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
        signal
      })
      summary.download = report
      outputs.set(Output.ResultsPath, report.folder)
      outputs.set(Output.ResultFiles, String(report.files))
      core.info(`Downloaded ${report.files} files (${formatBytes(report.bytes)}) into ${inline(report.folder)}`)
    } catch (error) {
      if (cutShort('the download (partial files were removed)')) return problems
      problems.push(errorMessage(error))
    }
  }

  if (settings.captureName) {
    if (!verdict.succeeded) {
      summary.notes.push(`The run did not succeed, so its results were not captured as '${settings.captureName}'.`)
    } else {
      try {
        const params = captureParams(run, settings.captureName, settings.captureTags, origin(process.env))
        const asset = await captureResults(client.dataAssets, params, {
          log: (line) => core.info(inline(line)),
          signal
        })
        outputs.set(Output.DataAssetId, asset.id)
        summary.dataAsset = { id: asset.id, name: settings.captureName }
      } catch (error) {
        if (
          cutShort(
            `the capture as data asset '${settings.captureName}' (once created, it may still become ready in Code Ocean)`
          )
        )
          return problems
        problems.push(errorMessage(error))
      }
    }
  }
  return problems
}
