/** Short, cheap excerpts of what Code Ocean sent, for messages and debug lines. */

/** Characters of an answer a debug line shows at most. */
export const DEBUG_PREVIEW_CHARS = 2_000

/**
 * `text` cut to `max` characters, marked with an ellipsis when cut. Not capText
 * (caps.ts), which says how many characters more there were: preview stops walking an
 * answer once it has `max` characters, so the rest is never counted, and a count would
 * be wrong.
 */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/**
 * At most `max` characters of `value` as JSON, for messages and debug lines. Stops
 * walking once it has enough, so a large answer costs no more than its preview.
 */
export function preview(value: unknown, max: number): string {
  const parts: string[] = []
  let length = 0
  /** Adds text; false once there is enough. */
  const emit = (text: string): boolean => {
    parts.push(text)
    length += text.length
    return length <= max
  }
  const walk = (item: unknown): boolean => {
    if (typeof item === 'string') return emit(JSON.stringify(item.slice(0, max + 1)))
    if (item === null || typeof item !== 'object') return emit(String(JSON.stringify(item) ?? 'null'))
    if (Array.isArray(item)) {
      if (!emit('[')) return false
      for (let i = 0; i < item.length; i++) if (!emit(i > 0 ? ',' : '') || !walk(item[i])) return false
      return emit(']')
    }
    if (!emit('{')) return false
    let first = true
    // for…in, not Object.entries: the values of a huge object are not all copied for a short preview.
    for (const key in item) {
      if (!Object.hasOwn(item, key)) continue
      const label = `${first ? '' : ','}${JSON.stringify(key.slice(0, max + 1))}:`
      if (!emit(label) || !walk((item as Record<string, unknown>)[key])) return false
      first = false
    }
    return emit('}')
  }
  walk(value)
  return clip(parts.join(''), max)
}
