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

export const DoseSchema = z.object({
  medication_id: z.string(),
  medication_name: z.string(),
  dosage: z.string().nullable(),
  date: z.string(),
  time_of_day: z.string(),
  scheduled_for: z.string(),
  status: z.enum(['taken', 'missed', 'skipped', 'due']),
  dose_event_id: z.string().nullable(),
  taken_at: z.string().nullable(),
  reason: z.string().nullable(),
})

const NumericStatsSchema = z.object({
  count: z.number().int(),
  latest: z.object({ value: z.number(), at: z.string(), category: z.string().optional() }).nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
  categories: z.record(z.string(), z.number().int()).describe('Readings per clinical category'),
})

const Pressure = z.object({ systolic: z.number(), diastolic: z.number() })

/** memory/insights.ts `Insights`, for the OpenAPI document. */
export const InsightsSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string(), timezone: z.string() }),
    vitals: z.object({
      blood_pressure: z.object({
        count: z.number().int(),
        latest: Pressure.extend({ at: z.string(), category: z.string().optional() }).nullable(),
        min: Pressure.nullable(),
        max: Pressure.nullable(),
        mean: Pressure.nullable(),
        categories: z.record(z.string(), z.number().int()),
      }),
      heart_rate: NumericStatsSchema,
      blood_sugar: NumericStatsSchema,
      temperature: NumericStatsSchema,
      spo2: NumericStatsSchema,
      weight_kg: NumericStatsSchema,
    }),
    days: z.array(
      z.object({
        date: z.string(),
        calories: z.number(),
        meals: z.number().int(),
        water_ml: z.number(),
        readings: z.number().int(),
        doses: z.object({ scheduled: z.number(), taken: z.number(), missed: z.number(), skipped: z.number(), due: z.number() }),
      }),
    ),
    nutrition: z.object({
      total_calories: z.number(),
      mean_daily_calories: z.number(),
      total_water_ml: z.number(),
      mean_daily_water_ml: z.number(),
    }),
    medication: z.object({
      scheduled: z.number(),
      taken: z.number(),
      missed: z.number(),
      skipped: z.number(),
      due: z.number(),
      adherence_pct: z.number().nullable().describe('Taken ÷ doses whose hour has passed; null when none has'),
      doses: z.array(DoseSchema),
    }),
    missing_readings: z.object({
      days_without_readings: z.array(z.string()),
      current_streak_days: z.number().int(),
      longest_streak_days: z.number().int(),
    }),
  })
  .openapi('Insights')
