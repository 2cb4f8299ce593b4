/** Rules of Code Ocean's API that the action's behaviour follows. */

/** Code Ocean's Python SDK refuses to poll more often than this. */
export const MIN_POLL_SECONDS = 5

/** Said wherever a run is stopped, because users do not expect it. */
export const STOP_MEANS_DELETE = 'in Code Ocean, stopping a run deletes it and its results'

/** Whose runs only admins may rename or stop: Code Ocean owns runs of a release version as `release`. */
export const RELEASE_OWNER = 'release'

/** Said when renaming or stopping a run of a release version is refused (HTTP 403). */
export const RELEASE_RUNS_ADMIN_ONLY =
  'Runs of a release version are owned by `release` in Code Ocean, and only admins may rename or delete (stop) them.'
