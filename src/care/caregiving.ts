import type { Agent } from 'node:https'
import { hostname } from 'node:os'
import type { EventDbHandle } from '../../memory/event-db.js'
import type { EventStore } from '../../memory/event-store.js'
import type { AuthDb } from '../auth/auth-db.js'
import type { Config } from '../config.js'
import type { ChatModels } from '../graph/chat-models.js'
import type { Metrics } from '../metrics.js'
import { newId } from '../../core/ids.js'
import type { Logger } from '../logger.js'
import { ActivityService } from './activity/activity-service.js'
import { AlertService } from './alerts/alert-service.js'
import type { CareLinks } from './care-links.js'
import { CareMetrics } from './care-metrics.js'
import { CareScheduler } from './care-scheduler.js'
import { careDb, type DeliveryChannel } from './care-tables.js'
import type { Channel } from './delivery/channel.js'
import { Dispatcher, type DispatcherDeps } from './delivery/dispatcher.js'
import { EmailChannel } from './delivery/email-channel.js'
import { InAppChannel } from './delivery/in-app-channel.js'
import { PushChannel } from './delivery/push-channel.js'
import { SmsChannel } from './delivery/sms-channel.js'
import { VoiceChannel } from './delivery/voice-channel.js'
import { WebhookChannel } from './delivery/webhook-channel.js'
import { EscalationService } from './escalation/escalation-service.js'
import { createLiveBus, type LiveBus } from './live/live-bus.js'
import { SocketRegistry } from './live/socket-registry.js'
import { webhookPolicy } from './delivery/webhook-target.js'
import type { AccountPreferences } from './preferences.js'
import { PushSubscriptions } from './push/push-subscriptions.js'
import { resolveVapidKeys, type VapidKeys } from './push/vapid-keys.js'
import { DoseReminders } from './reminders/dose-reminders.js'
import { OtherReminders } from './reminders/other-reminders.js'
import { PatientInbox, view } from './reminders/patient-inbox.js'
import { PlanCache } from './reminders/plan-cache.js'
import { reminderMessage } from './reminders/reminder-message.js'
import { ReminderPlanner } from './reminders/reminder-planner.js'
import { langOf } from './reminders/reminder-texts.js'
import { TimerQueue } from './reminders/timers.js'
import { SummaryService } from './summaries/summary-service.js'

/** Caregiver alerts, patient reminders, escalation, activity, daily summaries and their delivery, built once per service. */
export interface Caregiving {
  alerts: AlertService
  summaries: SummaryService
  dispatcher: Dispatcher
  scheduler: CareScheduler
  inApp: InAppChannel
  /** The patient's notifications (reminders) and their state. */
  inbox: PatientInbox
  doses: DoseReminders
  planner: ReminderPlanner
  escalation: EscalationService
  activity: ActivityService
  push: PushSubscriptions
  /** The application server's VAPID public key for browsers; undefined when Web Push is off. */
  vapidPublicKey?: string
  /** Patients' sockets on `/api/v1/ws` held by this instance. */
  patientSockets: SocketRegistry
  bus: LiveBus
  /** Names this instance in claims and on the live bus. */
  instanceId: string
  /** The clock of the care module (the service's; tests move it). */
  now: () => Date
  /** Waits for alert and planning work already started (tests assert after it). */
  idle(): Promise<void>
  close(): Promise<void>
}

export interface CaregivingDeps {
  config: Config
  logger: Logger
  metrics: Metrics
  events: EventStore
  eventDb: EventDbHandle
  authDb: AuthDb
  care: CareLinks
  preferences: AccountPreferences
  models?: ChatModels
  now: () => Date
  /** Replaces configured channels (tests point SMS at a local Twilio fake). */
  channels?: Partial<Record<DeliveryChannel, Channel>>
  /** The HTTPS agent Web Push uses (tests trust a local push service with it). */
  pushAgent?: Agent
  /** A bus shared with other instances in this process (tests); by default one for the database. */
  bus?: LiveBus
}

/** The outside channels the configuration enables; in-app needs nothing. */
export function configuredChannels(
  config: Config,
  push?: { subscriptions: PushSubscriptions; vapid?: VapidKeys; agent?: Agent },
): Partial<Record<DeliveryChannel, Channel>> {
  const channels: Partial<Record<DeliveryChannel, Channel>> = {}
  if (config.SMTP_URL) channels.email = new EmailChannel(config.SMTP_URL, config.SMTP_FROM)
  // Unsigned webhooks could be forged by anyone who learns the URL, so none go out without a key.
  if (config.WEBHOOK_SIGNING_SECRET) channels.webhook = new WebhookChannel(config.WEBHOOK_SIGNING_SECRET, webhookPolicy(config))
  if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM_NUMBER) {
    const twilio = { accountSid: config.TWILIO_ACCOUNT_SID, authToken: config.TWILIO_AUTH_TOKEN, from: config.TWILIO_FROM_NUMBER }
    channels.sms = new SmsChannel(twilio)
    channels.voice = new VoiceChannel(twilio)
  }
  if (push?.vapid) channels.push = new PushChannel(push.subscriptions, push.vapid, { agent: push.agent })
  return channels
}

/**
 * Wires the care module: the alert listener on the event store, the reminder planner, the
 * scheduler (not started) and the live bus. Sockets register themselves: caregivers on
 * `/api/v1/care/ws` (care-socket.ts), patients on `/api/v1/ws` (the chat socket).
 */
export function createCaregiving(deps: CaregivingDeps): Caregiving {
  const { config, logger, now, events, care, preferences } = deps
  const db = careDb(deps.eventDb.db)
  const metrics = new CareMetrics(deps.metrics)
  const instanceId = `${hostname()}:${process.pid}:${newId().slice(-8)}`
  const inApp = new InAppChannel()
  const push = new PushSubscriptions(deps.authDb, now)
  const vapid = resolveVapidKeys(config, logger)
  const channels: DispatcherDeps['channels'] = {
    ...configuredChannels(config, { subscriptions: push, vapid, agent: deps.pushAgent }),
    ...deps.channels,
    in_app: inApp,
  }
  logger.info({ channels: Object.keys(channels) }, 'care delivery channels')

  const bus = deps.bus ?? createLiveBus(deps.eventDb, instanceId, logger)
  const patientSockets = new SocketRegistry()
  const timers = new TimerQueue(db)
  // The dispatcher renders and checks reminders through the reminders module, made just below.
  let inbox: PatientInbox | undefined
  let doses: DoseReminders | undefined
  let escalation: EscalationService | undefined
  const dispatcher = new Dispatcher({
    db,
    events,
    care,
    preferences,
    channels,
    metrics,
    logger,
    now,
    async composeReminder(item, _row, language) {
      const row = await inbox!.row(item.user_id, item.id)
      return row ? reminderMessage(view(row, item), langOf(language)) : undefined
    },
    async isStale(row, item) {
      if (row.item_kind === 'reminder') return doses!.isStale(row.patient_id, row.item_event_id)
      return escalation!.isStale(row.round, item)
    },
    onWaiting: (caregiverIds) => {
      void bus.publish(caregiverIds.map((caregiver_id) => ({ type: 'flush' as const, caregiver_id })))
    },
    hasPushSubscription: async (userId) => (await push.forUser(userId)).length > 0,
  })
  escalation = new EscalationService({ events, db, timers, care, preferences, dispatcher, logger, now })
  const alerts = new AlertService({ events, db, care, dispatcher, metrics, logger, now, escalation })
  inbox = new PatientInbox({ events, db, dispatcher, bus, sockets: patientSockets, logger })
  const plans = new PlanCache(events)
  doses = new DoseReminders({ events, plans, timers, inbox, care, preferences, alerts, dispatcher, logger })
  const other = new OtherReminders({ events, timers, inbox, preferences, dispatcher, logger })
  const activity = new ActivityService({ events, db, timers, care, preferences, alerts, logger, now })
  const planner = new ReminderPlanner({ events, db, timers, logger, now, plans })
  const summaries = new SummaryService({
    events,
    model: deps.models?.provider === 'openai' ? deps.models.primary : undefined,
    logger,
    now,
    nameOf: (id) => preferences.getRecipient(id).then((r) => r.name, () => undefined),
  })
  const scheduler = new CareScheduler({
    events,
    db,
    care,
    preferences,
    alerts,
    summaries,
    dispatcher,
    inApp,
    metrics,
    logger,
    now,
    intervalMs: config.SCHEDULER_INTERVAL_SECONDS * 1000,
    tickMs: config.SCHEDULER_TICK_MS,
    noCheckinHour: config.NO_CHECKIN_HOUR,
    instanceId,
    timers,
    planner,
    activity,
    handlers: {
      dose: (ts, at) => doses!.onDoseTimers(ts, at),
      dose_repeat: (ts, at) => doses!.onFollowUps(ts, at).then((reminded) => ({ reminded })),
      dose_snooze: (ts, at) => doses!.onFollowUps(ts, at).then((reminded) => ({ reminded })),
      dose_miss: (ts, at) => doses!.onMissTimers(ts, at).then((missed) => ({ missed })),
      appointment: (ts, at) => other.onAppointmentTimers(ts, at).then((reminded) => ({ reminded })),
      refill: (ts, at) => other.onRefillTimers(ts, at).then((reminded) => ({ reminded })),
      escalation: (ts, at) => escalation!.onTimers(ts, at).then((escalations) => ({ escalations })),
      inactivity: (ts, at) => activity.onTimers(ts, at).then(() => ({})),
    },
  })
  alerts.attach()
  planner.attach()
  activity.attach()
  // Flushes started by the bus, so `idle()` can wait for them.
  const flushing = new Set<Promise<void>>()
  const unsubscribe = bus.subscribe((msg, local) => {
    if (msg.type === 'notification') return inbox!.onLive(msg, local)
    if (!inApp.sockets.has(msg.caregiver_id)) return
    const flush: Promise<void> = dispatcher
      .flushWaiting([msg.caregiver_id])
      .catch((err) => logger.error({ err }, 'in-app flush failed'))
      .finally(() => flushing.delete(flush))
    flushing.add(flush)
  })

  return {
    alerts,
    summaries,
    dispatcher,
    scheduler,
    inApp,
    inbox,
    doses,
    planner,
    escalation,
    activity,
    push,
    vapidPublicKey: vapid?.publicKey,
    patientSockets,
    bus,
    instanceId,
    now,
    async idle() {
      await planner.idle()
      await alerts.idle()
      while (flushing.size) await Promise.all(flushing)
    },
    async close() {
      await scheduler.stop()
      await planner.close()
      activity.close()
      await alerts.close()
      unsubscribe()
      if (!deps.bus) await bus.close()
      for (const channel of Object.values(channels)) await channel?.close?.()
    },
  }
}
