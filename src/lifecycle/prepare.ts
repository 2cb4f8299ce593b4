import type { CodeOceanClient } from '../codeocean/client.js'
import * as core from '@actions/core'
import { RequestAbortedError } from '../errors.js'
import type { Settings } from '../inputs/settings.js'
import { ensureDataAssetsReady } from './data-assets-ready.js'
import { syncWithGit } from './git-sync.js'
import type { Interrupter } from './interruption.js'
import { findRunToResume } from './resume.js'
import type { Step } from './step.js'

/**
 * What happens before the start, when the inputs ask for it: the Git sync first
 * (nothing else is sent before it), then the attached data assets must be ready,
 * then, on a re-run, the run to resume from is looked up. Any failure means no run
 * is started. Returns the settings the start goes by.
 */
export async function prepareRun(
  client: CodeOceanClient,
  settings: Settings,
  step: Step,
  interrupter: Interrupter
): Promise<Settings> {
  const { target } = settings.run
  const signal = interrupter.signal
  try {
    if (settings.syncGit) await syncWithGit(client.targets, target, step, signal)
    const assets = settings.run.dataAssets ?? []
    if (assets.length > 0) {
      await ensureDataAssetsReady(
        client.dataAssets,
        assets.map((a) => a.id),
        {
          interval: settings.pollInterval,
          timeoutMinutes: settings.waitTimeoutMinutes,
          log: (line) => core.info(step.redact(line)),
          signal
        }
      )
    }
    if (settings.resumeOnRerun) {
      const resumeRunId = await findRunToResume(
        client,
        target,
        settings.runName,
        settings.runAttempt,
        step.summary.notes,
        signal
      )
      if (resumeRunId) return { ...settings, run: { ...settings.run, resumeRunId } }
    }
    return settings
  } catch (error) {
    if (error instanceof RequestAbortedError || interrupter.reason === 'cancel') {
      step.summary.status = 'cancelled'
      step.outputs.setStatus('cancelled')
      throw new Error('The workflow was cancelled before the run started; no run was started.', { cause: error })
    }
    throw error
  }
}
