/**
 * How long a signed download link is used after it came. Links are asked for ahead of
 * their transfer (see look-ahead.ts), and Code Ocean does not document how long they
 * stay valid, only that they are signed (S3 pre-signed URLs in practice). So a link is
 * used only while it is young: at most a minute old, and at most half the lifetime it
 * declares itself (S3's `X-Amz-Expires`, in seconds, counted from when it came, so the
 * runner's clock need not agree with the server's). An older one is asked for again
 * just before its transfer.
 */

/** A link is never used more than this long after it came, whatever it declares. */
export const LINK_MAX_AGE_MS = 60_000

/** The longest lifetime a SigV4 pre-signed URL can have: 7 days, in seconds. */
const SIGV4_MAX_EXPIRES_S = 604_800

/** A signed link, and when it came (on the clock `now` of the caller: performance.now()). */
export interface SignedLink {
  url: string
  receivedAt: number
}

/**
 * The lifetime a link declares in its `X-Amz-Expires` parameter, in ms; undefined when it
 * declares none or one that is not a whole number of seconds from 1 to 7 days (the link
 * comes from outside: a value out of range must not drive a timer or a decision).
 */
export function declaredLifetimeMs(url: string): number | undefined {
  let value: string | null
  try {
    value = new URL(url).searchParams.get('X-Amz-Expires')
  } catch {
    return undefined
  }
  if (value === null || !/^\d{1,7}$/.test(value)) return undefined
  const seconds = Number(value)
  return seconds >= 1 && seconds <= SIGV4_MAX_EXPIRES_S ? seconds * 1000 : undefined
}

/** How long after it came a link is still used: LINK_MAX_AGE_MS, or half its declared lifetime if shorter. */
export function linkShelfLifeMs(url: string): number {
  const declared = declaredLifetimeMs(url)
  return declared === undefined ? LINK_MAX_AGE_MS : Math.min(LINK_MAX_AGE_MS, declared / 2)
}

/** How much longer `link` may be used, from `now` (same clock as its receivedAt); below 0 once stale. */
export function freshFor(link: SignedLink, now: number): number {
  return linkShelfLifeMs(link.url) - (now - link.receivedAt)
}

/** Whether `link` is too old to be used at `now` (same clock as its receivedAt). */
export function isStale(link: SignedLink, now: number): boolean {
  return freshFor(link, now) < 0
}
