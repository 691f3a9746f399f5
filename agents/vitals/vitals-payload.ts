/** A reading said in the patient's units (weight, and the units of sugar, temperature and weight). */
export interface SaidReading {
  weight?: number
  blood_sugar_unit?: string
  temperature_unit?: string
  weight_unit?: string
  [field: string]: unknown
}

/** The store's payload for a reading said in the patient's units (the store converts them). */
export function vitalsPayload(reading: SaidReading): Record<string, unknown> {
  const { blood_sugar_unit, temperature_unit, weight, weight_unit, ...fields } = reading
  const payload: Record<string, unknown> = { ...fields }
  if (weight !== undefined) payload.weight_kg = weight
  const units: Record<string, string> = {}
  if (blood_sugar_unit) units.blood_sugar = blood_sugar_unit
  if (temperature_unit) units.temperature = temperature_unit
  if (weight_unit) units.weight_kg = weight_unit
  if (Object.keys(units).length) payload.units = units
  return payload
}

