import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { EventConflictError, type HealthEvent } from '../../memory/event-store.js'
import { HealthEventSchema } from '../events/event-schemas.js'
import type { AuthUser } from '../auth/auth-user.js'
import type { AppEnv } from '../http/app-env.js'
import { forbidden, notFound } from '../../core/errors.js'
import { errorResponses, jsonContent, validationHook } from '../http/openapi.js'
import type { Services } from '../services.js'
import { needs } from './sharing.js'

const AlertParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'The alert event’s id, as delivered' }),
})

const ack = createRoute({
  tags: ['patients'],
  security: [{ Bearer: [] }],
  method: 'post',
  path: '/{id}/ack',
  summary: 'Acknowledge an alert (the patient or a linked caregiver); the first acknowledgement stands',
  description: 'Recorded as a new version of the alert event with `acknowledged_by` and `acknowledged_at`.',
  request: { params: AlertParam },
  responses: {
    200: jsonContent(z.object({ alert: HealthEventSchema }), 'The alert as it is now'),
    ...errorResponses(401, 403, 404),
  },
})

/** The current version of an alert by its id as delivered (later versions keep the first id in their entity). */
async function currentAlert(s: Services, patientId: string, id: string): Promise<HealthEvent | undefined> {
  const direct = await s.events.get(patientId, id)
  if (direct) return direct.kind === 'alert' ? direct : undefined
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const last = (await s.events.history(patientId, `alert:${id}`)).at(-1)
  return last && !last.tombstone ? (last as unknown as HealthEvent) : undefined
}

/** Whose alert it is, among the patients the viewer may see; the same 404 for every other case. */
async function findAlert(s: Services, viewer: AuthUser, id: string): Promise<HealthEvent> {
  if (viewer.role === 'admin') throw forbidden('Admin accounts do not read patient health data')
  const patients =
    viewer.role === 'patient'
      ? [viewer.id]
      : (await s.care.listLinkedPatients(viewer.id)).filter((p) => p.sharing.includes('alerts')).map((p) => p.id)
  for (const patientId of patients) {
    const alert = await currentAlert(s, patientId, id)
    if (alert) return alert
  }
  throw notFound('Alert')
}

/** `/api/v1/alerts/{id}/ack`. */
export function alertRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use('*', s.requireAuth)

  app.openapi(ack, async (c) => {
    const viewer = c.get('user')
    const alert = await findAlert(s, viewer, c.req.valid('param').id)
    await s.care.readScope(viewer, alert.user_id, 'alerts', c.get('requestId'), needs('alerts'))
    if (alert.payload.acknowledged_at) return c.json({ alert }, 200)
    const payload = { ...alert.payload, acknowledged_by: viewer.id, acknowledged_at: s.caregiving.now().toISOString() }
    try {
      return c.json({ alert: await s.events.correct(alert.user_id, alert.id, { payload, source: 'api' }) }, 200)
    } catch (err) {
      // Acknowledged by someone else a moment earlier: theirs stands.
      if (!(err instanceof EventConflictError)) throw err
      return c.json({ alert: (await currentAlert(s, alert.user_id, alert.id))! }, 200)
    }
  })

  return app
}
