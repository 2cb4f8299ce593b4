import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { readExternalId } from '../../../src/report/checks/check-identity.js'
import {
  cancelledCheckRunBody,
  CheckRuns,
  checkHeadSha,
  completeCheckRunBody,
  createCheckRunBody,
  fitCheckOutput,
  leftRunningCheckRunBody,
  MAX_CHECK_OUTPUT_BYTES
} from '../../../src/report/checks/check-run.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
const RUN = '9af23fd6-0d4c-4a8e-b1a4-7c3f1e2d5b60'
const SHA = '8f3e2a1c9b7d4e6f0a5b3c2d1e9f8a7b6c5d4e3f'
const HEAD = '1111111111222222222233333333334444444444'

interface Output {
  title: string
  summary: string
  text?: string
}

describe('the body that creates a check run', () => {
  const start = {
    runName: 'Nightly alignment',
    runId: RUN,
    headSha: SHA,
    startedAt: Date.UTC(2026, 11, 6, 21, 0, 0),
    detailsUrl: 'https://github.com/o/r/actions/runs/1/attempts/1',
    identity: { kind: 'pipeline' as const, target: PIPELINE, run: RUN }
  }

  it('is in progress, on the commit, with the run start, the workflow run and an external_id that reads back', () => {
    const body = createCheckRunBody(start)
    expect(body).toMatchObject({
      name: 'Code Ocean: Nightly alignment',
      head_sha: SHA,
      status: 'in_progress',
      started_at: '2026-12-06T21:00:00.000Z',
      details_url: start.detailsUrl
    })
    expect(readExternalId(body.external_id as string)).toEqual(start.identity)
    const output = body.output as Output
    expect(output.title).toBe('Running')
    expect(output.summary).toContain(RUN)
    expect(output.summary.split('\n')).toHaveLength(1)
  })

  it('keeps a hostile name to one inert line, and leaves out what is unknown', () => {
    const body = createCheckRunBody({
      ...start,
      runName: 'x\n::error::forged',
      detailsUrl: undefined,
      identity: undefined
    })
    expect(body.name).not.toMatch(/[\r\n]/)
    expect(body).not.toHaveProperty('details_url')
    expect(body).not.toHaveProperty('external_id')
  })
})

describe('the body that completes a check run', () => {
  it('carries the conclusion, the time, the outcome line, the summary and the reason', () => {
    const body = completeCheckRunBody({
      conclusion: 'failure',
      completedAt: Date.UTC(2026, 11, 6, 22, 0, 0),
      title: 'Code Ocean run failed',
      summary: '## ❌ Code Ocean run failed\n',
      text: 'exit code 1\n'
    })
    expect(body).toEqual({
      status: 'completed',
      conclusion: 'failure',
      completed_at: '2026-12-06T22:00:00.000Z',
      output: { title: 'Code Ocean run failed', summary: '## ❌ Code Ocean run failed\n', text: 'exit code 1\n' }
    })
  })

  it('has no text without a reason', () => {
    const body = completeCheckRunBody({ conclusion: 'success', completedAt: 0, title: 't', summary: 's' })
    expect(body.output).toEqual({ title: 't', summary: 's' })
  })

  it('cuts summary and text to 65,535 bytes of UTF-8, not characters', () => {
    // Under 65,535 characters, but four bytes each: GitHub would refuse it.
    const emoji = Array.from({ length: 20_000 }, () => '🧬').join('\n')
    expect(emoji.length).toBeLessThan(MAX_CHECK_OUTPUT_BYTES)
    const body = completeCheckRunBody({
      conclusion: 'failure',
      completedAt: 0,
      title: 't',
      summary: emoji,
      text: emoji
    })
    const output = body.output as Output
    for (const part of [output.summary, output.text ?? '']) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(MAX_CHECK_OUTPUT_BYTES)
      expect(Buffer.byteLength(part)).toBeGreaterThan(MAX_CHECK_OUTPUT_BYTES - 200)
      expect(part).toContain('65,535 bytes')
    }
    expect(fitCheckOutput('short')).toBe('short')
  })

  it('for wait: false, stays in progress and says the run is settled later', () => {
    const body = leftRunningCheckRunBody(RUN, '## ▶️ Code Ocean run started\n')
    expect(body).not.toHaveProperty('status')
    expect(body).not.toHaveProperty('conclusion')
    const output = body.output as Output
    expect(output.title).toBe('Code Ocean run started')
    expect(output.summary).toContain('settled later')
    expect(output.summary).toContain('## ▶️ Code Ocean run started')
  })

  it('handed over at the wait-timeout, stays in progress and says a settle step completes it', () => {
    const body = leftRunningCheckRunBody(RUN, '## ▶️ Code Ocean run started\n', true)
    expect(body).not.toHaveProperty('status')
    const output = body.output as Output
    expect(output.title).toBe('Code Ocean run handed over to a settle step')
    expect(output.summary).toMatch(
      /^The step stopped waiting for Code Ocean run `9af23fd6-.*` at its wait-timeout and handed the run over to a settle step/
    )
    expect(output.summary).toContain('## ▶️ Code Ocean run started')
  })

  it('after a killed step, is cancelled', () => {
    expect(cancelledCheckRunBody(RUN, 0)).toMatchObject({ status: 'completed', conclusion: 'cancelled' })
  })
})

describe('the commit a check run goes on', () => {
  function eventFile(payload: unknown): string {
    const file = join(mkdtempSync(join(tmpdir(), 'check-sha-')), 'event.json')
    writeFileSync(file, JSON.stringify(payload))
    return file
  }

  it.each(['pull_request', 'pull_request_target'])("is the pull request's head on %s", (event) => {
    const path = eventFile({ pull_request: { number: 1, head: { sha: HEAD } } })
    expect(checkHeadSha({ GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: path, GITHUB_SHA: SHA })).toBe(HEAD)
  })

  it('is GITHUB_SHA on other events, and when the payload has no SHA', () => {
    const path = eventFile({ pull_request: { number: 1, head: { sha: 'not a sha\n::error::x' } } })
    expect(checkHeadSha({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path, GITHUB_SHA: SHA })).toBe(SHA)
    expect(checkHeadSha({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path, GITHUB_SHA: SHA })).toBe(SHA)
    expect(checkHeadSha({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: SHA })).toBe(SHA)
  })

  it('is unknown when nothing names one', () => {
    expect(checkHeadSha({})).toBeUndefined()
    expect(checkHeadSha({ GITHUB_SHA: 'main' })).toBeUndefined()
  })
})

describe('check run calls to a GitHub that never answers', () => {
  it('each ends at its signal with a one-line warning, and the step goes on', async () => {
    // Takes every request and answers none, as a GitHub behind a stalled connection would.
    const server = createServer(() => undefined)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    // @actions/github reads its base URL as it loads, on the first call.
    process.env.GITHUB_API_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const warnings: string[] = []
    const checks = new CheckRuns({
      token: 'ghs_never_answered',
      repository: 'octo/repo',
      warn: (message) => warnings.push(message)
    })
    try {
      const body = createCheckRunBody({ runName: 'nightly', runId: RUN, headSha: SHA, startedAt: 0 })
      // At once: each waits out its own signal.
      const answers = await Promise.all([
        checks.create(body, AbortSignal.timeout(300)),
        checks.update(5, { output: {} }, AbortSignal.timeout(300)),
        checks.wakeWorkflow('settle.yml', AbortSignal.timeout(300))
      ])
      expect(answers).toEqual([undefined, false, false])
      expect(warnings.sort()).toEqual([
        'Could not create the check run: GitHub gave no answer in time. The step goes on.',
        // No permission hint: a time limit is not mended by one.
        'Could not turn on the settle workflow settle.yml: GitHub gave no answer in time. Until it runs, no step ' +
          'settles this check.',
        'Could not update check run 5: GitHub gave no answer in time. The step goes on.'
      ])
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })
})
