import * as core from '@actions/core'
import { EnvFallback, Input } from '../names.js'
import { basicAuthValue, registerSecret } from '../redact.js'

export type ReadInput = (name: string) => string

/**
 * Reads the token and registers it (and the Authorization header value derived from
 * it) as secrets. Called before anything else, so nothing can print it unmasked.
 */
export function readToken(read: ReadInput = core.getInput, env = process.env): string {
  const token = (read(Input.Secret) || env[EnvFallback.Secret] || '').trim()
  if (token) {
    core.setSecret(token)
    core.setSecret(basicAuthValue(token))
    registerSecret(token)
  }
  return token
}

/**
 * Masks the GitHub token like the Code Ocean token, and for the same reason, before
 * any use. An unexpanded `${{ … }}` is a mistake in the workflow, not a secret.
 */
export function registerGithubToken(token: string): void {
  if (token && !token.startsWith('${{')) {
    core.setSecret(token)
    registerSecret(token)
  }
}
