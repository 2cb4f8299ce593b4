import * as core from '@actions/core'
import type { Computation } from '../codeocean/models/computation.js'
import type { RunRequest } from '../codeocean/models/run-request.js'
import { errorMessage } from '../errors.js'
import { formatBytes, formatDuration } from '../format.js'
import type { ResultFile } from '../results/listing.js'
import { cell, code, table } from './markdown.js'
import type { Status } from './outputs.js'

/** Everything the job summary reports; filled in as the step goes, on every path. */
export interface SummaryModel {
  status?: Status
  /** The step's verdict or error, one or more lines. */
  message?: string
  request?: RunRequest
  computation?: Computation
  startedAt?: number
  endedAt?: number
  resultFiles?: ResultFile[]
  download?: { folder: string; files: number; bytes: number }
  dataAsset?: { id: string; name: string }
  notes: string[]
}

/** How many result files the summary lists by name. */
export const LISTED_FILES = 50

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

/** Builds the job summary's markdown. Pure; never sees the token. */
export function renderSummary(model: SummaryModel): string {
  const out: string[] = []
  const started = model.computation !== undefined
  out.push(`## ${started && model.status ? HEADLINE[model.status] : '❌ Code Ocean run did not start'}`)
  if (model.message)
    out.push(
      model.message
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n')
    )

  const c = model.computation
  const req = model.request
  const facts: [string, string][] = []
  if (c) facts.push(['Run', `${c.name ? `${cell(c.name)} ` : ''}(${code(c.id)})`])
  if (req?.pipeline_id) facts.push(['Pipeline', code(req.pipeline_id)])
  if (req?.capsule_id) facts.push(['Capsule', code(req.capsule_id)])
  if (req?.version !== undefined) facts.push(['Version', String(req.version)])
  if (req?.resume_run_id) facts.push(['Resumed from', code(req.resume_run_id)])
  if (req?.nextflow_profile) facts.push(['Nextflow profile', code(req.nextflow_profile)])
  if (model.status) facts.push(['Status', model.status])
  if (c) {
    facts.push(['State', c.state || 'unknown'])
    facts.push(['End status', c.end_status ?? '—'])
    facts.push(['Exit code', c.exit_code === undefined ? '—' : String(c.exit_code)])
    if (c.run_time !== undefined) facts.push(['Run time', formatDuration(c.run_time * 1000)])
    facts.push(['Has results', c.has_results ? 'yes' : 'no'])
  }
  if (model.startedAt !== undefined) {
    const end = model.endedAt ?? model.startedAt
    facts.push(['Step', `${utc(model.startedAt)} to ${utc(end)} (${formatDuration(end - model.startedAt)})`])
  }
  if (facts.length > 0)
    out.push(
      table(
        ['', ''],
        facts.map(([k, v]) => [`**${k}**`, v])
      )
    )

  if (req?.data_assets?.length) {
    out.push('### Data assets')
    out.push(
      table(
        ['Id', 'Mount'],
        req.data_assets.map((a) => [code(a.id), a.mount ? code(a.mount) : '—'])
      )
    )
  }
  const parameterRows: string[][] = []
  for (const p of req?.processes ?? []) {
    p.parameters?.forEach((v, i) => parameterRows.push([code(p.name), `#${i + 1}`, code(v)]))
    p.named_parameters?.forEach((n) => parameterRows.push([code(p.name), code(n.param_name), code(n.value)]))
  }
  req?.parameters?.forEach((v, i) => parameterRows.push(['—', `#${i + 1}`, code(v)]))
  req?.named_parameters?.forEach((n) => parameterRows.push(['—', code(n.param_name), code(n.value)]))
  if (parameterRows.length > 0) {
    out.push('### Parameters')
    out.push(table(['Process', 'Parameter', 'Value'], parameterRows))
  } else if (req?.processes?.length) {
    out.push('### Processes')
    out.push(req.processes.map((p) => `- ${code(p.name)}`).join('\n'))
  }

  const files = model.resultFiles
  if (files) {
    const bytes = files.reduce((sum, f) => sum + f.size, 0)
    out.push(`### Results (${files.length} ${files.length === 1 ? 'file' : 'files'}, ${formatBytes(bytes)})`)
    if (files.length > 0) {
      out.push(
        table(
          ['File', 'Size'],
          files.slice(0, LISTED_FILES).map((f) => [code(f.path), formatBytes(f.size)])
        )
      )
      if (files.length > LISTED_FILES) out.push(`…and ${files.length - LISTED_FILES} more files.`)
    }
  }
  if (model.download) {
    out.push(
      `Downloaded ${model.download.files} files (${formatBytes(model.download.bytes)}) to ${code(model.download.folder)}.`
    )
  }
  if (model.dataAsset) {
    out.push(`Captured the results as data asset ${cell(model.dataAsset.name)} (${code(model.dataAsset.id)}).`)
  }
  if (model.notes.length > 0) out.push(model.notes.map((n) => `- ${n}`).join('\n'))
  return `${out.join('\n\n')}\n`
}

/** Appends the job summary; a failure to write it is not the run's failure. */
export async function writeSummary(model: SummaryModel, redact: (text: string) => string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(redact(renderSummary(model))).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`)
  }
}
