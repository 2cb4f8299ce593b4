import * as core from '@actions/core'
import type { CodeOceanClient } from '../../codeocean/client.js'
import { RequestAbortedError } from '../../errors.js'
import type { Settings } from '../../inputs/settings.js'
import { inline } from '../../untrusted.js'
import type { Interrupter } from '../interruption.js'
import { setStatus, type Step } from '../step.js'
import { ensureDataAssetsReady } from './data-assets-ready.js'
import { findRunToResume, type RunsSource } from './resume.js'
import { syncWithGit } from './sync-with-git.js'

/**
 * The client, keeping the target's runs once listed: with `poll-interval: auto`, the
 * wait reads the earlier runs' lengths from them rather than listing them again.
 */
function keepingListing(client: CodeOceanClient, step: Step): RunsSource {
  return {
    computations: client.computations,
    targets: { runs: async (target, call) => (step.targetRuns = await client.targets.runs(target, call)) }
  }
}

/** Whether anything must happen before the start: most steps need none of it. */
function needsPreparation(settings: Settings): boolean {
  return settings.syncGit || settings.resumeOnRerun || (settings.run.dataAssets?.length ?? 0) > 0
}

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
  if (!needsPreparation(settings)) return settings
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
          log: (line) => core.info(inline(step.redact(line))),
          signal
        }
      )
    }
    if (settings.resumeOnRerun) {
      const resumeRunId = await findRunToResume(
        keepingListing(client, step),
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
      setStatus(step, 'cancelled')
      throw new Error('The workflow was cancelled before the run started; no run was started.', { cause: error })
    }
    throw error
  }
}
