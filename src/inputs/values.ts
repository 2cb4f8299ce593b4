import { isAbsolute, relative, resolve } from 'node:path'
import { MIN_POLL_SECONDS } from '../codeocean/rules.js'
import { DAY_MS } from '../format.js'
import { MAX_TIMER_MS } from '../timer-limits.js'
import { isWithin, leadsOutOf } from '../within.js'
import { InputError } from './errors.js'

/** Parsers for single-valued inputs: each takes the input's name and its raw text. */

export type PollInterval = 'auto' | number

// The spellings YAML 1.2's core schema reads as booleans (as @actions/core's getBooleanInput
// does), and the same three of auto; one list, so every yes/no/auto input reads alike.
const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']
const AUTO = ['auto', 'Auto', 'AUTO']

export function parseBooleanInput(input: string, raw: string): boolean {
  if (TRUE.includes(raw)) return true
  if (FALSE.includes(raw)) return false
  throw new InputError(input, `"${raw}" is not true or false`, `${input}: 'false'`)
}

/**
 * `stop-on-cancel` and `stop-on-timeout`: `true`, `false`, or `auto`, which stops a run
 * this step started and leaves a run it only follows as it is.
 */
export type StopChoice = 'auto' | boolean

/** The StopChoice `raw` spells, or undefined when it spells none. */
function stopChoiceOf(raw: string): StopChoice | undefined {
  if (AUTO.includes(raw)) return 'auto'
  if (TRUE.includes(raw)) return true
  if (FALSE.includes(raw)) return false
  return undefined
}

export function parseStopChoice(input: string, raw: string): StopChoice {
  const choice = stopChoiceOf(raw)
  if (choice === undefined) throw new InputError(input, `"${raw}" is not true, false or auto`, `${input}: auto`)
  return choice
}

/**
 * `stop-on-timeout`: a StopChoice, or `hand-over`, which leaves the run running and its
 * check run (`check-run: true`) in progress for a settle step to complete.
 */
export type TimeoutChoice = StopChoice | 'hand-over'

export function parseTimeoutChoice(input: string, raw: string): TimeoutChoice {
  if (raw.toLowerCase() === 'hand-over') return 'hand-over'
  const choice = stopChoiceOf(raw)
  if (choice === undefined) {
    throw new InputError(input, `"${raw}" is not true, false, auto or hand-over`, `${input}: auto`)
  }
  return choice
}

/** The longest poll-interval and wait-timeout a timer holds (see timer-limits.ts): refused beyond, never cut short. */
const MAX_POLL_SECONDS = Math.floor(MAX_TIMER_MS / 1000)
const MAX_WAIT_MINUTES = Math.floor(MAX_TIMER_MS / 60_000)

function aboutDays(ms: number): string {
  return `about ${Math.round(ms / DAY_MS)} days`
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
  if (seconds * 1000 > MAX_TIMER_MS) {
    throw new InputError(
      input,
      `${text} seconds is longer than the action can wait between checks; at most ${MAX_POLL_SECONDS} seconds (${aboutDays(MAX_TIMER_MS)})`,
      `${input}: 30`
    )
  }
  return seconds
}

/**
 * A time limit in minutes (decimals allowed), `0` for no limit, and no more than a timer
 * holds; `example` is the minutes a refusal suggests.
 */
function parseMinutesLimit(input: string, raw: string, example: number): number {
  const text = raw.trim()
  if (!/^\d+(\.\d+)?$/.test(text)) {
    throw new InputError(input, `"${raw}" is not a number of minutes (0 for no limit)`, `${input}: ${example}`)
  }
  const minutes = Number(text)
  if (minutes * 60_000 > MAX_TIMER_MS) {
    throw new InputError(
      input,
      `${text} minutes is longer than the action can wait; at most ${MAX_WAIT_MINUTES} minutes (${aboutDays(MAX_TIMER_MS)}), or 0 for no limit`,
      `${input}: ${example}`
    )
  }
  return minutes
}

/** `wait-timeout`: how long the step waits for the run. */
export function parseWaitTimeout(input: string, raw: string): number {
  return parseMinutesLimit(input, raw, 90)
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

function isReleaseVersion(text: string): boolean {
  return /^\d+$/.test(text) && Number(text) >= 1 && Number.isSafeInteger(Number(text))
}

/**
 * The release a mistyped version most likely meant: `v3`, `V3`, `version 3`, `3.0` and
 * `#3` name release 3 (Git tags and other tools spell versions so). Undefined when no
 * reading of it is a release number.
 */
function versionMeant(raw: string): string | undefined {
  const text = raw
    .trim()
    .replace(/^(v|version|release|#)\s*/i, '')
    .replace(/\.0+$/, '')
  return text !== raw && isReleaseVersion(text) ? String(Number(text)) : undefined
}

export function parseVersion(input: string, raw: string): number {
  if (!isReleaseVersion(raw)) {
    const meant = versionMeant(raw)
    throw new InputError(
      input,
      `"${raw}" is not a release version; it must be a positive whole number` +
        (meant ? `. Did you mean ${meant}?` : ''),
      `${input}: ${meant ?? 2}`
    )
  }
  return Number(raw)
}

/**
 * `results-timeout`: minutes for all that follows the run (decimals allowed), `0` for
 * no limit, and no more than a timer holds (as wait-timeout).
 */
export function parseResultsTimeout(input: string, raw: string): number {
  return parseMinutesLimit(input, raw, 60)
}
