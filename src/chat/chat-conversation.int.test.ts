import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, registerUser, type TestApp } from '../../test/helpers.js'

type Json = Record<string, any>

/**
 * The classes of issue 12 as a real patient meets them, over POST /api/v1/chat on the offline
 * model with real stores: each test is one patient and one thread, and checks what the record
 * holds afterwards, not only what the reply says.
 */
describe('conversation classes over POST /api/v1/chat', () => {
  let t: TestApp
  // The service's clock: Wednesday 11 June 2025, set per test (IST is UTC+5:30).
  let now = new Date('2025-06-11T14:00:00Z')

  beforeAll(async () => {
    t = await createTestApp({}, { now: () => now })
  })
  afterAll(() => t.close())

  async function patient(medicines: Record<string, string[]> = {}) {
    const p = await registerUser(t)
    for (const [name, times] of Object.entries(medicines)) {
      const { event } = await t.services.events.append(p.id, { kind: 'medication', payload: { name }, source: 'api', occurred_at: '2025-05-01T00:00:00Z' })
      for (const time_of_day of times) {
        await t.services.events.append(p.id, { kind: 'med_schedule', payload: { medication_id: event.context_id, time_of_day }, source: 'api', occurred_at: '2025-05-01T00:00:00Z' })
      }
    }
    let thread: string | undefined
    const say = async (message: string): Promise<Json> => {
      const res = await t.request('/api/v1/chat', { method: 'POST', json: { message, thread_id: thread }, token: p.access_token })
      expect(res.status).toBe(200)
      const body = (await res.json()) as Json
      thread = body.thread_id
      return body
    }
    const record = async (kind: string) => (await t.services.events.list(p.id, { kinds: [kind as never] })).events
    return { ...p, say, record }
  }

  it('Should correct the reading just logged in the thread, never logging a second copy', async () => {
    now = new Date('2025-06-11T03:00:00Z')
    const p = await patient()
    const first = await p.say('fasting sugar 150')
    expect(first.events).toHaveLength(1)
    const fix = await p.say('no, make that 140')
    expect(fix.events).toHaveLength(1)
    expect(fix.reply).toMatch(/140/)
    const readings = await p.record('vitals')
    expect(readings.map((e) => e.payload)).toEqual([expect.objectContaining({ blood_sugar: 140, blood_sugar_context: 'fasting' })])
    expect(readings[0]!.context_id).toBe(first.events[0].context_id)
  })

  it('Should mark the overdue 8 am dose when metformin is taken at 4:23 pm, never the 8 pm one ahead', async () => {
    now = new Date('2025-06-11T10:53:00Z') // 4:23 pm in Kolkata
    const p = await patient({ Metformin: ['08:00', '20:00'] })
    const body = await p.say('took metformin, half tablet')
    expect(body.events).toEqual([expect.objectContaining({ kind: 'med_dose', payload: expect.objectContaining({ medication_name: 'Metformin', status: 'taken', dosage: 'half tablet' }) })])
    expect(new Date(body.events[0].payload.scheduled_for).toISOString()).toBe('2025-06-11T02:30:00.000Z')
  })

  it('Should set a medicine up with its strength and both times from one sentence', async () => {
    now = new Date('2025-06-11T14:00:00Z')
    const p = await patient()
    const body = await p.say('I take metformin 500 mg twice a day, at 8 am and 8 pm after food')
    const [medicine] = await p.record('medication')
    expect(medicine!.payload).toMatchObject({ name: 'Metformin', dosage: '500 mg', instructions: 'after food' })
    expect((await p.record('med_schedule')).map((e) => e.payload.time_of_day).sort()).toEqual(['08:00', '20:00'])
    expect(body.reply).toMatch(/8:00 am/)
  })

  it('Should read "sugar 45 minutes after lunch was 160" as 160 after a meal, with no alarm', async () => {
    const p = await patient()
    const body = await p.say('sugar 45 minutes after lunch was 160')
    expect(body).toMatchObject({ emergency: false, events: [expect.objectContaining({ kind: 'vitals', payload: { blood_sugar: 160, blood_sugar_context: 'after_meal' } })] })
    expect(body.reply).not.toMatch(/fast sugar|112/)
    expect(await p.record('alert')).toEqual([])
  })

  it('Should answer a history question from the record with its numbers, and a follow-up about the day before', async () => {
    now = new Date('2025-06-11T14:00:00Z')
    const p = await patient()
    for (const [day, sys, dia] of [['2025-06-09', 142, 90], ['2025-06-10', 138, 88]] as const) {
      await t.services.events.append(p.id, { kind: 'vitals', payload: { blood_pressure_systolic: sys, blood_pressure_diastolic: dia }, source: 'api', occurred_at: `${day}T02:30:00Z` })
    }
    const average = await p.say('what was my average BP this week?')
    expect(average).toMatchObject({ routes: ['vitals'], events: [] })
    expect(average.reply).toMatch(/140\/89/)
    const yesterday = await p.say('what was my BP yesterday?')
    expect(yesterday.reply).toMatch(/138\/88/)
    const before = await p.say('and the day before?')
    expect(before).toMatchObject({ routes: ['vitals'], events: [] })
    expect(before.reply).toMatch(/142\/90/)
    // Another person's data is asked for by leaning on the same question: declined.
    const father = await p.say("and my father's? he uses Podd too")
    expect(father.events).toEqual([])
    expect(father.reply).toMatch(/only show you your own/)
  })

  it("Should write nothing for someone else's reading, a question or a hypothetical", async () => {
    const p = await patient()
    for (const message of ["my wife's BP is 150/90", 'log for my mother: 180/110', 'can I have one gulab jamun?', 'if someone took two extra metformin what happens?']) {
      const body = await p.say(message)
      expect(body.events, message).toEqual([])
    }
    expect(await t.services.events.list(p.id, { kinds: ['vitals', 'food', 'med_dose'] })).toMatchObject({ events: [] })
  })

  it('Should answer a Hindi message in Hindi, in the script it was written in', async () => {
    const p = await patient()
    const latin = await p.say('aaj subah khali pet sugar 140 thi')
    expect(latin.events).toEqual([expect.objectContaining({ payload: { blood_sugar: 140, blood_sugar_context: 'fasting' } })])
    expect(latin.reply).toMatch(/darj|Darj/)
    const q = await patient()
    const devanagari = await q.say('मेरा बीपी 150/95 है')
    expect(devanagari.events).toEqual([expect.objectContaining({ payload: { blood_pressure_systolic: 150, blood_pressure_diastolic: 95 } })])
    expect(devanagari.reply).toMatch(/[\u0900-\u097F]/)
    expect(devanagari.reply).not.toMatch(/Logged/)
  })

  it('Should let a new intent leave a pending question', async () => {
    const p = await patient()
    const asked = await p.say('sugar check kiya')
    expect(asked).toMatchObject({ routes: ['vitals'], events: [] })
    expect(asked.reply).toMatch(/\?/)
    const meal = await p.say('had 2 roti and dal for lunch')
    expect(meal.routes).toEqual(['food'])
    expect(meal.events).toEqual([expect.objectContaining({ kind: 'food', payload: expect.objectContaining({ meal_type: 'lunch' }) })])
    // And an answer to it still answers it.
    const q = await patient()
    await q.say('sugar check kiya')
    const answer = await q.say('160 tha khana khane ke baad')
    expect(answer.events).toEqual([expect.objectContaining({ kind: 'vitals', payload: { blood_sugar: 160, blood_sugar_context: 'after_meal' } })])
  })

  it('Should answer an emergency in Devanagari with the fixed Hindi text and an emergency alert', async () => {
    const p = await patient()
    const body = await p.say('मुझे अब जीने का मन नहीं करता')
    expect(body).toMatchObject({ emergency: true, routes: [] })
    expect(body.reply).toMatch(/14416/)
    expect(body.reply).toMatch(/[\u0900-\u097F]/)
    expect((await p.record('alert')).map((e) => e.payload)).toEqual([expect.objectContaining({ tier: 'emergency' })])
  })

  it('Should answer a general health question briefly from the curated set, with its source', async () => {
    const p = await patient()
    const water = await p.say('how much water should I drink in a day?')
    expect(water).toMatchObject({ routes: ['general'], events: [] })
    expect(water.reply).toMatch(/glasses/)
    expect(water.reply).toMatch(/\(Source: NHS\)/)
    expect(water.reply.length).toBeLessThan(500)
    expect(water.reply).not.toMatch(/offline model/)
    const metformin = await p.say('what is metformin used for?')
    expect(metformin.reply).toMatch(/diabetes/)
    expect(metformin.reply).toMatch(/don't stop or change it/)
  })

  it("Should say don't stop a medicine without the doctor, and note the reason as a symptom", async () => {
    const p = await patient()
    for (const message of ['I want to stop my amlodipine, it makes my ankles swell', 'अम्लोडिपिन से टखने सूज जाते हैं, बंद कर दूँ?']) {
      const body = await p.say(message)
      expect(body.reply, message).toMatch(/doctor|डॉक्टर/)
      expect(body.events.map((e: Json) => [e.kind, e.payload.name]), message).toEqual([['symptom', 'swelling']])
    }
    expect(await p.record('med_dose')).toEqual([])
  })
})
