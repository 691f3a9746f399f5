import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, registerUser, type TestApp } from '../../../test/helpers.js'
import {
  MINUTE,
  TestClock,
  link,
  listen,
  openSocket,
  patientWithCaregiver,
  record,
  setPreferences,
  type Account,
} from '../../../test/fakes/care-fixtures.js'
import { startSmtpInbox, type SmtpInbox } from '../../../test/fakes/smtp-inbox.js'
import { startTwilioFake, type TwilioFake } from '../../../test/fakes/twilio-server.js'
import { startWebhookReceiver, verifySignature, type WebhookReceiver } from '../../../test/fakes/webhook-receiver.js'
import { careDb } from '../care-tables.js'
import { MAX_ATTEMPTS, retryDelayMs } from './dispatcher.js'
import { SmsChannel } from './sms-channel.js'

type Json = Record<string, any>
const SECRET = 'webhook-signing-secret-for-tests'
const TWILIO = { accountSid: 'AC00000000000000000000000000000001', authToken: 'twilio-test-token', from: '+15005550006' }

describe('alert and summary delivery', () => {
  let t: TestApp
  let smtp: SmtpInbox
  let hook: WebhookReceiver
  let twilio: TwilioFake
  let server: Awaited<ReturnType<typeof listen>>
  let wsUrl: string
  // 10:00 in Asia/Kolkata.
  const clock = new TestClock(new Date('2025-04-01T04:30:00.000Z'))

  beforeAll(async () => {
    ;[smtp, hook, twilio] = await Promise.all([
      startSmtpInbox(),
      startWebhookReceiver(SECRET),
      startTwilioFake(TWILIO.accountSid, TWILIO.authToken),
    ])
    const sms = new SmsChannel({ ...TWILIO, apiBaseUrl: twilio.url })
    t = await createTestApp(
      // The receiver listens on this machine: allow-listed, as a loopback address is otherwise refused.
      { SMTP_URL: smtp.url, SMTP_FROM: 'Podd <alerts@podd.test>', WEBHOOK_SIGNING_SECRET: SECRET, WEBHOOK_ALLOW_HOSTS: '127.0.0.1' },
      { now: clock.now, careChannels: { sms } },
    )
    server = await listen(t)
    wsUrl = server.ws('/api/v1/care/ws')
  })
  afterAll(async () => {
    await server.close()
    await t.close()
    await Promise.all([smtp.close(), hook.close(), twilio.close()])
  })

  const db = () => careDb(t.services.eventDb.db)
  const settle = () => t.services.caregiving.idle()
  const deliveries = (caregiver: Account, channel?: string) => {
    let q = db().selectFrom('care_deliveries').selectAll().where('caregiver_id', '=', caregiver.id)
    if (channel) q = q.where('channel', '=', channel as never)
    return q.orderBy('created_at').execute()
  }
  const notifications = async (patient: Account): Promise<Json[]> =>
    (await t.services.events.list(patient.id, { kinds: ['notification'], limit: 100, order: 'asc' })).events
  const everything = { alert_threshold: 'attention', notifications: { email: true, sms: true, webhook: true } }

  async function allChannels(name = 'Ravi') {
    const pc = await patientWithCaregiver(t, { caregiverName: name })
    await setPreferences(t, pc.caregiver, { ...everything, phone: '+919876543210', webhook_url: hook.url })
    return pc
  }

  it('Should e-mail an alert through the SMTP server as HTML and text, and record the delivery for the patient', async () => {
    const { patient, caregiver } = await allChannels()
    const before = smtp.messages.length
    await record(t, patient, 'vitals', { spo2: 87 })
    await settle()
    await smtp.waitFor(before + 1)
    const mail = smtp.messages.at(-1)!
    expect(mail.envelopeTo).toEqual([caregiver.email])
    expect(mail.from?.address).toBe('alerts@podd.test')
    expect(mail.subject).toBe('EMERGENCY: Asha — Oxygen level 87%: dangerously low oxygen level')
    expect(mail.text).toContain('Reading at 10:00: 87% (dangerously low oxygen level).')
    expect(mail.text).toContain('call 112 or 108')
    expect(mail.html).toContain('<strong>EMERGENCY</strong>: Asha')
    expect(mail.headers.find((h) => h.key === 'x-podd-delivery')).toBeDefined()

    const sent = (await notifications(patient)).filter((n) => n.payload.channel === 'email')
    expect(sent).toHaveLength(1)
    expect(sent[0]!.payload).toMatchObject({ recipient_id: caregiver.id, status: 'sent', attempts: 1, title: 'Alert sent to Ravi (email)' })
    const audit = JSON.stringify(await notifications(patient))
    for (const secret of [caregiver.email, '+919876543210', hook.url, SECRET]) expect(audit).not.toContain(secret)
  })

  it('Should POST a webhook signed with HMAC-SHA256 of the raw body, retrying with backoff until it is taken', async () => {
    const { patient, caregiver } = await allChannels()
    hook.respondWith(500, 503)
    const before = hook.received.length
    await record(t, patient, 'vitals', { blood_sugar: 48 })
    await settle()
    const [row] = await deliveries(caregiver, 'webhook')
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'webhook HTTP 500' })
    expect(row!.next_attempt_at).toEqual(new Date(clock.now().getTime() + retryDelayMs(1)))

    clock.advance(retryDelayMs(1) - 1)
    await t.services.caregiving.dispatcher.runDue()
    expect(hook.received.length).toBe(before + 1)
    clock.advance(1)
    await t.services.caregiving.dispatcher.runDue()
    clock.advance(retryDelayMs(2))
    await t.services.caregiving.dispatcher.runDue()

    const got = hook.received.slice(before)
    expect(got.map((r) => r.status)).toEqual([500, 503, 200])
    for (const r of got) {
      expect(r.signatureValid).toBe(true)
      expect(verifySignature(SECRET, r.raw, r.headers['x-podd-signature'] as string)).toBe(true)
      expect(verifySignature('another secret', r.raw, r.headers['x-podd-signature'] as string)).toBe(false)
      expect(r.headers['x-podd-timestamp']).toMatch(/^\d{10}$/)
    }
    const last = got.at(-1)!
    expect(last.body).toMatchObject({
      type: 'alert',
      delivery_id: row!.id,
      sent_at: clock.now().toISOString(),
      patient: { id: patient.id, name: 'Asha' },
      alert: { tier: 'emergency', condition: 'blood_sugar:level_2_low' },
    })
    expect((await deliveries(caregiver, 'webhook'))[0]).toMatchObject({ status: 'sent', attempts: 3, last_error: null })
    const webhooks = (await notifications(patient)).filter((n) => n.payload.channel === 'webhook')
    const audit = webhooks.map((n) => [n.payload.status, n.payload.error])
    expect(audit).toEqual([['pending', 'webhook HTTP 500'], ['pending', 'webhook HTTP 503'], ['sent', undefined]])
  })

  it('Should give up on a refusal that a retry cannot change, and after the last attempt on the rest, recording both', async () => {
    const { patient, caregiver } = await allChannels()
    hook.respondWith(410)
    smtp.rejectNext(451, MAX_ATTEMPTS)
    await record(t, patient, 'vitals', { blood_sugar: 49 })
    await settle()
    expect((await deliveries(caregiver, 'webhook'))[0]).toMatchObject({ status: 'failed', attempts: 1, last_error: 'webhook HTTP 410' })
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      clock.advance(retryDelayMs(attempt))
      await t.services.caregiving.dispatcher.runDue()
    }
    expect((await deliveries(caregiver, 'email'))[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, last_error: 'SMTP 451' })
    const emails = (await notifications(patient)).filter((n) => n.payload.channel === 'email').map((n) => n.payload.status)
    expect(emails).toEqual([...Array(MAX_ATTEMPTS - 1).fill('pending'), 'failed'])
  })

  it('Should text through the Twilio API and keep a refused number from being retried', async () => {
    const { patient } = await allChannels()
    const before = twilio.messages.length
    await record(t, patient, 'vitals', { blood_pressure_systolic: 200, blood_pressure_diastolic: 124, symptoms: ['headache'] })
    await settle()
    const sms = twilio.messages.slice(before)
    expect(sms).toEqual([
      {
        accountSid: TWILIO.accountSid,
        to: '+919876543210',
        from: TWILIO.from,
        body: expect.stringMatching(
          /^Podd EMERGENCY: Asha — Blood pressure 200\/124 mmHg: hypertensive crisis with symptoms, \d\d:\d\d\. Call them now\./,
        ),
      },
    ])
    expect(sms[0]!.body.length).toBeLessThanOrEqual(300)

    const other = await allChannels('Meera')
    twilio.failNext(400, 21211, "The 'To' number is not a valid phone number.")
    await record(t, other.patient, 'vitals', { spo2: 85 })
    await settle()
    expect((await deliveries(other.caregiver, 'sms'))[0]).toMatchObject({ status: 'failed', attempts: 1, last_error: 'Twilio 400 21211' })
  })

  it('Should e-mail the daily summary with its facts when it is due, and deliver it once', async () => {
    clock.set('2025-04-02T04:00:00.000Z') // 09:30 IST
    const { patient, caregiver } = await patientWithCaregiver(t, {
      caregiverName: 'Kiran',
      caregiverPrefs: { daily_summary_time: '21:00', inactivity_hours: null },
    })
    const med = await record(t, patient, 'medication', { name: 'Telmisartan', dosage: '40 mg' })
    await record(t, patient, 'med_schedule', { medication_id: med.context_id, time_of_day: '09:00' })
    clock.set('2025-04-03T04:00:00.000Z') // the next day, 09:30 IST
    await record(t, patient, 'vitals', { blood_pressure_systolic: 128, blood_pressure_diastolic: 82 })
    await record(t, patient, 'food', { description: 'idli sambar', calories: 300 })
    const before = smtp.messages.length

    clock.set('2025-04-03T15:29:00.000Z') // 20:59 IST: the summary of 2025-04-02 (linked that day) is due, not today's
    await t.services.caregiving.scheduler.tick()
    clock.set('2025-04-03T15:30:00.000Z') // 21:00 IST
    await t.services.caregiving.scheduler.tick()
    await t.services.caregiving.scheduler.tick()
    await smtp.waitFor(before + 2)
    const summaries = smtp.messages.slice(before).filter((m) => m.envelopeTo[0] === caregiver.email && m.subject?.includes('daily summary'))
    expect(summaries.map((m) => m.subject)).toEqual([
      'Podd daily summary for Asha, 2025-04-02: Checked in, nothing of concern',
      'Podd daily summary for Asha, 2025-04-03: Missed Telmisartan 40 mg at 09:00 (so far, as of 21:00)',
    ])
    const today = summaries[1]!
    expect(today.text).toContain('Doses: 0 of 1 taken; missed Telmisartan 40 mg at 09:00')
    expect(today.text).toContain('Blood pressure: 128/82 mmHg at 09:30')
    expect(today.text).toContain('Food and water: 1 meal, about 300 kcal (09:30 idli sambar)')
    expect(today.text).toContain('Alerts: 20:59 attention: Missed dose: Telmisartan 40 mg at 09:00 — not acknowledged')
    expect(today.text).toContain('What to do: Ask whether they took Telmisartan; a missed dose is not made up with a double one')
    expect(today.html).toContain('<th align="left">Doses</th><td>0 of 1 taken; missed Telmisartan 40 mg at 09:00')
  })

  describe('in the app', () => {
    const open = (token: string) => openSocket(wsUrl, token)

    it('Should push alerts to a connected caregiver, and what waited once they connect', async () => {
      clock.set('2025-04-05T05:00:00.000Z')
      const { patient, caregiver } = await patientWithCaregiver(t, { caregiverPrefs: { alert_threshold: 'urgent' } })
      await record(t, patient, 'vitals', { spo2: 89 })
      await settle()
      expect((await deliveries(caregiver, 'in_app'))[0]).toMatchObject({ status: 'waiting', attempts: 0 })

      const { ws, next } = await open(caregiver.access_token)
      await next('ready')
      const waited = await next('alert')
      expect(waited).toMatchObject({ patient: { id: patient.id, name: 'Asha' }, alert: { tier: 'emergency', condition: 'spo2:critical' } })
      clock.advance(MINUTE)
      await record(t, patient, 'vitals', { blood_sugar: 330 })
      await settle()
      expect((await next('alert')).alert).toMatchObject({ tier: 'urgent', condition: 'blood_sugar:very_high' })
      expect((await deliveries(caregiver, 'in_app')).map((d) => d.status)).toEqual(['sent', 'sent'])
      ws.close()
    })

    it('Should not let a patient subscribe to caregiver alerts', async () => {
      const patient = await registerUser(t, 'patient')
      const { ws, next } = await open(patient.access_token)
      expect((await next('error')).error.code).toBe('FORBIDDEN')
      const code = await new Promise<number>((r) => ws.once('close', (c) => r(c)))
      expect(code).toBe(1008)
    })

    it('Should stop delivering to a caregiver whose link was revoked', async () => {
      clock.set('2025-04-05T17:00:00.000Z') // 22:30 IST: an urgent alert is held until 07:00
      const { patient, caregiver } = await allChannels()
      await record(t, patient, 'vitals', { blood_sugar: 340 })
      await settle()
      expect((await deliveries(caregiver)).map((d) => d.status)).toEqual(['pending', 'pending', 'pending', 'pending'])
      const linkId = (await t.services.care.listLinkedCaregivers(patient.id))[0]!.link_id
      expect((await t.request(`/api/v1/caregivers/links/${linkId}`, { method: 'DELETE', token: patient.access_token })).status).toBe(204)
      clock.set('2025-04-06T01:30:00.000Z')
      await t.services.caregiving.dispatcher.runDue()
      expect((await deliveries(caregiver)).map((d) => [d.status, d.last_error])).toEqual(
        Array(4).fill(['cancelled', 'caregiver link ended']),
      )
    })
  })

  it('Should deliver to a second caregiver linked to the same patient in their own channels', async () => {
    clock.set('2025-04-07T05:00:00.000Z')
    const { patient, caregiver } = await allChannels()
    const second = await registerUser(t, 'caregiver', 'Meera')
    await link(t, patient, second)
    await setPreferences(t, second, { alert_threshold: 'emergency', notifications: { email: false } })
    await record(t, patient, 'vitals', { spo2: 84 })
    await settle()
    expect((await deliveries(caregiver)).map((d) => d.channel).sort()).toEqual(['email', 'in_app', 'sms', 'webhook'])
    expect((await deliveries(second)).map((d) => d.channel)).toEqual(['in_app'])
  })
})
