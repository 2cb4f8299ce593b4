/**
 * The network of a self-hosted runner, end to end on the bundle: a company proxy (a real
 * forward proxy on loopback that records what passes through it), a private certificate
 * authority (the simulator and its object store over https with certificates from a test
 * authority, __tests__/fixtures/tls), and the mistakes that meet them: a `domain` that
 * does not resolve, a port nobody listens on, a certificate the runner refuses.
 */
import { readFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { GitHubStandIn } from '../../sim/github.js'
import type { CodeOceanSimulator, ResultSpec, TlsIdentity } from '../../sim/simulator.js'
import { ForwardProxy } from '../support/forward-proxy.js'
import { DEFAULT_CONTEXT, runAction, type ActionRun, type RunActionOptions } from '../../harness/runner.js'
import { expectNoToken, startSimulator } from '../support/simulators.js'

const PIPELINE = '4bc97533-6eb4-48ac-966f-648548a756d2'
const REPO = DEFAULT_CONTEXT.GITHUB_REPOSITORY
const TLS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tls')
const CA_FILE = join(TLS_DIR, 'ca.pem')
const RESULTS: ResultSpec[] = [
  { path: 'output', content: 'working\nDone.\n' },
  { path: 'data/table.csv', size: 4_000 }
]

function identity(name: string): TlsIdentity {
  return { key: readFileSync(join(TLS_DIR, `${name}.key`)), cert: readFileSync(join(TLS_DIR, `${name}.pem`)) }
}

const errorOf = (run: ActionRun): string => run.annotations.find((a) => a.level === 'error')?.message ?? ''
const retryLines = (run: ActionRun): string[] => run.log.filter((line) => line.includes('trying again'))
const hostPort = (url: string): string => new URL(url).host

/**
 * Runs the action and measures how long its first call to Code Ocean took to fail: from
 * the line announcing the start to the error. Unlike the process's whole life, this does
 * not grow with the time Node takes to load the bundle on a busy machine.
 */
async function runTimed(options: RunActionOptions): Promise<{ run: ActionRun; failedAfterMs: number }> {
  let startedAt: number | undefined
  let failedAt: number | undefined
  const run = await runAction({
    ...options,
    onStdoutLine: (line, atMs) => {
      // The first call is the app panel check, or the start when there is none.
      if (startedAt === undefined && /Starting pipeline|Checking the request against the app panel/.test(line))
        startedAt = atMs
      if (failedAt === undefined && line.startsWith('::error')) failedAt = atMs
    }
  })
  if (startedAt === undefined || failedAt === undefined) throw new Error(`no start or no error in:\n${run.stdout}`)
  return { run, failedAfterMs: failedAt - startedAt }
}

let github: GitHubStandIn
let githubUrl: string
beforeAll(async () => {
  github = new GitHubStandIn()
  await github.start()
  // The runner's GitHub client (@actions/http-client) never proxies loopback names
  // (localhost, 127.*, ::1), whatever the environment says; GitHub's real API is never
  // on loopback. A name under .localhost is not on that list, so it is proxied as
  // api.github.com or a GitHub Enterprise Server host would be, and the test proxy
  // sends it to the stand-in.
  githubUrl = `http://github.localhost:${new URL(github.url).port}`
})
afterAll(async () => {
  await github.stop()
})

/** Runs a pipeline to the end on a pull request, downloading its results and commenting. */
async function fullRun(sim: CodeOceanSimulator, pr: number, env: Record<string, string>): Promise<ActionRun> {
  sim.program(PIPELINE, { outcome: 'succeeded', results: RESULTS })
  const run = await runAction({
    inputs: {
      domain: sim.url,
      secret: sim.token,
      'pipeline-id': PIPELINE,
      'download-results': 'results',
      'comment-on-pr': 'true',
      'github-token': github.token
    },
    env: { GITHUB_API_URL: githubUrl, ...env },
    event: {
      name: 'pull_request',
      payload: { number: pr, pull_request: { number: pr, head: { ref: 'feature' }, base: { ref: 'main' } } }
    }
  })
  expectNoToken(run, sim.token)
  expect(run.everything).not.toContain(github.token)
  return run
}

function expectSucceededWithResults(run: ActionRun): void {
  expect(errorOf(run)).toBe('')
  expect(run.exitCode).toBe(0)
  expect(run.outputs.status).toBe('succeeded')
  expect(run.outputs['result-files']).toBe(String(RESULTS.length))
}

const proxies: ForwardProxy[] = []
afterAll(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.stop()))
})

/** A proxy of its own for one test, so no other test's connections are in its records. */
async function startProxy(): Promise<ForwardProxy> {
  const proxy = new ForwardProxy()
  proxies.push(proxy)
  await proxy.start()
  return proxy
}

/** Asserts each request the server at `serverUrl` got arrived on one of the proxy's onward connections (or that none did). */
function expectThroughProxy(
  proxy: ForwardProxy,
  serverUrl: string,
  ports: (number | undefined)[],
  through: boolean
): void {
  expect(ports.length).toBeGreaterThan(0)
  const serverPort = Number(new URL(serverUrl).port)
  for (const port of ports) expect(proxy.carried(serverPort, port)).toBe(through)
}

// proxies
// Code Ocean and its object store are on 127.0.0.1: the action proxies loopback like any
// host (only NO_PROXY exempts one), so these prove every request to them goes through.
// The lower-case names are proven by the no_proxy test below.
it.concurrent(
  'sends every request to Code Ocean, the object store and GitHub through HTTP_PROXY and HTTPS_PROXY',
  async () => {
    const pr = 11
    const [sim, proxy] = await Promise.all([startSimulator(), startProxy()])
    const run = await fullRun(sim, pr, { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url })
    expectSucceededWithResults(run)
    expect(github.comments.get(`${REPO}#${pr}`)?.[0]?.body).toContain('Code Ocean run succeeded')

    expectThroughProxy(
      proxy,
      sim.url,
      sim.requests.map((r) => r.remotePort),
      true
    )
    expectThroughProxy(
      proxy,
      sim.storeUrl,
      sim.storeRequests.map((r) => r.remotePort),
      true
    )
    const toGitHub = github.requests.filter((r) => r.path.includes(`/issues/${pr}/`))
    expectThroughProxy(
      proxy,
      githubUrl,
      toGitHub.map((r) => r.remotePort),
      true
    )
    expect(proxy.targets()).toEqual(
      expect.arrayContaining([hostPort(sim.url), hostPort(sim.storeUrl), hostPort(githubUrl)])
    )
    // Absolute-form requests name each call; every Code Ocean call the simulator got is among them.
    const proxiedUrls = proxy.requests.filter((r) => r.kind === 'http').map((r) => new URL(r.url ?? '').pathname)
    for (const request of sim.requests) expect(proxiedUrls).toContain(request.path)
  }
)

it.concurrent('keeps the hosts NO_PROXY names away from the proxy', async () => {
  const [sim, proxy] = await Promise.all([startSimulator(), startProxy()])
  const run = await fullRun(sim, 13, { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' })
  expectSucceededWithResults(run)
  expectThroughProxy(
    proxy,
    sim.url,
    sim.requests.map((r) => r.remotePort),
    false
  )
  expectThroughProxy(
    proxy,
    sim.storeUrl,
    sim.storeRequests.map((r) => r.remotePort),
    false
  )
  expect(proxy.targets()).not.toContain(hostPort(sim.url))
  expect(proxy.targets()).not.toContain(hostPort(sim.storeUrl))
  // GitHub, not named in NO_PROXY, still goes through it.
  expect(github.comments.get(`${REPO}#13`)?.[0]?.body).toContain('Code Ocean run succeeded')
  expectThroughProxy(
    proxy,
    githubUrl,
    github.requests.filter((r) => r.path.includes('/issues/13/')).map((r) => r.remotePort),
    true
  )
})

it.concurrent('honours http_proxy, https_proxy and no_proxy in lower case, for GitHub too', async () => {
  const [sim, proxy] = await Promise.all([startSimulator(), startProxy()])
  const run = await fullRun(sim, 14, {
    http_proxy: proxy.url,
    https_proxy: proxy.url,
    no_proxy: `example.com, github.localhost`
  })
  expect(run.exitCode).toBe(0)
  const seen = proxy.targets()
  // Code Ocean went through the proxy; GitHub, named in no_proxy, did not. (Its name
  // resolves only where *.localhost does, so the comment may then fail with a warning.)
  expect(seen).toContain(hostPort(sim.url))
  expect(seen).not.toContain(hostPort(githubUrl))
})

// private certificate authorities
it.concurrent('succeeds over https when NODE_EXTRA_CA_CERTS names the authority', async () => {
  const sim = await startSimulator({ tls: identity('localhost') })
  expect(sim.url).toMatch(/^https:/)
  expect(sim.storeUrl).toMatch(/^https:/)
  const run = await fullRun(sim, 15, { NODE_EXTRA_CA_CERTS: CA_FILE })
  expectSucceededWithResults(run)
  expect(sim.storeRequests.length).toBeGreaterThanOrEqual(RESULTS.length)
})

it.concurrent('tunnels https through the proxy with CONNECT, trusting the authority through the tunnel', async () => {
  const [sim, proxy] = await Promise.all([startSimulator({ tls: identity('localhost') }), startProxy()])
  const run = await fullRun(sim, 16, { NODE_EXTRA_CA_CERTS: CA_FILE, HTTPS_PROXY: proxy.url })
  expectSucceededWithResults(run)
  const tunnels = proxy.requests.filter((r) => r.kind === 'connect').map((r) => r.target)
  expect(tunnels).toEqual(expect.arrayContaining([hostPort(sim.url), hostPort(sim.storeUrl)]))
  expectThroughProxy(
    proxy,
    sim.url,
    sim.requests.map((r) => r.remotePort),
    true
  )
  expectThroughProxy(
    proxy,
    sim.storeUrl,
    sim.storeRequests.map((r) => r.remotePort),
    true
  )
})

// Two certificate failures as Node reports them; an expired one is the object store's
// test below, and the wording for every code is network-failures' unit test.
it.concurrent.each([
  [
    'an authority the runner does not trust',
    'localhost',
    {},
    'is not signed by a certificate authority this runner trusts (UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    "set NODE_EXTRA_CA_CERTS to its path in the job's `env`"
  ],
  [
    'a certificate for another host name',
    'elsewhere',
    { NODE_EXTRA_CA_CERTS: CA_FILE },
    'is not issued for the name 127.0.0.1 (ERR_TLS_CERT_ALTNAME_INVALID',
    'Set the `domain` input to a name the certificate covers'
  ]
])('fails at once, without retries, on %s, saying which', async (_, cert, env, words, fix) => {
  const sim = await startSimulator({ tls: identity(cert) })
  const { run, failedAfterMs } = await runTimed({
    inputs: { domain: sim.url, secret: sim.token, 'pipeline-id': PIPELINE },
    env: { ACTIONS_STEP_DEBUG: 'true', ...env }
  })
  expectNoToken(run, sim.token)
  expect(run.exitCode).toBe(1)
  const error = errorOf(run)
  expect(error).toContain(
    `Could not read the app panel of pipeline ${PIPELINE}: the certificate of ${hostPort(sim.url)} ${words}`
  )
  expect(error).not.toContain('a run may have started')
  expect(error).toContain(fix)
  // One connection, one failed handshake, nothing retried.
  expect(sim.connections).toBe(1)
  expect(sim.requests).toHaveLength(0)
  expect(retryLines(run)).toEqual([])
  // Five retries would wait 15 s on average (back-off ceilings of 1, 2, 4, 8 and 16 s).
  // The attempts counted above are the proof; the time (well under 1 s on an idle
  // machine) has room for a machine shared by many test workers.
  expect(failedAfterMs).toBeLessThan(10_000)
})

// the object store
it.concurrent('says what was wrong with its certificate when a download fails on it', async () => {
  // Code Ocean's certificate is trusted; the store's, from the same authority, has
  // expired. The run succeeded, its results cannot be had: the step fails, saying why.
  const sim = await startSimulator({ tls: identity('localhost'), storeTls: identity('expired') })
  sim.program(PIPELINE, { outcome: 'succeeded', results: RESULTS })
  const run = await runAction({
    inputs: { domain: sim.url, secret: sim.token, 'pipeline-id': PIPELINE, 'download-results': 'results' },
    env: { NODE_EXTRA_CA_CERTS: CA_FILE }
  })
  expectNoToken(run, sim.token)
  expect(run.exitCode).toBe(1)
  const problems = run.annotations.map((a) => a.message).join('\n')
  expect(problems).toContain(`the certificate of ${hostPort(sim.storeUrl)} has expired (CERT_HAS_EXPIRED)`)
  expect(problems).not.toContain('X-Amz-Signature')
  expect(sim.storeRequests).toHaveLength(0)
})

// addresses that lead nowhere
it.concurrent('fails at once when domain does not resolve, naming the input and the host', async () => {
  // .invalid is reserved (RFC 2606): it never resolves, anywhere.
  const { run, failedAfterMs } = await runTimed({
    inputs: { domain: 'codeocean.action-test.invalid', secret: 'cop_not_sent_anywhere_0123', 'pipeline-id': PIPELINE }
  })
  expect(run.exitCode).toBe(1)
  const error = errorOf(run)
  expect(error).toContain('the host codeocean.action-test.invalid was not found (ENOTFOUND)')
  expect(error).toContain('Check the `domain` input: codeocean.action-test.invalid does not resolve')
  expect(error).not.toContain('a run may have started')
  expect(retryLines(run)).toEqual([])
  // Five retries would wait 15 s on average; no retry lines above is the proof.
  expect(failedAfterMs).toBeLessThan(10_000)
})

it.concurrent('blames the proxy, not domain, when the proxy host does not resolve', async () => {
  const sim = await startSimulator()
  const run = await runAction({
    inputs: { domain: sim.url, secret: sim.token, 'pipeline-id': PIPELINE },
    env: { HTTP_PROXY: 'http://user:proxy-password@proxy.action-test.invalid:3128' }
  })
  expectNoToken(run, sim.token)
  expect(run.exitCode).toBe(1)
  const error = errorOf(run)
  expect(error).toContain('the proxy host proxy.action-test.invalid was not found (ENOTFOUND)')
  expect(error).toContain('through the proxy http://proxy.action-test.invalid:3128')
  expect(error).not.toContain('`domain`')
  expect(run.everything).not.toContain('proxy-password')
  expect(sim.requests).toHaveLength(0)
  expect(retryLines(run)).toEqual([])
})

// Concurrent: it waits out the whole back-off, while the file's other tests run.
it.concurrent(
  'names host and port after the retries when nothing listens there',
  async () => {
    const port = await closedPort()
    const run = await runAction({
      inputs: { domain: `http://127.0.0.1:${port}`, secret: 'cop_not_sent_anywhere_0123', 'pipeline-id': PIPELINE }
    })
    expect(run.exitCode).toBe(1)
    expect(retryLines(run)).toHaveLength(5)
    expect(retryLines(run)[0]).toContain('ECONNREFUSED')
    const error = errorOf(run)
    expect(error).toContain(`the connection to 127.0.0.1:${port} was refused (ECONNREFUSED)`)
    expect(error).toContain(`Is the \`domain\` input right, and is 127.0.0.1:${port} reachable from this runner?`)
  },
  60_000
)

/** A loopback port nobody listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
