/**
 * Which proxy a request goes through. Code Ocean calls are routed by axios, which reads
 * the variables through the same library (proxy-from-env): HTTPS_PROXY, HTTP_PROXY,
 * NO_PROXY and their lower-case forms, tunnelling https through CONNECT. The object
 * store's requests are routed by proxyRouteFor, so both go the same way.
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

/** The proxy to route a request to `url` through, as given (with its user name and password, if any), or undefined. */
export function proxyRouteFor(url: string): string | undefined {
  return getProxyForUrl(url) || undefined
}
