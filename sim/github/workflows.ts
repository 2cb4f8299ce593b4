// The stand-in's workflows, for the settle schedule's pause: GitHub's "enable a workflow"
// and "disable a workflow" (PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/
// enable|disable). Both answer 204 with no body whatever the workflow's state was; the
// id may be the workflow's number or its file name; an unknown workflow is a 404, and a
// token without `actions: write` gets GitHub's 403.
// https://docs.github.com/rest/actions/workflows#disable-a-workflow

import type { Reply } from './checks.js'

/** A workflow's `state` as GitHub reports it; the stand-in models the two these calls set. */
export type WorkflowState = 'active' | 'disabled_manually'

export interface Workflow {
  id: number
  /** `.github/workflows/<file>` */
  path: string
  state: WorkflowState
  /** Each switch, in order: what a test reads to see the protocol followed. */
  switches: WorkflowState[]
}

const DOCS = 'https://docs.github.com/rest/actions/workflows'

export class Workflows {
  private readonly byRepo = new Map<string, Workflow[]>()
  /** Called after each switch, e.g. to open a check between a settle step's turn-off and its second look. */
  onSwitch: ((repo: string, workflow: Workflow) => void) | undefined

  constructor(private readonly nextId: () => number) {}

  /** Adds `.github/workflows/<file>` to `repo`. */
  add(repo: string, file: string, state: WorkflowState = 'active'): Workflow {
    const workflow: Workflow = { id: this.nextId(), path: `.github/workflows/${file}`, state, switches: [] }
    this.byRepo.set(repo, [...(this.byRepo.get(repo) ?? []), workflow])
    return workflow
  }

  /** The answer to an enable or disable call, or undefined when the path is not one. */
  reply(method: string, pathname: string, mayWrite: boolean): Reply | undefined {
    const call = /^\/repos\/([^/]+\/[^/]+)\/actions\/workflows\/([^/]+)\/(enable|disable)$/.exec(pathname)
    if (!call || method !== 'PUT') return undefined
    const [, repo, rawId, verb] = call
    const doc = `${DOCS}#${verb}-a-workflow`
    if (!mayWrite) {
      return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: doc } }
    }
    const id = decodeURIComponent(rawId)
    const workflow = (this.byRepo.get(repo) ?? []).find(
      (w) => String(w.id) === id || w.path === `.github/workflows/${id}`
    )
    if (!workflow) return { status: 404, body: { message: 'Not Found', documentation_url: doc } }
    workflow.state = verb === 'enable' ? 'active' : 'disabled_manually'
    workflow.switches.push(workflow.state)
    this.onSwitch?.(repo, workflow)
    return { status: 204, body: undefined }
  }
}
