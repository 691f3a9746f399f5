import type { IncomingMessage } from 'node:http'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.js'

/**
 * A response sent before its request's body was read (a 401, 404 or 415 ahead of a large
 * upload) leaves the rest of that body on the connection. Node then hangs up after the
 * response, though the response said keep-alive, and a client that reuses the connection sees
 * it closed under its next request. Such a response says `Connection: close` instead.
 */
export function closeAfterUnreadBody(): MiddlewareHandler<AppEnv> {
  return async function closeAfterUnreadBodyMiddleware(c, next) {
    await next()
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
    if (!incoming || incoming.readableEnded) return
    const hasBody = Number(incoming.headers['content-length'] ?? 0) > 0 || incoming.headers['transfer-encoding'] !== undefined
    if (hasBody) c.res.headers.set('Connection', 'close')
  }
}
