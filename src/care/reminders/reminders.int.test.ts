import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, registerUser, type TestApp } from '../../../test/helpers.js'
import {
  TestClock,
  ist,
  link,
  listen,
  openSocket,
  record,
  setPreferences,
  setProfile,
  timersAt,
  type Account,
} from '../../../test/fakes/care-fixtures.js'
import { startPushService, type PushServiceFake } from '../../../test/fakes/push-service.js'
import { startSmtpInbox, type SmtpInbox } from '../../../test/fakes/smtp-inbox.js'
import { startTwilioFake, type TwilioFake } from '../../../test/fakes/twilio-server.js'
import { careDb } from '../care-tables.js'
import { PushChannel } from '../delivery/push-channel.js'
import { SmsChannel } from '../delivery/sms-channel.js'
import { VoiceChannel } from '../delivery/voice-channel.js'
import { resolveVapidKeys } from '../push/vapid-keys.js'

type Json = Record<string, any>
const TWILIO = { accountSid: 'AC00000000000000000000000000000002', authToken: 'twilio-test-token', from: '+15005550006' }
const TZ = 'Asia/Kolkata'

describe('dose reminders to the patient', () => {
  let t: TestApp
  let smtp: SmtpInbox
  let twilio: TwilioFake
  let pushService: PushServiceFake
  let server: Awaited<ReturnType<typeof listen>>
  const clock = new TestClock(new Date(ist('2025-05-01', '07:00')))
  let phones = 0

  beforeAll(async () => {
    ;[smtp, twilio, pushService] = await Promise.all([startSmtpInbox(), startTwilioFake(TWILIO.accountSid, TWILIO.authToken), startPushService()])
    const twilioAt = { ...TWILIO, apiBaseUrl: twilio.url }
    t = await createTestApp(
      { SMTP_URL: smtp.url, SMTP_FROM: 'Podd <care@podd.test>', PUSH_ENDPOINT_HOSTS: '127.0.0.1' },
      { now: clock.now, careChannels: { sms: new SmsChannel(twilioAt), voice: new VoiceChannel(twilioAt) }, pushAgent: pushService.agent },
    )
    server = await listen(t)
  })
  afterAll(async () => {
    await t.close()
    await server.close()
    await Promise.all([smtp.close(), twilio.close(), pushService.close()])
  })

  const care = () => t.services.caregiving
  const at = (iso: string) => timersAt(t, clock, iso)
  const notifications = async (who: Account, query = ''): Promise<Json[]> => {
    const res = await t.request(`/api/v1/notifications${query}`, { token: who.access_token })
    expect(res.status).toBe(200)
    return ((await res.json()) as Json).notifications
  }
  const respond = (who: Account, id: string, json: Json) =>
    t.request(`/api/v1/notifications/${id}/respond`, { method: 'POST', token: who.access_token, json })
  const doses = async (who: Account) =>
    (await t.services.events.list(who.id, { kinds: ['med_dose'], limit: 50, order: 'asc' })).events.map((e) => e.payload)
  const smsTo = (phone: string) => twilio.messages.filter((m) => m.to === phone).map((m) => m.body)
  const pushesTo = (endpoint: string) => pushService.received.filter((p) => p.subscription === endpoint)

  /** A patient in Kolkata with a medicine on a schedule, reached on every channel; returns what reaches them. */
  async function patientOnEveryChannel(opts: { time?: string; med?: Json; prefs?: Json; date?: string } = {}) {
    const patient = await registerUser(t, 'patient', 'Asha')
    await setProfile(t, patient, { timezone: TZ })
    const phone = `+9198000${String(++phones).padStart(5, '0')}`
    await setPreferences(t, patient, { notifications: { push: true, sms: true, email: true }, phone, ...opts.prefs })
    const sub = pushService.subscribe()
    const saved = await t.request('/api/v1/push/subscriptions', { method: 'POST', token: patient.access_token, json: sub })
    expect(saved.status).toBe(201)
    const med = await record(t, patient, 'medication', { name: 'Metformin', dosage: '500 mg', instructions: 'after food', ...opts.med })
    await record(t, patient, 'med_schedule', { medication_id: med.context_id, time_of_day: opts.time ?? '08:00' })
    await care().idle()
    const socket = await openSocket(server.ws('/api/v1/ws'), patient.access_token)
    return { patient, med, phone, endpoint: sub.endpoint, socket }
  }

  it('Should remind at the dose time in the app, by Web Push, SMS and e-mail, once', async () => {
    clock.set(ist('2025-05-01', '07:00'))
    const { patient, med, phone, endpoint, socket } = await patientOnEveryChannel()
    const mailsBefore = smtp.messages.length
    expect((await at(ist('2025-05-01', '07:59'))).reminders).toBe(0)

    await at(ist('2025-05-01', '08:00'))
    const frame = await socket.next('notification')
    expect(frame.notification).toMatchObject({
      kind: 'dose_reminder',
      title: 'Time for Metformin 500 mg',
      body: 'Your 08:00 dose. after food. Answer Taken, Skip or Snooze.',
      medication_id: med.context_id,
      slot: ist('2025-05-01', '08:00'),
      actions: ['taken', 'skip', 'snooze'],
      status: 'open',
      late: false,
    })

    const [push] = pushesTo(endpoint)
    expect(push).toMatchObject({ status: 201, urgency: 'high', ttl: 3600 })
    expect(push!.vapid.sub).toBe('mailto:care@podd.local')
    expect(push!.vapid.publicKey).toBe(care().vapidPublicKey)
    expect(push!.payload).toMatchObject({
      title: 'Time for Metformin 500 mg',
      tag: `dose-${med.context_id}-${ist('2025-05-01', '08:00')}`,
      data: { type: 'notification', notification_id: frame.notification.id, kind: 'dose_reminder', actions: ['taken', 'skip', 'snooze'] },
      actions: [
        { action: 'taken', title: 'Taken' },
        { action: 'skip', title: 'Skip' },
        { action: 'snooze', title: 'Snooze 10 min' },
      ],
    })
    expect(smsTo(phone)).toEqual(['Podd: Time for Metformin 500 mg. Your 08:00 dose. after food. Answer Taken, Skip or Snooze.'])
    await smtp.waitFor(mailsBefore + 1)
    const mail = smtp.messages.slice(mailsBefore).find((m) => m.envelopeTo[0] === patient.email)!
    expect(mail.subject).toBe('Time for Metformin 500 mg')
    expect(mail.text).toContain('Answer it in the Podd app: Taken, Skip or Snooze.')

    // The reminder is a notification event, listed with its status; nothing is sent twice.
    const listed = await notifications(patient)
    expect(listed).toEqual([frame.notification])
    const event = await t.services.events.get(patient.id, frame.notification.id)
    expect(event).toMatchObject({ kind: 'notification', source: 'system', payload: { channel: 'in_app', title: 'Time for Metformin 500 mg' } })
    await at(ist('2025-05-01', '08:00'))
    expect(pushesTo(endpoint)).toHaveLength(1)
    expect(smsTo(phone)).toHaveLength(1)
    socket.close()
  })

  it('Should record a dose answered taken against its slot, and then neither repeat nor miss it', async () => {
    clock.set(ist('2025-05-02', '07:00'))
    const { patient, med, socket } = await patientOnEveryChannel()
    await at(ist('2025-05-02', '08:00'))
    const { notification } = await socket.next('notification')
    clock.set(ist('2025-05-02', '08:07'))
    const res = await respond(patient, notification.id, { action: 'taken' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Json
    expect(body.notification).toMatchObject({ status: 'answered', response: 'taken', actions: [], responded_at: clock.now().toISOString() })
    expect(body.dose).toMatchObject({
      kind: 'med_dose',
      source: 'api',
      occurred_at: ist('2025-05-02', '08:07'),
      payload: { medication_id: med.context_id, medication_name: 'Metformin', status: 'taken', scheduled_for: ist('2025-05-02', '08:00') },
    })
    // Answering again is idempotent; the insights count the slot taken.
    expect((await respond(patient, notification.id, { action: 'taken' })).status).toBe(200)
    await at(ist('2025-05-02', '08:30'))
    await at(ist('2025-05-02', '09:01'))
    expect(await notifications(patient)).toHaveLength(1)
    expect(await doses(patient)).toHaveLength(1)
    const insights = (await (await t.request(`/api/v1/patients/${patient.id}/insights?from=2025-05-02&to=2025-05-02`, { token: patient.access_token })).json()) as Json
    expect(insights.medication).toMatchObject({ scheduled: 1, taken: 1, missed: 0 })
    socket.close()
  })

  it('Should snooze for 10 minutes and remind again, then take the answer on the snoozed reminder', async () => {
    clock.set(ist('2025-05-03', '07:00'))
    const { patient, endpoint, socket } = await patientOnEveryChannel({ time: '21:00' })
    await at(ist('2025-05-03', '21:00'))
    const first = (await socket.next('notification')).notification
    clock.set(ist('2025-05-03', '21:02'))
    const snoozed = (await (await respond(patient, first.id, { action: 'snooze', minutes: 10 })).json()) as Json
    expect(snoozed.notification).toMatchObject({ status: 'snoozed', response: 'snooze' })
    expect((await at(ist('2025-05-03', '21:11'))).reminders).toBe(0)
    await at(ist('2025-05-03', '21:12'))
    const again = (await socket.next('notification')).notification
    expect(again).toMatchObject({ title: 'Snoozed reminder: Metformin 500 mg', status: 'open', slot: first.slot })
    // The same tag on the device: the snoozed reminder replaces the first.
    const tags = pushesTo(endpoint).map((p) => p.payload.tag)
    expect(tags).toHaveLength(2)
    expect(new Set(tags).size).toBe(1)
    clock.set(ist('2025-05-03', '21:15'))
    expect((await respond(patient, again.id, { action: 'taken' })).status).toBe(200)
    const listed = await notifications(patient)
    expect(listed.map((n) => [n.status, n.response])).toEqual([
      ['answered', 'taken'],
      ['answered', 'taken'],
    ])
    // Answered: the dose window's end finds nothing to miss.
    await at(ist('2025-05-03', '22:01'))
    expect((await doses(patient)).map((d) => [d.status, d.scheduled_for])).toEqual([['taken', ist('2025-05-03', '21:00')]])
    socket.close()
  })

  it('Should keep a snoozed dose open at least 30 minutes past the snooze', async () => {
    clock.set(ist('2025-05-03', '07:00'))
    const { patient, socket } = await patientOnEveryChannel({ time: '21:00' })
    await at(ist('2025-05-03', '21:00'))
    const first = (await socket.next('notification')).notification
    clock.set(ist('2025-05-03', '21:45'))
    expect((await respond(patient, first.id, { action: 'snooze', minutes: 30 })).status).toBe(200)
    await at(ist('2025-05-03', '22:01'))
    expect(await doses(patient)).toEqual([])
    await at(ist('2025-05-03', '22:15'))
    expect((await socket.next('notification')).notification.title).toBe('Snoozed reminder: Metformin 500 mg')
    await at(ist('2025-05-03', '22:45'))
    expect((await doses(patient)).map((d) => d.status)).toEqual(['missed'])
    socket.close()
  })

  it('Should repeat once after 30 minutes, record the dose missed at the end of its window and alert the caregiver', async () => {
    clock.set(ist('2025-05-04', '07:00'))
    const { patient, med, phone, socket } = await patientOnEveryChannel()
    const caregiver = await registerUser(t, 'caregiver', 'Ravi')
    await link(t, patient, caregiver)
    await setPreferences(t, caregiver, { alert_threshold: 'attention', inactivity_hours: null })
    const mailsBefore = smtp.messages.length
    await at(ist('2025-05-04', '08:00'))
    await socket.next('notification')
    await at(ist('2025-05-04', '08:29'))
    await at(ist('2025-05-04', '08:30'))
    const repeat = (await socket.next('notification')).notification
    expect(repeat).toMatchObject({ title: 'Reminder: Metformin 500 mg', body: 'Your 08:00 dose is not marked yet. after food. Answer Taken, Skip or Snooze.' })
    expect(smsTo(phone)).toHaveLength(2)
    await at(ist('2025-05-04', '08:59'))
    expect(await doses(patient)).toEqual([])
    await at(ist('2025-05-04', '09:00'))

    expect(await doses(patient)).toEqual([
      { medication_id: med.context_id, medication_name: 'Metformin', status: 'missed', dosage: '500 mg', scheduled_for: ist('2025-05-04', '08:00') },
    ])
    expect((await notifications(patient)).map((n) => [n.status, n.actions])).toEqual([
      ['missed', ['taken']],
      ['missed', ['taken']],
    ])
    const alerts = (await (await t.request(`/api/v1/patients/${patient.id}/alerts`, { token: caregiver.access_token })).json()) as Json
    expect(alerts.events.map((a: Json) => [a.payload.tier, a.payload.title])).toEqual([['attention', 'Missed dose: Metformin 500 mg at 08:00']])
    await smtp.waitFor(mailsBefore + 3)
    expect(smtp.messages.slice(mailsBefore).some((m) => m.envelopeTo[0] === caregiver.email && m.subject?.includes('Missed dose'))).toBe(true)

    // "I took it after all": the miss becomes taken, and the day's insights agree.
    clock.set(ist('2025-05-04', '09:20'))
    const late = (await (await respond(patient, repeat.id, { action: 'taken' })).json()) as Json
    expect(late.dose.payload).toMatchObject({ status: 'taken', scheduled_for: ist('2025-05-04', '08:00') })
    expect((await doses(patient)).map((d) => d.status)).toEqual(['taken'])
    expect((await respond(patient, repeat.id, { action: 'snooze' })).status).toBe(409)
    socket.close()
  })

  it('Should use a medicine’s own shorter window: insulin repeated at 10 minutes and missed, urgently, at 20', async () => {
    clock.set(ist('2025-05-05', '07:00'))
    const { patient, socket } = await patientOnEveryChannel({
      time: '13:00',
      med: { name: 'Insulin glargine', dosage: '10 units', instructions: undefined, critical: true, missed_after_minutes: 20 },
    })
    const caregiver = await registerUser(t, 'caregiver', 'Ravi')
    await link(t, patient, caregiver)
    await setPreferences(t, caregiver, { inactivity_hours: null })
    await at(ist('2025-05-05', '13:00'))
    await at(ist('2025-05-05', '13:10'))
    expect((await notifications(patient)).map((n) => n.title)).toEqual(['Reminder: Insulin glargine 10 units', 'Time for Insulin glargine 10 units'])
    await at(ist('2025-05-05', '13:20'))
    expect((await doses(patient)).map((d) => d.status)).toEqual(['missed'])
    const alerts = (await (await t.request(`/api/v1/patients/${patient.id}/alerts`, { token: caregiver.access_token })).json()) as Json
    expect(alerts.events[0].payload).toMatchObject({ tier: 'urgent', title: 'Missed dose: Insulin glargine 10 units at 13:00' })
    expect(alerts.events[0].payload.message).toContain('not logged as taken 20 minutes after its time')
    socket.close()
  })

  it('Should not remind a dose already logged, and count one logged in chat or the API after the reminder', async () => {
    clock.set(ist('2025-05-06', '07:00'))
    const early = await patientOnEveryChannel()
    const later = await patientOnEveryChannel()
    clock.set(ist('2025-05-06', '07:50'))
    await record(t, early.patient, 'med_dose', { medication_id: early.med.context_id, medication_name: 'Metformin', status: 'taken' })
    await at(ist('2025-05-06', '08:00'))
    expect(await notifications(early.patient)).toEqual([])
    await later.socket.next('notification')
    clock.set(ist('2025-05-06', '08:10'))
    await record(t, later.patient, 'med_dose', { medication_id: later.med.context_id, medication_name: 'Metformin', status: 'taken' })
    await at(ist('2025-05-06', '08:30'))
    await at(ist('2025-05-06', '09:00'))
    expect((await notifications(later.patient)).map((n) => [n.status, n.response])).toEqual([['answered', 'taken']])
    expect((await doses(later.patient)).map((d) => d.status)).toEqual(['taken'])
    early.socket.close()
    later.socket.close()
  })

  it('Should show only in the app what falls in the patient’s quiet hours, and not repeat it', async () => {
    clock.set(ist('2025-05-07', '07:00'))
    const { patient, phone, endpoint, socket } = await patientOnEveryChannel({
      time: '23:00',
      prefs: { quiet_hours: { enabled: true, start: '22:00', end: '07:00' } },
    })
    await at(ist('2025-05-07', '23:00'))
    expect((await socket.next('notification')).notification.title).toBe('Time for Metformin 500 mg')
    await at(ist('2025-05-07', '23:30'))
    await at(ist('2025-05-08', '00:00'))
    expect(pushesTo(endpoint)).toEqual([])
    expect(smsTo(phone)).toEqual([])
    expect((await notifications(patient)).map((n) => n.status)).toEqual(['missed'])
    socket.close()
  })

  it('Should send a reminder missed while the service was down late, only while its window is open', async () => {
    clock.set(ist('2025-05-09', '07:00'))
    const { patient, socket } = await patientOnEveryChannel()
    const other = await patientOnEveryChannel({ time: '09:00' })
    // Down from 07:55 to 08:20: the 08:00 reminder goes out at 08:20, marked late.
    await at(ist('2025-05-09', '08:20'))
    const late = (await socket.next('notification')).notification
    expect(late).toMatchObject({ title: 'Time for Metformin 500 mg (late)', late: true })
    expect(late.body).toContain('This reminder is late')
    // Down from 08:50 to 10:05: the 09:00 dose's window closed; no reminder, a miss.
    await at(ist('2025-05-09', '10:05'))
    expect(await notifications(other.patient)).toEqual([])
    expect((await doses(other.patient)).map((d) => d.status)).toEqual(['missed'])
    expect((await notifications(patient)).map((n) => n.status)).toEqual(['missed'])
    socket.close()
    other.socket.close()
  })

  it('Should remind after midnight in Kolkata on the right day, and at 08:00 local in New York across a DST change', async () => {
    clock.set('2025-03-07T12:00:00.000Z')
    const night = await patientOnEveryChannel({ time: '00:15' })
    const ny = await registerUser(t, 'patient', 'Ann')
    await setProfile(t, ny, { timezone: 'America/New_York' })
    const med = await record(t, ny, 'medication', { name: 'Lisinopril', dosage: '10 mg' })
    await record(t, ny, 'med_schedule', { medication_id: med.context_id, time_of_day: '08:00' })
    await care().idle()
    // 00:15 IST on 8 March is 18:45 UTC on 7 March.
    await at('2025-03-07T18:44:00.000Z')
    expect(await notifications(night.patient)).toEqual([])
    await at('2025-03-07T18:45:00.000Z')
    expect((await notifications(night.patient)).map((n) => n.slot)).toEqual(['2025-03-07T18:45:00.000Z'])
    // 08:00 EST on 8 March (13:00 UTC), then 08:00 EDT on 9 March (12:00 UTC).
    await at('2025-03-08T13:00:00.000Z')
    await at('2025-03-09T12:00:00.000Z')
    expect((await notifications(ny)).map((n) => n.slot)).toEqual(['2025-03-09T12:00:00.000Z', '2025-03-08T13:00:00.000Z'])
    night.socket.close()
  })

  it('Should not plan Web Push for a patient with push on but no browser subscribed', async () => {
    clock.set(ist('2025-05-11', '07:00'))
    const patient = await registerUser(t, 'patient', 'Asha')
    await setProfile(t, patient, { timezone: TZ })
    const med = await record(t, patient, 'medication', { name: 'Metformin' })
    await record(t, patient, 'med_schedule', { medication_id: med.context_id, time_of_day: '08:00' })
    await care().idle()
    await at(ist('2025-05-11', '08:00'))
    expect((await notifications(patient)).map((n) => n.title)).toEqual(['Time for Metformin'])
    const rows = await careDb(t.services.eventDb.db).selectFrom('care_deliveries').select('channel').where('patient_id', '=', patient.id).execute()
    expect(rows).toEqual([])
  })

  it('Should refuse answers that do not fit, and keep notifications to their patient', async () => {
    clock.set(ist('2025-05-10', '07:00'))
    const { patient, socket } = await patientOnEveryChannel()
    await at(ist('2025-05-10', '08:00'))
    const { notification } = await socket.next('notification')
    const stranger = await registerUser(t, 'patient')
    const caregiver = await registerUser(t, 'caregiver')
    expect((await respond(stranger, notification.id, { action: 'taken' })).status).toBe(404)
    expect((await respond(caregiver, notification.id, { action: 'taken' })).status).toBe(403)
    expect((await t.request('/api/v1/notifications', { token: caregiver.access_token })).status).toBe(403)
    const bad = await respond(patient, notification.id, { action: 'later' })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as Json).error.code).toBe('VALIDATION_ERROR')
    expect((await respond(patient, notification.id, { action: 'taken', minutes: 10 })).status).toBe(400)
    expect((await respond(patient, notification.id, { action: 'snooze', minutes: 15 })).status).toBe(400)
    expect((await respond(patient, 'not-an-id', { action: 'taken' })).status).toBe(404)
    expect((await t.request('/api/v1/notifications?cursor=nonsense', { token: patient.access_token })).status).toBe(400)
    expect((await t.request('/api/v1/notifications?status=open', { token: patient.access_token })).status).toBe(200)
    socket.close()
  })
})

describe('Web Push subscriptions', () => {
  let t: TestApp
  let pushService: PushServiceFake

  beforeAll(async () => {
    pushService = await startPushService()
    t = await createTestApp({ PUSH_ENDPOINT_HOSTS: '127.0.0.1' }, { pushAgent: pushService.agent })
  })
  afterAll(async () => {
    await t.close()
    await pushService.close()
  })

  it('Should give the VAPID key, accept a push service’s endpoint only, and remove a subscription by endpoint', async () => {
    const patient = await registerUser(t, 'patient')
    const key = (await (await t.request('/api/v1/push/public-key', { token: patient.access_token })).json()) as Json
    expect(Buffer.from(key.public_key, 'base64url')).toHaveLength(65)
    const sub = pushService.subscribe()
    const save = (json: Json) => t.request('/api/v1/push/subscriptions', { method: 'POST', token: patient.access_token, json })
    expect((await save(sub)).status).toBe(201)
    expect((await save({ ...sub, endpoint: 'https://evil.example/push/1' })).status).toBe(400)
    expect((await save({ ...sub, endpoint: sub.endpoint.replace('https:', 'http:') })).status).toBe(400)
    expect((await save({ ...sub, keys: { ...sub.keys, auth: 'short' } })).status).toBe(400)
    expect(await t.services.caregiving.push.forUser(patient.id)).toHaveLength(1)
    const del = (endpoint: string) => t.request('/api/v1/push/subscriptions', { method: 'DELETE', token: patient.access_token, json: { endpoint } })
    expect((await del(sub.endpoint)).status).toBe(204)
    expect((await del(sub.endpoint)).status).toBe(404)
    expect((await t.request('/api/v1/push/public-key')).status).toBe(401)
  })

  it('Should forget a subscription the push service says is gone, and move an endpoint to whoever subscribes it next', async () => {
    const [first, second] = [await registerUser(t, 'patient'), await registerUser(t, 'patient')]
    const sub = pushService.subscribe()
    await t.request('/api/v1/push/subscriptions', { method: 'POST', token: first.access_token, json: sub })
    await t.request('/api/v1/push/subscriptions', { method: 'POST', token: second.access_token, json: sub })
    expect(await t.services.caregiving.push.forUser(first.id)).toEqual([])
    expect(await t.services.caregiving.push.forUser(second.id)).toHaveLength(1)
    pushService.expire(sub.endpoint)
    const channel = new PushChannel(t.services.caregiving.push, resolveVapidKeys(t.config, t.services.logger)!, { agent: pushService.agent })
    const push = { title: 'x', body: 'y', tag: 't', data: {}, urgency: 'normal' as const, ttl_seconds: 60 }
    const to = { id: second.id, name: 'Asha', email: null, phone: null, webhook_url: null }
    await expect(channel.send(to, { kind: 'reminder', subject: '', text: '', html: '', sms: '', data: {}, push })).rejects.toThrow(
      'push subscriptions expired',
    )
    expect(await t.services.caregiving.push.forUser(second.id)).toEqual([])
  })
})
