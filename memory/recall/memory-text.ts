import type { EventKind } from '../event-kinds.js'
import type { HealthEvent } from '../event-store.js'

/**
 * What of an event is worth remembering in words. Recall indexes what the patient told Podd:
 * their chat messages and the free text of events (symptoms, appointments, meals, notes).
 * Numbers alone (a pulse of 72, 250 ml of water) are answered by the event list and insights,
 * not by search over words, so events without text are left out.
 */

/** Kinds that can carry words worth recalling. */
export const RECALLED_KINDS = [
  'chat',
  'symptom',
  'appointment',
  'food',
  'mood',
  'sleep',
  'exercise',
  'vitals',
  'medication',
  'med_dose',
] as const satisfies readonly EventKind[]

export type RecalledKind = (typeof RECALLED_KINDS)[number]

const RECALLED = new Set<string>(RECALLED_KINDS)

/** Longest text embedded per event: a long chat message is cut, its start is what it is about. */
export const MAX_MEMORY_CHARS = 2000

type Payload = Record<string, any>
type TextOf = (p: Payload) => (string | undefined)[]

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
const list = (v: unknown) => (Array.isArray(v) ? v.filter((s) => typeof s === 'string').join(', ') : undefined)
const withLabel = (label: string, v: unknown) => (str(v) ? `${label} ${str(v)}` : undefined)

// Each kind names its own words first (the symptom, the meal) and its notes after, so a snippet
// reads as a sentence. Kinds whose only words are an enum (a mood with no note) give nothing.
const TEXT_OF: Record<RecalledKind, TextOf> = {
  // Only the patient's own words: Podd's replies repeat them and would crowd the results.
  chat: (p) => (p.role === 'user' ? [str(p.text)] : []),
  symptom: (p) => [
    str(p.name),
    str(p.body_part) && str(p.body_part) !== str(p.name) ? `in the ${str(p.body_part)}` : undefined,
    str(p.severity) && `(${p.severity})`,
    withLabel('for', p.duration),
    str(p.notes) && `: ${str(p.notes)}`,
  ],
  appointment: (p) => [
    str(p.title),
    withLabel('with', p.doctor),
    withLabel('at', p.location),
    p.status === 'cancelled' ? '(cancelled)' : undefined,
    str(p.notes) && `: ${str(p.notes)}`,
  ],
  food: (p) => {
    const items: string[] = Array.isArray(p.items) ? p.items.flatMap((i: Payload) => str(i?.name) ?? []) : []
    const description = str(p.description) ?? ''
    const extra = items.filter((name) => !description.toLowerCase().includes(name.toLowerCase()))
    return [str(p.meal_type) && `${p.meal_type}:`, description, extra.length ? `(${extra.join(', ')})` : undefined]
  },
  mood: (p) => (str(p.notes) ? [`feeling ${String(p.mood).replace('_', ' ')}:`, str(p.notes)] : []),
  sleep: (p) => (str(p.notes) ? [`sleep${p.quality ? ` (${p.quality})` : ''}:`, str(p.notes)] : []),
  exercise: (p) => (str(p.notes) ? [`${str(p.activity) ?? 'exercise'}:`, str(p.notes)] : []),
  vitals: (p) => {
    const symptoms = list(p.symptoms)
    return str(p.notes) || symptoms ? ['vitals note:', symptoms, str(p.notes)] : []
  },
  medication: (p) => (str(p.instructions) ? [str(p.name), str(p.dosage), `: ${str(p.instructions)}`] : []),
  med_dose: (p) => (str(p.reason) ? [`${p.status} ${str(p.medication_name) ?? ''}:`, str(p.reason)] : []),
}

/** Whether recall ever indexes events of this kind. */
export function isRecalledKind(kind: string): kind is RecalledKind {
  return RECALLED.has(kind)
}

/**
 * The words recall embeds for an event, or undefined when the event has none worth searching
 * (a kind recall ignores, a reading without notes, Podd's own chat replies).
 *
 * @example memoryTextOf(symptomEvent) // 'knee pain in the left knee (moderate): started after the stairs'
 */
export function memoryTextOf(event: Pick<HealthEvent, 'kind' | 'payload'>): string | undefined {
  if (!isRecalledKind(event.kind)) return undefined
  const parts = TEXT_OF[event.kind](event.payload as Payload).filter((s): s is string => !!s)
  const text = parts.join(' ').replace(/\s+:/g, ':').replace(/\s+/g, ' ').trim()
  return text ? text.slice(0, MAX_MEMORY_CHARS) : undefined
}
