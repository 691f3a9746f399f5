import { describe, expect, it } from 'vitest'
import { inQuietHours, releaseTime } from './quiet-hours.js'

const prefs = (start: string, end: string, enabled = true) => ({ quiet_hours: { enabled, start, end }, timezone: 'Asia/Kolkata' })
const ist = (hhmm: string, date = '2025-03-10') => new Date(`${date}T${hhmm}:00+05:30`)

describe('quiet hours', () => {
  it('Should span midnight when they start later than they end, in the account’s zone', () => {
    const p = prefs('22:00', '07:00')
    const quiet = ['21:59', '22:00', '06:59', '07:00'].map((t) => inQuietHours(p, ist(t)))
    expect(quiet).toEqual([false, true, true, false])
    expect(releaseTime(p, ist('23:30'))).toEqual(ist('07:00', '2025-03-11'))
    expect(releaseTime(p, ist('03:00'))).toEqual(ist('07:00'))
    expect(releaseTime(p, ist('12:00'))).toEqual(ist('12:00'))
  })

  it('Should handle daytime quiet hours and none at all', () => {
    expect(inQuietHours(prefs('13:00', '15:00'), ist('14:00'))).toBe(true)
    expect(inQuietHours(prefs('13:00', '15:00'), ist('15:00'))).toBe(false)
    expect(releaseTime(prefs('13:00', '15:00'), ist('13:30'))).toEqual(ist('15:00'))
    expect(inQuietHours(prefs('22:00', '07:00', false), ist('23:00'))).toBe(false)
  })
})
