import { RUNS_LISTING_ANSWER_LIMIT } from './limits.js'
import { readComputation, type Computation } from './models/computation.js'
import { readGitSync, type GitSyncResult } from './models/git-sync.js'
import type { Target } from './models/run-request.js'
import { preview } from './preview.js'
import type { Answer, ApiTransport, CallOptions } from './transport.js'

/** A target's runs, with the server's clock at the time of the listing (see Answer). */
export interface RunsListing extends Omit<Answer, 'body'> {
  runs: Computation[]
  /** Entries that could not be read as runs: a run missing from `runs` may be among them. */
  unreadable: number
}

/** `capsules/{id}` or `pipelines/{id}`: the two share their routes. */
export function route(target: Target): string {
  return `${target.kind === 'pipeline' ? 'pipelines' : 'capsules'}/${encodeURIComponent(target.id)}`
}

/** Capsules and pipelines: `/capsules/{id}/…` and `/pipelines/{id}/…`. */
export class TargetsApi {
  constructor(private readonly transport: ApiTransport) {}

  /**
   * POST /capsules|pipelines/{id}/sync (Code Ocean 4.6+): pulls new commits from the
   * linked Git repository and pushes commits made in Code Ocean to it. Repeating it
   * changes nothing more, so it is retried like a read.
   */
  async sync(target: Target, call: CallOptions = {}): Promise<GitSyncResult> {
    const data = await this.transport.request(
      { method: 'POST', url: `${route(target)}/sync` },
      { operation: `sync ${target.kind} ${target.id} with Git`, idHint: `${target.kind} ${target.id}` },
      'idempotent',
      call
    )
    return readGitSync(data)
  }

  /** GET /capsules|pipelines/{id}/computations: every run of the target, in no promised order. */
  async runs(target: Target, call: CallOptions = {}): Promise<Computation[]> {
    return (await this.listRuns(target, call)).runs
  }

  /** As runs(), with the server's clock, to tell which runs were created since a given moment. */
  async listRuns(target: Target, call: CallOptions = {}): Promise<RunsListing> {
    const { body: data, ...clock } = await this.transport.answer(
      { method: 'GET', url: `${route(target)}/computations` },
      {
        operation: `list the runs of ${target.kind} ${target.id}`,
        idHint: `${target.kind} ${target.id}`,
        answerLimit: RUNS_LISTING_ANSWER_LIMIT
      },
      'idempotent',
      call
    )
    if (!Array.isArray(data)) {
      throw new Error(`Code Ocean answered the list of runs with something that is not a list: ${preview(data, 200)}`)
    }
    const runs = data.flatMap((item) => {
      try {
        return [readComputation(item)]
      } catch {
        // One unreadable entry must not hide the others.
        return []
      }
    })
    return { runs, unreadable: data.length - runs.length, ...clock }
  }
}
