import * as core from '@actions/core'
import type { Computation } from '../codeocean/models/computation.js'
import type { RunRequest } from '../codeocean/models/run-request.js'
import { andMore, capItems } from '../caps.js'
import { errorMessage } from '../errors.js'
import { formatBytes, formatDuration } from '../format.js'
import { redactRegistered } from '../redact.js'
import type { ResultFile } from '../results/listing.js'
import { relativeToWorkspace } from './links.js'
import { code, codeBlock, details, fitWithin, lineBlock, link, list, table, text } from './markdown.js'
import type { Status } from './outputs.js'

/** Everything the job summary reports; filled in as the step goes, on every path. */
export interface SummaryModel {
  status?: Status
  /**
   * Why the step failed or stopped, beyond what the run's state says: the step's error
   * (a bad input and its example, a network failure), the timeout, or what the step could
   * not deliver after the run. One or more lines of plain text (shown escaped, line by line).
   */
  message?: string
  request?: RunRequest
  /** The step followed a run something else started (`computation-id`), rather than starting one. */
  followed?: boolean
  computation?: Computation
  /** The lines of a failed run's console log that say why (log-tail.ts, explainingLines). */
  failureLog?: string[]
  /** The page of this workflow run (links.ts). */
  workflowRun?: string
  /** GITHUB_WORKSPACE: paths inside it are shown relative to it. */
  workspace?: string
  startedAt?: number
  endedAt?: number
  resultFiles?: ResultFile[]
  download?: { folder: string; files: number; bytes: number }
  dataAsset?: { id: string; name: string }
  /** Plain-text remarks (shown escaped). */
  notes: string[]
}

/** How many result files the summary lists by name. */
export const LISTED_FILES = 50

/** How many rows a table of the request (data assets, parameters, processes) shows. */
const LISTED_ROWS = 50

/** How many notes the summary shows, and the most characters of each. */
const LISTED_NOTES = 20
const NOTE_CHARS = 500

/**
 * The largest step summary GitHub keeps: a larger one is dropped whole ("supports
 * content up to a size of 1024k"; docs/runner.md).
 */
const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024

const HEADLINE: Record<Status, [emoji: string, words: string]> = {
  started: ['▶️', 'Code Ocean run started'],
  succeeded: ['✅', 'Code Ocean run succeeded'],
  failed: ['❌', 'Code Ocean run failed'],
  stopped: ['⏹️', 'Code Ocean run was stopped'],
  'timed-out': ['⏱️', 'Timed out waiting for the Code Ocean run'],
  cancelled: ['🚫', 'Cancelled while waiting for the Code Ocean run']
}

function utc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')
}

/**
 * Turns outside text into inert Markdown: its secrets removed first (escaping could
 * split a secret), then the runner's workspace folder (a reader knows paths from the
 * repository's root).
 */
interface Escape {
  text: (value: string, max?: number) => string
  code: (value: string) => string
  /** Plain text, before escaping: for the line and code blocks, which escape it their own way. */
  plain: (value: string) => string
  /** A value of the request as it was sent: paths in it are not shortened. */
  sent: (value: string) => string
}

function escaper(redact: (text: string) => string, workspace: string | undefined): Escape {
  const plain = (value: string): string => relativeToWorkspace(redact(value), workspace)
  return {
    text: (value, max) => text(plain(value), max),
    code: (value) => code(plain(value)),
    plain,
    sent: (value) => code(redact(value))
  }
}

/** A table of at most LISTED_ROWS rows, then how many more there were. */
function cappedTable(header: string[], rows: string[][], noun: string): string[] {
  const { shown, more } = capItems(rows, LISTED_ROWS)
  return more > 0 ? [table(header, shown), andMore(more, noun)] : [table(header, shown)]
}

/** `1 file`, `3 files`. */
function counted(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : `${noun}s`}`
}

/** The outcome in words, as the headline says it (without its emoji): also a check run's title. */
function outcomeOf(model: SummaryModel): [emoji: string, words: string] {
  const known = model.computation !== undefined
  if (known && model.status) return HEADLINE[model.status]
  return ['❌', model.followed ? 'Could not follow the Code Ocean run' : 'Code Ocean run did not start']
}

export function outcomeLine(model: SummaryModel): string {
  return outcomeOf(model)[1]
}

function headline(model: SummaryModel): string {
  return `## ${outcomeOf(model).join(' ')}`
}

/**
 * The run in one line, instead of a table of Status, State and End status that repeat
 * one another: `Run 'nightly' (`c1`): state completed, end status failed, exit code 1,
 * ran 1m 15s.`
 */
function statusLine(model: SummaryModel, e: Escape): string | undefined {
  const c = model.computation
  if (!c) return undefined
  const facts = [`state ${e.text(c.state || 'unknown')}`]
  if (c.end_status !== undefined) facts.push(`end status ${e.text(c.end_status)}`)
  if (c.exit_code !== undefined) facts.push(`exit code ${e.text(String(c.exit_code))}`)
  if (c.run_time !== undefined) facts.push(`ran ${formatDuration(c.run_time * 1000)}`)
  if (c.has_results === false) facts.push('no results')
  const name = c.name ? `'${e.text(c.name)}' ` : ''
  const followed = model.followed ? ' It was started elsewhere; this step followed it (`computation-id`).' : ''
  return `Run ${name}(${e.code(c.id)}): ${facts.join(', ')}.${followed}`
}

/**
 * Why the step did not succeed, first thing after the outcome: the step's own message
 * (its error, the timeout, what it could not deliver), each of its lines on a line of
 * its own, and the lines of the console log that explain a failed run.
 */
function reasonSections(model: SummaryModel, e: Escape): string[] {
  const out: string[] = []
  if (model.message) out.push(lineBlock(e.plain(model.message)))
  if (model.failureLog?.length) {
    // The log is the result file `output` (CONSOLE_LOG in log-tail.ts, not imported: it
    // would load the object store's HTTP client into every step, a bad input's too).
    out.push("**Why:** the run's console log (`output`) says:")
    out.push(codeBlock(model.failureLog.map(e.plain)))
  }
  return out
}

/**
 * Why the step did not succeed, alone, rendered as the summary renders it: `message` (the
 * step's whole failure message) and the console log's telling lines; undefined when there
 * is neither. A check run's `output.text`.
 */
export function renderReason(
  model: SummaryModel,
  message: string | undefined,
  redact: (text: string) => string = redactRegistered
): string | undefined {
  const parts = reasonSections({ ...model, message }, escaper(redact, model.workspace))
  return parts.length === 0 ? undefined : `${parts.join('\n\n')}\n`
}

/** What the step did with the results: visible, as it is part of the outcome. */
function deliverySections(model: SummaryModel, e: Escape): string[] {
  const out: string[] = []
  const { download, dataAsset } = model
  if (download) {
    const folder = e.plain(download.folder)
    out.push(
      `Downloaded ${counted(download.files, 'file')} (${formatBytes(download.bytes)}) to ${code(folder === '' ? '.' : folder)}.`
    )
  }
  if (dataAsset) {
    out.push(`Captured the results as data asset ${e.text(dataAsset.name)} (${e.code(dataAsset.id)}).`)
  }
  return out
}

function notesSection(notes: string[], e: Escape): string[] {
  if (notes.length === 0) return []
  const { shown, more } = capItems(notes, LISTED_NOTES)
  return [list([...shown.map((note) => e.text(note, NOTE_CHARS)), ...(more > 0 ? [text(andMore(more, 'notes'))] : [])])]
}

/** The request and the step's times, folded: what a reader looks up, not what they need first. */
function requestFold(model: SummaryModel, e: Escape): string[] {
  const req = model.request
  const facts: [string, string][] = []
  if (req?.pipeline_id) facts.push(['Pipeline', e.code(req.pipeline_id)])
  if (req?.capsule_id) facts.push(['Capsule', e.code(req.capsule_id)])
  if (req?.version !== undefined) facts.push(['Version', e.text(String(req.version))])
  if (req?.resume_run_id) facts.push(['Resumed from', e.code(req.resume_run_id)])
  if (req?.nextflow_profile) facts.push(['Nextflow profile', e.code(req.nextflow_profile)])
  if (model.startedAt !== undefined) {
    const end = model.endedAt ?? model.startedAt
    facts.push(['Step', `${utc(model.startedAt)} to ${utc(end)} (${formatDuration(end - model.startedAt)})`])
  }
  if (facts.length === 0) return []
  return [details('Request and timing', [list(facts.map(([k, v]) => `**${k}:** ${v}`))])]
}

/** The data assets and the parameters (or, without parameters, the processes) of the request, each folded. */
function requestListFolds(req: RunRequest | undefined, e: Escape): string[] {
  const out: string[] = []
  if (req?.data_assets?.length) {
    const rows = req.data_assets.map((a) => [e.sent(a.id), a.mount ? e.sent(a.mount) : '—'])
    out.push(details(`Data assets (${rows.length})`, cappedTable(['Id', 'Mount'], rows, 'data assets')))
  }
  const rows: string[][] = []
  // Positions are written as text: a bare `#1` would reference issue 1 on GitHub.
  const position = (i: number): string => text(`#${i + 1}`)
  for (const p of req?.processes ?? []) {
    p.parameters?.forEach((v, i) => rows.push([e.sent(p.name), position(i), e.sent(v)]))
    p.named_parameters?.forEach((n) => rows.push([e.sent(p.name), e.sent(n.param_name), e.sent(n.value)]))
  }
  req?.parameters?.forEach((v, i) => rows.push(['—', position(i), e.sent(v)]))
  req?.named_parameters?.forEach((n) => rows.push(['—', e.sent(n.param_name), e.sent(n.value)]))
  if (rows.length > 0) {
    const parts = cappedTable(['Process', 'Parameter', 'Value'], rows, 'parameters')
    out.push(details(`Parameters (${rows.length})`, parts))
  } else if (req?.processes?.length) {
    const { shown, more } = capItems(req.processes, LISTED_ROWS)
    const parts = [list(shown.map((p) => e.sent(p.name))), ...(more > 0 ? [andMore(more, 'processes')] : [])]
    out.push(details(`Processes (${req.processes.length})`, parts))
  }
  return out
}

/** The result files, folded. */
function resultsFold(files: ResultFile[] | undefined, e: Escape): string[] {
  if (!files) return []
  const bytes = files.reduce((sum, f) => sum + f.size, 0)
  const title = `Results (${counted(files.length, 'file')}, ${formatBytes(bytes)})`
  if (files.length === 0) return [`${title}.`]
  const { shown, more } = capItems(files, LISTED_FILES)
  const rows = shown.map((f) => [e.code(f.path), formatBytes(f.size)])
  return [details(title, [table(['File', 'Size'], rows), ...(more > 0 ? [andMore(more, 'files')] : [])])]
}

/**
 * Builds the job summary's markdown, which is also the pull request comment. Pure. It
 * leads with the outcome: the headline, the run in one line, and for a failure the
 * reason (the step's message, the console log's telling lines); then the link to the
 * workflow run, what was done with the results, and the notes. The request, the
 * parameters, the data assets and the result files are folded, so the comment reads
 * without scrolling.
 *
 * Every piece of outside text (names, paths, messages, log lines, notes, parameter
 * values) is passed through `redact` and then escaped, so none of it renders as
 * Markdown or HTML and no secret survives even when escaping would have split it.
 */
export function renderSummary(model: SummaryModel, redact: (text: string) => string = redactRegistered): string {
  const e = escaper(redact, model.workspace)
  const status = statusLine(model, e)
  const out: string[] = [headline(model), ...(status ? [status] : [])]
  out.push(...reasonSections(model, e))
  if (model.workflowRun) out.push(link('Workflow run', model.workflowRun))
  out.push(...deliverySections(model, e), ...notesSection(model.notes, e))
  out.push(...requestFold(model, e), ...requestListFolds(model.request, e), ...resultsFold(model.resultFiles, e))
  return `${out.join('\n\n')}\n`
}

/**
 * The summary as GitHub keeps it: whole, or, over its 1 MiB limit (which every value's
 * cap should keep it far from), cut with a note, rather than dropped.
 */
export function fitSummary(markdown: string): string {
  const note = '*The rest of this summary was cut: GitHub keeps at most 1 MiB of a step summary.*'
  return fitWithin(markdown, STEP_SUMMARY_LIMIT_BYTES, (part) => Buffer.byteLength(part), note)
}

/** Appends the rendered job summary; a failure to write it is not the run's failure. */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(fitSummary(markdown)).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
}
