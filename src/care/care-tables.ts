import type { ColumnType, Kysely } from 'kysely'
import type { EventDatabase, EventDb } from '../../memory/event-db.js'

/**
 * Care's own tables in the event-store database (migrations 003_care_delivery and
 * 005_care_reminders): operational bookkeeping of deliveries, reminders, timers, escalations
 * and heartbeats. What was said (alerts, summaries, reminders) is in events; these rows hold
 * ids, instants and states, never payload words.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>

export type DeliveryChannel = 'in_app' | 'email' | 'sms' | 'webhook' | 'push' | 'voice'

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
  /**
   * Who it goes to: a linked caregiver's id, the patient's own id (their reminders), or
   * `contact:<emergency_contact entity>` (an escalated emergency).
   */
  caregiver_id: string
  channel: DeliveryChannel
  item_kind: 'alert' | 'summary' | 'reminder'
  item_event_id: string
  tier: string | null
  /** 0 the first time; an emergency's repeats and escalation steps are rounds 1, 2, … */
  round: ColumnType<number, number | undefined, number>
  status: DeliveryStatus
  attempts: number
  next_attempt_at: Timestamp
  lease_until: NullableTimestamp
  last_error: string | null
  created_at: Timestamp
  updated_at: Timestamp
  sent_at: NullableTimestamp
}

export type TimerKind =
  | 'dose'
  | 'dose_repeat'
  | 'dose_miss'
  | 'dose_snooze'
  | 'appointment'
  | 'refill'
  | 'escalation'
  | 'inactivity'

/** Due work: one row per patient and key; `ref` holds ids and instants only. */
export interface CareTimersTable {
  patient_id: string
  key: string
  kind: TimerKind
  due_at: Timestamp
  ref: ColumnType<Record<string, unknown>, string, string>
  lease_until: NullableTimestamp
}

export type ReminderKind = 'dose_reminder' | 'appointment_reminder' | 'refill_reminder'
/** open: waiting for an answer; snoozed: a later reminder will ask again; info: nothing to answer. */
export type ReminderStatus = 'open' | 'answered' | 'snoozed' | 'missed' | 'info'

/** A patient's notification (its id is the notification event's) and, for a dose, its slot's state. */
export interface CareRemindersTable {
  patient_id: string
  claim_key: string
  id: string
  kind: ReminderKind
  medication_id: string | null
  slot_at: NullableTimestamp
  status: ReminderStatus
  response: 'taken' | 'skip' | 'snooze' | null
  late: boolean
  created_at: Timestamp
  responded_at: NullableTimestamp
}

export interface CareEscalationsTable {
  alert_event_id: string
  patient_id: string
  started_at: Timestamp
  step: number
  contacts_reached: number
  status: 'active' | 'acknowledged' | 'exhausted'
  ended_at: NullableTimestamp
}

export interface CareHeartbeatsTable {
  patient_id: string
  day: string
  device: string
  app_version: string
  count: number
  first_at: Timestamp
  last_at: Timestamp
}

export interface CareSyncMarksTable {
  name: string
  seq: ColumnType<string, string | number, string | number>
}

export interface CareDatabase extends EventDatabase {
  care_summary_jobs: CareSummaryJobsTable
  care_alert_dispatch: CareAlertDispatchTable
  care_deliveries: CareDeliveriesTable
  care_timers: CareTimersTable
  care_reminders: CareRemindersTable
  care_escalations: CareEscalationsTable
  care_heartbeats: CareHeartbeatsTable
  care_sync_marks: CareSyncMarksTable
}

/**
 * Every table of care's that holds a patient's rows, with the column naming the patient: an
 * erased patient's rows go from each (push subscriptions are in SQLite, with the account).
 */
export const PATIENT_TABLES = [
  { table: 'care_summary_jobs', column: 'patient_id' },
  { table: 'care_alert_dispatch', column: 'patient_id' },
  { table: 'care_deliveries', column: 'patient_id' },
  { table: 'care_timers', column: 'patient_id' },
  { table: 'care_reminders', column: 'patient_id' },
  { table: 'care_escalations', column: 'patient_id' },
  { table: 'care_heartbeats', column: 'patient_id' },
] as const satisfies readonly { table: keyof CareDatabase; column: string }[]

export type CareDb = Kysely<CareDatabase>

/** The event database seen with care's tables (they are created by the shared migrations). */
export const careDb = (db: EventDb): CareDb => db as unknown as CareDb
