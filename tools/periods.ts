import { z } from 'zod'
import { addDays, localDate } from '../memory/local-time.js'

export const PERIODS = ['today', 'yesterday', 'day_before_yesterday', 'this_week', 'last_week', 'last_7_days', 'last_14_days', 'last_28_days', 'last_30_days', 'this_month'] as const
/** "The last 3 days", "pichhle 10 din": any number of days up to 90, today included. */
const LAST_N_DAYS = /^last_(\d{1,2})_days$/
export type Period = (typeof PERIODS)[number] | `last_${number}_days`
export const PeriodSchema = z
  .union([z.enum(PERIODS), z.string().regex(LAST_N_DAYS).refine((p) => Number(LAST_N_DAYS.exec(p)![1]) >= 2, 'at least 2 days')])
  .describe('A named period, or last_N_days for the last N days (N from 2 to 99), today included') as z.ZodType<Period>

/** Local dates (both included) of a named period, and how to say it. */
export function periodDates(period: Period, now: Date, tz: string): { from: string; to: string; label: string } {
  const today = localDate(now, tz)
  switch (period) {
    case 'today':
      return { from: today, to: today, label: 'today' }
    case 'yesterday': {
      const y = addDays(today, -1)
      return { from: y, to: y, label: 'yesterday' }
    }
    case 'day_before_yesterday': {
      const d = addDays(today, -2)
      return { from: d, to: d, label: 'the day before yesterday' }
    }
    case 'this_week': {
      const dow = new Date(`${today}T00:00:00Z`).getUTCDay() || 7
      return { from: addDays(today, 1 - dow), to: today, label: 'this week' }
    }
    case 'last_7_days':
      return { from: addDays(today, -6), to: today, label: 'over the last 7 days' }
    case 'last_14_days':
      return { from: addDays(today, -13), to: today, label: 'over the last 2 weeks' }
    case 'last_28_days':
      return { from: addDays(today, -27), to: today, label: 'over the last 4 weeks' }
    case 'last_30_days':
      return { from: addDays(today, -29), to: today, label: 'over the last 30 days' }
    case 'last_week': {
      // The calendar week before this one, Monday to Sunday.
      const dow = new Date(`${today}T00:00:00Z`).getUTCDay() || 7
      return { from: addDays(today, 1 - dow - 7), to: addDays(today, -dow), label: 'last week' }
    }
    case 'this_month':
      return { from: `${today.slice(0, 8)}01`, to: today, label: 'this month' }
  }
  const days = Number(LAST_N_DAYS.exec(period)?.[1] ?? 7)
  return { from: addDays(today, 1 - days), to: today, label: `over the last ${days} days` }
}

/** The period of the same kind just before one: last week for this week, the 7 days before the last 7. */
export function previousPeriod(period: Period, now: Date, tz: string): { from: string; to: string; label: string } {
  const current = periodDates(period, now, tz)
  if (period === 'this_week') return periodDates('last_week', now, tz)
  const length = Math.round((Date.parse(current.to) - Date.parse(current.from)) / 86_400_000) + 1
  return { from: addDays(current.from, -length), to: addDays(current.from, -1), label: `the ${length} days before` }
}

/** "9:05 am" in the patient's zone, as people say it. */
export function spokenTime(instant: Date | string, tz: string): string {
  return new Date(instant).toLocaleTimeString('en-IN', { timeZone: tz, hour: 'numeric', minute: '2-digit', hour12: true }).toLowerCase()
}

/** "Tue 18 Nov" in the patient's zone. */
export function spokenDay(instant: Date | string, tz: string): string {
  return new Date(instant).toLocaleDateString('en-IN', { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short' })
}

/** "today at 7:00 am", "yesterday at 9:30 pm", "Mon, 9 Jun at 8:00 am": when, as the patient would say it. */
export function spokenWhen(instant: Date | string, now: Date, tz: string): string {
  const day = localDate(instant, tz)
  const today = localDate(now, tz)
  const said = day === today ? 'today' : day === addDays(today, -1) ? 'yesterday' : day === addDays(today, 1) ? 'tomorrow' : spokenDay(instant, tz)
  return `${said} at ${spokenTime(instant, tz)}`
}
