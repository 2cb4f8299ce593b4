import { afterEach, describe, expect, it, jest } from '@jest/globals'
import type { CodeOceanClient } from '../../../src/codeocean/client.js'
import { CodeOceanApiError } from '../../../src/codeocean/errors.js'
import type { Settings } from '../../../src/inputs/settings.js'
import { preflight } from '../../../src/lifecycle/prepare/preflight.js'

const CAPSULE = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b'
const settings = { checkParameters: true, run: { target: { kind: 'capsule', id: CAPSULE } } } as Settings

/** A client whose app panel read is refused with `status`. */
function refusing(status: number, message: string): CodeOceanClient {
  const refusal = new CodeOceanApiError(
    status,
    { message },
    { operation: `read the app panel of capsule ${CAPSULE}`, idHint: `capsule ${CAPSULE}` }
  )
  return { appPanels: { get: () => Promise.reject(refusal) } } as unknown as CodeOceanClient
}

/** The workflow commands the step printed (@actions/core writes them to stdout). */
function printed(): string[] {
  const lines: string[] = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(...String(chunk).split(/\r?\n/).filter(Boolean))
    return true
  })
  return lines
}

afterEach(() => {
  jest.restoreAllMocks()
})

describe('an app panel that cannot be read', () => {
  it('fails the step at once on a 401, with the reason, and warns about nothing', async () => {
    const lines = printed()
    const failure = await preflight(refusing(401, 'Unauthorized'), settings).then(
      () => undefined,
      (error: unknown) => error
    )
    expect(failure).toBeInstanceOf(CodeOceanApiError)
    expect((failure as Error).message).toBe(
      `Code Ocean refused to read the app panel of capsule ${CAPSULE}: HTTP 401 Unauthorized: Unauthorized\n` +
        'The API token was not accepted. Check that the `secret` input holds a current Code Ocean access token ' +
        '(Account > Access Tokens) created on this deployment, and that it has not been revoked.'
    )
    expect(lines.filter((line) => line.startsWith('::warning'))).toEqual([])
  })

  it('warns on one line, without a ⏎, for any other refusal, and lets the run start', async () => {
    const lines = printed()
    await preflight(refusing(403, 'Forbidden'), settings)
    expect(lines.filter((line) => line.startsWith('::warning'))).toEqual([
      `::warning::Parameters not checked: could not read the app panel of capsule ${CAPSULE}. Code Ocean refused ` +
        `to read the app panel of capsule ${CAPSULE}: HTTP 403 Forbidden: Forbidden The token was accepted but ` +
        'lacks permission. It needs the Capsule Read/Write scope (and Data Asset Read when data assets are ' +
        'attached), and its owner needs access to the capsule or pipeline.'
    ])
  })
})
