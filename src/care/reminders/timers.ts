import { sql, type Selectable } from 'kysely'
import type { CareDb, CareTimersTable, TimerKind } from '../care-tables.js'

export type Timer = Selectable<CareTimersTable>

export interface NewTimer {
  patient_id: string
  key: string
  kind: TimerKind
  due_at: Date
  ref?: Record<string, unknown>
}

/** A claimed timer not finished by then (its instance died mid-work) is claimed again. */
export const TIMER_LEASE_MS = 2 * 60_000

/**
 * The care scheduler's due work in `care_timers`: one row per patient and key. A round claims
 * what is due with a lease (`FOR UPDATE SKIP LOCKED`, so instances split the work), does it,
 * then deletes the row or moves it to its next time — only if nobody rescheduled it meanwhile.
 * Leases keep two instances from working on one timer at once; the work itself is also
 * exactly-once through its own claims (a reminder's primary key, an event's idempotency key).
 */
export class TimerQueue {
  constructor(private readonly db: CareDb) {}

  /** Creates the timers or moves existing ones to the given time (their lease is dropped). */
  async upsert(timers: NewTimer[]): Promise<void> {
    if (timers.length === 0) return
    await this.db
      .insertInto('care_timers')
      .values(timers.map(toRow))
      .onConflict((oc) =>
        oc.columns(['patient_id', 'key']).doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          due_at: eb.ref('excluded.due_at'),
          ref: eb.ref('excluded.ref'),
          lease_until: null,
        })),
      )
      .execute()
  }

  /** Creates the timers that do not exist yet; existing ones keep their time. */
  async ensure(timers: NewTimer[]): Promise<void> {
    if (timers.length === 0) return
    await this.db
      .insertInto('care_timers')
      .values(timers.map(toRow))
      .onConflict((oc) => oc.columns(['patient_id', 'key']).doNothing())
      .execute()
  }

  /** Claims up to `limit` due timers, earliest first. */
  async claimDue(now: Date, limit: number): Promise<Timer[]> {
    return this.db
      .updateTable('care_timers')
      .set({ lease_until: new Date(now.getTime() + TIMER_LEASE_MS) })
      .where(({ eb, refTuple, selectFrom }) =>
        eb(
          refTuple('patient_id', 'key'),
          'in',
          selectFrom('care_timers')
            .select(['patient_id', 'key'])
            .where('due_at', '<=', now)
            .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', now)]))
            .orderBy('due_at')
            .limit(limit)
            .forUpdate()
            .skipLocked() as never,
        ),
      )
      .returningAll()
      .execute()
  }

  /** Timers done: deleted, unless rescheduled since they were claimed. */
  async finish(timers: Pick<Timer, 'patient_id' | 'key' | 'due_at'>[]): Promise<void> {
    if (timers.length === 0) return
    await this.db
      .deleteFrom('care_timers')
      .where(({ eb, refTuple, tuple, or }) =>
        or(timers.map((t) => eb(refTuple('patient_id', 'key', 'due_at'), '=', tuple(t.patient_id, t.key, t.due_at)))),
      )
      .execute()
  }

  /** Moves claimed timers to their next time (a recurring reminder, a re-check), freeing them. */
  async reschedule(moves: { timer: Pick<Timer, 'patient_id' | 'key' | 'due_at'>; due_at: Date; ref?: Record<string, unknown> }[]): Promise<void> {
    if (moves.length === 0) return
    // One statement for the batch: the new times come in as a VALUES list joined on the key.
    const values = sql.join(
      moves.map((m) => sql`(${m.timer.patient_id}, ${m.timer.key}, ${m.timer.due_at}::timestamptz, ${m.due_at}::timestamptz, ${m.ref ? JSON.stringify(m.ref) : null}::jsonb)`),
    )
    await sql`
      update care_timers t set due_at = v.next, ref = coalesce(v.ref, t.ref), lease_until = null
      from (values ${values}) as v(patient_id, key, was, next, ref)
      where t.patient_id = v.patient_id and t.key = v.key and t.due_at = v.was`.execute(this.db)
  }

  /** Drops timers of many patients by key, in one statement. */
  async cancelMany(keys: { patient_id: string; key: string }[]): Promise<void> {
    if (keys.length === 0) return
    await this.db
      .deleteFrom('care_timers')
      .where(({ eb, refTuple, tuple, or }) => or(keys.map((k) => eb(refTuple('patient_id', 'key'), '=', tuple(k.patient_id, k.key)))))
      .execute()
  }

  /** Timers of many patients by key, in one query, by `patient|key`. */
  async getMany(keys: { patient_id: string; key: string }[]): Promise<Map<string, Timer>> {
    if (keys.length === 0) return new Map()
    const rows = await this.db
      .selectFrom('care_timers')
      .selectAll()
      .where(({ eb, refTuple, tuple, or }) => or(keys.map((k) => eb(refTuple('patient_id', 'key'), '=', tuple(k.patient_id, k.key)))))
      .execute()
    return new Map(rows.map((t) => [`${t.patient_id}|${t.key}`, t]))
  }

  /** Drops a patient's timers by key. */
  async cancel(patientId: string, keys: string[]): Promise<void> {
    if (keys.length === 0) return
    await this.db.deleteFrom('care_timers').where('patient_id', '=', patientId).where('key', 'in', keys).execute()
  }

  /** A patient's timers of some kinds (the planner compares them with what should exist). */
  async ofPatient(patientId: string, kinds: TimerKind[]): Promise<Timer[]> {
    return this.db
      .selectFrom('care_timers')
      .selectAll()
      .where('patient_id', '=', patientId)
      .where('kind', 'in', kinds)
      .execute()
  }

  async get(patientId: string, key: string): Promise<Timer | undefined> {
    return this.db.selectFrom('care_timers').selectAll().where('patient_id', '=', patientId).where('key', '=', key).executeTakeFirst()
  }
}

const toRow = (t: NewTimer) => ({
  patient_id: t.patient_id,
  key: t.key,
  kind: t.kind,
  due_at: t.due_at,
  ref: JSON.stringify(t.ref ?? {}),
  lease_until: null,
})
