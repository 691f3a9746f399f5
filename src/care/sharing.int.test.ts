import { describe, expect, it } from 'vitest'
import { registerUser, type TestApp } from '../../test/helpers.js'
import { HOUR, careTestApp, link, record, setPreferences, setProfile, type Account } from '../../test/fakes/care-fixtures.js'
import { careDb } from './care-tables.js'
import { DEFAULT_SHARING, SHARING_CATEGORIES } from './sharing.js'

type Json = Record<string, any>

describe('what a patient shares with each caregiver', () => {
  let t: TestApp
  const { clock, email } = careTestApp((app) => (t = app))

  const get = (path: string, who: Account) => t.request(path, { token: who.access_token })
  const json = async (path: string, who: Account) => (await (await get(path, who)).json()) as Json
  const share = (patient: Account, linkId: string, categories: string[]) =>
    t.request(`/api/v1/caregivers/links/${linkId}/sharing`, { method: 'PUT', token: patient.access_token, json: { categories } })

  async function circle(opts: { caregiverPrefs?: Json } = {}) {
    const patient = await registerUser(t, 'patient', 'Asha')
    const caregiver = await registerUser(t, 'caregiver', 'Ravi')
    await setProfile(t, patient, { timezone: 'Asia/Kolkata' })
    const linkId = await link(t, patient, caregiver)
    if (opts.caregiverPrefs) await setPreferences(t, caregiver, opts.caregiverPrefs)
    return { patient, caregiver, linkId }
  }

  async function aDay(patient: Account) {
    const turn = await t.request('/api/v1/chat', { method: 'POST', token: patient.access_token, json: { message: 'I feel a bit low today' } })
    expect(turn.status).toBe(200)
    await record(t, patient, 'vitals', { blood_pressure_systolic: 132, blood_pressure_diastolic: 84 })
    await record(t, patient, 'food', { description: 'poha', calories: 300 })
    await record(t, patient, 'symptom', { name: 'headache', severity: 'mild' })
    await record(t, patient, 'appointment', { title: 'Review', scheduled_for: '2025-03-20T10:00:00+05:30' })
    await t.services.caregiving.idle()
  }

  it('Should share everything but chat transcripts by default', async () => {
    const { patient, caregiver, linkId } = await circle()
    await aDay(patient)
    const sharing = await json(`/api/v1/caregivers/links/${linkId}/sharing`, caregiver)
    expect(sharing).toEqual({ link_id: linkId, categories: [...DEFAULT_SHARING], changes: [] })
    const kinds = (await json(`/api/v1/patients/${patient.id}/events?limit=100`, caregiver)).events.map((e: Json) => e.kind)
    expect(kinds).toEqual(expect.arrayContaining(['vitals', 'food', 'symptom', 'appointment', 'profile']))
    expect(kinds).not.toContain('chat')
    const chat = await get(`/api/v1/patients/${patient.id}/events?kind=chat`, caregiver)
    expect(chat.status).toBe(403)
    expect(((await chat.json()) as Json).error.message).toBe('The patient does not share chat transcripts with you')
    // The patient reads their own chat, of course.
    expect((await json(`/api/v1/patients/${patient.id}/events?kind=chat`, patient)).events.length).toBe(2)
  })

  it('Should apply a change to the very next read, on every caregiver route, and keep the change', async () => {
    const { patient, caregiver, linkId } = await circle()
    await aDay(patient)
    const res = await share(patient, linkId, ['alerts', 'chat_transcripts'])
    expect(res.status).toBe(200)
    expect(((await res.json()) as Json).categories).toEqual(['alerts', 'chat_transcripts'])

    const kinds = new Set((await json(`/api/v1/patients/${patient.id}/events?limit=100`, caregiver)).events.map((e: Json) => e.kind))
    expect([...kinds].sort()).toEqual(['appointment', 'profile'])
    expect((await json(`/api/v1/patients/${patient.id}/events?kind=chat`, caregiver)).events).toHaveLength(2)
    expect((await get(`/api/v1/patients/${patient.id}/events?kind=vitals`, caregiver)).status).toBe(403)
    expect((await get(`/api/v1/patients/${patient.id}/events?kind=notification`, caregiver)).status).toBe(403)
    // Several kinds asked for: the shared ones come, the others are left out.
    const some = await json(`/api/v1/patients/${patient.id}/events?kind=vitals,food,appointment,chat`, caregiver)
    expect([...new Set(some.events.map((e: Json) => e.kind))].sort()).toEqual(['appointment', 'chat'])
    const insights = await json(`/api/v1/patients/${patient.id}/insights`, caregiver)
    expect(insights).toMatchObject({ vitals: null, nutrition: null, medication: null, not_shared: ['vitals', 'food_and_water', 'medicines_and_doses'] })
    expect(insights.days[0]).toMatchObject({ readings: null, calories: null, doses: null })
    expect((await get(`/api/v1/patients/${patient.id}/alerts`, caregiver)).status).toBe(200)
    expect((await get(`/api/v1/patients/${patient.id}/summaries`, caregiver)).status).toBe(403)
    const generate = await t.request(`/api/v1/patients/${patient.id}/summaries`, { method: 'POST', token: caregiver.access_token, json: { date: '2025-03-10' } })
    expect(generate.status).toBe(403)
    expect((await get(`/api/v1/patients/${patient.id}/report`, caregiver)).status).toBe(403)
    // The patient sees everything still.
    expect((await json(`/api/v1/patients/${patient.id}/insights`, patient)).vitals).not.toBeNull()

    await share(patient, linkId, [...SHARING_CATEGORIES])
    expect((await get(`/api/v1/patients/${patient.id}/report`, caregiver)).status).toBe(200)
    const history = await json(`/api/v1/caregivers/links/${linkId}/sharing`, patient)
    expect(history.changes.map((c: Json) => c.categories)).toEqual([[...SHARING_CATEGORIES], ['alerts', 'chat_transcripts']])
    expect(history.changes[0].changed_at).toBe(clock.now().toISOString())
  })

  it('Should let only the patient change it, to known categories, on their own live link', async () => {
    const { patient, caregiver, linkId } = await circle()
    const other = await registerUser(t, 'patient', 'Kiran')
    expect((await t.request(`/api/v1/caregivers/links/${linkId}/sharing`, { method: 'PUT', token: caregiver.access_token, json: { categories: [] } })).status).toBe(403)
    expect((await share(other, linkId, ['vitals'])).status).toBe(404)
    expect((await get(`/api/v1/caregivers/links/${linkId}/sharing`, other)).status).toBe(404)
    expect((await share(patient, linkId, ['vitals', 'x-rays'])).status).toBe(400)
    expect((await t.request(`/api/v1/caregivers/links/${linkId}/sharing`, { method: 'PUT', token: patient.access_token, json: { categories: ['vitals'], extra: 1 } })).status).toBe(400)
    expect((await share(patient, linkId, [])).status).toBe(200)
    expect((await get(`/api/v1/patients/${patient.id}/events?kind=vitals`, caregiver)).status).toBe(403)
    await t.request(`/api/v1/caregivers/links/${linkId}`, { method: 'DELETE', token: patient.access_token })
    expect((await share(patient, linkId, ['vitals'])).status).toBe(404)
  })

  it('Should push alerts only to caregivers the patient shares them with, and stop one held when sharing stops', async () => {
    const everyTier = { alert_threshold: 'attention' }
    const { patient, caregiver, linkId } = await circle({ caregiverPrefs: everyTier })
    const second = await registerUser(t, 'caregiver', 'Meena')
    const secondLink = await link(t, patient, second)
    await setPreferences(t, second, everyTier)
    await share(patient, secondLink, DEFAULT_SHARING.filter((c) => c !== 'alerts'))

    await record(t, patient, 'vitals', { blood_pressure_systolic: 186, blood_pressure_diastolic: 124 })
    await t.services.caregiving.idle()
    expect(email.to(caregiver).map((m) => m.tier)).toEqual(['urgent'])
    expect(email.to(second)).toEqual([])
    expect((await get(`/api/v1/patients/${patient.id}/alerts`, second)).status).toBe(403)

    // At 23:00 an attention-tier reading waits for the end of the caregiver's quiet hours…
    clock.set('2025-03-10T17:30:00.000Z')
    await record(t, patient, 'vitals', { blood_pressure_systolic: 152, blood_pressure_diastolic: 96 })
    await t.services.caregiving.idle()
    const held = await careDb(t.services.eventDb.db).selectFrom('care_deliveries').selectAll().where('caregiver_id', '=', caregiver.id).where('tier', '=', 'attention').execute()
    // In the app and by e-mail.
    expect(held.map((d) => d.status)).toEqual(['pending', 'pending'])
    // …and the patient stops sharing alerts with them before it goes: it never goes.
    await share(patient, linkId, ['vitals'])
    clock.advance(10 * HOUR)
    await t.services.caregiving.dispatcher.runDue()
    expect(email.to(caregiver).map((m) => m.tier)).toEqual(['urgent'])
    const after = await careDb(t.services.eventDb.db).selectFrom('care_deliveries').selectAll().where('id', 'in', held.map((d) => d.id)).execute()
    for (const d of after) expect(d).toMatchObject({ status: 'cancelled', last_error: 'not shared by the patient' })
    clock.set('2025-03-10T04:00:00.000Z')
  })

  it('Should make daily summaries only for caregivers who get them, holding only what is shared', async () => {
    const { patient, caregiver, linkId } = await circle()
    await aDay(patient)
    await share(patient, linkId, ['daily_summaries', 'food_and_water'])
    const res = await t.request(`/api/v1/patients/${patient.id}/summaries`, { method: 'POST', token: caregiver.access_token, json: { date: '2025-03-10' } })
    expect(res.status).toBe(201)
    const facts = ((await res.json()) as Json).summary.payload.facts
    expect(facts.vitals).toEqual({})
    expect(facts.symptoms).toEqual([])
    expect(facts.meals.items.map((m: Json) => m.description)).toEqual(['poha'])
    // The patient's own summary of the same day has everything.
    const own = await t.request(`/api/v1/patients/${patient.id}/summaries`, { method: 'POST', token: patient.access_token, json: { date: '2025-03-10' } })
    expect(((await own.json()) as Json).summary.payload.facts.symptoms).toHaveLength(1)

    // The scheduler makes none for a caregiver whose link does not share summaries.
    await share(patient, linkId, ['vitals'])
    clock.set('2025-03-10T15:00:00.000Z') // 20:30 IST, past the daily summary time
    await t.services.caregiving.scheduler.tick()
    const jobs = await careDb(t.services.eventDb.db).selectFrom('care_summary_jobs').selectAll().where('patient_id', '=', patient.id).where('caregiver_id', '=', caregiver.id).execute()
    expect(jobs).toEqual([])
    clock.set('2025-03-10T04:00:00.000Z')
  })
})
