/**
 * Where the download worker's code is: the action's bundle, as its entry (src/index.ts)
 * says at start-up. A module of its own, importing nothing, so that saying it loads none
 * of the download code (the store client, the transfers): a step with a bad input, or a settle
 * step, never needs them.
 */
let entry: URL | undefined

/** Has transfers run in workers running `bundle`, which serves them (src/index.ts). */
export function useTransferWorker(bundle: URL): void {
  entry = bundle
}

/** The bundle a worker runs, or undefined: transfers then run in the calling thread (tests, scripts). */
export function transferWorkerEntry(): URL | undefined {
  return entry
}
