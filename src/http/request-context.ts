import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { Logger } from '../logger.js'
import type { AppEnv } from './app-env.js'
import type { Metrics } from '../metrics.js'

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** The matched route's template (`/api/v1/events/:id`), so metrics never label by raw path. */
export function routeLabel(c: Parameters<MiddlewareHandler>[0]): string {
  const routes = matchedRoutes(c).filter((r) => r.method !== 'ALL')
  return routes.at(-1)?.path ?? 'unmatched'
}

/**
 * Gives every request an id (an incoming `X-Request-Id` is kept when it is well-formed),
 * a child logger carrying it, and one access-log line plus metrics when it ends.
 * Bodies are never logged: they carry health data and credentials.
 */
export function requestContext(logger: Logger, metrics: Metrics): MiddlewareHandler<AppEnv> {
  // The access line has a fixed shape with nothing sensitive in it, so it skips the wildcard
  // redaction that otherwise costs ~20 µs a line; handlers log through the redacting child.
  const access = logger.child({}, { redact: [] })
  return async function requestContextMiddleware(c, next) {
    const incoming = c.req.header('x-request-id')
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID()
    const log = logger.child({ request_id: requestId })
    c.set('requestId', requestId)
    c.set('logger', log)
    c.header('X-Request-Id', requestId)
    const started = performance.now()
    try {
      await next()
    } finally {
      const status = c.res.status
      const route = routeLabel(c)
      const seconds = (performance.now() - started) / 1000
      metrics.observeRequest(c.req.method, route, status, seconds)
      const user = c.get('user')
      access[status >= 500 ? 'error' : 'info'](
        {
          request_id: requestId,
          method: c.req.method,
          route,
          status,
          duration_ms: Math.round(seconds * 10_000) / 10,
          ...(user ? { user_id: user.id } : {}),
        },
        'request',
      )
    }
  }
}
