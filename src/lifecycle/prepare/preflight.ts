import * as core from '@actions/core'
import type { CodeOceanClient } from '../../codeocean/client.js'
import { CodeOceanApiError } from '../../codeocean/errors.js'
import { type AppPanel, declaresAnything, readAppPanel } from '../../codeocean/models/app-panel.js'
import { DEBUG_PREVIEW_CHARS, preview } from '../../codeocean/preview.js'
import { errorMessage } from '../../errors.js'
import { checkAgainstAppPanel, declaresPatterns, type PatternCheck } from '../../inputs/app-panel-check.js'
import { InputErrors } from '../../inputs/errors.js'
import type { Settings } from '../../inputs/settings.js'
import { inline } from '../../untrusted.js'

/**
 * The pre-flight check, unless `check-parameters: false`: the request against the app
 * panel of the capsule or pipeline, before a run is spent on a mistyped name or an
 * out-of-range value. Throws InputErrors with every problem at once; warns about data
 * assets. A panel that cannot be had, or that declares nothing, skips the check with a
 * one-line notice: it is a help, and never the reason a run does not start.
 */
export async function preflight(client: CodeOceanClient, settings: Settings): Promise<void> {
  if (!settings.checkParameters) {
    core.info('Parameters not checked against the app panel (check-parameters: false).')
    return
  }
  const { target, version } = settings.run
  const what = `${target.kind} ${target.id}${version === undefined ? '' : ` (version ${version})`}`
  core.info(`Checking the request against the app panel of ${what}`)
  let raw: unknown
  try {
    raw = await client.appPanels.get(target, version)
  } catch (error) {
    // Unreachable Code Ocean, a certificate problem, a cancel: the start would meet them too.
    if (!(error instanceof CodeOceanApiError)) throw error
    // A token Code Ocean does not accept would fail the start too: said once, as the failure it is.
    if (error.status === 401) throw error
    if (error.status === 404) {
      core.notice(`Parameters not checked: this Code Ocean has no app panel for ${what}.`)
    } else {
      core.warning(inline(`Parameters not checked: could not read the app panel of ${what}. ${oneLine(error)}`))
    }
    return
  }
  core.debug(inline(`App panel: ${preview(raw, DEBUG_PREVIEW_CHARS)}`))
  const panel = readAppPanel(raw)
  if (!declaresAnything(panel)) {
    core.notice(`Parameters not checked: the app panel of ${what} declares no parameters, processes or data assets.`)
    return
  }
  const { errors, warnings } = checkAgainstAppPanel(settings.run, panel, await patternCheckFor(panel))
  for (const warning of warnings) core.warning(inline(warning))
  if (errors.length > 0) throw new InputErrors(errors)
  core.info(`The request fits the app panel of ${what}.`)
}

/** An error's message and advice as one sentence after another: a warning is one line, and a `⏎` in it reads as noise. */
function oneLine(error: unknown): string {
  return errorMessage(error).replace(/\s*\n\s*/g, ' ')
}

/**
 * The pattern checker, for a panel that declares patterns. Loaded here, on first use:
 * its regular expression engine is a quarter of the phases' code, which a step whose
 * panel has no pattern never needs.
 */
async function patternCheckFor(panel: AppPanel): Promise<PatternCheck | undefined> {
  if (!declaresPatterns(panel)) return undefined
  const { PatternChecker } = await import('../../inputs/pattern-check.js')
  return new PatternChecker()
}
