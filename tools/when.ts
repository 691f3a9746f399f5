import * as chrono from 'chrono-node'
import { localDate, offsetMinutes, zonedInstant } from '../memory/local-time.js'

/** Hinglish time words, so "kal raat" reads as "yesterday night" (logging is about the past). */
const HINGLISH_TIME: [RegExp, string][] = [
  [/\bkal\b/g, 'yesterday'],
  [/\b(?:parso|parson|parsoon|parsun)\b/g, '2 days ago'],
  [/\baaj\b/g, 'today'],
  [/\bsubah\b/g, 'morning'],
  [/\bsavere\b/g, 'morning'],
  [/\bdopahar\b|\bdopehar\b/g, 'afternoon'],
  [/\bshaam\b|\bsham\b/g, 'evening'],
  [/\braat\b|\brat ko\b/g, 'night'],
  [/\bbaje\b/g, "o'clock"],
]

/** Part-of-day words chrono reads loosely; fixed hours keep answers reproducible. */
const PART_OF_DAY_HOUR: [RegExp, number][] = [
  [/\bmorning\b/, 8],
  [/\bafternoon\b/, 14],
  [/\bevening\b/, 19],
  [/\b(?:night|tonight)\b/, 21],
]

const FUTURE_SLACK_MS = 5 * 60_000
const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/

/**
 * When something happened, from words like "yesterday evening", "at 9 pm", "2 hours ago" or
 * "kal raat", in the patient's time zone. Logging is about the past: a time that would fall in
 * the future moves back a day (or a week for a weekday). Undefined when no time is mentioned.
 */
export function parseWhen(text: string | undefined, now: Date, tz: string): Date | undefined {
  if (!text?.trim()) return undefined
  if (/^\d{4}-\d{2}-\d{2}T/.test(text.trim())) {
    const d = new Date(text.trim())
    return Number.isNaN(d.getTime()) ? undefined : d
  }
  let t = text.toLowerCase()
  for (const [re, to] of HINGLISH_TIME) t = t.replace(re, to)
  t = eveningHours(t.replace(/\b(\d{1,2})\.(\d{2})\b/g, '$1:$2'))
  const results = chrono.parse(t, { instant: now, timezone: offsetMinutes(now, tz) }, { forwardDate: false })
  const r = results[0]
  if (!r) return undefined
  let date = r.start.date()
  if (!r.start.isCertain('hour')) {
    const part = PART_OF_DAY_HOUR.find(([re]) => re.test(t))
    if (part) date = zonedInstant(localDate(date, tz), `${String(part[1]).padStart(2, '0')}:00`, tz)
  }
  const step = WEEKDAY.test(t) ? 7 : 1
  while (date.getTime() > now.getTime() + FUTURE_SLACK_MS) date = new Date(date.getTime() - step * 86_400_000)
  return date
}

/** "last night at 9:30" is 9:30 pm: a bare hour said with an evening or a night is after noon. */
function eveningHours(t: string): string {
  if (!/\b(?:night|evening|tonight)\b/.test(t)) return t
  return t.replace(/\bat (\d{1,2})(:\d{2})?\b(?!\s*(?:am|pm|a\.m\.|p\.m\.))/g, (m, h: string, mm: string | undefined) => (Number(h) >= 1 && Number(h) <= 11 ? `at ${h}${mm ?? ''} pm` : m))
}

/** When a logged thing happened: the time the patient named, or the turn's now when they named none. */
export function loggedAt(when: string | undefined, ctx: { now: Date; timezone: string }): Date {
  return parseWhen(when, ctx.now, ctx.timezone) ?? ctx.now
}

/** "9 pm", "21:00", "9:30 am", "nine" → "HH:MM" for schedules; undefined if there is no time. */
export function parseTimeOfDay(text: string): string | undefined {
  const t = text.trim().toLowerCase()
  if (/^([01]?\d|2[0-3]):[0-5]\d$/.test(t)) return t.padStart(5, '0')
  const r = chrono.parse(t.replace(/\bbaje\b/g, "o'clock"), new Date(Date.UTC(2026, 0, 1, 0, 0)))[0]
  if (!r || !r.start.isCertain('hour')) {
    const part = PART_OF_DAY_HOUR.find(([re]) => re.test(t))
    return part ? `${String(part[1]).padStart(2, '0')}:00` : undefined
  }
  const h = r.start.get('hour') ?? 0
  const m = r.start.get('minute') ?? 0
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
}

/** A future date and time ("next Tuesday 10 am") for appointments, in the patient's zone. */
export function parseFutureWhen(text: string, now: Date, tz: string): Date | undefined {
  let t = text.toLowerCase()
  for (const [re, to] of HINGLISH_TIME) t = t.replace(re, to === 'yesterday' ? 'tomorrow' : to)
  return chrono.parseDate(t, { instant: now, timezone: offsetMinutes(now, tz) }, { forwardDate: true }) ?? undefined
}
