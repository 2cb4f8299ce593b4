import type { AppPanel, PanelParameter } from '../codeocean/models/app-panel.js'
import type { NamedParameter, Process, RunSpec } from '../codeocean/models/run-request.js'
import { capText, joinCapped } from '../caps.js'
import { Input } from '../names.js'
import { inline } from '../untrusted.js'
import { InputError } from './errors.js'
import { nearestTypo } from './nearest.js'
import type { PatternVerdict } from './pattern-check.js'

/**
 * Checks a run request against what the capsule or pipeline declares in its app panel,
 * before a run is spent on a typo. Pure: the panel is read elsewhere. Problems with
 * names and values are errors (no run starts); doubts about data assets are warnings.
 */
export interface PanelCheck {
  errors: InputError[]
  warnings: string[]
}

/** value_type spellings that mean a number. */
const NUMERIC = /^(int|integer|number|numeric|float|double|decimal)$/i
const INTEGER = /^(int|integer)$/i

/**
 * Typo suggestions compare names and values of at most this length, among at most
 * TYPO_CANDIDATES of them: longer ones are no typo of each other, and a panel's lists
 * can be long enough to make the comparison itself slow.
 */
const TYPO_CHARS = 100
const TYPO_CANDIDATES = 1_000

/** Outside text in a message: one line, never a workflow command, capped. */
const shown = (value: string): string => inline(capText(value))

/** The declared name a mistyped one most likely meant, or undefined. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  if (name.length > TYPO_CHARS) return undefined
  // Compared without case, answered in the panel's own spelling.
  const candidates = known.slice(0, TYPO_CANDIDATES).filter((k) => k.length <= TYPO_CHARS)
  const folded = candidates.map((k) => k.toLowerCase())
  const guess = nearestTypo(name.toLowerCase(), folded)
  return guess === undefined ? undefined : candidates[folded.indexOf(guess)]
}

function didYouMean(name: string, known: readonly string[]): string {
  const guess = closestName(name, known)
  const list = known.length > 0 ? ` It declares: ${joinCapped(known.map(shown))}.` : ''
  return (guess ? ` Did you mean '${shown(guess)}'?` : '') + list
}

/** How a parameter is named in messages: its key, else its label, else its position. */
function label(p: PanelParameter, index: number): string {
  // Names come from the server: kept to one line, never a workflow command.
  return shown(nameOf(p, index))
}

/** One place parameters are given: a capsule's, a pipeline's own, or one process's. */
interface Scope {
  /** The inputs the named and the ordered values came from, for the errors. */
  namedInput: string
  orderedInput: string
  /** "", or "process 'align': ". */
  prefix: string
  /** e.g. "the capsule's app panel", "process 'align' in the pipeline's app panel". */
  owner: string
  ordered: string[]
  named: NamedParameter[]
  declared: PanelParameter[]
  /** Builds the input's example for one named value (both as given: the builder makes them fit to show). */
  namedExample: (name: string, value: string) => string
  /** Builds the input's example for the ordered values. */
  orderedExample: (values: string[]) => string
}

/**
 * Checks values against the panel's patterns in bounded time: pattern-check.ts's
 * PatternChecker, which brings a regular expression engine of its own, so it is loaded
 * only for a panel that declares a pattern (declaresPatterns).
 */
export interface PatternCheck {
  check(pattern: string, value: string): PatternVerdict
}

/** Whether any parameter of the panel, or of one of its processes, declares a pattern. */
export function declaresPatterns(panel: AppPanel): boolean {
  return [panel.parameters, ...panel.processes.map((p) => p.parameters)].some((ps) => ps.some((p) => p.pattern))
}

/** What is wrong with one value (an error), or what could not be checked about it (a warning). */
export type ValueFinding = { error: string } | { warning: string }

/** The problem with one value, or undefined when the panel allows it. */
export function valueProblem(p: PanelParameter, value: string, patterns?: PatternCheck): ValueFinding | undefined {
  if (p.value_options && !p.value_options.includes(value)) {
    const guess = closestName(value, p.value_options)
    const allowed = joinCapped(p.value_options.map(shown))
    return {
      error: `'${shown(value)}' is not one of the allowed values (${allowed})${guess ? `; did you mean '${shown(guess)}'?` : ''}`
    }
  }
  const number = numberProblem(p, value)
  if (number) return { error: number }
  if (p.pattern && patterns) {
    const verdict = patterns.check(p.pattern, value)
    if (verdict === 'differs') return { error: `'${shown(value)}' does not match the pattern ${shown(p.pattern)}` }
    // A pattern that cannot be checked is not the user's mistake: the value goes as given.
    if (verdict !== 'fits') {
      return { warning: `the pattern ${shown(p.pattern)} could not be checked (${shown(verdict.unchecked)})` }
    }
  }
  return undefined
}

/** The problem with a value of a numeric type, or undefined. */
function numberProblem(p: PanelParameter, value: string): string | undefined {
  if (!p.value_type || !NUMERIC.test(p.value_type)) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n))
    return `'${shown(value)}' is not a number (its type is ${p.value_type})`
  if (INTEGER.test(p.value_type) && !Number.isInteger(n))
    return `'${shown(value)}' is not a whole number (its type is ${p.value_type})`
  const low = p.minimum
  const high = p.maximum
  if ((low !== undefined && n < low) || (high !== undefined && n > high)) {
    const range =
      low !== undefined && high !== undefined
        ? `${low} to ${high}`
        : low !== undefined
          ? `at least ${low}`
          : `at most ${high}`
    return `${shown(value)} is outside the allowed range (${range})`
  }
  return undefined
}

/** A value the parameter accepts, for an example when the user gave none: its first option, its default, its least. */
function sampleValue(p: PanelParameter): string {
  return (
    p.value_options?.[0] ??
    p.default_value ??
    (p.value_type && NUMERIC.test(p.value_type) ? String(p.minimum ?? 1) : '…')
  )
}

/**
 * The value the user most likely meant, for the example under an error: the closest
 * allowed value, a number read the way it was most likely meant (`1,5` is 1.5, `1,500`
 * is 1500), rounded for a whole-number type and brought within the range; for a pattern,
 * nothing says what was meant, so the default (or the value as given) stands.
 */
export function correctedValue(p: PanelParameter, value: string): string {
  if (p.value_options && p.value_options.length > 0 && !p.value_options.includes(value)) {
    return closestName(value, p.value_options) ?? p.value_options[0]
  }
  if (p.value_type && NUMERIC.test(p.value_type)) return correctedNumber(p, value) ?? sampleValue(p)
  return p.default_value || value
}

/** `value` as the number it most likely meant, within the parameter's type and range; undefined when it reads as none. */
function correctedNumber(p: PanelParameter, value: string): string | undefined {
  const text = value.trim().replace(/\s+/g, '')
  const read = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)
    ? text.replaceAll(',', '') // thousands grouped with commas
    : /^[-+]?\d*,\d+$/.test(text)
      ? text.replace(',', '.') // a decimal comma
      : text
  let n = Number(read)
  if (read === '' || !Number.isFinite(n)) return undefined
  if (p.value_type && INTEGER.test(p.value_type)) n = Math.round(n)
  if (p.minimum !== undefined && n < p.minimum) n = p.minimum
  if (p.maximum !== undefined && n > p.maximum) n = p.maximum
  return String(n)
}

/** What the checks found so far, and the one pattern checker (its time budget is for the whole request). */
interface Findings extends PanelCheck {
  patterns?: PatternCheck
}

/** The key a parameter is named by in a request, else its label, else its position: as given, not yet fit to show. */
function nameOf(p: PanelParameter, index: number): string {
  return p.param_name ?? p.name ?? `#${index + 1}`
}

function checkScope(scope: Scope, found: Findings): void {
  const { declared, prefix, owner } = scope
  if (declared.length === 0) return // nothing declared here: nothing to check against
  const fail = (input: string, problem: string, example: string): void => {
    found.errors.push(new InputError(input, `${prefix}${problem}`, example))
  }
  // Each value is checked once: a pattern's check spends the request's time budget.
  const findingFor = (p: PanelParameter, value: string): ValueFinding | undefined =>
    value === '' ? undefined : valueProblem(p, value, found.patterns)
  /** Reports one value's finding: a problem fails `input`, a pattern that could not be checked is a warning. */
  const report = (input: string, what: string, finding: ValueFinding | undefined, example: () => string): void => {
    if (finding && 'error' in finding) fail(input, `${what}: ${finding.error}`, example())
    else if (finding) found.warnings.push(`${prefix}${what}: ${finding.warning}; its value is sent unchecked.`)
  }
  const names = declared.flatMap((p) => (p.param_name ? [p.param_name] : []))
  for (const given of scope.named) {
    const p = declared.find((d) => d.param_name === given.param_name)
    if (!p) {
      fail(
        scope.namedInput,
        `named parameter '${given.param_name}' is not declared in ${owner}.${didYouMean(given.param_name, names)}`,
        unknownNameExample(scope, given.param_name, given.value)
      )
      continue
    }
    report(scope.namedInput, `named parameter '${given.param_name}'`, findingFor(p, given.value), () =>
      scope.namedExample(given.param_name, correctedValue(p, given.value))
    )
  }
  const orderedFindings = scope.ordered.slice(0, declared.length).map((value, i) => findingFor(declared[i], value))
  // The ordered values as they most likely were meant: every example for them shows all of them so.
  const orderedMeant = orderedFindings.map((finding, i) =>
    finding && 'error' in finding ? correctedValue(declared[i], scope.ordered[i]) : scope.ordered[i]
  )
  if (scope.ordered.length > declared.length) {
    fail(
      scope.orderedInput,
      `${scope.ordered.length} ordered parameters are given, but ${owner} declares ${declared.length}`,
      scope.orderedExample(orderedMeant)
    )
  }
  orderedFindings.forEach((finding, i) => {
    const what = `parameter ${i + 1} (${label(declared[i], i)})`
    report(scope.orderedInput, what, finding, () => scope.orderedExample(orderedMeant))
  })
  declared.forEach((p, i) => {
    if (!p.required || (p.default_value ?? '') !== '') return
    const named = p.param_name ? scope.named.find((n) => n.param_name === p.param_name)?.value : undefined
    const value = named ?? scope.ordered[i]
    if (value === undefined || value === '') {
      const withValue = [...orderedMeant, ...Array<string>(Math.max(0, i + 1 - orderedMeant.length)).fill('')]
      withValue[i] = sampleValue(p)
      fail(
        p.param_name ? scope.namedInput : scope.orderedInput,
        `parameter '${label(p, i)}' is required by ${owner} and has no default; give it a value`,
        p.param_name ? scope.namedExample(p.param_name, sampleValue(p)) : scope.orderedExample(withValue)
      )
    }
  })
}

/**
 * The example under an unknown named parameter: the declared name it most likely meant,
 * with the user's value (corrected when that parameter would refuse it); else the first
 * declared name with a value it accepts.
 */
function unknownNameExample(scope: Scope, given: string, value: string): string {
  const names = scope.declared.flatMap((p) => (p.param_name ? [p.param_name] : []))
  const guess = closestName(given, names)
  const meant = scope.declared.find((p) => guess !== undefined && p.param_name === guess)
  if (meant?.param_name) {
    // Options and range only: a pattern is not checked twice for an example.
    const finding = value === '' ? undefined : valueProblem(meant, value)
    const fits = !(finding && 'error' in finding)
    return scope.namedExample(meant.param_name, fits ? value : correctedValue(meant, value))
  }
  const sample = scope.declared.find((d) => d.param_name) ?? scope.declared[0]
  return scope.namedExample(nameOf(sample, 0), sampleValue(sample))
}

function json(value: unknown): string {
  return `'${JSON.stringify(value)}'`
}

/** Errors for names and values, warnings for data assets; see PanelCheck. Patterns are checked with `patterns`, when given. */
export function checkAgainstAppPanel(spec: RunSpec, panel: AppPanel, patterns?: PatternCheck): PanelCheck {
  const found: Findings = { errors: [], warnings: [], patterns }
  const kind = spec.target.kind
  const panelOf = `the ${kind}'s app panel`
  checkScope(
    {
      namedInput: Input.NamedParameters,
      orderedInput: Input.Parameters,
      prefix: '',
      owner: panelOf,
      ordered: spec.parameters ?? [],
      named: spec.namedParameters ?? [],
      declared: panel.parameters,
      namedExample: (name, value) => `${Input.NamedParameters}: ${json({ [shown(name)]: shown(value) })}`,
      orderedExample: (values) => `${Input.Parameters}: ${json(values.map(shown))}`
    },
    found
  )
  if (kind === 'pipeline') checkProcesses(spec, panel, found)
  found.warnings.push(...dataAssetWarnings(spec, panel))
  return { errors: found.errors, warnings: found.warnings }
}

function checkProcesses(spec: RunSpec, panel: AppPanel, found: Findings): void {
  if (panel.processes.length === 0) return
  const known = panel.processes.map((p) => p.name)
  const examples = (process: string): Pick<Scope, 'namedExample' | 'orderedExample'> => ({
    namedExample: (name, value) =>
      `${Input.Processes}: ${json([{ name: shown(process), named_parameters: { [shown(name)]: shown(value) } }])}`,
    orderedExample: (values) => `${Input.Processes}: ${json([{ name: shown(process), parameters: values.map(shown) }])}`
  })
  for (const given of spec.processes ?? []) {
    const declared = panel.processes.find((p) => p.name === given.name)
    if (!declared) {
      found.errors.push(
        new InputError(
          Input.Processes,
          `process '${given.name}' is not a process of this pipeline.${didYouMean(given.name, known)}`,
          processNameExample(given, closestName(given.name, known) ?? known[0])
        )
      )
      continue
    }
    checkScope(
      {
        namedInput: Input.Processes,
        orderedInput: Input.Processes,
        prefix: `process '${given.name}': `,
        owner: `process '${given.name}' in the pipeline's app panel`,
        ordered: given.parameters ?? [],
        named: given.named_parameters ?? [],
        declared: declared.parameters,
        ...examples(given.name)
      },
      found
    )
  }
  // A process left out of `processes` runs with its defaults: only a required one without a default is a problem.
  for (const declared of panel.processes) {
    if ((spec.processes ?? []).some((p) => p.name === declared.name)) continue
    checkScope(
      {
        namedInput: Input.Processes,
        orderedInput: Input.Processes,
        prefix: `process '${shown(declared.name)}': `,
        owner: `process '${shown(declared.name)}' in the pipeline's app panel`,
        ordered: [],
        named: [],
        declared: declared.parameters,
        ...examples(declared.name)
      },
      found
    )
  }
}

/** The example under a process name the pipeline does not have: the process as given, under the name it most likely meant. */
function processNameExample(given: Process, meant: string): string {
  const corrected: Record<string, unknown> = { name: shown(meant) }
  if (given.parameters) corrected.parameters = given.parameters.map(shown)
  if (given.named_parameters) {
    corrected.named_parameters = Object.fromEntries(
      given.named_parameters.map((n) => [shown(n.param_name), shown(n.value)])
    )
  }
  return `${Input.Processes}: ${json([corrected])}`
}

/**
 * The mount a mistyped one most likely meant: the one the panel gives this very asset,
 * else the closest of the panel's mounts. As a sentence for the warning, or ''.
 */
function mountMeant(given: string, ofThisAsset: string | undefined, mounts: readonly string[]): string {
  if (ofThisAsset) return ` The app panel mounts this data asset at '${shown(ofThisAsset)}': did you mean that?`
  const guess = closestName(given, mounts)
  return guess ? ` Did you mean '${shown(guess)}'?` : ''
}

function dataAssetWarnings(spec: RunSpec, panel: AppPanel): string[] {
  const warnings: string[] = []
  const mounts = panel.dataAssets.flatMap((a) => (a.mount ? [a.mount] : []))
  for (const asset of spec.dataAssets ?? []) {
    const declared = panel.dataAssets.find((a) => a.id === asset.id)
    if (asset.mount && mounts.length > 0 && !mounts.includes(asset.mount)) {
      const pipelineNote =
        spec.target.kind === 'pipeline'
          ? ' For a pipeline, the run uses the mount the pipeline already has for it.'
          : ''
      warnings.push(
        `Data asset ${asset.id} is to be mounted at '${shown(asset.mount)}', which the ${spec.target.kind}'s app panel does not list (it lists ${joinCapped(mounts.map(shown))}).${mountMeant(asset.mount, declared?.mount, mounts)}${pipelineNote}`
      )
    }
    if (declared?.accessible === false) {
      warnings.push(
        `The ${spec.target.kind}'s app panel marks data asset ${asset.id}${declared.name ? ` (${shown(declared.name)})` : ''} as not accessible to the token's owner; the run may fail to attach it.`
      )
    }
  }
  return warnings
}
