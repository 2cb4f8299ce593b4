import { lstatSync, realpathSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

/**
 * Where `path` really leads, links followed, as far as it exists; the part not yet
 * created is appended as written (it holds no links, since it does not exist).
 * Throws when a link on the way leads nowhere.
 */
function realPlace(path: string): string {
  let existing = resolve(path)
  const missing: string[] = []
  // lstat, not stat: a link that leads nowhere still exists, and must be resolved (and fail).
  while (lstatSync(existing, { throwIfNoEntry: false }) === undefined) {
    const parent = dirname(existing)
    if (parent === existing) break
    missing.unshift(basename(existing))
    existing = parent
  }
  return join(realpathSync(existing), ...missing)
}

/** Whether `path` is `root` or lies under it (both real paths). */
export function isWithin(path: string, root: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/**
 * Why `folder` may not receive files meant for `workspace`: it, or a folder on its
 * way, is a link leading out of the workspace (or nowhere). Undefined when it stays
 * inside, links followed.
 */
export function leadsOutOf(folder: string, workspace: string): string | undefined {
  try {
    const real = realPlace(folder)
    if (isWithin(real, realPlace(workspace))) return undefined
    return `it leads out of the workspace through a link, to ${real}`
  } catch (error) {
    return `a link on its way cannot be followed (${(error as NodeJS.ErrnoException).code ?? String(error)})`
  }
}
