/**
 * The settle step (`settle: true`), for a scheduled workflow: finds, with one GraphQL
 * query, the check runs this action left in progress, reads each one's Code Ocean run
 * once, and completes the checks whose runs have ended (decideSettle says how). It starts,
 * follows, stops and captures nothing; with `download-results`, it downloads the results
 * of each ended run whose check it completed (settle-downloads.ts).
 */
import * as core from '@actions/core'
import { capText, joinCapped } from '../../caps.js'
import { CodeOceanClient } from '../../codeocean/client.js'
import { CodeOceanApiError } from '../../codeocean/errors.js'
import { isTerminal } from '../../codeocean/models/computation.js'
import { errorMessage } from '../../errors.js'
import { formatBytes } from '../../format.js'
import { getSettleSettings, type SettleSettings } from '../../inputs/settle.js'
import { readToken } from '../../inputs/token.js'
import { warnAboutUnexpectedInputs } from '../../inputs/unexpected-inputs.js'
import { Output } from '../../names.js'
import { redactRegistered } from '../../redact.js'
import { DISCOVERY_PAGE, DISCOVERY_QUERY, type DiscoveryData } from '../../report/checks/discovery-query.js'
import type { CheckIdentity } from '../../report/checks/check-identity.js'
import { completeCheckRunBody } from '../../report/checks/check-run.js'
import {
  discoveryVariables,
  MAX_SETTLED_PER_STEP,
  pendingChecks,
  type OurCheck,
  type PendingChecks
} from '../../report/checks/pending-checks.js'
import { switchRefusedHint, switchWorkflow } from '../../report/checks/workflow-switch.js'
import { ownerAndRepo } from '../../report/event.js'
import { gitHubReason, githubClient, type GitHubClient } from '../../report/github-client.js'
import { relativeToWorkspace } from '../../report/links.js'
import { code, lineBlock, table, text } from '../../report/markdown.js'
import { Outputs } from '../../report/outputs.js'
import { writeSummary } from '../../report/summary.js'
import { inline } from '../../untrusted.js'
import { decideSettle, type RunReading } from '../settle-decision.js'
import { CHECK_CALL_MS } from './check-run.js'
import { pauseWhenIdle } from './settle-pause.js'
import { settleDownloader, type SettleDownload, type SettleDownloader } from './settle-downloads.js'

/** What the step did with each check, for the log's last line and the job summary. */
export interface SettleReport {
  settled: Array<{ check: OurCheck; conclusion: string }>
  left: Array<{ check: OurCheck; why: string }>
  /** Pending checks that are not ours. */
  skipped: number
  /** Ours beyond MAX_SETTLED_PER_STEP. */
  deferred: number
  /** With `download-results`: what became of the results of each ended run whose check was completed. */
  downloads: Array<{ check: OurCheck; download: SettleDownload }>
  /** Why the step failed, when it did. */
  failure?: string
  /** With `settle-workflow`: nothing was left pending, and this workflow was turned off. */
  paused?: string
}

/**
 * One read of the run. A 404 alone does not prove the run was deleted: a settle step
 * pointed at another deployment (a wrong `domain`) gets 404 for every run, and would
 * cancel every pending check. So the run counts as gone only when Code Ocean lists the
 * runs of its capsule or pipeline (the check's external_id names it) and it is not among
 * them; otherwise the check is left, with a warning.
 */
async function readRun(client: CodeOceanClient, identity: CheckIdentity): Promise<RunReading> {
  try {
    return { run: await client.computations.get(identity.run) }
  } catch (error) {
    if (!(error instanceof CodeOceanApiError && error.status === 404))
      return { error: capText(errorMessage(error).split('\n')[0]) }
  }
  try {
    const { runs, unreadable } = await client.targets.listRuns({ kind: identity.kind, id: identity.target })
    // An entry that could not be read may be this run: only a listing read whole proves it gone.
    if (!runs.some((run) => run.id === identity.run) && unreadable === 0) return { gone: true }
    if (unreadable > 0) {
      return {
        error: `Code Ocean answered 404 for run ${identity.run}, and ${unreadable} runs of its ${identity.kind} could not be read`
      }
    }
    return {
      error: `Code Ocean answered 404 for run ${identity.run}, yet lists it among the runs of ${identity.kind} ${identity.target}`
    }
  } catch (error) {
    return {
      error:
        `Code Ocean knows neither run ${identity.run} nor its ${identity.kind} ${identity.target} ` +
        `(${capText(errorMessage(error).split('\n')[0])}): is \`domain\` the deployment that ran it?`
    }
  }
}

/**
 * Each GitHub call's own time limit, so a GitHub that never answers cannot hold the job
 * until its timeout-minutes (6 hours by default). GitHub ends a request it has worked on
 * for 10 seconds ("Timeouts", docs.github.com REST and GraphQL overviews): an update gets
 * what the main step's check calls get (CHECK_CALL_MS, 10 s); the query twice that, as its
 * answer (up to 42,150 nodes) must also be sent.
 */
const GITHUB_CALL_MS = { query: 20_000, update: CHECK_CALL_MS }

/** `call`, given a signal that ends it after `ms`; a call so ended fails saying GitHub did not answer in time. */
async function withTimeout<T>(ms: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(ms)
  try {
    return await call(signal)
  } catch (error) {
    if (signal.aborted) throw new GitHubSilent(ms, error)
    throw error
  }
}

class GitHubSilent extends Error {
  constructor(ms: number, cause: unknown) {
    super(`GitHub gave no answer within ${ms / 1000} s`, { cause })
  }
}

/** The pending check runs of the repository, from the one query; a failure here fails the step. */
export async function discover(
  octokit: GitHubClient,
  repository: string,
  timeoutMs = GITHUB_CALL_MS.query
): Promise<DiscoveryData> {
  try {
    const variables = discoveryVariables(repository)
    return await withTimeout(timeoutMs, (signal) =>
      octokit.graphql<DiscoveryData>(DISCOVERY_QUERY, { ...variables, request: { signal } })
    )
  } catch (error) {
    throw new Error(`Could not ask GitHub for the check runs in progress in ${repository}: ${gitHubReason(error)}`, {
      cause: error
    })
  }
}

/** `settle-workflow`: turns this workflow off when nothing is left pending (settle-pause.ts). */
async function pauseIfIdle(
  octokit: GitHubClient,
  repository: string,
  file: string,
  report: SettleReport,
  pending: PendingChecks
): Promise<void> {
  // A check GitHub holds beyond what the query read may be ours: then nothing proves idle.
  const mayHideOurs = (checks: PendingChecks): boolean =>
    checks.deferred > 0 || checks.unreadOn.length > 0 || checks.morePullRequests
  const idle = !report.failure && report.left.length === 0 && !mayHideOurs(pending)
  const outcome = await pauseWhenIdle(file, idle, {
    switchTo: (to) =>
      withTimeout(GITHUB_CALL_MS.update, (signal) => switchWorkflow(octokit, repository, file, to, signal)),
    anyPending: async () => {
      const again = pendingChecks(await discover(octokit, repository))
      return again.ours.length > 0 || mayHideOurs(again)
    },
    reason: (error) => {
      const hint = switchRefusedHint(file, error)
      return hint === undefined ? gitHubReason(error) : `${gitHubReason(error)}; ${hint}`
    }
  })
  if (outcome.kind === 'paused') {
    report.paused = file
    core.info(
      `No check run of this action is left in progress: turned off this settle workflow (${file}) until a step ` +
        'leaves a check in progress again.'
    )
  } else if (outcome.kind === 'stranded') {
    report.failure = outcome.failure
  } else if (outcome.warning) {
    core.warning(inline(redactRegistered(outcome.warning)))
  }
}

/** The commits whose check suites or check runs GitHub had more of than the query reads, named (outside text: capped, one line). */
function unreadWarning(oids: string[]): string {
  const commits = joinCapped(
    oids.map((oid) => inline(capText(oid, 64))),
    5
  )
  return (
    `${oids.length === 1 ? 'Commit' : 'Commits'} ${commits} ${oids.length === 1 ? 'has' : 'have'} more check suites ` +
    `than the ${DISCOVERY_PAGE.suites} a settle reads, or more than ${DISCOVERY_PAGE.runs} check runs in progress in ` +
    'one suite: a check of this action there may not be settled this time, nor later while GitHub lists it beyond those.'
  )
}

/** Settles each check in turn; sets the report's failure when Code Ocean, or GitHub, answered none of them. */
export async function settleEach(
  checks: OurCheck[],
  octokit: GitHubClient,
  client: CodeOceanClient,
  repository: string,
  settings: SettleSettings,
  report: SettleReport,
  download?: SettleDownloader,
  updateMs = GITHUB_CALL_MS.update
): Promise<void> {
  const { owner, repo } = ownerAndRepo(repository)
  const log = (check: OurCheck, what: string): void =>
    core.info(
      inline(redactRegistered(`Check '${capText(check.name)}' (Code Ocean run ${check.identity.run}): ${what}`))
    )
  let unread = 0
  let updates = 0
  let refused = 0
  let unanswered = 0
  let lastRefusal = ''
  for (const check of checks) {
    const reading = await readRun(client, check.identity)
    if ('error' in reading) unread++
    const decision = decideSettle(check, reading, settings.maxAgeDays, Date.now(), redactRegistered)
    if (decision.action === 'leave') {
      if (decision.warning) core.warning(inline(redactRegistered(decision.warning)))
      report.left.push({ check, why: decision.reason })
      log(check, decision.reason)
      continue
    }
    updates++
    try {
      await withTimeout(updateMs, (signal) =>
        octokit.rest.checks.update({
          owner,
          repo,
          check_run_id: check.id,
          ...completeCheckRunBody({ conclusion: decision.conclusion, completedAt: Date.now(), ...decision.output }),
          request: { signal }
        })
      )
      report.settled.push({ check, conclusion: decision.conclusion })
      log(check, decision.done)
    } catch (error) {
      refused++
      if (error instanceof GitHubSilent) unanswered++
      lastRefusal = gitHubReason(error)
      core.warning(
        inline(
          redactRegistered(
            `Could not complete check '${capText(check.name)}' on GitHub: ${lastRefusal}; left for the next settle`
          )
        )
      )
      report.left.push({
        check,
        why: `left in progress: GitHub ${error instanceof GitHubSilent ? 'did not answer' : 'refused'} the update`
      })
      continue
    }
    // Only for a check completed: one GitHub refused is settled, and downloaded, next time.
    if (download && 'run' in reading && isTerminal(reading.run.state)) {
      const outcome = await download(reading.run)
      if (outcome.kind === 'failed') {
        core.warning(
          inline(
            redactRegistered(`Could not download the results of Code Ocean run ${check.identity.run}: ${outcome.why}`)
          )
        )
      }
      report.downloads.push({ check, download: outcome })
    }
  }
  // One run that could not be read is a warning; none read at all means no way to Code Ocean.
  const reads = checks.length
  if (reads > 0 && unread === reads) {
    const which = reads === 1 ? 'the run' : `any of the ${reads} runs`
    report.failure = `Could not read ${which} from Code Ocean; the checks are left in progress (see the warnings).`
  } else if (updates > 0 && unanswered === updates) {
    // No answer says nothing of the token: GitHub, or the way to it, is down.
    report.failure = `GitHub answered no update of a check run (${lastRefusal}); the checks are left in progress for the next settle.`
  } else if (updates > 0 && refused === updates) {
    report.failure =
      `GitHub refused every update of a check run (${lastRefusal}). The settle step's token must be the ` +
      'workflow token (`github-token: ${{ github.token }}`, the app that created the checks) with `permissions: checks: write` (and `contents: read`, `pull-requests: read` for the query).'
  }
}

/** Where a run's results went, in a few words: the folder relative to the workspace, or why none. */
function whereTo(download: SettleDownload, workspace: string | undefined): string {
  if (download.kind === 'none') return text(`not downloaded: ${download.why}`)
  if (download.kind === 'failed') return text(`download failed: ${download.why}`)
  const files = `${download.files} ${download.files === 1 ? 'file' : 'files'}, ${formatBytes(download.bytes)}`
  return `${code(relativeToWorkspace(download.folder, workspace))} (${files})`
}

/** The job summary: what was settled, what was left, what was skipped, and where results went. */
export function renderSettleSummary(
  report: SettleReport,
  workspace: string | undefined = process.env.GITHUB_WORKSPACE
): string {
  const out = [
    report.failure ? '## ❌ Could not settle the Code Ocean check runs' : '## ✅ Settled Code Ocean check runs'
  ]
  if (report.failure) out.push(lineBlock(report.failure))
  out.push(
    `Settled ${report.settled.length}, left ${report.left.length} in progress, skipped ${report.skipped} ` +
      "(in progress but not this action's: another app's, or an unknown external id)." +
      (report.deferred > 0
        ? ` ${report.deferred} more were left for the next settle (at most ${MAX_SETTLED_PER_STEP} a step).`
        : '')
  )
  const rows = (items: Array<{ check: OurCheck; last: string }>): string[][] =>
    items.map(({ check, last }) => [text(check.name), code(check.identity.run), text(last)])
  if (report.settled.length > 0) {
    out.push(
      '### Settled',
      table(['Check', 'Run', 'Conclusion'], rows(report.settled.map((s) => ({ check: s.check, last: s.conclusion }))))
    )
  }
  if (report.left.length > 0) {
    out.push(
      '### Left in progress',
      table(['Check', 'Run', 'Why'], rows(report.left.map((l) => ({ check: l.check, last: l.why }))))
    )
  }
  if (report.paused) {
    out.push(
      `Nothing is left pending, so this settle workflow (${code(report.paused)}) is now turned off: its schedule ` +
        'bills nothing until a step with `settle-workflow` leaves a check in progress and turns it on.'
    )
  }
  if (report.downloads.length > 0) {
    const where = report.downloads.map(({ check, download }) => [
      text(check.name),
      code(check.identity.run),
      whereTo(download, workspace)
    ])
    out.push('### Results', table(['Check', 'Run', 'Downloaded into'], where))
  }
  return `${out.join('\n\n')}\n`
}

/** The settle step, whole: every path ends with the `status` output and, unless `summary: false`, the job summary. */
export async function settle(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const outputs = new Outputs()
  const report: SettleReport = { settled: [], left: [], skipped: 0, deferred: 0, downloads: [] }
  let settings: SettleSettings | undefined
  let client: CodeOceanClient | undefined
  try {
    const token = readToken()
    warnAboutUnexpectedInputs(env, (message) => core.warning(message))
    settings = getSettleSettings(token)
    const repository = env.GITHUB_REPOSITORY ?? ''
    if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
      throw new Error('GITHUB_REPOSITORY is not set to owner/name: a settle step runs in a GitHub workflow')
    }
    const octokit = await githubClient(settings.githubToken)
    const pending = pendingChecks(await discover(octokit, repository))
    report.skipped = pending.skipped
    report.deferred = pending.deferred
    if (pending.deferred > 0) {
      core.notice(
        `${pending.deferred} more check runs of this action are in progress; at most ${MAX_SETTLED_PER_STEP} are settled ` +
          'in one step, and the rest are left for the next settle.'
      )
    }
    if (pending.unreadOn.length > 0) core.warning(unreadWarning(pending.unreadOn))
    if (pending.ours.length === 0) {
      core.info(`No check run of this action is in progress (${pending.skipped} others skipped).`)
    } else {
      const apiBase = settings.location.apiBase
      client = new CodeOceanClient({
        apiBase,
        token,
        onRetry: (message) => core.info(inline(redactRegistered(message)))
      })
      const download = settleDownloader(client, settings, (line) => core.info(inline(redactRegistered(line))))
      await settleEach(pending.ours, octokit, client, repository, settings, report, download)
      // One folder per run id inside it.
      if (settings.downloadFolder && report.downloads.some((d) => d.download.kind === 'downloaded')) {
        outputs.set(Output.ResultsPath, settings.downloadFolder)
      }
    }
    core.info(
      `Settled ${report.settled.length} check runs, left ${report.left.length} in progress, skipped ${report.skipped}.`
    )
    if (settings.settleWorkflow) {
      await pauseIfIdle(octokit, repository, settings.settleWorkflow, report, pending)
    }
  } catch (error) {
    report.failure = errorMessage(error)
  } finally {
    client?.close()
  }
  if (report.failure) core.setFailed(redactRegistered(report.failure))
  outputs.setStatus(report.failure ? 'failed' : 'succeeded')
  if (settings?.summary ?? true) await writeSummary(redactRegistered(renderSettleSummary(report)))
}
