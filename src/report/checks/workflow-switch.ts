/**
 * The settle schedule's pause (`settle-workflow`; docs/checks.md): a scheduled workflow
 * bills a job at every tick whether or not a check is pending, so the settle step turns
 * its own workflow off once nothing is left, and a step that leaves a check in progress
 * turns it on again. GitHub's "disable a workflow" and "enable a workflow" calls do this
 * (PUT /repos/{owner}/{repo}/actions/workflows/{file}/disable|enable; the workflow's file
 * name stands for its id), and need `actions: write`.
 */
import { ownerAndRepo } from '../event.js'
import type { GitHubClient } from '../github-client.js'

/** On: the schedule runs. Off: GitHub starts no run of the workflow until it is turned on. */
export type WorkflowSwitch = 'on' | 'off'

/** Turns `file`'s workflow on or off; throws GitHub's error. Both calls are idempotent. */
export async function switchWorkflow(
  octokit: GitHubClient,
  repository: string,
  file: string,
  to: WorkflowSwitch,
  signal: AbortSignal
): Promise<void> {
  const { owner, repo } = ownerAndRepo(repository)
  const call = to === 'on' ? octokit.rest.actions.enableWorkflow : octokit.rest.actions.disableWorkflow
  await call({ owner, repo, workflow_id: file, request: { signal } })
}

/**
 * What to add when GitHub refuses the switch (403: no `actions: write`; 404: no such
 * workflow), the same words for either step; undefined for any other failure (a time
 * limit, a network error), which those words would not mend.
 */
export function switchRefusedHint(file: string, error: unknown): string | undefined {
  const status = (error as { status?: unknown } | null)?.status
  if (status !== 403 && status !== 404) return undefined
  return (
    `give the job \`permissions: actions: write\`, and check that .github/workflows/${file} exists on the default ` +
    'branch'
  )
}
