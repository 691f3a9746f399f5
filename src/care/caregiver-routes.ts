import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import { requireRole } from '../auth/require-auth.js'
import type { AppEnv } from '../http/app-env.js'
import { clientIp } from '../http/client-ip.js'
import { errorResponses, jsonBody, jsonContent, validationHook } from '../http/openapi.js'
import type { Services } from '../services.js'
import { ACCESS_OUTCOMES, CARE_RESOURCES } from './care-links.js'
import { SHARING_CATEGORIES } from './sharing.js'
import { isWellFormedInvitationCode } from './invitation-code.js'

const PersonSchema = z.object({ id: z.string(), name: z.string() }).openapi('Person')

const CareLinkSchema = z
  .object({ id: z.string(), patient: PersonSchema, caregiver: PersonSchema, created_at: z.string() })
  .openapi('CareLink')

const NewInvitationSchema = z
  .object({
    id: z.string(),
    code: z
      .string()
      .openapi({ example: 'K7QX-M2PD-9RTW' })
      .describe('Give this to the caregiver; it is shown only once'),
    expires_at: z.string(),
  })
  .openapi('NewCaregiverInvitation')

const OpenInvitationSchema = z
  .object({ id: z.string(), created_at: z.string(), expires_at: z.string() })
  .openapi('OpenCaregiverInvitation')

const SharingCategorySchema = z.enum(SHARING_CATEGORIES).openapi('SharingCategory')

const LinkedPatientSchema = z
  .object({
    link_id: z.string(),
    id: z.string(),
    name: z.string(),
    linked_at: z.string(),
    sharing: z.array(SharingCategorySchema).describe('What the patient shares over this link'),
  })
  .openapi('LinkedPatient')

const LinkSharingSchema = z
  .object({
    link_id: z.string(),
    categories: z.array(SharingCategorySchema),
    changes: z
      .array(z.object({ categories: z.array(SharingCategorySchema), changed_at: z.string() }))
      .describe('Every change the patient made, newest first'),
  })
  .openapi('LinkSharing')

const SharingBody = z
  .object({
    categories: z
      .array(SharingCategorySchema)
      .max(SHARING_CATEGORIES.length)
      .describe('Everything shared over the link (the rest is not); `chat_transcripts` is off unless listed'),
  })
  .strict()
  .openapi('SetLinkSharing')

const LinkedCaregiverSchema = LinkedPatientSchema.extend({ email: z.string() }).openapi('LinkedCaregiver')

const AccessLogPageSchema = z
  .object({
    entries: z.array(
      z.object({
        id: z.number().int(),
        caregiver: z.object({ id: z.string(), name: z.string().nullable() }),
        resource: z.enum(CARE_RESOURCES),
        accessed_at: z.string(),
        request_id: z.string().nullable(),
        outcome: z.enum(ACCESS_OUTCOMES).describe('`read`, or `refused` when what was asked for is not shared with the caregiver'),
      }),
    ),
    next_cursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
  })
  .openapi('CaregiverAccessLogPage')

const AcceptInvitationBody = z
  .object({
    code: z
      .string()
      .max(64)
      .refine(isWellFormedInvitationCode, 'An invitation code has 12 letters and digits, like K7QX-M2PD-9RTW'),
  })
  .openapi('AcceptCaregiverInvitation')

const IdParams = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) })

const AccessLogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(512).optional(),
})

const forPatients = requireRole('patient')
const forCaregivers = requireRole('caregiver')
const common = { tags: ['caregivers'], security: [{ Bearer: [] }] }

const createInvitation = createRoute({
  ...common,
  method: 'post',
  path: '/invitations',
  summary: 'Invite a caregiver: a single-use code valid for 72 hours (patients)',
  middleware: [forPatients],
  responses: {
    201: jsonContent(NewInvitationSchema, 'The code to give the caregiver'),
    ...errorResponses(401, 403, 409),
  },
})

const listInvitations = createRoute({
  ...common,
  method: 'get',
  path: '/invitations',
  summary: 'Invitations not yet accepted, cancelled or expired (patients)',
  middleware: [forPatients],
  responses: {
    200: jsonContent(z.object({ invitations: z.array(OpenInvitationSchema) }), 'Open invitations, oldest first'),
    ...errorResponses(401, 403),
  },
})

const cancelInvitation = createRoute({
  ...common,
  method: 'delete',
  path: '/invitations/{id}',
  summary: 'Cancel an open invitation (patients)',
  middleware: [forPatients],
  request: { params: IdParams },
  responses: { 204: { description: 'Cancelled' }, ...errorResponses(401, 403, 404) },
})

const acceptInvitation = createRoute({
  ...common,
  method: 'post',
  path: '/links',
  summary: 'Accept an invitation code and become the patient’s caregiver (caregivers)',
  description: 'An unknown, expired, used or cancelled code is a 404 whose `details.reason` says which.',
  middleware: [forCaregivers],
  request: { body: jsonBody(AcceptInvitationBody) },
  responses: {
    201: jsonContent(z.object({ link: CareLinkSchema }), 'Linked'),
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
})

const revokeLink = createRoute({
  ...common,
  method: 'delete',
  path: '/links/{id}',
  summary: 'End a caregiver link (either side)',
  request: { params: IdParams },
  responses: { 204: { description: 'Revoked' }, ...errorResponses(401, 404) },
})

const getSharing = createRoute({
  ...common,
  method: 'get',
  path: '/links/{id}/sharing',
  summary: 'What the patient shares over a link, and its changes (either side)',
  request: { params: IdParams },
  responses: { 200: jsonContent(LinkSharingSchema, 'Shared categories'), ...errorResponses(401, 404) },
})

const setSharing = createRoute({
  ...common,
  method: 'put',
  path: '/links/{id}/sharing',
  summary: 'Choose what a caregiver sees: vitals, food and water, medicines and doses, symptoms and mood, alerts, daily summaries, chat transcripts, the doctor’s report (patients)',
  description:
    'Takes effect at once: the caregiver’s next read, and every alert or summary not yet sent to them. ' +
    'The profile, appointments and emergency contacts are always visible to a linked caregiver. Each change is kept.',
  middleware: [forPatients],
  request: { params: IdParams, body: jsonBody(SharingBody) },
  responses: { 200: jsonContent(LinkSharingSchema, 'Now shared'), ...errorResponses(400, 401, 403, 404) },
})

const listPatients = createRoute({
  ...common,
  method: 'get',
  path: '/patients',
  summary: 'The patients this caregiver is linked to (caregivers)',
  middleware: [forCaregivers],
  responses: {
    200: jsonContent(z.object({ patients: z.array(LinkedPatientSchema) }), 'Linked patients, in link order'),
    ...errorResponses(401, 403),
  },
})

const listCaregivers = createRoute({
  ...common,
  method: 'get',
  path: '/',
  summary: 'The caregivers linked to this patient (patients)',
  middleware: [forPatients],
  responses: {
    200: jsonContent(z.object({ caregivers: z.array(LinkedCaregiverSchema) }), 'Linked caregivers, in link order'),
    ...errorResponses(401, 403),
  },
})

const accessLog = createRoute({
  ...common,
  method: 'get',
  path: '/access-log',
  summary: 'Which caregiver read what of this patient’s data, and when (patients)',
  middleware: [forPatients],
  request: { query: AccessLogQuery },
  responses: { 200: jsonContent(AccessLogPageSchema, 'Newest first'), ...errorResponses(400, 401, 403) },
})

/** Invitations, links and the access log; mounted at `/api/v1/caregivers`. */
export function caregiverRoutes(s: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  app.use('*', s.requireAuth)

  app.openapi(createInvitation, async (c) => c.json(await s.care.createInvitation(c.get('user').id), 201))

  app.openapi(listInvitations, async (c) =>
    c.json({ invitations: await s.care.listOpenInvitations(c.get('user').id) }, 200),
  )

  app.openapi(cancelInvitation, async (c) => {
    await s.care.cancelInvitation(c.get('user').id, c.req.valid('param').id)
    return c.body(null, 204)
  })

  app.openapi(acceptInvitation, async (c) => {
    const ip = clientIp(c, s.config.TRUST_PROXY)
    return c.json({ link: await s.care.acceptInvitation(c.get('user').id, c.req.valid('json').code, ip) }, 201)
  })

  app.openapi(revokeLink, async (c) => {
    await s.care.revokeLink(c.get('user').id, c.req.valid('param').id)
    return c.body(null, 204)
  })

  app.openapi(getSharing, async (c) => c.json(await s.care.sharingOf(c.get('user').id, c.req.valid('param').id), 200))

  app.openapi(setSharing, async (c) =>
    c.json(await s.care.setSharing(c.get('user').id, c.req.valid('param').id, c.req.valid('json').categories), 200),
  )

  app.openapi(listPatients, async (c) => c.json({ patients: await s.care.listLinkedPatients(c.get('user').id) }, 200))

  app.openapi(listCaregivers, async (c) =>
    c.json({ caregivers: await s.care.listLinkedCaregivers(c.get('user').id) }, 200),
  )

  app.openapi(accessLog, async (c) => c.json(await s.care.listAccessLog(c.get('user').id, c.req.valid('query')), 200))

  return app
}
