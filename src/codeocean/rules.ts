/** Rules of Code Ocean's API that the action's behaviour follows. */

/** Code Ocean's Python SDK refuses to poll more often than this. */
export const MIN_POLL_SECONDS = 5

/** Said wherever a run is stopped, because users do not expect it. */
export const STOP_MEANS_DELETE = 'in Code Ocean, stopping a run deletes it and its results'
