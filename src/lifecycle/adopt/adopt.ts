/**
 * After a start that failed once the request had gone out (a 5xx, a reset, a timeout),
 * looks among the target's runs for the run it may have started, instead of leaving
 * the user to. It never sends the start again: one step never starts two runs.
 */
import { setTimeout as sleepMs } from 'node:timers/promises'
import * as core from '@actions/core'
import type { Computation } from '../../codeocean/models/computation.js'
import type { RunRequest, Target } from '../../codeocean/models/run-request.js'
import type { TargetsApi } from '../../codeocean/targets-api.js'
import { capText, joinCapped } from '../../caps.js'
import { errorMessage } from '../../errors.js'
import type { Settings } from '../../inputs/settings.js'
import { redactRegistered } from '../../redact.js'
import { inline } from '../../untrusted.js'
import { NotAdoptedError } from '../errors.js'
import { createdAtMs, judgeStart, type Look, type StartVerdict } from './adopt-match.js'

/**
 * How long after the first look the second one comes. A run is never followed on a first
 * look: a busy server may create this step's run after the action gave up on the start
 * (its deadline is 30 s; a start answered at 35 s creates the run then), and a run that
 * looked alone may then have company. Long enough for a start taken in just before the
 * deadline to have been created; the listing closes the window at the second look.
 */
const SECOND_LOOK_AFTER_MS = 10_000
/** Retries of each listing: the server has just failed once, and a cancel must not wait long. */
const LISTING_RETRIES = 2
/** How many candidates a message names; the rest are counted. */
const LISTED_CANDIDATES = 5
/** How much of a candidate's name or owner a message shows. */
const SHOWN_CHARS = 80

export interface FailedStart {
  request: RunRequest
  target: Target
  /** Local clock (ms) just before the start was sent. */
  sentAt: number
  /** What the start failed with; every failure to adopt says it first. */
  failure: Error
  /** A cancel: ends the look, and the step fails with the start's own failure. */
  signal: AbortSignal
  /** Told each listing, so that the wait's estimate of the run's length reuses it. */
  onListing?: (runs: readonly Computation[]) => void
}

/** A run followed after a failed start, and what it was found by, for the log and the summary. */
export interface Adoption {
  run: Computation
  evidence: string
}

/**
 * The run a failed start may have created: the one run of the target created since the
 * start with our request, on two looks SECOND_LOOK_AFTER_MS apart. Otherwise throws:
 * several candidates, or any for a request that sets nothing to compare, are named (up to
 * LISTED_CANDIDATES); none is said; a listing that fails or cannot tell falls back to the
 * start's own message, which tells the user to look.
 */
export async function findAdoptableRun(targets: Pick<TargetsApi, 'listRuns'>, start: FailedStart): Promise<Adoption> {
  const { kind } = start.target
  const why = inline(redactRegistered(start.failure.message.split('\n')[0] ?? ''))
  core.info(`The start request failed after it was sent (${why}); looking for the run among the ${kind}'s runs.`)
  const looks: Look[] = [await look(targets, start)]
  let verdict = judgeStart({ request: start.request, sentAt: start.sentAt, looks })
  while (verdict.kind === 'look-again') {
    await pause(start)
    looks.push(await look(targets, start))
    verdict = judgeStart({ request: start.request, sentAt: start.sentAt, looks })
  }
  if (verdict.kind === 'adopt') return { run: verdict.run, evidence: evidenceOf(verdict.run, kind) }
  throw fail(start, refusal(verdict, kind))
}

/**
 * The settings for a run followed after a failed start: as for any run the step did not
 * start, `auto` stops it on neither a cancel nor the wait-timeout; only `true` does.
 */
export function adoptedSettings(settings: Settings): Settings {
  return {
    ...settings,
    stopOnCancel: settings.stopChoices.cancel === true,
    stopOnTimeout: settings.stopChoices.timeout === true
  }
}

/** What the log and the summary say of a followed run: how it was found, and what the step will not do to it. */
export function adoptionNotes(adoption: Adoption, settings: Settings): string[] {
  const stop = settings.stopChoices.cancel === true
  return [
    `Adopted run ${describe(adoption.run)}: the start request failed, and ${adoption.evidence}.`,
    "Nothing in Code Ocean's answers proves that this step's start created it, so it keeps its name" +
      (settings.runName ? ' (run-name is not applied)' : '') +
      (stop
        ? ', and stop-on-cancel: true stops it on a cancel.'
        : ', and a cancel leaves it running (stop-on-cancel: true would stop it).')
  ]
}

/** Why no run is followed, with the candidates there were. */
function refusal(verdict: Exclude<StartVerdict, { kind: 'adopt' | 'look-again' }>, kind: string): string {
  switch (verdict.kind) {
    case 'cannot-compare':
      return `The action could not tell from the ${kind}'s runs whether one is this step's: ${verdict.reason}.`
    case 'none':
      return `No run started by this step was found among the ${kind}'s runs (looked twice, ${SECOND_LOOK_AFTER_MS / 1000} s apart).`
    case 'ambiguous':
      return (
        `${verdict.runs.length} runs of the ${kind} created since the start have this step's request: ` +
        `${listCandidates(verdict.runs)}. The action cannot tell which, if any, is this step's, so it follows none.`
      )
    case 'empty-request':
      return (
        'The request sets no data assets, parameters, processes or Nextflow profile, so any run of the ' +
        `${kind} started without them could be this step's; created since the start: ${listCandidates(verdict.runs)}. ` +
        "The action cannot tell which, if any, is this step's, so it follows none."
      )
  }
}

/** What a followed run was found by: said in the log and the summary. */
function evidenceOf(run: Computation, kind: string): string {
  const owner = text(run.raw.owner_email) ?? run.owner
  return (
    `it is the one run of the ${kind} created since the start (by Code Ocean's clock) with this step's request, ` +
    `on two looks ${SECOND_LOOK_AFTER_MS / 1000} s apart` +
    (owner === undefined ? '' : ` (owner: ${shown(owner)})`)
  )
}

/** At most LISTED_CANDIDATES runs, each as `'name' (id, created …)`, then how many more. */
function listCandidates(runs: readonly Computation[]): string {
  return joinCapped(
    runs.map((run) => describe(run, true)),
    LISTED_CANDIDATES
  )
}

/** A run as `'name' (id)`, with when it was created if asked: every part from outside, so each shown(). */
function describe(run: Computation, withCreated = false): string {
  const at = withCreated ? createdAtMs(run) : undefined
  const created = at === undefined ? '' : `, created ${new Date(at).toISOString()}`
  return `${run.name ? `'${shown(run.name)}' ` : ''}(${shown(run.id)}${created})`
}

/** Outside text in a message: its first SHOWN_CHARS characters, on one line, inert. */
function shown(value: string): string {
  return inline(capText(value, SHOWN_CHARS))
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** One listing, with its clocks; a listing that fails ends the look with the start's own message. */
async function look(targets: Pick<TargetsApi, 'listRuns'>, start: FailedStart): Promise<Look> {
  const askedAt = Date.now()
  let listing
  try {
    listing = await targets.listRuns(start.target, { signal: start.signal, retries: LISTING_RETRIES })
  } catch (error) {
    if (start.signal.aborted) throw start.failure
    throw fail(start, `Looking for the run among the ${start.target.kind}'s runs failed too: ${errorMessage(error)}`)
  }
  start.onListing?.(listing.runs)
  const clock = listing.serverDate === undefined ? 'no Date header' : new Date(listing.serverDate).toISOString()
  core.debug(`Listed ${listing.runs.length} runs of the ${start.target.kind}; the server's clock: ${clock}`)
  return { askedAt, receivedAt: listing.receivedAt, serverDate: listing.serverDate, runs: listing.runs }
}

async function pause(start: FailedStart): Promise<void> {
  try {
    await sleepMs(SECOND_LOOK_AFTER_MS, undefined, { signal: start.signal })
  } catch {
    throw start.failure
  }
}

function fail(start: FailedStart, finding: string): NotAdoptedError {
  return new NotAdoptedError(`${start.failure.message}\n${finding}`)
}
