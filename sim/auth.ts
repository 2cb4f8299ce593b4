// Authentication as Code Ocean documents it (docs/codeocean-api.md §1): HTTP Basic, with
// the access token as the user name and an empty password. No Bearer form is
// documented or used by any client, so the simulator accepts Basic only.

/** Why `header` does not carry `token` the documented way, or undefined when it does. */
export function checkBasicAuth(header: string | undefined, token: string): string | undefined {
  if (header === undefined || header.trim() === '') {
    return 'Unauthorized: no credentials; send the access token as the HTTP Basic user name'
  }
  const [scheme, encoded = ''] = header.trim().split(/\s+/, 2)
  if (scheme?.toLowerCase() !== 'basic') {
    return `Unauthorized: unsupported authorization scheme "${scheme}"; use HTTP Basic with the token as user name`
  }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return 'Unauthorized: malformed Basic credentials (no ":" separator)'
  const user = decoded.slice(0, colon)
  const password = decoded.slice(colon + 1)
  // Strict on purpose: the password must be empty, as the docs specify, so a
  // client that sends the token as the password is caught here.
  if (user !== token || password !== '') return 'Unauthorized: invalid access token'
  return undefined
}
