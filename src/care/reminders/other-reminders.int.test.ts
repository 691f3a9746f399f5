import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, registerUser, type TestApp } from '../../../test/helpers.js'
import { TestClock, record, setPreferences, setProfile, type Account, ist, timersAt} from '../../../test/fakes/care-fixtures.js'

type Json = Record<string, any>
const TZ = 'Asia/Kolkata'

describe('appointment and refill reminders', () => {
  let t: TestApp
  const clock = new TestClock(new Date(ist('2025-06-01', '07:00')))

  beforeAll(async () => {
    t = await createTestApp({}, { now: clock.now })
  })
  afterAll(() => t.close())

  const at = (iso: string) => timersAt(t, clock, iso)
  const notifications = async (who: Account): Promise<Json[]> =>
    ((await (await t.request('/api/v1/notifications', { token: who.access_token })).json()) as Json).notifications
  async function patient(language = 'en-IN') {
    const p = await registerUser(t, 'patient', 'Asha')
    await setProfile(t, p, { timezone: TZ })
    await setPreferences(t, p, { language })
    return p
  }

  it('Should remind an appointment the day before and two hours before, with nothing to answer', async () => {
    clock.set(ist('2025-06-08', '09:00'))
    const p = await patient()
    await record(t, p, 'appointment', {
      title: 'Diabetes review',
      doctor: 'Dr Rao',
      location: 'Apollo Clinic',
      scheduled_for: ist('2025-06-10', '10:30'),
    })
    await t.services.caregiving.idle()
    await at(ist('2025-06-09', '10:29'))
    expect(await notifications(p)).toEqual([])
    await at(ist('2025-06-09', '10:30'))
    await at(ist('2025-06-10', '08:30'))
    expect((await notifications(p)).map((n) => [n.kind, n.title, n.body, n.status, n.actions])).toEqual([
      ['appointment_reminder', 'Appointment in 2 hours, at 10:30: Diabetes review', 'Diabetes review with Dr Rao at Apollo Clinic, 10:30.', 'info', []],
      ['appointment_reminder', 'Appointment tomorrow at 10:30: Diabetes review', 'Diabetes review with Dr Rao at Apollo Clinic, 10:30.', 'info', []],
    ])
    const answer = await t.request(`/api/v1/notifications/${(await notifications(p))[0]!.id}/respond`, {
      method: 'POST',
      token: p.access_token,
      json: { action: 'taken' },
    })
    expect(answer.status).toBe(409)
  })

  it('Should follow a rescheduled appointment, forget a cancelled one, and speak Hindi to a Hindi speaker', async () => {
    clock.set(ist('2025-06-11', '09:00'))
    const p = await patient('hi-IN')
    const appt = await record(t, p, 'appointment', { title: 'Eye check-up', scheduled_for: ist('2025-06-13', '09:00') })
    const cancelled = await record(t, p, 'appointment', { title: 'Dentist', scheduled_for: ist('2025-06-13', '15:00') })
    await t.services.caregiving.idle()
    const correct = (id: string, payload: Json) =>
      t.request(`/api/v1/events/${id}`, { method: 'PATCH', token: p.access_token, json: { payload } })
    expect((await correct(appt.id, { title: 'Eye check-up', scheduled_for: ist('2025-06-13', '11:00') })).status).toBe(200)
    expect((await correct(cancelled.id, { ...cancelled.payload, status: 'cancelled' })).status).toBe(200)
    await t.services.caregiving.idle()
    await at(ist('2025-06-12', '09:00'))
    expect(await notifications(p)).toEqual([])
    await at(ist('2025-06-12', '11:00'))
    await at(ist('2025-06-13', '09:00'))
    await at(ist('2025-06-13', '15:00'))
    expect((await notifications(p)).map((n) => n.title)).toEqual(['अपॉइंटमेंट 2 घंटे में, 11:00 बजे: Eye check-up', 'अपॉइंटमेंट कल 11:00 बजे: Eye check-up'])
  })

  it('Should remind only two hours before an appointment made the same morning', async () => {
    clock.set(ist('2025-06-14', '08:00'))
    const p = await patient()
    await record(t, p, 'appointment', { title: 'Blood test', scheduled_for: ist('2025-06-14', '12:00') })
    await t.services.caregiving.idle()
    await at(ist('2025-06-14', '10:00'))
    expect((await notifications(p)).map((n) => n.title)).toEqual(['Appointment in 2 hours, at 12:00: Blood test'])
  })

  it('Should remind a refill five days before the pills run out, counting the doses actually taken', async () => {
    clock.set(ist('2025-06-01', '07:00'))
    const [taking, skipping] = [await patient(), await patient()]
    const meds: Json = {}
    for (const p of [taking, skipping]) {
      const med = await record(t, p, 'medication', { name: 'Amlodipine', dosage: '5 mg', pill_count: 12 })
      await record(t, p, 'med_schedule', { medication_id: med.context_id, time_of_day: '09:00' })
      meds[p.id] = med
    }
    await t.services.caregiving.idle()
    // Planned as if every dose is taken: 12 pills at one a day last to 12 June; reminded on the 7th at 09:00.
    const refill = async (p: Account) => (await t.services.caregiving.planner.planned(p.id)).find((x) => x.kind === 'refill')!
    expect(new Date((await refill(taking)).due_at).toISOString()).toBe(ist('2025-06-07', '09:00'))
    for (let day = 1; day <= 6; day++) {
      clock.set(ist(`2025-06-0${day}`, '09:05'))
      await record(t, taking, 'med_dose', { medication_id: meds[taking.id].context_id, medication_name: 'Amlodipine', status: 'taken' })
    }
    await at(ist('2025-06-07', '09:00'))
    const got = (await notifications(taking)).filter((n) => n.kind === 'refill_reminder')
    expect(got.map((n) => [n.title, n.body, n.medication_id])).toEqual([
      ['Refill soon: Amlodipine', 'About 6 left; they run out around 2025-06-12. Order a refill in time.', meds[taking.id].context_id],
    ])
    // The other patient logged none of them: more pills left, so the reminder moved on.
    expect((await notifications(skipping)).filter((n) => n.kind === 'refill_reminder')).toEqual([])
    expect(new Date((await refill(skipping)).due_at).toISOString()).toBe(ist('2025-06-13', '09:00'))
    // A new count (a refill) is a new estimate and, in time, a new reminder.
    const res = await t.request(`/api/v1/events/${meds[taking.id].id}`, {
      method: 'PATCH',
      token: taking.access_token,
      json: { payload: { name: 'Amlodipine', dosage: '5 mg', pill_count: 30 } },
    })
    expect(res.status).toBe(200)
    await t.services.caregiving.idle()
    expect(new Date((await refill(taking)).due_at).toISOString()).toBe(ist('2025-07-01', '09:00'))
  })
})
