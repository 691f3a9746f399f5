import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/app-env.js'
import type { Role } from './auth-user.js'
import { forbidden, unauthorized } from '../../core/errors.js'
import type { TokenService } from './tokens.js'

/** Reads the bearer token from an Authorization header value, if well-formed. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+([A-Za-z0-9._~+/=-]+)$/)
  return m?.[1]
}

/** Rejects the request with 401 unless it carries a valid access token; puts the user on the context. */
export function requireAuth(tokens: TokenService): MiddlewareHandler<AppEnv> {
  return async function requireAuthMiddleware(c, next) {
    const token = bearerToken(c.req.header('authorization'))
    if (!token) throw unauthorized('Missing bearer token')
    const user = await tokens.verifyAccessToken(token)
    if (!user) throw unauthorized('Invalid or expired access token')
    c.set('user', user)
    await next()
  }
}

/** Rejects with 403 unless the authenticated user has one of the roles. Use after requireAuth. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async function requireRoleMiddleware(c, next) {
    if (!roles.includes(c.get('user').role)) throw forbidden(`This action is for ${roles.join(' or ')} accounts`)
    await next()
  }
}
