/**
 * Unit conversion to the canonical units the event store keeps: glucose mg/dL, temperature °C,
 * weight kg, water ml. Sources: ../shared/reference/clinical.md §1.2 (mmol/L × 18.016), §1.3.
 */

export const MGDL_PER_MMOLL = 18.016

export type TemperatureUnit = 'C' | 'F'
export type GlucoseUnit = 'mg/dL' | 'mmol/L'
export type WeightUnit = 'kg' | 'lb'
export const VOLUME_UNITS = ['glass', 'cup', 'l', 'ml', 'oz'] as const
export type VolumeUnit = (typeof VOLUME_UNITS)[number]

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits

export const fahrenheitToCelsius = (f: number) => round(((f - 32) * 5) / 9, 1)
export const mmolToMgdl = (mmol: number) => round(mmol * MGDL_PER_MMOLL, 0)
export const poundsToKg = (lb: number) => round(lb * 0.45359237, 1)

/** Millilitres in one unit; a glass or cup is the Indian steel tumbler (≈ 250 ml). */
const ML_PER: Record<VolumeUnit, number> = { ml: 1, l: 1000, glass: 250, cup: 250, oz: 29.5735 }
export const toMillilitres = (value: number, unit: VolumeUnit) => Math.round(value * ML_PER[unit])

export function parseTemperatureUnit(unit: string): TemperatureUnit | undefined {
  const u = unit.trim().toLowerCase().replace('°', '').replace('deg', '')
  if (['c', 'celsius', 'centigrade'].includes(u)) return 'C'
  if (['f', 'fahrenheit'].includes(u)) return 'F'
  return undefined
}

export function parseGlucoseUnit(unit: string): GlucoseUnit | undefined {
  const u = unit.trim().toLowerCase().replace(/\s/g, '')
  if (['mg/dl', 'mgdl', 'mg'].includes(u)) return 'mg/dL'
  if (['mmol/l', 'mmol', 'mmoll'].includes(u)) return 'mmol/L'
  return undefined
}

export function parseWeightUnit(unit: string): WeightUnit | undefined {
  const u = unit.trim().toLowerCase()
  if (['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms'].includes(u)) return 'kg'
  if (['lb', 'lbs', 'pound', 'pounds'].includes(u)) return 'lb'
  return undefined
}

/**
 * A unitless body temperature: 34–44 is °C and 86–113 is °F (clinical.md §1.3 [DS]; Indian
 * homes often say "100 bukhar"). Anything else is left to plausibility checks.
 */
export function guessTemperatureUnit(value: number): TemperatureUnit | undefined {
  if (value >= 25 && value <= 45) return 'C'
  if (value >= 86 && value <= 113) return 'F'
  return undefined
}
