/**
 * Which proxy a request goes through, for messages. The requests themselves are routed
 * by axios, which reads the same variables through the same library (proxy-from-env):
 * HTTPS_PROXY, HTTP_PROXY, NO_PROXY and their lower-case forms, tunnelling https
 * through CONNECT. This only names the proxy when a request fails.
 */
import { getProxyForUrl } from 'proxy-from-env'

/** The proxy for `url` as `scheme://host:port` (never its user name or password), or undefined. */
export function proxyFor(url: string): string | undefined {
  const proxy = getProxyForUrl(url)
  if (proxy === '') return undefined
  try {
    const parsed = new URL(proxy)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return undefined
  }
}
