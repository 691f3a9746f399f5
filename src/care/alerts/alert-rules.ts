import type { Flag, VitalsFlags } from '../../../memory/clinical-thresholds.js'
import type { AlertTier } from '../../../memory/event-kinds.js'
import type { HealthEvent } from '../../../memory/event-store.js'
import type { ExpectedDose } from '../../../memory/insights.js'
import { localTime } from '../../../memory/local-time.js'

/**
 * Which appended events alert a caregiver, and how urgently (clinical.md §5, issue tiers).
 * The rules read the clinical flags the event store already put on each reading, so alerts,
 * agents and summaries agree on the numbers. Everything here is pure; what needs I/O (recent
 * symptoms, the patient's age) is asked for by `screenEvent` and handed in as a context.
 */

export const TIER_RANK: Record<AlertTier, number> = { info: 0, attention: 1, urgent: 2, emergency: 3 }

/** A caregiver's threshold admits the tiers at or above it. */
export const admitsTier = (threshold: AlertTier, tier: AlertTier) => TIER_RANK[tier] >= TIER_RANK[threshold]

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * One alert per condition per window. Emergencies repeat after half an hour, so a patient
 * still in danger alerts again; the rest at most every six hours.
 */
export const DEDUPE_WINDOW_MS: Record<AlertTier, number> = {
  emergency: 30 * MINUTE,
  urgent: 6 * HOUR,
  attention: 6 * HOUR,
  info: 6 * HOUR,
}

/** Symptoms this close to a reading count as "with symptoms" (AHA: crisis with symptoms). */
export const SYMPTOM_LOOKBACK_MS = 30 * MINUTE
/** Readings logged long after they were taken go to the summary, not to an alert now. */
export const ALERT_MAX_AGE_MS = 12 * HOUR
/** IDSA: older adults mount less fever, so 38 °C weighs more over this age. */
export const OLDER_ADULT_AGE = 65

// L3 hypoglycaemia is "altered state"; these words in a symptom mean it (en, Hinglish, hi).
const CONFUSION = /confus|disorient|drows|not making sense|unresponsive|behosh|bhram|बेहोश|भ्रम|उलझन/i

/** What a caregiver should do, by tier; never anything about medicines or doses. */
export const ADVICE: Record<AlertTier, string> = {
  emergency: 'Call them now. If they do not answer or feel unwell, call 112 or 108.',
  urgent: 'Contact them soon and ask them to measure again; if it stays like this, call their doctor today.',
  attention: 'Check in with them when you can.',
  info: 'No action needed.',
}

/** An alert to raise: the payload of the `alert` event plus how it is deduplicated. */
export interface AlertCandidate {
  tier: AlertTier
  condition: string
  title: string
  message: string
  source_event_id?: string
  /** When the thing happened; the alert event carries it. */
  occurred_at: string
  windowMs: number
  /** Names this occurrence exactly (a dose slot, a day); by default the window's time bucket. */
  instanceKey?: string
}

export interface VitalsScreen {
  event: HealthEvent<'vitals'>
  /** Recent symptom events and red flags decide between urgent and emergency. */
  needsSymptoms: boolean
  /** A fever is urgent only after 65. */
  needsAge: boolean
}

export interface VitalsContext {
  timezone: string
  /** The reading's own symptoms and those of the last 30 minutes. */
  symptoms: string[]
  ageYears: number | null
}

const isBpCrisis = (sys: number | undefined, dia: number | undefined) =>
  sys !== undefined && dia !== undefined && (sys >= 180 || dia >= 120)

/**
 * The synchronous part, run on every append: a reading that can alert, or undefined. It reads
 * only the event, so it costs microseconds and never delays the append.
 */
export function screenEvent(event: HealthEvent, now: Date): VitalsScreen | undefined {
  if (event.kind !== 'vitals') return undefined
  const vitals = event as HealthEvent<'vitals'>
  if (now.getTime() - new Date(vitals.occurred_at).getTime() > ALERT_MAX_AGE_MS) return undefined
  const p = vitals.payload
  const f = vitals.flags
  const crisis = isBpCrisis(p.blood_pressure_systolic, p.blood_pressure_diastolic)
  const confused = p.blood_sugar !== undefined && (p.symptoms ?? []).some((s) => CONFUSION.test(s))
  if (!crisis && !confused && (!f || f.severity === 'normal')) return undefined
  const glucose = f?.blood_sugar?.category
  return {
    event: vitals,
    needsSymptoms:
      crisis ||
      f?.heart_rate?.category === 'very_low' ||
      f?.heart_rate?.category === 'very_high' ||
      (glucose !== undefined && glucose !== 'normal' && glucose !== 'above_target'),
    needsAge: f?.temperature?.category === 'fever',
  }
}

const TIER_OF_SEVERITY = { normal: undefined, attention: 'attention', urgent: 'urgent', critical: 'emergency' } as const

type FlagName = keyof Omit<VitalsFlags, 'severity' | 'needs_recheck'>

const NAMES: Record<FlagName, string> = {
  blood_pressure: 'Blood pressure',
  blood_sugar: 'Blood sugar',
  temperature: 'Temperature',
  spo2: 'Oxygen level',
  heart_rate: 'Pulse',
}

function valueText(p: HealthEvent<'vitals'>['payload'], name: FlagName): string {
  switch (name) {
    case 'blood_pressure':
      return `${p.blood_pressure_systolic}/${p.blood_pressure_diastolic} mmHg`
    case 'blood_sugar':
      return `${p.blood_sugar} mg/dL`
    case 'temperature':
      return `${p.temperature} °C`
    case 'spo2':
      return `${p.spo2}%`
    case 'heart_rate':
      return `${p.heart_rate} beats a minute`
  }
}

/** The alerts a flagged reading raises, one per condition. */
export function classifyVitals(screen: VitalsScreen, ctx: VitalsContext): AlertCandidate[] {
  const { event } = screen
  const p = event.payload
  const flags = event.flags ?? { severity: 'normal', needs_recheck: false }
  const withSymptoms = ctx.symptoms.length > 0
  const confused = p.blood_sugar !== undefined && ctx.symptoms.some((s) => CONFUSION.test(s))
  const at = localTime(event.occurred_at, ctx.timezone)
  const out: AlertCandidate[] = []

  const add = (tier: AlertTier, name: FlagName, category: string, label: string) => {
    const symptoms = withSymptoms ? ` Symptoms reported: ${ctx.symptoms.slice(0, 5).join(', ')}.` : ''
    const recheck = flags.needs_recheck && tier !== 'emergency' ? ' Extreme readings should be measured again.' : ''
    out.push({
      tier,
      condition: `${name}:${category}`,
      title: `${NAMES[name]} ${valueText(p, name)}: ${label}`,
      message: `Reading at ${at}: ${valueText(p, name)} (${label}).${symptoms}${recheck} ${ADVICE[tier]}`,
      source_event_id: event.id,
      occurred_at: event.occurred_at,
      windowMs: DEDUPE_WINDOW_MS[tier],
    })
  }
  const fromFlag = (name: FlagName, flag: Flag | undefined) => {
    const tier = flag && TIER_OF_SEVERITY[flag.severity]
    if (flag && tier) add(tier, name, flag.category, flag.label)
  }

  // Blood pressure ≥ 180/120 (AHA): an emergency with symptoms, urgent without.
  if (isBpCrisis(p.blood_pressure_systolic, p.blood_pressure_diastolic)) {
    if (withSymptoms) add('emergency', 'blood_pressure', 'crisis_with_symptoms', 'hypertensive crisis with symptoms')
    else add('urgent', 'blood_pressure', 'crisis', 'very high blood pressure')
  } else fromFlag('blood_pressure', flags.blood_pressure)

  // Glucose < 54 (ADA level 2), or any glucose with confusion (level 3), is an emergency.
  if (confused && flags.blood_sugar?.category !== 'level_2_low') {
    add('emergency', 'blood_sugar', 'with_confusion', 'blood sugar reading with confusion')
  } else fromFlag('blood_sugar', flags.blood_sugar)

  const hr = flags.heart_rate
  if (hr && (hr.category === 'very_low' || hr.category === 'very_high') && withSymptoms) {
    add('emergency', 'heart_rate', `${hr.category}_with_symptoms`, `${hr.label} with symptoms`)
  } else fromFlag('heart_rate', hr)

  const temp = flags.temperature
  if (temp?.category === 'fever' && ctx.ageYears !== null && ctx.ageYears > OLDER_ADULT_AGE) {
    add('urgent', 'temperature', 'fever_over_65', `fever at age ${ctx.ageYears}`)
  } else fromFlag('temperature', temp)

  fromFlag('spo2', flags.spo2)
  return out
}

/**
 * Every condition a screened reading could raise, whatever its lookups find: the outcomes with
 * no symptoms and no age, and with confusion and great age, between them name them all. When
 * each has alerted within its window, the reading needs no lookup at all.
 */
export function possibleConditions(screen: VitalsScreen): { condition: string; windowMs: number }[] {
  const bare = classifyVitals(screen, { timezone: 'UTC', symptoms: [], ageYears: null })
  const worst = classifyVitals(screen, { timezone: 'UTC', symptoms: ['confused'], ageYears: 200 })
  return [...bare, ...worst].map(({ condition, windowMs }) => ({ condition, windowMs }))
}

/** Completed years between a date of birth and a date, both `YYYY-MM-DD`. */
export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/**
 * A scheduled dose with nothing logged when its window closed: an hour after its time by
 * default (Medisafe Medfriend: 1 h), the medicine's own delay when it has one.
 */
export function missedDoseAlert(
  dose: Pick<ExpectedDose, 'medication_id' | 'medication_name' | 'dosage' | 'time_of_day' | 'scheduled_for'>,
  critical: boolean,
  now: Date,
  delayMinutes = 60,
): AlertCandidate {
  const tier: AlertTier = critical ? 'urgent' : 'attention'
  const what = `${dose.medication_name}${dose.dosage ? ` ${dose.dosage}` : ''}`
  const why = critical ? ' It is marked as a medicine that must not be missed.' : ''
  const after = delayMinutes === 60 ? 'an hour' : `${delayMinutes} minutes`
  return {
    tier,
    condition: `missed_dose:${dose.medication_id}`,
    title: `Missed dose: ${what} at ${dose.time_of_day}`,
    message:
      `The ${dose.time_of_day} dose of ${what} was not logged as taken ${after} after its time.${why} ` +
      ADVICE[tier],
    occurred_at: now.toISOString(),
    windowMs: DEDUPE_WINDOW_MS[tier],
    instanceKey: dose.scheduled_for,
  }
}

/** Nothing from the patient by the configured hour of their day (Lively-style check-in). */
export function noCheckinAlert(date: string, hour: number, now: Date): AlertCandidate {
  const by = `${String(hour).padStart(2, '0')}:00`
  return {
    tier: 'attention',
    condition: 'no_checkin',
    title: `No check-in by ${by}`,
    message: `Nothing has been logged and no message sent today (${date}) by ${by}. ${ADVICE.attention}`,
    occurred_at: now.toISOString(),
    // Once a day: the key is the date, and the window keeps it from repeating that day.
    windowMs: 20 * HOUR,
    instanceKey: date,
  }
}
