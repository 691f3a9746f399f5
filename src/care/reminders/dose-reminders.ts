import type { EventSource } from '../../../memory/event-kinds.js'
import { EventConflictError, anyEvent, type EventStore, type HealthEvent } from '../../../memory/event-store.js'
import { patientTimezone } from '../../../memory/insights.js'
import { localTime } from '../../../memory/local-time.js'
import { conflict, notFound } from '../../../core/errors.js'
import type { Logger } from '../../logger.js'
import { missedDoseAlert } from '../alerts/alert-rules.js'
import type { AlertService } from '../alerts/alert-service.js'
import type { CareLinks } from '../care-links.js'
import type { DeliveryChannel } from '../care-tables.js'
import type { Dispatcher } from '../delivery/dispatcher.js'
import { inQuietHours } from '../delivery/quiet-hours.js'
import type { AccountPreferences, Preferences } from '../preferences.js'
import { DoseContext } from './dose-context.js'
import type { PlanCache } from './plan-cache.js'
import { slotId, slotKey, type InboxRow, type NewNotification, type PatientInbox, type PatientNotification, type SlotId } from './patient-inbox.js'
import {
  LATE_AFTER_MS,
  MISSED_ALERT_LOOKBACK_MS,
  REPEAT_AFTER_MS,
  missDeadline,
  nextSlot,
  repeatTime,
  slotsBetween,
  type DoseRef,
} from './reminder-plan.js'
import { doseText, langOf, type DoseAction, type Lang } from './reminder-texts.js'
import type { NewTimer, Timer, TimerQueue } from './timers.js'

const MINUTE = 60_000
/** A patient may put one dose off this many times. */
export const MAX_SNOOZES = 6
/** Patients worked on at once in a round: PGlite serialises queries, but batches the appends they make. */
const CONCURRENCY = 16
/** "Taken" in chat answers a reminder sent at most this long ago. */
const OPEN_REMINDER_MS = 6 * 60 * MINUTE

/** A dose slot's follow-up timers: the repeat, a snooze, and the miss at the window's end. */
const followKey = (what: 'repeat' | 'snooze' | 'miss', medicationId: string, slotAt: Date) =>
  `${what}:${medicationId}:${slotAt.toISOString()}`

interface SlotRef {
  medication_id: string
  slot: string
  tz: string
  /** Snoozes so far (a snooze timer). */
  n?: number
}

/** A patient's own channels besides the app (in-app is the inbox's own; webhooks are for caregivers). */
export async function outwardChannels(dispatcher: Dispatcher, patientId: string, prefs: Preferences): Promise<DeliveryChannel[]> {
  return (await dispatcher.reachable(patientId, prefs)).filter((c) => c !== 'in_app' && c !== 'webhook')
}

/** A slot whose window closed unanswered, with what the miss needs. */
interface Miss {
  ctx: DoseContext
  med: HealthEvent<'medication'>
  at: Date
  missAt: Date
  rows: InboxRow[]
}

/** A slot a dose logged elsewhere answered. */
interface Answered extends SlotId {
  response: 'taken' | 'skip'
}

const slotOfTimer = (t: Timer): SlotId => {
  const ref = t.ref as unknown as SlotRef
  return { patient_id: t.patient_id, medication_id: ref.medication_id, slot_at: new Date(ref.slot) }
}
const missKeyOf = (t: Timer) => {
  const s = slotOfTimer(t)
  return { patient_id: t.patient_id, key: followKey('miss', s.medication_id, s.slot_at) }
}
const followKeysOf = (s: SlotId) =>
  (['repeat', 'snooze', 'miss'] as const).map((w) => ({ patient_id: s.patient_id, key: followKey(w, s.medication_id, s.slot_at) }))

/**
 * A slot still waiting for its dose, with its medicine: undefined once answered or missed, or
 * when its schedule ended; a dose logged meanwhile (chat, the API) is noted in `answered`.
 */
function openSlot(ctx: DoseContext, rows: InboxRow[], medicationId: string, at: Date, answered: Answered[]) {
  if (rows.some((r) => r.status === 'answered' || r.status === 'missed')) return undefined
  const slot = ctx.slot(medicationId, at)
  const med = ctx.medication(medicationId)
  if (!slot || !med) return undefined
  if (slot.dose) {
    const status = slot.dose.payload.status
    if (status !== 'missed') answered.push({ patient_id: ctx.patientId, medication_id: medicationId, slot_at: at, response: status === 'taken' ? 'taken' : 'skip' })
    return undefined
  }
  return { slot, med }
}

/** A patient's slot timers (repeats, snoozes, misses) with their slots, zone and the earliest slot. */
function slotTimers(timers: Timer[]) {
  const refs = timers.map((timer) => {
    const ref = timer.ref as unknown as SlotRef
    return { timer, ref, at: new Date(ref.slot) }
  })
  return { refs, tz: refs[0]!.ref.tz, earliest: new Date(Math.min(...refs.map((r) => r.at.getTime()))) }
}

/** How a patient is reached right now: their language and outward channels (none in their quiet hours). */
interface Reach {
  lang: Lang
  quiet: boolean
  channels: DeliveryChannel[]
}

export interface DoseRemindersDeps {
  events: EventStore
  /** Medicines and schedules kept between rounds (the rounds' reads); answers read the store. */
  plans?: PlanCache
  timers: TimerQueue
  inbox: PatientInbox
  care: CareLinks
  preferences: AccountPreferences
  alerts: AlertService
  dispatcher: Dispatcher
  logger: Logger
}

export interface DoseRoundReport {
  reminded: number
  missed: number
}

/** A reminder answered: the notification as it is now, its medicine, and the dose recorded. */
export interface ReminderAnswer {
  notification: PatientNotification
  medication_name?: string
  dose?: HealthEvent<'med_dose'>
}

/** Who answers a reminder and who hears of the dose it records (a chat turn lists and streams it). */
export interface DoseWrite {
  source: EventSource
  onWritten?: (event: HealthEvent) => void
}

/** Runs `fn` over the items with at most `limit` at once. */
export async function inPool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

export function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = out.get(k)
    if (list) list.push(item)
    else out.set(k, [item])
  }
  return out
}

/**
 * Dose reminders for the patient, from a schedule's time to the slot's end: the reminder at
 * the time (late after an outage while the window is open), one repeat, snoozes, and the miss
 * — a `missed` dose in the store and the missed-dose alert to linked caregivers. Whether a
 * dose was taken is always read from the store, so a dose logged by chat, by the API or by
 * answering counts the same.
 */
export class DoseReminders {
  constructor(private readonly deps: DoseRemindersDeps) {}

  /** Due `dose` timers: each is a schedule whose next slot has come; it moves on to the one after. */
  async onDoseTimers(timers: Timer[], now: Date): Promise<DoseRoundReport> {
    const report = { reminded: 0, missed: 0 }
    const notifications: NewNotification[] = []
    const follow: NewTimer[] = []
    const moves: { timer: Timer; due_at: Date }[] = []
    const done: Timer[] = []
    const misses: Miss[] = []
    await inPool([...groupBy(timers, (t) => t.patient_id)], CONCURRENCY, async ([patientId, mine]) => {
      try {
        const work = mine.map((timer) => {
          const ref = timer.ref as unknown as DoseRef
          const due = new Date(timer.due_at)
          return { timer, ref, slots: [due, ...slotsBetween(ref, due, now)], next: nextSlot(ref, now) }
        })
        const tz = work[0]!.ref.tz
        const earliest = new Date(Math.min(...work.map((w) => w.slots[0]!.getTime())))
        const [ctx, reach] = await Promise.all([
          DoseContext.load(this.deps.events, patientId, tz, earliest, now, this.deps.plans),
          this.reach(patientId, tz, now),
        ])
        for (const w of work) {
          for (const at of w.slots) {
            const slot = ctx.slot(w.ref.medication_id, at)
            const med = ctx.medication(w.ref.medication_id)
            // Taken early, or the medicine or its schedule ended since: nothing to remind.
            if (!slot || !med || slot.dose) continue
            const missAt = missDeadline(at, med.payload.missed_after_minutes, ctx.nextOfSameMedicine(w.ref.medication_id, at))
            if (now >= missAt) {
              // Its whole window passed while the service was down: missed, unless long ago.
              if (now.getTime() - at.getTime() <= MISSED_ALERT_LOOKBACK_MS) misses.push({ ctx, med, at, missAt, rows: [] })
              continue
            }
            const ref: SlotRef = { medication_id: w.ref.medication_id, slot: at.toISOString(), tz }
            follow.push({ patient_id: patientId, key: followKey('miss', ref.medication_id, at), kind: 'dose_miss', due_at: missAt, ref: { ...ref } })
            const repeatAt = repeatTime(at, missAt)
            if (repeatAt && repeatAt > now) {
              follow.push({ patient_id: patientId, key: followKey('repeat', ref.medication_id, at), kind: 'dose_repeat', due_at: repeatAt, ref: { ...ref } })
            }
            const late = now.getTime() - at.getTime() > LATE_AFTER_MS
            notifications.push({
              patient_id: patientId,
              claim_key: slotKey(w.ref.medication_id, at),
              kind: 'dose_reminder',
              medication_id: w.ref.medication_id,
              slot_at: at,
              related: w.ref.medication_id,
              text: doseText(
                {
                  name: med.payload.name,
                  dosage: slot.dosage,
                  instructions: med.payload.instructions ?? null,
                  time: slot.time_of_day,
                  round: 'first',
                  late,
                },
                reach.lang,
              ),
              late,
              status: 'open',
              // In the patient's quiet hours a reminder shows in their app, and nothing else.
              outward: { channels: reach.quiet ? [] : reach.channels, due: now },
            })
          }
          if (w.next) moves.push({ timer: w.timer, due_at: w.next })
          else done.push(w.timer)
        }
      } catch (err) {
        // Left leased: the timers come back after the lease, and every step is idempotent.
        this.deps.logger.error({ err, patient_id: patientId }, 'dose reminders failed for a patient')
      }
    })
    // The miss is planned before the claim: a crash between them cannot leave a slot that never closes.
    await this.deps.timers.ensure(follow)
    report.reminded = (await this.deps.inbox.create(notifications, now)).length
    report.missed = await this.recordMisses(misses, now)
    await this.deps.timers.reschedule(moves)
    await this.deps.timers.finish(done)
    return report
  }

  /** Due repeats and snoozes: the slot is reminded again, unless it was answered meanwhile. */
  async onFollowUps(timers: Timer[], now: Date): Promise<number> {
    // What every slot of the round needs from the care tables, read once for all of them.
    const rowsOf = await this.deps.inbox.slotRowsOf(timers.map(slotOfTimer))
    const missOf = await this.deps.timers.getMany(timers.map((t) => missKeyOf(t)))
    const notifications: NewNotification[] = []
    const answered: Answered[] = []
    const failed = new Set<string>()
    await inPool([...groupBy(timers, (t) => t.patient_id)], CONCURRENCY, async ([patientId, mine]) => {
      try {
        const { refs, tz, earliest } = slotTimers(mine)
        const [ctx, reach] = await Promise.all([
          DoseContext.load(this.deps.events, patientId, tz, earliest, now, this.deps.plans),
          this.reach(patientId, tz, now),
        ])
        for (const { timer, ref, at } of refs) {
          const snooze = timer.kind === 'dose_snooze'
          // A repeat is a nudge, and quiet hours mean no nudges; a snooze was the patient's own request.
          if (!snooze && reach.quiet) continue
          const rows = rowsOf.get(slotId(slotOfTimer(timer)))!
          if (rows.length === 0) continue
          const open = openSlot(ctx, rows, ref.medication_id, at, answered)
          if (!open) continue
          const { slot, med } = open
          // Its window closed (an outage): the miss, due too, closes the slot instead.
          const miss = missOf.get(`${patientId}|${missKeyOf(timer).key}`)
          if (miss && new Date(miss.due_at) <= now) continue
          const late = now.getTime() - new Date(timer.due_at).getTime() > LATE_AFTER_MS
          notifications.push({
            patient_id: patientId,
            claim_key: `${slotKey(ref.medication_id, at)}:${snooze ? `snooze:${ref.n ?? 1}` : 'repeat'}`,
            kind: 'dose_reminder',
            medication_id: ref.medication_id,
            slot_at: at,
            related: ref.medication_id,
            text: doseText(
              {
                name: med.payload.name,
                dosage: slot.dosage,
                instructions: med.payload.instructions ?? null,
                time: slot.time_of_day,
                round: snooze ? 'snoozed' : 'repeat',
                late,
              },
              reach.lang,
            ),
            late,
            status: 'open',
            outward: { channels: reach.quiet ? [] : reach.channels, due: now },
          })
        }
      } catch (err) {
        failed.add(patientId)
        this.deps.logger.error({ err, patient_id: patientId }, 'dose follow-ups failed for a patient')
      }
    })
    await this.markAnswered(answered, now)
    const created = await this.deps.inbox.create(notifications, now)
    await this.deps.timers.finish(timers.filter((t) => !failed.has(t.patient_id)))
    return created.length
  }

  /** Due misses: a slot still unanswered when its window closes is recorded missed. */
  async onMissTimers(timers: Timer[], now: Date): Promise<number> {
    const rowsOf = await this.deps.inbox.slotRowsOf(timers.map(slotOfTimer))
    const answered: Answered[] = []
    const misses: Miss[] = []
    const failed = new Set<string>()
    await inPool([...groupBy(timers, (t) => t.patient_id)], CONCURRENCY, async ([patientId, mine]) => {
      try {
        const { refs, tz, earliest } = slotTimers(mine)
        const ctx = await DoseContext.load(this.deps.events, patientId, tz, earliest, now, this.deps.plans)
        for (const { ref, at, timer } of refs) {
          // No reminder row (a crash before its claim) still closes: the miss was planned first.
          const rows = rowsOf.get(slotId(slotOfTimer(timer)))!
          const open = openSlot(ctx, rows, ref.medication_id, at, answered)
          if (open) misses.push({ ctx, med: open.med, at, missAt: new Date(timer.due_at), rows })
        }
      } catch (err) {
        failed.add(patientId)
        this.deps.logger.error({ err, patient_id: patientId }, 'missed doses failed for a patient')
      }
    })
    await this.markAnswered(answered, now)
    const missed = await this.recordMisses(misses, now)
    await this.deps.timers.finish(timers.filter((t) => !failed.has(t.patient_id)))
    return missed
  }

  /**
   * Answers a dose reminder: taken or skipped is recorded against its slot (a new dose, or the
   * one already there corrected — a miss the scheduler recorded becomes taken); snooze asks
   * again in 10 or 30 minutes, and keeps the slot open at least 30 minutes past that.
   */
  async respond(
    patientId: string,
    id: string,
    answer: { action: DoseAction; minutes?: 10 | 30 },
    now: Date,
    write: DoseWrite = { source: 'api' },
  ): Promise<ReminderAnswer> {
    const row = await this.deps.inbox.row(patientId, id)
    if (!row) throw notFound('Notification')
    if (row.kind !== 'dose_reminder' || !row.medication_id || !row.slot_at) {
      throw conflict('This notification has nothing to answer')
    }
    const medicationId = row.medication_id
    const at = new Date(row.slot_at)
    const rows = await this.deps.inbox.slotRows(patientId, medicationId, at)
    const answered = rows.find((r) => r.status === 'answered')
    const missed = rows.some((r) => r.status === 'missed')
    const tz = await patientTimezone(this.deps.events, patientId)
    const ctx = await DoseContext.load(this.deps.events, patientId, tz, at, now)

    if (answer.action === 'snooze') {
      if (answered) throw conflict(`This dose was already answered: ${answered.response}`)
      if (missed) throw conflict('The time for this dose has passed; answer taken if you took it')
      const n = rows.filter((r) => r.claim_key.includes(':snooze:')).length + 1
      if (n > MAX_SNOOZES) throw conflict(`A dose can be snoozed at most ${MAX_SNOOZES} times`)
      const due = new Date(now.getTime() + (answer.minutes ?? 10) * MINUTE)
      const ref: SlotRef = { medication_id: medicationId, slot: at.toISOString(), tz, n }
      const missTimer = await this.deps.timers.get(patientId, followKey('miss', medicationId, at))
      const next = ctx.nextOfSameMedicine(medicationId, at)
      let missAt = new Date(due.getTime() + REPEAT_AFTER_MS)
      if (next && next < missAt) missAt = next
      await this.deps.timers.upsert([
        { patient_id: patientId, key: followKey('snooze', medicationId, at), kind: 'dose_snooze', due_at: due, ref: { ...ref } },
        ...(missTimer && new Date(missTimer.due_at) < missAt
          ? [{ patient_id: patientId, key: missTimer.key, kind: 'dose_miss' as const, due_at: missAt, ref: missTimer.ref }]
          : []),
      ])
      await this.deps.timers.cancel(patientId, [followKey('repeat', medicationId, at)])
      await this.deps.inbox.setSlotState(patientId, medicationId, at, { status: 'snoozed', response: 'snooze', responded_at: now }, ['open'])
      await this.deps.dispatcher.cancelPending(rows.map((r) => r.id), 'snoozed')
      return { notification: (await this.deps.inbox.get(patientId, id))!, medication_name: ctx.medication(medicationId)?.payload.name }
    }

    const status = answer.action === 'taken' ? 'taken' : 'skipped'
    const medication_name = ctx.medication(medicationId)?.payload.name
    if (answered?.response === answer.action) return { notification: (await this.deps.inbox.get(patientId, id))!, medication_name }
    if (missed && status === 'skipped') throw conflict('The time for this dose has passed')
    const dose = await this.recordDose(ctx, medicationId, at, status, now, write)
    await this.deps.inbox.setSlotState(patientId, medicationId, at, { status: 'answered', response: answer.action, responded_at: now })
    await this.deps.timers.cancel(patientId, (['repeat', 'snooze', 'miss'] as const).map((w) => followKey(w, medicationId, at)))
    await this.deps.dispatcher.cancelPending(rows.map((r) => r.id), 'answered')
    return { notification: (await this.deps.inbox.get(patientId, id))!, dose, medication_name }
  }

  /**
   * The reminders a bare "taken" or "skip" in chat answers: the open ones of the most recent
   * slot time (two medicines at 08:00 are one "haan le li"), sent in the last few hours.
   */
  async openReminders(patientId: string, now: Date): Promise<InboxRow[]> {
    const rows = await this.deps.inbox.recentOpen(patientId, new Date(now.getTime() - OPEN_REMINDER_MS))
    const latest = rows[0]?.slot_at
    if (!latest) return []
    const sameTime = rows.filter((r) => new Date(r.slot_at!).getTime() === new Date(latest).getTime())
    // One per slot: the latest reminder of each medicine.
    return [...groupBy(sameTime, (r) => r.medication_id!).values()].map((g) => g[0]!)
  }

  /** Answers the open reminders (see `openReminders`); empty when there is none to answer. */
  async answerOpen(
    patientId: string,
    answer: { action: DoseAction; minutes?: 10 | 30 },
    now: Date,
    write: DoseWrite,
  ): Promise<ReminderAnswer[]> {
    const out = []
    for (const row of await this.openReminders(patientId, now)) out.push(await this.respond(patientId, row.id, answer, now, write))
    return out
  }

  /** Whether an outward delivery of a reminder is pointless now (its slot answered, missed or snoozed). */
  async isStale(patientId: string, notificationId: string): Promise<boolean> {
    const row = await this.deps.inbox.row(patientId, notificationId)
    return !row || (row.status !== 'open' && row.status !== 'info')
  }

  /** How this patient is reached now. */
  private async reach(patientId: string, tz: string, now: Date): Promise<Reach> {
    const { prefs } = await this.deps.preferences.getRecipient(patientId)
    return {
      lang: langOf(prefs.language),
      quiet: inQuietHours({ ...prefs, timezone: tz }, now),
      channels: await outwardChannels(this.deps.dispatcher, patientId, prefs),
    }
  }

  /** Slots a dose logged meanwhile (chat, the API) answered: closed in one statement per answer. */
  private async markAnswered(answered: Answered[], now: Date): Promise<void> {
    for (const response of ['taken', 'skip'] as const) {
      const slots = answered.filter((a) => a.response === response)
      await this.deps.inbox.setSlotsState(slots, { status: 'answered', response, responded_at: now }, ['open', 'snoozed'])
    }
    await this.deps.timers.cancelMany(answered.flatMap(followKeysOf))
  }

  /** Records taken or skipped for a slot: the dose logged for it corrected, or a new one naming the slot. */
  private async recordDose(
    ctx: DoseContext,
    medicationId: string,
    at: Date,
    status: 'taken' | 'skipped',
    now: Date,
    write: DoseWrite,
  ): Promise<HealthEvent<'med_dose'>> {
    const { events } = this.deps
    const { source } = write
    const existing = ctx.slot(medicationId, at)?.dose
    if (existing) {
      if (existing.payload.status === status) return existing
      const corrected = await events.correct(ctx.patientId, existing.id, {
        payload: { ...existing.payload, status, reason: undefined },
        occurred_at: status === 'taken' ? now : existing.occurred_at,
        source,
      })
      write.onWritten?.(corrected)
      return corrected as HealthEvent<'med_dose'>
    }
    const med = ctx.medication(medicationId)
    const payload = {
      medication_id: medicationId,
      medication_name: med?.payload.name ?? 'medicine',
      status,
      ...(med?.payload.dosage ? { dosage: med.payload.dosage } : {}),
      scheduled_for: at.toISOString(),
    }
    try {
      const { event, created } = await events.append(ctx.patientId, {
        kind: 'med_dose',
        payload,
        source,
        idempotency_key: `answer:${slotKey(medicationId, at)}:${status}`,
      })
      if (created) write.onWritten?.(anyEvent(event))
      return event
    } catch (err) {
      if (!(err instanceof EventConflictError)) throw err
      // Answered the other way a moment ago: read the slot again and correct that.
      const fresh = await DoseContext.load(events, ctx.patientId, ctx.tz, at, now)
      return this.recordDose(fresh, medicationId, at, status, now, write)
    }
  }

  /**
   * Slots not taken by their deadline: a `missed` dose naming each slot (written once, by key),
   * their notifications closed, and the missed-dose alert to linked caregivers. Batched: the
   * appends group into a few inserts, the state changes are one statement each.
   */
  private async recordMisses(misses: Miss[], now: Date): Promise<number> {
    if (misses.length === 0) return 0
    const { events, inbox, timers, care, alerts, dispatcher } = this.deps
    const created = await Promise.all(
      misses.map(async ({ ctx, med, at }) => {
        const slot = ctx.slot(med.context_id, at)
        const { created } = await events.append(ctx.patientId, {
          kind: 'med_dose',
          source: 'system',
          occurred_at: at,
          idempotency_key: `missed:${slotKey(med.context_id, at)}`,
          payload: {
            medication_id: med.context_id,
            medication_name: med.payload.name,
            status: 'missed',
            ...(slot?.dosage ? { dosage: slot.dosage } : {}),
            scheduled_for: at.toISOString(),
          },
        })
        return created
      }),
    )
    const slots = misses.map((m) => ({ patient_id: m.ctx.patientId, medication_id: m.med.context_id, slot_at: m.at }))
    await inbox.setSlotsState(slots, { status: 'missed' }, ['open', 'snoozed'])
    await timers.cancelMany(slots.flatMap((s) => followKeysOf(s).filter((k) => !k.key.startsWith('miss:'))))
    await dispatcher.cancelPending(misses.flatMap((m) => m.rows.map((r) => r.id)), 'dose window closed')
    const linked = new Map<string, boolean>()
    for (const [i, m] of misses.entries()) {
      if (!created[i]) continue
      const patientId = m.ctx.patientId
      if (!linked.has(patientId)) linked.set(patientId, (await care.listLinkedCaregivers(patientId)).length > 0)
      if (!linked.get(patientId)) continue
      const delay = Math.round((m.missAt.getTime() - m.at.getTime()) / MINUTE)
      const dose = {
        medication_id: m.med.context_id,
        medication_name: m.med.payload.name,
        dosage: m.ctx.slot(m.med.context_id, m.at)?.dosage ?? m.med.payload.dosage ?? null,
        time_of_day: localTime(m.at, m.ctx.tz),
        scheduled_for: m.at.toISOString(),
      }
      await alerts.raise(patientId, missedDoseAlert(dose, m.med.payload.critical === true, now, delay))
    }
    return created.filter(Boolean).length
  }
}
