import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zonedInstant } from '../../../memory/local-time.js'
import { createTestApp, registerUser, type TestApp } from '../../../test/helpers.js'
import { RecordingChannel, TestClock, link, record, setPreferences, setProfile, type Account } from '../../../test/fakes/care-fixtures.js'

type Json = Record<string, any>
const TZ = 'Asia/Kolkata'
const ist = (date: string, time: string) => zonedInstant(date, time, TZ).toISOString()

describe('activity and inactivity', () => {
  let t: TestApp
  const email = new RecordingChannel('email')
  const clock = new TestClock(new Date(ist('2025-08-01', '09:00')))

  beforeAll(async () => {
    t = await createTestApp({}, { now: clock.now, careChannels: { email } })
  })
  afterAll(() => t.close())

  const beat = (who: Account, patientId: string, json: Json = { app_version: '1.4.2', device: 'web' }) =>
    t.request(`/api/v1/patients/${patientId}/heartbeat`, { method: 'POST', token: who.access_token, json })
  const activity = async (who: Account, patientId: string) => {
    const res = await t.request(`/api/v1/patients/${patientId}/activity`, { token: who.access_token })
    return { status: res.status, body: (await res.json()) as Json }
  }
  /** A full scheduler round at this time (it plans the inactivity checks of linked patients). */
  async function round(iso: string) {
    clock.set(iso)
    await t.services.caregiving.scheduler.tick()
    await t.services.caregiving.idle()
  }
  const inactivityMails = (cg: Account) => email.to(cg).filter((m) => m.kind === 'alert' && m.subject.includes('No activity'))

  it('Should take heartbeats from the patient only, and show the patient and caregivers when they were last seen', async () => {
    clock.set(ist('2025-08-01', '09:00'))
    const patient = await registerUser(t, 'patient', 'Asha')
    await setProfile(t, patient, { timezone: TZ })
    const caregiver = await registerUser(t, 'caregiver', 'Ravi')
    await link(t, patient, caregiver)
    const res = await beat(patient, patient.id)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ received_at: clock.now().toISOString(), date: '2025-08-01' })
    clock.set(ist('2025-08-01', '09:20'))
    await beat(patient, patient.id)
    clock.set(ist('2025-08-01', '09:25'))
    await beat(patient, patient.id, { app_version: '2.0.0', device: 'android' })
    clock.set(ist('2025-08-01', '09:30'))
    await record(t, patient, 'vitals', { blood_pressure_systolic: 124, blood_pressure_diastolic: 80 })
    clock.set(ist('2025-08-01', '13:30'))

    const seen = await activity(caregiver, patient.id)
    expect(seen.status).toBe(200)
    expect(seen.body).toEqual({
      patient_id: patient.id,
      timezone: TZ,
      last_seen_at: ist('2025-08-01', '09:30'),
      last_heartbeat: { at: ist('2025-08-01', '09:25'), device: 'android', app_version: '2.0.0' },
      last_event: { kind: 'vitals', occurred_at: ist('2025-08-01', '09:30'), recorded_at: ist('2025-08-01', '09:30') },
      waking_hours_since_last_seen: 4,
      heartbeats_by_day: [
        {
          date: '2025-08-01',
          count: 3,
          devices: [
            { device: 'android', app_version: '2.0.0', count: 1, first_at: ist('2025-08-01', '09:25'), last_at: ist('2025-08-01', '09:25') },
            { device: 'web', app_version: '1.4.2', count: 2, first_at: ist('2025-08-01', '09:00'), last_at: ist('2025-08-01', '09:20') },
          ],
        },
      ],
    })
    expect((await activity(patient, patient.id)).status).toBe(200)
    // The caregiver's read is in the patient's access log.
    const log = (await (await t.request('/api/v1/caregivers/access-log', { token: patient.access_token })).json()) as Json
    expect(log.entries[0]).toMatchObject({ resource: 'activity', caregiver: { id: caregiver.id } })

    expect((await beat(caregiver, patient.id)).status).toBe(403)
    const stranger = await registerUser(t, 'patient')
    expect((await beat(stranger, patient.id)).status).toBe(404)
    expect((await activity(stranger, patient.id)).status).toBe(404)
    expect((await activity(await registerUser(t, 'caregiver'), patient.id)).status).toBe(404)
    expect((await beat(patient, patient.id, { app_version: '1.0', device: 'Web Browser!' })).status).toBe(400)
    expect((await beat(patient, patient.id, { app_version: '1.0', device: 'web', extra: 1 })).status).toBe(400)
  })

  it('Should alert each caregiver after their own number of waking hours of silence, night hours not counted', async () => {
    clock.set(ist('2025-08-05', '19:00'))
    const patient = await registerUser(t, 'patient', 'Asha')
    await setProfile(t, patient, { timezone: TZ })
    const [ravi, meera, kiran] = [
      await registerUser(t, 'caregiver', 'Ravi'),
      await registerUser(t, 'caregiver', 'Meera'),
      await registerUser(t, 'caregiver', 'Kiran'),
    ]
    for (const cg of [ravi, meera, kiran]) await link(t, patient, cg)
    await setPreferences(t, ravi, { inactivity_hours: 4, quiet_hours: { enabled: false } })
    await setPreferences(t, meera, { quiet_hours: { enabled: false } }) // the default 8 hours
    await setPreferences(t, kiran, { inactivity_hours: null })
    clock.set(ist('2025-08-05', '20:00'))
    await beat(patient, patient.id)

    // 20:00 → 22:00 is 2 waking hours; the night does not count; 2 more from 07:00.
    await round(ist('2025-08-06', '08:59'))
    expect(inactivityMails(ravi)).toEqual([])
    await round(ist('2025-08-06', '09:00'))
    expect(inactivityMails(ravi).map((m) => [m.tier, m.subject])).toEqual([['urgent', 'Urgent: Asha — No activity for 4 waking hours']])
    expect(inactivityMails(ravi)[0]!.text).toContain('Nothing from the app and nothing logged since 20:00 on 2025-08-05')
    expect(inactivityMails(meera)).toEqual([])
    await round(ist('2025-08-06', '12:59'))
    expect(inactivityMails(meera)).toEqual([])
    await round(ist('2025-08-06', '13:00'))
    expect(inactivityMails(meera).map((m) => m.subject)).toEqual(['Urgent: Asha — No activity for 8 waking hours'])
    expect(inactivityMails(ravi)).toHaveLength(1)
    expect(inactivityMails(kiran)).toEqual([])

    // Heard from again, then silent again: a new silence, a new alert.
    clock.set(ist('2025-08-06', '14:00'))
    await record(t, patient, 'water', { amount_ml: 250 })
    await round(ist('2025-08-06', '17:59'))
    expect(inactivityMails(ravi)).toHaveLength(1)
    await round(ist('2025-08-06', '18:00'))
    expect(inactivityMails(ravi)).toHaveLength(2)
  })

  it('Should hold the alert in the caregiver’s quiet hours', async () => {
    clock.set(ist('2025-08-10', '13:00'))
    const patient = await registerUser(t, 'patient', 'Asha')
    await setProfile(t, patient, { timezone: TZ })
    const ravi = await registerUser(t, 'caregiver', 'Ravi')
    await link(t, patient, ravi)
    await setPreferences(t, ravi, { quiet_hours: { enabled: true, start: '20:00', end: '07:00' } })
    await beat(patient, patient.id)
    await round(ist('2025-08-10', '21:00'))
    expect(inactivityMails(ravi)).toEqual([])
    await round(ist('2025-08-11', '07:00'))
    expect(inactivityMails(ravi)).toHaveLength(1)
  })
})
