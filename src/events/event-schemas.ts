import { z } from '@hono/zod-openapi'
import { EVENT_KINDS, SOURCES, type EventKind } from '../../memory/event-kinds.js'

/** A health event in API responses. */
export const HealthEventSchema = z
  .object({
    id: z.string(),
    user_id: z.string(),
    kind: z.enum(EVENT_KINDS as [EventKind, ...EventKind[]]),
    context_id: z.string().openapi({ example: 'vitals:01a1ffbd-4e84-7000-976a-3d4b45ae3418' }),
    event_kind: z.enum(['fact', 'action']),
    payload: z.record(z.string(), z.unknown()),
    flags: z.record(z.string(), z.unknown()).nullable().describe('Clinical classification of vitals'),
    occurred_at: z.string(),
    recorded_at: z.string(),
    source: z.enum(SOURCES),
    supersedes: z.string().nullable(),
    idempotency_key: z.string().nullable(),
  })
  .openapi('HealthEvent')

const kindList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined
    const kinds = v.split(',').map((k) => k.trim()).filter(Boolean)
    const unknown = kinds.filter((k) => !EVENT_KINDS.includes(k as EventKind))
    if (unknown.length) {
      ctx.addIssue({ code: 'custom', message: `unknown kind ${unknown.join(', ')}; known: ${EVENT_KINDS.join(', ')}` })
      return z.NEVER
    }
    return kinds as EventKind[]
  })
  .openapi({ param: { name: 'kind', in: 'query' }, example: 'vitals,food', description: 'Kinds, comma-separated' })

const instant = z.iso.datetime({ offset: true }).optional()

/** `?kind=&from=&to=&limit=&cursor=` for event lists (own history and a caregiver's read). */
export const EventListQuery = z.object({
  kind: kindList,
  from: instant.describe('Inclusive, ISO 8601 date-time'),
  to: instant.describe('Exclusive, ISO 8601 date-time'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
})

export const EventPageSchema = z
  .object({ events: z.array(HealthEventSchema), next_cursor: z.string().nullable() })
  .openapi('EventPage')

/** `?from=&to=` as local dates of the patient; both included. */
export const DateRangeQuery = z
  .object({
    from: z.iso.date().optional().describe('First local date, default six days before today'),
    to: z.iso.date().optional().describe('Last local date, default today'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) <= 366, { message: 'at most 366 days at a time', path: ['to'] })

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000
}
