import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import type { AppEnv } from '../http/app-env.js'
import { PoddError, notFound } from '../../core/errors.js'
import { errorResponses, jsonBody, jsonContent, validationHook } from '../http/openapi.js'
import type { Services } from '../services.js'

const base64url = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'must be base64url')
    .refine((v) => Buffer.from(v, 'base64url').length === bytes, `must encode ${bytes} bytes`)

/** A push endpoint on one of the configured push services (no other host is ever POSTed to). */
const endpoint = (hosts: readonly string[]) =>
  z
    .url()
    .max(2048)
    .refine((raw) => {
      if (!URL.canParse(raw)) return false
      const url = new URL(raw)
      const host = url.hostname.toLowerCase()
      return url.protocol === 'https:' && hosts.some((h) => host === h || host.endsWith(`.${h}`))
    }, 'must be an https URL of a known push service')

const unavailable = () => new PoddError('SERVICE_UNAVAILABLE', 'Web Push is not configured on this server')

/** `/api/v1/push`: Web Push subscriptions of the signed-in account (patient or caregiver). */
export function pushRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use('*', s.requireAuth)
  const hosts = s.config.PUSH_ENDPOINT_HOSTS
  const SubscriptionBody = z
    .object({
      endpoint: endpoint(hosts),
      expirationTime: z.number().nullable().optional(),
      keys: z.strictObject({ p256dh: base64url(65).describe('The browser’s P-256 public key'), auth: base64url(16) }),
    })
    .openapi('PushSubscription')
  const common = { tags: ['push'], security: [{ Bearer: [] }] }

  const publicKey = createRoute({
    ...common,
    method: 'get',
    path: '/public-key',
    summary: 'The VAPID public key a browser subscribes with (applicationServerKey)',
    responses: {
      200: jsonContent(z.object({ public_key: z.string() }), 'The key, base64url'),
      ...errorResponses(401, 503),
    },
  })

  const subscribe = createRoute({
    ...common,
    method: 'post',
    path: '/subscriptions',
    summary: 'Save this browser’s push subscription (PushSubscription.toJSON()) for the signed-in account',
    description: 'Subscribing an endpoint again, from any account, moves it to that account.',
    request: { body: jsonBody(SubscriptionBody) },
    responses: {
      201: jsonContent(z.object({ subscription: z.object({ id: z.string(), endpoint: z.string(), created_at: z.string() }) }), 'Saved'),
      ...errorResponses(400, 401, 503),
    },
  })

  const unsubscribe = createRoute({
    ...common,
    method: 'delete',
    path: '/subscriptions',
    summary: 'Remove one of the account’s push subscriptions by its endpoint',
    request: { body: jsonBody(z.strictObject({ endpoint: z.string().max(2048) }).openapi('PushUnsubscribe')) },
    responses: { 204: { description: 'Removed' }, ...errorResponses(400, 401, 404) },
  })

  app.openapi(publicKey, (c) => {
    if (!s.caregiving.vapidPublicKey) throw unavailable()
    return c.json({ public_key: s.caregiving.vapidPublicKey }, 200)
  })

  app.openapi(subscribe, async (c) => {
    if (!s.caregiving.vapidPublicKey) throw unavailable()
    const { endpoint: url, keys } = c.req.valid('json')
    const saved = await s.caregiving.push.save(c.get('user').id, { endpoint: url, keys })
    return c.json({ subscription: { id: saved.id, endpoint: saved.endpoint, created_at: saved.created_at } }, 201)
  })

  app.openapi(unsubscribe, async (c) => {
    if (!(await s.caregiving.push.remove(c.get('user').id, c.req.valid('json').endpoint))) throw notFound('Push subscription')
    return c.body(null, 204)
  })

  return app
}
