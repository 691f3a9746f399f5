/**
 * Plausibility limits and clinical classification of vitals, in one place so the event store,
 * alerts, agents and summaries all read the same numbers. Sources are in
 * ../shared/reference/clinical.md; "[DS]" marks a design choice a clinician should confirm.
 */
import type { PayloadOf } from './event-kinds.js'

type Vitals = PayloadOf<'vitals'>

/** Values outside these are rejected (ask again), never stored. clinical.md §1.6 [DS] + issue. */
export const PLAUSIBLE = {
  blood_pressure_systolic: { min: 50, max: 300 },
  blood_pressure_diastolic: { min: 20, max: 200 },
  heart_rate: { min: 20, max: 250 },
  temperature: { min: 25, max: 45 }, // °C, after conversion
  spo2: { min: 50, max: 100 },
  blood_sugar: { min: 10, max: 800 }, // mg/dL; meters read LO/HI outside
  weight_kg: { min: 10, max: 300 },
  hba1c: { min: 3, max: 20 }, // %; lab reports print 4–15
} as const

export interface PlausibilityIssue {
  path: string
  message: string
}

export function plausibilityIssues(v: Vitals): PlausibilityIssue[] {
  const issues: PlausibilityIssue[] = []
  for (const [field, { min, max }] of Object.entries(PLAUSIBLE)) {
    const value = v[field as keyof typeof PLAUSIBLE]
    if (value !== undefined && (value < min || value > max)) {
      issues.push({ path: field, message: `${value} is outside the plausible range ${min}–${max}; please measure again` })
    }
  }
  const sys = v.blood_pressure_systolic
  const dia = v.blood_pressure_diastolic
  if ((sys === undefined) !== (dia === undefined)) {
    issues.push({ path: sys === undefined ? 'blood_pressure_systolic' : 'blood_pressure_diastolic', message: 'blood pressure needs both systolic and diastolic' })
  }
  if (sys !== undefined && dia !== undefined && dia >= sys) {
    issues.push({ path: 'blood_pressure_diastolic', message: `diastolic ${dia} must be lower than systolic ${sys}` })
  }
  if (v.blood_sugar_context && v.blood_sugar === undefined) {
    issues.push({ path: 'blood_sugar_context', message: 'a blood sugar context needs a blood sugar value' })
  }
  return issues
}

/** How much a reading matters, lowest first; alerts map these to their tiers. */
export const SEVERITIES = ['normal', 'attention', 'urgent', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]
const worse = (a: Severity, b: Severity): Severity => (SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b)

export interface Flag<C extends string = string> {
  category: C
  /** Plain words for the patient and the caregiver. */
  label: string
  severity: Severity
}

export type BpCategory = 'hypotension' | 'normal' | 'elevated' | 'stage_1' | 'stage_2' | 'crisis'
export type GlucoseCategory = 'level_2_low' | 'level_1_low' | 'normal' | 'above_target' | 'high' | 'very_high'
export type TemperatureCategory = 'hypothermia' | 'normal' | 'fever' | 'high_fever' | 'very_high_fever'
export type Spo2Category = 'normal' | 'below_normal' | 'low' | 'critical'
export type HeartRateCategory = 'very_low' | 'low' | 'normal' | 'high' | 'very_high'

export interface VitalsFlags {
  blood_pressure?: Flag<BpCategory>
  blood_sugar?: Flag<GlucoseCategory>
  temperature?: Flag<TemperatureCategory>
  spo2?: Flag<Spo2Category>
  heart_rate?: Flag<HeartRateCategory>
  /** The worst severity of the reading. */
  severity: Severity
  /** Extreme values are re-measured before they are acted on (AHA: re-check after 1–5 min). */
  needs_recheck: boolean
}

/** AHA/ACC 2017 categories (kept by 2025); crisis > 180 and/or > 120; hypotension < 90 or < 60. */
export function classifyBloodPressure(sys: number, dia: number): Flag<BpCategory> {
  if (sys > 180 || dia > 120) return { category: 'crisis', label: 'very high blood pressure (hypertensive crisis range)', severity: 'urgent' }
  if (sys >= 140 || dia >= 90) return { category: 'stage_2', label: 'high blood pressure (stage 2)', severity: 'attention' }
  if (sys >= 130 || dia >= 80) return { category: 'stage_1', label: 'high blood pressure (stage 1)', severity: 'normal' }
  if (sys < 90 || dia < 60) return { category: 'hypotension', label: 'low blood pressure', severity: 'attention' }
  if (sys >= 120) return { category: 'elevated', label: 'elevated blood pressure', severity: 'normal' }
  return { category: 'normal', label: 'normal blood pressure', severity: 'normal' }
}

/**
 * ADA hypoglycaemia levels (L1 < 70, L2 < 54); high ≥ 250 (CGM level 2 > 250), very high ≥ 300
 * (urgent-care threshold, sec.); above target: fasting/pre-meal > 130, otherwise > 180.
 */
export function classifyGlucose(mgdl: number, context?: Vitals['blood_sugar_context']): Flag<GlucoseCategory> {
  if (mgdl < 54) return { category: 'level_2_low', label: 'dangerously low blood sugar (level 2)', severity: 'critical' }
  if (mgdl < 70) return { category: 'level_1_low', label: 'low blood sugar (level 1)', severity: 'urgent' }
  if (mgdl >= 300) return { category: 'very_high', label: 'very high blood sugar', severity: 'urgent' }
  if (mgdl >= 250) return { category: 'high', label: 'high blood sugar', severity: 'attention' }
  const target = context === 'fasting' || context === 'before_meal' ? 130 : 180
  if (mgdl > target) return { category: 'above_target', label: 'blood sugar above target', severity: 'normal' }
  return { category: 'normal', label: 'blood sugar in range', severity: 'normal' }
}

/** Fever ≥ 38.0 °C; call the doctor ≥ 39.4 °C; emergency ≥ 40.5 °C; hypothermia < 35.0 °C. */
export function classifyTemperature(celsius: number): Flag<TemperatureCategory> {
  if (celsius >= 40.5) return { category: 'very_high_fever', label: 'very high fever', severity: 'critical' }
  if (celsius >= 39.4) return { category: 'high_fever', label: 'high fever', severity: 'urgent' }
  if (celsius >= 38.0) return { category: 'fever', label: 'fever', severity: 'attention' }
  if (celsius < 35.0) return { category: 'hypothermia', label: 'low body temperature', severity: 'urgent' }
  return { category: 'normal', label: 'normal temperature', severity: 'normal' }
}

/** Normal 95–100 %; < 92 low; < 90 urgent (hypoxaemia). MoHFW: seek care at ≤ 93 %. */
export function classifySpo2(spo2: number): Flag<Spo2Category> {
  if (spo2 < 90) return { category: 'critical', label: 'dangerously low oxygen level', severity: 'critical' }
  if (spo2 < 92) return { category: 'low', label: 'low oxygen level', severity: 'urgent' }
  if (spo2 < 95) return { category: 'below_normal', label: 'oxygen level a little below normal', severity: 'attention' }
  return { category: 'normal', label: 'normal oxygen level', severity: 'normal' }
}

/** Resting HR 60–100; < 40 or > 130 act (NEWS2 scores 3 at ≤ 40 and ≥ 131). */
export function classifyHeartRate(bpm: number): Flag<HeartRateCategory> {
  if (bpm < 40) return { category: 'very_low', label: 'very slow pulse', severity: 'urgent' }
  if (bpm < 60) return { category: 'low', label: 'slow pulse', severity: 'normal' }
  if (bpm > 130) return { category: 'very_high', label: 'very fast pulse', severity: 'urgent' }
  if (bpm > 100) return { category: 'high', label: 'fast pulse', severity: 'attention' }
  return { category: 'normal', label: 'normal pulse', severity: 'normal' }
}

export function classifyVitals(v: Vitals): VitalsFlags {
  const flags: VitalsFlags = { severity: 'normal', needs_recheck: false }
  if (v.blood_pressure_systolic !== undefined && v.blood_pressure_diastolic !== undefined) {
    flags.blood_pressure = classifyBloodPressure(v.blood_pressure_systolic, v.blood_pressure_diastolic)
  }
  if (v.blood_sugar !== undefined) flags.blood_sugar = classifyGlucose(v.blood_sugar, v.blood_sugar_context)
  if (v.temperature !== undefined) flags.temperature = classifyTemperature(v.temperature)
  if (v.spo2 !== undefined) flags.spo2 = classifySpo2(v.spo2)
  if (v.heart_rate !== undefined) flags.heart_rate = classifyHeartRate(v.heart_rate)
  for (const f of [flags.blood_pressure, flags.blood_sugar, flags.temperature, flags.spo2, flags.heart_rate]) {
    if (f) flags.severity = worse(flags.severity, f.severity)
  }
  flags.needs_recheck =
    flags.blood_pressure?.category === 'crisis' ||
    flags.blood_sugar?.category === 'level_2_low' ||
    (v.blood_sugar !== undefined && v.blood_sugar >= 400) ||
    flags.spo2?.category === 'critical' ||
    flags.heart_rate?.category === 'very_low' ||
    flags.heart_rate?.category === 'very_high'
  return flags
}

