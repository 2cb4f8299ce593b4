/**
 * What Node's timers can hold. A delay above 2^31 - 1 ms (about 24.8 days) is not
 * refused: Node warns (TimeoutOverflowWarning) and fires it after 1 ms, and a delay
 * that is not a number (NaN) fires after 1 ms too. So no delay from outside, or
 * computed from outside numbers, reaches a timer unchecked.
 */

/** The longest delay a Node timer holds, in ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * `ms` as a delay a timer holds as meant: at least `leastMs`, at most MAX_TIMER_MS; a
 * value that is not a finite number (NaN, Infinity from an overflow) counts as `leastMs`,
 * the safe side for a delay between requests.
 */
export function timerDelayMs(ms: number, leastMs = 0): number {
  if (!Number.isFinite(ms)) return leastMs
  return Math.min(MAX_TIMER_MS, Math.max(leastMs, ms))
}
