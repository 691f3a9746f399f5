/**
 * Calendar arithmetic in a patient's IANA time zone with Intl only: "today" is the patient's
 * today, and a reading at 23:30 IST belongs to that IST day.
 */

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(tz, f)
  }
  return f
}

interface Parts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function partsOf(instant: Date, tz: string): Parts {
  const p: Record<string, number> = {}
  for (const { type, value } of formatter(tz).formatToParts(instant)) {
    if (type !== 'literal') p[type] = Number(value)
  }
  return p as unknown as Parts
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(instant: Date | string, tz: string): string {
  const p = partsOf(new Date(instant), tz)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** `HH:MM` of an instant in a time zone. */
export function localTime(instant: Date | string, tz: string): string {
  const p = partsOf(new Date(instant), tz)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(instant: Date, tz: string): number {
  const p = partsOf(instant, tz)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
}

/** The instant of a wall-clock time on a local date (a time skipped by DST moves forward). */
export function zonedInstant(date: string, time: string, tz: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const guess = Date.UTC(y, m - 1, d, hh, mm)
  let instant = new Date(guess - offsetMinutes(new Date(guess), tz) * 60_000)
  // A second pass settles instants near an offset change.
  instant = new Date(guess - offsetMinutes(instant, tz) * 60_000)
  return instant
}

/** The half-open instant range [start, end) of a local date. */
export function dayRange(date: string, tz: string): { start: Date; end: Date } {
  return { start: zonedInstant(date, '00:00', tz), end: zonedInstant(addDays(date, 1), '00:00', tz) }
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, d + days))
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

/** ISO weekday of a calendar date as the schedules store it: '1' = Monday … '7' = Sunday. */
export function isoWeekday(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return String(dow === 0 ? 7 : dow)
}

/** Every local date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}
