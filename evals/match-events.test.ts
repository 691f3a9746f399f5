import { describe, expect, it } from 'vitest'
import type { ExpectedEventSpec } from './dataset-schema.js'
import { matchEvents, maxMatching, valueMismatch, type ActualEvent } from './match-events.js'

const ctx = { now: new Date('2025-06-11T14:00:00Z'), tz: 'Asia/Kolkata' }
const actual = (kind: string, payload: Record<string, unknown>, occurred_at = ctx.now.toISOString()): ActualEvent => ({ kind, payload, occurred_at })
const expected = (kind: string, fields: Record<string, unknown>, more: Partial<ExpectedEventSpec> = {}) =>
  ({ kind, fields, ...more }) as ExpectedEventSpec

describe('valueMismatch', () => {
  it('compares strings trimmed and case-insensitively, names by containment', () => {
    expect(valueMismatch('Fasting ', 'fasting', 'blood_sugar_context', {})).toBeNull()
    expect(valueMismatch('fasting', 'after_meal', 'blood_sugar_context', {})).toMatch(/expected "fasting", got "after_meal"/)
    expect(valueMismatch('metformin', 'Metformin 500 mg', 'medication_name', {})).toBeNull()
    expect(valueMismatch('roti', 'Rotis', 'name', {})).toBeNull()
    expect(valueMismatch('roti', 'Roti wrap', 'description', {})).not.toBeNull()
  })

  it('compares numbers within the default or the given tolerance', () => {
    expect(valueMismatch(38.3, 38.33, 'temperature', {})).toBeNull()
    expect(valueMismatch(38.3, 38.4, 'temperature', {})).not.toBeNull()
    expect(valueMismatch(38.3, 38.4, 'temperature', { temperature: 0.1 })).toBeNull()
    expect(valueMismatch(140, '140', 'blood_pressure_systolic', {})).not.toBeNull()
  })

  it('treats arrays as subsets matched one to one', () => {
    expect(valueMismatch([{ name: 'roti', quantity: 2 }], [{ name: 'dal' }, { name: 'Roti', quantity: 2, unit: 'pc' }], 'items', {})).toBeNull()
    expect(valueMismatch([{ name: 'roti' }, { name: 'roti' }], [{ name: 'roti' }], 'items', {})).toMatch(/expected to include/)
    expect(valueMismatch(['penicillin'], ['Sulfa', 'Penicillin'], 'allergies', {})).toBeNull()
  })

  it('supports operators', () => {
    expect(valueMismatch({ $contains: 'walk' }, 'Morning walk', 'activity', {})).toBeNull()
    expect(valueMismatch({ $regex: '10\\s*mg' }, '10mg', 'dosage', {})).toBeNull()
    expect(valueMismatch({ $in: ['good', 'very_good'] }, 'very_good', 'mood', {})).toBeNull()
    expect(valueMismatch({ $in: ['good', 'very_good'] }, 'bad', 'mood', {})).toMatch(/one of/)
    expect(valueMismatch({ $exists: false }, undefined, 'notes', {})).toBeNull()
    expect(valueMismatch({ $gte: 5, $lte: 10 }, 11, 'x', {})).toMatch(/≤ 10/)
    expect(valueMismatch({ $nope: 1 }, 1, 'x', {})).toMatch(/unknown operator/)
  })
})

describe('matchEvents', () => {
  it('pairs events one to one and explains misses with the nearest candidate', () => {
    const exp = [expected('vitals', { blood_sugar: 145 }), expected('food', { meal_type: 'lunch' }), expected('water', { amount_ml: 500 })]
    const act = [actual('vitals', { blood_sugar: 154 }), actual('food', { meal_type: 'lunch', description: 'rice' }), actual('mood', { mood: 'good' })]
    const m = matchEvents(exp, act, ctx)
    expect(m).toMatchObject({ expected: 3, actual: 3, matched: 1 })
    expect(m.missing).toEqual(['vitals.blood_sugar: expected 145, got 154', 'no water event was written (expected {"amount_ml":500})'])
    expect(m.unexpected).toEqual(['vitals {"blood_sugar":154}', 'mood {"mood":"good"}'])
  })

  it('finds the best pairing when a greedy one would fail', () => {
    // The first expected event fits both actual ones; only the second fits the second.
    const exp = [expected('med_dose', { status: 'taken' }), expected('med_dose', { medication_name: 'amlodipine', status: 'taken' })]
    const act = [actual('med_dose', { medication_name: 'Amlodipine', status: 'taken' }), actual('med_dose', { medication_name: 'Metformin', status: 'taken' })]
    expect(matchEvents(exp, act, ctx).matched).toBe(2)
  })

  it('checks when it happened, relative to now in the patient zone', () => {
    const exp = [expected('vitals', { heart_rate: 70 }, { at: '-1d 09:30', at_tolerance_minutes: 15 })]
    // 09:30 IST yesterday = 04:00 UTC on the 10th.
    expect(matchEvents(exp, [actual('vitals', { heart_rate: 70 }, '2025-06-10T04:10:00.000Z')], ctx).matched).toBe(1)
    const late = matchEvents(exp, [actual('vitals', { heart_rate: 70 }, '2025-06-10T05:00:00.000Z')], ctx)
    expect(late.missing[0]).toMatch(/occurred_at: expected -1d 09:30 \(2025-06-10T04:00:00.000Z\)/)
  })

  it('maxMatching returns a maximum matching', () => {
    const ok = (i: number, j: number) => [[0, 1], [0], [2]][i]!.includes(j)
    expect([...maxMatching(3, 3, ok).entries()].sort()).toEqual([
      [0, 1],
      [1, 0],
      [2, 2],
    ])
  })
})
