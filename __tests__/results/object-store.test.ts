// The object store's client (src/results/object-store.ts) against a real loopback server:
// what it sends, which redirects it follows, and when it gives up.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { StoreRouteError } from '../../src/results/errors.js'
import { agentsTakeProxies, objectStoreClient, storeRefusal } from '../../src/results/object-store.js'

const LOCAL = { loopbackDomain: true }
let server: Server
let base: string
const seen: { path: string; headers: IncomingHttpHeaders }[] = []
const routes = new Map<string, (res: ServerResponse) => void>()

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers })
    const route = routes.get(new URL(req.url ?? '/', 'http://x').pathname)
    if (route) route(res)
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  let all = ''
  for await (const chunk of stream) all += String(chunk)
  return all
}

const redirectTo = (location: string) => (res: ServerResponse) => res.writeHead(302, { Location: location }).end()

describe('the object store client', () => {
  it('sends no credentials and asks for the bytes as they are, with any header the caller adds', async () => {
    routes.set('/plain', (res) => res.writeHead(206, { 'Content-Range': 'bytes 5-9/10' }).end('hello'))
    const { store, close } = objectStoreClient(5_000, LOCAL)
    try {
      const answer = await store.get(`${base}/plain?X-Amz-Signature=abc`, {
        signal: AbortSignal.timeout(5_000),
        headers: { Range: 'bytes=-5' }
      })
      expect(answer.status).toBe(206)
      expect(answer.headers['content-range']).toBe('bytes 5-9/10')
      expect(await text(answer.data)).toBe('hello')
      const { headers } = seen.at(-1)!
      expect(headers.range).toBe('bytes=-5')
      expect(headers['accept-encoding']).toBe('identity')
      expect(headers['user-agent']).toMatch(/^codeocean-run-action\//)
      expect(headers.authorization).toBeUndefined()
    } finally {
      close()
    }
  })

  it('follows up to 5 redirects, each held to the rules, and refuses a sixth', async () => {
    for (let i = 1; i <= 6; i++) routes.set(`/hop${i}`, redirectTo(`/hop${i + 1}`))
    routes.set('/hop7', (res) => res.end('arrived'))
    const { store, close } = objectStoreClient(5_000, LOCAL)
    try {
      const five = await store.get(`${base}/hop2`, { signal: AbortSignal.timeout(5_000) })
      expect(five.status).toBe(200)
      expect(await text(five.data)).toBe('arrived')
      expect(seen.slice(-6).map((r) => r.path)).toEqual(['/hop2', '/hop3', '/hop4', '/hop5', '/hop6', '/hop7'])
      await expect(store.get(`${base}/hop1`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow(
        'the store redirected more than 5 times'
      )
      routes.set('/away', redirectTo('http://169.254.169.254/latest/meta-data/'))
      const refused = await store.get(`${base}/away`, { signal: AbortSignal.timeout(5_000) }).catch((e: unknown) => e)
      expect(storeRefusal(refused)?.message).toContain(
        "the store's redirect was refused: http://169.254.169.254 is a link-local address"
      )
    } finally {
      close()
    }
  })

  it('refuses a link to this machine unless Code Ocean is on it, and checks a name as it resolves', async () => {
    routes.set('/named', (res) => res.end('by name'))
    const strict = objectStoreClient(5_000, { loopbackDomain: false })
    const local = objectStoreClient(5_000, LOCAL)
    try {
      const before = seen.length
      const refused = await strict.store
        .get(`${base}/named`, { signal: AbortSignal.timeout(5_000) })
        .catch((e: unknown) => e)
      expect(storeRefusal(refused)?.message).toMatch(/^the download link was refused: .* is not https/)
      // A name that resolves to this machine: refused as it resolves, before any connection.
      const port = new URL(base).port
      const byName = await strict.store
        .get(`https://localhost.:${port}/named`, { signal: AbortSignal.timeout(5_000) })
        .catch((e: unknown) => e)
      expect(storeRefusal(byName)?.message).toMatch(/loopback/)
      expect(seen.length).toBe(before)
      // Allowed when Code Ocean is here too, by name as well.
      const answer = await local.store.get(`http://localhost:${port}/named`, { signal: AbortSignal.timeout(5_000) })
      expect(await text(answer.data)).toBe('by name')
    } finally {
      strict.close()
      local.close()
    }
  })

  it('gives up on a store that goes silent, before its answer or in the middle of the body', async () => {
    routes.set('/silent', () => {})
    routes.set('/stalls', (res) => {
      res.writeHead(200, { 'Content-Length': '10' })
      res.write('hello')
    })
    const { store, close } = objectStoreClient(500, LOCAL)
    try {
      // Both at once: each waits out the same half second.
      const [before, during] = await Promise.all([
        store.get(`${base}/silent`, { signal: AbortSignal.timeout(5_000) }).catch((e: unknown) => e),
        store
          .get(`${base}/stalls`, { signal: AbortSignal.timeout(5_000) })
          .then((answer) => text(answer.data))
          .catch((e: unknown) => e)
      ])
      expect(String(before)).toMatch(
        /no answer from 127\.0\.0\.1:\d+ within 1 s \(ETIMEDOUT\)\. Result files come from the storage/
      )
      expect(String(during)).toContain('the store sent nothing for 1s')
    } finally {
      close()
    }
  })
})

it('knows which Node agents route through a proxy: those of 24.5 and later', () => {
  expect(['24.4.1', '24.5.0', '24.21.0', '25.0.0', '22.20.0'].map(agentsTakeProxies)).toEqual([
    false,
    true,
    true,
    true,
    false
  ])
})

describe('behind a proxy', () => {
  const names = [
    'HTTP_PROXY',
    'http_proxy',
    'HTTPS_PROXY',
    'https_proxy',
    'NO_PROXY',
    'no_proxy',
    'ALL_PROXY',
    'all_proxy'
  ]
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]))
  afterAll(() => {
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  })

  it('goes through the proxy the environment names, with its user name and password', async () => {
    const asked: { url?: string; auth?: string }[] = []
    const proxy = createServer((req, res) => {
      asked.push({ url: req.url, auth: req.headers['proxy-authorization'] })
      res.end('through the proxy')
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    for (const name of names) delete process.env[name]
    // In capitals, as some runners write it: routed all the same, never around the proxy.
    process.env.HTTP_PROXY = `HTTP://us%40er:p%3Aw@127.0.0.1:${(proxy.address() as AddressInfo).port}`
    const { store, close } = objectStoreClient(5_000, LOCAL)
    try {
      const answer = await store.get('http://store.example/bucket/a.csv?X-Amz-Signature=abc', {
        signal: AbortSignal.timeout(5_000)
      })
      expect(await text(answer.data)).toBe('through the proxy')
      // Absolute-form, as an http proxy takes it; the credentials as Basic, decoded from the URL.
      expect(asked).toEqual([
        {
          url: 'http://store.example/bucket/a.csv?X-Amz-Signature=abc',
          auth: `Basic ${Buffer.from('us@er:p:w').toString('base64')}`
        }
      ])
      // A proxy that is gone is named in the failure, without its user name or password.
      const port = (proxy.address() as AddressInfo).port
      proxy.closeAllConnections()
      await new Promise((resolve) => proxy.close(resolve))
      const fresh = objectStoreClient(5_000, LOCAL)
      const failed = await fresh.store
        .get('http://store.example/b.csv', { signal: AbortSignal.timeout(5_000) })
        .catch((e: unknown) => String(e))
      fresh.close()
      expect(failed).toContain(`(through the proxy http://127.0.0.1:${port})`)
      expect(failed).not.toContain('us%40er')
    } finally {
      close()
      proxy.close()
    }
  })

  it('refuses a proxy it cannot use (socks) as final, rather than going around it', async () => {
    for (const name of names) delete process.env[name]
    process.env.ALL_PROXY = 'socks5://user:secret@127.0.0.1:1080'
    const { store, close } = objectStoreClient(5_000, LOCAL)
    try {
      const before = seen.length
      const refused = await store.get(`${base}/plain`, { signal: AbortSignal.timeout(5_000) }).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(StoreRouteError)
      // A refusal, so a transfer fails it as final, with no other try (transfer.ts).
      expect(storeRefusal(refused)).toBe(refused)
      expect(String(refused)).toContain(
        'the object store is to be reached through the proxy socks5://127.0.0.1:1080, which is not an http:// or https:// proxy'
      )
      expect(String(refused)).not.toContain('secret')
      expect(seen.length).toBe(before)
    } finally {
      close()
    }
  })
})

it('caps what a failure tells of a host name the store chose', async () => {
  routes.set('/far', redirectTo(`http://${'a'.repeat(60)}.${'b'.repeat(12_000)}.invalid/x`))
  const { store, close } = objectStoreClient(5_000, LOCAL)
  try {
    const failed = await store.get(`${base}/far`, { signal: AbortSignal.timeout(5_000) }).catch((e: unknown) => e)
    expect(String(failed).length).toBeLessThan(2_000)
  } finally {
    close()
  }
})
