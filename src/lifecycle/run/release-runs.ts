import { CodeOceanApiError } from '../../codeocean/errors.js'
import type { Computation } from '../../codeocean/models/computation.js'
import { RELEASE_OWNER, RELEASE_RUNS_ADMIN_ONLY } from '../../codeocean/rules.js'

/** Whether a run belongs to a release version: Code Ocean says so in `owner`, older servers only by the version run. */
function isReleaseRun(run: Computation, version: number | undefined): boolean {
  return run.owner === RELEASE_OWNER || (run.owner === undefined && version !== undefined)
}

/** For a rename or stop refused with 403: why, when the run is a release version's; else ''. */
export function releaseRefusalReason(error: unknown, run: Computation, version: number | undefined): string {
  return error instanceof CodeOceanApiError && error.status === 403 && isReleaseRun(run, version)
    ? RELEASE_RUNS_ADMIN_ONLY
    : ''
}
