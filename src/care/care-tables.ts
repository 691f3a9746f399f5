import type { ColumnType, Kysely } from 'kysely'
import type { EventDatabase, EventDb } from '../../memory/event-db.js'

/**
 * Care's own tables in the event-store database (migration 003_care_delivery): operational
 * bookkeeping of alert and summary deliveries. The alerts and summaries themselves are events.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>

export type DeliveryChannel = 'in_app' | 'email' | 'sms' | 'webhook'

/**
 * pending: due at next_attempt_at (held by quiet hours, or waiting for a retry); sending: leased
 * by one instance; waiting: in-app, stored until the caregiver's socket connects; sent; failed:
 * gave up after the last attempt (kept, logged and counted); cancelled: the link or channel went away.
 */
export type DeliveryStatus = 'pending' | 'sending' | 'waiting' | 'sent' | 'failed' | 'cancelled'

export interface CareSummaryJobsTable {
  patient_id: string
  caregiver_id: string
  date: string
  status: 'claimed' | 'done'
  claimed_by: string
  claimed_at: Timestamp
  summary_event_id: string | null
  done_at: NullableTimestamp
}

export interface CareAlertDispatchTable {
  alert_event_id: string
  patient_id: string
  outcome: 'planned' | 'duplicate'
  created_at: Timestamp
}

export interface CareDeliveriesTable {
  id: string
  patient_id: string
  caregiver_id: string
  channel: DeliveryChannel
  item_kind: 'alert' | 'summary'
  item_event_id: string
  tier: string | null
  status: DeliveryStatus
  attempts: number
  next_attempt_at: Timestamp
  lease_until: NullableTimestamp
  last_error: string | null
  created_at: Timestamp
  updated_at: Timestamp
  sent_at: NullableTimestamp
}

export interface CareDatabase extends EventDatabase {
  care_summary_jobs: CareSummaryJobsTable
  care_alert_dispatch: CareAlertDispatchTable
  care_deliveries: CareDeliveriesTable
}

export type CareDb = Kysely<CareDatabase>

/** The event database seen with care's tables (they are created by the shared migrations). */
export const careDb = (db: EventDb): CareDb => db as unknown as CareDb
