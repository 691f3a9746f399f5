import { sql } from 'kysely'
import type { EventKind } from '../../../memory/event-kinds.js'
import { EventConflictError, type EventStore, type HealthEvent } from '../../../memory/event-store.js'
import { DEFAULT_TIMEZONE, localDate } from '../../../memory/insights.js'
import type { Logger } from '../../logger.js'
import type { CareLinks } from '../care-links.js'
import type { CareMetrics } from '../care-metrics.js'
import type { CareDb } from '../care-tables.js'
import type { Dispatcher } from '../delivery/dispatcher.js'
import {
  DEDUPE_WINDOW_MS,
  SYMPTOM_LOOKBACK_MS,
  ageOn,
  classifyVitals,
  possibleConditions,
  screenEvent,
  type AlertCandidate,
  type VitalsScreen,
} from './alert-rules.js'

/** What happens to an emergency after its first delivery (repeats, the next contact), and how it stops. */
export interface Escalation {
  start(alert: HealthEvent<'alert'>): Promise<void>
  onAlertVersion(alert: HealthEvent<'alert'>): Promise<void>
}

export interface AlertServiceDeps {
  events: EventStore
  db: CareDb
  care: CareLinks
  dispatcher: Dispatcher
  metrics: CareMetrics
  logger: Logger
  now: () => Date
  escalation?: Escalation
}

/** Alerts the scheduler sweeps when their listener never ran (a crash right after the append). */
const SWEEP_WINDOW_MS = 24 * 3_600_000
const SWEEP_GRACE_MS = 60_000
const PROFILE_TTL_MS = 5 * 60_000

/**
 * Classifies every appended event and raises `alert` events for caregivers, then hands every
 * new alert (its own and the safety graph's red flags) to the dispatcher. The listener does
 * only a synchronous screen of the event; lookups and writes run afterwards, off the append.
 */
export class AlertService {
  /** `patient|condition` → when it last alerted here; the store is asked when this misses. */
  private readonly recent = new Map<string, number>()
  private readonly inflight = new Set<Promise<void>>()
  private readonly profiles = new Map<string, { timezone: string; dob?: string; at: number }>()
  private detach?: () => void

  constructor(private readonly deps: AlertServiceDeps) {}

  attach(): void {
    this.detach ??= this.deps.events.onAppend((event) => this.onAppended(event))
  }

  /** Stops listening and waits for the work already started. */
  async close(): Promise<void> {
    this.detach?.()
    this.detach = undefined
    await this.idle()
  }

  /** The hot path: runs after every append. Summaries and notifications are the care module's own output. */
  onAppended(event: HealthEvent): void {
    if (event.kind === 'alert') {
      const alert = event as HealthEvent<'alert'>
      if (alert.supersedes === null) this.track(this.dispatch(alert))
      else if (this.deps.escalation) this.track(this.deps.escalation.onAlertVersion(alert))
      return
    }
    const screen = screenEvent(event, this.deps.now())
    if (screen) this.track(this.handleReading(screen))
  }

  /** Resolves once no alert work started so far is still running. */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.all(this.inflight)
  }

  /**
   * Writes an alert unless the same condition alerted within its window. The in-process map
   * answers repeats at once; the store answers after a restart or for another instance, and the
   * idempotency key (condition and window bucket, or the exact occurrence) settles races.
   */
  async raise(patientId: string, c: AlertCandidate): Promise<HealthEvent<'alert'> | undefined> {
    const now = this.deps.now()
    const key = `${patientId}|${c.condition}`
    if (this.alertedHere(key, c.windowMs, now.getTime())) return undefined
    this.remember(key, now.getTime())
    try {
      if (await this.alertedWithin(patientId, c.condition, c.windowMs, now)) return undefined
      const dedupeKey = `${c.condition}:${c.instanceKey ?? Math.floor(now.getTime() / c.windowMs)}`
      const { event, created } = await this.deps.events.append(patientId, {
        kind: 'alert',
        source: 'system',
        occurred_at: c.occurred_at,
        idempotency_key: `alert:${dedupeKey}`,
        payload: {
          tier: c.tier,
          condition: c.condition,
          title: c.title,
          message: c.message,
          ...(c.source_event_id ? { source_event_id: c.source_event_id } : {}),
          dedupe_key: dedupeKey,
        },
      })
      if (!created) return undefined
      this.deps.metrics.alerts.inc({ tier: c.tier })
      return event
    } catch (err) {
      if (err instanceof EventConflictError) return undefined
      this.recent.delete(key)
      throw err
    }
  }

  /** Plans deliveries of alerts that were appended but never dispatched; returns how many. */
  async sweepUndispatched(now: Date): Promise<number> {
    const rows = await this.deps.db
      .selectFrom('health_events as e')
      .select(['e.id', 'e.user_id'])
      .where('e.kind', '=', 'alert')
      .where('e.supersedes', 'is', null)
      .where('e.recorded_at', '>=', new Date(now.getTime() - SWEEP_WINDOW_MS))
      .where('e.recorded_at', '<', new Date(now.getTime() - SWEEP_GRACE_MS))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('care_alert_dispatch as d').select(sql`1`.as('one')).whereRef('d.alert_event_id', '=', 'e.id'),
          ),
        ),
      )
      .limit(500)
      .execute()
    let planned = 0
    for (const row of rows) {
      // An alert corrected since (acknowledged) has been seen; only current ones are delivered.
      const alert = await this.deps.events.get(row.user_id, row.id)
      if (!alert) continue
      await this.dispatch(alert as HealthEvent<'alert'>)
      planned++
    }
    return planned
  }

  private track(work: Promise<void>): void {
    const task: Promise<void> = work
      .catch((err) => this.deps.logger.error({ err }, 'alert processing failed'))
      .finally(() => this.inflight.delete(task))
    this.inflight.add(task)
  }

  private alertedHere(key: string, windowMs: number, now: number): boolean {
    const last = this.recent.get(key)
    return last !== undefined && now - last < windowMs
  }

  private remember(key: string, at: number): void {
    this.recent.set(key, at)
    // Keys older than the longest window can go; checked now and then, not on every alert.
    if (this.recent.size % 1000 === 0) {
      const horizon = at - 24 * 3_600_000
      for (const [k, t] of this.recent) if (t < horizon) this.recent.delete(k)
    }
  }

  private async alertedWithin(patientId: string, condition: string, windowMs: number, now: Date): Promise<boolean> {
    const page = await this.deps.events.list(patientId, {
      kinds: ['alert'],
      payloadEquals: { condition },
      from: new Date(now.getTime() - windowMs),
      limit: 1,
    })
    return page.events.length > 0
  }

  /**
   * Alerts with no dedupe key were written elsewhere (red flags): a repeat within the window of
   * a delivered one is not delivered again.
   */
  private async dispatch(alert: HealthEvent<'alert'>): Promise<void> {
    let duplicate = false
    if (!alert.payload.dedupe_key) {
      const at = new Date(alert.occurred_at).getTime()
      const earlier = await this.deps.events.list(alert.user_id, {
        kinds: ['alert'],
        payloadEquals: { condition: alert.payload.condition },
        from: new Date(at - DEDUPE_WINDOW_MS[alert.payload.tier]),
        to: new Date(at + 1),
        limit: 10,
      })
      // Only a delivered one counts, so a patient still in danger alerts again once the window passes.
      const ids = earlier.events.filter((e) => e.id !== alert.id && e.occurred_at <= alert.occurred_at).map((e) => e.id)
      const delivered = ids.length
        ? await this.deps.db
            .selectFrom('care_alert_dispatch')
            .select('alert_event_id')
            .where('alert_event_id', 'in', ids)
            .where('outcome', '=', 'planned')
            .executeTakeFirst()
        : undefined
      duplicate = delivered !== undefined
      if (!duplicate) this.deps.metrics.alerts.inc({ tier: alert.payload.tier })
    }
    await this.deps.dispatcher.planAlert(alert, { duplicate })
    if (!duplicate) await this.deps.escalation?.start(alert)
  }

  private async handleReading(screen: VitalsScreen): Promise<void> {
    const { care } = this.deps
    const patientId = screen.event.user_id
    // A reading repeating what alerted a moment ago costs no query at all.
    const now = this.deps.now().getTime()
    const repeats = (c: { condition: string; windowMs: number }) =>
      this.alertedHere(`${patientId}|${c.condition}`, c.windowMs, now)
    if (possibleConditions(screen).every(repeats)) return
    // Alerts are for caregivers: a patient without any gets the assistant's replies, not alert events.
    if ((await care.listLinkedCaregivers(patientId)).length === 0) return
    const { timezone, dob } = await this.profileOf(patientId)
    const symptoms = [...(screen.event.payload.symptoms ?? [])]
    if (screen.needsSymptoms) symptoms.push(...(await this.recentSymptoms(patientId, screen.event.occurred_at)))
    const ageYears = screen.needsAge && dob ? ageOn(dob, localDate(screen.event.occurred_at, timezone)) : null
    for (const candidate of classifyVitals(screen, { timezone, symptoms, ageYears })) {
      await this.raise(patientId, candidate)
    }
  }

  /**
   * The time zone and date of birth alerts need, kept a few minutes: they change rarely, and a
   * stale one only shifts the clock time in an alert's text or a fever's tier for that long.
   */
  private async profileOf(patientId: string): Promise<{ timezone: string; dob?: string }> {
    const now = this.deps.now().getTime()
    const cached = this.profiles.get(patientId)
    if (cached && now - cached.at < PROFILE_TTL_MS) return cached
    const profile = await this.deps.events.latest(patientId, 'profile')
    const timezone = profile?.payload.timezone ?? DEFAULT_TIMEZONE
    const entry = { timezone, dob: profile?.payload.date_of_birth, at: now }
    if (this.profiles.size > 10_000) this.profiles.clear()
    this.profiles.set(patientId, entry)
    return entry
  }

  /** Symptom events and red flags of the half hour before a reading, as words. */
  private async recentSymptoms(patientId: string, occurredAt: string): Promise<string[]> {
    const at = new Date(occurredAt).getTime()
    const kinds: EventKind[] = ['symptom', 'alert']
    const page = await this.deps.events.list(patientId, {
      kinds,
      from: new Date(at - SYMPTOM_LOOKBACK_MS),
      to: new Date(at + 1),
      limit: 20,
    })
    return page.events.flatMap((e) => {
      if (e.kind === 'symptom') return [String(e.payload.name)]
      return String(e.payload.condition).startsWith('red_flag:') ? [String(e.payload.title)] : []
    })
  }
}
