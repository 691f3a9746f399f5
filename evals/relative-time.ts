import { addDays, localDate, localTime, zonedInstant } from '../memory/local-time.js'

/**
 * Times in datasets are relative to the run's "now" so a dataset never goes stale:
 *
 *   "-1d 09:30"  yesterday at 09:30 in the patient's time zone
 *   "08:00"      today at 08:00
 *   "-2d"        two days ago at the current time of day
 *   "-3h", "-45m", "-1d -2h"  hours and minutes are taken off after the date and time are set
 *
 * An absent part keeps now's value. A time later than now is rejected when the history is
 * seeded (the event store refuses the future), not here: the same spec is valid at 23:00.
 */
export const RELATIVE_TIME_RE =
  /^(?:-(\d{1,3})d)?\s*(?:-(\d{1,3})h)?\s*(?:-(\d{1,4})m)?\s*(?:([01]\d|2[0-3]):([0-5]\d))?$/

export function isRelativeTime(spec: string): boolean {
  return spec.trim() !== '' && RELATIVE_TIME_RE.test(spec.trim())
}

export function resolveRelativeTime(spec: string, now: Date, tz: string): Date {
  const m = RELATIVE_TIME_RE.exec(spec.trim())
  if (!m || spec.trim() === '') throw new Error(`"${spec}" is not a relative time like "-1d 09:30", "-3h" or "08:00"`)
  const [, days, hours, minutes, hh, mm] = m
  const date = addDays(localDate(now, tz), -Number(days ?? 0))
  const time = hh !== undefined ? `${hh}:${mm}` : localTime(now, tz)
  let instant = zonedInstant(date, time, tz)
  // Without an explicit time the seconds of now are kept, so "-2d" is exactly 48 hours ago.
  if (hh === undefined) instant = new Date(instant.getTime() + (now.getTime() % 60_000))
  return new Date(instant.getTime() - Number(hours ?? 0) * 3_600_000 - Number(minutes ?? 0) * 60_000)
}
