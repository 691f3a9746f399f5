import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { EVENT_KINDS, ProfilePayload, SYSTEM_ONLY_KINDS, type EventKind, type PayloadOf } from '../../memory/event-kinds.js'
import { correctEvent, removeEvent } from '../../memory/event-edits.js'
import { dosesToday, insightsFor, patientToday, requestedPeriod } from '../../memory/insights.js'
import { saveProfile } from '../../memory/profile-service.js'
import type { RecordWrite } from '../../memory/record-write.js'
import { requireRole } from '../auth/require-auth.js'
import type { AppEnv } from '../http/app-env.js'
import { PoddError, notFound } from '../../core/errors.js'
import { errorResponses, jsonBody, jsonContent, validationHook } from '../http/openapi.js'
import type { Services } from '../services.js'
import { DateRangeQuery, DoseSchema, EventListQuery, EventPageSchema, HealthEventSchema, InsightsSchema, Instant } from './event-schemas.js'

const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) })

const AppendBody = z
  .object({
    kind: z.enum(EVENT_KINDS as [EventKind, ...EventKind[]]),
    payload: z.record(z.string(), z.unknown()).describe("The kind's fields; vitals may name units in `units`"),
    occurred_at: Instant.optional().describe('When it happened; default now'),
  })
  .strict()
  .openapi('AppendEventRequest')

const CorrectBody = z
  .object({ payload: z.record(z.string(), z.unknown()), occurred_at: Instant.optional() })
  .strict()
  .openapi('CorrectEventRequest')

const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ param: { name: 'idempotency-key', in: 'header' }, description: 'A retry with the same key returns the same event' }),
})

const EventResponse = z.object({ event: HealthEventSchema })
const secured = { security: [{ Bearer: [] }], tags: ['events'] }

const append = createRoute({
  method: 'post',
  path: '/events',
  ...secured,
  summary: 'Record a health event',
  request: { body: jsonBody(AppendBody), headers: IdempotencyHeader },
  responses: {
    201: jsonContent(EventResponse, 'Recorded'),
    200: jsonContent(EventResponse, 'Already recorded under this Idempotency-Key'),
    ...errorResponses(400, 401, 403, 409, 413),
  },
})

const list = createRoute({
  method: 'get',
  path: '/events',
  ...secured,
  summary: 'List current events, newest first',
  request: { query: EventListQuery },
  responses: { 200: jsonContent(EventPageSchema, 'A page of events'), ...errorResponses(400, 401) },
})

const get = createRoute({
  method: 'get',
  path: '/events/{id}',
  ...secured,
  summary: 'One current event',
  request: { params: IdParam },
  responses: { 200: jsonContent(EventResponse, 'The event'), ...errorResponses(401, 404) },
})

const history = createRoute({
  method: 'get',
  path: '/events/{id}/history',
  ...secured,
  summary: "Every version of an event's entity, tombstones included",
  request: { params: IdParam },
  responses: {
    200: jsonContent(z.object({ versions: z.array(HealthEventSchema.extend({ tombstone: z.boolean() })) }), 'The audit trail'),
    ...errorResponses(401, 404),
  },
})

const correct = createRoute({
  method: 'patch',
  path: '/events/{id}',
  ...secured,
  summary: 'Correct an event (a new version supersedes it)',
  request: { params: IdParam, body: jsonBody(CorrectBody), headers: IdempotencyHeader },
  responses: { 200: jsonContent(EventResponse, 'The correction'), ...errorResponses(400, 401, 403, 404, 409) },
})

const remove = createRoute({
  method: 'delete',
  path: '/events/{id}',
  ...secured,
  summary: 'Remove an event (a tombstone; history keeps it)',
  request: { params: IdParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 409) },
})

const insights = createRoute({
  method: 'get',
  path: '/insights',
  ...secured,
  tags: ['insights'],
  summary: 'Aggregates over local days: vitals, nutrition, doses, missing readings',
  request: { query: DateRangeQuery },
  responses: { 200: jsonContent(InsightsSchema, 'Insights'), ...errorResponses(400, 401) },
})

const ProfileResponse = z.object({
  profile: ProfilePayload.nullable(),
  updated_at: z.string().nullable(),
})

const getProfile = createRoute({
  method: 'get',
  path: '/profile',
  ...secured,
  tags: ['profile'],
  summary: 'The current profile',
  responses: { 200: jsonContent(ProfileResponse, 'The profile, or null before one is saved'), ...errorResponses(401) },
})

const putProfile = createRoute({
  method: 'put',
  path: '/profile',
  ...secured,
  tags: ['profile'],
  summary: 'Replace the profile (a new version of it)',
  request: { body: jsonBody(ProfilePayload) },
  responses: { 200: jsonContent(ProfileResponse, 'The saved profile'), ...errorResponses(400, 401, 403) },
})

const medsToday = createRoute({
  method: 'get',
  path: '/medications/today',
  ...secured,
  tags: ['medications'],
  summary: "Today's expected doses with their status",
  responses: {
    200: jsonContent(z.object({ date: z.string(), timezone: z.string(), doses: z.array(DoseSchema) }), "Today's doses"),
    ...errorResponses(401),
  },
})

function refuseSystemKinds(kind: EventKind) {
  if (SYSTEM_ONLY_KINDS.has(kind)) {
    throw new PoddError('FORBIDDEN', `${kind} events are written by Podd itself, not through this API`)
  }
}

/** The API's write to the record: the caller's own, keyed by the client's Idempotency-Key. */
const apiWrite = (userId: string, key?: string): RecordWrite => ({ userId, source: 'api', key })

/** A patient's own events, insights, profile and doses. Caregivers read through /patients/:id. */
export function eventsRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  const patientOnly = requireRole('patient')
  for (const path of ['/events', '/events/*', '/insights', '/profile', '/medications/*']) app.use(path, s.requireAuth)
  // Only a patient writes health data; a caregiver's token never does.
  for (const path of ['/events', '/events/*', '/profile']) {
    app.on(['POST', 'PATCH', 'DELETE', 'PUT'], path, patientOnly)
  }

  app.openapi(append, async (c) => {
    const body = c.req.valid('json')
    refuseSystemKinds(body.kind)
    const { event, created } = await s.events.append(c.get('user').id, {
      kind: body.kind,
      payload: body.payload,
      occurred_at: body.occurred_at,
      source: 'api',
      idempotency_key: c.req.valid('header')['idempotency-key'],
    })
    if (!created) c.header('Idempotent-Replayed', 'true')
    return c.json({ event }, created ? 201 : 200)
  })

  app.openapi(list, async (c) => {
    const q = c.req.valid('query')
    const page = await s.events.list(c.get('user').id, { kinds: q.kind, from: q.from, to: q.to, limit: q.limit, cursor: q.cursor })
    return c.json(page, 200)
  })

  app.openapi(get, async (c) => {
    const event = await s.events.get(c.get('user').id, c.req.valid('param').id)
    if (!event) throw notFound('Event')
    return c.json({ event }, 200)
  })

  app.openapi(history, async (c) => {
    const userId = c.get('user').id
    const id = c.req.valid('param').id
    const event = await s.events.get(userId, id)
    if (!event) throw notFound('Event')
    return c.json({ versions: await s.events.history(userId, event.context_id) }, 200)
  })

  app.openapi(correct, async (c) => {
    const body = c.req.valid('json')
    const w = apiWrite(c.get('user').id, c.req.valid('header')['idempotency-key'])
    const event = await correctEvent(s.events, w, c.req.valid('param').id, { payload: body.payload, occurred_at: body.occurred_at })
    return c.json({ event }, 200)
  })

  app.openapi(remove, async (c) => {
    await removeEvent(s.events, apiWrite(c.get('user').id), c.req.valid('param').id)
    return c.body(null, 204)
  })

  app.openapi(insights, async (c) => {
    const userId = c.get('user').id
    const q = c.req.valid('query')
    const { date: today, timezone } = await patientToday(s.events, userId)
    const { from, to } = requestedPeriod(q, today)
    return c.json(await insightsFor(s.events, userId, { from, to, timezone }), 200)
  })

  app.openapi(getProfile, async (c) => {
    const profile = await s.events.latest(c.get('user').id, 'profile')
    return c.json({ profile: profile?.payload ?? null, updated_at: profile?.recorded_at ?? null }, 200)
  })

  app.openapi(putProfile, async (c) => {
    const event = await saveProfile(s.events, apiWrite(c.get('user').id), c.req.valid('json'), 'replace')
    return c.json({ profile: event.payload as PayloadOf<'profile'>, updated_at: event.recorded_at }, 200)
  })

  app.openapi(medsToday, async (c) => c.json(await dosesToday(s.events, c.get('user').id), 200))

  return app
}
