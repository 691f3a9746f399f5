import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, registerUser, type TestApp } from '../../../test/helpers.js'
import {
  MINUTE,
  RecordingChannel,
  TestClock,
  link,
  record,
  setPreferences,
  setProfile,
  type Account,
} from '../../../test/fakes/care-fixtures.js'
import { startTwilioFake, type TwilioFake } from '../../../test/fakes/twilio-server.js'
import { careDb } from '../care-tables.js'
import { SmsChannel } from '../delivery/sms-channel.js'
import { VoiceChannel } from '../delivery/voice-channel.js'

type Json = Record<string, any>
const TWILIO = { accountSid: 'AC00000000000000000000000000000003', authToken: 'twilio-test-token', from: '+15005550007' }

describe('emergency escalation', () => {
  let t: TestApp
  let twilio: TwilioFake
  const email = new RecordingChannel('email')
  // 10:00 in Asia/Kolkata.
  const clock = new TestClock(new Date('2025-07-01T04:30:00.000Z'))
  let phones = 0

  beforeAll(async () => {
    twilio = await startTwilioFake(TWILIO.accountSid, TWILIO.authToken)
    const at = { ...TWILIO, apiBaseUrl: twilio.url }
    t = await createTestApp({}, { now: clock.now, careChannels: { email, sms: new SmsChannel(at), voice: new VoiceChannel(at) } })
  })
  afterAll(async () => {
    await t.close()
    await twilio.close()
  })

  async function at(ms: number, from: Date) {
    clock.set(new Date(from.getTime() + ms).toISOString())
    await t.services.caregiving.scheduler.runTimers()
    await t.services.caregiving.idle()
  }
  const phone = () => `+9197000${String(++phones).padStart(5, '0')}`
  const smsTo = (to: string) => twilio.messages.filter((m) => m.to === to).map((m) => m.body)
  const callsTo = (to: string) => twilio.calls.filter((c) => c.to === to)
  const alertsOf = async (p: Account): Promise<Json[]> =>
    ((await (await t.request(`/api/v1/patients/${p.id}/alerts`, { token: p.access_token })).json()) as Json).events
  const steps = async (p: Account) =>
    (await t.services.events.list(p.id, { kinds: ['notification'], limit: 200, order: 'asc' })).events
      .filter((e) => e.idempotency_key?.startsWith('escalation:'))
      .map((e) => e.payload.title)

  /** Asha with two caregivers (Ravi with a phone, Meera without) and two emergency contacts. */
  async function circle(language = 'en-IN') {
    const patient = await registerUser(t, 'patient', 'Asha')
    await setProfile(t, patient, { timezone: 'Asia/Kolkata', language })
    const ravi = await registerUser(t, 'caregiver', 'Ravi')
    const meera = await registerUser(t, 'caregiver', 'Meera')
    await link(t, patient, ravi)
    await link(t, patient, meera)
    const raviPhone = phone()
    await setPreferences(t, ravi, { notifications: { sms: true }, phone: raviPhone, inactivity_hours: null })
    await setPreferences(t, meera, { inactivity_hours: null })
    const sunil = phone()
    const priya = phone()
    await record(t, patient, 'emergency_contact', { name: 'Priya', phone: priya, relationship: 'daughter' })
    await record(t, patient, 'emergency_contact', { name: 'Sunil', phone: sunil.replace('+91', '+91 '), relationship: 'neighbour', is_primary: true })
    return { patient, ravi, meera, raviPhone, sunil, priya }
  }

  it('Should repeat an unacknowledged emergency every 5 minutes and every 15 go to the next contact by SMS and a call', async () => {
    clock.set('2025-07-01T04:30:00.000Z')
    const c = await circle()
    await record(t, c.patient, 'vitals', { spo2: 85 })
    await t.services.caregiving.idle()
    const t0 = clock.now()
    const [alert] = await alertsOf(c.patient)
    expect(alert!.payload).toMatchObject({ tier: 'emergency', condition: 'spo2:critical' })
    expect(email.to(c.ravi).map((m) => m.subject)).toEqual(['EMERGENCY: Asha — Oxygen level 85%: dangerously low oxygen level'])
    expect(smsTo(c.raviPhone)).toHaveLength(1)

    await at(5 * MINUTE - 1, t0)
    expect(email.to(c.meera)).toHaveLength(1)
    await at(5 * MINUTE, t0)
    expect(email.to(c.meera).map((m) => m.subject)).toEqual([
      'EMERGENCY: Asha — Oxygen level 85%: dangerously low oxygen level',
      'Not acknowledged after 5 min — EMERGENCY: Asha — Oxygen level 85%: dangerously low oxygen level',
    ])
    expect(smsTo(c.raviPhone)[1]).toMatch(/^Still not acknowledged \(5 min\)\. Podd EMERGENCY: Asha — Oxygen level 85%/)
    await at(10 * MINUTE, t0)
    expect(callsTo(c.raviPhone)).toEqual([])

    // 15 minutes: Ravi, the first caregiver with a phone, is called as well as texted.
    await at(15 * MINUTE, t0)
    expect(email.to(c.ravi)).toHaveLength(4)
    const [call] = callsTo(c.raviPhone)
    expect(call!.from).toBe(TWILIO.from)
    expect(call!.says).toEqual([
      {
        text:
          'This is Podd, with an emergency alert about Asha. Oxygen level 85%: dangerously low oxygen level. ' +
          'Call them now. If they do not answer or feel unwell, call 112 or 108. To stop these calls, acknowledge the alert in Podd.',
        language: 'en-IN',
        voice: 'Polly.Aditi',
      },
      expect.objectContaining({ language: 'en-IN' }),
    ])
    expect(smsTo(c.raviPhone)).toHaveLength(4)

    // 30 minutes: next in the list, the primary emergency contact (no account) — by SMS and a call.
    await at(20 * MINUTE, t0)
    await at(25 * MINUTE, t0)
    await at(30 * MINUTE, t0)
    expect(smsTo(c.sunil)).toEqual([expect.stringMatching(/^Still not acknowledged \(30 min\)\. Podd EMERGENCY: Asha/)])
    expect(callsTo(c.sunil)).toHaveLength(1)
    expect(callsTo(c.priya)).toEqual([])
    expect(await steps(c.patient)).toEqual([
      'Emergency not acknowledged after 5 min: sent to the caregivers again',
      'Emergency not acknowledged after 10 min: sent to the caregivers again',
      'Emergency not acknowledged after 15 min: sent again, and Ravi (caregiver) texted and called',
      'Emergency not acknowledged after 20 min: sent to the caregivers again',
      'Emergency not acknowledged after 25 min: sent to the caregivers again',
      'Emergency not acknowledged after 30 min: sent again, and Sunil (emergency contact) texted and called',
    ])

    // Meera acknowledges: it stops everywhere.
    clock.set(new Date(t0.getTime() + 32 * MINUTE).toISOString())
    const ack = await t.request(`/api/v1/alerts/${alert!.id}/ack`, { method: 'POST', token: c.meera.access_token })
    expect(ack.status).toBe(200)
    await t.services.caregiving.idle()
    const before = { mails: email.sent.length, sms: twilio.messages.length, calls: twilio.calls.length }
    for (const m of [35, 40, 45, 60]) await at(m * MINUTE, t0)
    expect({ mails: email.sent.length, sms: twilio.messages.length, calls: twilio.calls.length }).toEqual(before)
    expect((await steps(c.patient)).at(-1)).toBe('Emergency acknowledged by Meera: escalation stopped')
    const row = await careDb(t.services.eventDb.db).selectFrom('care_escalations').selectAll().where('patient_id', '=', c.patient.id).executeTakeFirst()
    expect(row).toMatchObject({ status: 'acknowledged', step: 6, contacts_reached: 2 })
    // The calls and texts are in the patient's audit trail, without any number.
    const audit = JSON.stringify((await t.services.events.list(c.patient.id, { kinds: ['notification'], limit: 200 })).events)
    expect(audit).toContain('Alert repeat sent to Sunil (phone call)')
    for (const number of [c.raviPhone, c.sunil, c.priya]) expect(audit).not.toContain(number)
  })

  it('Should call in Hindi for a Hindi-speaking patient’s contacts, and not escalate what is not an emergency', async () => {
    clock.set('2025-07-02T04:30:00.000Z')
    const c = await circle('hi-IN')
    await setPreferences(t, c.ravi, { language: 'hi-IN' })
    await record(t, c.patient, 'vitals', { blood_sugar: 45 })
    await record(t, c.patient, 'vitals', { blood_sugar: 320 })
    await t.services.caregiving.idle()
    const t0 = clock.now()
    for (const m of [5, 10, 15]) await at(m * MINUTE, t0)
    const [call] = callsTo(c.raviPhone)
    expect(call!.says[0]).toMatchObject({ language: 'hi-IN', voice: 'Polly.Aditi' })
    expect(call!.says[0]!.text).toMatch(/^यह Podd है, Asha के बारे में आपातकालीन सूचना। Blood sugar 45 mg\/dL/)
    const rows = await careDb(t.services.eventDb.db).selectFrom('care_escalations').select('status').where('patient_id', '=', c.patient.id).execute()
    expect(rows).toEqual([{ status: 'active' }])
  })

  it('Should stop after two hours of repeats and say so', async () => {
    clock.set('2025-07-03T04:30:00.000Z')
    const c = await circle()
    await record(t, c.patient, 'vitals', { spo2: 84 })
    await t.services.caregiving.idle()
    const t0 = clock.now()
    await at(3 * 60 * MINUTE, t0)
    await at(3 * 60 * MINUTE + 5 * MINUTE, t0)
    expect((await steps(c.patient)).at(-1)).toBe('Emergency still not acknowledged after 180 min: repeats stopped')
    const row = await careDb(t.services.eventDb.db).selectFrom('care_escalations').selectAll().where('patient_id', '=', c.patient.id).executeTakeFirst()
    expect(row).toMatchObject({ status: 'exhausted', step: 24 })
  })
})
