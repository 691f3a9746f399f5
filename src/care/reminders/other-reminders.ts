import type { EventStore, HealthEvent } from '../../../memory/event-store.js'
import { localTime } from '../../../memory/local-time.js'
import type { Logger } from '../../logger.js'
import type { Dispatcher } from '../delivery/dispatcher.js'
import { inQuietHours, releaseTime } from '../delivery/quiet-hours.js'
import type { AccountPreferences } from '../preferences.js'
import { inPool, outwardChannels } from './dose-reminders.js'
import type { NewNotification, PatientInbox } from './patient-inbox.js'
import { LATE_AFTER_MS, countedAt, medicationRefill } from './reminder-plan.js'
import type { AppointmentRef, RefillRef } from './reminder-planner.js'
import { appointmentText, langOf, refillText } from './reminder-texts.js'
import type { Timer, TimerQueue } from './timers.js'

const CONCURRENCY = 8

export interface OtherRemindersDeps {
  events: EventStore
  timers: TimerQueue
  inbox: PatientInbox
  preferences: AccountPreferences
  dispatcher: Dispatcher
  logger: Logger
}

/**
 * Reminders with nothing to answer: an appointment the day before and two hours before, and a
 * refill five days before a medicine runs out. In the patient's quiet hours they show in the
 * app at once and go out on their other channels when the quiet hours end.
 */
export class OtherReminders {
  constructor(private readonly deps: OtherRemindersDeps) {}

  async onAppointmentTimers(timers: Timer[], now: Date): Promise<number> {
    const items: NewNotification[] = []
    const done: Timer[] = []
    await inPool(timers, CONCURRENCY, async (timer) => {
      try {
        done.push(timer)
        const ref = timer.ref as unknown as AppointmentRef
        const at = new Date(ref.scheduled_for)
        const page = await this.deps.events.list(timer.patient_id, { kinds: ['appointment'], contextId: ref.appointment_id, limit: 1 })
        const appt = page.events[0] as HealthEvent<'appointment'> | undefined
        // Moved, cancelled or over: the planner has made the new appointment's timers.
        if (!appt || appt.payload.status !== 'scheduled' || appt.payload.scheduled_for !== ref.scheduled_for || at <= now) return
        // Caught up after an outage so late that the two-hour reminder is due too: that one says it.
        if (ref.which === '24h' && now.getTime() >= at.getTime() - 2 * 3_600_000) return
        const { prefs } = await this.deps.preferences.getRecipient(timer.patient_id)
        const late = now.getTime() - new Date(timer.due_at).getTime() > LATE_AFTER_MS
        const text = appointmentText(
          {
            title: appt.payload.title,
            doctor: appt.payload.doctor ?? null,
            location: appt.payload.location ?? null,
            time: localTime(at, ref.tz),
            which: ref.which,
            late,
          },
          langOf(prefs.language),
        )
        const quiet = { ...prefs, timezone: ref.tz }
        const due = inQuietHours(quiet, now) ? releaseTime(quiet, now) : now
        items.push({
          patient_id: timer.patient_id,
          claim_key: `appointment:${ref.appointment_id}:${ref.scheduled_for}:${ref.which}`,
          kind: 'appointment_reminder',
          related: ref.appointment_id,
          text,
          late,
          status: 'info',
          outward: { channels: due < at ? await outwardChannels(this.deps.dispatcher, timer.patient_id, prefs) : [], due },
        })
      } catch (err) {
        // Left leased: it comes back after the lease.
        done.splice(done.indexOf(timer), 1)
        this.deps.logger.error({ err, patient_id: timer.patient_id }, 'appointment reminder failed')
      }
    })
    const created = await this.deps.inbox.create(items, now)
    await this.deps.timers.finish(done)
    return created.length
  }

  /**
   * A refill timer: the estimate again with the doses actually taken since the count; if
   * skipped doses moved the run-out later, the timer moves with it, else the patient is told.
   */
  async onRefillTimers(timers: Timer[], now: Date): Promise<number> {
    const items: NewNotification[] = []
    const moves: { timer: Timer; due_at: Date }[] = []
    const done: Timer[] = []
    await inPool(timers, CONCURRENCY, async (timer) => {
      try {
        const ref = timer.ref as unknown as RefillRef
        const { events } = this.deps
        const [medPage, schedules] = await Promise.all([
          events.list(timer.patient_id, { kinds: ['medication'], contextId: ref.medication_id, limit: 1 }),
          events.scan(timer.patient_id, { kinds: ['med_schedule'] }),
        ])
        const med = medPage.events[0] as HealthEvent<'medication'> | undefined
        const own = (schedules as unknown as HealthEvent<'med_schedule'>[]).filter(
          (s) => s.payload.active && s.payload.medication_id === ref.medication_id,
        )
        if (!med || !med.payload.active || med.id !== ref.version || med.payload.pill_count === undefined || own.length === 0) {
          done.push(timer)
          return
        }
        const doses = await events.scan(timer.patient_id, { kinds: ['med_dose'], from: countedAt(med), to: new Date(now.getTime() + 1) })
        const taken = doses.filter((d) => d.payload.medication_id === ref.medication_id && d.payload.status === 'taken').length
        const estimate = medicationRefill(med, own.map((s) => s.payload), taken, ref.tz, now)
        if (!estimate) {
          done.push(timer)
          return
        }
        if (estimate.remind_at.getTime() > now.getTime() + 60_000) {
          moves.push({ timer, due_at: estimate.remind_at })
          return
        }
        const { prefs } = await this.deps.preferences.getRecipient(timer.patient_id)
        const quiet = { ...prefs, timezone: ref.tz }
        items.push({
          patient_id: timer.patient_id,
          // Once per count: a new count (a refill) is a new medication version and a new reminder.
          claim_key: `refill:${ref.medication_id}:${ref.version}`,
          kind: 'refill_reminder',
          medication_id: ref.medication_id,
          related: ref.medication_id,
          text: refillText({ name: med.payload.name, pills_left: estimate.pills_left, runs_out_on: estimate.runs_out_on }, langOf(prefs.language)),
          late: false,
          status: 'info',
          outward: { channels: await outwardChannels(this.deps.dispatcher, timer.patient_id, prefs), due: releaseTime(quiet, now) },
        })
        done.push(timer)
      } catch (err) {
        this.deps.logger.error({ err, patient_id: timer.patient_id }, 'refill reminder failed')
      }
    })
    const created = await this.deps.inbox.create(items, now)
    await this.deps.timers.reschedule(moves)
    await this.deps.timers.finish(done)
    return created.length
  }
}
