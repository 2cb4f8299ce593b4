import * as core from '@actions/core'
import type { Computation } from '../codeocean/models/computation.js'
import type { RunRequest } from '../codeocean/models/run-request.js'
import { andMore, capItems } from '../caps.js'
import { errorMessage } from '../errors.js'
import { formatBytes, formatDuration } from '../format.js'
import { redactRegistered } from '../redact.js'
import type { ResultFile } from '../results/listing.js'
import { code, fitWithin, list, quote, table, text } from './markdown.js'
import type { Status } from './outputs.js'

/** Everything the job summary reports; filled in as the step goes, on every path. */
export interface SummaryModel {
  status?: Status
  /** The step's verdict or error, one or more lines of plain text (shown escaped). */
  message?: string
  request?: RunRequest
  /** The step followed a run something else started (`computation-id`), rather than starting one. */
  followed?: boolean
  computation?: Computation
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

const HEADLINE: Record<Status, string> = {
  started: '▶️ Code Ocean run started',
  succeeded: '✅ Code Ocean run succeeded',
  failed: '❌ Code Ocean run failed',
  stopped: '⏹️ Code Ocean run was stopped',
  'timed-out': '⏱️ Timed out waiting for the Code Ocean run',
  cancelled: '🚫 Cancelled while waiting for the Code Ocean run'
}

function utc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')
}

/** Turns outside text into inert Markdown, its secrets removed first (escaping could split a secret). */
interface Escape {
  text: (value: string, max?: number) => string
  code: (value: string) => string
}

function escaper(redact: (text: string) => string): Escape {
  return { text: (value, max) => text(redact(value), max), code: (value) => code(redact(value)) }
}

/** A table of at most LISTED_ROWS rows, then how many more there were. */
function cappedTable(header: string[], rows: string[][], noun: string): string[] {
  const { shown, more } = capItems(rows, LISTED_ROWS)
  return more > 0 ? [table(header, shown), andMore(more, noun)] : [table(header, shown)]
}

function headline(model: SummaryModel): string {
  const known = model.computation !== undefined
  const none = model.followed ? '❌ Could not follow the Code Ocean run' : '❌ Code Ocean run did not start'
  return `## ${known && model.status ? HEADLINE[model.status] : none}`
}

/** The table of facts about the request, the run and the step. */
function factsTable(model: SummaryModel, e: Escape): string | undefined {
  const c = model.computation
  const req = model.request
  const facts: [string, string][] = []
  if (c) facts.push(['Run', `${c.name ? `${e.text(c.name)} ` : ''}(${e.code(c.id)})`])
  if (model.followed) facts.push(['Started', 'elsewhere; this step followed it (`computation-id`)'])
  if (req?.pipeline_id) facts.push(['Pipeline', e.code(req.pipeline_id)])
  if (req?.capsule_id) facts.push(['Capsule', e.code(req.capsule_id)])
  if (req?.version !== undefined) facts.push(['Version', e.text(String(req.version))])
  if (req?.resume_run_id) facts.push(['Resumed from', e.code(req.resume_run_id)])
  if (req?.nextflow_profile) facts.push(['Nextflow profile', e.code(req.nextflow_profile)])
  if (model.status) facts.push(['Status', model.status])
  if (c) {
    facts.push(['State', e.text(c.state || 'unknown')])
    facts.push(['End status', c.end_status === undefined ? '—' : e.text(c.end_status)])
    facts.push(['Exit code', c.exit_code === undefined ? '—' : e.text(String(c.exit_code))])
    if (c.run_time !== undefined) facts.push(['Run time', formatDuration(c.run_time * 1000)])
    facts.push(['Has results', c.has_results ? 'yes' : 'no'])
  }
  if (model.startedAt !== undefined) {
    const end = model.endedAt ?? model.startedAt
    facts.push(['Step', `${utc(model.startedAt)} to ${utc(end)} (${formatDuration(end - model.startedAt)})`])
  }
  if (facts.length === 0) return undefined
  return table(
    ['', ''],
    facts.map(([k, v]) => [`**${k}**`, v])
  )
}

/** The data assets and the parameters (or, without parameters, the processes) of the request. */
function requestSections(req: RunRequest | undefined, e: Escape): string[] {
  const out: string[] = []
  if (req?.data_assets?.length) {
    out.push('### Data assets')
    out.push(
      ...cappedTable(
        ['Id', 'Mount'],
        req.data_assets.map((a) => [e.code(a.id), a.mount ? e.code(a.mount) : '—']),
        'data assets'
      )
    )
  }
  const rows: string[][] = []
  // Positions are written as text: a bare `#1` would reference issue 1 on GitHub.
  const position = (i: number): string => text(`#${i + 1}`)
  for (const p of req?.processes ?? []) {
    p.parameters?.forEach((v, i) => rows.push([e.code(p.name), position(i), e.code(v)]))
    p.named_parameters?.forEach((n) => rows.push([e.code(p.name), e.code(n.param_name), e.code(n.value)]))
  }
  req?.parameters?.forEach((v, i) => rows.push(['—', position(i), e.code(v)]))
  req?.named_parameters?.forEach((n) => rows.push(['—', e.code(n.param_name), e.code(n.value)]))
  if (rows.length > 0) {
    out.push('### Parameters')
    out.push(...cappedTable(['Process', 'Parameter', 'Value'], rows, 'parameters'))
  } else if (req?.processes?.length) {
    const { shown, more } = capItems(req.processes, LISTED_ROWS)
    out.push('### Processes')
    out.push(list(shown.map((p) => e.code(p.name))))
    if (more > 0) out.push(andMore(more, 'processes'))
  }
  return out
}

/** The result files, the download and the capture. */
function resultSections(model: SummaryModel, e: Escape): string[] {
  const out: string[] = []
  const files = model.resultFiles
  if (files) {
    const bytes = files.reduce((sum, f) => sum + f.size, 0)
    out.push(`### Results (${files.length} ${files.length === 1 ? 'file' : 'files'}, ${formatBytes(bytes)})`)
    if (files.length > 0) {
      const { shown, more } = capItems(files, LISTED_FILES)
      out.push(
        table(
          ['File', 'Size'],
          shown.map((f) => [e.code(f.path), formatBytes(f.size)])
        )
      )
      if (more > 0) out.push(andMore(more, 'files'))
    }
  }
  const { download, dataAsset } = model
  if (download) {
    out.push(`Downloaded ${download.files} files (${formatBytes(download.bytes)}) to ${e.code(download.folder)}.`)
  }
  if (dataAsset) {
    out.push(`Captured the results as data asset ${e.text(dataAsset.name)} (${e.code(dataAsset.id)}).`)
  }
  return out
}

/**
 * Builds the job summary's markdown. Pure. Every piece of outside text (names,
 * paths, messages, notes, parameter values) is passed through `redact` and then
 * escaped, so none of it renders as Markdown or HTML and no secret survives even
 * when escaping would have split it.
 */
export function renderSummary(model: SummaryModel, redact: (text: string) => string = redactRegistered): string {
  const e = escaper(redact)
  const out: string[] = [headline(model)]
  if (model.message) out.push(quote(redact(model.message)))
  const facts = factsTable(model, e)
  if (facts) out.push(facts)
  out.push(...requestSections(model.request, e), ...resultSections(model, e))
  if (model.notes.length > 0) {
    const { shown, more } = capItems(model.notes, LISTED_NOTES)
    out.push(
      list([...shown.map((note) => e.text(note, NOTE_CHARS)), ...(more > 0 ? [text(andMore(more, 'notes'))] : [])])
    )
  }
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
