/**
 * `npm run sim`: the simulator's command line, started as a process the way CI and a
 * contributor start it. Its option parsing is checked in-process in sim/simulator.test.ts
 * and sim/results.test.ts.
 */
import { spawn } from 'node:child_process'
import { afterAll, describe, expect, it } from '@jest/globals'
import { PROJECT_ROOT } from '../../script/package.js'
import { basic, type Json } from '../support/sim-http.js'

const API = '/api/v1'

interface Cli {
  /** Resolves with the match once the simulator has printed a line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>
  /** Stops it with SIGTERM and resolves with its exit code. */
  stop(): Promise<number | null>
}

const running: Cli[] = []
afterAll(async () => {
  await Promise.all(running.splice(0).map((cli) => cli.stop()))
})

/**
 * Starts `node --import tsx sim/cli.ts` with `args`, as `npm run sim -- args` does: one
 * process, so a signal reaches the simulator itself (the `tsx` command would relay it
 * from a parent process, and kill the child if it did not hear back within 30 ms).
 */
function startCli(args: string[]): Cli {
  const env = { ...process.env }
  delete env.NODE_OPTIONS // jest's flags are not for the child
  const child = spawn(process.execPath, ['--import', 'tsx', 'sim/cli.ts', ...args], { cwd: PROJECT_ROOT, env })
  let stdout = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => (stdout += chunk))
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)))
  const cli: Cli = {
    async waitFor(pattern) {
      // The lines can come in separate chunks: on a busy machine a later one may come later.
      for (let i = 0; i < 200; i += 1) {
        const m = stdout.match(pattern)
        if (m !== null) return m
        await new Promise((r) => setTimeout(r, 50))
      }
      throw new Error(`timed out waiting for ${pattern}; stdout so far:\n${stdout}`)
    },
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      return exited
    }
  }
  running.push(cli)
  return cli
}

const LISTENING = /^Code Ocean simulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m

describe('npm run sim', () => {
  it('prints the URL and token, logs requests, serves --app-panel, and exits 0 on SIGTERM', async () => {
    const cli = startCli([
      '--token',
      'cop_cli',
      '--program',
      'p1=failed',
      '--pipeline',
      'p2',
      '--app-panel',
      'p2=sim/samples/demo-pipeline-app-panel.json'
    ])
    const [, url] = await cli.waitFor(LISTENING)
    await cli.waitFor(/^token: cop_cli$/m)
    const res = await fetch(`${url}${API}/computations`, {
      method: 'POST',
      headers: { Authorization: basic('cop_cli'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ pipeline_id: 'p1' })
    })
    expect(res.status).toBe(200)
    await cli.waitFor(/POST \/api\/v1\/computations -> 200/)
    // --pipeline makes a pipeline exist; any other is answered 404, as a real server does.
    const pipeline = (id: string): Promise<Response> =>
      fetch(`${url}${API}/pipelines/${id}`, { headers: { Authorization: basic('cop_cli') } })
    expect((await pipeline('p2')).status).toBe(200)
    expect((await pipeline('p3')).status).toBe(404)
    // --app-panel serves the file's panel, for the action's pre-flight check to read.
    const panel = (await (await pipeline('p2/app_panel')).json()) as Json
    expect(panel.processes).toEqual([
      expect.objectContaining({ name: 'capsule_np_create_files_test_3' }),
      expect.objectContaining({ name: 'capsule_art_simulation_illumina_1' })
    ])
    expect(await cli.stop()).toBe(0)
  })

  it('prints the object store URL and honours --legacy-server', async () => {
    const cli = startCli([
      '--token',
      'cop_cli',
      '--legacy-server',
      '--first-byte-ms',
      '50',
      '--phase-ms',
      'running=1',
      '--capsule',
      'c'
    ])
    const [, url] = await cli.waitFor(LISTENING)
    const [, storeUrl] = await cli.waitFor(
      /^object store \(signed result URLs\) listening on (http:\/\/127\.0\.0\.1:\d+)$/m
    )
    const headers = { Authorization: basic('cop_cli'), 'Content-Type': 'application/json' }
    const run = (await (
      await fetch(`${url}${API}/computations`, { method: 'POST', headers, body: '{"capsule_id":"c"}' })
    ).json()) as Json
    await new Promise((r) => setTimeout(r, 20))
    expect(
      (await fetch(`${url}${API}/computations/${String(run.id)}/results/urls?path=output`, { headers })).status
    ).toBe(404)
    const legacy = (await (
      await fetch(`${url}${API}/computations/${String(run.id)}/results/download_url?path=output`, { headers })
    ).json()) as Json
    expect(String(legacy.url).startsWith(`${storeUrl}/bucket/`)).toBe(true)
    const began = Date.now()
    const res = await fetch(String(legacy.url))
    expect(res.status).toBe(200)
    expect(Date.now() - began).toBeGreaterThanOrEqual(45)
    expect((await res.text()).endsWith('Done.\n')).toBe(true)
    expect(await cli.stop()).toBe(0)
  })
})
