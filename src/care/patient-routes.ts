import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { addDays, insightsFor, patientToday, requestedPeriod } from '../../memory/insights.js'
import { DateRangeQuery, EventListQuery, EventPageSchema, HealthEventSchema, InsightsSchema, LocalDate } from '../events/event-schemas.js'
import type { AppEnv } from '../http/app-env.js'
import { badRequest, forbidden } from '../../core/errors.js'
import { errorResponses, jsonBody, jsonContent, validationHook } from '../http/openapi.js'
import type { Services } from '../services.js'
import { SHARING_CATEGORIES, needs, scopedInsights, visibleKinds } from './sharing.js'

const PatientParam = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, description: 'The patient’s user id' }),
})

const AlertListQuery = EventListQuery.omit({ kind: true })

const SummaryListQuery = z.object({
  date: LocalDate.optional().describe('The patient’s local date; all dates when absent'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
})

const GenerateSummaryBody = z
  .object({ date: LocalDate.describe('The patient’s local date, today or earlier') })
  .strict()
  .openapi('GenerateSummaryRequest')

const HeartbeatBody = z
  .strictObject({
    app_version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.+_-]{0,31}$/, 'Use a version such as 1.4.2').openapi({ example: '1.4.2' }),
    device: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'Use a short device kind such as web, android, ios or watch')
      .openapi({ example: 'web' }),
  })
  .openapi('Heartbeat')

const ActivitySchema = z
  .object({
    patient_id: z.string(),
    timezone: z.string(),
    last_seen_at: z.iso.datetime().nullable(),
    last_heartbeat: z.object({ at: z.iso.datetime(), device: z.string(), app_version: z.string() }).nullable(),
    last_event: z.object({ kind: z.string(), occurred_at: z.iso.datetime(), recorded_at: z.iso.datetime() }).nullable(),
    waking_hours_since_last_seen: z.number().nullable(),
    heartbeats_by_day: z.array(
      z.object({
        date: z.iso.date(),
        count: z.number().int(),
        devices: z.array(
          z.object({ device: z.string(), app_version: z.string(), count: z.number().int(), first_at: z.string(), last_at: z.string() }),
        ),
      }),
    ),
  })
  .openapi('PatientActivity')

const common = { tags: ['patients'], security: [{ Bearer: [] }] }
const readErrors = errorResponses(400, 401, 403, 404)
const CARE_NOTE = 'The patient, or a linked caregiver (each caregiver read is in the patient’s access log).'

const events = createRoute({
  ...common,
  method: 'get',
  path: '/{id}/events',
  summary: 'A patient’s current events, newest first',
  description: CARE_NOTE,
  request: { params: PatientParam, query: EventListQuery },
  responses: { 200: jsonContent(EventPageSchema, 'A page of events'), ...readErrors },
})

/** Insights as a caregiver gets them: the sections the patient does not share with them are null. */
const { days, vitals, nutrition, medication, missing_readings } = InsightsSchema.shape
const SharedInsightsSchema = InsightsSchema.extend({
  vitals: vitals.nullable(),
  nutrition: nutrition.nullable(),
  medication: medication.nullable(),
  missing_readings: missing_readings.nullable(),
  days: z.array(
    z.object({
      date: z.string(),
      ...Object.fromEntries(
        Object.entries(days.element.shape)
          .filter(([k]) => k !== 'date')
          .map(([k, v]) => [k, (v as z.ZodType).nullable()]),
      ),
    }),
  ),
  not_shared: z
    .array(z.enum(SHARING_CATEGORIES))
    .optional()
    .describe('The categories the patient does not share with this caregiver; their sections are null'),
}).openapi('PatientInsights')

const insights = createRoute({
  ...common,
  method: 'get',
  path: '/{id}/insights',
  summary: 'A patient’s aggregates over local days',
  description: CARE_NOTE,
  request: { params: PatientParam, query: DateRangeQuery },
  responses: {
    200: jsonContent(SharedInsightsSchema, 'Insights'),
    ...readErrors,
  },
})

const alerts = createRoute({
  ...common,
  method: 'get',
  path: '/{id}/alerts',
  summary: 'A patient’s alerts, newest first (acknowledged ones carry who and when)',
  description: CARE_NOTE,
  request: { params: PatientParam, query: AlertListQuery },
  responses: { 200: jsonContent(EventPageSchema, 'A page of alert events'), ...readErrors },
})

const listSummaries = createRoute({
  ...common,
  method: 'get',
  path: '/{id}/summaries',
  summary: 'Daily summaries: a caregiver sees their own, the patient all',
  description: CARE_NOTE,
  request: { params: PatientParam, query: SummaryListQuery },
  responses: { 200: jsonContent(EventPageSchema, 'A page of summary events, newest first'), ...readErrors },
})

const generateSummary = createRoute({
  ...common,
  method: 'post',
  path: '/{id}/summaries',
  summary: 'Generate the daily summary of a date now (idempotent per patient, caregiver and date)',
  description:
    `${CARE_NOTE} A caregiver gets their own summary, the patient one of their own. A summary ` +
    'of a day not over yet is brought up to date on each request; a finished day’s is returned as it is.',
  request: { params: PatientParam, body: jsonBody(GenerateSummaryBody) },
  responses: {
    201: jsonContent(z.object({ summary: HealthEventSchema }), 'Generated'),
    200: jsonContent(z.object({ summary: HealthEventSchema }), 'Already there (or brought up to date)'),
    ...readErrors,
  },
})

const heartbeat = createRoute({
  ...common,
  method: 'post',
  path: '/{id}/heartbeat',
  summary: 'The patient’s app or device says it is in use (the web app sends one while open)',
  description: 'Only the patient themself. Feeds `activity` and the caregivers’ inactivity alert.',
  request: { params: PatientParam, body: jsonBody(HeartbeatBody) },
  responses: {
    200: jsonContent(z.object({ received_at: z.iso.datetime(), date: z.iso.date() }), 'Recorded, on the patient’s local date'),
    ...errorResponses(400, 401, 403, 404),
  },
})

const activity = createRoute({
  ...common,
  method: 'get',
  path: '/{id}/activity',
  summary: 'When the patient was last seen: last heartbeat, last event, heartbeats by day (7 days)',
  description: CARE_NOTE,
  request: { params: PatientParam },
  responses: { 200: jsonContent(ActivitySchema, 'Activity'), ...readErrors },
})

/**
 * `/api/v1/patients/{id}/…`: what a linked caregiver may read of a patient (and the patient of
 * themself). Nothing here writes health data; writes to these paths are refused.
 */
export function patientRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use('*', s.requireAuth)
  const refuse = () => {
    throw forbidden('Caregivers only read a patient’s data; the patient records their own through /api/v1/events')
  }
  for (const path of ['/:id/events', '/:id/events/*', '/:id/insights', '/:id/alerts', '/:id/alerts/*', '/:id/activity']) {
    app.on(['POST', 'PUT', 'PATCH', 'DELETE'], path, refuse)
  }
  app.on(['PUT', 'PATCH', 'DELETE'], ['/:id/summaries', '/:id/summaries/*'], refuse)

  app.openapi(heartbeat, async (c) => {
    const { id } = c.req.valid('param')
    s.care.assertIsPatientSelf(c.get('user'), id)
    return c.json(await s.caregiving.activity.heartbeat(id, c.req.valid('json'), s.caregiving.now()), 200)
  })

  app.openapi(activity, async (c) => {
    const { id } = c.req.valid('param')
    await s.care.assertCanRead(c.get('user'), id, 'activity', c.get('requestId'))
    return c.json(await s.caregiving.activity.activity(id, s.caregiving.now()), 200)
  })

  app.openapi(events, async (c) => {
    const { id } = c.req.valid('param')
    const q = c.req.valid('query')
    // Only the kinds the patient shares with this caregiver; asking for another is refused.
    const scope = await s.care.readScope(c.get('user'), id, 'events', c.get('requestId'), (sc) => void visibleKinds(sc, q.kind))
    const kinds = visibleKinds(scope, q.kind)
    const page = await s.events.list(id, { kinds, from: q.from, to: q.to, limit: q.limit, cursor: q.cursor })
    return c.json(page, 200)
  })

  app.openapi(insights, async (c) => {
    const { id } = c.req.valid('param')
    const scope = await s.care.readScope(c.get('user'), id, 'insights', c.get('requestId'))
    const q = c.req.valid('query')
    const { date: today, timezone } = await patientToday(s.events, id, s.caregiving.now())
    const { from, to } = requestedPeriod(q, today)
    // A caregiver gets the sections the patient shares with them; the rest are null.
    const result = scopedInsights(scope, await insightsFor(s.events, id, { from, to, timezone }, s.caregiving.now()))
    return c.json(result, 200)
  })

  app.openapi(alerts, async (c) => {
    const { id } = c.req.valid('param')
    await s.care.readScope(c.get('user'), id, 'alerts', c.get('requestId'), needs('alerts'))
    const q = c.req.valid('query')
    const page = await s.events.list(id, { kinds: ['alert'], from: q.from, to: q.to, limit: q.limit, cursor: q.cursor })
    return c.json(page, 200)
  })

  app.openapi(listSummaries, async (c) => {
    const { id } = c.req.valid('param')
    const viewer = c.get('user')
    await s.care.readScope(viewer, id, 'summaries', c.get('requestId'), needs('daily_summaries'))
    const q = c.req.valid('query')
    const payloadEquals: Record<string, string> = {}
    if (q.date) payloadEquals.date = q.date
    if (viewer.role === 'caregiver') payloadEquals.caregiver_id = viewer.id
    return c.json(await s.events.list(id, { kinds: ['summary'], payloadEquals, limit: q.limit, cursor: q.cursor }), 200)
  })

  app.openapi(generateSummary, async (c) => {
    const { id } = c.req.valid('param')
    const viewer = c.get('user')
    const scope = await s.care.readScope(viewer, id, 'summaries', c.get('requestId'), needs('daily_summaries'))
    const { date } = c.req.valid('json')
    const { date: today, timezone } = await patientToday(s.events, id, s.caregiving.now())
    if (date > today) throw badRequest(`${date} has not begun yet for the patient (today is ${today})`)
    if (date < addDays(today, -366)) throw badRequest('Summaries go back at most a year')
    const caregiverId = viewer.role === 'caregiver' ? viewer.id : null
    const language = (await s.preferences.getPreferences(viewer.id)).language
    const shared = scope.self ? undefined : [...scope.shared]
    const { event, created } = await s.caregiving.summaries.ensure(id, caregiverId, date, { language, timezone, shared })
    return c.json({ summary: event }, created ? 201 : 200)
  })

  return app
}
