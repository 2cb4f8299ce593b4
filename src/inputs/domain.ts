import { InputError } from '../errors.js'

const EXAMPLE = 'domain: codeocean.example.com'

/** Where the API lives, derived from the `domain` input. */
export interface ApiLocation {
  /** e.g. `https://codeocean.example.com/api/v1` (no trailing slash) */
  apiBase: string
  /** e.g. `https://codeocean.example.com` plus any path prefix: for messages and links */
  siteUrl: string
}

/** Hosts for which plain http is acceptable: traffic never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/**
 * Turns `host`, `host:port` or a URL (with optional path prefix) into the API base URL.
 * https is assumed; http is allowed for loopback only, since the token travels in
 * every request's Authorization header.
 */
export function resolveApiLocation(input: string, raw: string): ApiLocation {
  const text = raw.trim()
  if (text === '') {
    throw new InputError(input, 'is empty', EXAMPLE)
  }
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
  let url: URL
  try {
    url = new URL(hasScheme ? text : `https://${text}`)
  } catch {
    throw new InputError(input, `"${text}" is not a host name or URL`, EXAMPLE)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(input, `scheme "${url.protocol.slice(0, -1)}" is not supported; use https`, EXAMPLE)
  }
  if (url.username || url.password) {
    throw new InputError(
      input,
      'must not contain a user name or password; give the token in the `secret` input',
      EXAMPLE
    )
  }
  if (url.search || text.includes('?')) {
    throw new InputError(input, 'must not contain a query string (?...)', EXAMPLE)
  }
  if (url.hash || text.includes('#')) {
    throw new InputError(input, 'must not contain a fragment (#...)', EXAMPLE)
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError(
      input,
      `http would send the API token in clear text to ${url.host}; use https (http is accepted only for localhost)`,
      'domain: https://codeocean.example.com'
    )
  }
  // Users paste the API base itself, sometimes more than once, or with trailing slashes.
  let path = url.pathname.replace(/\/+$/, '')
  while (/\/api\/v1$/i.test(path)) {
    path = path.replace(/\/api\/v1$/i, '').replace(/\/+$/, '')
  }
  const siteUrl = `${url.protocol}//${url.host}${path}`
  return { siteUrl, apiBase: `${siteUrl}/api/v1` }
}
