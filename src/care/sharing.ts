import { forbidden } from '../../core/errors.js'
import { EVENT_KINDS, type EventKind } from '../../memory/event-kinds.js'
import type { Insights } from '../../memory/insights.js'

/**
 * What a patient shares with each linked caregiver, chosen per link. Chat transcripts are off by
 * default (they hold what the patient said to Podd alone); everything else is on until the
 * patient turns it off. Every caregiver read route and every push (alerts, summaries, their
 * escalation) checks it at the moment it reads or sends, so a change takes effect at once.
 */
export const SHARING_CATEGORIES = [
  'vitals',
  'food_and_water',
  'medicines_and_doses',
  'symptoms_and_mood',
  'alerts',
  'daily_summaries',
  'chat_transcripts',
  'doctor_report',
] as const
export type SharingCategory = (typeof SHARING_CATEGORIES)[number]

export const DEFAULT_SHARING: readonly SharingCategory[] = SHARING_CATEGORIES.filter((c) => c !== 'chat_transcripts')

/**
 * The category each kind of event is shared under. `always`: what being someone's caregiver
 * needs whatever else is chosen — who the patient is (profile: name, zone, conditions and
 * allergies for an emergency), their appointments and emergency contacts. `never`: the patient's
 * own inbox and delivery records (notifications) and their alarms.
 */
export const CATEGORY_OF_KIND: Record<EventKind, SharingCategory | 'always' | 'never'> = {
  profile: 'always',
  appointment: 'always',
  emergency_contact: 'always',
  vitals: 'vitals',
  food: 'food_and_water',
  water: 'food_and_water',
  medication: 'medicines_and_doses',
  med_schedule: 'medicines_and_doses',
  med_dose: 'medicines_and_doses',
  symptom: 'symptoms_and_mood',
  mood: 'symptoms_and_mood',
  sleep: 'symptoms_and_mood',
  exercise: 'symptoms_and_mood',
  alert: 'alerts',
  summary: 'daily_summaries',
  chat: 'chat_transcripts',
  alarm: 'never',
  notification: 'never',
}

/** What a viewer may see of a patient: everything (the patient), or what the link shares. */
export type ReadScope = { self: true } | { self: false; shared: ReadonlySet<SharingCategory> }

export const SELF: ReadScope = { self: true }

export function shares(scope: ReadScope, category: SharingCategory): boolean {
  return scope.self || scope.shared.has(category)
}

const WORDS: Record<SharingCategory, string> = {
  vitals: 'vitals',
  food_and_water: 'food and water',
  medicines_and_doses: 'medicines and doses',
  symptoms_and_mood: 'symptoms and mood',
  alerts: 'alerts',
  daily_summaries: 'daily summaries',
  chat_transcripts: 'chat transcripts',
  doctor_report: 'the doctor’s report',
}

/** Refuses (403) what the patient does not share with this caregiver. */
export function assertShared(scope: ReadScope, category: SharingCategory): void {
  if (!shares(scope, category)) {
    throw forbidden(`The patient does not share ${WORDS[category]} with you`)
  }
}

/** A read route's check that its category is shared (for `CareLinks.readScope`, which logs a refusal as such). */
export const needs =
  (category: SharingCategory) =>
  (scope: ReadScope): void =>
    assertShared(scope, category)

/** Whether events of a kind are visible in this scope. */
export function kindVisible(scope: ReadScope, kind: EventKind): boolean {
  const c = CATEGORY_OF_KIND[kind]
  return scope.self || c === 'always' || (c !== 'never' && scope.shared.has(c))
}

/**
 * The kinds a caregiver's event list reads: the visible ones of those asked for (all visible
 * kinds when none is asked). When none of the kinds asked for is visible the request is refused
 * with the reason, so asking for exactly what is not shared never looks like "nothing logged".
 */
export function visibleKinds(scope: ReadScope, asked?: EventKind[]): EventKind[] | undefined {
  if (scope.self) return asked
  if (!asked?.length) return EVENT_KINDS.filter((k) => kindVisible(scope, k))
  const visible = asked.filter((k) => kindVisible(scope, k))
  if (visible.length === 0) {
    const c = CATEGORY_OF_KIND[asked[0]!]
    throw forbidden(c === 'never' ? `Events of kind ${asked[0]} are the patient’s own` : `The patient does not share ${WORDS[c as SharingCategory]} with you`)
  }
  return visible
}

/**
 * Insights with what is not shared taken out: sections of categories the caregiver does not get
 * are null (not zero, which would read as "nothing logged"), and `not_shared` names them.
 */
export function scopedInsights(scope: ReadScope, insights: Insights): Insights & { not_shared?: SharingCategory[] } {
  if (scope.self) return insights
  const hidden = (['vitals', 'food_and_water', 'medicines_and_doses'] as const).filter((c) => !scope.shared.has(c))
  if (hidden.length === 0) return insights
  const vitals = scope.shared.has('vitals')
  const food = scope.shared.has('food_and_water')
  const meds = scope.shared.has('medicines_and_doses')
  return {
    ...insights,
    vitals: vitals ? insights.vitals : (null as never),
    missing_readings: vitals ? insights.missing_readings : (null as never),
    nutrition: food ? insights.nutrition : (null as never),
    medication: meds ? insights.medication : (null as never),
    days: insights.days.map((d) => ({
      date: d.date,
      calories: food ? d.calories : (null as never),
      meals: food ? d.meals : (null as never),
      water_ml: food ? d.water_ml : (null as never),
      readings: vitals ? d.readings : (null as never),
      doses: meds ? d.doses : (null as never),
    })),
    not_shared: hidden,
  }
}

/** The summary sections a link shares (the rest are left out of its daily summary). */
export interface SummaryScope {
  vitals: boolean
  medication: boolean
  food: boolean
  wellbeing: boolean
  alerts: boolean
}

export function summaryScope(shared: readonly SharingCategory[]): SummaryScope {
  return {
    vitals: shared.includes('vitals'),
    medication: shared.includes('medicines_and_doses'),
    food: shared.includes('food_and_water'),
    wellbeing: shared.includes('symptoms_and_mood'),
    alerts: shared.includes('alerts'),
  }
}

/**
 * A stored sharing choice (JSON text; null for a link never changed, which has the default) as
 * categories. Anything unreadable shares nothing: a damaged row must not widen access.
 */
export function parseSharing(stored: string | null): SharingCategory[] {
  if (stored === null) return [...DEFAULT_SHARING]
  try {
    const list = JSON.parse(stored) as unknown
    return Array.isArray(list) ? SHARING_CATEGORIES.filter((c) => list.includes(c)) : []
  } catch {
    return []
  }
}
