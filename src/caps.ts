/**
 * How much of an outside value, and of a list, people are shown. A run name, a parameter
 * value, a result path or a list of allowed values can be as long as the server or an
 * event makes it; every message, the job summary and the pull request comment show a
 * readable part and say how much more there was, so each stays within what GitHub
 * accepts (1 MiB for a step summary, 65,536 characters for a comment). The full values
 * stay where they belong: in the outputs and in Code Ocean.
 */

/** The most characters of one outside value that a message, the summary or the comment shows. */
export const VALUE_CHARS = 300

/** The most items of a list from outside (allowed values, candidates) that a message shows. */
const LIST_ITEMS = 10

/** A count for people: `4,990`. */
function count(n: number): string {
  return n.toLocaleString('en-US')
}

/**
 * `value`, cut to `max` characters when longer, with how many more there were:
 * `abc… (397,000 more characters)`. Never splits a surrogate pair. For an excerpt of a
 * value only partly read, whose length is not known, preview.ts has clip.
 */
export function capText(value: string, max = VALUE_CHARS): string {
  if (value.length <= max) return value
  const last = value.charCodeAt(max - 1)
  const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max
  return `${value.slice(0, end)}… (${count(value.length - end)} more characters)`
}

/** The first `max` items and how many were left out, for a list that says "and N more" its own way (a table). */
export function capItems<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) }
}

/**
 * Items for a message, at most `max` of them, then how many more: `a, b, c and 4,990
 * more`. Each item is shown as given: cap and defuse outside text before (capText, inline).
 */
export function joinCapped(items: readonly string[], max = LIST_ITEMS, separator = ', '): string {
  const { shown, more } = capItems(items, max)
  return more === 0 ? shown.join(separator) : `${shown.join(separator)} and ${count(more)} more`
}

/** "and 12 more files", for a list or a table cut by capItems. */
export function andMore(more: number, noun: string): string {
  return `…and ${count(more)} more ${noun}.`
}
