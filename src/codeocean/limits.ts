/**
 * How long one call to Code Ocean may take and how much of an answer the action reads.
 * Both bound what a broken or hostile server can cost the step: a server that sends a
 * byte now and then cannot hold it for ever, and an answer that never ends (or a small
 * compressed one that inflates to gigabytes) cannot fill the runner's memory.
 */

const KiB = 1024
const MiB = 1024 * KiB

/**
 * Each attempt of a call ends after this, answered or not: the whole attempt, from
 * connecting to the last byte of the answer, not only a silence on the socket.
 */
export const DEFAULT_TIMEOUT_MS = 30_000

/** The most of an answer the action reads, for one kind of answer. */
export interface AnswerLimit {
  bytes: number
  /** What the answer holds, for messages: "a run". */
  what: string
}

/** A run: start, status check, rename, stop. Real ones are a few KiB, even with many parameters. */
export const RUN_ANSWER_LIMIT: AnswerLimit = { bytes: 1 * MiB, what: 'a run' }

/** One folder of a run's results; a folder of tens of thousands of files still fits. */
export const RESULTS_LISTING_ANSWER_LIMIT: AnswerLimit = { bytes: 8 * MiB, what: 'a results listing' }

/** Every run of a capsule or pipeline, unpaginated: thousands of runs still fit. */
export const RUNS_LISTING_ANSWER_LIMIT: AnswerLimit = { bytes: 8 * MiB, what: 'a list of runs' }

/** A signed download link for one result file. */
export const DOWNLOAD_LINK_ANSWER_LIMIT: AnswerLimit = { bytes: 64 * KiB, what: 'a download link' }

/** A data asset: create and read. */
export const DATA_ASSET_ANSWER_LIMIT: AnswerLimit = { bytes: 1 * MiB, what: 'a data asset' }

/** The error code a call over its answer limit fails with; such a call is not repeated. */
export const ANSWER_TOO_LARGE = 'ERR_ANSWER_TOO_LARGE'

/** A limit for people: `1 MiB`, `64 KiB`. */
export function describeLimit(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`
  if (bytes >= KiB && bytes % KiB === 0) return `${bytes / KiB} KiB`
  return `${bytes} bytes`
}
