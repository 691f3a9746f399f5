import type { EventKind } from '../../memory/event-kinds.js'
import type { HealthEvent, HealthEventStore } from '../../memory/event-store.js'
import type { AuthDb } from '../auth/auth-db.js'
import type { AccessLogEntry, CareLinks } from '../care/care-links.js'

/** Everything an export is made of: the account, the current events, and who read them. */
export interface PatientRecord {
  patient: { id: string; name: string; email: string; created_at: string }
  /** The current view of every event (corrections applied, removals gone), oldest first. */
  events: HealthEvent[]
  /** Caregiver reads of the patient's data, newest first. */
  accessLog: AccessLogEntry[]
}

/** The most events one export reads: years of a busy patient's logging. */
export const MAX_EXPORT_EVENTS = 200_000

/** The events of one kind, typed. */
export function eventsOf<K extends EventKind>(record: Pick<PatientRecord, 'events'>, kind: K): HealthEvent<K>[] {
  return record.events.filter((e) => e.kind === kind) as unknown as HealthEvent<K>[]
}

/** Reads a patient's whole record (or the events of a period) for an export. */
export async function loadPatientRecord(
  deps: { authDb: AuthDb; events: HealthEventStore; care: CareLinks },
  patientId: string,
  range: { from?: Date; to?: Date; kinds?: EventKind[] } = {},
): Promise<PatientRecord> {
  const account = await deps.authDb
    .selectFrom('users')
    .select(['id', 'name', 'email', 'created_at'])
    .where('id', '=', patientId)
    .executeTakeFirstOrThrow()
  const events = await deps.events.scan(patientId, { from: range.from, to: range.to, kinds: range.kinds, max: MAX_EXPORT_EVENTS })
  const accessLog: AccessLogEntry[] = []
  let cursor: string | undefined
  do {
    const page = await deps.care.listAccessLog(patientId, { limit: 100, cursor })
    accessLog.push(...page.entries)
    cursor = page.next_cursor ?? undefined
  } while (cursor)
  return { patient: account, events, accessLog }
}
