import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, zonedInstant } from '../../../memory/local-time.js'
import { createTestApp, registerUser, type TestApp } from '../../../test/helpers.js'
import { TestClock, link, setProfile, type Account } from '../../../test/fakes/care-fixtures.js'
import { startFakeOpenAI, type FakeOpenAI } from '../../../test/fakes/openai-chat-server.js'
import { narrativeFitsFacts } from './summary-narrative.js'
import type { SummaryFacts } from './summary-facts.js'
import { summaryText } from './summary-text.js'

type Json = Record<string, any>
const TZ = 'Asia/Kolkata'
const DAY = '2025-03-20'
const ist = (date: string, time: string) => zonedInstant(date, time, TZ).toISOString()

/**
 * One seeded patient: a week of routine (BP every morning, fasting sugar on 6 of 7 days, every
 * dose taken) and then the summarised day, with one missed dose and no sugar reading.
 */
async function seedPatient(t: TestApp): Promise<{ patient: Account; caregiver: Account }> {
  const patient = await registerUser(t, 'patient', 'Asha')
  const caregiver = await registerUser(t, 'caregiver', 'Ravi')
  await setProfile(t, patient, { timezone: TZ, date_of_birth: '1950-02-01' })
  await link(t, patient, caregiver)
  const add = (kind: string, payload: Json, at: string) =>
    t.services.events.append(patient.id, { kind: kind as never, payload, occurred_at: at, source: 'api' }).then((r) => r.event)

  const setup = addDays(DAY, -10)
  const metformin = await add('medication', { name: 'Metformin', dosage: '500 mg' }, ist(setup, '09:00'))
  const amlodipine = await add('medication', { name: 'Amlodipine', dosage: '5 mg' }, ist(setup, '09:00'))
  await add('med_schedule', { medication_id: metformin.context_id, time_of_day: '08:00' }, ist(setup, '09:05'))
  await add('med_schedule', { medication_id: metformin.context_id, time_of_day: '20:00' }, ist(setup, '09:05'))
  await add('med_schedule', { medication_id: amlodipine.context_id, time_of_day: '08:00' }, ist(setup, '09:05'))
  const taken = (med: Json, name: string, date: string, time: string) =>
    add('med_dose', { medication_id: med.context_id, medication_name: name, status: 'taken' }, ist(date, time))

  for (let i = 1; i <= 7; i++) {
    const d = addDays(DAY, -i)
    await add('vitals', { blood_pressure_systolic: 130, blood_pressure_diastolic: 80 }, ist(d, '08:30'))
    if (i <= 6) await add('vitals', { blood_sugar: 110, blood_sugar_context: 'fasting' }, ist(d, '07:30'))
    if (i <= 6) {
      await taken(metformin, 'Metformin', d, '08:05')
      await taken(amlodipine, 'Amlodipine', d, '08:06')
      await taken(metformin, 'Metformin', d, '20:05')
    }
  }
  // Outside the day and its week: must not show up anywhere.
  await add('vitals', { blood_pressure_systolic: 170, blood_pressure_diastolic: 100 }, ist(addDays(DAY, -9), '08:30'))
  await add('food', { description: 'birthday cake', calories: 900 }, ist(addDays(DAY, 1), '01:00'))

  await taken(metformin, 'Metformin', DAY, '08:10')
  await taken(amlodipine, 'Amlodipine', DAY, '08:12')
  await add('vitals', { blood_pressure_systolic: 138, blood_pressure_diastolic: 88, heart_rate: 72 }, ist(DAY, '08:30'))
  await add('vitals', { blood_pressure_systolic: 132, blood_pressure_diastolic: 84 }, ist(DAY, '19:00'))
  await add('sleep', { duration_hours: 6.5, quality: 'poor', notes: 'woke up twice' }, ist(DAY, '07:00'))
  await add('food', { description: 'poha', meal_type: 'breakfast', calories: 350, estimated: true }, ist(DAY, '09:00'))
  await add('water', { amount_ml: 500 }, ist(DAY, '10:00'))
  await add('symptom', { name: 'dizzy when standing up', severity: 'mild' }, ist(DAY, '11:00'))
  await add('food', { description: 'dal chawal', meal_type: 'lunch', calories: 520 }, ist(DAY, '13:00'))
  await add('water', { amount_ml: 750 }, ist(DAY, '15:00'))
  await add('mood', { mood: 'bad', notes: 'feeling low, missing my son' }, ist(DAY, '18:00'))
  await add('food', { description: '2 roti with sabzi', meal_type: 'dinner' }, ist(DAY, '20:30'))
  return { patient, caregiver }
}

const EXPECTED_FACTS: Omit<SummaryFacts, 'as_of'> = {
  date: DAY,
  timezone: TZ,
  as_of_local: '03:00',
  complete: true,
  baseline_days: 7,
  checked_in: true,
  vitals: {
    blood_pressure: {
      readings: [
        { time: '08:30', systolic: 138, diastolic: 88, category: 'stage_1', severity: 'normal' },
        { time: '19:00', systolic: 132, diastolic: 84, category: 'stage_1', severity: 'normal' },
      ],
      mean: { systolic: 135, diastolic: 86 },
      low: { systolic: 132, diastolic: 84, time: '19:00' },
      high: { systolic: 138, diastolic: 88, time: '08:30' },
      previous_7d_mean: { systolic: 130, diastolic: 80 },
      change: { systolic: 5, diastolic: 6 },
    },
    blood_sugar: { unit: 'mg/dL', readings: [], mean: null, low: null, high: null, previous_7d_mean: 110, change: null },
    heart_rate: {
      unit: 'beats/min',
      readings: [{ time: '08:30', value: 72, category: 'normal', severity: 'normal' }],
      mean: 72,
      low: { value: 72, time: '08:30' },
      high: { value: 72, time: '08:30' },
      previous_7d_mean: null,
      change: null,
    },
  },
  readings_not_taken: [{ vital: 'blood_sugar', days_measured_in_previous_7: 6 }],
  medication: {
    scheduled: 3,
    taken: 2,
    missed: 1,
    skipped: 0,
    due: 0,
    adherence_pct: 66.7,
    // 18 of 18 on the six days before with doses, 2 of 3 on the day: 20 of 21.
    adherence_7d_pct: 95.2,
    missed_doses: [{ name: 'Metformin', dosage: '500 mg', time: '20:00' }],
    skipped_doses: [],
    due_doses: [],
  },
  meals: {
    count: 3,
    calories: 870,
    calories_estimated: true,
    items: [
      { time: '09:00', meal_type: 'breakfast', description: 'poha', calories: 350 },
      { time: '13:00', meal_type: 'lunch', description: 'dal chawal', calories: 520 },
      { time: '20:30', meal_type: 'dinner', description: '2 roti with sabzi', calories: null },
    ],
  },
  water_ml: 1250,
  sleep: [{ duration_hours: 6.5, quality: 'poor', notes: 'woke up twice' }],
  mood: [{ time: '18:00', mood: 'bad', notes: 'feeling low, missing my son' }],
  symptoms: [{ time: '11:00', name: 'dizzy when standing up', severity: 'mild', notes: null }],
  alerts: [],
  concerns: ['missed dose: Metformin 500 mg at 20:00', 'no blood sugar reading'],
  headline: 'attention',
  headline_reason: { type: 'missed_doses', doses: [{ name: 'Metformin', dosage: '500 mg', time: '20:00' }] },
  actions: [
    { type: 'ask_about_doses', names: ['Metformin'] },
    { type: 'ask_for_readings', vitals: ['blood_sugar'] },
  ],
}

const EXPECTED_NARRATIVE =
  'Missed Metformin 500 mg at 20:00. ' +
  'Ask whether they took Metformin; a missed dose is not made up with a double one — ask their doctor or pharmacist. ' +
  'Remind them to measure their blood sugar.'

describe('daily summaries', () => {
  let t: TestApp
  // The morning after the day: events are seeded in the past, and the day is over.
  const clock = new TestClock(new Date(ist(addDays(DAY, 1), '03:00')))
  let patient: Account
  let caregiver: Account

  beforeAll(async () => {
    t = await createTestApp({}, { now: clock.now })
    ;({ patient, caregiver } = await seedPatient(t))
  })
  afterAll(() => t.close())

  const generate = (who: Account, date: string, id = patient.id) =>
    t.request(`/api/v1/patients/${id}/summaries`, { method: 'POST', token: who.access_token, json: { date } })

  it('Should compute the facts of the seeded day exactly, name the missed dose and invent nothing', async () => {
    const res = await generate(caregiver, DAY)
    expect(res.status).toBe(201)
    const { summary } = (await res.json()) as Json
    expect(summary.kind).toBe('summary')
    expect(summary.source).toBe('system')
    expect(summary.payload).toMatchObject({ date: DAY, caregiver_id: caregiver.id, headline: 'attention', generated_by: 'template' })
    expect(summary.payload.facts).toEqual({ ...EXPECTED_FACTS, as_of: clock.now().toISOString() })
    expect(summary.payload.narrative).toBe(EXPECTED_NARRATIVE)
    expect(narrativeFitsFacts(summary.payload.narrative, summary.payload.facts)).toBe(true)
    expect(JSON.stringify(summary.payload)).not.toMatch(/birthday cake|170/)
  })

  it('Should generate once per patient, caregiver and date, and read back by date', async () => {
    const again = await generate(caregiver, DAY)
    expect(again.status).toBe(200)
    const mine = await t.request(`/api/v1/patients/${patient.id}/summaries?date=${DAY}`, { token: caregiver.access_token })
    const { events } = (await mine.json()) as Json
    expect(events).toHaveLength(1)
    expect(((await again.json()) as Json).summary.id).toBe(events[0].id)

    // The patient's own summary is another entity with the same facts.
    const own = await generate(patient, DAY)
    expect(own.status).toBe(201)
    const ownSummary = ((await own.json()) as Json).summary
    expect(ownSummary.payload.caregiver_id).toBeUndefined()
    expect(ownSummary.payload.facts.medication).toEqual(EXPECTED_FACTS.medication)
    const res = await t.request(`/api/v1/patients/${patient.id}/summaries?date=${DAY}`, { token: patient.access_token })
    const all = (await res.json()) as Json
    expect(all.events).toHaveLength(2)
  })

  it('Should bring a summary of a day still running up to date, as a new version of the same summary', async () => {
    const today = addDays(DAY, 1)
    const first = ((await (await generate(caregiver, today)).json()) as Json).summary
    expect(first.payload.facts).toMatchObject({ complete: false, checked_in: true })
    expect(first.payload.narrative).toContain('(so far, as of 03:00)')
    clock.set(ist(today, '10:00'))
    const res = await generate(caregiver, today)
    expect(res.status).toBe(200)
    const second = ((await res.json()) as Json).summary
    expect(second.supersedes).toBe(first.id)
    expect(second.payload.facts.as_of).toBe(clock.now().toISOString())
  })

  it('Should have the scheduler bring a summary requested during the day up to date rather than make another', async () => {
    const today = addDays(DAY, 1)
    const before = (await t.services.caregiving.summaries.find(patient.id, caregiver.id, today))!
    clock.set(ist(today, '20:30'))
    expect((await t.services.caregiving.scheduler.tick()).summaries).toBe(1)
    const after = (await t.services.caregiving.summaries.find(patient.id, caregiver.id, today))!
    expect(after.supersedes).toBe(before.id)
    expect(after.payload.facts).toMatchObject({ as_of_local: '20:30', complete: false })
    expect((await t.services.events.list(patient.id, { kinds: ['summary'], payloadEquals: { date: today } })).events).toHaveLength(1)
  })

  it('Should refuse a date that has not begun for the patient', async () => {
    const res = await generate(caregiver, addDays(DAY, 5))
    expect(res.status).toBe(400)
    expect(((await res.json()) as Json).error.code).toBe('BAD_REQUEST')
  })

  it('Should say so when the patient did not check in at all', async () => {
    const quiet = addDays(DAY, -12)
    const { summary } = (await (await generate(caregiver, quiet)).json()) as Json
    expect(summary.payload.facts).toMatchObject({ checked_in: false, headline: 'attention', concerns: ['no check-in'] })
    expect(summary.payload.narrative).toBe('No check-in all day. Call or message them to check they are all right.')
  })
})

describe('daily summary narrative from an LLM', () => {
  let t: TestApp
  let llm: FakeOpenAI
  const clock = new TestClock(new Date(ist(addDays(DAY, 1), '03:00')))
  let patient: Account
  let caregiver: Account

  beforeAll(async () => {
    llm = await startFakeOpenAI()
    t = await createTestApp({ OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test-key', LLM_MAX_RETRIES: '0' }, { now: clock.now })
    ;({ patient, caregiver } = await seedPatient(t))
  })
  afterAll(async () => {
    await t.close()
    await llm.close()
  })

  const summarise = async (date: string) => {
    const path = `/api/v1/patients/${patient.id}/summaries`
    const res = await t.request(path, { method: 'POST', token: caregiver.access_token, json: { date } })
    return ((await res.json()) as Json).summary.payload
  }

  it('Should use the model’s narrative when it keeps to the facts, and give the model the facts only', async () => {
    const text = 'Asha missed her 20:00 Metformin and took no blood sugar reading. BP averaged 135/86, 5 higher than last week.'
    llm.script({ content: text })
    const summary = await summarise(DAY)
    expect(summary).toMatchObject({ generated_by: 'llm', narrative: text, headline: 'attention' })
    const [request] = llm.requests
    expect(request!.messages[0]!.content).toContain('Every number you write must appear in the facts')
    const sent = JSON.parse(String(request!.messages[1]!.content)) as Json
    expect(Object.keys(sent)).toEqual(['language', 'facts'])
    expect(sent.facts.medication.missed_doses).toEqual(EXPECTED_FACTS.medication.missed_doses)
  })

  it('Should fall back to the template when the model writes a number the facts do not have', async () => {
    llm.script({ content: 'A good day overall: BP around 140/90 and all doses taken except Metformin.' })
    const summary = await summarise(addDays(DAY, -1))
    expect(summary.generated_by).toBe('template')
    expect(summary.narrative).toBe('All doses taken, readings in range.')
  })

  it('Should fall back to the template when the model leaves out a missed medicine', async () => {
    llm.script({ content: 'Blood pressure averaged 135/86.' })
    const path = `/api/v1/patients/${patient.id}/summaries`
    const res = await t.request(path, { method: 'POST', token: patient.access_token, json: { date: DAY } })
    expect(((await res.json()) as Json).summary.payload).toMatchObject({ generated_by: 'template', narrative: EXPECTED_NARRATIVE })
  })
})

describe('a day a caregiver must read at a glance', () => {
  let t: TestApp
  const BAD = '2025-03-25'
  const clock = new TestClock(new Date(ist(BAD, '06:00')))
  let patient: Account
  let ravi: Account
  let meera: Account

  beforeAll(async () => {
    t = await createTestApp({}, { now: clock.now })
    patient = await registerUser(t, 'patient', 'Asha')
    ravi = await registerUser(t, 'caregiver', 'Ravi')
    meera = await registerUser(t, 'caregiver', 'Meera')
    await setProfile(t, patient, { timezone: TZ })
    await link(t, patient, ravi)
    await link(t, patient, meera)
    await t.request('/api/v1/auth/me/preferences', { method: 'PATCH', token: meera.access_token, json: { language: 'hi-IN' } })
    const add = async (kind: string, payload: Json, time: string) => {
      clock.set(ist(BAD, time))
      const { event } = await t.services.events.append(patient.id, { kind: kind as never, payload, source: 'api' })
      await t.services.caregiving.idle()
      return event
    }
    const med = await add('medication', { name: 'Metformin', dosage: '500 mg' }, '06:00')
    await add('med_schedule', { medication_id: med.context_id, time_of_day: '08:00' }, '06:01')
    await add('med_schedule', { medication_id: med.context_id, time_of_day: '20:00' }, '06:01')
    await add('vitals', { blood_sugar: 45 }, '07:10')
    const [low] = (await t.services.events.list(patient.id, { kinds: ['alert'] })).events
    clock.set(ist(BAD, '07:20'))
    await t.request(`/api/v1/alerts/${low!.id}/ack`, { method: 'POST', token: ravi.access_token })
    await add('med_dose', { medication_id: med.context_id, medication_name: 'Metformin', status: 'taken' }, '08:05')
    for (const [value, time] of [[72, '08:30'], [73, '12:00'], [73, '18:00']] as const) await add('vitals', { heart_rate: value }, time)
    await add('vitals', { blood_sugar: 480 }, '13:00')
    await add('vitals', { temperature: 40.6 }, '14:10')
    clock.set(ist(addDays(BAD, 1), '06:00'))
  })
  afterAll(() => t.close())

  const summarise = async (who: Account) => {
    const res = await t.request(`/api/v1/patients/${patient.id}/summaries`, { method: 'POST', token: who.access_token, json: { date: BAD } })
    expect(res.status).toBe(201)
    return ((await res.json()) as Json).summary.payload
  }

  it('Should name the reason in the headline, give ranges and extremes with times, the missed dose, who acknowledged, and what to do', async () => {
    const summary = await summarise(ravi)
    expect(summary.headline).toBe('urgent')
    const text = summaryText(summary.facts, 'en')
    expect(text.headline).toBe('Very high fever of 40.6 °C at 14:10')
    expect(summary.narrative).toBe(
      'Very high fever of 40.6 °C at 14:10. Call them now; if they do not answer or feel unwell, call 112 or 108. ' +
        'Ask them to measure their blood sugar again; if it stays like this, call their doctor today. ' +
        'Ask whether they took Metformin; a missed dose is not made up with a double one — ask their doctor or pharmacist. ' +
        'Acknowledge the alerts in Podd so others know someone is on it.',
    )
    expect(narrativeFitsFacts(summary.narrative, summary.facts)).toBe(true)
    expect(Object.fromEntries(text.lines)).toEqual({
      Doses: '1 of 2 taken; missed Metformin 500 mg at 20:00; 50% over 7 days',
      'Blood sugar':
        '45–480 mg/dL, 2 readings; lowest 45 mg/dL at 07:10 ⚠ dangerously low blood sugar, highest 480 mg/dL at 13:00 ⚠ very high blood sugar',
      Pulse: '72–73 beats/min, 3 readings; lowest 72 beats/min at 08:30, highest 73 beats/min at 18:00',
      Temperature: '40.6 °C at 14:10 ⚠ very high fever',
      Alerts:
        '07:10 emergency: Blood sugar 45 mg/dL: dangerously low blood sugar (level 2) — acknowledged by Ravi at 07:20; ' +
        '13:00 urgent: Blood sugar 480 mg/dL: very high blood sugar — not acknowledged; ' +
        '14:10 emergency: Temperature 40.6 °C: very high fever — not acknowledged',
    })
    // No average anywhere a caregiver reads: not "262.5 mg/dL", not "72.7".
    expect(JSON.stringify(text)).not.toMatch(/262\.5|72\.7/)
  })

  it('Should write the same summary in Hindi for a Hindi-speaking caregiver, with the same numbers', async () => {
    const summary = await summarise(meera)
    const text = summaryText(summary.facts, 'hi')
    expect(text.headline).toBe('बहुत तेज़ बुखार: 40.6 °C, 14:10 बजे')
    expect(summary.narrative.startsWith('बहुत तेज़ बुखार: 40.6 °C, 14:10 बजे। उन्हें अभी फ़ोन करें;')).toBe(true)
    expect(narrativeFitsFacts(summary.narrative, summary.facts)).toBe(true)
    const lines = Object.fromEntries(text.lines)
    expect(lines['दवा']).toBe('2 में से 1 ली गईं; छूटी Metformin 500 mg (20:00); 7 दिन में 50%')
    expect(lines['शुगर']).toContain('सबसे कम 45 mg/dL (07:10) ⚠ ख़तरनाक रूप से कम शुगर')
    expect(lines['अलर्ट']).toContain('Ravi ने 07:20 बजे देखा')
  })
})
