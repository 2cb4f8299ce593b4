/** One entry of a results listing, as Code Ocean sends it. */
export interface ResultItem {
  name: string
  path: string
  type: 'file' | 'folder'
  size?: number
}

/**
 * Reads a results listing: `{items: [...]}` as documented, or a bare list as some
 * servers send. Entries without a path are skipped; a missing size stays unknown.
 */
export function readResultItems(data: unknown): ResultItem[] {
  const items: unknown = Array.isArray(data) ? data : (data as { items?: unknown } | undefined)?.items
  if (!Array.isArray(items)) return []
  return items.flatMap((raw): ResultItem[] => {
    const item = raw as Record<string, unknown>
    if (typeof item?.path !== 'string') return []
    const type = item.type === 'folder' ? 'folder' : 'file'
    const size = Number(item.size)
    return [
      {
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the API's name is a JSON scalar (text)
        name: String(item.name ?? item.path.split('/').pop()),
        path: item.path,
        type,
        size: Number.isFinite(size) ? size : undefined
      }
    ]
  })
}
