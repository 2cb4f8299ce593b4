/**
 * The run as a GitHub check run (`check-run`; docs/github-checks.md): the request bodies
 * that create, settle and complete it, pure, and the few Checks API calls that send them.
 * A check run is a report, like the summary: no failure here ever fails the step.
 */
import { errorMessage } from '../../errors.js'
import { inline } from '../../untrusted.js'
import { ownerAndRepo, pullRequestPayload } from '../event.js'
import { gitHubReason, githubClient, type GitHubClient } from '../github-client.js'
import { code, fitWithin } from '../markdown.js'
import { checkRunName, externalIdFor, type CheckConclusion, type CheckIdentity } from './check-identity.js'
import { switchRefusedHint, switchWorkflow } from './workflow-switch.js'

/** GitHub's limit on a check run's `output.summary` and `output.text`: bytes of UTF-8, not characters. */
export const MAX_CHECK_OUTPUT_BYTES = 65_535

/** `markdown` within MAX_CHECK_OUTPUT_BYTES, cut between lines with a note when longer. */
export function fitCheckOutput(markdown: string): string {
  const note = '*The rest was cut: GitHub takes at most 65,535 bytes here; the job summary has it all.*'
  return fitWithin(markdown, MAX_CHECK_OUTPUT_BYTES, (part) => Buffer.byteLength(part), note)
}

/** A commit SHA as GitHub writes one (SHA-1, or SHA-256 for such repositories). */
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/**
 * The commit the check goes on: the one the workflow ran for. On a pull request event
 * that is the pull request's head (GITHUB_SHA is then a merge commit no one looks at);
 * otherwise GITHUB_SHA. Undefined when neither is a SHA.
 */
export function checkHeadSha(env: NodeJS.ProcessEnv): string | undefined {
  const head = pullRequestPayload(env)?.pull_request?.head?.sha
  if (typeof head === 'string' && SHA.test(head)) return head
  const sha = env.GITHUB_SHA ?? ''
  return SHA.test(sha) ? sha : undefined
}

/** What a new check run says of its Code Ocean run. */
export interface CheckRunStart {
  /** The run's name, outside text: it goes through checkRunName. */
  runName: string
  /** The Code Ocean run's id. */
  runId: string
  headSha: string
  /** When the run began, in ms. */
  startedAt: number
  /** The workflow run's page, when known. */
  detailsUrl?: string
  /** The target and the run, when the target is known (not for a followed run). */
  identity?: CheckIdentity
}

/** The body of POST /repos/{owner}/{repo}/check-runs: in progress, saying the run is going. */
export function createCheckRunBody(start: CheckRunStart): Record<string, unknown> {
  return {
    name: checkRunName(start.runName),
    head_sha: start.headSha,
    status: 'in_progress',
    started_at: new Date(start.startedAt).toISOString(),
    ...(start.detailsUrl ? { details_url: start.detailsUrl } : {}),
    ...(start.identity ? { external_id: externalIdFor(start.identity) } : {}),
    output: {
      title: 'Running',
      summary: `Code Ocean run ${code(start.runId)} is running; this check completes when it ends.`
    }
  }
}

/**
 * The body of the PATCH for `wait: false`, or for a run handed over at the wait-timeout
 * (`stop-on-timeout: hand-over`): the check stays in progress, and says the run is settled
 * later (by a settle step), above the job summary.
 */
export function leftRunningCheckRunBody(runId: string, markdown: string, handedOver = false): Record<string, unknown> {
  const line = handedOver
    ? `The step stopped waiting for Code Ocean run ${code(runId)} at its wait-timeout and handed the run over to a settle step: this check completes once a settle step finds the run has ended.`
    : `Code Ocean run ${code(runId)} was started and is settled later: this check completes once a settle step finds the run has ended.`
  const title = handedOver ? 'Code Ocean run handed over to a settle step' : 'Code Ocean run started'
  return { output: { title, summary: fitCheckOutput(`${line}\n\n${markdown}`) } }
}

/** What a completed check says: the outcome line, the job summary, and why, when there is a why. */
export interface CheckRunEnd {
  conclusion: CheckConclusion
  /** In ms. */
  completedAt: number
  title: string
  /** The job summary's Markdown. */
  summary: string
  /** The failure reason's Markdown, rendered as the summary renders it. */
  text?: string
}

/** The body of the PATCH that completes the check. */
export function completeCheckRunBody(end: CheckRunEnd): Record<string, unknown> {
  return {
    status: 'completed',
    conclusion: end.conclusion,
    completed_at: new Date(end.completedAt).toISOString(),
    output: {
      title: end.title,
      summary: fitCheckOutput(end.summary),
      ...(end.text ? { text: fitCheckOutput(end.text) } : {})
    }
  }
}

/** The body with which the post step completes a check its killed main step left in progress. */
export function cancelledCheckRunBody(runId: string, completedAt: number): Record<string, unknown> {
  return completeCheckRunBody({
    conclusion: 'cancelled',
    completedAt,
    title: 'Cancelled while waiting for the Code Ocean run',
    summary: `The step following Code Ocean run ${code(runId)} ended before the run did (the workflow was cancelled, or the step was killed).`
  })
}

/** GitHub's words when the token lacks `checks: write` (a fork's pull request gets a read-only token). */
const NOT_ACCESSIBLE = 'Resource not accessible by integration'

function isNotAccessible(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status
  return status === 403 && errorMessage(error).includes(NOT_ACCESSIBLE)
}

/**
 * Why a GitHub call failed, in a few words. Octokit words a call its signal ended as
 * "Unknown Error" or the platform's abort text, so that case is told by the signal.
 */
function whyCallFailed(error: unknown, signal: AbortSignal | undefined): string {
  if (signal?.aborted) {
    const timedOut = (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError'
    return timedOut ? 'GitHub gave no answer in time' : 'the step was cancelled first'
  }
  return gitHubReason(error)
}

/** Where check runs are written, and how trouble is told. */
export interface CheckRunTarget {
  token: string
  /** `owner/repo` */
  repository: string
  /** A warning in the step's log; `message` is scrubbed and kept to one line first. */
  warn: (message: string) => void
}

/**
 * The Checks API calls of one step. Each failure is a warning, never the step's; a token
 * without `checks: write` is told once, with what to add, and then no further call is made.
 * The GitHub client is loaded on first use (githubClient), and is the pull request
 * comment's too.
 */
export class CheckRuns {
  /** The token may not write check runs: nothing more is sent. */
  private refused = false

  constructor(private readonly target: CheckRunTarget) {}

  private async octokit(): Promise<GitHubClient> {
    return githubClient(this.target.token)
  }

  private repo(): { owner: string; repo: string } {
    return ownerAndRepo(this.target.repository)
  }

  private warn(what: string, error: unknown, signal: AbortSignal | undefined): void {
    if (!signal?.aborted && isNotAccessible(error)) {
      this.refused = true
      this.target.warn(
        `Could not ${what}: the token in github-token may not write check runs (GitHub: ${NOT_ACCESSIBLE}). ` +
          'Add `permissions: checks: write` to the job; a pull request from a fork gets a read-only token whatever ' +
          'the workflow asks, so no check run can be made for one. The step goes on without a check run.'
      )
      return
    }
    this.target.warn(`Could not ${what}: ${whyCallFailed(error, signal)}. The step goes on.`)
  }

  /** Creates a check run; its id, or undefined when GitHub refused (told as a warning). */
  async create(body: Record<string, unknown>, signal?: AbortSignal): Promise<number | undefined> {
    if (this.refused) return undefined
    try {
      const octokit = await this.octokit()
      const answer = await octokit.rest.checks.create({
        ...this.repo(),
        ...(body as { name: string; head_sha: string }),
        request: { signal }
      })
      const id = answer.data.id
      return Number.isSafeInteger(id) && id > 0 ? id : undefined
    } catch (error) {
      this.warn('create the check run', error, signal)
      return undefined
    }
  }

  /** Updates check run `id`; false when that failed (told as a warning). */
  async update(id: number, body: Record<string, unknown>, signal?: AbortSignal): Promise<boolean> {
    if (this.refused) return false
    try {
      const octokit = await this.octokit()
      await octokit.rest.checks.update({ ...this.repo(), check_run_id: id, ...body, request: { signal } })
      return true
    } catch (error) {
      this.warn(`update check run ${id}`, error, signal)
      return false
    }
  }

  /**
   * Turns the settle workflow `file` on, so that its schedule settles the check this step
   * leaves in progress (`settle-workflow`); false when GitHub refused (told as a warning:
   * the check then waits until the schedule runs again for another reason).
   */
  async wakeWorkflow(file: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await switchWorkflow(
        await this.octokit(),
        this.target.repository,
        file,
        'on',
        signal ?? new AbortController().signal
      )
      return true
    } catch (error) {
      const hint = switchRefusedHint(file, error)
      this.target.warn(
        `Could not turn on the settle workflow ${file}: ${whyCallFailed(error, signal)}. Until it runs, no ` +
          `step settles this check${hint === undefined ? '' : `: ${hint}`}.`
      )
      return false
    }
  }

  /** Check run `id`'s status (`in_progress`, `completed`, …), or undefined when it cannot be read (told as a warning). */
  async status(id: number, signal?: AbortSignal): Promise<string | undefined> {
    if (this.refused) return undefined
    try {
      const octokit = await this.octokit()
      const answer = await octokit.rest.checks.get({ ...this.repo(), check_run_id: id, request: { signal } })
      return inline(String(answer.data.status))
    } catch (error) {
      this.warn(`read check run ${id}`, error, signal)
      return undefined
    }
  }
}

/** A check run this step made and answers for. */
export interface OpenCheckRun {
  id: number
  /** The Code Ocean run it stands for. */
  runId: string
  checks: CheckRuns
  /** `settle-workflow`: turned on when the step leaves the check in progress. */
  settleWorkflow?: string
}
