import { z } from '@hono/zod-openapi'
import { EVENT_KINDS, SOURCES, type EventKind } from '../../memory/event-kinds.js'
import { MAX_INSIGHT_DAYS } from '../../memory/insights.js'
import { daysBetween, FIRST_DATE, isAcceptedDate, isAcceptedInstant, LAST_DATE } from '../../memory/local-time.js'

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

/**
 * The kinds a list returns when none is asked for: every kind but `chat`, whose records (two a
 * turn) would otherwise bury the health events. `kind=chat` lists them.
 */
export const DEFAULT_LIST_KINDS: EventKind[] = EVENT_KINDS.filter((k) => k !== 'chat')

const kindList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return DEFAULT_LIST_KINDS
    const kinds = v.split(',').map((k) => k.trim()).filter(Boolean)
    const unknown = kinds.filter((k) => !EVENT_KINDS.includes(k as EventKind))
    if (unknown.length) {
      ctx.addIssue({ code: 'custom', message: `unknown kind ${unknown.join(', ')}; known: ${EVENT_KINDS.join(', ')}` })
      return z.NEVER
    }
    return kinds as EventKind[]
  })
  .openapi({ param: { name: 'kind', in: 'query' }, example: 'vitals,food', description: 'Kinds, comma-separated; default every kind but chat' })

/** A local `YYYY-MM-DD` date in the calendar Podd accepts (1900–2100, memory/local-time.ts). */
export const LocalDate = z.iso.date().refine(isAcceptedDate, { message: `must be a date from ${FIRST_DATE} to ${LAST_DATE}` })

/** An ISO 8601 date-time with its offset, in the years Podd accepts. */
export const Instant = z.iso
  .datetime({ offset: true })
  .refine((v) => isAcceptedInstant(new Date(v)), { message: `must be between ${FIRST_DATE} and ${LAST_DATE}` })

const instant = Instant.optional()

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
    from: LocalDate.optional().describe(`First local date (${FIRST_DATE} to ${LAST_DATE}), default six days before \`to\``),
    to: LocalDate.optional().describe(`Last local date, default today; at most ${MAX_INSIGHT_DAYS} days after \`from\``),
  })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) >= 0, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) < MAX_INSIGHT_DAYS, {
    message: `at most ${MAX_INSIGHT_DAYS} days at a time`,
    path: ['to'],
  })
