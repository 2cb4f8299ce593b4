import { describe, expect, it } from '@jest/globals'
import { explainApiError, parseBody } from '../../src/codeocean/api-error-messages.js'

const ctx = { operation: 'start the run', idHint: 'pipeline p1', sentBody: { pipeline_id: 'p1' } }

describe('explaining Code Ocean errors', () => {
  it('quotes the JSON message and hints at the token for 401', () => {
    const text = explainApiError(401, { message: 'Invalid credentials' }, ctx)
    expect(text).toContain('Code Ocean refused to start the run: HTTP 401 Unauthorized: Invalid credentials')
    expect(text).toContain('`secret` input')
  })

  it('prints other JSON as it came and hints at the scope for 403', () => {
    const text = explainApiError(403, ['capsule:write'], ctx)
    expect(text).toContain('HTTP 403 Forbidden: ["capsule:write"]')
    expect(text).toContain('Capsule Read/Write scope')
  })

  it('prints plain text and hints at the id for 404', () => {
    const text = explainApiError(404, parseBody('no such pipeline'), ctx)
    expect(text).toContain('HTTP 404 Not Found: no such pipeline')
    expect(text).toContain('does not know pipeline p1')
  })

  it('shows what was sent for 400', () => {
    const text = explainApiError(400, { error: 'bad field' }, ctx)
    expect(text).toContain('HTTP 400 Bad Request: {"error":"bad field"}')
    expect(text).toContain('"pipeline_id": "p1"')
  })

  it('reduces an HTML error page to its title', () => {
    const text = explainApiError(
      502,
      parseBody('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'),
      ctx
    )
    expect(text).toContain('HTTP 502 Bad Gateway: an HTML page: "502 Bad Gateway"')
  })

  it('keeps extra keys next to the message', () => {
    expect(explainApiError(400, { message: 'm', datasets: ['a'] }, ctx)).toContain('m {"datasets":["a"]}')
  })
})
