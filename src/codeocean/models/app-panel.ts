/**
 * What a capsule or pipeline declares in its app panel (GET …/app_panel), as far as the
 * action checks a run request against it. Every field is optional in the SDK's models, so
 * each is read tolerantly: a missing or ill-typed field is simply not checked.
 */

/** One declared parameter (the SDK's AppPanelParameters). */
export interface PanelParameter {
  /** The label people see. */
  name?: string
  /** `text`, `list` or `file`. */
  type?: string
  /** The key for `named_parameters`; without it the parameter is positional only. */
  param_name?: string
  /** e.g. string, integer, number. */
  value_type?: string
  default_value?: string
  required?: boolean
  minimum?: number
  maximum?: number
  /** A regular expression the value must match. */
  pattern?: string
  /** The allowed values, for the `list` type. */
  value_options?: string[]
}

/** A data asset the panel attaches (the SDK's AppPanelDataAsset). */
interface PanelDataAsset {
  id?: string
  mount?: string
  name?: string
  accessible?: boolean
}

/** A pipeline's process and its parameters. */
interface PanelProcess {
  name: string
  parameters: PanelParameter[]
}

export interface AppPanel {
  /** A capsule's parameters, or a pipeline's own (pipeline-level) ones. */
  parameters: PanelParameter[]
  processes: PanelProcess[]
  dataAssets: PanelDataAsset[]
}

type Raw = Record<string, unknown>

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
const number = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  return Number.isFinite(n) ? n : undefined
}

/** A list of objects, or one object standing for a list of one (the SDK types a process's parameters so). */
function objects(value: unknown): Raw[] {
  if (Array.isArray(value)) return value.filter(isObject)
  return isObject(value) ? [value] : []
}

function readParameter(raw: Raw): PanelParameter {
  const options = Array.isArray(raw.value_options)
    ? raw.value_options.map(text).filter((o): o is string => o !== undefined)
    : undefined
  return {
    name: text(raw.name),
    type: text(raw.type),
    param_name: text(raw.param_name) || undefined,
    value_type: text(raw.value_type),
    default_value: text(raw.default_value),
    required: raw.required === true,
    minimum: number(raw.minimum),
    maximum: number(raw.maximum),
    pattern: text(raw.pattern) || undefined,
    value_options: options?.length ? options : undefined
  }
}

/** Reads an app panel from whatever the server sent. */
export function readAppPanel(body: unknown): AppPanel {
  const raw = isObject(body) ? body : {}
  return {
    parameters: objects(raw.parameters).map(readParameter),
    processes: objects(raw.processes).flatMap((p): PanelProcess[] => {
      const name = text(p.name)
      return name ? [{ name, parameters: objects(p.parameters).map(readParameter) }] : []
    }),
    dataAssets: objects(raw.data_assets).map((a) => ({
      id: text(a.id),
      mount: text(a.mount),
      name: text(a.name),
      accessible: typeof a.accessible === 'boolean' ? a.accessible : undefined
    }))
  }
}

/** Whether the panel declares anything a request can be checked against. */
export function declaresAnything(panel: AppPanel): boolean {
  return panel.parameters.length > 0 || panel.processes.length > 0 || panel.dataAssets.length > 0
}
