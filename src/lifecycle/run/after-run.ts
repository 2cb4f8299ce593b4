import * as core from '@actions/core'
import { capText } from '../../caps.js'
import type { CodeOceanClient } from '../../codeocean/client.js'
import type { Computation } from '../../codeocean/models/computation.js'
import { errorMessage } from '../../errors.js'
import { formatBytes, formatDuration } from '../../format.js'
import type { StepSettings } from '../../inputs/settings.js'
import { Output } from '../../names.js'
import type { SummaryModel } from '../../report/summary.js'
import { captureParams, captureResults } from '../../results/capture.js'
import { downloadResults } from '../../results/download.js'
import { listResultFiles, resultFilter, type ResultFile } from '../../results/listing.js'
import { CONSOLE_LOG, explainingLines, fetchLogTail, lastMeaningfulLine } from '../../results/log-tail.js'
import { storeRulesFor, type StoreRules } from '../../results/store-address.js'
import { inline, printUntrusted } from '../../untrusted.js'
import type { Step } from '../step.js'
import type { Verdict } from '../verdict.js'

/** Lines of the console log shown when a run fails. */
const LOG_TAIL_LINES = 100

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
  fetch: { signal?: AbortSignal; storeRules: StoreRules }
): Promise<void> {
  const { signal, storeRules } = fetch
  if (files && !files.some((f) => f.path === CONSOLE_LOG)) {
    summary.notes.push("The run left no console log ('output') among its results.")
    return
  }
  try {
    const size = files?.find((f) => f.path === CONSOLE_LOG)?.size
    const lines = await fetchLogTail(client.results, run.id, { maxLines: LOG_TAIL_LINES, size, signal, storeRules })
    core.startGroup(`Last ${lines.length} lines of the run's console log (${CONSOLE_LOG})`)
    try {
      // The run's own output: shown as it is, with the runner's command processing off.
      printUntrusted(lines, (line) => core.info(line))
    } finally {
      core.endGroup()
    }
    // The summary and the comment lead with the lines that say why.
    summary.failureLog = explainingLines(lines)
    const telling = lastMeaningfulLine(lines)
    if (telling) core.error(inline(telling), { title: `Code Ocean run ${inline(capText(run.name ?? run.id))} failed` })
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

/** What each part of the after-run phase works with, and the problems it meets, for the step's failure message. */
interface AfterRunPhase {
  client: CodeOceanClient
  run: Computation
  settings: StepSettings
  step: Step
  /** Aborted by a cancel or when the results-timeout runs out. */
  signal?: AbortSignal
  /** Whether it was a cancel (else the results-timeout) that aborted `signal`. */
  cancelled: () => boolean
  problems: string[]
}

/** How many files a note names before it says "and N more". */
const LISTED_FILES = 10

/** `paths` as a note lists them: the first few, quoted, then how many more. */
function listPaths(paths: readonly string[]): string {
  const shown = paths.slice(0, LISTED_FILES).map((path) => `"${inline(path)}"`)
  const more = paths.length - shown.length
  return shown.join(', ') + (more > 0 ? `, and ${more} more` : '')
}

/** What the rest of the phase will not do once `stage` was cut short. */
function skippedAfter(settings: StepSettings, stage: 'download' | 'earlier'): string[] {
  const skipped: string[] = []
  if (stage === 'earlier' && settings.downloadFolder) skipped.push('Nothing was downloaded.')
  if (settings.captureName) skipped.push(`The results were not captured as '${inline(settings.captureName)}'.`)
  return skipped
}

/**
 * Notes what a cancel or the results-timeout cut short, and, for the timeout, what was
 * left undone (`undone`); true when it was cut short. A run out timeout is a problem:
 * the step did not deliver what it was asked to.
 */
function cutShort(phase: AfterRunPhase, what: string, undone: () => string[] = () => []): boolean {
  if (!phase.signal?.aborted) return false
  const { notes } = phase.step.summary
  if (phase.cancelled()) {
    notes.push(`The workflow was cancelled during ${what}; it was not finished.`)
    return true
  }
  const minutes = phase.settings.resultsTimeoutMinutes
  notes.push(
    [`The results-timeout (${minutes} min) ran out during ${what}; it was not finished.`, ...undone()].join(' ')
  )
  phase.problems.push(
    `The results-timeout ran out after ${formatDuration(minutes * 60_000)} (results-timeout: ${minutes} min) during ${what}; the job summary says what was left undone.`
  )
  return true
}

/**
 * Lists the run's results for the summary and the download. A failed listing is a
 * problem when there is a download, else only a warning (it feeds the summary alone):
 * `files` is then undefined.
 */
async function listResults(phase: AfterRunPhase): Promise<{ files?: ResultFile[]; cutShort: boolean }> {
  const { client, run, step, settings, signal } = phase
  try {
    const files = await listResultFiles(client.results, run.id, { signal })
    step.summary.resultFiles = files
    return { files, cutShort: false }
  } catch (error) {
    const undone = (): string[] => ['The results were not listed.', ...skippedAfter(settings, 'earlier')]
    if (cutShort(phase, 'the listing of the results', undone)) return { cutShort: true }
    const message = `Could not list the run's results: ${errorMessage(error)}`
    if (settings.downloadFolder) phase.problems.push(message)
    else {
      core.warning(message)
      step.summary.notes.push(message)
    }
    return { cutShort: false }
  }
}

/** Downloads the results `results-filter` keeps into `folder`; false when a cancel cut it short. */
async function download(phase: AfterRunPhase, folder: string, files: ResultFile[]): Promise<boolean> {
  const { client, run, step, settings, signal } = phase
  const keep = resultFilter(settings.resultsFilter)
  const wanted = files.filter((f) => keep(f.path))
  const done = new Set<string>()
  core.info(
    `Downloading ${wanted.length} of ${files.length} result files (${formatBytes(wanted.reduce((s, f) => s + f.size, 0))}) into ${inline(folder)}`
  )
  try {
    const report = await downloadResults(client.results, run.id, wanted, folder, {
      onProgress: (line) => core.info(line),
      // Retry lines carry result paths and the object store's words.
      onRetry: (line) => core.info(inline(line)),
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      storeRules: storeRulesFor(settings.location.apiBase),
      onFileDone: (path) => done.add(path),
      signal
    })
    step.summary.download = report
    step.outputs.set(Output.ResultsPath, report.folder)
    step.outputs.set(Output.ResultFiles, String(report.files))
    core.info(`Downloaded ${report.files} files (${formatBytes(report.bytes)}) into ${inline(report.folder)}`)
  } catch (error) {
    const undone = (): string[] => {
      const left = wanted.filter((f) => !done.has(f.path)).map((f) => f.path)
      return [
        `${left.length} of ${wanted.length} files were not downloaded: ${listPaths(left)}.`,
        ...skippedAfter(settings, 'download')
      ]
    }
    if (cutShort(phase, 'the download (partial files were removed)', undone)) return false
    phase.problems.push(errorMessage(error))
  }
  return true
}

/** Captures a successful run's results as the data asset `name`; a run that did not succeed is only noted. */
async function capture(phase: AfterRunPhase, verdict: Verdict, name: string): Promise<void> {
  const { client, run, step, settings, signal } = phase
  if (!verdict.succeeded) {
    step.summary.notes.push(`The run did not succeed, so its results were not captured as '${name}'.`)
    return
  }
  try {
    const params = captureParams(run, name, settings.captureTags, origin(process.env))
    const asset = await captureResults(client.dataAssets, params, { log: (line) => core.info(inline(line)), signal })
    step.outputs.set(Output.DataAssetId, asset.id)
    step.summary.dataAsset = { id: asset.id, name }
  } catch (error) {
    if (
      cutShort(phase, `the capture as data asset '${name}' (once created, it may still become ready in Code Ocean)`)
    ) {
      return
    }
    phase.problems.push(errorMessage(error))
  }
}

/**
 * The after-run phase's signal: a cancel, or the results-timeout running out. Each
 * request has its own deadline, but a server answering each one just inside it would
 * otherwise hold the job for as long as there are files.
 */
function boundedBy(minutes: number, cancel: AbortSignal | undefined): AbortSignal | undefined {
  if (minutes <= 0) return cancel
  // The input refuses minutes a timer cannot hold.
  const deadline = AbortSignal.timeout(minutes * 60_000)
  return cancel ? AbortSignal.any([cancel, deadline]) : deadline
}

/**
 * What follows a finished run: its failure log, the results listing, the download
 * (after a failed run too: that is when results matter most) and the capture (after
 * success only), all within the results-timeout. Returns the problems met, for the
 * step's failure message.
 *
 * A cancel (`cancel`), or the results-timeout, ends whichever phase is under way at
 * once and skips the rest; the run itself is finished and is left as it is.
 */
export async function afterRun(
  client: CodeOceanClient,
  run: Computation,
  verdict: Verdict,
  settings: StepSettings,
  step: Step,
  cancel?: AbortSignal
): Promise<string[]> {
  const signal = boundedBy(settings.resultsTimeoutMinutes, cancel)
  const cancelled = (): boolean => cancel?.aborted === true
  const phase: AfterRunPhase = { client, run, settings, step, signal, cancelled, problems: [] }
  const { summary } = step
  // has_results is optional in Code Ocean's model: missing means "maybe", and the listing decides.
  const maybeResults = run.has_results === undefined
  if (run.has_results === false) return noResults(settings, summary, phase.problems)

  let files: ResultFile[] | undefined
  if (settings.summary || settings.downloadFolder || maybeResults) {
    const listing = await listResults(phase)
    if (listing.cutShort) return phase.problems
    files = listing.files
  }

  if (maybeResults && files?.length === 0) return noResults(settings, summary, phase.problems)
  if (!verdict.succeeded) {
    await showFailureLog(client, run, files, summary, { signal, storeRules: storeRulesFor(settings.location.apiBase) })
  }
  if (cutShort(phase, "the reading of the run's console log", () => skippedAfter(settings, 'earlier'))) {
    return phase.problems
  }

  if (settings.downloadFolder && files) {
    const finished = await download(phase, settings.downloadFolder, files)
    if (!finished) return phase.problems
  }
  if (settings.captureName) await capture(phase, verdict, settings.captureName)
  return phase.problems
}
