import type { DataKey } from './encryption/patient-keys.js'
import type { EventKind } from './event-kinds.js'

/**
 * The payload fields a query may filter on. Payloads are sealed, so SQL cannot read them; each
 * of these fields is also stored as a keyed hash (`lookup_tags`) that an equality filter
 * compares against. A new filter needs its field here (and a reindex of older events: see
 * `encrypt-legacy.ts`, which recomputes tags).
 */
export const LOOKUP_FIELDS: Partial<Record<EventKind, readonly string[]>> = {
  chat: ['thread_id'],
  summary: ['date', 'caregiver_id'],
  alert: ['condition'],
}

const FILTERABLE = new Set(Object.values(LOOKUP_FIELDS).flat())

/** A payload filter on a field that has no lookup tag: a programming error, not a user's. */
export class UnfilterableFieldError extends Error {
  override name = 'UnfilterableFieldError'
}

const tagText = (field: string, value: string) => `${field}\u0000${value}`

/** The tags of an event's payload, or null when its kind has no filterable fields. */
export function lookupTagsOf(key: DataKey, kind: EventKind, payload: Record<string, unknown>): string[] | null {
  const fields = LOOKUP_FIELDS[kind]
  if (!fields) return null
  const tags = fields.flatMap((f) => {
    const v = payload[f]
    return typeof v === 'string' || typeof v === 'number' ? [key.tag(tagText(f, String(v)))] : []
  })
  return tags.length ? tags : null
}

/** Refuses a filter on a payload field without lookup tags (every store, so tests meet it too). */
export function assertFilterable(equals: Record<string, string>): void {
  for (const field of Object.keys(equals)) {
    if (!FILTERABLE.has(field)) {
      throw new UnfilterableFieldError(`payload field ${field} cannot be filtered on; add it to LOOKUP_FIELDS`)
    }
  }
}

/** The tags an event must carry to match `field = value` for each filter. */
export function lookupTagsFor(key: DataKey, equals: Record<string, string>): string[] {
  assertFilterable(equals)
  return Object.entries(equals).map(([field, value]) => key.tag(tagText(field, value)))
}
