import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, registerUser, type TestApp } from '../../test/helpers.js'
import { TestClock, link, record, setProfile, type Account } from '../../test/fakes/care-fixtures.js'

type Json = Record<string, any>

/** The caregiver read routes and the acknowledgement, by who is asking. */
describe('who may read a patient’s data', () => {
  let t: TestApp
  const clock = new TestClock(new Date('2025-05-01T06:00:00.000Z'))
  let patient: Account
  let caregiver: Account
  let alertId: string

  beforeAll(async () => {
    t = await createTestApp({}, { now: clock.now })
    patient = await registerUser(t, 'patient', 'Asha')
    caregiver = await registerUser(t, 'caregiver', 'Ravi')
    await setProfile(t, patient, { timezone: 'Asia/Kolkata' })
    await link(t, patient, caregiver)
    await record(t, patient, 'vitals', { spo2: 86 })
    await record(t, patient, 'food', { description: 'khichdi', calories: 400 })
    await t.services.caregiving.idle()
    alertId = (await t.services.events.list(patient.id, { kinds: ['alert'] })).events[0]!.id
  })
  afterAll(() => t.close())

  const reads = () => [
    { method: 'GET', path: `/api/v1/patients/${patient.id}/events` },
    { method: 'GET', path: `/api/v1/patients/${patient.id}/insights` },
    { method: 'GET', path: `/api/v1/patients/${patient.id}/alerts` },
    { method: 'GET', path: `/api/v1/patients/${patient.id}/summaries` },
    { method: 'POST', path: `/api/v1/patients/${patient.id}/summaries`, json: { date: '2025-04-30' } },
    { method: 'POST', path: `/api/v1/alerts/${alertId}/ack` },
  ]
  const call = (r: { method: string; path: string; json?: unknown }, who?: Account) =>
    t.request(r.path, { method: r.method, json: r.json, token: who?.access_token })
  const accessLog = async () =>
    ((await (await t.request('/api/v1/caregivers/access-log', { token: patient.access_token })).json()) as Json).entries as Json[]

  it('Should let the patient and a linked caregiver read, refuse anonymous callers, and answer 404 to everyone else', async () => {
    const unlinkedCaregiver = await registerUser(t, 'caregiver', 'Stranger')
    const otherPatient = await registerUser(t, 'patient', 'Other')
    for (const r of reads()) {
      const label = `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, ':id')}`
      expect([label, (await call(r, patient)).status]).toEqual([label, r.method === 'POST' && r.path.endsWith('summaries') ? 201 : 200])
      expect([label, (await call(r, caregiver)).status]).toEqual([label, r.path.endsWith('summaries') && r.method === 'POST' ? 201 : 200])
      for (const outsider of [unlinkedCaregiver, otherPatient]) {
        const res = await call(r, outsider)
        expect([label, res.status]).toEqual([label, 404])
        expect(((await res.json()) as Json).error.code).toBe('NOT_FOUND')
      }
      const anonymous = await call(r)
      expect([label, anonymous.status]).toEqual([label, 401])
    }
  })

  it('Should show the caregiver the patient’s own events, and log every caregiver read for the patient', async () => {
    const res = await t.request(`/api/v1/patients/${patient.id}/events?kind=food`, {
      token: caregiver.access_token,
      headers: { 'x-request-id': 'read-food' },
    })
    const { events } = (await res.json()) as Json
    expect(events.map((e: Json) => [e.user_id, e.payload.description])).toEqual([[patient.id, 'khichdi']])
    const log = await accessLog()
    expect(log[0]).toMatchObject({ caregiver: { id: caregiver.id, name: 'Ravi' }, resource: 'events', request_id: 'read-food' })
    // One entry per caregiver read above (events, insights, alerts, summaries twice, the ack), none for the patient's own.
    expect(log.map((e) => e.resource).sort()).toEqual(['alerts', 'alerts', 'events', 'events', 'insights', 'summaries', 'summaries'])
    expect(log.every((e) => e.caregiver.id === caregiver.id)).toBe(true)
  })

  it('Should never let a caregiver write health data', async () => {
    const writes: [string, string, unknown?][] = [
      ['POST', `/api/v1/patients/${patient.id}/events`, { kind: 'vitals', payload: { heart_rate: 70 } }],
      ['PATCH', `/api/v1/patients/${patient.id}/events/${alertId}`, { payload: {} }],
      ['DELETE', `/api/v1/patients/${patient.id}/alerts/${alertId}`],
      ['PUT', `/api/v1/patients/${patient.id}/summaries`, { date: '2025-04-30' }],
      ['POST', '/api/v1/events', { kind: 'vitals', payload: { heart_rate: 70 } }],
      ['PATCH', `/api/v1/events/${alertId}`, { payload: {} }],
      ['PUT', '/api/v1/profile', { timezone: 'Asia/Kolkata' }],
    ]
    for (const [method, path, json] of writes) {
      const res = await t.request(path, { method, json, token: caregiver.access_token })
      expect([method, path, res.status]).toEqual([method, path, 403])
    }
    const heartRates = await t.services.events.list(patient.id, { kinds: ['vitals'] })
    expect(heartRates.events.map((e) => e.payload.heart_rate)).toEqual([undefined])
  })

  it('Should cut a caregiver off when the link is revoked, keeping the log', async () => {
    const second = await registerUser(t, 'caregiver', 'Meera')
    const linkId = await link(t, patient, second)
    expect((await t.request(`/api/v1/patients/${patient.id}/alerts`, { token: second.access_token })).status).toBe(200)
    expect((await t.request(`/api/v1/caregivers/links/${linkId}`, { method: 'DELETE', token: second.access_token })).status).toBe(204)
    for (const r of reads()) expect([r.path, (await call(r, second)).status]).toEqual([r.path, 404])
    expect((await accessLog()).filter((e) => e.caregiver.id === second.id).map((e) => e.resource)).toEqual(['alerts'])
  })

  it('Should describe the caregiver routes in the OpenAPI document', async () => {
    const doc = (await (await t.request('/api/v1/openapi.json')).json()) as Json
    for (const path of ['events', 'insights', 'alerts', 'summaries']) {
      expect(doc.paths[`/api/v1/patients/{id}/${path}`]?.get, path).toBeDefined()
    }
    expect(doc.paths['/api/v1/patients/{id}/summaries'].post).toBeDefined()
    expect(doc.paths['/api/v1/alerts/{id}/ack'].post).toBeDefined()
  })
})
