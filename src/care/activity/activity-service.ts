import { sql } from 'kysely'
import type { EventStore } from '../../../memory/event-store.js'
import { DEFAULT_TIMEZONE } from '../../../memory/insights.js'
import { addDays, localDate, localTime } from '../../../memory/local-time.js'
import type { Logger } from '../../logger.js'
import type { AlertCandidate } from '../alerts/alert-rules.js'
import type { AlertService } from '../alerts/alert-service.js'
import type { CareLinks } from '../care-links.js'
import type { CareDb } from '../care-tables.js'
import type { AccountPreferences } from '../preferences.js'
import { afterWakingHours, wakingHoursBetween, type SleepWindow } from '../reminders/reminder-plan.js'
import type { Timer, TimerQueue } from '../reminders/timers.js'
import { CHECK_IN_KINDS, isPatientActivity } from '../summaries/summary-facts.js'

const HOUR = 3_600_000
/** Hours a patient is assumed asleep when they set no quiet hours of their own. */
export const DEFAULT_SLEEP: SleepWindow = { start: '22:00', end: '07:00' }
/** With no caregiver wanting the alert, the check comes back this often (preferences change). */
const RECHECK_MS = 6 * HOUR
/**
 * After every threshold of a silence has alerted, the check is parked: activity seen by this
 * instance (or a heartbeat, on any) wakes it at once; otherwise it looks again this often.
 */
const PARKED_RECHECK_MS = HOUR
const TIMER_KEY = 'inactivity'

export interface HeartbeatInput {
  app_version: string
  device: string
}

export interface PatientActivity {
  patient_id: string
  timezone: string
  /** The later of the last heartbeat and the last thing the patient logged or said. */
  last_seen_at: string | null
  last_heartbeat: { at: string; device: string; app_version: string } | null
  last_event: { kind: string; occurred_at: string; recorded_at: string } | null
  /** Waking hours (the patient's night not counted) since they were last seen. */
  waking_hours_since_last_seen: number | null
  heartbeats_by_day: { date: string; count: number; devices: { device: string; app_version: string; count: number; first_at: string; last_at: string }[] }[]
}

export interface ActivityDeps {
  events: EventStore
  db: CareDb
  timers: TimerQueue
  care: CareLinks
  preferences: AccountPreferences
  alerts: AlertService
  logger: Logger
}

/**
 * The caregiver checklist's heartbeat: the patient's app (or a device) says it is alive, the
 * activity view shows when the patient was last seen, and linked caregivers are alerted when
 * the patient has been silent — no heartbeat and nothing logged — for as many waking hours as
 * each of them chose (`inactivity_hours`, default 8). Night hours (the patient's quiet hours,
 * or 22:00–07:00) do not count, and the alert is held by each caregiver's own quiet hours.
 */
export class ActivityService {
  /** Patients whose inactivity timer is known to exist here. */
  private readonly ensured = new Set<string>()
  /** Patients whose silence has alerted every threshold (their check is parked). */
  private readonly parked = new Set<string>()
  private detach?: () => void

  constructor(private readonly deps: ActivityDeps & { now: () => Date }) {}

  /** Wakes a parked check when the patient logs or says something (on this instance). */
  attach(): void {
    this.detach ??= this.deps.events.onAppend((e) => {
      if (this.parked.has(e.user_id) && isPatientActivity(e)) {
        this.wake(e.user_id, this.deps.now()).catch((err) => this.deps.logger.error({ err }, 'inactivity wake failed'))
      }
    })
  }

  close(): void {
    this.detach?.()
    this.detach = undefined
  }

  async heartbeat(patientId: string, input: HeartbeatInput, now: Date): Promise<{ received_at: string; date: string }> {
    const tz = await this.timezone(patientId)
    const day = localDate(now, tz)
    await this.deps.db
      .insertInto('care_heartbeats')
      .values({ patient_id: patientId, day, device: input.device, app_version: input.app_version, count: 1, first_at: now, last_at: now })
      .onConflict((oc) =>
        oc.columns(['patient_id', 'day', 'device']).doUpdateSet((eb) => ({
          count: eb('care_heartbeats.count', '+', 1),
          last_at: now,
          app_version: eb.ref('excluded.app_version'),
        })),
      )
      .execute()
    await this.wake(patientId, now)
    return { received_at: now.toISOString(), date: day }
  }

  /** A parked inactivity check is due again now (the patient is back): one statement, nothing when not parked. */
  private async wake(patientId: string, now: Date): Promise<void> {
    this.parked.delete(patientId)
    await this.deps.db
      .updateTable('care_timers')
      .set({ due_at: now, ref: JSON.stringify({}), lease_until: null })
      .where('patient_id', '=', patientId)
      .where('key', '=', TIMER_KEY)
      .where(sql<boolean>`ref->>'parked' = 'true'`)
      .execute()
  }

  async activity(patientId: string, now: Date, days = 7): Promise<PatientActivity> {
    const tz = await this.timezone(patientId)
    const since = addDays(localDate(now, tz), -(days - 1))
    const [rows, lastBeat, lastEvent, sleep] = await Promise.all([
      this.deps.db
        .selectFrom('care_heartbeats')
        .selectAll()
        .where('patient_id', '=', patientId)
        .where('day', '>=', since)
        .orderBy('day', 'desc')
        .orderBy('device')
        .execute(),
      this.lastHeartbeat(patientId),
      this.lastEvent(patientId),
      this.sleepWindow(patientId),
    ])
    const lastSeen = latest(lastBeat?.at, lastEvent?.recorded_at)
    const byDay = new Map<string, PatientActivity['heartbeats_by_day'][number]>()
    for (const r of rows) {
      let d = byDay.get(r.day)
      if (!d) byDay.set(r.day, (d = { date: r.day, count: 0, devices: [] }))
      d.count += r.count
      d.devices.push({
        device: r.device,
        app_version: r.app_version,
        count: r.count,
        first_at: new Date(r.first_at).toISOString(),
        last_at: new Date(r.last_at).toISOString(),
      })
    }
    return {
      patient_id: patientId,
      timezone: tz,
      last_seen_at: lastSeen?.toISOString() ?? null,
      last_heartbeat: lastBeat ? { ...lastBeat, at: lastBeat.at.toISOString() } : null,
      last_event: lastEvent
        ? { kind: lastEvent.kind, occurred_at: lastEvent.occurred_at, recorded_at: lastEvent.recorded_at.toISOString() }
        : null,
      waking_hours_since_last_seen: lastSeen ? wakingHoursBetween(lastSeen, now, sleep, tz) : null,
      heartbeats_by_day: [...byDay.values()],
    }
  }

  /** Makes sure every patient with caregivers has an inactivity check planned. */
  async ensureTimers(patientIds: string[], now: Date): Promise<void> {
    const fresh = patientIds.filter((p) => !this.ensured.has(p))
    for (let i = 0; i < fresh.length; i += 1000) {
      const chunk = fresh.slice(i, i + 1000)
      await this.deps.timers.ensure(chunk.map((patient_id) => ({ patient_id, key: TIMER_KEY, kind: 'inactivity' as const, due_at: now })))
      chunk.forEach((p) => this.ensured.add(p))
    }
  }

  /**
   * Due inactivity checks: for each caregiver threshold the patient's silence has reached, an
   * alert (once per silence, by its start); then the check comes back when the next threshold
   * would be reached, or later to look again.
   */
  async onTimers(timers: Timer[], now: Date): Promise<number> {
    let raised = 0
    const moves: { timer: Timer; due_at: Date; ref: Record<string, unknown> }[] = []
    const done: Timer[] = []
    for (const timer of timers) {
      try {
        const patientId = timer.patient_id
        const caregivers = await this.deps.care.listLinkedCaregivers(patientId)
        if (caregivers.length === 0) {
          this.ensured.delete(patientId)
          this.parked.delete(patientId)
          done.push(timer)
          continue
        }
        const hours = new Set<number>()
        for (const cg of caregivers) {
          const h = (await this.deps.preferences.getPreferences(cg.id)).inactivity_hours
          if (h !== null) hours.add(h)
        }
        const [lastBeat, lastEvent, sleep, tz] = await Promise.all([
          this.lastHeartbeat(patientId),
          this.lastEvent(patientId),
          this.sleepWindow(patientId),
          this.timezone(patientId),
        ])
        // Never seen at all: counted from when the first caregiver was linked.
        const since = latest(lastBeat?.at, lastEvent?.recorded_at) ?? new Date(caregivers[0]!.linked_at)
        let next: Date | undefined
        for (const h of [...hours].sort((a, b) => a - b)) {
          const at = afterWakingHours(since, h, sleep, tz)
          if (at > now) {
            if (!next || at < next) next = at
            continue
          }
          if (await this.deps.alerts.raise(patientId, inactivityAlert(h, since, tz, now))) raised++
        }
        if (next) {
          this.parked.delete(patientId)
          moves.push({ timer, due_at: next, ref: {} })
        } else {
          this.parked.add(patientId)
          const later = hours.size ? PARKED_RECHECK_MS : RECHECK_MS
          moves.push({ timer, due_at: new Date(now.getTime() + later), ref: { parked: true } })
        }
      } catch (err) {
        this.deps.logger.error({ err, patient_id: timer.patient_id }, 'inactivity check failed')
      }
    }
    await this.deps.timers.reschedule(moves)
    await this.deps.timers.finish(done)
    return raised
  }

  private async lastHeartbeat(patientId: string): Promise<{ at: Date; device: string; app_version: string } | undefined> {
    const row = await this.deps.db
      .selectFrom('care_heartbeats')
      .select(['last_at', 'device', 'app_version'])
      .where('patient_id', '=', patientId)
      .orderBy('last_at', 'desc')
      .limit(1)
      .executeTakeFirst()
    return row ? { at: new Date(row.last_at), device: row.device, app_version: row.app_version } : undefined
  }

  /** The latest thing the patient logged or said (system events are not the patient). */
  private async lastEvent(patientId: string): Promise<{ kind: string; occurred_at: string; recorded_at: Date } | undefined> {
    const page = await this.deps.events.list(patientId, { kinds: CHECK_IN_KINDS, limit: 20 })
    const e = page.events.filter(isPatientActivity).sort((a, b) => b.recorded_at.localeCompare(a.recorded_at))[0]
    return e ? { kind: e.kind, occurred_at: e.occurred_at, recorded_at: new Date(e.recorded_at) } : undefined
  }

  private async sleepWindow(patientId: string): Promise<SleepWindow> {
    const { prefs } = await this.deps.preferences.getRecipient(patientId)
    return prefs.quiet_hours.enabled ? prefs.quiet_hours : DEFAULT_SLEEP
  }

  private async timezone(patientId: string): Promise<string> {
    return (await this.deps.events.latest(patientId, 'profile'))?.payload.timezone ?? DEFAULT_TIMEZONE
  }
}

const latest = (...dates: (Date | undefined)[]) =>
  dates.filter((d): d is Date => d !== undefined).sort((a, b) => b.getTime() - a.getTime())[0]

/** No heartbeat and nothing logged for `hours` waking hours. */
export function inactivityAlert(hours: number, since: Date, tz: string, now: Date): AlertCandidate {
  const when = `${localTime(since, tz)} on ${localDate(since, tz)}`
  return {
    tier: 'urgent',
    condition: `inactivity:${hours}h`,
    title: `No activity for ${hours} waking hours`,
    message:
      `Nothing from the app and nothing logged since ${when}: ${hours} waking hours (night hours not counted). ` +
      'Call them to check they are all right; if they do not answer, ask someone nearby to look in on them.',
    occurred_at: now.toISOString(),
    // One alert per silence: a new one needs new activity and as many silent hours again.
    windowMs: hours * HOUR,
    instanceKey: `${since.toISOString()}:${hours}`,
  }
}
