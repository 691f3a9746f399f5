import { EVENT_KINDS, type EventKind } from '../../../memory/event-kinds.js'
import type { EventStore, HealthEvent } from '../../../memory/event-store.js'
import {
  DOSE_MATCH_WINDOW_MS,
  computeInsights,
  patientTimezone,
  type BloodPressureStats,
  type Insights,
  type NumericStats,
} from '../../../memory/insights.js'
import { addDays, dayRange, localTime } from '../../../memory/local-time.js'
import type { SummaryScope } from '../sharing.js'

/**
 * The deterministic facts of a patient's local day, the part of a daily summary nothing is
 * allowed to contradict. Every number comes from the insights module (the one place that
 * aggregates), or is copied from an event as it was logged; nothing is estimated here.
 */

const round1 = (v: number) => Math.round(v * 10) / 10

/** A vital measured on at least this many of the previous 7 days is "usually" measured. */
export const USUAL_DAYS = 4
const BASELINE_DAYS = 7

export type Headline = 'ok' | 'attention' | 'urgent'
/** How far a reading is from normal, as the clinical flags stored on it say. */
export type Severity = 'normal' | 'attention' | 'urgent' | 'critical'

export interface BloodPressureFacts {
  readings: { time: string; systolic: number; diastolic: number; category: string | null; severity: Severity }[]
  mean: { systolic: number; diastolic: number } | null
  /** The day's lowest and highest reading (by systolic) with their times; null without readings. */
  low: { systolic: number; diastolic: number; time: string } | null
  high: { systolic: number; diastolic: number; time: string } | null
  previous_7d_mean: { systolic: number; diastolic: number } | null
  /** Today's mean minus the previous 7 days' mean; null when either is missing. */
  change: { systolic: number; diastolic: number } | null
}

export interface NumericVitalFacts {
  unit: string
  readings: { time: string; value: number; category: string | null; severity: Severity }[]
  mean: number | null
  low: { value: number; time: string } | null
  high: { value: number; time: string } | null
  previous_7d_mean: number | null
  change: number | null
}

/** Why the day's headline is what it is: the one thing a caregiver should see first. */
export type HeadlineReason =
  | { type: 'reading'; vital: VitalName; value: string; unit: string; time: string; category: string; severity: Severity }
  | { type: 'alert'; tier: string; title: string; time: string }
  | { type: 'no_checkin' }
  | { type: 'missed_doses'; doses: { name: string; dosage: string | null; time: string }[] }
  | { type: 'readings_not_taken'; vitals: VitalName[] }
  | { type: 'ok'; doses_scheduled: number; readings: number }

/** What the caregiver can do about the day, in order; never anything about a medicine's dose. */
export type SummaryAction =
  | { type: 'call_now' }
  | { type: 'ask_remeasure'; vital: VitalName }
  | { type: 'check_in' }
  | { type: 'ask_about_doses'; names: string[] }
  | { type: 'ask_for_readings'; vitals: VitalName[] }
  | { type: 'acknowledge'; count: number }

const NUMERIC_VITALS = {
  blood_sugar: 'mg/dL',
  heart_rate: 'beats/min',
  temperature: '°C',
  spo2: '%',
  weight_kg: 'kg',
} as const
type NumericVital = keyof typeof NUMERIC_VITALS
export type VitalName = 'blood_pressure' | NumericVital

export interface SummaryFacts {
  date: string
  timezone: string
  /** When the facts were computed; a summary of a day not yet over says so with `complete`. */
  as_of: string
  /** `as_of` on the patient's clock, HH:MM. */
  as_of_local: string
  complete: boolean
  /** The days before `date` that `previous_7d_mean`, `change` and `readings_not_taken` compare with. */
  baseline_days: number
  /** Whether the patient logged or said anything that day. */
  checked_in: boolean
  vitals: { blood_pressure?: BloodPressureFacts } & { [K in NumericVital]?: NumericVitalFacts }
  /** Vitals usually measured (on ≥ 4 of the previous 7 days) but not measured this day. */
  readings_not_taken: { vital: VitalName; days_measured_in_previous_7: number }[]
  /** The day's dose counts as insights gives them, with the 7 days up to it and the doses by name. */
  medication: Omit<Insights['medication'], 'doses'> & {
    adherence_7d_pct: number | null
    missed_doses: { name: string; dosage: string | null; time: string }[]
    skipped_doses: { name: string; time: string; reason: string | null }[]
    due_doses: { name: string; time: string }[]
  }
  meals: {
    count: number
    calories: number
    calories_estimated: boolean
    items: { time: string; meal_type: string | null; description: string; calories: number | null }[]
  }
  water_ml: number
  sleep: { duration_hours: number | null; quality: string | null; notes: string | null }[]
  mood: { time: string; mood: string; notes: string | null }[]
  /** In the patient's own words. */
  symptoms: { time: string; name: string; severity: string | null; notes: string | null }[]
  alerts: {
    time: string
    tier: string
    condition: string
    title: string
    acknowledged: boolean
    /** Who acknowledged it first (their name), and when, on the patient's clock. */
    acknowledged_by: string | null
    acknowledged_at: string | null
  }[]
  /** Why the headline is what it is, most serious first. */
  concerns: string[]
  headline: Headline
  headline_reason: HeadlineReason
  actions: SummaryAction[]
}

/** The kinds a summary reads over the day and the 7 days before it. */
const SUMMARY_KINDS: EventKind[] = ['vitals', 'food', 'water', 'med_dose', 'sleep', 'mood', 'symptom', 'alert']
const SCHEDULE_KINDS: EventKind[] = ['medication', 'med_schedule']
/** What the 7 days before are compared on: readings, and doses for the week's adherence. */
const BASELINE_KINDS: EventKind[] = ['vitals', 'med_dose']
const SYSTEM_KINDS = new Set<EventKind>(['alert', 'summary', 'notification'])
/** What shows the patient checked in: anything they logged or said (the scheduler's "no check-in" too). */
export const CHECK_IN_KINDS = EVENT_KINDS.filter((k) => !SYSTEM_KINDS.has(k))
export const isPatientActivity = (e: HealthEvent) => e.source !== 'system' && !SYSTEM_KINDS.has(e.kind)
/** The check-in kinds a summary does not load anyway; read only when the loaded ones show nothing. */
const CHECK_IN_ONLY_KINDS = CHECK_IN_KINDS.filter((k) => !SUMMARY_KINDS.includes(k))

function bpFacts(
  day: BloodPressureStats,
  before: BloodPressureStats,
  vitals: HealthEvent<'vitals'>[],
  tz: string,
): BloodPressureFacts {
  const readings = vitals
    .filter((e) => e.payload.blood_pressure_systolic !== undefined && e.payload.blood_pressure_diastolic !== undefined)
    .map((e) => ({
      time: localTime(e.occurred_at, tz),
      systolic: e.payload.blood_pressure_systolic!,
      diastolic: e.payload.blood_pressure_diastolic!,
      category: e.flags?.blood_pressure?.category ?? null,
      severity: (e.flags?.blood_pressure?.severity ?? 'normal') as Severity,
    }))
  const bySystolic = [...readings].sort((a, b) => a.systolic - b.systolic || a.diastolic - b.diastolic)
  const pick = (r: (typeof readings)[number] | undefined) => (r ? { systolic: r.systolic, diastolic: r.diastolic, time: r.time } : null)
  const change =
    day.mean && before.mean
      ? {
          systolic: round1(day.mean.systolic - before.mean.systolic),
          diastolic: round1(day.mean.diastolic - before.mean.diastolic),
        }
      : null
  return { readings, mean: day.mean, low: pick(bySystolic[0]), high: pick(bySystolic.at(-1)), previous_7d_mean: before.mean, change }
}

const FLAG_OF: Partial<Record<NumericVital, 'blood_sugar' | 'heart_rate' | 'temperature' | 'spo2'>> = {
  blood_sugar: 'blood_sugar',
  heart_rate: 'heart_rate',
  temperature: 'temperature',
  spo2: 'spo2',
}

function numericFacts(
  name: NumericVital,
  day: NumericStats,
  before: NumericStats,
  vitals: HealthEvent<'vitals'>[],
  tz: string,
): NumericVitalFacts {
  const flag = FLAG_OF[name]
  const readings = vitals
    .filter((e) => e.payload[name] !== undefined)
    .map((e) => ({
      time: localTime(e.occurred_at, tz),
      value: e.payload[name]!,
      category: (flag && e.flags?.[flag]?.category) ?? null,
      severity: ((flag && e.flags?.[flag]?.severity) ?? 'normal') as Severity,
    }))
  const byValue = [...readings].sort((a, b) => a.value - b.value)
  const pick = (r: (typeof readings)[number] | undefined) => (r ? { value: r.value, time: r.time } : null)
  const change = day.mean !== null && before.mean !== null ? round1(day.mean - before.mean) : null
  return {
    unit: NUMERIC_VITALS[name],
    readings,
    mean: day.mean,
    low: pick(byValue[0]),
    high: pick(byValue.at(-1)),
    previous_7d_mean: before.mean,
    change,
  }
}

const vitalCount = (i: Insights, name: VitalName) => i.vitals[name].count

/** How a vital is named in English prose; the summary text's Hindi names sit beside these there. */
export const VITAL_WORDS: Record<VitalName, string> = {
  blood_pressure: 'blood pressure',
  blood_sugar: 'blood sugar',
  heart_rate: 'pulse',
  temperature: 'temperature',
  spo2: 'oxygen level',
  weight_kg: 'weight',
}

export interface FactsInput {
  date: string
  timezone: string
  now: Date
  /** Set when the loaded kinds show no activity and a query of the others found some. */
  checkedInElsewhere?: boolean
  /** The names of those who acknowledged the day's alerts, by account id. */
  names?: Map<string, string>
  /**
   * The sections the reader may see (a caregiver's link shares only some); the rest are left
   * empty and neither the concerns nor the headline mention them. Everything when absent.
   */
  scope?: SummaryScope
}

/** Sections of a summary whose category the reader is not shared: empty, as if nothing happened there. */
const NOTHING_SHARED = {
  medication: { scheduled: 0, taken: 0, missed: 0, skipped: 0, due: 0, adherence_pct: null, adherence_7d_pct: null, missed_doses: [], skipped_doses: [], due_doses: [] },
  meals: { count: 0, calories: 0, calories_estimated: false, items: [] },
} satisfies Pick<SummaryFacts, 'medication' | 'meals'>

/** The facts of one local day from loaded events (the day, the 7 days before, schedules). Pure. */
export function computeSummaryFacts(events: HealthEvent[], input: FactsInput): SummaryFacts {
  const { date, timezone: tz, now } = input
  const range = dayRange(date, tz)
  const inDay = (e: HealthEvent) => {
    const t = new Date(e.occurred_at).getTime()
    return t >= range.start.getTime() && t < range.end.getTime()
  }
  const dayEvents = events.filter(inDay)
  const of = <K extends EventKind>(kind: K) => dayEvents.filter((e) => e.kind === kind) as unknown as HealthEvent<K>[]

  // Each period gets only the kinds it reads: insights places every event of a period on its
  // local day, and a week of meals it does not need costs more than the rest of the summary.
  const vitalsOnly = events.filter((e) => e.kind === 'vitals')
  const dosesOnly = events.filter((e) => e.kind === 'med_dose' || e.kind === 'med_schedule' || e.kind === 'medication')
  const period = (subset: HealthEvent[], from: string, to: string) =>
    computeInsights(subset, { from, to, timezone: tz, now })
  const baselineFrom = addDays(date, -BASELINE_DAYS)
  const day = period(events, date, date)
  const before = period(vitalsOnly, baselineFrom, addDays(date, -1))
  const week = period(dosesOnly, addDays(date, -(BASELINE_DAYS - 1)), date)

  const vitalsToday = of('vitals')
  const vitals: SummaryFacts['vitals'] = {}
  if (day.vitals.blood_pressure.count || before.vitals.blood_pressure.count) {
    vitals.blood_pressure = bpFacts(day.vitals.blood_pressure, before.vitals.blood_pressure, vitalsToday, tz)
  }
  for (const name of Object.keys(NUMERIC_VITALS) as NumericVital[]) {
    if (day.vitals[name].count || before.vitals[name].count) {
      vitals[name] = numericFacts(name, day.vitals[name], before.vitals[name], vitalsToday, tz)
    }
  }

  // A vital can have been measured on USUAL_DAYS of the 7 only with that many readings; the
  // days are counted only for those, and only when the day has none.
  const readingsNotTaken = (['blood_pressure', ...Object.keys(NUMERIC_VITALS)] as VitalName[])
    .filter((vital) => vitalCount(day, vital) === 0 && vitalCount(before, vital) >= USUAL_DAYS)
    .map((vital) => {
      const field = vital === 'blood_pressure' ? 'blood_pressure_systolic' : vital
      const readings = vitalsOnly.filter((e) => e.payload[field] !== undefined)
      const days = period(readings, baselineFrom, addDays(date, -1)).days.filter((d) => d.readings > 0).length
      return { vital, days_measured_in_previous_7: days }
    })
    .filter((r) => r.days_measured_in_previous_7 >= USUAL_DAYS)

  const doses = day.medication.doses
  const withStatus = (s: string) => doses.filter((d) => d.status === s)
  const medication: SummaryFacts['medication'] = {
    scheduled: day.medication.scheduled,
    taken: day.medication.taken,
    missed: day.medication.missed,
    skipped: day.medication.skipped,
    due: day.medication.due,
    adherence_pct: day.medication.adherence_pct,
    adherence_7d_pct: week.medication.adherence_pct,
    missed_doses: withStatus('missed').map((d) => ({ name: d.medication_name, dosage: d.dosage, time: d.time_of_day })),
    skipped_doses: withStatus('skipped').map((d) => ({
      name: d.medication_name,
      time: d.time_of_day,
      reason: d.reason,
    })),
    due_doses: withStatus('due').map((d) => ({ name: d.medication_name, time: d.time_of_day })),
  }

  const food = of('food')
  const dayInsight = day.days[0]!
  const meals: SummaryFacts['meals'] = {
    count: dayInsight.meals,
    calories: dayInsight.calories,
    calories_estimated: food.some((f) => f.payload.estimated === true),
    items: food.map((f) => ({
      time: localTime(f.occurred_at, tz),
      meal_type: f.payload.meal_type ?? null,
      description: f.payload.description,
      calories: f.payload.calories ?? null,
    })),
  }

  const alerts = of('alert').map((a) => ({
    time: localTime(a.occurred_at, tz),
    tier: a.payload.tier,
    condition: a.payload.condition,
    title: a.payload.title,
    acknowledged: a.payload.acknowledged_at !== undefined,
    acknowledged_by: a.payload.acknowledged_by ? (input.names?.get(a.payload.acknowledged_by) ?? null) : null,
    acknowledged_at: a.payload.acknowledged_at ? localTime(a.payload.acknowledged_at, tz) : null,
  }))

  const shown: SummaryScope = input.scope ?? { vitals: true, medication: true, food: true, wellbeing: true, alerts: true }
  const facts: DayFacts = {
    date,
    timezone: tz,
    as_of: now.toISOString(),
    as_of_local: localTime(now, tz),
    complete: now.getTime() >= range.end.getTime(),
    baseline_days: BASELINE_DAYS,
    checked_in: dayEvents.some(isPatientActivity) || input.checkedInElsewhere === true,
    vitals: shown.vitals ? vitals : {},
    readings_not_taken: shown.vitals ? readingsNotTaken : [],
    medication: shown.medication ? medication : NOTHING_SHARED.medication,
    meals: shown.food ? meals : NOTHING_SHARED.meals,
    water_ml: shown.food ? dayInsight.water_ml : 0,
    sleep: !shown.wellbeing ? [] : of('sleep').map((s) => ({
      duration_hours: s.payload.duration_hours ?? null,
      quality: s.payload.quality ?? null,
      notes: s.payload.notes ?? null,
    })),
    mood: !shown.wellbeing ? [] : of('mood').map((m) => ({
      time: localTime(m.occurred_at, tz),
      mood: m.payload.mood,
      notes: m.payload.notes ?? null,
    })),
    symptoms: !shown.wellbeing ? [] : of('symptom').map((s) => ({
      time: localTime(s.occurred_at, tz),
      name: s.payload.name,
      severity: s.payload.severity ?? null,
      notes: s.payload.notes ?? null,
    })),
    alerts: shown.alerts ? alerts : [],
  }
  const worstReading = !shown.vitals ? 0 : vitalsToday.reduce((w, e) => Math.max(w, SEVERITY_RANK[e.flags?.severity ?? 'normal']), 0)
  const { concerns, headline } = judge(facts, worstReading)
  return { ...facts, concerns, headline, headline_reason: reasonOf(facts), actions: actionsOf(facts) }
}

const ALERT_RANK: Record<string, number> = { emergency: 3, urgent: 2, attention: 1, info: 0 }
type DayFacts = Omit<SummaryFacts, 'concerns' | 'headline' | 'headline_reason' | 'actions'>

/** Every reading of the day with its vital, value as shown, unit and flag. */
function flaggedReadings(f: DayFacts): Extract<HeadlineReason, { type: 'reading' }>[] {
  const out: Extract<HeadlineReason, { type: 'reading' }>[] = []
  for (const r of f.vitals.blood_pressure?.readings ?? []) {
    if (r.severity === 'normal') continue
    const value = `${r.systolic}/${r.diastolic}`
    out.push({ type: 'reading', vital: 'blood_pressure', value, unit: 'mmHg', time: r.time, category: r.category ?? '', severity: r.severity })
  }
  for (const name of Object.keys(NUMERIC_VITALS) as NumericVital[]) {
    const v = f.vitals[name]
    for (const r of v?.readings ?? []) {
      if (r.severity === 'normal') continue
      out.push({ type: 'reading', vital: name, value: String(r.value), unit: v!.unit, time: r.time, category: r.category ?? '', severity: r.severity })
    }
  }
  return out
}

/**
 * The headline's reason, most serious first: a critical or urgent reading (its value and time)
 * or an emergency or urgent alert without one behind it (a red flag, a missed critical dose);
 * then no check-in at all; missed doses by name and time; a reading or alert needing attention;
 * usual readings not taken; otherwise what went well.
 */
function reasonOf(f: DayFacts): HeadlineReason {
  const severity = { critical: 3, urgent: 2, attention: 1, normal: 0 } as const
  // The most severe reading; of equally severe ones the latest, what the day ended with.
  const readings = flaggedReadings(f).sort((a, b) => severity[b.severity] - severity[a.severity] || b.time.localeCompare(a.time))
  const alerts = [...f.alerts].sort((a, b) => (ALERT_RANK[b.tier] ?? 0) - (ALERT_RANK[a.tier] ?? 0))
  const worstReading = readings[0]
  const worstAlert = alerts[0]
  const readingRank = worstReading ? severity[worstReading.severity] : 0
  const alertRank = worstAlert ? (ALERT_RANK[worstAlert.tier] ?? 0) : 0
  const alertReason = (a: DayFacts['alerts'][number]) => ({ type: 'alert' as const, tier: a.tier, title: a.title, time: a.time })
  if (Math.max(readingRank, alertRank) >= 2) {
    return readingRank >= alertRank ? worstReading! : alertReason(worstAlert!)
  }
  if (!f.checked_in) return { type: 'no_checkin' }
  if (f.medication.missed_doses.length) return { type: 'missed_doses', doses: f.medication.missed_doses }
  if (readingRank === 1) return worstReading!
  if (alertRank === 1) return alertReason(worstAlert!)
  if (f.readings_not_taken.length) return { type: 'readings_not_taken', vitals: f.readings_not_taken.map((r) => r.vital) }
  const count = (Object.values(f.vitals) as { readings: unknown[] }[]).reduce((n, v) => n + v.readings.length, 0)
  return { type: 'ok', doses_scheduled: f.medication.scheduled, readings: count }
}

/** What to do about the day, from the facts alone; nothing when nothing needs doing. */
function actionsOf(f: DayFacts): SummaryAction[] {
  const out: SummaryAction[] = []
  const readings = flaggedReadings(f)
  if (f.alerts.some((a) => a.tier === 'emergency') || readings.some((r) => r.severity === 'critical')) out.push({ type: 'call_now' })
  const urgent = readings.find((r) => r.severity === 'urgent')
  if (urgent) out.push({ type: 'ask_remeasure', vital: urgent.vital })
  if (!f.checked_in) out.push({ type: 'check_in' })
  const missed = [...new Set(f.medication.missed_doses.map((d) => d.name))]
  if (missed.length) out.push({ type: 'ask_about_doses', names: missed })
  if (f.readings_not_taken.length) out.push({ type: 'ask_for_readings', vitals: f.readings_not_taken.map((r) => r.vital) })
  const open = f.alerts.filter((a) => !a.acknowledged && (a.tier === 'emergency' || a.tier === 'urgent')).length
  if (open) out.push({ type: 'acknowledge', count: open })
  return out
}

const SEVERITY_RANK = { normal: 0, attention: 1, urgent: 2, critical: 3 } as const

/** The headline and its reasons, from the facts alone. */
function judge(
  f: DayFacts,
  worstReading: number,
): { concerns: string[]; headline: Headline } {
  const urgent: string[] = []
  const attention: string[] = []
  const serious = f.alerts.filter((a) => a.tier === 'emergency' || a.tier === 'urgent')
  for (const a of serious) urgent.push(`${a.tier} alert at ${a.time}: ${a.title}`)
  if (serious.length === 0 && worstReading >= SEVERITY_RANK.urgent) urgent.push('a reading in the urgent range')
  for (const a of f.alerts.filter((x) => x.tier === 'attention')) attention.push(`alert at ${a.time}: ${a.title}`)
  for (const d of f.medication.missed_doses) {
    attention.push(`missed dose: ${d.name}${d.dosage ? ` ${d.dosage}` : ''} at ${d.time}`)
  }
  for (const r of f.readings_not_taken) attention.push(`no ${VITAL_WORDS[r.vital]} reading`)
  if (!f.checked_in) attention.push('no check-in')
  if (worstReading === SEVERITY_RANK.attention && !f.alerts.some((a) => a.tier === 'attention')) {
    attention.push('a reading outside the usual range')
  }
  const headline: Headline = urgent.length ? 'urgent' : attention.length ? 'attention' : 'ok'
  return { concerns: [...urgent, ...attention], headline }
}

/** Loads what one day's summary needs (three range queries at most) and computes its facts. */
export async function loadSummaryFacts(
  store: EventStore,
  patientId: string,
  date: string,
  now: Date,
  timezone?: string,
  nameOf?: (userId: string) => Promise<string | undefined>,
  scope?: SummaryScope,
): Promise<SummaryFacts> {
  const tz = timezone ?? (await patientTimezone(store, patientId))
  const start = dayRange(addDays(date, -BASELINE_DAYS), tz).start
  const { start: dayStart, end } = dayRange(date, tz)
  // Doses logged just outside the days may still belong to a slot inside them, hence the margins.
  // The margin before the day is in the week's read, which has doses anyway: the evening before
  // is read for its doses and readings, not for meals, sleep or mood nothing would look at.
  const [day, baseline, schedules] = await Promise.all([
    store.scan(patientId, { kinds: SUMMARY_KINDS, from: dayStart, to: new Date(end.getTime() + DOSE_MATCH_WINDOW_MS) }),
    // The week before is read only for what it is compared on: about half the rows.
    store.scan(patientId, { kinds: BASELINE_KINDS, from: new Date(start.getTime() - DOSE_MATCH_WINDOW_MS), to: dayStart }),
    store.scan(patientId, { kinds: SCHEDULE_KINDS }),
  ])
  const inRange = [...baseline, ...day]
  const events = [...inRange, ...schedules]
  const [from, to] = [dayStart.toISOString(), end.toISOString()]
  const active = (e: HealthEvent) => e.occurred_at >= from && e.occurred_at < to && isPatientActivity(e)
  let checkedInElsewhere = false
  if (!day.some(active)) {
    const page = await store.list(patientId, { kinds: CHECK_IN_ONLY_KINDS, from: dayStart, to: end, limit: 20 })
    checkedInElsewhere = page.events.some(isPatientActivity)
  }
  const names = new Map<string, string>()
  const ackers = new Set(day.flatMap((e) => (e.kind === 'alert' && e.payload.acknowledged_by ? [String(e.payload.acknowledged_by)] : [])))
  for (const id of ackers) {
    const name = await nameOf?.(id)
    if (name) names.set(id, name)
  }
  return computeSummaryFacts(events, { date, timezone: tz, now, checkedInElsewhere, names, scope })
}
