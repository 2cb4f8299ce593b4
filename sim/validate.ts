// Validation of POST /api/v1/computations bodies, as pure functions.
//
// The real server's rules are only partly documented (see
// docs/codeocean-api.md §2 and §9). Unset fields may arrive as `null`:
// the official SDK serialises every field of its request models, so the
// server takes `null` as "not given", and so does the simulator. (That the
// action itself leaves unset fields out is checked by the golden bodies.)

export interface NamedParameter {
  param_name: string
  value: string
}

interface DataAssetRef {
  id: string
  mount?: string
}

interface ProcessParameters {
  name: string
  parameters?: string[]
  named_parameters?: NamedParameter[]
}

export interface RunRequest {
  capsule_id?: string
  pipeline_id?: string
  version?: number
  resume_run_id?: string
  nextflow_profile?: string
  data_assets?: DataAssetRef[]
  parameters?: string[]
  named_parameters?: NamedParameter[]
  processes?: ProcessParameters[]
}

export type Validation<T> = { ok: true; value: T } | { ok: false; message: string }

const RUN_REQUEST_KEYS: readonly string[] = [
  'capsule_id',
  'pipeline_id',
  'version',
  'resume_run_id',
  'nextflow_profile',
  'data_assets',
  'parameters',
  'named_parameters',
  'processes'
]

// Thrown inside the checkers and turned into a Validation at the boundary, so
// each checker can stay a straight line instead of threading results.
class Invalid extends Error {}

export function fail(message: string): never {
  throw new Invalid(message)
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${JSON.stringify(value)}`
}

export function checkKeys(obj: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      fail(`${where}: unknown field "${key}" (allowed: ${allowed.join(', ')})`)
    }
  }
}

export function checkString(value: unknown, where: string, nonEmpty = false): string {
  if (typeof value !== 'string') fail(`${where} must be a string, got ${describeValue(value)}`)
  if (nonEmpty && value.trim() === '') fail(`${where} must not be empty`)
  return value
}

function checkArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) fail(`${where} must be an array, got ${describeValue(value)}`)
  return value
}

/** The object, with `null` fields left out: null means "not given", as the SDK sends it. */
export function checkObject(value: unknown, where: string): Record<string, unknown> {
  if (!isPlainObject(value)) fail(`${where} must be an object, got ${describeValue(value)}`)
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null))
}

export function checkStringList(value: unknown, where: string): string[] {
  return checkArray(value, where).map((item, i) => checkString(item, `${where}[${i}]`))
}

function checkNamedParameters(value: unknown, where: string): NamedParameter[] {
  return checkArray(value, where).map((item, i) => {
    const at = `${where}[${i}]`
    const obj = checkObject(item, at)
    checkKeys(obj, ['param_name', 'value'], at)
    return {
      param_name: checkString(obj.param_name, `${at}.param_name`, true),
      value: checkString(obj.value, `${at}.value`)
    }
  })
}

function checkDataAssets(value: unknown): DataAssetRef[] {
  return checkArray(value, 'data_assets').map((item, i) => {
    const at = `data_assets[${i}]`
    const obj = checkObject(item, at)
    checkKeys(obj, ['id', 'mount'], at)
    const ref: DataAssetRef = { id: checkString(obj.id, `${at}.id`, true) }
    if ('mount' in obj) ref.mount = checkString(obj.mount, `${at}.mount`)
    return ref
  })
}

function checkProcesses(value: unknown): ProcessParameters[] {
  return checkArray(value, 'processes').map((item, i) => {
    const at = `processes[${i}]`
    const obj = checkObject(item, at)
    checkKeys(obj, ['name', 'parameters', 'named_parameters'], at)
    const proc: ProcessParameters = { name: checkString(obj.name, `${at}.name`, true) }
    if ('parameters' in obj) proc.parameters = checkStringList(obj.parameters, `${at}.parameters`)
    if ('named_parameters' in obj) {
      proc.named_parameters = checkNamedParameters(obj.named_parameters, `${at}.named_parameters`)
    }
    return proc
  })
}

function checkRunRequest(body: unknown): RunRequest {
  const obj = checkObject(body, 'request body')
  checkKeys(obj, RUN_REQUEST_KEYS, 'request body')

  const hasCapsule = 'capsule_id' in obj
  const hasPipeline = 'pipeline_id' in obj
  if (hasCapsule === hasPipeline) {
    fail(
      hasCapsule ? 'give either capsule_id or pipeline_id, not both' : 'one of capsule_id or pipeline_id is required'
    )
  }

  const request: RunRequest = {}
  if (hasCapsule) request.capsule_id = checkString(obj.capsule_id, 'capsule_id', true)
  if (hasPipeline) request.pipeline_id = checkString(obj.pipeline_id, 'pipeline_id', true)

  if ('version' in obj) {
    const version = obj.version
    // A JSON string "1" is refused on purpose: the client must send a number.
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      fail(`version must be a positive integer, got ${describeValue(version)}`)
    }
    request.version = version
  }
  if ('resume_run_id' in obj) request.resume_run_id = checkString(obj.resume_run_id, 'resume_run_id', true)
  if ('nextflow_profile' in obj) request.nextflow_profile = checkString(obj.nextflow_profile, 'nextflow_profile')
  if ('data_assets' in obj) request.data_assets = checkDataAssets(obj.data_assets)
  if ('parameters' in obj) request.parameters = checkStringList(obj.parameters, 'parameters')
  if ('named_parameters' in obj) {
    request.named_parameters = checkNamedParameters(obj.named_parameters, 'named_parameters')
  }
  if ('processes' in obj) {
    if (hasCapsule) fail('processes is only valid for a pipeline run (pipeline_id), not a capsule run')
    request.processes = checkProcesses(obj.processes)
  }
  return request
}

/** Runs a checker built from the helpers above, turning its first complaint into a Validation. */
export function validateWith<T>(check: (body: unknown) => T, body: unknown): Validation<T> {
  try {
    return { ok: true, value: check(body) }
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, message: err.message }
    throw err
  }
}

/** Checks a parsed JSON body against the run-request schema; the first problem wins, like the server. */
export function validateRunRequest(body: unknown): Validation<RunRequest> {
  return validateWith(checkRunRequest, body)
}

/** True for `application/json` with or without parameters such as charset. */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase()
  return mediaType === 'application/json' || (mediaType?.endsWith('+json') ?? false)
}
