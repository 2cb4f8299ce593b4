import { InputError } from './errors.js'

const EXAMPLE = 'domain: codeocean.example.com'

/** Where the API lives, derived from the `domain` input. */
export interface ApiLocation {
  /** e.g. `https://codeocean.example.com/api/v1` (no trailing slash) */
  apiBase: string
  /** e.g. `https://codeocean.example.com` plus any path prefix: for messages and links */
  siteUrl: string
}

/** Hosts for which plain http is acceptable: traffic never leaves the machine. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/**
 * Refuses `https:/host`, `https:host` and the like: a scheme not followed by `//`. Left
 * alone, the URL parser would read the scheme's name as the host. `host:8443` is a port.
 */
function checkSchemeShape(input: string, text: string): void {
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\/\/)(.*)$/i.exec(text)
  if (!scheme || /^\d+(\/|$)/.test(scheme[2])) return
  const rest = scheme[2].replace(/^[\\/]+/, '')
  throw new InputError(
    input,
    `"${text}" has a malformed scheme: "${scheme[1]}:" must be followed by "//"`,
    `domain: ${/^https?$/i.test(scheme[1]) ? scheme[1].toLowerCase() : 'https'}://${rest || 'codeocean.example.com'}`
  )
}

/** Pages of Code Ocean's web app, whose addresses users copy from the browser. */
const APP_PAGE = /\/(capsule|capsules|pipeline|pipelines|data-assets?|data_assets?|datasets?|computations?)(\/|$)/i

/** Refuses the address of a page in Code Ocean's web app (a capsule, a pipeline, a data asset). */
function checkNotAPageAddress(input: string, url: URL): void {
  const page = APP_PAGE.exec(url.pathname)
  if (!page) return
  const prefix = url.pathname.slice(0, page.index).replace(/\/+$/, '')
  const site = `${url.protocol}//${url.host}${prefix}`
  throw new InputError(
    input,
    `"${url.href}" is the address of a page in Code Ocean, not of the deployment; give the deployment's address only (the ids go in 'capsule-id' or 'pipeline-id')`,
    `domain: ${site}`
  )
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
  checkSchemeShape(input, text)
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
  checkNotAPageAddress(input, url)
  // Users paste the API base itself, sometimes more than once, or with trailing slashes.
  let path = url.pathname.replace(/\/+$/, '')
  while (/\/api\/v1$/i.test(path)) {
    path = path.replace(/\/api\/v1$/i, '').replace(/\/+$/, '')
  }
  const siteUrl = `${url.protocol}//${url.host}${path}`
  return { siteUrl, apiBase: `${siteUrl}/api/v1` }
}
