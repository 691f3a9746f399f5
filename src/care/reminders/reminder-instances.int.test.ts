import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEventDb, type EventDbHandle } from '../../../memory/event-db.js'
import { zonedInstant } from '../../../memory/local-time.js'
import { eventEngines } from '../../../test/event-engines.js'
import { appOver, createTestApp, registerUser, testConfig, type TestApp } from '../../../test/helpers.js'
import {
  RecordingChannel,
  TestClock,
  link,
  listen,
  openSocket,
  record,
  setPreferences,
  setProfile,
  type Account,
} from '../../../test/fakes/care-fixtures.js'
import type { Config } from '../../config.js'
import { Metrics } from '../../metrics.js'
import { createServices, type ServiceOptions, type Services } from '../../services.js'
import { createCaregiving, type Caregiving } from '../caregiving.js'
import { careDb } from '../care-tables.js'
import type { PgNotifyBus } from '../live/live-bus.js'

type Json = Record<string, any>
const TZ = 'Asia/Kolkata'
const ist = (date: string, time: string) => zonedInstant(date, time, TZ).toISOString()


/** Patients in Kolkata, each with Metformin at the given time; returns them with their medicine. */
async function patientsWithDose(t: TestApp, n: number, time: string): Promise<{ patient: Account; med: Json }[]> {
  const out = []
  for (let i = 0; i < n; i++) {
    const patient = await registerUser(t, 'patient', `Patient ${i}`)
    await setProfile(t, patient, { timezone: TZ })
    const med = await record(t, patient, 'medication', { name: 'Metformin', dosage: '500 mg' })
    await record(t, patient, 'med_schedule', { medication_id: med.context_id, time_of_day: time })
    out.push({ patient, med })
  }
  await t.services.caregiving.idle()
  return out
}

/** Every notification row and event of these patients, to count them. */
async function sent(s: Services, patients: Account[]) {
  const ids = patients.map((p) => p.id)
  const rows = await careDb(s.eventDb.db).selectFrom('care_reminders').select(['patient_id', 'claim_key']).where('patient_id', 'in', ids).execute()
  const events = await s.eventDb.db
    .selectFrom('health_events')
    .select(['user_id', 'idempotency_key'])
    .where('user_id', 'in', ids)
    .where('kind', '=', 'notification')
    .where('idempotency_key', 'like', 'reminder:%')
    .execute()
  return { rows, events }
}

describe('reminders across restarts and instances', () => {
  describe('on PGlite on disk, across a restart', () => {
    const clock = new TestClock(new Date(ist('2025-09-01', '07:00')))
    let config: Config
    const open = async () => appOver(await createServices(config, { now: clock.now, startScheduler: false }))

    beforeAll(() => {
      config = testConfig()
    })
    afterAll(() => fs.rmSync(config.DATA_DIR, { recursive: true, force: true }))

    // Two starts of an on-disk PGlite: slow on a loaded machine, so it gets more time than the default.
    it('Should send each reminder once, and after downtime send what is still in its window late', { timeout: 120_000 }, async () => {
      let t = await open()
      const [morning] = await patientsWithDose(t, 1, '08:00')
      const [nine] = await patientsWithDose(t, 1, '09:00')
      clock.set(ist('2025-09-01', '08:00'))
      expect((await t.services.caregiving.scheduler.runTimers()).reminders).toBe(1)
      await t.close()

      // Down from 08:01 to 09:10: a restart at 09:10 repeats nothing, sends the 08:30 repeat and
      // the 09:00 reminder late, and each only once however often it looks.
      clock.set(ist('2025-09-01', '09:10'))
      t = await open()
      try {
        const first = await t.services.caregiving.scheduler.tick()
        const again = await t.services.caregiving.scheduler.tick()
        expect(again.reminders).toBe(0)
        expect(first.reminders).toBe(1)
        const list = async (p: Account) =>
          ((await (await t.request('/api/v1/notifications', { token: p.access_token })).json()) as Json).notifications
        // 08:00's window closed at 09:00 while down: its repeat is not sent, the slot is missed.
        expect((await list(morning!.patient)).map((n: Json) => [n.title, n.status])).toEqual([['Time for Metformin 500 mg', 'missed']])
        expect((await list(nine!.patient)).map((n: Json) => [n.title, n.late])).toEqual([['Time for Metformin 500 mg (late)', true]])
        clock.set(ist('2025-09-02', '08:00'))
        await t.services.caregiving.scheduler.runTimers()
        expect((await list(morning!.patient)).map((n: Json) => n.slot)).toEqual([ist('2025-09-02', '08:00'), ist('2025-09-01', '08:00')])
      } finally {
        await t.close()
      }
    })
  })

  describe('with two schedulers on one PGlite', () => {
    let t: TestApp
    let second: Caregiving
    const clock = new TestClock(new Date(ist('2025-09-05', '07:00')))
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

    it('Should send each reminder once when both work the same timers at the same moment', async () => {
      const circle = await patientsWithDose(t, 6, '08:00')
      for (const { patient } of circle) await setPreferences(t, patient, { notifications: { email: true } })
      clock.set(ist('2025-09-05', '08:00'))
      // Both see the same due timers, as after a lapsed lease: the claim row decides who sends.
      const due = await careDb(t.services.eventDb.db).selectFrom('care_timers').selectAll().where('kind', '=', 'dose').execute()
      const mine = due.filter((d) => circle.some((c) => c.patient.id === d.patient_id))
      const [a, b] = await Promise.all([
        t.services.caregiving.doses.onDoseTimers(mine, clock.now()),
        second.doses.onDoseTimers(mine, clock.now()),
      ])
      expect(a.reminded + b.reminded).toBe(6)
      const { rows, events } = await sent(t.services, circle.map((c) => c.patient))
      expect(rows).toHaveLength(6)
      expect(events).toHaveLength(6)
      expect(email[0].sent.length + email[1].sent.length).toBe(6)
      const rounds = await Promise.all([t.services.caregiving.scheduler.runTimers(), second.scheduler.runTimers()])
      expect(rounds.map((r) => r.reminders)).toEqual([0, 0])
    })
  })

  const postgres = eventEngines().find((e) => e.name === 'postgres')
  describe.skipIf(!postgres)('with two instances on one PostgreSQL', () => {
    const clock = new TestClock(new Date(ist('2025-09-10', '07:00')))
    let config: Config
    let firstDb: EventDbHandle
    let secondDb: EventDbHandle
    let a: TestApp
    let b: TestApp
    let serverB: Awaited<ReturnType<typeof listen>>
    const opts: ServiceOptions = { now: clock.now, startScheduler: false }

    beforeAll(async () => {
      config = testConfig()
      firstDb = await postgres!.open()
      secondDb = await openEventDb({ databaseUrl: process.env.TEST_DATABASE_URL, schema: firstDb.schema })
      a = appOver(await createServices(config, { ...opts, eventDb: firstDb }))
      b = appOver(await createServices(config, { ...opts, eventDb: secondDb }))
      serverB = await listen(b)
      await Promise.all([a, b].map((x) => (x.services.caregiving.bus as PgNotifyBus).listening()))
    })
    afterAll(async () => {
      await a?.close()
      await b?.close()
      await serverB?.close()
      await secondDb?.close()
      await firstDb?.close()
      fs.rmSync(config.DATA_DIR, { recursive: true, force: true })
    })

    it('Should send each reminder once whichever instance claims it, and push it to a socket held by the other', async () => {
      const circle = await patientsWithDose(a, 8, '08:00')
      const watched = circle[0]!.patient
      // The patient's app is connected to instance B; only A's scheduler runs.
      const socket = await openSocket(serverB.ws('/api/v1/ws'), watched.access_token)
      clock.set(ist('2025-09-10', '08:00'))
      const rounds = await Promise.all([a.services.caregiving.scheduler.runTimers(), b.services.caregiving.scheduler.runTimers()])
      expect(rounds[0].reminders + rounds[1].reminders).toBe(8)
      const { rows, events } = await sent(a.services, circle.map((c) => c.patient))
      expect(rows).toHaveLength(8)
      expect(events).toHaveLength(8)
      const frame = await socket.next('notification')
      expect(frame.notification).toMatchObject({ kind: 'dose_reminder', title: 'Time for Metformin 500 mg', slot: ist('2025-09-10', '08:00') })

      // Made by A alone this time (a snooze A's round sends), it still reaches B's socket.
      const res = await a.request(`/api/v1/notifications/${frame.notification.id}/respond`, {
        method: 'POST',
        token: watched.access_token,
        json: { action: 'snooze', minutes: 10 },
      })
      expect(res.status).toBe(200)
      clock.set(ist('2025-09-10', '08:12'))
      await a.services.caregiving.scheduler.runTimers()
      expect((await socket.next('notification')).notification.title).toBe('Snoozed reminder: Metformin 500 mg')
      socket.close()
    })

    it('Should deliver a caregiver alert raised on one instance to the caregiver’s socket on the other', async () => {
      const patient = await registerUser(a, 'patient', 'Asha')
      await setProfile(a, patient, { timezone: TZ })
      const caregiver = await registerUser(a, 'caregiver', 'Ravi')
      await link(a, patient, caregiver)
      await setPreferences(a, caregiver, { inactivity_hours: null })
      const socket = await openSocket(serverB.ws('/api/v1/care/ws'), caregiver.access_token)
      await socket.next('ready')
      await record(a, patient, 'vitals', { spo2: 86 })
      await a.services.caregiving.idle()
      const frame = await socket.next('alert')
      expect(frame).toMatchObject({ patient: { id: patient.id }, alert: { tier: 'emergency', condition: 'spo2:critical' } })
      await b.services.caregiving.idle()
      const rows = await careDb(a.services.eventDb.db)
        .selectFrom('care_deliveries')
        .select(['status', 'round'])
        .where('caregiver_id', '=', caregiver.id)
        .where('channel', '=', 'in_app')
        .execute()
      expect(rows).toEqual([{ status: 'sent', round: 0 }])
      socket.close()
    })
  })
})
