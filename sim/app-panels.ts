// App panels as tests store them (CodeOceanSimulator.setAppPanel), by target and release
// version, and the labels they give parameters: a run echoes a named parameter with its
// key in `param_name` and the panel's label for it in `name` (the SDK's Param).

import type { ParameterLabel } from './computations.js'
import type { TargetKind } from './targets.js'

/** App panels by target and version; the key `kind/id` holds the latest, `kind/id@N` release N. */
export class AppPanelStore {
  private readonly panels = new Map<string, unknown>()

  set(kind: TargetKind, id: string, panel: unknown, version?: number): void {
    this.panels.set(key(kind, id, version), structuredClone(panel))
  }

  /** The panel for release `version` (else the latest), as stored: an object, 'none', or anything a test chose. */
  get(kind: TargetKind, id: string, version?: number): unknown {
    return (
      this.panels.get(key(kind, id, version)) ?? (version === undefined ? undefined : this.panels.get(key(kind, id)))
    )
  }

  clear(): void {
    this.panels.clear()
  }
}

function key(kind: TargetKind, id: string, version?: number): string {
  return version === undefined ? `${kind}/${id}` : `${kind}/${id}@${version}`
}

/**
 * The labels `panel` gives parameters: each declared parameter's `name` by its
 * `param_name`, at the top level or (pipelines) under its process, whose `parameters`
 * may be a list or, as the SDK types it, one object. Anything else in the panel is
 * ignored: a stored panel is whatever a test chose.
 */
export function labelsOf(panel: unknown): ParameterLabel {
  const top = labelMap(field(panel, 'parameters'))
  const processes = new Map<string, Map<string, string>>()
  for (const process of list(field(panel, 'processes'))) {
    const name = field(process, 'name')
    if (typeof name === 'string') processes.set(name, labelMap(field(process, 'parameters')))
  }
  return (paramName, processName) =>
    (processName === undefined ? top : processes.get(processName))?.get(paramName) ?? ''
}

function labelMap(parameters: unknown): Map<string, string> {
  const labels = new Map<string, string>()
  const entries = Array.isArray(parameters) ? (parameters as unknown[]) : [parameters]
  for (const parameter of entries) {
    const key = field(parameter, 'param_name')
    const label = field(parameter, 'name')
    if (typeof key === 'string' && typeof label === 'string') labels.set(key, label)
  }
  return labels
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : []
}
