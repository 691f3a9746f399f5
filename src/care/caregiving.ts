import { hostname } from 'node:os'
import type { EventDbHandle } from '../../memory/event-db.js'
import type { EventStore } from '../../memory/event-store.js'
import type { Config } from '../config.js'
import type { ChatModels } from '../graph/chat-models.js'
import type { Metrics } from '../metrics.js'
import { newId } from '../../core/ids.js'
import type { Logger } from '../logger.js'
import { AlertService } from './alerts/alert-service.js'
import type { CareLinks } from './care-links.js'
import { CareMetrics } from './care-metrics.js'
import { CareScheduler } from './care-scheduler.js'
import { careDb, type DeliveryChannel } from './care-tables.js'
import type { Channel } from './delivery/channel.js'
import { Dispatcher, type DispatcherDeps } from './delivery/dispatcher.js'
import { EmailChannel } from './delivery/email-channel.js'
import { InAppChannel } from './delivery/in-app-channel.js'
import { SmsChannel } from './delivery/sms-channel.js'
import { WebhookChannel } from './delivery/webhook-channel.js'
import type { AccountPreferences } from './preferences.js'
import { SummaryService } from './summaries/summary-service.js'

/** Caregiver alerts, daily summaries and their delivery, built once per service. */
export interface Caregiving {
  alerts: AlertService
  summaries: SummaryService
  dispatcher: Dispatcher
  scheduler: CareScheduler
  inApp: InAppChannel
  /** The clock of the care module (the service's; tests move it). */
  now: () => Date
  /** Waits for alert work already started (tests assert after it). */
  idle(): Promise<void>
  close(): Promise<void>
}

export interface CaregivingDeps {
  config: Config
  logger: Logger
  metrics: Metrics
  events: EventStore
  eventDb: EventDbHandle
  care: CareLinks
  preferences: AccountPreferences
  models?: ChatModels
  now: () => Date
  /** Replaces configured channels (tests point SMS at a local Twilio fake). */
  channels?: Partial<Record<DeliveryChannel, Channel>>
}

/** The outside channels the configuration enables; in-app needs nothing. */
export function configuredChannels(config: Config): Partial<Record<DeliveryChannel, Channel>> {
  const channels: Partial<Record<DeliveryChannel, Channel>> = {}
  if (config.SMTP_URL) channels.email = new EmailChannel(config.SMTP_URL, config.SMTP_FROM)
  // Unsigned webhooks could be forged by anyone who learns the URL, so none go out without a key.
  if (config.WEBHOOK_SIGNING_SECRET) channels.webhook = new WebhookChannel(config.WEBHOOK_SIGNING_SECRET)
  if (config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM_NUMBER) {
    channels.sms = new SmsChannel({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      from: config.TWILIO_FROM_NUMBER,
    })
  }
  return channels
}

/** Wires the care module: the alert listener on the event store and the scheduler (not started). */
export function createCaregiving(deps: CaregivingDeps): Caregiving {
  const { config, logger, now } = deps
  const db = careDb(deps.eventDb.db)
  const metrics = new CareMetrics(deps.metrics)
  const inApp = new InAppChannel()
  const channels: DispatcherDeps['channels'] = { ...configuredChannels(config), ...deps.channels, in_app: inApp }
  logger.info({ channels: Object.keys(channels) }, 'caregiver delivery channels')

  const { events, care, preferences } = deps
  const dispatcher = new Dispatcher({ db, events, care, preferences, channels, metrics, logger, now })
  const alerts = new AlertService({ events, db, care, dispatcher, metrics, logger, now })
  const summaries = new SummaryService({
    events: deps.events,
    model: deps.models?.provider === 'openai' ? deps.models.primary : undefined,
    logger,
    now,
  })
  const scheduler = new CareScheduler({
    events: deps.events,
    db,
    care: deps.care,
    preferences: deps.preferences,
    alerts,
    summaries,
    dispatcher,
    inApp,
    metrics,
    logger,
    now,
    intervalMs: config.SCHEDULER_INTERVAL_SECONDS * 1000,
    noCheckinHour: config.NO_CHECKIN_HOUR,
    instanceId: `${hostname()}:${process.pid}:${newId().slice(-8)}`,
  })
  alerts.attach()

  return {
    alerts,
    summaries,
    dispatcher,
    scheduler,
    inApp,
    now,
    idle: () => alerts.idle(),
    async close() {
      await scheduler.stop()
      await alerts.close()
      for (const channel of Object.values(channels)) await channel?.close?.()
    },
  }
}
