import { describe, expect, it } from 'vitest'
import {
  afterWakingHours,
  appointmentReminders,
  missDeadline,
  nextSlot,
  refillEstimate,
  repeatTime,
  slotsBetween,
  wakingHoursBetween,
  type DoseRef,
} from './reminder-plan.js'

const EVERY_DAY = ['1', '2', '3', '4', '5', '6', '7']
const ref = (time: string, tz: string, days = EVERY_DAY, since = '2020-01-01T00:00:00Z'): DoseRef => ({
  schedule_id: 'med_schedule:x',
  medication_id: 'medication:x',
  time_of_day: time,
  days,
  tz,
  since,
})
const iso = (d: Date | undefined) => d?.toISOString()

describe('reminder clock rules', () => {
  it('Should put a dose after midnight in Asia/Kolkata on the next local day, the evening before in UTC', () => {
    const r = ref('00:15', 'Asia/Kolkata')
    // 23:50 IST on 10 March: the next 00:15 IST is 11 March, 18:45 UTC on 10 March.
    expect(iso(nextSlot(r, new Date('2025-03-10T18:20:00Z')))).toBe('2025-03-10T18:45:00.000Z')
    expect(iso(nextSlot(r, new Date('2025-03-10T18:45:00Z')))).toBe('2025-03-11T18:45:00.000Z')
  })

  it('Should keep a dose at its local time across a DST change, move a skipped time forward and remind a doubled one once', () => {
    const ny = ref('08:00', 'America/New_York')
    // 8 am EST on 8 March 2025 is 13:00 UTC; after the change on the 9th, 8 am EDT is 12:00 UTC.
    expect(slotsBetween(ny, new Date('2025-03-07T14:00:00Z'), new Date('2025-03-10T14:00:00Z')).map(iso)).toEqual([
      '2025-03-08T13:00:00.000Z',
      '2025-03-09T12:00:00.000Z',
      '2025-03-10T12:00:00.000Z',
    ])
    // 02:30 does not exist on 9 March in New York: it is reminded at 03:30 EDT (07:30 UTC).
    expect(iso(nextSlot(ref('02:30', 'America/New_York'), new Date('2025-03-09T05:00:00Z')))).toBe('2025-03-09T07:30:00.000Z')
    // 01:30 happens twice on 2 November: one reminder, then the next day's.
    const fallBack = slotsBetween(ref('01:30', 'America/New_York'), new Date('2025-11-02T04:00:00Z'), new Date('2025-11-03T12:00:00Z'))
    expect(fallBack).toHaveLength(2)
    expect(fallBack.map((d) => d.toISOString().slice(0, 10))).toEqual(['2025-11-02', '2025-11-03'])
  })

  it('Should skip the days a schedule is off and nothing before the schedule was set', () => {
    const weekdays = ref('09:00', 'Asia/Kolkata', ['1', '2', '3', '4', '5'], '2025-03-07T10:00:00Z')
    // Friday 7 March after 09:00: the next weekday 09:00 is Monday 10 March.
    expect(iso(nextSlot(weekdays, new Date('2025-03-07T05:00:00Z')))).toBe('2025-03-10T03:30:00.000Z')
  })

  it('Should close a dose window at its medicine’s delay or at the next dose, and repeat half way for a short window', () => {
    const at = new Date('2025-03-10T02:30:00Z')
    expect(iso(missDeadline(at, undefined))).toBe('2025-03-10T03:30:00.000Z')
    expect(iso(missDeadline(at, 20))).toBe('2025-03-10T02:50:00.000Z')
    expect(iso(missDeadline(at, 120, new Date('2025-03-10T03:00:00Z')))).toBe('2025-03-10T03:00:00.000Z')
    expect(iso(repeatTime(at, missDeadline(at, undefined)))).toBe('2025-03-10T03:00:00.000Z')
    expect(iso(repeatTime(at, missDeadline(at, 20)))).toBe('2025-03-10T02:40:00.000Z')
    expect(repeatTime(at, new Date(at.getTime() + 8 * 60_000))).toBeUndefined()
  })

  it('Should remind an appointment the day before and two hours before, only those still ahead', () => {
    const appt = new Date('2025-05-10T05:00:00Z')
    expect(appointmentReminders(appt, new Date('2025-05-08T00:00:00Z')).map((r) => [r.which, iso(r.at)])).toEqual([
      ['24h', '2025-05-09T05:00:00.000Z'],
      ['2h', '2025-05-10T03:00:00.000Z'],
    ])
    expect(appointmentReminders(appt, new Date('2025-05-10T02:00:00Z')).map((r) => r.which)).toEqual(['2h'])
    expect(appointmentReminders(appt, new Date('2025-05-10T06:00:00Z'))).toEqual([])
  })

  it('Should estimate the run-out day from the pills left and the daily use, and remind five days before at 09:00', () => {
    const now = new Date('2025-06-01T04:00:00Z') // 09:30 IST
    const twiceDaily = [{ days_of_week: EVERY_DAY }, { days_of_week: EVERY_DAY }]
    const e = refillEstimate({ pillCount: 30, countedAt: '2025-05-30T00:00:00Z', pillsPerDose: 1, schedules: twiceDaily, takenSinceCount: 4, tz: 'Asia/Kolkata', now })!
    // 26 left at 2 a day: 13 days, the last on 13 June; reminded on 8 June at 09:00 IST.
    expect(e).toMatchObject({ pills_left: 26, per_day: 2, runs_out_on: '2025-06-13' })
    expect(iso(e.remind_at)).toBe('2025-06-08T03:30:00.000Z')
    const soon = refillEstimate({ pillCount: 6, countedAt: '2025-05-30T00:00:00Z', pillsPerDose: 2, schedules: [{ days_of_week: EVERY_DAY }], takenSinceCount: 0, tz: 'Asia/Kolkata', now })!
    expect(soon.runs_out_on).toBe('2025-06-03')
    expect(soon.remind_at).toEqual(now)
    expect(refillEstimate({ pillCount: undefined, countedAt: '', pillsPerDose: 1, schedules: twiceDaily, takenSinceCount: 0, tz: 'UTC', now })).toBeUndefined()
  })

  it('Should count only waking hours towards inactivity', () => {
    const sleep = { start: '22:00', end: '07:00' }
    // Last seen 20:00 IST: 2 waking hours that evening, then 6 more from 07:00: 13:00 IST the next day.
    const from = new Date('2025-03-10T14:30:00Z')
    expect(iso(afterWakingHours(from, 8, sleep, 'Asia/Kolkata'))).toBe('2025-03-11T07:30:00.000Z')
    expect(wakingHoursBetween(from, new Date('2025-03-11T07:30:00Z'), sleep, 'Asia/Kolkata')).toBe(8)
    expect(iso(afterWakingHours(new Date('2025-03-10T04:37:00Z'), 1, sleep, 'Asia/Kolkata'))).toBe('2025-03-10T05:37:00.000Z')
  })
})
