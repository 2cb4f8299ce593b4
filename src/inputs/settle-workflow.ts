import { InputError } from './errors.js'
import { Input } from '../names.js'

/**
 * `settle-workflow`: the file name of the workflow that settles check runs, whose
 * schedule the action pauses while nothing is pending (docs/checks.md). GitHub names a
 * workflow by its file in `.github/workflows/` (no folders below it), and its enable and
 * disable calls take that name in place of the workflow's id.
 */
const WORKFLOW_FILE = /^[A-Za-z0-9_.-]+\.ya?ml$/
const WORKFLOWS_FOLDER = '.github/workflows/'

export const SETTLE_WORKFLOW_EXAMPLE = `${Input.SettleWorkflow}: settle.yml`

/** The workflow's file name, or undefined when the input is empty; the folder may be written out. */
export function parseSettleWorkflow(raw: string): string | undefined {
  if (raw === '') return undefined
  const file = raw.startsWith(WORKFLOWS_FOLDER) ? raw.slice(WORKFLOWS_FOLDER.length) : raw
  if (!WORKFLOW_FILE.test(file) || file.startsWith('.')) {
    throw new InputError(
      Input.SettleWorkflow,
      `"${raw}" is not the file name of a workflow in ${WORKFLOWS_FOLDER} (letters, digits, '.', '_' or '-', ending ` +
        'in .yml or .yaml)',
      SETTLE_WORKFLOW_EXAMPLE
    )
  }
  return file
}

/**
 * The file name of the workflow this step runs in, from GITHUB_WORKFLOW_REF
 * (`owner/repo/.github/workflows/settle.yml@refs/heads/main`), or undefined when the
 * runner did not set it in that form.
 */
export function runningWorkflowFile(env: NodeJS.ProcessEnv): string | undefined {
  const ref = env.GITHUB_WORKFLOW_REF ?? ''
  const path = /^[^/\s]+\/[^/\s]+\/\.github\/workflows\/([^/@\s]+)@/.exec(ref)
  return path?.[1]
}
