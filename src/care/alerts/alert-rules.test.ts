import { describe, expect, it } from 'vitest'
import { classifyVitals as flagsOf } from '../../../memory/clinical-thresholds.js'
import type { HealthEvent } from '../../../memory/event-store.js'
import { admitsTier, ageOn, classifyVitals, missedDoseAlert, screenEvent } from './alert-rules.js'

const NOW = new Date('2025-03-10T04:00:00.000Z')

function vitals(payload: HealthEvent<'vitals'>['payload'], occurredAt = NOW.toISOString()): HealthEvent {
  return {
    id: '01950000-0000-7000-8000-000000000001',
    user_id: 'p1',
    kind: 'vitals',
    context_id: 'vitals:01950000-0000-7000-8000-000000000001',
    event_kind: 'fact',
    payload,
    flags: flagsOf(payload),
    occurred_at: occurredAt,
    recorded_at: NOW.toISOString(),
    source: 'api',
    supersedes: null,
    idempotency_key: null,
  }
}

const classify = (payload: HealthEvent<'vitals'>['payload'], ctx: { symptoms?: string[]; ageYears?: number | null } = {}) => {
  const screen = screenEvent(vitals(payload), NOW)
  if (!screen) return []
  const symptoms = ctx.symptoms ?? payload.symptoms ?? []
  return classifyVitals(screen, { timezone: 'Asia/Kolkata', symptoms, ageYears: ctx.ageYears ?? null })
    .map((c) => `${c.tier} ${c.condition}`)
}

describe('alert rules', () => {
  it('Should pass normal readings and other kinds through the screen without any lookup', () => {
    expect(screenEvent(vitals({ blood_pressure_systolic: 118, blood_pressure_diastolic: 76, spo2: 98 }), NOW)).toBeUndefined()
    expect(screenEvent({ ...vitals({}), kind: 'food', payload: { description: 'tea' } }, NOW)).toBeUndefined()
  })

  it('Should ask for recent symptoms only where they change the tier, and for the age only for a fever', () => {
    const crisis = vitals({ blood_pressure_systolic: 182, blood_pressure_diastolic: 95 })
    expect(screenEvent(crisis, NOW)).toMatchObject({ needsSymptoms: true, needsAge: false })
    expect(screenEvent(vitals({ temperature: 38.3 }), NOW)).toMatchObject({ needsSymptoms: false, needsAge: true })
    expect(screenEvent(vitals({ spo2: 88 }), NOW)).toMatchObject({ needsSymptoms: false, needsAge: false })
  })

  it('Should leave readings taken more than 12 hours ago to the summary', () => {
    expect(screenEvent(vitals({ spo2: 80 }, new Date(NOW.getTime() - 13 * 3_600_000).toISOString()), NOW)).toBeUndefined()
  })

  it('Should apply the tiers of the issue at their boundaries', () => {
    expect(classify({ blood_pressure_systolic: 180, blood_pressure_diastolic: 100 })).toEqual(['urgent blood_pressure:crisis'])
    expect(classify({ blood_pressure_systolic: 179, blood_pressure_diastolic: 120 })).toEqual(['urgent blood_pressure:crisis'])
    expect(classify({ blood_pressure_systolic: 179, blood_pressure_diastolic: 119 })).toEqual(['attention blood_pressure:stage_2'])
    expect(classify({ blood_pressure_systolic: 180, blood_pressure_diastolic: 100 }, { symptoms: ['chest pain'] })).toEqual([
      'emergency blood_pressure:crisis_with_symptoms',
    ])
    expect(classify({ blood_sugar: 53.9 })).toEqual(['emergency blood_sugar:level_2_low'])
    expect(classify({ blood_sugar: 54 })).toEqual(['urgent blood_sugar:level_1_low'])
    expect(classify({ blood_sugar: 300 })).toEqual(['urgent blood_sugar:very_high'])
    expect(classify({ blood_sugar: 299 })).toEqual(['attention blood_sugar:high'])
    expect(classify({ blood_sugar: 120, symptoms: ['feeling drowsy and confused'] })).toEqual(['emergency blood_sugar:with_confusion'])
    expect(classify({ spo2: 89 })).toEqual(['emergency spo2:critical'])
    expect(classify({ spo2: 90 })).toEqual(['urgent spo2:low'])
    expect(classify({ temperature: 38 }, { ageYears: 66 })).toEqual(['urgent temperature:fever_over_65'])
    expect(classify({ temperature: 38 }, { ageYears: 65 })).toEqual(['attention temperature:fever'])
    expect(classify({ heart_rate: 135 }, { symptoms: ['breathless'] })).toEqual(['emergency heart_rate:very_high_with_symptoms'])
  })

  it('Should raise one alert per condition of a reading', () => {
    expect(classify({ blood_pressure_systolic: 190, blood_pressure_diastolic: 110, heart_rate: 132, spo2: 88 })).toEqual([
      'urgent blood_pressure:crisis',
      'urgent heart_rate:very_high',
      'emergency spo2:critical',
    ])
  })

  it('Should admit tiers at or above a threshold', () => {
    expect(admitsTier('urgent', 'emergency')).toBe(true)
    expect(admitsTier('urgent', 'urgent')).toBe(true)
    expect(admitsTier('urgent', 'attention')).toBe(false)
    expect(admitsTier('info', 'attention')).toBe(true)
  })

  it('Should count completed years of age', () => {
    expect(ageOn('1959-03-10', '2025-03-10')).toBe(66)
    expect(ageOn('1959-03-11', '2025-03-10')).toBe(65)
  })

  it('Should name the missed dose and key it to its slot', () => {
    const dose = {
      medication_id: 'medication:x',
      medication_name: 'Warfarin',
      dosage: '2 mg',
      time_of_day: '21:00',
      scheduled_for: '2025-03-10T15:30:00.000Z',
    }
    expect(missedDoseAlert(dose, true, NOW)).toMatchObject({
      tier: 'urgent',
      condition: 'missed_dose:medication:x',
      title: 'Missed dose: Warfarin 2 mg at 21:00',
      instanceKey: '2025-03-10T15:30:00.000Z',
    })
    expect(missedDoseAlert(dose, false, NOW).tier).toBe('attention')
  })
})
