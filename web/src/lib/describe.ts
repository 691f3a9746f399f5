import type { HealthEvent } from '../api/types'
import { t, type MessageKey } from '../i18n'
import { formatDateTime, formatNumber } from './format'

/** Short words for an event, as on a chip: "BP 150/95", "Water 250 ml", "Metformin taken". */
export function describeEvent(e: HealthEvent): string {
  const p = e.payload
  switch (e.kind) {
    case 'vitals': {
      const parts: string[] = []
      if (p.blood_pressure_systolic !== undefined && p.blood_pressure_diastolic !== undefined) {
        parts.push(t('ev.bp', { sys: p.blood_pressure_systolic, dia: p.blood_pressure_diastolic }))
      }
      if (p.heart_rate !== undefined) parts.push(t('ev.pulse', { n: p.heart_rate }))
      if (p.blood_sugar !== undefined) parts.push(t('ev.sugar', { n: formatNumber(p.blood_sugar) }))
      if (p.weight_kg !== undefined) parts.push(t('ev.weight', { n: formatNumber(p.weight_kg, 1) }))
      if (p.temperature !== undefined) parts.push(t('ev.temperature', { n: formatNumber(p.temperature, 1) }))
      if (p.spo2 !== undefined) parts.push(t('ev.spo2', { n: formatNumber(p.spo2) }))
      const text = parts.join(', ')
      return text ? text[0]!.toUpperCase() + text.slice(1) : t('kind.vitals')
    }
    case 'water':
      return t('ev.water', { n: formatNumber(p.amount_ml) })
    case 'food':
      return p.calories ? t('ev.food_kcal', { what: p.description, n: formatNumber(p.calories) }) : String(p.description)
    case 'med_dose':
      return t(`ev.dose_${p.status as 'taken' | 'skipped' | 'missed'}`, { name: p.medication_name })
    case 'medication':
      return t('ev.medication', { name: [p.name, p.dosage].filter(Boolean).join(' ') })
    case 'med_schedule':
      return t('ev.schedule', { time: p.time_of_day })
    case 'sleep':
      return p.duration_hours !== undefined ? t('ev.sleep', { n: formatNumber(p.duration_hours, 1) }) : t('kind.sleep')
    case 'exercise':
      return p.duration_minutes ? t('ev.exercise', { what: p.activity, n: p.duration_minutes }) : String(p.activity)
    case 'mood':
      return t('ev.mood', { mood: t(`mood.${p.mood as 'good'}`) })
    case 'symptom':
      return t('ev.symptom', { what: p.name })
    case 'appointment':
      return t('ev.appointment', { what: p.title, when: formatDateTime(p.scheduled_for) })
    case 'emergency_contact':
      return t('ev.contact', { name: p.name })
    case 'alarm':
      return t('ev.alarm', { what: p.label, time: p.time_of_day })
    case 'alert':
      return String(p.title)
    case 'summary':
      return t('ev.summary', { date: p.date })
    case 'profile':
      return t('kind.profile')
    default:
      return kindName(e.kind)
  }
}

export const kindName = (kind: string): string => t(`kind.${kind}` as MessageKey)

export type Tone = 'ok' | 'warn' | 'danger'
const TONE_OF_SEVERITY: Record<string, Tone> = { normal: 'ok', attention: 'warn', urgent: 'danger', critical: 'danger' }

/**
 * The clinical categories the server put on a reading (memory/clinical-thresholds.ts), in words
 * ("High — stage 2") with a tone from their severity. Blood pressure and sugar only: the rest are
 * shown as numbers.
 */
export function categoriesOf(e: HealthEvent): { text: string; tone: Tone }[] {
  const out: { text: string; tone: Tone }[] = []
  for (const measure of ['blood_pressure', 'blood_sugar'] as const) {
    const flag = e.flags?.[measure] as { category?: string; severity?: string } | undefined
    if (flag?.category) out.push({ text: categoryText(flag.category), tone: TONE_OF_SEVERITY[flag.severity ?? ''] ?? 'warn' })
  }
  return out
}

export function categoryText(key: string): string {
  const text = t(`cat.${key}` as MessageKey)
  return text.startsWith('cat.') ? key.replace(/_/g, ' ') : text
}
