import * as core from '@actions/core'
import { serverMessage } from '../../codeocean/api-error-messages.js'
import { CodeOceanApiError } from '../../codeocean/errors.js'
import type { GitSyncResult } from '../../codeocean/models/git-sync.js'
import type { Target } from '../../codeocean/models/run-request.js'
import type { TargetsApi } from '../../codeocean/targets-api.js'
import { errorMessage, RequestAbortedError } from '../../errors.js'
import { Output } from '../../names.js'
import type { Step } from '../step.js'

/** `Synced with Git: pulled 3 commits, pushed 0`, and the new branch when there is one. */
export function describeSync(result: GitSyncResult): string {
  const commits = (n: number): string => `${n} ${n === 1 ? 'commit' : 'commits'}`
  return (
    `Synced with Git: pulled ${commits(result.pulled)}, pushed ${result.pushed}` +
    (result.newBranch ? ' (on a new branch)' : '')
  )
}

/** The likely reason Code Ocean refused a sync, from its status. */
function likelyCause(status: number, target: Target): string {
  const what = `the ${target.kind}`
  if (status === 404) {
    return (
      'Likely cause: this Code Ocean does not support Git sync; it needs 4.6 or later. ' +
      `(If it is 4.6 or later, it does not know ${target.kind} ${target.id}, or the token cannot see it.)`
    )
  }
  if (status === 403) {
    return (
      `Likely cause: the token may not write to ${what}. Git sync needs the Capsule Read/Write scope, ` +
      `and the token's owner needs write access to ${what}.`
    )
  }
  if (status === 401) return 'Likely cause: the API token was not accepted; check the `secret` input.'
  return (
    `Likely cause: ${what} is not linked to a Git repository ` +
    "(link it in Code Ocean, or leave out 'sync-git'), or the linked repository refused the sync."
  )
}

/** Explains a failed sync: what Code Ocean said, the likely cause, and that no run started. */
function syncFailure(error: unknown, target: Target): Error {
  const head = `Could not sync ${target.kind} ${target.id} with Git, so no run was started.`
  if (error instanceof CodeOceanApiError) {
    return new Error(
      `${head}\nCode Ocean answered HTTP ${error.status}: ${serverMessage(error.body)}\n${likelyCause(error.status, target)}`,
      { cause: error }
    )
  }
  return new Error(`${head}\n${errorMessage(error)}`, { cause: error })
}

/**
 * Syncs the capsule or pipeline with its linked Git repository, so the run gets the
 * code just pushed; Code Ocean also pushes its own new commits to the repository.
 */
export async function syncWithGit(
  targets: Pick<TargetsApi, 'sync'>,
  target: Target,
  step: Step,
  signal: AbortSignal
): Promise<void> {
  core.info(`Syncing ${target.kind} ${target.id} with its Git repository`)
  let result: GitSyncResult
  try {
    result = await targets.sync(target, { signal })
  } catch (error) {
    if (error instanceof RequestAbortedError) throw error
    throw syncFailure(error, target)
  }
  const line = describeSync(result)
  core.info(line)
  step.summary.notes.push(line)
  step.outputs.set(Output.GitPulled, String(result.pulled))
  step.outputs.set(Output.GitPushed, String(result.pushed))
}
