import { z } from 'zod'
import { addDays, localDate } from '../memory/local-time.js'

export const PERIODS = ['today', 'yesterday', 'day_before_yesterday', 'this_week', 'last_7_days', 'last_14_days', 'last_28_days', 'last_30_days', 'this_month'] as const
export type Period = (typeof PERIODS)[number]
export const PeriodSchema = z.enum(PERIODS)

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
    case 'this_month':
      return { from: `${today.slice(0, 8)}01`, to: today, label: 'this month' }
  }
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
