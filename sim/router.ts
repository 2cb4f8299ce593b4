// A minimal method + path-pattern route table. The simulator will grow more
// endpoints (results, downloads on a second port, data assets), and a table
// keeps each one a single line to register instead of another branch in one
// big request handler.

export interface Reply {
  status: number
  /** Sent as JSON. Leave out (with `text`) for an empty body, as 204 needs. */
  json?: unknown
  /** Sent as is, with `contentType` (default text/plain). */
  text?: string
  contentType?: string
  headers?: Record<string, string>
}

export type Handler<Ctx> = (ctx: Ctx, params: Record<string, string>) => Reply | Promise<Reply>

interface Route<Ctx> {
  method: string
  pattern: string
  regex: RegExp
  names: string[]
  handler: Handler<Ctx>
}

export interface RouteMatch<Ctx> {
  handler: Handler<Ctx>
  params: Record<string, string>
  pattern: string
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Compiles '/api/v1/computations/:id' into an anchored regex; `:name` matches one non-empty segment. */
export function compilePattern(pattern: string): { regex: RegExp; names: string[] } {
  const names: string[] = []
  const source = pattern
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1))
        return '([^/]+)'
      }
      return escapeRegex(segment)
    })
    .join('/')
  return { regex: new RegExp(`^${source}$`), names }
}

export class Router<Ctx> {
  private readonly routes: Route<Ctx>[] = []

  add(method: string, pattern: string, handler: Handler<Ctx>): this {
    const { regex, names } = compilePattern(pattern)
    this.routes.push({ method: method.toUpperCase(), pattern, regex, names, handler })
    return this
  }

  /** Every route, as 'METHOD pattern', in the order they were added. */
  list(): string[] {
    return this.routes.map((route) => `${route.method} ${route.pattern}`)
  }

  match(method: string, path: string): RouteMatch<Ctx> | undefined {
    const upper = method.toUpperCase()
    for (const route of this.routes) {
      if (route.method !== upper) continue
      const m = route.regex.exec(path)
      if (m === null) continue
      const params: Record<string, string> = {}
      route.names.forEach((name, i) => {
        const raw = m[i + 1] ?? ''
        // A malformed escape is kept raw: the id lookup then simply misses (404).
        try {
          params[name] = decodeURIComponent(raw)
        } catch {
          params[name] = raw
        }
      })
      return { handler: route.handler, params, pattern: route.pattern }
    }
    return undefined
  }
}
