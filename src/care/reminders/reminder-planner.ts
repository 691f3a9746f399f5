import { sql } from 'kysely'
import type { EventKind } from '../../../memory/event-kinds.js'
import type { EventStore, HealthEvent } from '../../../memory/event-store.js'
import { DEFAULT_TIMEZONE } from '../../../memory/insights.js'
import type { Logger } from '../../logger.js'
import type { CareDb, TimerKind } from '../care-tables.js'
import {
  appointmentReminders,
  doseRefOf,
  countedAt,
  medicationRefill,
  nextSlot,
  sameTimes,
  slotsBetween,
  type DoseRef,
} from './reminder-plan.js'
import type { PlanCache } from './plan-cache.js'
import type { NewTimer, Timer, TimerQueue } from './timers.js'

/** The kinds whose changes move a patient's reminders. */
export const PLAN_KINDS: EventKind[] = ['medication', 'med_schedule', 'appointment', 'profile']
const PLANNED_TIMERS: TimerKind[] = ['dose', 'appointment', 'refill']
/** The sweep re-reads this many log positions before its mark: PostgreSQL can commit seqs out of order. */
const SWEEP_OVERLAP = 100
/** Log positions one sweep reads at most (a first start over old data catches up over a few rounds). */
const SWEEP_WINDOW = 20_000
const MARK = 'reminders'

export interface RefillRef {
  medication_id: string
  /** The medication version whose pill count this estimate is from. */
  version: string
  tz: string
}

export interface AppointmentRef {
  appointment_id: string
  scheduled_for: string
  which: '24h' | '2h'
  tz: string
}

/**
 * Keeps each patient's timers in step with their medicines, schedules, appointments and time
 * zone. A change is planned right after its append (the store's listener); a sweep of the
 * event log by position catches what a crash between an append and its listener left out.
 * A timer whose times did not change keeps its due time, so a reminder missed during an
 * outage is still caught up after an unrelated edit.
 */
export class ReminderPlanner {
  private readonly running = new Map<string, Promise<void>>()
  private readonly again = new Set<string>()
  /** When each patient's plan was last read (by the service's clock): the sweep skips those read since their change. */
  private readonly syncedAt = new Map<string, number>()
  private detach: (() => void)[] = []

  constructor(
    private readonly deps: { events: EventStore; db: CareDb; timers: TimerQueue; logger: Logger; now: () => Date; plans?: PlanCache },
  ) {}

  attach(): void {
    if (this.detach.length) return
    const onChange = (e: HealthEvent) => {
      if (!PLAN_KINDS.includes(e.kind)) return
      this.deps.plans?.invalidate(e.user_id)
      this.request(e.user_id)
    }
    this.detach = [this.deps.events.onAppend(onChange), this.deps.events.onRemove(onChange)]
  }

  async close(): Promise<void> {
    this.detach.forEach((d) => d())
    this.detach = []
    await this.idle()
  }

  /** Plans a patient again soon; requests while one is running coalesce into one more run. */
  request(patientId: string): void {
    if (this.running.has(patientId)) {
      this.again.add(patientId)
      return
    }
    const run: Promise<void> = this.sync(patientId)
      .catch((err) => this.deps.logger.error({ err, patient_id: patientId }, 'reminder planning failed'))
      .finally(() => {
        this.running.delete(patientId)
        if (this.again.delete(patientId)) this.request(patientId)
      })
    this.running.set(patientId, run)
  }

  async idle(): Promise<void> {
    while (this.running.size) await Promise.all(this.running.values())
  }

  /** Brings one patient's dose, appointment and refill timers in line with their events. */
  async sync(patientId: string): Promise<void> {
    const { events, timers } = this.deps
    const now = this.deps.now()
    this.syncedAt.set(patientId, now.getTime())
    const [plans, existing] = await Promise.all([
      events.scan(patientId, { kinds: PLAN_KINDS }),
      timers.ofPatient(patientId, PLANNED_TIMERS),
    ])
    this.deps.plans?.set(patientId, plans)
    const of = <K extends EventKind>(k: K) => plans.filter((e) => e.kind === k) as unknown as HealthEvent<K>[]
    const tz = of('profile').at(-1)?.payload.timezone ?? DEFAULT_TIMEZONE
    const meds = new Map(of('medication').filter((m) => m.payload.active).map((m) => [m.context_id, m]))
    const schedules = of('med_schedule').filter((s) => s.payload.active && meds.has(s.payload.medication_id))
    const have = new Map(existing.map((t) => [t.key, t]))
    const wanted = new Set<string>()
    const write: NewTimer[] = []

    for (const s of schedules) {
      const key = `dose:${s.context_id}`
      const ref = doseRefOf(s, tz)
      wanted.add(key)
      const old = have.get(key)
      if (old && sameTimes(old.ref as unknown as DoseRef, ref)) continue
      const due = nextSlot(ref, now)
      if (due) write.push({ patient_id: patientId, key, kind: 'dose', due_at: due, ref: { ...ref } })
    }

    for (const a of of('appointment')) {
      if (a.payload.status !== 'scheduled') continue
      const at = new Date(a.payload.scheduled_for)
      if (at <= now) continue
      for (const which of ['24h', '2h'] as const) wanted.add(`appointment:${a.context_id}:${a.payload.scheduled_for}:${which}`)
      for (const r of appointmentReminders(at, now)) {
        const key = `appointment:${a.context_id}:${a.payload.scheduled_for}:${r.which}`
        if (have.has(key)) continue
        const ref: AppointmentRef = { appointment_id: a.context_id, scheduled_for: a.payload.scheduled_for, which: r.which, tz }
        write.push({ patient_id: patientId, key, kind: 'appointment', due_at: r.at, ref: { ...ref } })
      }
    }

    for (const med of meds.values()) {
      if (med.payload.pill_count === undefined) continue
      const own = schedules.filter((s) => s.payload.medication_id === med.context_id)
      if (own.length === 0) continue
      const key = `refill:${med.context_id}`
      wanted.add(key)
      if ((have.get(key)?.ref as unknown as RefillRef | undefined)?.version === med.id) continue
      // Until it fires, doses are assumed taken as scheduled; the timer checks what was taken.
      const asScheduled = own.reduce((n, s) => n + slotsBetween(doseRefOf(s, tz), new Date(countedAt(med)), now).length, 0)
      const estimate = medicationRefill(med, own.map((s) => s.payload), asScheduled, tz, now)
      const ref: RefillRef = { medication_id: med.context_id, version: med.id, tz }
      if (estimate) write.push({ patient_id: patientId, key, kind: 'refill', due_at: estimate.remind_at, ref: { ...ref } })
    }

    const stale = existing.filter((t) => !wanted.has(t.key)).map((t) => t.key)
    await timers.cancel(patientId, stale)
    await timers.upsert(write)
  }

  /**
   * Plans the patients whose plan events were appended since the last sweep (by log position,
   * with an overlap), skipping those planned since their last change. Returns how many it planned.
   */
  async sweep(): Promise<number> {
    const { db } = this.deps
    const row = await db.selectFrom('care_sync_marks').select('seq').where('name', '=', MARK).executeTakeFirst()
    const mark = Number(row?.seq ?? 0)
    const upTo = mark + SWEEP_WINDOW
    const changed = await db
      .selectFrom('health_events')
      .select(['user_id', sql<Date>`max(recorded_at)`.as('at')])
      .where('seq', '>', String(Math.max(0, mark - SWEEP_OVERLAP)))
      .where('seq', '<=', String(upTo))
      .where('kind', 'in', PLAN_KINDS)
      .groupBy('user_id')
      .execute()
    let planned = 0
    for (const c of changed) {
      if ((this.syncedAt.get(c.user_id) ?? -Infinity) >= new Date(c.at).getTime()) continue
      await this.sync(c.user_id)
      planned++
    }
    const top = await db
      .selectFrom('health_events')
      .select(sql<string | null>`max(seq)`.as('seq'))
      .where('seq', '<=', String(upTo))
      .executeTakeFirst()
    const next = Number(top?.seq ?? mark)
    if (next > mark) {
      await db
        .insertInto('care_sync_marks')
        .values({ name: MARK, seq: next })
        .onConflict((oc) => oc.column('name').doUpdateSet({ seq: next }))
        .execute()
    }
    return planned
  }

  /** The timers planned for a patient (tests and the bench look at them). */
  planned(patientId: string): Promise<Timer[]> {
    return this.deps.timers.ofPatient(patientId, PLANNED_TIMERS)
  }
}
