import { addDays, localDate, localTime, zonedInstant } from '../../../memory/local-time.js'
import type { Preferences } from '../preferences.js'

type Quiet = Pick<Preferences, 'quiet_hours' | 'timezone'>

/** Whether it is within the account's quiet hours now, in its own time zone (spans midnight when start > end). */
export function inQuietHours(prefs: Quiet, now: Date): boolean {
  const { enabled, start, end } = prefs.quiet_hours
  if (!enabled) return false
  const t = localTime(now, prefs.timezone)
  return start < end ? t >= start && t < end : t >= start || t < end
}

/** When a delivery held by quiet hours may go: their end, or now when it is not quiet. */
export function releaseTime(prefs: Quiet, now: Date): Date {
  if (!inQuietHours(prefs, now)) return now
  const today = localDate(now, prefs.timezone)
  const end = zonedInstant(today, prefs.quiet_hours.end, prefs.timezone)
  return end > now ? end : zonedInstant(addDays(today, 1), prefs.quiet_hours.end, prefs.timezone)
}
