import type { CodeOceanClient } from '../../codeocean/client.js'
import type { Settings } from '../../inputs/settings.js'
import type { Interrupter } from '../interruption.js'
import type { Step } from '../step.js'

/** Whether anything must happen before the start: most steps need none of it. */
export function needsPreparation(settings: Settings): boolean {
  return settings.syncGit || settings.resumeOnRerun || (settings.run.dataAssets?.length ?? 0) > 0
}

/**
 * Git sync, data assets ready, run to resume: done only when the inputs ask for them,
 * and their code is loaded only then, so a plain start stays fast.
 */
export async function beforeRun(
  client: CodeOceanClient,
  settings: Settings,
  step: Step,
  interrupter: Interrupter
): Promise<Settings> {
  if (!needsPreparation(settings)) return settings
  const { prepareRun } = await import('./prepare.js')
  return prepareRun(client, settings, step, interrupter)
}
