import type { EventStore, HealthEvent } from '../../../memory/event-store.js'
import type { Logger } from '../../logger.js'
import type { CareLinks } from '../care-links.js'
import type { CareDb } from '../care-tables.js'
import { contactRecipient, type Dispatcher } from '../delivery/dispatcher.js'
import type { AccountPreferences } from '../preferences.js'
import type { Timer, TimerQueue } from '../reminders/timers.js'

const MINUTE = 60_000
/** An unacknowledged emergency goes to its caregivers again this often (clinical.md §5). */
export const REPEAT_EVERY_MS = 5 * MINUTE
/** …and each this long unacknowledged, to the next person in the patient's list by SMS and a call. */
export const NEXT_CONTACT_EVERY_MS = 15 * MINUTE
/** After two hours of repeats it stops; by then everyone in the list has been called. */
export const MAX_STEPS = 24

/** One person an emergency can be escalated to, in the order they are tried. */
export interface EscalationContact {
  /** The delivery recipient: a caregiver's id, or `contact:<entity>` for an emergency contact. */
  recipient: string
  name: string
  kind: 'caregiver' | 'emergency_contact'
}

export interface EscalationDeps {
  events: EventStore
  db: CareDb
  timers: TimerQueue
  care: CareLinks
  preferences: AccountPreferences
  dispatcher: Dispatcher
  logger: Logger
  now: () => Date
}

/** The entity id of an alert (its first version's id), whatever version this is. */
const alertEntity = (alert: Pick<HealthEvent, 'context_id'>) => alert.context_id.slice('alert:'.length)
const timerKey = (entity: string) => `escalation:${entity}`

/**
 * Escalation of emergency alerts nobody has acknowledged. Every 5 minutes the alert goes to
 * its caregivers again (a new delivery round on their channels); every 15 minutes it also goes
 * to the next person in the patient's ordered list — linked caregivers with a phone number,
 * in the order they were linked, then the patient's emergency contacts, primary first — by
 * SMS and by a phone call that speaks it. An acknowledgement by anyone stops it: pending
 * repeats are cancelled and the next step finds nothing to do. Steps are claimed on the
 * escalation row (`step` only moves forward), so two instances never both take one; every
 * step is recorded in the patient's store.
 */
export class EscalationService {
  constructor(private readonly deps: EscalationDeps) {}

  /** Starts escalating a new emergency (once, whoever calls). */
  async start(alert: HealthEvent<'alert'>): Promise<void> {
    if (alert.payload.tier !== 'emergency' || alert.payload.acknowledged_at) return
    const entity = alertEntity(alert)
    const started = new Date(alert.recorded_at)
    const row = await this.deps.db
      .insertInto('care_escalations')
      .values({ alert_event_id: entity, patient_id: alert.user_id, started_at: started, step: 0, contacts_reached: 0, status: 'active', ended_at: null })
      .onConflict((oc) => oc.column('alert_event_id').doNothing())
      .returning('alert_event_id')
      .executeTakeFirst()
    if (!row) return
    await this.deps.timers.ensure([
      {
        patient_id: alert.user_id,
        key: timerKey(entity),
        kind: 'escalation',
        due_at: new Date(started.getTime() + REPEAT_EVERY_MS),
        ref: { alert_id: entity },
      },
    ])
  }

  /** An alert version was written: if it carries an acknowledgement, its escalation ends here. */
  async onAlertVersion(alert: HealthEvent<'alert'>): Promise<void> {
    if (!alert.payload.acknowledged_at) return
    await this.stop(alert, this.deps.now())
  }

  /** Whether a repeat round of an alert is pointless now (someone acknowledged it). */
  isStale(round: number, item: HealthEvent): boolean {
    return round > 0 && item.kind === 'alert' && Boolean(item.payload.acknowledged_at)
  }

  /** The patient's ordered list: caregivers with a phone number, then emergency contacts (primary first). */
  async contacts(patientId: string): Promise<EscalationContact[]> {
    const out: EscalationContact[] = []
    for (const cg of await this.deps.care.listLinkedCaregivers(patientId)) {
      // A caregiver the patient does not share alerts with is not called about them either.
      if (!cg.sharing.includes('alerts')) continue
      const prefs = await this.deps.preferences.getPreferences(cg.id)
      if (prefs.phone) out.push({ recipient: cg.id, name: cg.name, kind: 'caregiver' })
    }
    const listed = (await this.deps.events.scan(patientId, { kinds: ['emergency_contact'] })) as unknown as HealthEvent<'emergency_contact'>[]
    const ordered = [...listed].sort((a, b) => Number(!!b.payload.is_primary) - Number(!!a.payload.is_primary))
    for (const c of ordered) out.push({ recipient: contactRecipient(c.context_id), name: c.payload.name, kind: 'emergency_contact' })
    return out
  }

  /** Due escalation steps. */
  async onTimers(timers: Timer[], now: Date): Promise<number> {
    let steps = 0
    for (const timer of timers) {
      try {
        if (await this.step(timer, now)) steps++
      } catch (err) {
        // Left leased: the step comes back after the lease.
        this.deps.logger.error({ err, patient_id: timer.patient_id }, 'escalation step failed')
      }
    }
    return steps
  }

  private async step(timer: Timer, now: Date): Promise<boolean> {
    const { db, timers, dispatcher } = this.deps
    const entity = String((timer.ref as { alert_id: string }).alert_id)
    const esc = await db.selectFrom('care_escalations').selectAll().where('alert_event_id', '=', entity).executeTakeFirst()
    if (!esc || esc.status !== 'active') {
      await timers.finish([timer])
      return false
    }
    const alert = await this.current(timer.patient_id, entity)
    if (!alert) {
      await this.end(entity, 'exhausted', now)
      await timers.finish([timer])
      return false
    }
    if (alert.payload.acknowledged_at) {
      await this.stop(alert, now)
      return false
    }
    const started = new Date(esc.started_at).getTime()
    const elapsed = now.getTime() - started
    const step = Math.min(Math.floor(elapsed / REPEAT_EVERY_MS), MAX_STEPS)
    const nextAt = (s: number) => new Date(started + (s + 1) * REPEAT_EVERY_MS)
    if (step <= esc.step) {
      await timers.reschedule([{ timer, due_at: nextAt(esc.step) }])
      return false
    }
    const contacts = await this.contacts(timer.patient_id)
    const dueContacts = Math.min(Math.floor(elapsed / NEXT_CONTACT_EVERY_MS), contacts.length)
    const escalateTo = esc.contacts_reached < dueContacts ? contacts[esc.contacts_reached] : undefined
    const claimed = await db
      .updateTable('care_escalations')
      .set({ step, contacts_reached: esc.contacts_reached + (escalateTo ? 1 : 0) })
      .where('alert_event_id', '=', entity)
      .where('step', '=', esc.step)
      .where('status', '=', 'active')
      .returning('step')
      .executeTakeFirst()
    if (!claimed) {
      await timers.reschedule([{ timer, due_at: nextAt(step) }])
      return false
    }
    const minutes = Math.round(elapsed / MINUTE)
    await this.record(alert, `step:${step}`, {
      title: escalateTo
        ? `Emergency not acknowledged after ${minutes} min: sent again, and ${escalateTo.name} (${escalateTo.kind === 'caregiver' ? 'caregiver' : 'emergency contact'}) texted and called`
        : `Emergency not acknowledged after ${minutes} min: sent to the caregivers again`,
      channel: escalateTo ? 'voice' : 'in_app',
      recipient: escalateTo?.recipient,
    })
    await dispatcher.planAlertRound(alert, step, escalateTo?.recipient)
    if (step >= MAX_STEPS) {
      await this.end(entity, 'exhausted', now)
      await this.record(alert, 'exhausted', { title: `Emergency still not acknowledged after ${minutes} min: repeats stopped`, channel: 'in_app' })
      await timers.finish([timer])
    } else {
      await timers.reschedule([{ timer, due_at: nextAt(step) }])
    }
    return true
  }

  /** Ends an escalation on acknowledgement: pending repeats cancelled, the stop recorded. */
  private async stop(alert: HealthEvent<'alert'>, now: Date): Promise<void> {
    const entity = alertEntity(alert)
    if (!(await this.end(entity, 'acknowledged', now))) return
    const versions = await this.deps.events.history(alert.user_id, alert.context_id)
    await this.deps.dispatcher.cancelPending(versions.map((v) => v.id), 'acknowledged', 1)
    await this.deps.timers.cancel(alert.user_id, [timerKey(entity)])
    const by = alert.payload.acknowledged_by
    const name = by ? (await this.deps.preferences.getRecipient(by).catch(() => undefined))?.name : undefined
    await this.record(alert, 'acknowledged', { title: `Emergency acknowledged${name ? ` by ${name}` : ''}: escalation stopped`, channel: 'in_app' })
  }

  /** Marks an active escalation ended; false when it had already ended. */
  private async end(entity: string, status: 'acknowledged' | 'exhausted', now: Date): Promise<boolean> {
    const res = await this.deps.db
      .updateTable('care_escalations')
      .set({ status, ended_at: now })
      .where('alert_event_id', '=', entity)
      .where('status', '=', 'active')
      .executeTakeFirst()
    return Number(res.numUpdatedRows) === 1
  }

  private async current(patientId: string, entity: string): Promise<HealthEvent<'alert'> | undefined> {
    const page = await this.deps.events.list(patientId, { kinds: ['alert'], contextId: `alert:${entity}`, limit: 1 })
    return page.events[0] as HealthEvent<'alert'> | undefined
  }

  /** One step in the patient's store, once (by key): who was told what, never an address. */
  private async record(
    alert: HealthEvent<'alert'>,
    what: string,
    note: { title: string; channel: 'in_app' | 'voice'; recipient?: string },
  ): Promise<void> {
    try {
      await this.deps.events.append(alert.user_id, {
        kind: 'notification',
        source: 'system',
        idempotency_key: `escalation:${alertEntity(alert)}:${what}`,
        payload: {
          channel: note.channel,
          ...(note.recipient ? { recipient_id: note.recipient } : {}),
          title: note.title.slice(0, 200),
          body: alert.payload.title,
          status: 'sent',
          related_event_id: alert.id,
        },
      })
    } catch (err) {
      this.deps.logger.error({ err }, 'could not record an escalation step')
    }
  }
}
