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

/** The zone's offset at an instant, from Intl (slow: a formatToParts call). */
function exactOffsetMs(ms: number, tz: string): number {
  const p: Record<string, number> = {}
  for (const { type, value } of formatter(tz).formatToParts(new Date(ms))) {
    if (type !== 'literal') p[type] = Number(value)
  }
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(ms / 1000) * 1000
}

const QUARTER_HOUR = 15 * 60_000
const offsets = new Map<string, number>()

/**
 * The zone's offset at an instant, cached per quarter hour: every zone's offset is a multiple
 * of 15 minutes and changes only at a quarter-hour boundary, so one lookup serves the whole
 * quarter. Insights and summaries ask this hundreds of times per patient.
 */
function offsetMs(ms: number, tz: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR)
  const key = `${tz}|${bucket}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    offset = exactOffsetMs(bucket * QUARTER_HOUR, tz)
    if (offsets.size > 100_000) offsets.clear()
    offsets.set(key, offset)
  }
  return offset
}

function partsOf(instant: Date, tz: string): Parts {
  const local = new Date(instant.getTime() + offsetMs(instant.getTime(), tz))
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  }
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
export function offsetMinutes(instant: Date, tz: string): number {
  return Math.round(offsetMs(instant.getTime(), tz) / 60_000)
}

/** The instant of a wall-clock time on a local date (a time skipped by DST moves forward). */
export function zonedInstant(date: string, time: string, tz: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const guess = Date.UTC(y, m - 1, d, hh, mm)
  const first = guess - offsetMinutes(new Date(guess), tz) * 60_000
  // A second pass settles instants near an offset change.
  const second = guess - offsetMinutes(new Date(first), tz) * 60_000
  // A wall time the change skips (02:30 on a spring-forward night) matches neither pass's
  // offset; the offset before the gap puts it just after the gap (03:30), never an hour early.
  if (localTime(new Date(second), tz) !== time) return new Date(Math.max(first, second))
  return new Date(second)
}

/** The half-open instant range [start, end) of a local date. */
export function dayRange(date: string, tz: string): { start: Date; end: Date } {
  return { start: zonedInstant(date, '00:00', tz), end: zonedInstant(addDays(date, 1), '00:00', tz) }
}

/**
 * The calendar Podd accepts from clients: local dates and instants in the years 1900–2100. Wide
 * enough for any birth date or record a patient has, narrow enough that every date is a
 * four-digit `YYYY-MM-DD` (so date strings sort like the dates they name) and that no range
 * asked for can be large.
 */
export const FIRST_DATE = '1900-01-01'
export const LAST_DATE = '2100-12-31'

const DAY_MS = 86_400_000

/** Whether an instant lies in the accepted calendar (in UTC). */
export function isAcceptedInstant(instant: Date): boolean {
  const t = instant.getTime()
  return t >= dayNumber(FIRST_DATE) * DAY_MS && t < (dayNumber(LAST_DATE) + 1) * DAY_MS
}

/** Whether a `YYYY-MM-DD` date lies in the accepted calendar (compared as dates). */
export function isAcceptedDate(date: string): boolean {
  return daysBetween(FIRST_DATE, date) >= 0 && daysBetween(date, LAST_DATE) >= 0
}


/** Days since 1970-01-01 of a `YYYY-MM-DD` date, whatever its number of year digits. */
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const t = new Date(0)
  t.setUTCFullYear(y, m - 1, d) // Date.UTC would read the years 0–99 as 1900–1999
  return Math.round(t.getTime() / DAY_MS)
}

/** Calendar days from `a` to `b` (negative when `b` is earlier): dates compared as dates, not strings. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a)
}

export function addDays(date: string, days: number): string {
  const t = new Date((dayNumber(date) + days) * DAY_MS)
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

/** ISO weekday of a calendar date as the schedules store it: '1' = Monday … '7' = Sunday. */
export function isoWeekday(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return String(dow === 0 ? 7 : dow)
}

/**
 * Every local date from `from` to `to`, both included (none when `to` is earlier). Counted, not
 * compared as strings: '10000-01-01' sorts before '9999-12-31'.
 */
export function datesBetween(from: string, to: string): string[] {
  const n = daysBetween(from, to) + 1
  return Array.from({ length: Math.max(0, n) }, (_, i) => addDays(from, i))
}
