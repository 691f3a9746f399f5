import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEventDb, type EventDbHandle } from './event-db.js'
import type { EventKind } from './event-kinds.js'
import { EventStore, type HealthEvent } from './event-store.js'
import { computeInsights, dosesToday, insightsFor } from './insights.js'
import { dayRange, localDate, localTime, zonedInstant } from './local-time.js'
import { normalizePayload } from './normalize-payload.js'
import { ephemeralPatientKeys } from './encryption/patient-keys.js'

const TZ = 'Asia/Kolkata'
let n = 0
/** A stored-looking event, normalised and classified exactly as the store would. */
function ev(kind: EventKind, payload: unknown, occurredAt: string, contextId?: string): HealthEvent {
  const { payload: p, flags } = normalizePayload(kind, payload)
  const id = `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`
  return {
    id,
    user_id: 'u',
    kind,
    context_id: contextId ?? `${kind}:${id}`,
    event_kind: 'fact',
    payload: p,
    flags,
    occurred_at: new Date(occurredAt).toISOString(),
    recorded_at: new Date(occurredAt).toISOString(),
    source: 'api',
    supersedes: null,
    idempotency_key: null,
  }
}

const MET = 'medication:00000000-0000-7000-8000-0000000000aa'
const AML = 'medication:00000000-0000-7000-8000-0000000000bb'

describe('local time', () => {
  it('Should put 23:30 IST in that IST day and 00:30 IST in the next', () => {
    expect(localDate('2026-11-20T18:00:00Z', TZ)).toBe('2026-11-20')
    expect(localDate('2026-11-20T19:00:00Z', TZ)).toBe('2026-11-21')
    expect(dayRange('2026-11-20', TZ)).toEqual({
      start: new Date('2026-11-19T18:30:00Z'),
      end: new Date('2026-11-20T18:30:00Z'),
    })
  })

  it('Should handle a zone with daylight saving', () => {
    // 2026-03-08 is the US spring-forward day: 23 hours long in New York.
    const { start, end } = dayRange('2026-03-08', 'America/New_York')
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23)
    expect(zonedInstant('2026-07-01', '09:00', 'America/New_York').toISOString()).toBe('2026-07-01T13:00:00.000Z')
    // Either side of the jump, in the same quarter-hour cache as everything else.
    expect(localTime('2026-03-08T06:59:00Z', 'America/New_York')).toBe('01:59')
    expect(localTime('2026-03-08T07:00:00Z', 'America/New_York')).toBe('03:00')
    expect(localTime('2026-11-21T04:30:00Z', 'Asia/Kathmandu')).toBe('10:15')
  })
})

describe('computeInsights', () => {
  const medication = [
    ev('medication', { name: 'Metformin', dosage: '500 mg' }, '2026-11-01T00:00:00Z', MET),
    ev('medication', { name: 'Amlodipine', dosage: '5 mg' }, '2026-11-01T00:00:00Z', AML),
    ev('med_schedule', { medication_id: MET, time_of_day: '08:00' }, '2026-11-01T00:00:00Z'),
    ev('med_schedule', { medication_id: MET, time_of_day: '20:00' }, '2026-11-01T00:00:00Z'),
    // Amlodipine on Mondays only; 2026-11-16 is a Monday.
    ev('med_schedule', { medication_id: AML, time_of_day: '09:00', days_of_week: ['1'] }, '2026-11-01T00:00:00Z'),
  ]

  it('Should count readings, calories and water on the IST day they happened', () => {
    const events = [
      ev('vitals', { blood_pressure_systolic: 150, blood_pressure_diastolic: 95 }, '2026-11-20T18:00:00Z'), // 23:30 IST on the 20th
      ev('vitals', { blood_pressure_systolic: 120, blood_pressure_diastolic: 78 }, '2026-11-20T19:00:00Z'), // 00:30 IST on the 21st
      ev('food', { description: 'dinner', calories: 600 }, '2026-11-20T15:00:00Z'),
      ev('food', { description: 'late snack', calories: 150 }, '2026-11-20T18:15:00Z'),
      ev('water', { amount_ml: 250 }, '2026-11-20T05:00:00Z'),
      ev('water', { amount_ml: 500 }, '2026-11-20T19:30:00Z'),
    ]
    const i = computeInsights(events, { from: '2026-11-20', to: '2026-11-21', timezone: TZ, now: new Date('2026-11-21T12:00:00Z') })
    expect(i.days).toEqual([
      expect.objectContaining({ date: '2026-11-20', calories: 750, meals: 2, water_ml: 250, readings: 1 }),
      expect.objectContaining({ date: '2026-11-21', calories: 0, meals: 0, water_ml: 500, readings: 1 }),
    ])
    expect(i.nutrition).toEqual({ total_calories: 750, mean_daily_calories: 375, total_water_ml: 750, mean_daily_water_ml: 375 })
  })

  it('Should give latest, min, max, mean and category counts of vitals', () => {
    const events = [
      ev('vitals', { blood_pressure_systolic: 150, blood_pressure_diastolic: 95, heart_rate: 80 }, '2026-11-20T03:00:00Z'),
      ev('vitals', { blood_pressure_systolic: 118, blood_pressure_diastolic: 76, heart_rate: 70 }, '2026-11-20T09:00:00Z'),
      ev('vitals', { blood_pressure_systolic: 134, blood_pressure_diastolic: 84 }, '2026-11-20T12:00:00Z'),
      ev('vitals', { blood_sugar: 65 }, '2026-11-20T02:00:00Z'),
    ]
    const i = computeInsights(events, { from: '2026-11-20', to: '2026-11-20', timezone: TZ, now: new Date('2026-11-20T15:00:00Z') })
    expect(i.vitals.blood_pressure).toEqual({
      count: 3,
      latest: { systolic: 134, diastolic: 84, at: '2026-11-20T12:00:00.000Z', category: 'stage_1' },
      min: { systolic: 118, diastolic: 76 },
      max: { systolic: 150, diastolic: 95 },
      mean: { systolic: 134, diastolic: 85 },
      categories: { stage_2: 1, normal: 1, stage_1: 1 },
    })
    expect(i.vitals.heart_rate).toMatchObject({ count: 2, min: 70, max: 80, mean: 75 })
    expect(i.vitals.blood_sugar).toMatchObject({ count: 1, categories: { level_1_low: 1 } })
    expect(i.vitals.spo2.count).toBe(0)
  })

  it('Should expand schedules into doses and mark taken, skipped, missed and due', () => {
    const events = [
      ...medication,
      ev('med_dose', { medication_id: MET, medication_name: 'Metformin', status: 'taken' }, '2026-11-16T02:45:00Z'), // 08:15 IST
      ev('med_dose', { medication_name: 'amlodipine', status: 'skipped', reason: 'dizzy' }, '2026-11-16T03:30:00Z'),
    ]
    // 21:10 IST on Monday the 16th: the 20:00 dose is 70 minutes late, so missed.
    const late = computeInsights(events, { from: '2026-11-16', to: '2026-11-16', timezone: TZ, now: new Date('2026-11-16T15:40:00Z') })
    expect(late.medication.doses.map((d) => [d.medication_name, d.time_of_day, d.status])).toEqual([
      ['Metformin', '08:00', 'taken'],
      ['Amlodipine', '09:00', 'skipped'],
      ['Metformin', '20:00', 'missed'],
    ])
    expect(late.medication).toMatchObject({ scheduled: 3, taken: 1, skipped: 1, missed: 1, due: 0, adherence_pct: 33.3 })
    expect(late.medication.doses[1]!.reason).toBe('dizzy')
    // At 20:50 IST the evening dose is still within its hour: due, not missed.
    const early = computeInsights(events, { from: '2026-11-16', to: '2026-11-16', timezone: TZ, now: new Date('2026-11-16T15:20:00Z') })
    expect(early.medication.doses[2]!.status).toBe('due')
    expect(early.medication.adherence_pct).toBe(50)
  })

  it('Should pair a dose that names its slot with that slot only', () => {
    const events = [
      ...medication,
      ev('med_dose', { medication_id: MET, medication_name: 'Metformin', status: 'taken', scheduled_for: '2026-11-17T14:30:00.000Z' }, '2026-11-17T03:00:00Z'),
    ]
    const i = computeInsights(events, { from: '2026-11-17', to: '2026-11-17', timezone: TZ, now: new Date('2026-11-17T18:00:00Z') })
    expect(i.medication.doses.map((d) => d.status)).toEqual(['missed', 'taken'])
  })

  it('Should not expect doses before a schedule was set or for an inactive medicine', () => {
    const events = [
      ev('medication', { name: 'Metformin' }, '2026-11-01T00:00:00Z', MET),
      ev('med_schedule', { medication_id: MET, time_of_day: '08:00' }, '2026-11-18T05:00:00Z'), // set 10:30 IST on the 18th
      ev('medication', { name: 'Amlodipine', active: false }, '2026-11-01T00:00:00Z', AML),
      ev('med_schedule', { medication_id: AML, time_of_day: '09:00' }, '2026-11-01T00:00:00Z'),
    ]
    const i = computeInsights(events, { from: '2026-11-18', to: '2026-11-19', timezone: TZ, now: new Date('2026-11-19T12:00:00Z') })
    expect(i.medication.doses.map((d) => `${d.date} ${d.medication_name}`)).toEqual(['2026-11-19 Metformin'])
  })

  it('Should report the days without readings and the streaks', () => {
    const events = [
      ev('vitals', { heart_rate: 70 }, '2026-11-15T04:00:00Z'),
      ev('vitals', { heart_rate: 72 }, '2026-11-18T04:00:00Z'),
    ]
    const i = computeInsights(events, { from: '2026-11-14', to: '2026-11-22', timezone: TZ, now: new Date('2026-11-20T10:00:00Z') })
    expect(i.missing_readings).toEqual({
      days_without_readings: ['2026-11-14', '2026-11-16', '2026-11-17', '2026-11-19', '2026-11-20'],
      current_streak_days: 2,
      longest_streak_days: 2,
    })
  })
})

describe('insights over the store', () => {
  let handle: EventDbHandle
  let store: EventStore
  beforeAll(async () => {
    handle = await openEventDb({})
    store = new EventStore(handle.db, ephemeralPatientKeys())
  })
  afterAll(() => handle.close())

  it("Should use the profile's time zone and list today's doses", async () => {
    const user = 'tz-user'
    await store.append(user, { kind: 'profile', payload: { timezone: 'America/New_York' }, source: 'api' })
    const { event: med } = await store.append(user, { kind: 'medication', payload: { name: 'Lisinopril' }, source: 'api', occurred_at: '2026-11-01T00:00:00Z' })
    await store.append(user, { kind: 'med_schedule', payload: { medication_id: med.context_id, time_of_day: '09:00' }, source: 'api', occurred_at: '2026-11-01T00:00:00Z' })
    await store.append(user, { kind: 'med_dose', payload: { medication_id: med.context_id, medication_name: 'Lisinopril', status: 'taken' }, source: 'api', occurred_at: '2026-11-20T14:05:00Z' })
    // 23:00 UTC on the 20th is 18:00 in New York: still the 20th there.
    const now = new Date('2026-11-20T23:00:00Z')
    const today = await dosesToday(store, user, now)
    expect(today).toMatchObject({ date: '2026-11-20', timezone: 'America/New_York' })
    expect(today.doses).toEqual([expect.objectContaining({ medication_name: 'Lisinopril', time_of_day: '09:00', status: 'taken' })])
    const week = await insightsFor(store, user, { from: '2026-11-14', to: '2026-11-20' }, now)
    expect(week.medication).toMatchObject({ scheduled: 7, taken: 1, missed: 6 })
  })
})
