import { signal } from '@preact/signals'
import { locale, t } from '../i18n'

/** The patient's time zone (from their profile); dates and "today" follow it. */
export const timeZone = signal(Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Kolkata')

const fmt = (opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale(), { timeZone: timeZone.value, ...opts })

/** YYYY-MM-DD of an instant in the patient's zone. */
export function localDate(at: Date | string = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone.value, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at))
  return parts
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export const formatTime = (at: string | Date) => fmt({ hour: 'numeric', minute: '2-digit' }).format(new Date(at))

export const formatDateTime = (at: string | Date) =>
  fmt({ day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(new Date(at))

/** "Today", "Yesterday" or "Monday, 3 November" for a local date. */
export function dayHeading(date: string): string {
  const today = localDate()
  if (date === today) return t('day.today')
  if (date === addDays(today, -1)) return t('day.yesterday')
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`))
}

export const formatNumber = (n: number, digits = 0) =>
  new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n)

/** The instant a local date begins, in the patient's zone (for ?from= on event lists). */
export function startOfLocalDay(date: string): string {
  // The zone's offset at noon that day is close enough to find midnight (no zone shifts at midnight by hours).
  const noon = new Date(`${date}T12:00:00Z`)
  const shown = new Date(noon.toLocaleString('en-US', { timeZone: timeZone.value }))
  const offsetMs = shown.getTime() - new Date(noon.toLocaleString('en-US', { timeZone: 'UTC' })).getTime()
  return new Date(Date.parse(`${date}T00:00:00Z`) - offsetMs).toISOString()
}

/** A value for <input type="datetime-local"> from an instant, in the browser's zone. */
export function toLocalInput(at: string): string {
  const d = new Date(at)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}
