import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { HealthEventSchema } from '../events/event-schemas.js'
import type { AuthUser } from '../auth/auth-user.js'
import type { AppEnv } from '../http/app-env.js'
import { forbidden } from '../../core/errors.js'
import { errorResponses, jsonBody, jsonContent, validationHook } from '../http/openapi.js'
import type { Services } from '../services.js'
import { DOSE_ACTIONS } from './reminders/reminder-texts.js'

export const PatientNotificationSchema = z
  .object({
    id: z.uuid().describe('The notification event’s id'),
    kind: z.enum(['dose_reminder', 'appointment_reminder', 'refill_reminder']),
    title: z.string(),
    body: z.string(),
    medication_id: z.string().optional().describe('The medicine (`medication:<id>`) of a dose or refill reminder'),
    slot: z.iso.datetime().optional().describe('The scheduled instant of the dose (UTC)'),
    actions: z.array(z.enum(DOSE_ACTIONS)).describe('What can be answered now'),
    created_at: z.iso.datetime(),
    status: z
      .enum(['open', 'answered', 'snoozed', 'missed', 'info'])
      .describe('open: waiting for an answer; snoozed: asked again later; missed: its window closed; info: nothing to answer'),
    response: z.enum(DOSE_ACTIONS).nullable(),
    responded_at: z.iso.datetime().nullable(),
    late: z.boolean().describe('Sent after its time (the service was down), while the dose window was still open'),
  })
  .openapi('PatientNotification')

const NotificationParam = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, description: 'The notification’s id' }),
})

const ListQuery = z.object({
  status: z.enum(['open', 'all']).default('all').describe('open: only those still waiting for an answer'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(300).optional(),
})

const RespondBody = z
  .strictObject({
    action: z.enum(DOSE_ACTIONS),
    minutes: z.union([z.literal(10), z.literal(30)]).optional().describe('Snooze only: ask again in 10 (default) or 30 minutes'),
  })
  .refine((b) => b.minutes === undefined || b.action === 'snooze', { path: ['minutes'], message: 'minutes go with snooze only' })
  .openapi('NotificationResponse')

const common = { tags: ['notifications'], security: [{ Bearer: [] }] }

const list = createRoute({
  ...common,
  method: 'get',
  path: '/',
  summary: 'The caller’s own notifications (reminders), newest first, with their status',
  description:
    'What arrived while the patient was away. The same notifications are pushed live on `/api/v1/ws` as ' +
    '`{"type":"notification","notification":{…}}` frames, and on Web Push and the patient’s other channels.',
  request: { query: ListQuery },
  responses: {
    200: jsonContent(
      z.object({ notifications: z.array(PatientNotificationSchema), next_cursor: z.string().nullable() }),
      'A page of notifications',
    ),
    ...errorResponses(400, 401, 403),
  },
})

const respond = createRoute({
  ...common,
  method: 'post',
  path: '/{id}/respond',
  summary: 'Answer a dose reminder: taken, skip, or snooze for 10 or 30 minutes',
  description:
    'Taken and skip record the dose against the reminder’s slot (`med_dose` with `scheduled_for`); answering ' +
    'again changes that dose. Snooze sends the reminder again later. A dose recorded missed can still be answered taken.',
  request: { params: NotificationParam, body: jsonBody(RespondBody) },
  responses: {
    200: jsonContent(
      z.object({ notification: PatientNotificationSchema, dose: HealthEventSchema.optional() }),
      'The notification as it is now, and the dose recorded',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const patientOnly = (user: AuthUser) => {
  if (user.role !== 'patient') throw forbidden('Notifications here are a patient’s own reminders')
}

/** `/api/v1/notifications`: the patient's reminders and their answers. */
export function notificationRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use('*', s.requireAuth)

  app.openapi(list, async (c) => {
    const user = c.get('user')
    patientOnly(user)
    return c.json(await s.caregiving.inbox.list(user.id, c.req.valid('query')), 200)
  })

  app.openapi(respond, async (c) => {
    const user = c.get('user')
    patientOnly(user)
    const { id } = c.req.valid('param')
    const { notification, dose } = await s.caregiving.doses.respond(user.id, id, c.req.valid('json'), s.caregiving.now())
    return c.json({ notification, ...(dose ? { dose } : {}) } as never, 200)
  })

  return app
}
