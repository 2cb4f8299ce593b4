import { isAbsolute, relative, resolve } from 'node:path'
import { MIN_POLL_SECONDS } from '../codeocean/rules.js'
import { isWithin, leadsOutOf } from '../within.js'
import { InputError } from './errors.js'

/** Parsers for single-valued inputs: each takes the input's name and its raw text. */

export type PollInterval = 'auto' | number

export function parseBooleanInput(input: string, raw: string): boolean {
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new InputError(input, `"${raw}" is not true or false`, `${input}: 'false'`)
}

/**
 * `stop-on-cancel` and `stop-on-timeout`: `true`, `false`, or `auto`, which stops a run
 * this step started and leaves a run it only follows as it is.
 */
export type StopChoice = 'auto' | boolean

export function parseStopChoice(input: string, raw: string): StopChoice {
  if (['auto', 'Auto', 'AUTO'].includes(raw)) return 'auto'
  if (['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].includes(raw)) return parseBooleanInput(input, raw)
  throw new InputError(input, `"${raw}" is not true, false or auto`, `${input}: auto`)
}

export function parsePollInterval(input: string, raw: string): PollInterval {
  const text = raw.trim().toLowerCase()
  if (text === '' || text === 'auto') return 'auto'
  const seconds = Number(text)
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(seconds)) {
    throw new InputError(input, `"${raw}" is not a number of seconds or 'auto'`, `${input}: 30`)
  }
  if (seconds < MIN_POLL_SECONDS) {
    throw new InputError(
      input,
      `${raw} seconds is too often; Code Ocean asks clients to wait at least ${MIN_POLL_SECONDS} seconds between checks`,
      `${input}: 30`
    )
  }
  return seconds
}

export function parseWaitTimeout(input: string, raw: string): number {
  const text = raw.trim()
  if (!/^\d+(\.\d+)?$/.test(text)) {
    throw new InputError(input, `"${raw}" is not a number of minutes (0 for no limit)`, `${input}: 90`)
  }
  return Number(text)
}

/**
 * Resolves `download-results` inside the workspace: results must not be written
 * anywhere a later step would not expect them, neither by path nor through a link.
 */
export function parseDownloadFolder(input: string, raw: string, workspace: string): string {
  const text = raw.trim()
  if (isAbsolute(text)) {
    throw new InputError(
      input,
      `"${raw}" is an absolute path; give a folder relative to the workspace`,
      `${input}: results`
    )
  }
  const folder = resolve(workspace, text)
  const inside = relative(workspace, folder)
  if (inside === '' || !isWithin(folder, workspace)) {
    throw new InputError(input, `"${raw}" is not a folder inside the workspace`, `${input}: results`)
  }
  // A link (say, one a pull request added) must not carry the results out of the workspace.
  const why = leadsOutOf(folder, workspace)
  if (why !== undefined) {
    throw new InputError(input, `"${raw}" is refused: ${why}; give a folder inside the workspace`, `${input}: results`)
  }
  return folder
}

/** Splits a list input on newlines (and commas, when allowed), dropping blanks and `#` comments. */
export function parseList(raw: string, commas: boolean): string[] {
  return raw
    .split(commas ? /[\n,]/ : /\n/)
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('#'))
}

export function parseVersion(input: string, raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    throw new InputError(input, `"${raw}" is not a release version; it must be a positive whole number`, `${input}: 2`)
  }
  return Number(raw)
}
