import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import type { AppEnv } from '../http/app-env.js'
import { clientIp } from '../http/client-ip.js'
import { errorResponses, jsonBody, jsonContent, validationHook } from '../http/openapi.js'
import { notFound } from '../../core/errors.js'
import type { Services } from '../services.js'

export const PublicUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['patient', 'caregiver', 'admin']),
  })
  .openapi('User')

const TokenPairSchema = z
  .object({
    user: PublicUserSchema,
    access_token: z.string(),
    refresh_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().describe('Access token lifetime in seconds'),
  })
  .openapi('TokenPair')

export const RegisterBody = z
  .object({
    email: z.string().trim().max(254).pipe(z.email()),
    password: z.string().min(1).max(256).describe('At least 10 characters, not a common password'),
    name: z.string().trim().min(1).max(100),
    role: z.enum(['patient', 'caregiver']).describe('Self-registration never grants admin'),
  })
  .openapi('RegisterRequest')

export const LoginBody = z.object({ email: z.string().min(1).max(254), password: z.string().min(1).max(256) }).openapi('LoginRequest')
const RefreshBody = z.object({ refresh_token: z.string().min(1).max(512) }).openapi('RefreshRequest')

const register = createRoute({
  method: 'post',
  path: '/register',
  tags: ['auth'],
  summary: 'Create a patient or caregiver account',
  request: { body: jsonBody(RegisterBody) },
  responses: {
    201: jsonContent(TokenPairSchema, 'Account created and signed in'),
    ...errorResponses(400, 409, 413),
  },
})

const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in with e-mail and password',
  request: { body: jsonBody(LoginBody) },
  responses: { 200: jsonContent(TokenPairSchema, 'Signed in'), ...errorResponses(400, 401, 429) },
})

const refresh = createRoute({
  method: 'post',
  path: '/refresh',
  tags: ['auth'],
  summary: 'Rotate a refresh token for a new token pair',
  request: { body: jsonBody(RefreshBody) },
  responses: { 200: jsonContent(TokenPairSchema, 'New token pair'), ...errorResponses(400, 401) },
})

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'Revoke a refresh token',
  request: { body: jsonBody(RefreshBody) },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(400) },
})

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in account',
  security: [{ Bearer: [] }],
  responses: { 200: jsonContent(z.object({ user: PublicUserSchema }), 'The account'), ...errorResponses(401) },
})

const EraseBody = z
  .object({ password: z.string().min(1).max(256).describe('The account’s password, entered again') })
  .strict()
  .openapi('EraseAccountRequest')

const ErasureSchema = z
  .object({
    erasure: z.object({
      account_id: z.string(),
      requested_at: z.string(),
      status: z
        .enum(['deleting', 'completed'])
        .describe('`deleting` while the last pass over the stored rows is pending; nothing is readable either way'),
    }),
  })
  .openapi('AccountErasure')

const eraseMe = createRoute({
  method: 'delete',
  path: '/me',
  tags: ['auth'],
  summary: 'Erase this account and all its data for good (the right to be forgotten)',
  description:
    'The password is entered again. For a patient, their data key is destroyed first (after which ' +
    'nothing of theirs can be read, from backups either), then every row is deleted: events, ' +
    'conversations, recall memories, caregiver links and invitations, deliveries, tokens and the ' +
    'account. Caregivers lose access at once. Only a record of the account id and the time is ' +
    'kept. For a caregiver, the account, links and deliveries go. There is no undo.',
  security: [{ Bearer: [] }],
  request: { body: jsonBody(EraseBody) },
  responses: { 202: jsonContent(ErasureSchema, 'Erased; the last pass over stored rows may still be pending'), ...errorResponses(400, 401, 403, 429) },
})

const ForgotBody = z.object({ email: z.string().trim().min(1).max(254) }).strict().openapi('ForgotPasswordRequest')
const ResetBody = z
  .object({
    token: z.string().min(20).max(128).describe('The code from the e-mail'),
    password: z.string().min(1).max(256).describe('The new password: at least 10 characters, not a common password'),
  })
  .strict()
  .openapi('ResetPasswordRequest')

const forgot = createRoute({
  method: 'post',
  path: '/password/forgot',
  tags: ['auth'],
  summary: 'E-mail a single-use code to reset the password (always 202)',
  description:
    'The same 202 whether or not the address has an account, so it cannot be used to find accounts. ' +
    'The code works once, for 15 minutes; a newer request voids the older one. At most 3 requests an ' +
    'hour for one address from one IP, 5 for one address, 20 from one IP (429 with Retry-After).',
  request: { body: jsonBody(ForgotBody) },
  responses: {
    202: jsonContent(z.object({ status: z.literal('accepted') }), 'If the address has an account, a code is on its way'),
    ...errorResponses(400, 429),
  },
})

const resetPassword = createRoute({
  method: 'post',
  path: '/password/reset',
  tags: ['auth'],
  summary: 'Set a new password with the e-mailed code; signs the account out everywhere',
  request: { body: jsonBody(ResetBody) },
  responses: { 204: { description: 'Password set; every refresh token revoked' }, ...errorResponses(400, 429) },
})

export function authRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })

  app.openapi(register, async (c) => c.json(await s.auth.register(c.req.valid('json'), clientIp(c, s.config.TRUST_PROXY)), 201))

  app.openapi(login, async (c) => c.json(await s.auth.login(c.req.valid('json'), clientIp(c, s.config.TRUST_PROXY)), 200))

  app.openapi(refresh, async (c) => c.json(await s.auth.refresh(c.req.valid('json').refresh_token), 200))

  app.openapi(logout, async (c) => {
    await s.auth.logout(c.req.valid('json').refresh_token)
    return c.body(null, 204)
  })

  app.openapi(forgot, async (c) => {
    s.passwordReset.request(c.req.valid('json').email, clientIp(c, s.config.TRUST_PROXY))
    return c.json({ status: 'accepted' as const }, 202)
  })

  app.openapi(resetPassword, async (c) => {
    const { token, password } = c.req.valid('json')
    await s.passwordReset.reset(token, password, clientIp(c, s.config.TRUST_PROXY))
    return c.body(null, 204)
  })

  app.use('/me', s.requireAuth)
  app.openapi(me, async (c) => {
    const user = await s.auth.getUser(c.get('user').id)
    if (!user) throw notFound('Account')
    return c.json({ user }, 200)
  })

  app.openapi(eraseMe, async (c) => {
    const ip = clientIp(c, s.config.TRUST_PROXY)
    const user = await s.auth.confirmPassword(c.get('user').id, c.req.valid('json').password, ip)
    return c.json({ erasure: await s.erasure.erase(user) }, 202)
  })

  return app
}
