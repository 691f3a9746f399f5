import type { HealthEvent } from '../../../memory/event-store.js'
import { addDays, isoWeekday, localDate, localTime, zonedInstant } from '../../../memory/local-time.js'

/**
 * The clock rules of reminders, pure: when a schedule's next dose is, when an unanswered dose
 * is repeated and when it counts as missed, when an appointment is reminded, when a medicine
 * runs out, and how many waking hours have passed. Everything takes its instants as arguments.
 */

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Unanswered, a dose reminder is repeated once this long after its time (Medisafe: 30 min). */
export const REPEAT_AFTER_MS = 30 * MINUTE
/** A dose not taken this long after its time is missed, unless the medicine says otherwise. */
export const DEFAULT_MISSED_AFTER_MINUTES = 60
/** A reminder sent this long after its time (the service was down) says "(late)". */
export const LATE_AFTER_MS = 2 * MINUTE
/** A slot missed longer ago than this (a long outage) is left to the summary, not alerted now. */
export const MISSED_ALERT_LOOKBACK_MS = 12 * HOUR
/** Appointments are reminded the day before and two hours before. */
export const APPOINTMENT_LEADS = [
  { which: '24h', ms: DAY },
  { which: '2h', ms: 2 * HOUR },
] as const
/** A refill reminder goes this many days before the estimated run-out, at this local time. */
export const REFILL_LEAD_DAYS = 5
export const REFILL_REMINDER_TIME = '09:00'

/** What a dose timer needs to find its next slot without reading the schedule again. */
export interface DoseRef {
  schedule_id: string
  medication_id: string
  time_of_day: string
  days: string[]
  tz: string
  /** No slot before the schedule itself was set. */
  since: string
}

export const doseRefOf = (s: HealthEvent<'med_schedule'>, tz: string): DoseRef => ({
  schedule_id: s.context_id,
  medication_id: s.payload.medication_id,
  time_of_day: s.payload.time_of_day,
  days: [...s.payload.days_of_week].sort(),
  tz,
  since: s.occurred_at,
})

/** Whether two refs fire at the same instants (a timer kept across an unrelated edit keeps its catch-up). */
export const sameTimes = (a: DoseRef, b: DoseRef) =>
  a.time_of_day === b.time_of_day && a.tz === b.tz && a.days.join() === b.days.join() && a.since === b.since

/**
 * The schedule's first slot strictly after `after`, in its zone. A time skipped by a DST
 * change moves forward; a time that happens twice is reminded once.
 */
export function nextSlot(ref: Pick<DoseRef, 'time_of_day' | 'days' | 'tz' | 'since'>, after: Date): Date | undefined {
  const since = new Date(ref.since).getTime()
  const first = localDate(after, ref.tz)
  for (let d = 0; d <= 8; d++) {
    const date = addDays(first, d)
    if (!ref.days.includes(isoWeekday(date))) continue
    const at = zonedInstant(date, ref.time_of_day, ref.tz)
    if (at.getTime() > after.getTime() && at.getTime() >= since) return at
  }
  return undefined
}

/** Every slot in (from, to], oldest first (the catch-up after an outage). */
export function slotsBetween(ref: DoseRef, from: Date, to: Date): Date[] {
  const out: Date[] = []
  for (let at = nextSlot(ref, from); at && at <= to; at = nextSlot(ref, at)) out.push(at)
  return out
}

/**
 * When an unanswered slot is recorded missed: its medicine's delay after it, or the next
 * dose of the same medicine if that comes first (one dose is never open beside the next).
 */
export function missDeadline(slotAt: Date, delayMinutes: number | undefined, nextOfSameMedicine?: Date): Date {
  const byDelay = slotAt.getTime() + (delayMinutes ?? DEFAULT_MISSED_AFTER_MINUTES) * MINUTE
  return new Date(nextOfSameMedicine ? Math.min(byDelay, nextOfSameMedicine.getTime()) : byDelay)
}

/**
 * When an unanswered reminder is sent again: 30 minutes after its time, or half way to the
 * miss deadline for a medicine with a shorter window (insulin); none when that leaves too little.
 */
export function repeatTime(slotAt: Date, missAt: Date): Date | undefined {
  const window = missAt.getTime() - slotAt.getTime()
  const after = Math.min(REPEAT_AFTER_MS, window / 2)
  return after >= 5 * MINUTE ? new Date(slotAt.getTime() + after) : undefined
}

/** The appointment reminders still ahead at `now` (one set up 3 hours before gets only the 2-hour one). */
export function appointmentReminders(scheduledFor: Date, now: Date): { which: '24h' | '2h'; at: Date }[] {
  return APPOINTMENT_LEADS.map(({ which, ms }) => ({ which, at: new Date(scheduledFor.getTime() - ms) })).filter(
    (r) => r.at > now,
  )
}

export interface RefillEstimate {
  pills_left: number
  per_day: number
  /** The local date the last pill is taken, if doses go as scheduled. */
  runs_out_on: string
  /** When the patient is reminded: REFILL_LEAD_DAYS before, at REFILL_REMINDER_TIME local. */
  remind_at: Date
}

/**
 * When a medicine runs out: the pills counted, less what was taken since the count, at the
 * schedules' daily use (a schedule on 3 days a week uses 3/7 of a dose a day). Nothing when
 * there is no count or no schedule.
 */
export function refillEstimate(input: {
  pillCount: number | undefined
  countedAt: string
  pillsPerDose: number | undefined
  schedules: { days_of_week: string[] }[]
  takenSinceCount: number
  tz: string
  now: Date
}): RefillEstimate | undefined {
  if (input.pillCount === undefined || input.schedules.length === 0) return undefined
  const perDose = input.pillsPerDose ?? 1
  const perDay = input.schedules.reduce((a, s) => a + (s.days_of_week.length / 7) * perDose, 0)
  const left = Math.max(0, input.pillCount - input.takenSinceCount * perDose)
  const today = localDate(input.now, input.tz)
  const runsOutOn = addDays(today, Math.max(0, Math.floor(left / perDay) - 1))
  const remindOn = addDays(runsOutOn, -REFILL_LEAD_DAYS)
  const remindAt = zonedInstant(remindOn, REFILL_REMINDER_TIME, input.tz)
  return {
    pills_left: left,
    per_day: Math.round(perDay * 100) / 100,
    runs_out_on: runsOutOn,
    remind_at: remindAt < input.now ? input.now : remindAt,
  }
}

/** A medicine's refill estimate from its current version (the count and when it was counted). */
export function medicationRefill(
  med: HealthEvent<'medication'>,
  schedules: { days_of_week: string[] }[],
  takenSinceCount: number,
  tz: string,
  now: Date,
): RefillEstimate | undefined {
  return refillEstimate({
    pillCount: med.payload.pill_count,
    countedAt: countedAt(med),
    pillsPerDose: med.payload.pills_per_dose,
    schedules,
    takenSinceCount,
    tz,
    now,
  })
}

/** When a medicine's pill count was taken: as the patient said, or when that version was recorded. */
export const countedAt = (med: HealthEvent<'medication'>) => med.payload.pill_count_at ?? med.recorded_at

export interface SleepWindow {
  start: string
  end: string
}

const inWindow = (t: string, w: SleepWindow) => (w.start < w.end ? t >= w.start && t < w.end : t >= w.start || t < w.end)

/**
 * The instant `hours` waking hours after `from`: time inside the sleep window (the patient's
 * quiet hours, in their zone) does not count, so a night's sleep never looks like inactivity.
 * Walked in quarter hours, the step every zone's offset changes on.
 */
export function afterWakingHours(from: Date, hours: number, sleep: SleepWindow, tz: string): Date {
  const step = 15 * MINUTE
  let left = hours * HOUR
  let t = from.getTime()
  // Up to the next quarter-hour boundary first, counted if awake.
  const edge = Math.ceil(t / step) * step
  if (edge > t) {
    if (!inWindow(localTime(new Date(t), tz), sleep)) left -= edge - t
    t = edge
  }
  for (let guard = 0; left > 0 && guard < 4 * 24 * 14; guard++) {
    if (!inWindow(localTime(new Date(t), tz), sleep)) {
      if (left <= step) return new Date(t + left)
      left -= step
    }
    t += step
  }
  return new Date(t)
}

/** Waking hours between two instants (sleep window excluded), to one decimal. */
export function wakingHoursBetween(from: Date, to: Date, sleep: SleepWindow, tz: string): number {
  const step = 15 * MINUTE
  let awake = 0
  // Past a month it no longer matters how many hours exactly.
  for (let t = Math.max(from.getTime(), to.getTime() - 30 * DAY); t < to.getTime(); t += step) {
    if (!inWindow(localTime(new Date(t), tz), sleep)) awake += Math.min(step, to.getTime() - t)
  }
  return Math.round((awake / HOUR) * 10) / 10
}
