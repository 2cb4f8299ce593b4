/**
 * Removes secrets from text we did not write ourselves (server messages can echo
 * what they were sent). The runner masks registered secrets in the log, but not in
 * outputs or the job summary, so the action scrubs them itself too.
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const values = secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length)
  return (text) => values.reduce((out, secret) => out.split(secret).join('***'), text)
}

/** The value of the Authorization header for a token: also a secret. */
export function basicAuthValue(token: string): string {
  return Buffer.from(`${token}:`).toString('base64')
}

const registered: string[] = []

/** Remembers a secret for `redactRegistered`, the last line of defence. */
export function registerSecret(secret: string): void {
  if (secret) registered.push(secret, basicAuthValue(secret))
}

/** Scrubs every registered secret: for messages from errors nobody anticipated. */
export function redactRegistered(text: string): string {
  return redactor(registered)(text)
}
