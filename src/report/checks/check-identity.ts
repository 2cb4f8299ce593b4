/**
 * What ties a GitHub check run to the Code Ocean run it stands for (docs/github-checks.md).
 * The check's `external_id` carries the target and the run's id, so a later settle step
 * can find the run from the check alone; the settle step completes a check only when its
 * `external_id` reads back exactly in this form (and its suite's app is the settle
 * token's), so a look-alike check from elsewhere is never touched.
 */
import { idProblem } from '../../codeocean/models/id.js'
import type { Status } from '../outputs.js'
import { capText } from '../../caps.js'
import { inline } from '../../untrusted.js'

export interface CheckIdentity {
  kind: 'pipeline' | 'capsule'
  /** The pipeline's or capsule's id. */
  target: string
  /** The Code Ocean run (computation) id. */
  run: string
}

/** Names the form and its version: a later form gets another, and old checks still read. */
const PREFIX = 'codeocean-run/v1?'
const KEYS = ['kind', 'target', 'run'] as const

/** `codeocean-run/v1?kind=pipeline&target=<id>&run=<id>`: a query string, so ids need no escaping rules of our own. */
export function externalIdFor(identity: CheckIdentity): string {
  return PREFIX + new URLSearchParams({ kind: identity.kind, target: identity.target, run: identity.run }).toString()
}

/**
 * The identity a check's `external_id` carries, or undefined unless it is exactly this
 * action's form: the prefix, the three keys once each and nothing else, a known kind and
 * two ids a Code Ocean URL may carry. GitHub answers null or "" for a check without one.
 */
export function readExternalId(externalId: string | null | undefined): CheckIdentity | undefined {
  if (!externalId?.startsWith(PREFIX)) return undefined
  const params = new URLSearchParams(externalId.slice(PREFIX.length))
  const keys = [...params.keys()]
  if (keys.length !== KEYS.length || !KEYS.every((key) => params.getAll(key).length === 1)) return undefined
  const kind = params.get('kind')
  const target = params.get('target') ?? ''
  const run = params.get('run') ?? ''
  if (kind !== 'pipeline' && kind !== 'capsule') return undefined
  if (idProblem(target) !== undefined || idProblem(run) !== undefined) return undefined
  return { kind, target, run }
}

/** The longest check name shown: a run name is outside text, and the checks list shows one line. */
const MAX_NAME_CHARS = 100

/** `Code Ocean: <run name>`: the name alone must say what the check is, since it may show under another workflow's suite. */
export function checkRunName(runName: string): string {
  return `Code Ocean: ${inline(capText(runName, MAX_NAME_CHARS))}`
}

export type CheckConclusion = 'success' | 'failure' | 'cancelled' | 'timed_out'

/** The check's conclusion for the step's status; undefined while the run goes on (`wait: false`): the check stays in progress. */
export function checkConclusion(status: Status): CheckConclusion | undefined {
  switch (status) {
    case 'started':
      return undefined
    case 'succeeded':
      return 'success'
    case 'failed':
      return 'failure'
    case 'stopped':
    case 'cancelled':
      return 'cancelled'
    case 'timed-out':
      return 'timed_out'
  }
}
