import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, registerUser, type TestApp } from '../../../test/helpers.js'
import { TestClock, record, setProfile, type Account, ist, timersAt} from '../../../test/fakes/care-fixtures.js'

type Json = Record<string, any>
const TZ = 'Asia/Kolkata'

describe('answering a reminder in chat', () => {
  let t: TestApp
  const clock = new TestClock(new Date(ist('2025-10-01', '07:00')))

  beforeAll(async () => {
    t = await createTestApp({}, { now: clock.now })
  })
  afterAll(() => t.close())

  const at = (iso: string) => timersAt(t, clock, iso)
  const chat = async (who: Account, message: string) => {
    const res = await t.request('/api/v1/chat', { method: 'POST', token: who.access_token, json: { message } })
    expect(res.status).toBe(200)
    return (await res.json()) as Json
  }
  const notifications = async (who: Account): Promise<Json[]> =>
    ((await (await t.request('/api/v1/notifications', { token: who.access_token })).json()) as Json).notifications

  /** A patient in Kolkata with these medicines at these times, set up by chat as a patient would. */
  async function patient(date: string, meds: [string, string][]) {
    clock.set(ist(date, '07:00'))
    const p = await registerUser(t, 'patient', 'Asha')
    await setProfile(t, p, { timezone: TZ })
    for (const [name, time] of meds) {
      const med = await record(t, p, 'medication', { name, dosage: '10 mg' })
      await record(t, p, 'med_schedule', { medication_id: med.context_id, time_of_day: time })
    }
    await t.services.caregiving.idle()
    return p
  }

  it('Should record "haan le li" against both reminders of the slot just sent', async () => {
    const p = await patient('2025-10-01', [
      ['Metformin', '08:00'],
      ['Amlodipine', '08:00'],
    ])
    await at(ist('2025-10-01', '08:00'))
    clock.set(ist('2025-10-01', '08:04'))
    const body = await chat(p, 'haan le li')
    expect(body.routes).toEqual(['medication'])
    // Said in romanised Hindi, answered in it.
    expect(body.reply).toContain('Aapka reminder darj kiya:')
    expect(body.reply).toMatch(/Metformin \(subah 8:00 baje ki khurak\)/)
    expect(body.reply).toMatch(/Amlodipine \(subah 8:00 baje ki khurak\)/)
    const doses = body.events.filter((e: Json) => e.kind === 'med_dose').map((e: Json) => [e.payload.medication_name, e.payload.status, e.payload.scheduled_for, e.source])
    expect(doses.sort()).toEqual([
      ['Amlodipine', 'taken', ist('2025-10-01', '08:00'), 'chat'],
      ['Metformin', 'taken', ist('2025-10-01', '08:00'), 'chat'],
    ])
    expect((await notifications(p)).map((n) => [n.status, n.response])).toEqual([
      ['answered', 'taken'],
      ['answered', 'taken'],
    ])
    // Answered: nothing repeats at 08:30 and nothing is missed at 09:00.
    await at(ist('2025-10-01', '08:30'))
    await at(ist('2025-10-01', '09:00'))
    expect(await notifications(p)).toHaveLength(2)
  })

  it('Should snooze by chat and remind again, and skip by chat', async () => {
    const p = await patient('2025-10-02', [['Atorvastatin', '22:00']])
    await at(ist('2025-10-02', '22:00'))
    clock.set(ist('2025-10-02', '22:01'))
    const snoozed = await chat(p, 'snooze 10 min')
    expect(snoozed.reply).toContain("I'll remind you about Atorvastatin (10:00 pm dose) again in 10 minutes.")
    await at(ist('2025-10-02', '22:11'))
    expect((await notifications(p))[0]).toMatchObject({ title: 'Snoozed reminder: Atorvastatin 10 mg', status: 'open' })
    clock.set(ist('2025-10-02', '22:12'))
    const skipped = await chat(p, 'skip')
    expect(skipped.reply).toContain('Marked your reminder for Atorvastatin (10:00 pm dose) as skipped.')
    const [dose] = (await t.services.events.list(p.id, { kinds: ['med_dose'] })).events
    expect(dose!.payload).toMatchObject({ status: 'skipped', scheduled_for: ist('2025-10-02', '22:00') })
  })

  it('Should treat "taken" with no reminder waiting as the doses that are due, and say there is nothing to snooze', async () => {
    const p = await patient('2025-10-03', [['Telmisartan', '09:00']])
    clock.set(ist('2025-10-03', '09:20'))
    expect((await chat(p, 'snooze')).reply).toContain('There is no reminder waiting to snooze right now.')
    const body = await chat(p, 'taken')
    expect(body.reply).toContain('Marked Telmisartan (9:00 am dose) as taken.')
    expect(body.events.filter((e: Json) => e.kind === 'med_dose').map((e: Json) => e.payload.scheduled_for)).toEqual([ist('2025-10-03', '09:00')])
  })
})
