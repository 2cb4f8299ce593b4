import { capText } from '../caps.js'
import { Input } from '../names.js'
import { inline } from '../untrusted.js'
import { nearestTypo } from './nearest.js'

/** Every input action.yml declares (names.ts keeps them; a test keeps the two equal). */
export const DECLARED_INPUTS: readonly string[] = Object.values(Input)

const PREFIX = 'INPUT_'

/**
 * The environment variable the runner passes an input in: upper-cased, spaces to `_`,
 * hyphens kept (`wait-timeout` → `INPUT_WAIT-TIMEOUT`), as @actions/core's getInput reads it.
 */
export function inputVariable(name: string): string {
  return `${PREFIX}${name.replace(/ /g, '_').toUpperCase()}`
}

/** An input the workflow gave that action.yml does not declare, and the declared one it most likely meant. */
export interface UnexpectedInput {
  /** As the workflow most likely spelled it: the variable's name after `INPUT_`, lower-cased. */
  name: string
  closest?: string
}

/**
 * The `INPUT_*` variables in `env` that no declared input explains. The runner passes
 * every `with:` key on, declared or not, and nothing reads an undeclared one: a typo
 * (`wait-timout`, `download-result`, `sync_git`) would otherwise pass in silence, and the
 * step would do less than the workflow asked. Sorted, so the warnings come in a stable order.
 */
export function unexpectedInputs(
  env: NodeJS.ProcessEnv,
  declared: readonly string[] = DECLARED_INPUTS
): UnexpectedInput[] {
  const known = new Set(declared.map(inputVariable))
  return Object.keys(env)
    .filter((variable) => {
      const upper = variable.toUpperCase()
      return upper.startsWith(PREFIX) && upper.length > PREFIX.length && !known.has(upper)
    })
    .sort()
    .map((variable) => {
      const name = variable.slice(PREFIX.length).toLowerCase()
      // `sync_git` is one edit from `sync-git`; the comparison needs no folding beyond case.
      return { name, closest: nearestTypo(name, declared) }
    })
}

/** The warning for one unexpected input: its name stays one line and never a workflow command. */
function unexpectedInputWarning({ name, closest }: UnexpectedInput): string {
  const shown = inline(capText(name, 100))
  return closest === undefined
    ? `Unexpected input '${shown}': this action has no input of that name, so it is ignored. ` +
        `The inputs it reads are listed in its action.yml.`
    : `Unexpected input '${shown}': did you mean '${closest}'? This action has no input '${shown}', so it is ignored.`
}

/**
 * Warns once per input the workflow gave that the action does not declare. The main step
 * only: the post step sees the same variables, and once is enough.
 */
export function warnAboutUnexpectedInputs(env: NodeJS.ProcessEnv, warn: (message: string) => void): void {
  for (const input of unexpectedInputs(env)) warn(unexpectedInputWarning(input))
}
