import type { z } from 'zod'
import { ValidationError, type Issue } from '../core/errors.js'
import { unstorableTextIssues } from '../core/text.js'
import { classifyVitals, plausibilityIssues, type VitalsFlags } from './clinical-thresholds.js'
import { PAYLOAD_SCHEMAS, type EventKind, type PayloadOf } from './event-kinds.js'
import {
  fahrenheitToCelsius,
  guessTemperatureUnit,
  mmolToMgdl,
  parseGlucoseUnit,
  parseTemperatureUnit,
  parseWeightUnit,
  poundsToKg,
  toMillilitres,
  type VolumeUnit,
} from './units.js'

export type EventIssue = Issue

/** A payload that cannot be stored: wrong shape, impossible value, unknown unit. */
export class EventValidationError extends ValidationError {
  override name = 'EventValidationError'
}

export interface NormalizedPayload<K extends EventKind = EventKind> {
  payload: PayloadOf<K>
  flags: VitalsFlags | null
}

const fromZod = (error: z.ZodError, prefix = 'payload'): EventIssue[] =>
  error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }))

type Raw = Record<string, unknown>

/**
 * Converts a vitals input to canonical units. Input may name units in `units`
 * (`{temperature: 'F', blood_sugar: 'mmol/L', weight_kg: 'lb'}`); a unitless temperature of
 * 86–113 is read as °F. What the patient said is kept in `reported`.
 */
function canonicalVitals(raw: Raw, issues: EventIssue[]): Raw {
  const { units, ...rest } = raw as Raw & { units?: unknown }
  const out: Raw = { ...rest }
  const reported: Record<string, { value: number; unit: string }> = { ...((rest.reported as object) ?? {}) } as never
  const unitMap = (units && typeof units === 'object' ? units : {}) as Record<string, unknown>
  const unitOf = (field: string) => (typeof unitMap[field] === 'string' ? (unitMap[field] as string) : undefined)

  if (typeof out.temperature === 'number') {
    const given = unitOf('temperature')
    const unit = given ? parseTemperatureUnit(given) : guessTemperatureUnit(out.temperature)
    if (given && !unit) issues.push({ path: 'payload.units.temperature', message: `unknown temperature unit "${given}"` })
    if (unit === 'F') {
      reported.temperature = { value: out.temperature, unit: '°F' }
      out.temperature = fahrenheitToCelsius(out.temperature)
    }
  }
  if (typeof out.blood_sugar === 'number') {
    const given = unitOf('blood_sugar')
    const unit = given ? parseGlucoseUnit(given) : 'mg/dL'
    if (!unit) issues.push({ path: 'payload.units.blood_sugar', message: `unknown glucose unit "${given}"` })
    if (unit === 'mmol/L') {
      reported.blood_sugar = { value: out.blood_sugar, unit: 'mmol/L' }
      out.blood_sugar = mmolToMgdl(out.blood_sugar)
    }
  }
  if (typeof out.weight_kg === 'number') {
    const given = unitOf('weight_kg') ?? unitOf('weight')
    const unit = given ? parseWeightUnit(given) : 'kg'
    if (!unit) issues.push({ path: 'payload.units.weight_kg', message: `unknown weight unit "${given}"` })
    if (unit === 'lb') {
      reported.weight_kg = { value: out.weight_kg, unit: 'lb' }
      out.weight_kg = poundsToKg(out.weight_kg)
    }
  }
  // SpO2 written as a fraction (0.95) is a percentage (clinical.md §1.6).
  if (typeof out.spo2 === 'number' && out.spo2 > 0 && out.spo2 <= 1) {
    reported.spo2 = { value: out.spo2, unit: 'fraction' }
    out.spo2 = Math.round(out.spo2 * 100)
  }
  if (Object.keys(reported).length > 0) out.reported = reported
  return out
}

const VOLUME_UNITS: Record<string, VolumeUnit> = {
  ml: 'ml', millilitre: 'ml', milliliter: 'ml', l: 'l', litre: 'l', liter: 'l', litres: 'l', liters: 'l',
  glass: 'glass', glasses: 'glass', cup: 'cup', cups: 'cup', oz: 'oz',
}

/** Water as `{amount_ml}` or `{amount, unit}` ("2 glasses"). */
function canonicalWater(raw: Raw, issues: EventIssue[]): Raw {
  if (raw.amount_ml !== undefined || raw.amount === undefined) return raw
  const { amount, unit, ...rest } = raw
  const u = VOLUME_UNITS[String(unit ?? 'ml').toLowerCase()]
  if (typeof amount !== 'number' || !u) {
    issues.push({ path: 'payload.unit', message: 'give amount_ml, or amount with a unit (ml, l, glass, cup, oz)' })
    return raw
  }
  return { ...rest, amount_ml: toMillilitres(amount, u), reported: { amount_ml: { value: amount, unit: String(unit) } } }
}

/**
 * Validates a payload for its kind, converts units, checks plausibility and classifies vitals.
 * Throws EventValidationError with every issue found; nothing invalid is ever stored.
 */
export function normalizePayload<K extends EventKind>(kind: K, raw: unknown): NormalizedPayload<K> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new EventValidationError('payload must be an object', [{ path: 'payload', message: 'must be an object' }])
  }
  // Whoever writes (a route, a tool with a model's arguments), text the database cannot hold is
  // refused here rather than failing the insert.
  const issues: EventIssue[] = unstorableTextIssues(raw, 'payload')
  let input = raw as Raw
  if (kind === 'vitals') input = canonicalVitals(input, issues)
  if (kind === 'water') input = canonicalWater(input, issues)

  const parsed = PAYLOAD_SCHEMAS[kind].safeParse(input)
  if (!parsed.success) issues.push(...fromZod(parsed.error))
  if (issues.length > 0 || !parsed.success) throw new EventValidationError(`Invalid ${kind} payload`, issues)

  const payload = parsed.data as PayloadOf<K>
  if (kind !== 'vitals') return { payload, flags: null }

  const vitals = payload as PayloadOf<'vitals'>
  const measured = ['blood_pressure_systolic', 'heart_rate', 'blood_sugar', 'temperature', 'spo2', 'weight_kg', 'hba1c'] as const
  if (!measured.some((f) => vitals[f] !== undefined) && vitals.blood_pressure_diastolic === undefined) {
    throw new EventValidationError('Invalid vitals payload', [{ path: 'payload', message: 'give at least one measurement' }])
  }
  const implausible = plausibilityIssues(vitals).map((i) => ({ ...i, path: `payload.${i.path}` }))
  if (implausible.length > 0) throw new EventValidationError('Implausible vitals', implausible)
  return { payload, flags: classifyVitals(vitals) }
}
