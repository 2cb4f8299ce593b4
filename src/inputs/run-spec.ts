import type { RunSpec, Target } from '../codeocean/models/run-request.js'
import { Input } from '../names.js'
import type { Problems } from './problems.js'
import {
  Examples,
  parseDataAssets,
  parseId,
  parseNamedParameters,
  parseParameters,
  parseProcesses
} from './run-params.js'
import { parseVersion } from './values.js'

/** The pipeline or capsule to run: exactly one of the two id inputs. */
function readTarget(problems: Problems): Target | undefined {
  const pipeline = problems.read(Input.PipelineId)
  const capsule = problems.read(Input.CapsuleId)
  if (pipeline && capsule) {
    problems.add(
      `${Input.PipelineId}' and '${Input.CapsuleId}`,
      'both are set; give exactly one: the pipeline or the capsule to run',
      Examples.id
    )
    return undefined
  }
  if (!pipeline && !capsule) {
    problems.add(
      `${Input.PipelineId}' or '${Input.CapsuleId}`,
      'neither is set; give the id of the pipeline or of the capsule to run',
      Examples.id
    )
    return undefined
  }
  const kind = pipeline ? 'pipeline' : 'capsule'
  const name = pipeline ? Input.PipelineId : Input.CapsuleId
  const id = problems.attempt(() => parseId(name, pipeline || capsule, `${name}: 4bc97533-6eb4-48ac-966f-648548a756d2`))
  return id === undefined ? undefined : { kind, id }
}

/**
 * Capsules take parameters directly; pipelines per process (`processes`), at pipeline
 * level (`parameters`, `named-parameters`: nf-core pipelines and pipelines with an
 * unlocked main.nf), or both.
 */
function checkFitsTarget(spec: Omit<RunSpec, 'target'>, target: Target | undefined, problems: Problems): void {
  if (target?.kind !== 'capsule') return
  if (spec.processes) {
    problems.add(
      Input.Processes,
      `is for pipeline runs; for a capsule run use 'parameters' or 'named-parameters'`,
      Examples.parameters.json
    )
  }
  if (spec.nextflowProfile) {
    problems.add(
      Input.NextflowProfile,
      'is for pipeline runs only; remove it or run a pipeline',
      'nextflow-profile: docker'
    )
  }
}

/** What to run: the target and everything that shapes the start request. */
export function readRunSpec(problems: Problems): RunSpec | undefined {
  const target = readTarget(problems)
  const spec = {
    version: problems.check(Input.Version, (raw) => parseVersion(Input.Version, raw)),
    resumeRunId: problems.check(Input.ResumeRunId, (raw) =>
      parseId(Input.ResumeRunId, raw.trim(), Examples.resumeRunId)
    ),
    dataAssets: problems.check(Input.DataAssets, (raw) => parseDataAssets(Input.DataAssets, raw)),
    processes: problems.check(Input.Processes, (raw) => parseProcesses(Input.Processes, raw)),
    parameters: problems.check(Input.Parameters, (raw) => parseParameters(Input.Parameters, raw)),
    namedParameters: problems.check(Input.NamedParameters, (raw) => parseNamedParameters(Input.NamedParameters, raw)),
    nextflowProfile: problems.read(Input.NextflowProfile) || undefined
  }
  checkFitsTarget(spec, target, problems)
  return target === undefined ? undefined : { target, ...spec }
}
