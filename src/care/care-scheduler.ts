import type { EventStore } from '../../memory/event-store.js'
import { patientTimezone } from '../../memory/insights.js'
import { addDays, dayRange, localDate, localTime } from '../../memory/local-time.js'
import type { Logger } from '../logger.js'
import type { ActivityService } from './activity/activity-service.js'
import type { AlertService } from './alerts/alert-service.js'
import { noCheckinAlert } from './alerts/alert-rules.js'
import type { CareLinks } from './care-links.js'
import type { CareMetrics } from './care-metrics.js'
import type { CareDb, CareSummaryJobsTable, TimerKind } from './care-tables.js'
import type { Dispatcher } from './delivery/dispatcher.js'
import type { InAppChannel } from './delivery/in-app-channel.js'
import type { AccountPreferences, Preferences } from './preferences.js'
import type { ReminderPlanner } from './reminders/reminder-planner.js'
import type { Timer, TimerQueue } from './reminders/timers.js'
import { CHECK_IN_KINDS, isPatientActivity } from './summaries/summary-facts.js'
import type { SummaryService } from './summaries/summary-service.js'

/** After downtime, daily summaries are caught up this many days back (and never before the link). */
export const CATCH_UP_DAYS = 7
/** A claimed summary job not done by then (its instance died) is claimed again. */
export const SUMMARY_LEASE_MS = 10 * 60_000
/** How long after a tick boundary a tick runs (a timer due on the boundary is then due). */
const TICK_OFFSET_MS = 5
/** Due timers claimed at once; a round takes batches until none is left. */
const TIMER_BATCH = 500

/** What a batch of one kind of timer did. */
export interface TimerOutcome {
  reminded?: number
  missed?: number
  escalations?: number
}
export type TimerHandler = (timers: Timer[], now: Date) => Promise<TimerOutcome>

export interface SchedulerDeps {
  events: EventStore
  db: CareDb
  care: CareLinks
  preferences: AccountPreferences
  alerts: AlertService
  summaries: SummaryService
  dispatcher: Dispatcher
  inApp: InAppChannel
  metrics: CareMetrics
  logger: Logger
  now: () => Date
  /** How often a full round runs (summaries, check-ins, retries, the planner's sweep). */
  intervalMs: number
  /** How often due timers are looked for (reminders, repeats, escalation steps). */
  tickMs: number
  /** Local hour after which a patient with nothing logged that day raises "no check-in". */
  noCheckinHour: number
  /** Names this instance in the jobs it claims. */
  instanceId: string
  timers: TimerQueue
  planner: ReminderPlanner
  activity: ActivityService
  handlers: Record<TimerKind, TimerHandler>
}

export interface TimerReport {
  /** Due timers worked on. */
  timers: number
  /** Notifications sent to patients (dose, repeat, snoozed, appointment, refill reminders). */
  reminders: number
  /** Dose slots recorded missed. */
  missed_doses: number
  /** Escalation steps taken. */
  escalations: number
}

export interface TickReport extends TimerReport {
  swept_alerts: number
  /** Patients whose reminders the sweep of the event log planned again. */
  planned: number
  no_checkins: number
  summaries: number
  deliveries: number
}

type Link = Awaited<ReturnType<CareLinks['listLiveLinks']>>[number]
/** A patient's time zone, looked up once per round. */
type TzOf = (patientId: string) => Promise<string>
type Job = Pick<CareSummaryJobsTable, 'patient_id' | 'caregiver_id' | 'date' | 'status'> & { claimed_at: Date }

/**
 * The care module's one clock-driven loop. Every `tickMs` it works the due timers: dose
 * reminders at their time, repeats, snoozes and misses, appointment and refill reminders,
 * emergency escalation steps and inactivity checks (each timer claimed by one instance).
 * Every `intervalMs` a full round also sweeps the event log for reminder changes a crash left
 * unplanned, raises "no check-in" alerts, generates the daily summaries that are due (and the
 * days missed while down), and sends held or failed deliveries. Each summary job is claimed
 * by inserting its (patient, caregiver, date) row, so of several instances on one database
 * exactly one generates it.
 */
export class CareScheduler {
  private timer?: NodeJS.Timeout
  private running?: Promise<void>
  private lastRound = -Infinity
  /** Check-in days already looked at, so a round does not ask the store again. */
  private readonly seen = new Map<string, number>()

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    if (this.timer) return
    const next = () => {
      // Ticks land just after each boundary of the wall clock (every second by default): doses
      // fall due on whole minutes, so a due reminder waits milliseconds for its tick, not up to
      // a whole tick. The next tick is set once this one is done, so they never overlap.
      const wait = this.deps.tickMs - (Date.now() % this.deps.tickMs) + TICK_OFFSET_MS
      this.timer = setTimeout(() => void this.runOnce().finally(() => this.timer && next()), wait)
      this.timer.unref()
    }
    next()
    // The first round at start-up catches up what was missed while the service was down.
    void this.runOnce()
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    await this.running
  }

  /** A timer tick, or a full round when one is due; never two at once. Failures are logged and retried next time. */
  private runOnce(): Promise<void> {
    if (this.running) return this.running
    const now = this.deps.now()
    const full = now.getTime() - this.lastRound >= this.deps.intervalMs
    if (full) this.lastRound = now.getTime()
    this.running = (full ? this.tick(now) : this.runTimers(now))
      .then(() => undefined)
      .catch((err) => this.deps.logger.error({ err }, 'care scheduler round failed'))
      .finally(() => (this.running = undefined))
    return this.running
  }

  /**
   * Works every timer due at `now`, in batches, each kind by its handler; a timer whose
   * handler failed stays leased and comes back after the lease.
   */
  async runTimers(now = this.deps.now()): Promise<TimerReport> {
    const report: TimerReport = { timers: 0, reminders: 0, missed_doses: 0, escalations: 0 }
    for (;;) {
      const batch = await this.deps.timers.claimDue(now, TIMER_BATCH)
      const byKind = new Map<TimerKind, Timer[]>()
      for (const t of batch) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t])
      const outcomes = await Promise.all(
        [...byKind].map(([kind, timers]) =>
          this.deps.handlers[kind](timers, now).catch((err) => {
            this.deps.logger.error({ err, kind }, 'care timers failed')
            return {} as TimerOutcome
          }),
        ),
      )
      report.timers += batch.length
      for (const o of outcomes) {
        report.reminders += o.reminded ?? 0
        report.missed_doses += o.missed ?? 0
        report.escalations += o.escalations ?? 0
      }
      if (batch.length < TIMER_BATCH) break
    }
    await this.deps.alerts.idle()
    return report
  }

  /** One full round at `now` (tests call it with their clock). */
  async tick(now = this.deps.now()): Promise<TickReport> {
    const end = this.deps.metrics.tickDuration.startTimer()
    const links = await this.deps.care.listLiveLinks()
    const timezones = new Map<string, Promise<string>>()
    const tzOf = (patientId: string) => {
      let tz = timezones.get(patientId)
      if (!tz) timezones.set(patientId, (tz = patientTimezone(this.deps.events, patientId)))
      return tz
    }
    const step = async (name: string, fn: () => Promise<number>) => {
      try {
        return await fn()
      } catch (err) {
        this.deps.logger.error({ err, step: name }, 'care scheduler step failed')
        return 0
      }
    }
    const swept_alerts = await step('sweep', () => this.deps.alerts.sweepUndispatched(now))
    const planned = await step('plan', () => this.deps.planner.sweep())
    await step('inactivity', async () => {
      await this.deps.activity.ensureTimers([...new Set(links.map((l) => l.patient_id))], now)
      return 0
    })
    let timers: TimerReport = { timers: 0, reminders: 0, missed_doses: 0, escalations: 0 }
    await step('timers', async () => ((timers = await this.runTimers(now)), 0))
    const report: TickReport = {
      swept_alerts,
      planned,
      ...timers,
      no_checkins: await step('no_checkin', () => this.noCheckins(links, now, tzOf)),
      summaries: await step('summaries', () => this.dailySummaries(links, now, tzOf)),
      deliveries: await step('deliveries', () => this.deps.dispatcher.runDue()),
    }
    await step('in_app', async () => (await this.deps.dispatcher.flushWaiting(this.deps.inApp.connected()), 0))
    await this.deps.alerts.idle()
    this.forgetBefore(now.getTime() - 2 * 24 * 3_600_000)
    end()
    return report
  }

  /** Patients with caregivers and nothing logged today by NO_CHECKIN_HOUR, local time. */
  private async noCheckins(links: Link[], now: Date, tzOf: TzOf): Promise<number> {
    const hour = `${String(this.deps.noCheckinHour).padStart(2, '0')}:00`
    let raised = 0
    for (const patientId of new Set(links.map((l) => l.patient_id))) {
      const tz = await tzOf(patientId)
      if (localTime(now, tz) < hour) continue
      const date = localDate(now, tz)
      const key = `checkin|${patientId}|${date}`
      if (this.seen.has(key)) continue
      this.seen.set(key, now.getTime())
      const page = await this.deps.events.list(patientId, {
        kinds: CHECK_IN_KINDS,
        from: dayRange(date, tz).start,
        to: new Date(now.getTime() + 1),
        limit: 20,
      })
      if (page.events.some(isPatientActivity)) continue
      if (await this.deps.alerts.raise(patientId, noCheckinAlert(date, this.deps.noCheckinHour, now))) raised++
    }
    return raised
  }

  /** Summaries whose time has come in each caregiver's zone, today's and those missed while down. */
  private async dailySummaries(links: Link[], now: Date, tzOf: TzOf): Promise<number> {
    if (links.length === 0) return 0
    const jobs = await this.deps.db
      .selectFrom('care_summary_jobs')
      .select(['patient_id', 'caregiver_id', 'date', 'status', 'claimed_at'])
      .where('date', '>=', addDays(now.toISOString().slice(0, 10), -(CATCH_UP_DAYS + 2)))
      .execute()
    const byKey = new Map(jobs.map((j) => [jobKey(j.patient_id, j.caregiver_id, j.date), j as Job]))
    const prefsOf = new Map<string, Promise<Preferences>>()
    let generated = 0
    for (const link of links) {
      // A patient who does not share daily summaries with this caregiver: none is made for them.
      if (!link.sharing.includes('daily_summaries')) continue
      let prefs = prefsOf.get(link.caregiver_id)
      if (!prefs) prefsOf.set(link.caregiver_id, (prefs = this.deps.preferences.getPreferences(link.caregiver_id)))
      for (const date of dueDates(link, await prefs, now)) {
        const job = byKey.get(jobKey(link.patient_id, link.caregiver_id, date))
        if (job?.status === 'done') continue
        if (job && now.getTime() - new Date(job.claimed_at).getTime() < SUMMARY_LEASE_MS) continue
        if (!(await this.claim(link, date, job, now))) continue
        try {
          const opts = { language: (await prefs).language, timezone: await tzOf(link.patient_id) }
          await this.runSummaryJob(link, date, opts, now)
          generated++
        } catch (err) {
          // Left claimed: once the lease lapses the next round (here or elsewhere) tries again.
          const ids = { patient_id: link.patient_id, caregiver_id: link.caregiver_id, date }
          this.deps.logger.error({ err, ...ids }, 'daily summary failed')
        }
      }
    }
    return generated
  }

  /** Inserts the job row (or takes over a lapsed claim); true only for the one instance that did. */
  private async claim(link: Link, date: string, job: Job | undefined, now: Date): Promise<boolean> {
    const { db, instanceId } = this.deps
    const pk = { patient_id: link.patient_id, caregiver_id: link.caregiver_id, date }
    if (!job) {
      const row = await db
        .insertInto('care_summary_jobs')
        .values({ ...pk, status: 'claimed', claimed_by: instanceId, claimed_at: now })
        .onConflict((oc) => oc.columns(['patient_id', 'caregiver_id', 'date']).doNothing())
        .returning('date')
        .executeTakeFirst()
      return row !== undefined
    }
    const taken = await db
      .updateTable('care_summary_jobs')
      .set({ claimed_by: instanceId, claimed_at: now })
      .where('patient_id', '=', pk.patient_id)
      .where('caregiver_id', '=', pk.caregiver_id)
      .where('date', '=', date)
      .where('status', '=', 'claimed')
      .where('claimed_at', '=', job.claimed_at)
      .executeTakeFirst()
    return Number(taken.numUpdatedRows) === 1
  }

  private async runSummaryJob(
    link: Link,
    date: string,
    opts: { language: string; timezone: string },
    now: Date,
  ): Promise<void> {
    const { summaries, dispatcher, db, metrics } = this.deps
    const ensured = await summaries.ensure(link.patient_id, link.caregiver_id, date, { ...opts, expectNew: true, shared: link.sharing })
    const { event, created } = ensured
    if (created) metrics.summaries.inc({ generated_by: event.payload.generated_by })
    await dispatcher.planSummary(event, link.caregiver_id)
    await db
      .updateTable('care_summary_jobs')
      .set({ status: 'done', summary_event_id: event.id, done_at: now })
      .where('patient_id', '=', link.patient_id)
      .where('caregiver_id', '=', link.caregiver_id)
      .where('date', '=', date)
      .execute()
  }

  private forgetBefore(t: number): void {
    for (const [k, at] of this.seen) if (at < t) this.seen.delete(k)
  }
}

const jobKey = (patientId: string, caregiverId: string, date: string) => `${patientId}|${caregiverId}|${date}`

/**
 * The local dates (in the caregiver's zone) whose summary is due: today once the caregiver's
 * summary time has passed, and up to CATCH_UP_DAYS before, but none before the link existed.
 */
export function dueDates(
  link: Pick<Link, 'linked_at'>,
  prefs: Pick<Preferences, 'timezone' | 'daily_summary_time'>,
  now: Date,
): string[] {
  const today = localDate(now, prefs.timezone)
  const linkedOn = localDate(link.linked_at, prefs.timezone)
  const earliest = addDays(today, -CATCH_UP_DAYS)
  const out: string[] = []
  for (let d = linkedOn > earliest ? linkedOn : earliest; d <= today; d = addDays(d, 1)) {
    if (d === today && localTime(now, prefs.timezone) < prefs.daily_summary_time) break
    out.push(d)
  }
  return out
}
