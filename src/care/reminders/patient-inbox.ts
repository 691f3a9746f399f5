import { sql, type Selectable } from 'kysely'
import { z } from 'zod'
import { EventConflictError, type EventStore, type HealthEvent } from '../../../memory/event-store.js'
import type { Logger } from '../../logger.js'
import type { CareDb, CareRemindersTable, DeliveryChannel, ReminderKind, ReminderStatus } from '../care-tables.js'
import { decodeCursor, encodeCursor } from '../cursor.js'
import type { Dispatcher } from '../delivery/dispatcher.js'
import type { LiveBus, LiveMessage, LocalExtra } from '../live/live-bus.js'
import type { SocketRegistry } from '../live/socket-registry.js'
import { DOSE_ACTIONS, type DoseAction, type Text } from './reminder-texts.js'

export type InboxRow = Selectable<CareRemindersTable>

/** A patient notification as the API lists it and the socket pushes it. */
export interface PatientNotification {
  id: string
  kind: ReminderKind
  title: string
  body: string
  medication_id?: string
  /** The dose's scheduled instant (UTC), for a dose reminder. */
  slot?: string
  /** What the patient can answer now. */
  actions: DoseAction[]
  created_at: string
  status: ReminderStatus
  response: DoseAction | null
  responded_at: string | null
  /** Sent after its time because the service was down. */
  late: boolean
}

/** A notification to create: its claim, its words, and where it goes besides the app. */
export interface NewNotification {
  patient_id: string
  claim_key: string
  kind: ReminderKind
  medication_id?: string
  slot_at?: Date
  /** What it is about (a medicine's or an appointment's entity). */
  related?: string
  text: Text
  late: boolean
  status: 'open' | 'info'
  /** Outward channels (push, SMS, e-mail) and when they may go (later when held by quiet hours). */
  outward: { channels: DeliveryChannel[]; due: Date }
}

export interface InboxDeps {
  events: EventStore
  db: CareDb
  dispatcher: Dispatcher
  bus: LiveBus
  sockets: SocketRegistry
  logger: Logger
}

const Position = z.object({ at: z.iso.datetime(), id: z.uuid() })

const actionsOf = (row: Pick<InboxRow, 'kind' | 'status'>): DoseAction[] => {
  if (row.kind !== 'dose_reminder') return []
  if (row.status === 'open' || row.status === 'snoozed') return [...DOSE_ACTIONS]
  // A dose recorded missed can still be marked taken ("I took it after all").
  return row.status === 'missed' ? ['taken'] : []
}

/**
 * The patient's notifications: each one a `notification` event in their store (the words) and
 * a row in `care_reminders` (its kind, slot and state). Creating one is exactly-once: the event
 * is appended under the claim key as its idempotency key, then the row's primary key decides
 * which of several schedulers sends it. Sent means pushed to the patient's sockets on every
 * instance (the live bus) and planned on their outward channels through the dispatcher.
 */
export class PatientInbox {
  constructor(private readonly deps: InboxDeps) {}

  /** Creates and sends notifications; returns those this call claimed (the others were someone else's). */
  async create(items: NewNotification[], now: Date): Promise<{ item: NewNotification; event: HealthEvent<'notification'> }[]> {
    if (items.length === 0) return []
    const { events, db } = this.deps
    const written = await Promise.all(
      items.map(async (item) => {
        try {
          const { event } = await events.append(item.patient_id, {
            kind: 'notification',
            source: 'system',
            idempotency_key: `reminder:${item.claim_key}`,
            payload: {
              channel: 'in_app',
              recipient_id: item.patient_id,
              title: item.text.title.slice(0, 200),
              body: item.text.body.slice(0, 5000),
              status: 'sent',
              ...(item.related ? { related_event_id: item.related } : {}),
            },
          })
          return { item, event }
        } catch (err) {
          // The same claim written a moment earlier with other words (a "(late)" either side of the line): theirs.
          if (err instanceof EventConflictError) return undefined
          throw err
        }
      }),
    )
    const mine = written.filter((w) => w !== undefined)
    if (mine.length === 0) return []
    const claimed = await db
      .insertInto('care_reminders')
      .values(
        mine.map(({ item, event }) => ({
          patient_id: item.patient_id,
          claim_key: item.claim_key,
          id: event.id,
          kind: item.kind,
          medication_id: item.medication_id ?? null,
          slot_at: item.slot_at ?? null,
          status: item.status,
          response: null,
          late: item.late,
          created_at: now,
          responded_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(['patient_id', 'claim_key']).doNothing())
      .returningAll()
      .execute()
    const byId = new Map(claimed.map((r) => [r.id, r]))
    const sent = mine.filter(({ event }) => byId.has(event.id))
    await this.deps.bus.publish(
      sent.map(({ item, event }) => ({ type: 'notification', user_id: item.patient_id, reminder_id: event.id })),
      sent.map(({ event }) => ({ notification: view(byId.get(event.id)!, event) })),
    )
    for (const { item, event } of sent) {
      if (item.outward.channels.length === 0) continue
      await this.deps.dispatcher
        .planReminder(event as HealthEvent<'notification'>, item.outward.channels, item.outward.due)
        .catch((err) => this.deps.logger.error({ err }, 'reminder delivery could not be planned'))
    }
    return sent as { item: NewNotification; event: HealthEvent<'notification'> }[]
  }

  /** Pushes a notification the bus announced to this patient's sockets held here. */
  onLive(msg: LiveMessage, local: LocalExtra): void {
    if (msg.type !== 'notification' || !this.deps.sockets.has(msg.user_id)) return
    const push = (notification: PatientNotification | undefined) => {
      if (notification) this.deps.sockets.push(msg.user_id, { type: 'notification', notification })
    }
    if (local?.notification) return push(local.notification as PatientNotification)
    // Made on another instance: read it here, as the patient's own read.
    this.get(msg.user_id, msg.reminder_id).then(push, (err) => this.deps.logger.error({ err }, 'live notification could not be read'))
  }

  async row(patientId: string, id: string): Promise<InboxRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
    return this.deps.db.selectFrom('care_reminders').selectAll().where('patient_id', '=', patientId).where('id', '=', id).executeTakeFirst()
  }

  async get(patientId: string, id: string): Promise<PatientNotification | undefined> {
    const row = await this.row(patientId, id)
    const event = row && (await this.deps.events.get(patientId, row.id))
    return row && event ? view(row, event) : undefined
  }

  /** The patient's notifications, newest first; `open` keeps those still waiting for an answer. */
  async list(
    patientId: string,
    q: { status?: 'open' | 'all'; limit: number; cursor?: string },
  ): Promise<{ notifications: PatientNotification[]; next_cursor: string | null }> {
    let query = this.deps.db.selectFrom('care_reminders').selectAll().where('patient_id', '=', patientId)
    if (q.status === 'open') query = query.where('status', 'in', ['open', 'snoozed'])
    if (q.cursor) {
      const after = decodeCursor(Position, q.cursor)
      query = query.where(sql<boolean>`(created_at, id) < (${new Date(after.at)}, ${after.id}::uuid)`)
    }
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute()
    const page = rows.slice(0, q.limit)
    const events = new Map((await this.deps.events.getMany(patientId, page.map((r) => r.id))).map((e) => [e.id, e]))
    const notifications = page.flatMap((r) => {
      const event = events.get(r.id)
      return event ? [view(r, event)] : []
    })
    const last = page.at(-1)
    const more = rows.length > q.limit && last
    return { notifications, next_cursor: more ? encodeCursor({ at: new Date(last.created_at).toISOString(), id: last.id }) : null }
  }

  /** Dose reminders still waiting for an answer, sent since `since`; the latest slot first. */
  async recentOpen(patientId: string, since: Date): Promise<InboxRow[]> {
    return this.deps.db
      .selectFrom('care_reminders')
      .selectAll()
      .where('patient_id', '=', patientId)
      .where('kind', '=', 'dose_reminder')
      .where('status', 'in', ['open', 'snoozed'])
      .where('created_at', '>=', since)
      .orderBy('slot_at', 'desc')
      .orderBy('created_at', 'desc')
      .execute()
  }

  /** Every notification of one dose slot (the first, a repeat, snoozed ones), oldest first. */
  async slotRows(patientId: string, medicationId: string, slotAt: Date): Promise<InboxRow[]> {
    return this.deps.db
      .selectFrom('care_reminders')
      .selectAll()
      .where('patient_id', '=', patientId)
      .where('medication_id', '=', medicationId)
      .where('slot_at', '=', slotAt)
      .orderBy('created_at')
      .execute()
  }

  /** The notifications of many dose slots in one query, by `slotId`. */
  async slotRowsOf(slots: SlotId[]): Promise<Map<string, InboxRow[]>> {
    const out = new Map<string, InboxRow[]>(slots.map((s) => [slotId(s), []]))
    if (slots.length === 0) return out
    const rows = await this.deps.db
      .selectFrom('care_reminders')
      .selectAll()
      .where(({ eb, refTuple, tuple, or }) =>
        or(slots.map((s) => eb(refTuple('patient_id', 'medication_id', 'slot_at'), '=', tuple(s.patient_id, s.medication_id, s.slot_at)))),
      )
      .orderBy('created_at')
      .execute()
    for (const r of rows) out.get(slotId({ patient_id: r.patient_id, medication_id: r.medication_id!, slot_at: new Date(r.slot_at!) }))?.push(r)
    return out
  }

  /** Moves every notification of these slots to one state, in one statement. */
  async setSlotsState(
    slots: SlotId[],
    set: { status: ReminderStatus; response?: DoseAction | null; responded_at?: Date | null },
    onlyFrom?: ReminderStatus[],
  ): Promise<void> {
    if (slots.length === 0) return
    let q = this.deps.db
      .updateTable('care_reminders')
      .set(set)
      .where(({ eb, refTuple, tuple, or }) =>
        or(slots.map((s) => eb(refTuple('patient_id', 'medication_id', 'slot_at'), '=', tuple(s.patient_id, s.medication_id, s.slot_at)))),
      )
    if (onlyFrom) q = q.where('status', 'in', onlyFrom)
    await q.execute()
  }

  /** Moves every notification of a slot to a state (answered, missed, snoozed). */
  async setSlotState(
    patientId: string,
    medicationId: string,
    slotAt: Date,
    set: { status: ReminderStatus; response?: DoseAction | null; responded_at?: Date | null },
    onlyFrom?: ReminderStatus[],
  ): Promise<void> {
    let q = this.deps.db
      .updateTable('care_reminders')
      .set(set)
      .where('patient_id', '=', patientId)
      .where('medication_id', '=', medicationId)
      .where('slot_at', '=', slotAt)
    if (onlyFrom) q = q.where('status', 'in', onlyFrom)
    await q.execute()
  }
}

/** A notification row and its event as the API shows them. */
export function view(row: InboxRow, event: Pick<HealthEvent, 'payload'>): PatientNotification {
  return {
    id: row.id,
    kind: row.kind,
    title: String(event.payload.title),
    body: String(event.payload.body),
    ...(row.medication_id ? { medication_id: row.medication_id } : {}),
    ...(row.slot_at ? { slot: new Date(row.slot_at).toISOString() } : {}),
    actions: actionsOf(row),
    created_at: new Date(row.created_at).toISOString(),
    status: row.status,
    response: row.response,
    responded_at: row.responded_at ? new Date(row.responded_at).toISOString() : null,
    late: row.late,
  }
}

/** A patient's dose slot: one medicine at one instant. */
export interface SlotId {
  patient_id: string
  medication_id: string
  slot_at: Date
}
export const slotId = (s: SlotId) => `${s.patient_id}|${s.medication_id}|${s.slot_at.toISOString()}`

/** The claim key of a dose slot's first reminder: the primary key that makes it exactly once. */
export const slotKey = (medicationId: string, slotAt: Date) => `dose:${medicationId}:${slotAt.toISOString()}`
