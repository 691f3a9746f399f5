import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import webpush from 'web-push'
import { PatientErasedError } from '../../memory/encryption/patient-keys.js'
import type { EventDbHandle } from '../../memory/event-db.js'
import { eventEngines } from '../../test/event-engines.js'
import { HOUR, TestClock, link, record, setProfile, type Account } from '../../test/fakes/care-fixtures.js'
import { startFakePinecone, type FakePinecone } from '../../test/fakes/pinecone-server.js'
import { createTestApp, registerUser, rejection, requester, tempDir, testConfig, type TestApp } from '../../test/helpers.js'
import { authRowsContaining, filesContaining, rowsContaining } from '../../test/raw-scan.js'
import { createApp } from '../app.js'
import { createServices, type Services } from '../services.js'

type Json = Record<string, any>

const canary = (what: string) => `${what}${randomBytes(4).toString('hex')}`

/** A patient with a caregiver, a conversation, events, an alert and its delivery, a summary and recall memories. */
async function patientWithHistory(app: Pick<TestApp, 'request' | 'services'>, words: { name: string; chat: string }) {
  const t = app as TestApp
  const patient = await registerUser(t, 'patient', words.name)
  const caregiver = await registerUser(t, 'caregiver', 'Ravi')
  await setProfile(t, patient, { timezone: 'Asia/Kolkata', date_of_birth: '1950-02-01' })
  await link(t, patient, caregiver)
  await t.request('/api/v1/caregivers/invitations', { method: 'POST', token: patient.access_token })
  const turn = await t.request('/api/v1/chat', { method: 'POST', token: patient.access_token, json: { message: `my ${words.chat} knee hurts after the stairs` } })
  expect(turn.status).toBe(200)
  await record(t, patient, 'symptom', { name: 'knee pain', notes: `${words.chat} again` })
  await record(t, patient, 'vitals', { blood_pressure_systolic: 186, blood_pressure_diastolic: 124 })
  const today = t.services.caregiving.now().toISOString().slice(0, 10)
  await t.request(`/api/v1/patients/${patient.id}/summaries`, { method: 'POST', token: caregiver.access_token, json: { date: today } })
  await t.request(`/api/v1/patients/${patient.id}/events`, { token: caregiver.access_token })
  // Reminders: a medicine on a schedule (care's timers and reminders), a heartbeat, a Web Push subscription.
  const metformin = await record(t, patient, 'medication', { name: 'Metformin', dosage: '500 mg' })
  await record(t, patient, 'med_schedule', { medication_id: metformin.context_id, time_of_day: '08:00' })
  await t.request(`/api/v1/patients/${patient.id}/heartbeat`, { method: 'POST', token: patient.access_token, json: { device: 'phone', app_version: '1.0' } })
  if (t.services.config.VAPID_PUBLIC_KEY) {
    const keys = { p256dh: Buffer.alloc(65, 4).toString('base64url'), auth: Buffer.alloc(16, 1).toString('base64url') }
    const sub = await t.request('/api/v1/push/subscriptions', { method: 'POST', token: patient.access_token, json: { endpoint: `https://fcm.googleapis.com/fcm/send/${patient.id}`, keys } })
    expect(sub.status).toBeLessThan(300)
  }
  await t.services.caregiving.idle()
  await t.services.recall.whenIdle()
  return { patient, caregiver }
}

const erase = (t: Pick<TestApp, 'request'>, who: Account, password = who.password) =>
  t.request('/api/v1/auth/me', { method: 'DELETE', token: who.access_token, json: { password } })

describe.each(eventEngines())('erasing an account on $name', (engine) => {
  let handle: EventDbHandle
  let pinecone: FakePinecone
  let t: TestApp
  const clock = new TestClock(new Date('2025-03-10T04:00:00.000Z'))

  beforeAll(async () => {
    handle = await engine.open()
    pinecone = await startFakePinecone({ dimension: 2048 })
    const vapid = webpush.generateVAPIDKeys()
    t = await createTestApp(
      {
        PINECONE_API_KEY: pinecone.apiKey,
        PINECONE_INDEX_HOST: pinecone.url,
        PINECONE_CONTROLLER_HOST: pinecone.url,
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
      },
      { eventDb: handle, now: clock.now },
    )
  })
  afterAll(async () => {
    await t?.close()
    await pinecone?.close()
    await handle?.close()
  })

  it('Should refuse without the right password and change nothing', async () => {
    const { patient } = await patientWithHistory(t, { name: 'Asha', chat: canary('knee') })
    expect((await erase(t, patient, 'not my password 123')).status).toBe(403)
    const noBody = await t.request('/api/v1/auth/me', { method: 'DELETE', token: patient.access_token })
    expect(noBody.status).toBe(400)
    expect((await t.request('/api/v1/auth/me', { method: 'DELETE', json: { password: patient.password } })).status).toBe(401)
    expect((await t.request('/api/v1/events', { token: patient.access_token })).status).toBe(200)
    expect(((await (await t.request('/api/v1/events', { token: patient.access_token })).json()) as Json).events.length).toBeGreaterThan(3)
  })

  it('Should destroy the key, delete every row and leave only the erasure record; caregivers get 404', async () => {
    const words = { name: canary('Asha'), chat: canary('knee') }
    const { patient, caregiver } = await patientWithHistory(t, words)
    const namespace = `patient-${patient.id}`
    expect(pinecone.namespaces.get(namespace)?.size).toBeGreaterThan(0)
    const before = await rowsContaining(handle, [patient.id])
    for (const table of ['health_events', 'conversation_checkpoints', 'care_deliveries', 'care_timers', 'care_heartbeats']) {
      expect(before.some((r) => r.startsWith(`${table}:`)), table).toBe(true)
    }
    expect((await authRowsContaining(t.services.authDb, [patient.id])).some((r) => r.startsWith('push_subscriptions:'))).toBe(true)

    const res = await erase(t, patient)
    expect(res.status).toBe(202)
    expect(((await res.json()) as Json).erasure).toEqual({ account_id: patient.id, requested_at: clock.now().toISOString(), status: 'deleting' })

    // The patient: signed out everywhere, cannot sign in again.
    expect((await t.request('/api/v1/auth/me', { token: patient.access_token })).status).toBe(401)
    expect((await t.request('/api/v1/events', { token: patient.access_token })).status).toBe(401)
    const login = await t.request('/api/v1/auth/login', { method: 'POST', json: { email: patient.email, password: patient.password } })
    expect(login.status).toBe(401)
    expect((await t.request('/api/v1/auth/refresh', { method: 'POST', json: { refresh_token: patient.refresh_token } })).status).toBe(401)

    // The caregiver: the patient is gone from every route.
    for (const path of ['events', 'insights', 'alerts', 'summaries']) {
      expect((await t.request(`/api/v1/patients/${patient.id}/${path}`, { token: caregiver.access_token })).status).toBe(404)
    }
    const patients = (await (await t.request('/api/v1/caregivers/patients', { token: caregiver.access_token })).json()) as Json
    expect(patients.patients).toEqual([])

    // The stores: nothing is left that names the patient, nor anything they said.
    expect(await rowsContaining(handle, [patient.id, words.chat, words.name])).toEqual([])
    expect(pinecone.namespaces.has(namespace)).toBe(false)
    const left = await authRowsContaining(t.services.authDb, [patient.id, patient.email, words.name])
    expect(left).toHaveLength(1)
    expect(left[0]).toMatch(/^account_erasures: /)
    const record = await t.services.authDb.selectFrom('account_erasures').selectAll().where('user_id', '=', patient.id).executeTakeFirstOrThrow()
    expect(Object.keys(record).sort()).toEqual(['completed_at', 'key_destroyed_at', 'requested_at', 'role', 'rows_deleted_at', 'user_id'])
    await rejection(t.services.events.list(patient.id), PatientErasedError)
    await rejection(t.services.events.append(patient.id, { kind: 'water', payload: { amount_ml: 100 }, source: 'api' }), PatientErasedError)
    expect(await t.services.checkpointer.getTuple({ configurable: { thread_id: `${patient.id}:x`, checkpoint_ns: '' } })).toBeUndefined()

    // The second pass comes once no instance can hold the key any more; then the job is complete.
    expect(await t.services.erasure.runDue()).toBe(0)
    clock.advance(HOUR)
    expect(await t.services.erasure.runDue()).toBe(1)
    expect((await t.services.erasure.receipt(patient.id)).status).toBe('completed')
    // The caregiver's own account is untouched.
    expect((await t.request('/api/v1/auth/me', { token: caregiver.access_token })).status).toBe(200)
  })

  it('Should erase a caregiver: their links and deliveries go, the patient keeps their data', async () => {
    const { patient, caregiver } = await patientWithHistory(t, { name: 'Asha', chat: canary('knee') })
    expect((await erase(t, caregiver)).status).toBe(202)
    const caregivers = (await (await t.request('/api/v1/caregivers', { token: patient.access_token })).json()) as Json
    expect(caregivers.caregivers).toEqual([])
    expect((await t.request(`/api/v1/patients/${patient.id}/events`, { token: caregiver.access_token })).status).toBe(401)
    expect(await rowsContaining(handle, [caregiver.id]).then((rows) => rows.filter((r) => !r.startsWith('health_events')))).toEqual([])
    const left = await authRowsContaining(t.services.authDb, [caregiver.id, caregiver.email])
    // The patient's access log keeps which (now anonymous) caregiver read their data, and when.
    expect(left.filter((r) => !r.startsWith('account_erasures') && !r.startsWith('caregiver_access_log'))).toEqual([])
    const events = (await (await t.request('/api/v1/events?limit=100', { token: patient.access_token })).json()) as Json
    expect(events.events.length).toBeGreaterThan(3)
  })
})

// A PGlite data dir on disk is initialised (initdb) per test: slow on a busy machine.
describe('erasure on disk', { timeout: 120_000 }, () => {
  it('Should leave nothing of the patient in any file of the data dir (SQLite, PGlite, their WALs)', async () => {
    const dataDir = tempDir()
    const words = { name: canary('Zenobia'), chat: canary('knee') }
    const services = await createServices(testConfig({ DATA_DIR: dataDir }), { startScheduler: false })
    const app = createApp(services)
    const t = { services, request: requester(app) }
    const { patient } = await patientWithHistory(t, words)
    // The control: before erasure the account's name and e-mail are in the auth database's files.
    expect(filesContaining(dataDir, [words.name, patient.email]).length).toBeGreaterThan(0)
    expect(filesContaining(dataDir, [words.chat])).toEqual([])
    expect((await erase(t, patient)).status).toBe(202)
    await services.close()
    expect(filesContaining(dataDir, [words.name, patient.email, words.chat])).toEqual([])
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('Should finish an interrupted erasure after a restart', async () => {
    const dataDir = tempDir()
    const pinecone = await startFakePinecone({ dimension: 2048 })
    const env = { DATA_DIR: dataDir, PINECONE_API_KEY: pinecone.apiKey, PINECONE_INDEX_HOST: pinecone.url, PINECONE_CONTROLLER_HOST: pinecone.url }
    const start = () => createServices(testConfig(env), { startScheduler: false })
    let services: Services = await start()
    const t = { services, request: requester(createApp(services)) }
    const { patient } = await patientWithHistory(t, { name: 'Asha', chat: canary('knee') })
    // Pinecone is down for the whole request (the SDK's attempt and its two retries): the namespace stays.
    pinecone.failNext(503, 3)
    const res = await erase(t, patient)
    expect(res.status).toBe(202)
    expect(((await res.json()) as Json).erasure.status).toBe('deleting')
    expect(pinecone.namespaces.has(`patient-${patient.id}`)).toBe(true)
    const job = await services.authDb.selectFrom('account_erasures').selectAll().where('user_id', '=', patient.id).executeTakeFirstOrThrow()
    expect(job.key_destroyed_at).not.toBeNull()
    expect(job.rows_deleted_at).toBeNull()
    await services.close()

    services = await start()
    try {
      // The restarted service refuses the erased account's tokens, and its next round finishes the job.
      const app = createApp(services)
      expect((await app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${patient.access_token}` } })).status).toBe(401)
      await services.erasure.runDue()
      expect(pinecone.namespaces.has(`patient-${patient.id}`)).toBe(false)
      expect(await rowsContaining(services.eventDb, [patient.id])).toEqual([])
    } finally {
      await services.close()
      await pinecone.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
