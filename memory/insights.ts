import type { HealthEvent, HealthEventStore } from './event-store.js'
import type { PayloadOf } from './event-kinds.js'
import { ValidationError } from '../core/errors.js'
import { addDays, dayRange, datesBetween, daysBetween, FIRST_DATE, isAcceptedDate, isoWeekday, LAST_DATE, localDate, localTime, zonedInstant } from './local-time.js'

/**
 * Per-patient aggregates over a period of local days, in the patient's time zone. The insights
 * API, the agents' query tools and the daily summary all read these, so they agree.
 */

export const DEFAULT_TIMEZONE = 'Asia/Kolkata'
/** A dose counts as missed when nothing was logged an hour after its time (Medisafe: 1 h). */
export const MISSED_AFTER_MS = 60 * 60_000
/** A logged dose without `scheduled_for` belongs to the nearest slot within this distance. */
export const DOSE_MATCH_WINDOW_MS = 6 * 60 * 60_000

export interface NumericStats {
  count: number
  latest: { value: number; at: string; category?: string } | null
  min: number | null
  max: number | null
  mean: number | null
  categories: Record<string, number>
}

export interface BloodPressureStats {
  count: number
  latest: { systolic: number; diastolic: number; at: string; category?: string } | null
  min: { systolic: number; diastolic: number } | null
  max: { systolic: number; diastolic: number } | null
  mean: { systolic: number; diastolic: number } | null
  categories: Record<string, number>
}

export type DoseStatus = 'taken' | 'missed' | 'skipped' | 'due'

export interface ExpectedDose {
  medication_id: string
  medication_name: string
  dosage: string | null
  date: string
  time_of_day: string
  scheduled_for: string
  status: DoseStatus
  dose_event_id: string | null
  taken_at: string | null
  reason: string | null
}

export interface DayInsight {
  date: string
  calories: number
  meals: number
  water_ml: number
  readings: number
  doses: { scheduled: number; taken: number; missed: number; skipped: number; due: number }
}

export interface Insights {
  period: { from: string; to: string; timezone: string }
  vitals: {
    blood_pressure: BloodPressureStats
    heart_rate: NumericStats
    blood_sugar: NumericStats
    temperature: NumericStats
    spo2: NumericStats
    weight_kg: NumericStats
  }
  days: DayInsight[]
  nutrition: { total_calories: number; mean_daily_calories: number; total_water_ml: number; mean_daily_water_ml: number }
  medication: {
    scheduled: number
    taken: number
    missed: number
    skipped: number
    due: number
    /** Taken ÷ doses whose hour has passed; null when none has. */
    adherence_pct: number | null
    doses: ExpectedDose[]
  }
  missing_readings: { days_without_readings: string[]; current_streak_days: number; longest_streak_days: number }
}

const round1 = (v: number) => Math.round(v * 10) / 10

/** Which way a series of readings went, from its first to its last (oldest first). */
export interface Trend {
  direction: 'up' | 'down' | 'steady'
  first: { value: number; at: string }
  last: { value: number; at: string }
  change: number
}

/**
 * The trend of a series, first reading to last: "steady" when the change is within `noise`
 * (a meter's or a scale's own wobble), so one reading's jitter is not called a trend.
 */
export function trendOf(series: { value: number; at: string }[], noise: number): Trend | null {
  if (series.length < 2) return null
  const first = series[0]!
  const last = series.at(-1)!
  const change = round1(last.value - first.value)
  return { direction: Math.abs(change) <= noise ? 'steady' : change > 0 ? 'up' : 'down', first, last, change }
}

function numericStats(values: { value: number; at: string; category?: string }[]): NumericStats {
  const categories: Record<string, number> = {}
  for (const v of values) if (v.category) categories[v.category] = (categories[v.category] ?? 0) + 1
  if (values.length === 0) return { count: 0, latest: null, min: null, max: null, mean: null, categories }
  const nums = values.map((v) => v.value)
  return {
    count: values.length,
    latest: values.at(-1)!,
    min: Math.min(...nums),
    max: Math.max(...nums),
    mean: round1(nums.reduce((a, b) => a + b, 0) / nums.length),
    categories,
  }
}

function bloodPressureStats(vitals: HealthEvent<'vitals'>[]): BloodPressureStats {
  const readings = vitals
    .filter((e) => e.payload.blood_pressure_systolic !== undefined && e.payload.blood_pressure_diastolic !== undefined)
    .map((e) => ({
      systolic: e.payload.blood_pressure_systolic!,
      diastolic: e.payload.blood_pressure_diastolic!,
      at: e.occurred_at,
      category: e.flags?.blood_pressure?.category,
    }))
  const categories: Record<string, number> = {}
  for (const r of readings) if (r.category) categories[r.category] = (categories[r.category] ?? 0) + 1
  if (readings.length === 0) return { count: 0, latest: null, min: null, max: null, mean: null, categories }
  const bySys = [...readings].sort((a, b) => a.systolic - b.systolic || a.diastolic - b.diastolic)
  const pick = (r: (typeof readings)[number]) => ({ systolic: r.systolic, diastolic: r.diastolic })
  return {
    count: readings.length,
    latest: readings.at(-1)!,
    min: pick(bySys[0]!),
    max: pick(bySys.at(-1)!),
    mean: {
      systolic: round1(readings.reduce((a, r) => a + r.systolic, 0) / readings.length),
      diastolic: round1(readings.reduce((a, r) => a + r.diastolic, 0) / readings.length),
    },
    categories,
  }
}

type Field = 'heart_rate' | 'blood_sugar' | 'temperature' | 'spo2' | 'weight_kg'
const FLAG_OF: Partial<Record<Field, 'heart_rate' | 'blood_sugar' | 'temperature' | 'spo2'>> = {
  heart_rate: 'heart_rate',
  blood_sugar: 'blood_sugar',
  temperature: 'temperature',
  spo2: 'spo2',
}

function fieldStats(vitals: HealthEvent<'vitals'>[], field: Field): NumericStats {
  const flag = FLAG_OF[field]
  return numericStats(
    vitals
      .filter((e) => e.payload[field] !== undefined)
      .map((e) => ({ value: e.payload[field]!, at: e.occurred_at, category: flag ? e.flags?.[flag]?.category : undefined })),
  )
}

interface Slot {
  medication_id: string
  medication_name: string
  dosage: string | null
  date: string
  time_of_day: string
  at: Date
  dose?: HealthEvent<'med_dose'>
}

/** Expands active schedules of active medicines into the doses expected on each local date. */
export function expectedSlots(
  schedules: HealthEvent<'med_schedule'>[],
  medications: HealthEvent<'medication'>[],
  dates: string[],
  tz: string,
): Slot[] {
  const meds = new Map(medications.map((m) => [m.context_id, m]))
  const slots: Slot[] = []
  for (const s of schedules) {
    const med = meds.get(s.payload.medication_id)
    if (!s.payload.active || !med || !med.payload.active) continue
    const since = new Date(s.occurred_at).getTime()
    for (const date of dates) {
      if (!s.payload.days_of_week.includes(isoWeekday(date) as never)) continue
      const at = zonedInstant(date, s.payload.time_of_day, tz)
      if (at.getTime() < since) continue
      slots.push({
        medication_id: med.context_id,
        medication_name: med.payload.name,
        dosage: s.payload.dosage ?? med.payload.dosage ?? null,
        date,
        time_of_day: s.payload.time_of_day,
        at,
      })
    }
  }
  return slots.sort((a, b) => a.at.getTime() - b.at.getTime() || a.medication_name.localeCompare(b.medication_name))
}

const sameMedicine = (slot: Slot, dose: HealthEvent<'med_dose'>) =>
  dose.payload.medication_id
    ? dose.payload.medication_id === slot.medication_id
    : dose.payload.medication_name.trim().toLowerCase() === slot.medication_name.trim().toLowerCase()

/**
 * Pairs logged doses with expected slots: a dose naming its slot (`scheduled_for`) takes that
 * one; any other takes the nearest free slot of the same medicine within six hours.
 */
export function matchDoses(slots: Slot[], doses: HealthEvent<'med_dose'>[]): void {
  // Doses naming their slot go first; of those, what the patient said before a miss the
  // scheduler recorded, so "I took it after all" wins the slot.
  const rank = (d: HealthEvent<'med_dose'>) => (d.payload.scheduled_for ? 0 : 2) + (d.payload.status === 'missed' ? 1 : 0)
  const ordered = [...doses].sort((a, b) => rank(a) - rank(b))
  for (const dose of ordered) {
    const target = dose.payload.scheduled_for ? new Date(dose.payload.scheduled_for).getTime() : new Date(dose.occurred_at).getTime()
    let best: Slot | undefined
    let bestDistance = Infinity
    for (const slot of slots) {
      if (slot.dose || !sameMedicine(slot, dose)) continue
      const distance = Math.abs(slot.at.getTime() - target)
      const limit = dose.payload.scheduled_for ? 60_000 : DOSE_MATCH_WINDOW_MS
      if (distance <= limit && distance < bestDistance) {
        best = slot
        bestDistance = distance
      }
    }
    if (best) best.dose = dose
  }
}

export function doseStatus(slot: Slot, now: Date): DoseStatus {
  if (slot.dose) return slot.dose.payload.status
  return now.getTime() > slot.at.getTime() + MISSED_AFTER_MS ? 'missed' : 'due'
}

function toExpectedDose(slot: Slot, now: Date): ExpectedDose {
  return {
    medication_id: slot.medication_id,
    medication_name: slot.medication_name,
    dosage: slot.dosage,
    date: slot.date,
    time_of_day: slot.time_of_day,
    scheduled_for: slot.at.toISOString(),
    status: doseStatus(slot, now),
    dose_event_id: slot.dose?.id ?? null,
    taken_at: slot.dose?.payload.status === 'taken' ? slot.dose.occurred_at : null,
    reason: slot.dose?.payload.reason ?? null,
  }
}

export interface InsightsInput {
  from: string
  to: string
  timezone: string
  now: Date
}

/** Aggregates already-loaded events; pure, so summaries and tests can call it directly. */
export function computeInsights(events: HealthEvent[], input: InsightsInput): Insights {
  const { from, to, timezone: tz, now } = input
  const dates = datesBetween(from, to)
  const start = dayRange(from, tz).start.getTime()
  const end = dayRange(to, tz).end.getTime()
  const inPeriod = (e: { occurred_at: string }) => {
    const t = new Date(e.occurred_at).getTime()
    return t >= start && t < end
  }
  const of = <K extends HealthEvent['kind']>(kind: K) => events.filter((e) => e.kind === kind) as unknown as HealthEvent<K>[]

  const vitals = of('vitals').filter(inPeriod)
  const food = of('food').filter(inPeriod)
  const water = of('water').filter(inPeriod)
  const doses = of('med_dose')

  const slots = expectedSlots(of('med_schedule'), of('medication'), dates, tz)
  matchDoses(slots, doses)
  const expected = slots.map((s) => toExpectedDose(s, now))

  const days: DayInsight[] = dates.map((date) => {
    const onDay = (e: { occurred_at: string }) => localDate(e.occurred_at, tz) === date
    const dayDoses = expected.filter((d) => d.date === date)
    const count = (s: DoseStatus) => dayDoses.filter((d) => d.status === s).length
    return {
      date,
      calories: Math.round(food.filter(onDay).reduce((a, e) => a + (e.payload.calories ?? 0), 0)),
      meals: food.filter(onDay).length,
      water_ml: Math.round(water.filter(onDay).reduce((a, e) => a + e.payload.amount_ml, 0)),
      readings: vitals.filter(onDay).length,
      doses: { scheduled: dayDoses.length, taken: count('taken'), missed: count('missed'), skipped: count('skipped'), due: count('due') },
    }
  })

  const totals = (s: DoseStatus) => expected.filter((d) => d.status === s).length
  const decided = expected.filter((d) => d.status !== 'due').length
  const totalCalories = days.reduce((a, d) => a + d.calories, 0)
  const totalWater = days.reduce((a, d) => a + d.water_ml, 0)

  // Days that have ended or are today, so a future date in the period is not "missing".
  const today = localDate(now, tz)
  const elapsed = days.filter((d) => d.date <= today)
  const without = elapsed.filter((d) => d.readings === 0).map((d) => d.date)
  let longest = 0
  let run = 0
  for (const d of elapsed) {
    run = d.readings === 0 ? run + 1 : 0
    longest = Math.max(longest, run)
  }

  return {
    period: { from, to, timezone: tz },
    vitals: {
      blood_pressure: bloodPressureStats(vitals),
      heart_rate: fieldStats(vitals, 'heart_rate'),
      blood_sugar: fieldStats(vitals, 'blood_sugar'),
      temperature: fieldStats(vitals, 'temperature'),
      spo2: fieldStats(vitals, 'spo2'),
      weight_kg: fieldStats(vitals, 'weight_kg'),
    },
    days,
    nutrition: {
      total_calories: totalCalories,
      mean_daily_calories: days.length ? Math.round(totalCalories / days.length) : 0,
      total_water_ml: totalWater,
      mean_daily_water_ml: days.length ? Math.round(totalWater / days.length) : 0,
    },
    medication: {
      scheduled: expected.length,
      taken: totals('taken'),
      missed: totals('missed'),
      skipped: totals('skipped'),
      due: totals('due'),
      adherence_pct: decided ? Math.round((totals('taken') / decided) * 1000) / 10 : null,
      doses: expected,
    },
    missing_readings: { days_without_readings: without, current_streak_days: run, longest_streak_days: longest },
  }
}

/** The patient's time zone, from their profile. */
export async function patientTimezone(store: HealthEventStore, userId: string): Promise<string> {
  const profile = await store.latest(userId, 'profile')
  return profile?.payload.timezone ?? DEFAULT_TIMEZONE
}

/** The patient's local today. */
export async function patientToday(store: HealthEventStore, userId: string, now = new Date()): Promise<{ date: string; timezone: string }> {
  const timezone = await patientTimezone(store, userId)
  return { date: localDate(now, timezone), timezone }
}

const SCHEDULE_KINDS = ['medication', 'med_schedule'] as const

/** The most days one insights period covers: a year, leap day included. */
export const MAX_INSIGHT_DAYS = 366

/** The period a client asked for, with the defaults: to today, from six days before `to`. */
export function requestedPeriod(q: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const to = q.to ?? today
  return { from: q.from ?? addDays(to, -6), to }
}

/** Refuses a period that is not a range of accepted dates of at most MAX_INSIGHT_DAYS days. */
function checkPeriod(from: string, to: string): void {
  const issues = []
  for (const [path, date] of [['from', from], ['to', to]] as const) {
    if (!isAcceptedDate(date)) issues.push({ path, message: `must be a date from ${FIRST_DATE} to ${LAST_DATE}` })
  }
  const days = daysBetween(from, to) + 1
  if (days < 1) issues.push({ path: 'from', message: 'from must not be after to' })
  else if (days > MAX_INSIGHT_DAYS) issues.push({ path: 'to', message: `at most ${MAX_INSIGHT_DAYS} days at a time` })
  if (issues.length > 0) throw new ValidationError('Invalid insights period', issues)
}

/**
 * Loads what a period needs and computes its insights. `from`/`to` are local dates, both
 * included, at most MAX_INSIGHT_DAYS apart (a ValidationError otherwise).
 */
export async function insightsFor(
  store: HealthEventStore,
  userId: string,
  period: { from: string; to: string; timezone?: string },
  now = new Date(),
): Promise<Insights> {
  checkPeriod(period.from, period.to)
  const timezone = period.timezone ?? (await patientTimezone(store, userId))
  const start = dayRange(period.from, timezone).start
  const end = dayRange(period.to, timezone).end
  // Doses logged just outside the period may still belong to a slot inside it.
  const [inRange, schedules] = await Promise.all([
    store.scan(userId, {
      kinds: ['vitals', 'food', 'water', 'med_dose'],
      from: new Date(start.getTime() - DOSE_MATCH_WINDOW_MS),
      to: new Date(end.getTime() + DOSE_MATCH_WINDOW_MS),
    }),
    store.scan(userId, { kinds: [...SCHEDULE_KINDS] }),
  ])
  return computeInsights([...inRange, ...schedules], { from: period.from, to: period.to, timezone, now })
}

/** Today's expected doses with their status, for "did I take my meds today?" and the API. */
export async function dosesToday(store: HealthEventStore, userId: string, now = new Date()): Promise<{ date: string; timezone: string; doses: ExpectedDose[] }> {
  const { date, timezone } = await patientToday(store, userId, now)
  const insights = await insightsFor(store, userId, { from: date, to: date, timezone }, now)
  return { date, timezone, doses: insights.medication.doses }
}

export { localDate, localTime, addDays }
export type { PayloadOf }
