import { Input } from '../names.js'
import type { Problems } from './problems.js'
import { parseBooleanInput } from './values.js'

/** What the step does before it starts the run, beyond checking attached data assets. */
export interface PreparationSettings {
  /** Sync the capsule or pipeline with its linked Git repository first. */
  syncGit: boolean
  /** On a re-run of the workflow, resume from the run an earlier attempt started. */
  resumeOnRerun: boolean
  /** Which attempt of the workflow run this is (GITHUB_RUN_ATTEMPT), 1 for the first. */
  runAttempt: number
}

function flag(problems: Problems, name: string): boolean {
  return problems.check(name, (raw) => parseBooleanInput(name, raw)) ?? false
}

/** The attempt number from the environment; anything unreadable counts as a first attempt. */
export function runAttemptOf(env: NodeJS.ProcessEnv): number {
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1')
  return Number.isSafeInteger(attempt) && attempt > 1 ? attempt : 1
}

/** Reads `sync-git` and `resume-on-rerun`, and refuses the combinations that make no sense. */
export function readPreparationSettings(problems: Problems, env: NodeJS.ProcessEnv): PreparationSettings {
  const syncGit = flag(problems, Input.SyncGit)
  const resumeOnRerun = flag(problems, Input.ResumeOnRerun)
  if (syncGit && problems.read(Input.Version).trim() !== '') {
    problems.add(
      `${Input.SyncGit}' and '${Input.Version}`,
      'both are set; a release version never changes, so syncing it with Git first makes no sense. ' +
        "Sync and run the current version (leave out 'version'), or run the release without 'sync-git'",
      `${Input.SyncGit}: true`
    )
  }
  if (resumeOnRerun && problems.read(Input.ResumeRunId).trim() !== '') {
    problems.add(
      `${Input.ResumeRunId}' and '${Input.ResumeOnRerun}`,
      "both are set; give the run to resume from in 'resume-run-id', or let 'resume-on-rerun' find it, not both",
      `${Input.ResumeOnRerun}: true`
    )
  }
  return { syncGit, resumeOnRerun, runAttempt: runAttemptOf(env) }
}
