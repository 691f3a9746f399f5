import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEventDb, type EventDbHandle } from '../../memory/event-db.js'
import { eventEngines } from '../../test/event-engines.js'
import { appOver, createTestApp, registerUser, testConfig, type TestApp } from '../../test/helpers.js'
import { RecordingChannel, TestClock, link, setPreferences, setProfile, type Account } from '../../test/fakes/care-fixtures.js'
import type { Config } from '../config.js'
import { Metrics } from '../metrics.js'
import { createServices, type Services } from '../services.js'
import { createCaregiving, type Caregiving } from './caregiving.js'
import { dueDates } from './care-scheduler.js'
import { careDb } from './care-tables.js'



/** Patients, each with caregivers, linked at the clock's time (a caregiver may look after several). */
async function careCircle(t: TestApp, patients: number, caregiversEach: number): Promise<{ patients: Account[]; caregivers: Account[] }> {
  const ps: Account[] = []
  const cs: Account[] = []
  for (let i = 0; i < caregiversEach; i++) cs.push(await registerUser(t, 'caregiver', `Caregiver ${i}`))
  for (let i = 0; i < patients; i++) {
    const p = await registerUser(t, 'patient', `Patient ${i}`)
    await setProfile(t, p, { timezone: 'Asia/Kolkata' })
    for (const c of cs) await link(t, p, c)
    ps.push(p)
  }
  return { patients: ps, caregivers: cs }
}

/** Every summary event version in the patients' stores, by entity. */
async function summaryVersions(s: Services, patients: Account[]): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  for (const p of patients) {
    const rows = await s.eventDb.db
      .selectFrom('health_events')
      .select('context_id')
      .where('user_id', '=', p.id)
      .where('kind', '=', 'summary')
      .execute()
    for (const r of rows) out.set(`${p.id}|${r.context_id}`, (out.get(`${p.id}|${r.context_id}`) ?? 0) + 1)
  }
  return out
}

async function deliveryCounts(s: Services) {
  return careDb(s.eventDb.db)
    .selectFrom('care_deliveries')
    .select(['item_event_id', 'caregiver_id', 'channel', 'status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('item_kind', '=', 'summary')
    .groupBy(['item_event_id', 'caregiver_id', 'channel', 'status'])
    .execute()
}

describe('the care scheduler', () => {
  it('Should list the due dates in the caregiver’s zone: today after the summary time, up to 7 days back, none before the link', () => {
    const prefs = { timezone: 'America/New_York', daily_summary_time: '20:00' }
    const link = { linked_at: '2025-06-01T12:00:00.000Z' }
    expect(dueDates(link, prefs, new Date('2025-06-03T23:59:00.000Z'))).toEqual(['2025-06-01', '2025-06-02'])
    expect(dueDates(link, prefs, new Date('2025-06-04T00:00:00.000Z'))).toEqual(['2025-06-01', '2025-06-02', '2025-06-03'])
    expect(dueDates(link, prefs, new Date('2025-06-20T00:30:00.000Z'))).toEqual(
      ['2025-06-12', '2025-06-13', '2025-06-14', '2025-06-15', '2025-06-16', '2025-06-17', '2025-06-18', '2025-06-19'],
    )
  })

  describe('on PGlite on disk, across restarts', () => {
    const clock = new TestClock(new Date('2025-06-01T04:00:00.000Z')) // 09:30 IST
    let config: Config
    let circle: { patients: Account[]; caregivers: Account[] }
    const open = async () => appOver(await createServices(config, { now: clock.now, startScheduler: false }))

    beforeAll(() => {
      config = testConfig()
    })
    afterAll(() => fs.rmSync(config.DATA_DIR, { recursive: true, force: true }))

    // Two starts of an on-disk PGlite: slow on a loaded machine, so it gets more time than the default.
    it('Should make one summary per patient, caregiver and date, and after a restart catch up the days it was down for', { timeout: 120_000 }, async () => {
      let t = await open()
      circle = await careCircle(t, 2, 1)
      clock.set('2025-06-01T15:00:00.000Z') // 20:30 IST
      expect((await t.services.caregiving.scheduler.tick()).summaries).toBe(2)
      expect((await t.services.caregiving.scheduler.tick()).summaries).toBe(0)
      await t.close()

      // Down for four days: the next start catches up 2–5 June, each once, and leaves 1 June alone.
      clock.set('2025-06-05T15:00:00.000Z')
      t = await open()
      try {
        expect((await t.services.caregiving.scheduler.tick()).summaries).toBe(8)
        expect((await t.services.caregiving.scheduler.tick()).summaries).toBe(0)
        const versions = await summaryVersions(t.services, circle.patients)
        expect(versions.size).toBe(10)
        expect([...versions.values()].every((n) => n === 1)).toBe(true)
        const jobs = await careDb(t.services.eventDb.db).selectFrom('care_summary_jobs').select(['date', 'status']).execute()
        expect(jobs).toHaveLength(10)
        expect(jobs.every((j) => j.status === 'done')).toBe(true)
        expect((await deliveryCounts(t.services)).every((d) => Number(d.n) === 1)).toBe(true)
        await takeOverLapsedClaims(t)
      } finally {
        await t.close()
      }
    })

    /** A job claimed by an instance that died is taken over once its lease has lapsed, not before. */
    async function takeOverLapsedClaims(t: TestApp) {
      clock.set('2025-06-06T15:00:00.000Z')
      const db = careDb(t.services.eventDb.db)
      const [p0, p1] = circle.patients as [Account, Account]
      const cg = circle.caregivers[0]!
      const dead = { caregiver_id: cg.id, date: '2025-06-06', status: 'claimed' as const, claimed_by: 'dead-instance' }
      await db.insertInto('care_summary_jobs').values([
        { ...dead, patient_id: p0.id, claimed_at: new Date(clock.now().getTime() - 11 * 60_000) },
        { ...dead, patient_id: p1.id, claimed_at: new Date(clock.now().getTime() - 60_000) },
      ]).execute()
      expect((await t.services.caregiving.scheduler.tick()).summaries).toBe(1)
      const jobs = await db
        .selectFrom('care_summary_jobs')
        .select(['patient_id', 'status', 'claimed_by'])
        .where('date', '=', '2025-06-06')
        .execute()
      const taken = jobs.find((j) => j.patient_id === p0.id)!
      expect(taken.status).toBe('done')
      expect(taken.claimed_by).not.toBe('dead-instance')
      expect(jobs.find((j) => j.patient_id === p1.id)).toMatchObject({ status: 'claimed', claimed_by: 'dead-instance' })
    }
  })

  describe('with two schedulers on one PGlite', () => {
    let t: TestApp
    let second: Caregiving
    const clock = new TestClock(new Date('2025-07-01T04:00:00.000Z'))
    const email = [new RecordingChannel('email'), new RecordingChannel('email')] as const

    beforeAll(async () => {
      t = await createTestApp({}, { now: clock.now, careChannels: { email: email[0] } })
      const apart = { now: clock.now, metrics: new Metrics(), sockets: undefined, channels: { email: email[1] } }
      second = createCaregiving({ ...t.services, ...apart })
    })
    afterAll(async () => {
      await second.close()
      await t.close()
    })

    it('Should generate and deliver each summary exactly once when both run at the same moment', async () => {
      const circle = await careCircle(t, 3, 2)
      await setPreferences(t, circle.caregivers[1]!, { timezone: 'Europe/London', daily_summary_time: '07:30' })
      clock.set('2025-07-04T15:00:00.000Z') // 20:30 IST, 16:00 London: 1–4 July due for both
      const [a, b] = await Promise.all([t.services.caregiving.scheduler.tick(), second.scheduler.tick()])
      expect(a.summaries + b.summaries).toBe(3 * 2 * 4)
      const versions = await summaryVersions(t.services, circle.patients)
      expect(versions.size).toBe(24)
      expect([...versions.values()].every((n) => n === 1)).toBe(true)
      const summaries = [...email[0].sent, ...email[1].sent].filter((s) => s.message.kind === 'summary')
      expect(summaries).toHaveLength(24)
      expect(new Set(summaries.map((s) => s.deliveryId)).size).toBe(24)
      const again = await Promise.all([t.services.caregiving.scheduler.tick(), second.scheduler.tick()])
      expect(again.map((r) => r.summaries)).toEqual([0, 0])
    })
  })

  const postgres = eventEngines().find((e) => e.name === 'postgres')
  describe.skipIf(!postgres)('with two schedulers on one PostgreSQL', () => {
    const clock = new TestClock(new Date('2025-08-01T04:00:00.000Z'))
    let config: Config
    let first: EventDbHandle
    let secondDb: EventDbHandle
    let a: TestApp
    let b: TestApp

    beforeAll(async () => {
      config = testConfig()
      first = await postgres!.open()
      // Another pool on the same schema: a second instance of the service.
      secondDb = await openEventDb({ databaseUrl: process.env.TEST_DATABASE_URL, schema: first.schema })
      a = appOver(await createServices(config, { eventDb: first, now: clock.now, startScheduler: false }))
      b = appOver(await createServices(config, { eventDb: secondDb, now: clock.now, startScheduler: false }))
    })
    afterAll(async () => {
      await a?.close()
      await b?.close()
      await secondDb?.close()
      await first?.close()
      fs.rmSync(config.DATA_DIR, { recursive: true, force: true })
    })

    it('Should generate each summary once, whichever instance claims it, also after one restarts', async () => {
      const circle = await careCircle(a, 4, 2)
      clock.set('2025-08-05T15:00:00.000Z') // 20:30 IST: 1–5 August due
      const rounds = await Promise.all([a.services.caregiving.scheduler.tick(), b.services.caregiving.scheduler.tick()])
      expect(rounds[0].summaries + rounds[1].summaries).toBe(4 * 2 * 5)
      const versions = await summaryVersions(a.services, circle.patients)
      expect(versions.size).toBe(40)
      expect([...versions.values()].every((n) => n === 1)).toBe(true)
      const deliveries = await deliveryCounts(a.services)
      expect(deliveries).toHaveLength(40)
      expect(deliveries.every((d) => Number(d.n) === 1 && d.channel === 'in_app' && d.status === 'waiting')).toBe(true)
      const jobs = await careDb(first.db).selectFrom('care_summary_jobs').select('status').execute()
      expect(jobs.map((j) => j.status)).toEqual(Array(40).fill('done'))

      await b.close()
      b = appOver(await createServices(config, { eventDb: secondDb, now: clock.now, startScheduler: false }))
      const after = await Promise.all([a.services.caregiving.scheduler.tick(), b.services.caregiving.scheduler.tick()])
      expect(after.map((r) => r.summaries)).toEqual([0, 0])
      expect((await summaryVersions(a.services, circle.patients)).size).toBe(40)
    })
  })
})
