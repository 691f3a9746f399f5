import { strToU8, zipSync } from 'fflate'
import { EVENT_KINDS, PAYLOAD_SCHEMAS, type EventKind } from '../../memory/event-kinds.js'
import type { HealthEvent } from '../../memory/event-store.js'
import type { PatientRecord } from './patient-record.js'

/**
 * A patient's record as spreadsheets: a zip with one CSV per kind of event (vitals.csv,
 * food.csv, …) and access-log.csv. Columns are the event's own (id, when, source) and then every
 * payload field, nested values as JSON. RFC 4180 quoting; cells that a spreadsheet would run as a
 * formula are prefixed with an apostrophe (OWASP CSV injection). UTF-8 with a byte-order mark,
 * so Excel reads Hindi names right.
 */

const BOM = '\uFEFF'
const EVENT_COLUMNS = ['id', 'occurred_at', 'recorded_at', 'source', 'context_id', 'supersedes'] as const

/** One CSV cell: quoted when it must be, defused when it could run as a formula. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return ''
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csv(header: string[], rows: unknown[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** The CSV of one kind: the payload's fields in the order its schema lists them, those present only. */
function kindCsv(kind: EventKind, events: HealthEvent[]): string {
  const present = new Set(events.flatMap((e) => Object.keys(e.payload)))
  const declared = Object.keys((PAYLOAD_SCHEMAS[kind] as unknown as { shape?: object }).shape ?? {})
  const fields = [...declared.filter((f) => present.has(f)), ...[...present].filter((f) => !declared.includes(f))]
  const rows = events.map((e) => [e.id, e.occurred_at, e.recorded_at, e.source, e.context_id, e.supersedes ?? '', ...fields.map((f) => e.payload[f])])
  return csv([...EVENT_COLUMNS, ...fields], rows)
}

/** The zip's files: a CSV per kind with events, then the access log. */
export function csvFiles(record: PatientRecord): Record<string, string> {
  const files: Record<string, string> = {}
  const byKind = new Map<EventKind, HealthEvent[]>()
  for (const e of record.events) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e])
  for (const kind of EVENT_KINDS) {
    const events = byKind.get(kind)
    if (events?.length) files[`${kind}.csv`] = kindCsv(kind, events)
  }
  files['access-log.csv'] = csv(
    ['accessed_at', 'caregiver_id', 'caregiver_name', 'what', 'outcome', 'request_id'],
    record.accessLog.map((a) => [a.accessed_at, a.caregiver.id, a.caregiver.name, a.resource, a.outcome, a.request_id]),
  )
  return files
}

/** The zip of `csvFiles` (deflated; dated entries so unzip shows when it was made). */
export function csvZip(record: PatientRecord, now: Date): Uint8Array {
  const files = csvFiles(record)
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime: now }]])), { level: 6 })
}
