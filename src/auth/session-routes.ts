import { timingSafeEqual } from 'node:crypto'
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { CookieOptions } from 'hono/utils/cookie'
import type { AppEnv } from '../http/app-env.js'
import { clientIp } from '../http/client-ip.js'
import { forbidden, unauthorized } from '../../core/errors.js'
import { errorResponses, jsonBody, jsonContent, validationHook } from '../http/openapi.js'
import type { Services } from '../services.js'
import type { TokenPair } from './auth-service.js'
import { LoginBody, PublicUserSchema, RegisterBody } from './auth-routes.js'

/**
 * Browser sessions, for the web app. The access token goes to the page, which keeps it in
 * memory only; the refresh token never reaches script: it lives in an HttpOnly, SameSite=Strict
 * cookie sent only to these routes. Calls authenticated by that cookie (refresh, logout) also
 * need the CSRF token in `X-CSRF-Token`: an HMAC of the refresh token that the page reads from
 * a second, readable cookie (a signed double-submit token), and they refuse other sites'
 * origins. API clients keep the JSON token flow of /auth/login and /auth/refresh.
 */
export const SESSION_PATH = '/api/v1/auth/session'
export const REFRESH_COOKIE = 'podd_refresh'
export const CSRF_COOKIE = 'podd_csrf'
export const CSRF_HEADER = 'X-CSRF-Token'

const SessionSchema = z
  .object({
    user: PublicUserSchema,
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().describe('Access token lifetime in seconds'),
  })
  .openapi('BrowserSession')

const common = { tags: ['auth'] }
const cookieAuth = [{ RefreshCookie: [] }]

const signIn = createRoute({
  ...common,
  method: 'post',
  path: '/',
  summary: 'Sign in from a browser: the refresh token is set as an HttpOnly cookie',
  request: { body: jsonBody(LoginBody) },
  responses: { 200: jsonContent(SessionSchema, 'Signed in'), ...errorResponses(400, 401, 403, 429) },
})

const register = createRoute({
  ...common,
  method: 'post',
  path: '/register',
  summary: 'Create an account from a browser and sign in with a session cookie',
  request: { body: jsonBody(RegisterBody) },
  responses: { 201: jsonContent(SessionSchema, 'Account created and signed in'), ...errorResponses(400, 403, 409) },
})

const refresh = createRoute({
  ...common,
  method: 'post',
  path: '/refresh',
  security: cookieAuth,
  summary: 'A new access token for the session cookie (which rotates); needs X-CSRF-Token',
  responses: { 200: jsonContent(SessionSchema, 'Refreshed'), ...errorResponses(401, 403) },
})

const logout = createRoute({
  ...common,
  method: 'post',
  path: '/logout',
  security: cookieAuth,
  summary: 'End the browser session (revokes its refresh token, clears the cookies); needs X-CSRF-Token',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(403) },
})

/** Refuses requests another site's page made: by Fetch Metadata, then by Origin. */
function sameOriginOnly(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedOrigins)
  return async function sameOriginOnlyMiddleware(c, next) {
    const site = c.req.header('sec-fetch-site')
    if (site === 'cross-site') throw forbidden('Browser sessions are only for pages of this site')
    const origin = c.req.header('origin')
    if (origin !== undefined && !allowed.has(origin)) {
      const host = URL.canParse(origin) ? new URL(origin).host : 'null'
      if (host !== new URL(c.req.url).host) throw forbidden('Browser sessions are only for pages of this site')
    }
    await next()
  }
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function sessionRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  const secure = s.config.NODE_ENV === 'production'
  const maxAge = s.config.REFRESH_TOKEN_TTL_DAYS * 86_400
  const refreshCookie: CookieOptions = { path: SESSION_PATH, httpOnly: true, sameSite: 'Strict', secure }
  const csrfCookie: CookieOptions = { path: '/', sameSite: 'Strict', secure }

  app.openAPIRegistry.registerComponent('securitySchemes', 'RefreshCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: REFRESH_COOKIE,
  })
  app.use('*', sameOriginOnly(s.config.CORS_ORIGINS))

  /** Puts the refresh token in its cookie and answers with what the page may hold. */
  async function startSession(c: Context<AppEnv>, pair: TokenPair) {
    setCookie(c, REFRESH_COOKIE, pair.refresh_token, { ...refreshCookie, maxAge })
    setCookie(c, CSRF_COOKIE, await s.tokens.csrfTokenFor(pair.refresh_token), { ...csrfCookie, maxAge })
    c.header('Cache-Control', 'no-store')
    return { user: pair.user, access_token: pair.access_token, token_type: pair.token_type, expires_in: pair.expires_in }
  }

  function endSession(c: Context<AppEnv>) {
    deleteCookie(c, REFRESH_COOKIE, refreshCookie)
    deleteCookie(c, CSRF_COOKIE, csrfCookie)
  }

  /** The session's refresh token, once the CSRF token proves a page of this site sent the call. */
  async function cookieToken(c: Context<AppEnv>): Promise<string | undefined> {
    const token = getCookie(c, REFRESH_COOKIE)
    if (!token) return undefined
    const sent = c.req.header(CSRF_HEADER) ?? ''
    if (!sameString(sent, await s.tokens.csrfTokenFor(token))) throw forbidden('Missing or wrong X-CSRF-Token')
    return token
  }

  app.openapi(signIn, async (c) => {
    const pair = await s.auth.login(c.req.valid('json'), clientIp(c, s.config.TRUST_PROXY))
    return c.json(await startSession(c, pair), 200)
  })

  app.openapi(register, async (c) =>
    c.json(await startSession(c, await s.auth.register(c.req.valid('json'), clientIp(c, s.config.TRUST_PROXY))), 201),
  )

  app.openapi(refresh, async (c) => {
    const token = await cookieToken(c)
    if (!token) throw unauthorized('No session: sign in again')
    try {
      return c.json(await startSession(c, await s.auth.refresh(token)), 200)
    } catch (err) {
      // A dead session's cookies are of no use to anyone.
      endSession(c)
      throw err
    }
  })

  app.openapi(logout, async (c) => {
    const token = await cookieToken(c)
    if (token) await s.auth.logout(token)
    endSession(c)
    return c.body(null, 204)
  })

  return app
}
