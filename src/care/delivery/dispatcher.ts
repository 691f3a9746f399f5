import { sql, type ExpressionBuilder, type Selectable } from 'kysely'
import type { AlertTier } from '../../../memory/event-kinds.js'
import { anyEvent, type EventStore, type HealthEvent } from '../../../memory/event-store.js'
import { DEFAULT_TIMEZONE } from '../../../memory/insights.js'
import { newId } from '../../../core/ids.js'
import type { Logger } from '../../logger.js'
import { admitsTier } from '../alerts/alert-rules.js'
import type { CareLinks } from '../care-links.js'
import type { CareDatabase, CareDb, CareDeliveriesTable, DeliveryChannel } from '../care-tables.js'
import type { CareMetrics } from '../care-metrics.js'
import type { AccountPreferences, Preferences } from '../preferences.js'
import { DeliveryError, type Channel, type DeliveryMessage, type Recipient } from './channel.js'
import { alertMessage, summaryMessage, type PatientRef } from './messages.js'
import { inQuietHours, releaseTime } from './quiet-hours.js'

const MINUTE = 60_000
/** Retries back off from 30 s, doubling, to at most an hour; after 8 attempts a delivery is failed. */
export const MAX_ATTEMPTS = 8
export const retryDelayMs = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 60 * MINUTE)
/** A claimed delivery not finished by then (a crash mid-send) is claimed again. */
const LEASE_MS = 2 * MINUTE
const BATCH = 50

export type DeliveryRow = Selectable<CareDeliveriesTable>
type Row = DeliveryRow

/** A delivery's recipient id for one of the patient's emergency contacts (they have no account). */
export const contactRecipient = (contactEntity: string) => `contact:${contactEntity}`

/** Who a delivery goes to, resolved just before each attempt. */
interface Resolved {
  recipient: Recipient
  patient: PatientRef
  /** Their preferences (an emergency contact has none: only emergencies reach them). */
  prefs?: Preferences
  /** The channels that may carry this delivery to them now. */
  allowed: DeliveryChannel[]
}

export interface DispatcherDeps {
  db: CareDb
  events: EventStore
  care: CareLinks
  preferences: AccountPreferences
  /** The configured channels; in-app is always among them. */
  channels: Partial<Record<DeliveryChannel, Channel>> & { in_app: Channel }
  metrics: CareMetrics
  logger: Logger
  now: () => Date
  /** A patient's reminder in every form (the reminders module renders its own). */
  composeReminder?: (item: HealthEvent<'notification'>, row: Row, language: string) => Promise<DeliveryMessage | undefined>
  /** Whether a delivery is no longer worth sending (an answered reminder, an acknowledged repeat). */
  isStale?: (row: Row, item: HealthEvent) => Promise<boolean>
  /** Told when in-app deliveries are left waiting for a caregiver's socket (another instance may hold it). */
  onWaiting?: (caregiverIds: string[]) => void
  /** Whether an account has a browser subscribed to Web Push (push is planned only then). */
  hasPushSubscription?: (userId: string) => Promise<boolean>
}

/** An inactivity alert goes to the caregivers who chose to hear after exactly that many waking hours. */
function wantsCondition(prefs: Preferences, condition: string): boolean {
  const hours = condition.match(/^inactivity:(\d+)h$/)?.[1]
  return hours === undefined || prefs.inactivity_hours === Number(hours)
}

const isDue = (now: Date) => (eb: ExpressionBuilder<CareDatabase, 'care_deliveries'>) =>
  eb.or([
    eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
    eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
  ])

/**
 * Plans and performs deliveries of alerts and summaries to caregivers, one row per item,
 * caregiver and channel in `care_deliveries` (unique, so planning twice plans once). A row is
 * claimed with a lease before it is sent, so two instances never send it both; a failure is
 * recorded and retried with exponential backoff, and the last one is kept as `failed`.
 */
export class Dispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  /** The channels a caregiver gets, from their preferences and what this service has configured. */
  channelsFor(prefs: Preferences): DeliveryChannel[] {
    const { channels } = this.deps
    const n = prefs.notifications
    const out: DeliveryChannel[] = ['in_app']
    if (n.email && prefs.email && channels.email) out.push('email')
    if (n.sms && prefs.phone && channels.sms) out.push('sms')
    if (n.webhook && prefs.webhook_url && channels.webhook) out.push('webhook')
    if (n.push && channels.push) out.push('push')
    return out
  }

  /** The channels to plan for an account now: its preferences', less Web Push when no browser is subscribed. */
  async reachable(userId: string, prefs: Preferences): Promise<DeliveryChannel[]> {
    const channels = this.channelsFor(prefs)
    if (!channels.includes('push') || (await this.deps.hasPushSubscription?.(userId)) !== false) return channels
    return channels.filter((c) => c !== 'push')
  }

  /**
   * Plans an alert's deliveries to every linked caregiver whose threshold admits its tier:
   * emergencies at once, the rest when the caregiver's quiet hours end. Only the first call for
   * an alert plans (also across instances); a duplicate is recorded and delivers nothing.
   */
  async planAlert(alert: HealthEvent<'alert'>, opts: { duplicate?: boolean; caregiverIds?: string[] } = {}): Promise<void> {
    const { db, care, preferences } = this.deps
    const now = this.deps.now()
    const tier = alert.payload.tier
    const rows: Row[] = []
    if (!opts.duplicate) {
      for (const cg of await care.listLinkedCaregivers(alert.user_id)) {
        if (opts.caregiverIds && !opts.caregiverIds.includes(cg.id)) continue
        if (!cg.sharing.includes('alerts')) continue
        const prefs = await preferences.getPreferences(cg.id)
        if (!admitsTier(prefs.alert_threshold, tier) || !wantsCondition(prefs, alert.payload.condition)) continue
        const due = tier === 'emergency' ? now : releaseTime(prefs, now)
        for (const channel of await this.reachable(cg.id, prefs)) {
          rows.push(this.newRow(anyEvent(alert), cg.id, channel, tier, due, now))
        }
      }
    }
    // The marker and the rows commit together: an alert is either fully planned or not at all.
    const planned = await db.transaction().execute(async (trx) => {
      const marker = await trx
        .insertInto('care_alert_dispatch')
        .values({
          alert_event_id: alert.id,
          patient_id: alert.user_id,
          outcome: opts.duplicate ? 'duplicate' : 'planned',
          created_at: now,
        })
        .onConflict((oc) => oc.column('alert_event_id').doNothing())
        .returning('alert_event_id')
        .executeTakeFirst()
      if (!marker) return false
      if (rows.length) await trx.insertInto('care_deliveries').values(rows).onConflict((oc) => oc.doNothing()).execute()
      return true
    })
    if (!planned || opts.duplicate) return
    if (rows.length) await this.runDue({ itemEventId: alert.id })
  }

  /**
   * Round `round` of an emergency nobody has acknowledged: again to every linked caregiver on
   * their channels, and to `escalateTo` (a caregiver's id or an emergency contact's
   * `contact:` id) by SMS and a phone call. Planning a round twice plans it once.
   */
  async planAlertRound(alert: HealthEvent<'alert'>, round: number, escalateTo?: string): Promise<void> {
    const now = this.deps.now()
    const tier = alert.payload.tier
    const rows: Row[] = []
    for (const cg of await this.deps.care.listLinkedCaregivers(alert.user_id)) {
      if (!cg.sharing.includes('alerts')) continue
      const prefs = await this.deps.preferences.getPreferences(cg.id)
      if (!admitsTier(prefs.alert_threshold, tier)) continue
      for (const channel of await this.reachable(cg.id, prefs)) rows.push(this.newRow(anyEvent(alert), cg.id, channel, tier, now, now, round))
    }
    if (escalateTo) {
      for (const channel of ['sms', 'voice'] as const) {
        if (this.deps.channels[channel]) rows.push(this.newRow(anyEvent(alert), escalateTo, channel, tier, now, now, round))
      }
    }
    if (rows.length) await this.deps.db.insertInto('care_deliveries').values(rows).onConflict((oc) => oc.doNothing()).execute()
    await this.runDue({ itemEventId: alert.id })
  }

  /**
   * A patient's own reminder on their outward channels (in-app is the reminders module's
   * own). `due` is later than now for one held by the patient's quiet hours.
   */
  async planReminder(notification: HealthEvent<'notification'>, channels: DeliveryChannel[], due: Date): Promise<void> {
    const now = this.deps.now()
    const rows = channels
      .filter((ch) => ch !== 'in_app' && this.deps.channels[ch])
      .map((ch) => this.newRow(anyEvent(notification), notification.user_id, ch, null, due, now))
    if (rows.length === 0) return
    await this.deps.db.insertInto('care_deliveries').values(rows).onConflict((oc) => oc.doNothing()).execute()
    if (due <= now) await this.runDue({ itemEventId: notification.id })
  }

  /** Drops what is still pending of an item (an answered reminder, an acknowledged emergency's repeats). */
  async cancelPending(itemEventIds: string[], reason: string, minRound = 0): Promise<number> {
    if (itemEventIds.length === 0) return 0
    const res = await this.deps.db
      .updateTable('care_deliveries')
      .set({ status: 'cancelled', last_error: reason, updated_at: this.deps.now() })
      .where('item_event_id', 'in', itemEventIds)
      .where('round', '>=', minRound)
      .where('status', 'in', ['pending', 'waiting'])
      .executeTakeFirst()
    return Number(res.numUpdatedRows)
  }

  /** Plans a summary's delivery to its caregiver (held by their quiet hours) and sends what is due. */
  async planSummary(summary: HealthEvent<'summary'>, caregiverId: string): Promise<void> {
    const now = this.deps.now()
    const prefs = await this.deps.preferences.getPreferences(caregiverId)
    const due = releaseTime(prefs, now)
    const rows = (await this.reachable(caregiverId, prefs)).map((ch) => this.newRow(anyEvent(summary), caregiverId, ch, null, due, now))
    await this.deps.db.insertInto('care_deliveries').values(rows).onConflict((oc) => oc.doNothing()).execute()
    await this.runDue({ itemEventId: summary.id })
  }

  /** Sends every delivery that is due (held ones whose time came, retries, abandoned leases). */
  async runDue(filter: { itemEventId?: string; caregiverIds?: string[] } = {}): Promise<number> {
    const { db } = this.deps
    const now = this.deps.now()
    let total = 0
    for (;;) {
      const rows = await db
        .updateTable('care_deliveries')
        .set({
          status: 'sending',
          lease_until: new Date(now.getTime() + LEASE_MS),
          updated_at: now,
          attempts: sql`attempts + 1`,
        })
        .where('id', 'in', (eb) => {
          let q = eb.selectFrom('care_deliveries').select('id').where(isDue(now))
          if (filter.itemEventId) q = q.where('item_event_id', '=', filter.itemEventId)
          if (filter.caregiverIds) q = q.where('caregiver_id', 'in', filter.caregiverIds)
          return q.orderBy('next_attempt_at').limit(BATCH).forUpdate().skipLocked()
        })
        // Checked again on the row itself: a concurrent instance may have claimed it meanwhile.
        .where(isDue(now))
        .returningAll()
        .execute()
      await Promise.all(rows.map((row) => this.deliver(row, now)))
      total += rows.length
      if (rows.length < BATCH) return total
    }
  }

  /** Pushes in-app deliveries that waited for these caregivers' sockets (connected here). */
  async flushWaiting(caregiverIds: string[]): Promise<void> {
    if (caregiverIds.length === 0) return
    const now = this.deps.now()
    await this.deps.db
      .updateTable('care_deliveries')
      .set({ status: 'pending', next_attempt_at: now, updated_at: now })
      .where('status', '=', 'waiting')
      .where('caregiver_id', 'in', caregiverIds)
      .execute()
    await this.runDue({ caregiverIds })
  }

  private newRow(
    item: HealthEvent,
    recipientId: string,
    channel: DeliveryChannel,
    tier: AlertTier | null,
    due: Date,
    now: Date,
    round = 0,
  ): Row {
    return {
      id: newId(now.getTime()),
      patient_id: item.user_id,
      caregiver_id: recipientId,
      channel,
      item_kind: item.kind === 'alert' ? 'alert' : item.kind === 'summary' ? 'summary' : 'reminder',
      item_event_id: item.id,
      tier,
      round,
      status: 'pending',
      attempts: 0,
      next_attempt_at: due,
      lease_until: null,
      last_error: null,
      created_at: now,
      updated_at: now,
      sent_at: null,
    }
  }

  private async deliver(row: Row, now: Date): Promise<void> {
    const { logger } = this.deps
    try {
      const who = await this.resolve(row)
      if (typeof who === 'string') return await this.settle(row, { status: 'cancelled', last_error: who })
      const channel = this.deps.channels[row.channel]
      if (!channel || !who.allowed.includes(row.channel)) {
        return await this.settle(row, { status: 'cancelled', last_error: 'channel turned off' })
      }
      const item = await this.currentItem(row)
      if (!item) return await this.settle(row, { status: 'cancelled', last_error: 'item removed' })
      if (await this.deps.isStale?.(row, item)) return await this.settle(row, { status: 'cancelled', last_error: 'no longer needed' })
      // Quiet hours may have been changed since it was planned; waiting is not an attempt.
      if (who.prefs && row.tier !== 'emergency' && inQuietHours(who.prefs, now)) {
        const next_attempt_at = releaseTime(who.prefs, now)
        return await this.settle(row, { status: 'pending', attempts: row.attempts - 1, next_attempt_at })
      }
      const message = await this.compose(item, who, row, now)
      if (!message) return await this.settle(row, { status: 'cancelled', last_error: 'nothing to send' })
      let outcome
      try {
        outcome = await channel.send(who.recipient, message, { id: row.id, now })
      } catch (err) {
        return await this.failed(row, message, who.recipient.name, err, now)
      }
      if (outcome === 'waiting') {
        await this.settle(row, { status: 'waiting', attempts: row.attempts - 1 })
        return this.deps.onWaiting?.([row.caregiver_id])
      }
      await this.settle(row, { status: 'sent', sent_at: now, last_error: null })
      this.deps.metrics.deliveries.inc({ channel: row.channel, outcome: 'sent' })
      await this.audit(row, message, who.recipient.name, 'sent')
    } catch (err) {
      // Our own failure (a store or a template), not the channel's: the lease lapses and it is tried again.
      logger.error({ err, delivery_id: row.id, channel: row.channel }, 'delivery could not be processed')
    }
  }

  /**
   * The recipient of a delivery as they are now, or why it no longer goes out: a caregiver
   * whose link ended, an emergency contact the patient removed. The one place each attempt
   * checks who may receive what.
   */
  private async resolve(row: Row): Promise<Resolved | string> {
    const { care, preferences, events } = this.deps
    if (row.caregiver_id === row.patient_id) {
      const { name, prefs } = await preferences.getRecipient(row.patient_id)
      // A patient's quiet hours are theirs on the clock of their day: the profile's zone.
      const timezone = await this.timezoneOf(row.patient_id)
      const recipient = { id: row.patient_id, name, email: prefs.email, phone: prefs.phone, webhook_url: null, language: prefs.language }
      return { recipient, patient: { id: row.patient_id, name }, prefs: { ...prefs, timezone }, allowed: this.channelsFor(prefs) }
    }
    if (row.caregiver_id.startsWith('contact:')) {
      const entity = row.caregiver_id.slice('contact:'.length)
      const page = await events.list(row.patient_id, { kinds: ['emergency_contact'], contextId: entity, limit: 1 })
      const contact = page.events[0] as HealthEvent<'emergency_contact'> | undefined
      if (!contact) return 'emergency contact removed'
      const [{ name }, profile] = await Promise.all([preferences.getRecipient(row.patient_id), events.latest(row.patient_id, 'profile')])
      const phone = contact.payload.phone.replace(/[ ()-]/g, '')
      const recipient = { id: row.caregiver_id, name: contact.payload.name, email: null, phone, webhook_url: null, language: profile?.payload.language }
      return { recipient, patient: { id: row.patient_id, name }, allowed: ['sms', 'voice'] }
    }
    const link = await care.liveLink(row.patient_id, row.caregiver_id)
    if (!link) return 'caregiver link ended'
    // Checked at each send: what the patient stopped sharing is not sent, even if planned before.
    if (row.item_kind !== 'reminder' && !link.sharing.includes(row.item_kind === 'alert' ? 'alerts' : 'daily_summaries')) {
      return 'not shared by the patient'
    }
    const prefs = await preferences.getPreferences(row.caregiver_id)
    const recipient = { ...link.caregiver, email: prefs.email, phone: prefs.phone, webhook_url: prefs.webhook_url, language: prefs.language }
    const allowed = this.channelsFor(prefs)
    // An escalated emergency reaches a caregiver with a phone number by SMS and a call, whatever their toggles.
    if (row.tier === 'emergency' && row.round > 0 && prefs.phone) allowed.push('sms', 'voice')
    return { recipient, patient: link.patient, prefs, allowed }
  }

  private async failed(row: Row, message: DeliveryMessage, caregiverName: string, err: unknown, now: Date) {
    const { logger } = this.deps
    const error = err instanceof DeliveryError ? err.message : 'unexpected error'
    const final = (err instanceof DeliveryError && err.permanent) || row.attempts >= MAX_ATTEMPTS
    if (!(err instanceof DeliveryError)) logger.error({ err, delivery_id: row.id }, 'channel threw an unexpected error')
    const facts = { delivery_id: row.id, channel: row.channel, attempts: row.attempts, error }
    if (final) {
      await this.settle(row, { status: 'failed', last_error: error })
      logger.warn(facts, 'delivery failed for good')
    } else {
      const next = new Date(now.getTime() + retryDelayMs(row.attempts))
      await this.settle(row, { status: 'pending', next_attempt_at: next, last_error: error })
      logger.info(facts, 'delivery failed; will retry')
    }
    this.deps.metrics.deliveries.inc({ channel: row.channel, outcome: final ? 'failed' : 'retry' })
    await this.audit(row, message, caregiverName, final ? 'failed' : 'pending', error)
  }

  private async settle(row: Row, set: Partial<Omit<Row, 'id'>>): Promise<void> {
    await this.deps.db
      .updateTable('care_deliveries')
      .set({ ...set, lease_until: null, updated_at: this.deps.now() })
      .where('id', '=', row.id)
      .execute()
  }

  private async compose(item: HealthEvent, who: Resolved, row: Row, now: Date): Promise<DeliveryMessage | undefined> {
    const language = who.recipient.language ?? 'en-IN'
    if (item.kind === 'summary') return summaryMessage(item as HealthEvent<'summary'>, who.patient, language)
    if (item.kind === 'notification') return this.deps.composeReminder?.(item as HealthEvent<'notification'>, row, language)
    const minutesWaiting = Math.round((now.getTime() - new Date(item.occurred_at).getTime()) / 60_000)
    const timezone = await this.timezoneOf(item.user_id)
    return alertMessage(item as HealthEvent<'alert'>, who.patient, timezone, { round: row.round, minutesWaiting, language })
  }

  private async timezoneOf(patientId: string): Promise<string> {
    const profile = await this.deps.events.latest(patientId, 'profile')
    return profile?.payload.timezone ?? DEFAULT_TIMEZONE
  }

  /** The item as it is now: an acknowledged alert or a refreshed summary is a newer version of the one planned. */
  private async currentItem(row: Row): Promise<HealthEvent | undefined> {
    const { events, db } = this.deps
    const direct = await events.get(row.patient_id, row.item_event_id)
    if (direct) return direct
    const planned = await db
      .selectFrom('health_events')
      .select('context_id')
      .where('id', '=', row.item_event_id)
      .where('user_id', '=', row.patient_id)
      .executeTakeFirst()
    const last = planned && (await events.history(row.patient_id, planned.context_id)).at(-1)
    return last && !last.tombstone ? (last as unknown as HealthEvent) : undefined
  }

  /** Each attempt's outcome as a `notification` event in the patient's store: who, how, when — no addresses. */
  private async audit(
    row: Row,
    message: DeliveryMessage,
    caregiverName: string,
    status: 'sent' | 'failed' | 'pending',
    error?: string,
  ): Promise<void> {
    const what = { alert: row.round ? 'Alert repeat' : 'Alert', summary: 'Daily summary', reminder: 'Reminder' }[row.item_kind]
    const verb = status === 'sent' ? 'sent to' : status === 'failed' ? 'could not be sent to' : 'not yet sent to'
    try {
      await this.deps.events.append(row.patient_id, {
        kind: 'notification',
        source: 'system',
        idempotency_key: `delivery:${row.id}:${row.attempts}`,
        payload: {
          channel: row.channel,
          recipient_id: row.caregiver_id,
          title: `${what} ${verb} ${caregiverName} (${row.channel === 'voice' ? 'phone call' : row.channel.replace('_', '-')})`.slice(0, 200),
          body: message.subject.slice(0, 5000),
          status,
          related_event_id: row.item_event_id,
          attempts: row.attempts,
          ...(error ? { error: error.slice(0, 500) } : {}),
        },
      })
    } catch (err) {
      this.deps.logger.error({ err, delivery_id: row.id }, 'could not record a delivery in the audit trail')
    }
  }
}
