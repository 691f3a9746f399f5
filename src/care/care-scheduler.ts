import type { EventKind } from '../../memory/event-kinds.js'
import type { EventStore, HealthEvent } from '../../memory/event-store.js'
import {
  DOSE_MATCH_WINDOW_MS,
  MISSED_AFTER_MS,
  doseStatus,
  expectedSlots,
  matchDoses,
  patientTimezone,
} from '../../memory/insights.js'
import { addDays, dayRange, localDate, localTime } from '../../memory/local-time.js'
import type { Logger } from '../logger.js'
import type { AlertService } from './alerts/alert-service.js'
import { missedDoseAlert, noCheckinAlert } from './alerts/alert-rules.js'
import type { CareLinks } from './care-links.js'
import type { CareMetrics } from './care-metrics.js'
import type { CareDb, CareSummaryJobsTable } from './care-tables.js'
import type { Dispatcher } from './delivery/dispatcher.js'
import type { InAppChannel } from './delivery/in-app-channel.js'
import type { AccountPreferences, Preferences } from './preferences.js'
import { CHECK_IN_KINDS, isPatientActivity } from './summaries/summary-facts.js'
import type { SummaryService } from './summaries/summary-service.js'

const HOUR = 3_600_000
/** After downtime, daily summaries are caught up this many days back (and never before the link). */
export const CATCH_UP_DAYS = 7
/** A claimed summary job not done by then (its instance died) is claimed again. */
export const SUMMARY_LEASE_MS = 10 * 60_000
/** Doses missed longer ago than this (downtime) go to the summary, not to an alert now. */
const MISSED_DOSE_LOOKBACK_MS = 12 * HOUR

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
  intervalMs: number
  /** Local hour after which a patient with nothing logged that day raises "no check-in". */
  noCheckinHour: number
  /** Names this instance in the jobs it claims. */
  instanceId: string
}

export interface TickReport {
  swept_alerts: number
  missed_doses: number
  no_checkins: number
  summaries: number
  deliveries: number
}

type Link = Awaited<ReturnType<CareLinks['listLiveLinks']>>[number]
/** A patient's time zone, looked up once per round. */
type TzOf = (patientId: string) => Promise<string>
type Job = Pick<CareSummaryJobsTable, 'patient_id' | 'caregiver_id' | 'date' | 'status'> & { claimed_at: Date }

/**
 * The care module's clock-driven work, one round per interval: missed doses and missed
 * check-ins become alerts, daily summaries that are due are generated and delivered (and the
 * days missed while down are caught up), and held or failed deliveries are sent. Each summary
 * job is claimed by inserting its (patient, caregiver, date) row, so of several instances on
 * one database exactly one generates it.
 */
export class CareScheduler {
  private timer?: NodeJS.Timeout
  private running?: Promise<void>
  /** Missed slots and check-in days already looked at, so a round does not ask the store again. */
  private readonly seen = new Map<string, number>()

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.runOnce(), this.deps.intervalMs)
    this.timer.unref()
    // The first round at start-up catches up what was missed while the service was down.
    void this.runOnce()
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.running
  }

  /** One round, unless one is still running; failures are logged and the next round tries again. */
  private runOnce(): Promise<void> {
    this.running ??= this.tick()
      .then(() => undefined)
      .catch((err) => this.deps.logger.error({ err }, 'care scheduler round failed'))
      .finally(() => (this.running = undefined))
    return this.running
  }

  /** One round at `now` (tests call it with their clock). */
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
    const report: TickReport = {
      swept_alerts: await step('sweep', () => this.deps.alerts.sweepUndispatched(now)),
      missed_doses: await step('missed_doses', () => this.missedDoses(links, now, tzOf)),
      no_checkins: await step('no_checkin', () => this.noCheckins(links, now, tzOf)),
      summaries: await step('summaries', () => this.dailySummaries(links, now, tzOf)),
      deliveries: await step('deliveries', () => this.deps.dispatcher.runDue()),
    }
    await step('in_app', async () => (await this.deps.dispatcher.flushWaiting(this.deps.inApp.connected()), 0))
    await this.deps.alerts.idle()
    this.forgetBefore(now.getTime() - 2 * 24 * HOUR)
    end()
    return report
  }

  /** Scheduled doses an hour past their time with nothing logged, for patients with caregivers. */
  private async missedDoses(links: Link[], now: Date, tzOf: TzOf): Promise<number> {
    const { events, alerts } = this.deps
    const linked = new Set(links.map((l) => l.patient_id))
    let raised = 0
    for (const patientId of await events.usersWithCurrent(['med_schedule'])) {
      if (!linked.has(patientId)) continue
      const tz = await tzOf(patientId)
      const today = localDate(now, tz)
      const plans = await events.scan(patientId, { kinds: ['medication', 'med_schedule'] })
      const of = <K extends EventKind>(k: K) => plans.filter((e) => e.kind === k) as unknown as HealthEvent<K>[]
      const slots = expectedSlots(of('med_schedule'), of('medication'), [addDays(today, -1), today], tz).filter((s) => {
        const late = now.getTime() - s.at.getTime()
        const recent = late > MISSED_AFTER_MS && late <= MISSED_AFTER_MS + MISSED_DOSE_LOOKBACK_MS
        return recent && !this.seen.has(slotKey(patientId, s))
      })
      if (slots.length === 0) continue
      const doses = await events.scan(patientId, {
        kinds: ['med_dose'],
        from: new Date(slots[0]!.at.getTime() - DOSE_MATCH_WINDOW_MS),
        to: new Date(now.getTime() + 1),
      })
      matchDoses(slots, doses as unknown as HealthEvent<'med_dose'>[])
      const critical = new Set(of('medication').filter((m) => m.payload.critical).map((m) => m.context_id))
      for (const slot of slots) {
        this.seen.set(slotKey(patientId, slot), slot.at.getTime())
        if (doseStatus(slot, now) !== 'missed') continue
        const dose = { ...slot, scheduled_for: slot.at.toISOString() }
        const alert = await alerts.raise(patientId, missedDoseAlert(dose, critical.has(slot.medication_id), now))
        if (alert) raised++
      }
    }
    return raised
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
    const ensured = await summaries.ensure(link.patient_id, link.caregiver_id, date, { ...opts, expectNew: true })
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
const slotKey = (patientId: string, s: { medication_id: string; at: Date }) =>
  `slot|${patientId}|${s.medication_id}|${s.at.toISOString()}`

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
