import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventEngines } from '../test/event-engines.js'
import type { EventKind } from './event-kinds.js'
import { EventConflictError, EventNotFoundError, EventStore, type HealthEventStore, InvalidCursorError } from './event-store.js'
import { InMemoryEventStore } from './in-memory-event-store.js'
import { EventValidationError } from './normalize-payload.js'
import { UnfilterableFieldError } from './event-lookup-tags.js'
import { ephemeralPatientKeys } from './encryption/patient-keys.js'

const MED_ID = 'medication:01a1ffaf-43b2-7000-8a56-c10473a73a91'
let userSeq = 0
const newUser = () => `user-${process.pid}-${userSeq++}`

/** One valid and one invalid payload for every kind. */
const KIND_CASES: Record<EventKind, { good: unknown; bad: unknown; badPath: string }> = {
  profile: { good: { date_of_birth: '1950-04-02', timezone: 'Asia/Kolkata', allergies: ['penicillin'] }, bad: { timezone: 'Mars/Olympus' }, badPath: 'payload.timezone' },
  vitals: { good: { heart_rate: 72 }, bad: { heart_rate: 'fast' }, badPath: 'payload.heart_rate' },
  food: { good: { description: 'idli and sambar', items: [{ name: 'idli', quantity: 3 }], meal_type: 'breakfast' }, bad: { description: '' }, badPath: 'payload.description' },
  water: { good: { amount_ml: 250 }, bad: { amount_ml: -5 }, badPath: 'payload.amount_ml' },
  medication: { good: { name: 'Metformin', dosage: '500 mg', frequency: 'twice daily' }, bad: { dosage: '5 mg' }, badPath: 'payload.name' },
  med_schedule: { good: { medication_id: MED_ID, time_of_day: '21:00' }, bad: { medication_id: MED_ID, time_of_day: '9pm' }, badPath: 'payload.time_of_day' },
  med_dose: { good: { medication_name: 'Metformin', status: 'taken' }, bad: { medication_name: 'Metformin', status: 'eaten' }, badPath: 'payload.status' },
  sleep: { good: { duration_hours: 7, quality: 'good' }, bad: { duration_hours: 30 }, badPath: 'payload.duration_hours' },
  exercise: { good: { activity: 'walk', duration_minutes: 30 }, bad: { activity: 'walk', intensity: 'extreme' }, badPath: 'payload.intensity' },
  mood: { good: { mood: 'good', notes: 'felt cheerful' }, bad: { mood: 'ecstatic' }, badPath: 'payload.mood' },
  symptom: { good: { name: 'knee pain', severity: 'mild' }, bad: { name: 'knee pain', severity: 'agonising' }, badPath: 'payload.severity' },
  appointment: { good: { title: 'Cardiology review', scheduled_for: '2026-12-01T10:00:00+05:30' }, bad: { title: 'Review', scheduled_for: 'next tuesday' }, badPath: 'payload.scheduled_for' },
  emergency_contact: { good: { name: 'Ravi', phone: '+91 98450 12345' }, bad: { name: 'Ravi', phone: 'call me' }, badPath: 'payload.phone' },
  alarm: { good: { label: 'Evening tablets', time_of_day: '21:00' }, bad: { label: 'x', time_of_day: '25:00' }, badPath: 'payload.time_of_day' },
  notification: { good: { channel: 'email', title: 'Summary', body: 'All fine', status: 'sent' }, bad: { channel: 'pigeon', title: 'x', body: 'y', status: 'sent' }, badPath: 'payload.channel' },
  chat: { good: { role: 'user', text: 'hello', thread_id: 't1' }, bad: { role: 'system', text: 'x', thread_id: 't1' }, badPath: 'payload.role' },
  alert: { good: { tier: 'urgent', condition: 'bp_crisis', title: 'BP 190/125', message: 'Re-measure' }, bad: { tier: 'meh', condition: 'x', title: 'x', message: 'y' }, badPath: 'payload.tier' },
  summary: { good: { date: '2026-11-20', headline: 'ok', narrative: 'A calm day.', facts: {}, generated_by: 'template' }, bad: { date: '20/11/2026', headline: 'ok', narrative: 'x', facts: {}, generated_by: 'template' }, badPath: 'payload.date' },
}

async function rejects(p: Promise<unknown>): Promise<EventValidationError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(EventValidationError)
  return err as EventValidationError
}

/** One contract for the SQL store on every engine and for its in-memory twin. */
const STORES: { name: string; open(): Promise<{ store: HealthEventStore; close(): Promise<void> }> }[] = [
  ...eventEngines().map((engine) => ({
    name: engine.name,
    async open() {
      const handle = await engine.open()
      return { store: new EventStore(handle.db, ephemeralPatientKeys()), close: () => handle.close() }
    },
  })),
  { name: 'memory', open: async () => ({ store: new InMemoryEventStore(), close: async () => {} }) },
]

describe.each(STORES)('event store on $name', (engine) => {
  let opened: { store: HealthEventStore; close(): Promise<void> } | undefined
  let store: HealthEventStore

  beforeAll(async () => {
    opened = await engine.open()
    store = opened.store
  })
  afterAll(() => opened?.close())

  describe('kinds', () => {
    it.each(Object.entries(KIND_CASES))('Should accept a valid %s payload and reject an invalid one', async (kind, c) => {
      const user = newUser()
      const { event, created } = await store.append(user, { kind: kind as EventKind, payload: c.good, source: 'api' })
      expect(created).toBe(true)
      expect(event.kind).toBe(kind)
      expect(event.context_id).toBe(`${kind}:${event.id}`)
      expect(event.user_id).toBe(user)
      const err = await rejects(store.append(user, { kind: kind as EventKind, payload: c.bad, source: 'api' }))
      expect(err.issues.map((i) => i.path)).toContain(c.badPath)
      expect((await store.list(user)).events).toHaveLength(1)
    })

    it('Should reject unknown payload fields and non-object payloads', async () => {
      const user = newUser()
      await rejects(store.append(user, { kind: 'water', payload: { amount_ml: 200, user_id: 'someone-else' }, source: 'api' }))
      await rejects(store.append(user, { kind: 'water', payload: [1, 2], source: 'api' }))
      await rejects(store.append(user, { kind: 'vitals', payload: {}, source: 'api' }))
    })

    it('Should mark facts and actions', async () => {
      const user = newUser()
      const fact = await store.append(user, { kind: 'water', payload: { amount_ml: 200 }, source: 'api' })
      const action = await store.append(user, { kind: 'med_schedule', payload: { medication_id: MED_ID, time_of_day: '08:00' }, source: 'api' })
      expect(fact.event.event_kind).toBe('fact')
      expect(action.event.event_kind).toBe('action')
      expect(action.event.payload).toMatchObject({ days_of_week: ['1', '2', '3', '4', '5', '6', '7'], active: true })
    })
  })

  describe('units', () => {
    it('Should store °F as °C and keep what the patient said', async () => {
      const { event } = await store.append(newUser(), {
        kind: 'vitals',
        payload: { temperature: 101.3, units: { temperature: '°F' } },
        source: 'api',
      })
      expect(event.payload).toMatchObject({ temperature: 38.5, reported: { temperature: { value: 101.3, unit: '°F' } } })
    })

    it('Should read a unitless 86–113 temperature as °F', async () => {
      const { event } = await store.append(newUser(), { kind: 'vitals', payload: { temperature: 100 }, source: 'chat' })
      expect(event.payload.temperature).toBe(37.8)
    })

    it('Should store pounds as kilograms and mmol/L as mg/dL', async () => {
      const { event } = await store.append(newUser(), {
        kind: 'vitals',
        payload: { weight_kg: 154, blood_sugar: 7.2, blood_sugar_context: 'fasting', units: { weight_kg: 'lbs', blood_sugar: 'mmol/L' } },
        source: 'api',
      })
      expect(event.payload).toMatchObject({
        weight_kg: 69.9,
        blood_sugar: 130,
        reported: { weight_kg: { value: 154, unit: 'lb' }, blood_sugar: { value: 7.2, unit: 'mmol/L' } },
      })
    })

    it('Should store glasses of water in millilitres and reject an unknown unit', async () => {
      const user = newUser()
      const { event } = await store.append(user, { kind: 'water', payload: { amount: 2, unit: 'glasses' }, source: 'api' })
      expect(event.payload.amount_ml).toBe(500)
      await rejects(store.append(user, { kind: 'water', payload: { amount: 2, unit: 'buckets' }, source: 'api' }))
      await rejects(store.append(user, { kind: 'vitals', payload: { temperature: 38, units: { temperature: 'kelvin' } }, source: 'api' }))
    })
  })

  describe('plausibility', () => {
    it.each([
      [{ blood_pressure_systolic: 40, blood_pressure_diastolic: 30 }, 'payload.blood_pressure_systolic'],
      [{ blood_pressure_systolic: 320, blood_pressure_diastolic: 100 }, 'payload.blood_pressure_systolic'],
      [{ blood_pressure_systolic: 120, blood_pressure_diastolic: 130 }, 'payload.blood_pressure_diastolic'],
      [{ blood_pressure_systolic: 120 }, 'payload.blood_pressure_diastolic'],
      [{ spo2: 101 }, 'payload.spo2'],
      [{ temperature: 20 }, 'payload.temperature'],
      [{ temperature: 120, units: { temperature: 'F' } }, 'payload.temperature'],
      [{ heart_rate: 300 }, 'payload.heart_rate'],
      [{ blood_sugar: 900 }, 'payload.blood_sugar'],
    ])('Should reject %j', async (payload, path) => {
      const err = await rejects(store.append(newUser(), { kind: 'vitals', payload, source: 'api' }))
      expect(err.issues.map((i) => i.path)).toContain(path)
    })

    it('Should reject an occurred_at more than five minutes in the future but accept a little drift', async () => {
      const user = newUser()
      const err = await rejects(
        store.append(user, { kind: 'water', payload: { amount_ml: 100 }, source: 'api', occurred_at: new Date(Date.now() + 10 * 60_000) }),
      )
      expect(err.issues[0]!.path).toBe('occurred_at')
      const ok = await store.append(user, { kind: 'water', payload: { amount_ml: 100 }, source: 'api', occurred_at: new Date(Date.now() + 60_000) })
      expect(ok.created).toBe(true)
    })
  })

  describe('clinical flags', () => {
    const flagsOf = async (payload: Record<string, unknown>) =>
      (await store.append(newUser(), { kind: 'vitals', payload, source: 'api' })).event.flags!

    it('Should classify blood pressure by AHA category, crisis needing a re-check', async () => {
      expect((await flagsOf({ blood_pressure_systolic: 118, blood_pressure_diastolic: 76 })).blood_pressure?.category).toBe('normal')
      expect((await flagsOf({ blood_pressure_systolic: 124, blood_pressure_diastolic: 78 })).blood_pressure?.category).toBe('elevated')
      expect((await flagsOf({ blood_pressure_systolic: 132, blood_pressure_diastolic: 78 })).blood_pressure?.category).toBe('stage_1')
      expect((await flagsOf({ blood_pressure_systolic: 128, blood_pressure_diastolic: 92 })).blood_pressure?.category).toBe('stage_2')
      const crisis = await flagsOf({ blood_pressure_systolic: 150, blood_pressure_diastolic: 125 })
      expect(crisis.blood_pressure?.category).toBe('crisis')
      expect(crisis.severity).toBe('urgent')
      expect(crisis.needs_recheck).toBe(true)
      expect((await flagsOf({ blood_pressure_systolic: 85, blood_pressure_diastolic: 55 })).blood_pressure?.category).toBe('hypotension')
    })

    it('Should classify glucose levels', async () => {
      expect((await flagsOf({ blood_sugar: 50 })).blood_sugar).toMatchObject({ category: 'level_2_low', severity: 'critical' })
      expect((await flagsOf({ blood_sugar: 65 })).blood_sugar?.category).toBe('level_1_low')
      expect((await flagsOf({ blood_sugar: 110, blood_sugar_context: 'fasting' })).blood_sugar?.category).toBe('normal')
      expect((await flagsOf({ blood_sugar: 150, blood_sugar_context: 'fasting' })).blood_sugar?.category).toBe('above_target')
      expect((await flagsOf({ blood_sugar: 260 })).blood_sugar?.category).toBe('high')
      expect((await flagsOf({ blood_sugar: 320 })).blood_sugar).toMatchObject({ category: 'very_high', severity: 'urgent' })
    })

    it('Should classify fever, oxygen and pulse', async () => {
      expect((await flagsOf({ temperature: 38.0 })).temperature?.category).toBe('fever')
      expect((await flagsOf({ temperature: 37.9 })).temperature?.category).toBe('normal')
      expect((await flagsOf({ spo2: 91 })).spo2?.category).toBe('low')
      expect((await flagsOf({ spo2: 89 })).spo2).toMatchObject({ category: 'critical', severity: 'critical' })
      expect((await flagsOf({ heart_rate: 38 })).heart_rate?.category).toBe('very_low')
      expect((await flagsOf({ heart_rate: 135 })).heart_rate?.category).toBe('very_high')
      expect((await flagsOf({ heart_rate: 72 })).severity).toBe('normal')
    })
  })

  describe('idempotency', () => {
    it('Should write one event for 20 concurrent identical appends', async () => {
      const user = newUser()
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          store.append(user, { kind: 'food', payload: { description: 'poha' }, source: 'api', idempotency_key: 'tool-call-1' }),
        ),
      )
      expect(new Set(results.map((r) => r.event.id)).size).toBe(1)
      expect(results.filter((r) => r.created)).toHaveLength(1)
      expect((await store.list(user)).events).toHaveLength(1)
    })

    it('Should fail only the bad row when concurrent appends share a batch', async () => {
      const user = newUser()
      const results = await Promise.allSettled([
        store.append(user, { kind: 'water', payload: { amount_ml: 100 }, source: 'api' }),
        // A source the database refuses, as a bug elsewhere might send.
        store.append(user, { kind: 'water', payload: { amount_ml: 200 }, source: 'carrier-pigeon' as never }),
        store.append(user, { kind: 'water', payload: { amount_ml: 300 }, source: 'api' }),
      ])
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
      expect((await store.list(user)).events.map((e) => e.payload.amount_ml).sort()).toEqual([100, 300])
    })

    it('Should refuse the same key for a different event, and scope keys per patient', async () => {
      const user = newUser()
      await store.append(user, { kind: 'water', payload: { amount_ml: 250 }, source: 'api', idempotency_key: 'k' })
      await expect(
        store.append(user, { kind: 'water', payload: { amount_ml: 500 }, source: 'api', idempotency_key: 'k' }),
      ).rejects.toBeInstanceOf(EventConflictError)
      const other = await store.append(newUser(), { kind: 'water', payload: { amount_ml: 500 }, source: 'api', idempotency_key: 'k' })
      expect(other.created).toBe(true)
    })
  })

  describe('corrections and removals', () => {
    it('Should show only the correction, keep the context id, and keep history', async () => {
      const user = newUser()
      const { event: first } = await store.append(user, { kind: 'vitals', payload: { blood_sugar: 250 }, source: 'chat' })
      const fixed = await store.correct(user, first.id, { payload: { blood_sugar: 150 }, source: 'api' })
      expect(fixed.supersedes).toBe(first.id)
      expect(fixed.context_id).toBe(first.context_id)
      expect(fixed.occurred_at).toBe(first.occurred_at)
      expect(fixed.flags?.blood_sugar?.category).toBe('normal')
      const { events } = await store.list(user)
      expect(events.map((e) => e.id)).toEqual([fixed.id])
      expect(await store.get(user, first.id)).toBeUndefined()
      const history = await store.history(user, first.context_id)
      expect(history.map((h) => h.id)).toEqual([first.id, fixed.id])
    })

    it('Should refuse to correct an already corrected version, naming the current one', async () => {
      const user = newUser()
      const { event } = await store.append(user, { kind: 'water', payload: { amount_ml: 100 }, source: 'api' })
      const fixed = await store.correct(user, event.id, { payload: { amount_ml: 200 }, source: 'api' })
      await expect(store.correct(user, event.id, { payload: { amount_ml: 300 }, source: 'api' })).rejects.toThrow(fixed.id)
    })

    it('Should let only one of two concurrent corrections win', async () => {
      const user = newUser()
      const { event } = await store.append(user, { kind: 'water', payload: { amount_ml: 100 }, source: 'api' })
      const results = await Promise.allSettled([
        store.correct(user, event.id, { payload: { amount_ml: 200 }, source: 'api' }),
        store.correct(user, event.id, { payload: { amount_ml: 300 }, source: 'api' }),
      ])
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      expect((await store.list(user)).events).toHaveLength(1)
    })

    it('Should hide a removed event and keep its tombstone in history', async () => {
      const user = newUser()
      const { event } = await store.append(user, { kind: 'symptom', payload: { name: 'headache' }, source: 'api' })
      await store.remove(user, event.id, { source: 'api' })
      expect((await store.list(user)).events).toHaveLength(0)
      await expect(store.remove(user, event.id, { source: 'api' })).rejects.toBeInstanceOf(EventNotFoundError)
      await expect(store.correct(user, event.id, { payload: { name: 'x' }, source: 'api' })).rejects.toBeInstanceOf(EventNotFoundError)
      const history = await store.history(user, event.context_id)
      expect(history.map((h) => h.tombstone)).toEqual([false, true])
    })

    it('Should validate a correction like an append', async () => {
      const user = newUser()
      const { event } = await store.append(user, { kind: 'vitals', payload: { spo2: 97 }, source: 'api' })
      await rejects(store.correct(user, event.id, { payload: { spo2: 140 }, source: 'api' }))
      expect((await store.get(user, event.id))?.payload.spo2).toBe(97)
    })
  })

  describe('isolation', () => {
    it("Should never read, correct or remove another patient's event", async () => {
      const alice = newUser()
      const bob = newUser()
      const { event } = await store.append(alice, { kind: 'mood', payload: { mood: 'good' }, source: 'api' })
      expect(await store.get(bob, event.id)).toBeUndefined()
      expect((await store.list(bob)).events).toHaveLength(0)
      await expect(store.correct(bob, event.id, { payload: { mood: 'bad' }, source: 'api' })).rejects.toBeInstanceOf(EventNotFoundError)
      await expect(store.remove(bob, event.id, { source: 'api' })).rejects.toBeInstanceOf(EventNotFoundError)
      expect(await store.history(bob, event.context_id)).toEqual([])
      expect((await store.get(alice, event.id))?.payload.mood).toBe('good')
    })

    it('Should read several current events at once, leaving out others and replaced ones', async () => {
      const alice = newUser()
      const a = (await store.append(alice, { kind: 'water', payload: { amount_ml: 100 }, source: 'api' })).event
      const b = (await store.append(alice, { kind: 'water', payload: { amount_ml: 200 }, source: 'api' })).event
      const theirs = (await store.append(newUser(), { kind: 'water', payload: { amount_ml: 300 }, source: 'api' })).event
      const fixed = await store.correct(alice, b.id, { payload: { amount_ml: 250 }, source: 'api' })
      const got = await store.getMany(alice, [a.id, b.id, fixed.id, theirs.id, 'junk'])
      expect(got.map((e) => e.id).sort()).toEqual([a.id, fixed.id].sort())
    })

    it('Should answer not found for ids that are not uuids', async () => {
      expect(await store.get(newUser(), 'not-a-uuid')).toBeUndefined()
    })
  })

  describe('listing', () => {
    it('Should filter by kind and by a half-open time range', async () => {
      const user = newUser()
      const at = (h: number) => new Date(Date.UTC(2026, 10, 1, h)).toISOString()
      for (const h of [1, 2, 3, 4]) await store.append(user, { kind: 'water', payload: { amount_ml: 100 * h }, occurred_at: at(h), source: 'api' })
      await store.append(user, { kind: 'mood', payload: { mood: 'good' }, occurred_at: at(2), source: 'api' })
      const page = await store.list(user, { kinds: ['water'], from: at(2), to: at(4) })
      expect(page.events.map((e) => e.payload.amount_ml)).toEqual([300, 200])
      expect((await store.list(user, { kinds: ['water', 'mood'] })).events).toHaveLength(5)
    })

    it('Should page by cursor without gaps or repeats while appends continue', async () => {
      const user = newUser()
      const base = Date.now() - 3_600_000
      for (let i = 0; i < 25; i++) {
        await store.append(user, { kind: 'water', payload: { amount_ml: 10 + i }, occurred_at: new Date(base + i * 1000), source: 'api' })
      }
      const seen: number[] = []
      let cursor: string | undefined
      let extra = 0
      do {
        const page = await store.list(user, { limit: 7, cursor })
        seen.push(...page.events.map((e) => e.payload.amount_ml as number))
        // New readings arrive between pages, some newer and some back-dated into unread territory.
        await store.append(user, { kind: 'water', payload: { amount_ml: 1000 + extra++ }, source: 'api' })
        cursor = page.next_cursor ?? undefined
      } while (cursor)
      const original = seen.filter((v) => v < 1000)
      expect(original).toEqual(Array.from({ length: 25 }, (_, i) => 34 - i))
      expect(new Set(seen).size).toBe(seen.length)
    })

    it('Should cap the page at 500 and refuse a forged cursor', async () => {
      const user = newUser()
      expect((await store.list(user, { limit: 10_000 })).events).toHaveLength(0)
      await expect(store.list(user, { cursor: 'bm90LWEtY3Vyc29y' })).rejects.toBeInstanceOf(InvalidCursorError)
    })

    it('Should scan a range oldest first across pages', async () => {
      const user = newUser()
      const base = Date.now() - 86_400_000
      for (let i = 0; i < 12; i++) await store.append(user, { kind: 'water', payload: { amount_ml: i + 1 }, occurred_at: new Date(base + i), source: 'api' })
      const all = await store.scan(user, { kinds: ['water'] })
      expect(all.map((e) => e.payload.amount_ml)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    })
  })

  it('Should tell listeners about committed appends once', async () => {
    const user = newUser()
    const seen: string[] = []
    const off = store.onAppend((e) => void (e.user_id === user && seen.push(e.kind)))
    await store.append(user, { kind: 'water', payload: { amount_ml: 100 }, source: 'api', idempotency_key: 'once' })
    await store.append(user, { kind: 'water', payload: { amount_ml: 100 }, source: 'api', idempotency_key: 'once' })
    await new Promise((r) => setTimeout(r, 10))
    off()
    expect(seen).toEqual(['water'])
  })

  it('Should tell removal listeners which version was removed, and append listeners about corrections', async () => {
    const user = newUser()
    const appended: string[] = []
    const removed: string[] = []
    const offAppend = store.onAppend((e) => void (e.user_id === user && appended.push(e.id)))
    const offRemove = store.onRemove((e) => void (e.user_id === user && removed.push(e.id)))
    const { event } = await store.append(user, { kind: 'symptom', payload: { name: 'knee pain' }, source: 'api' })
    const corrected = await store.correct(user, event.id, { payload: { name: 'left knee pain' }, source: 'api' })
    await store.remove(user, corrected.id, { source: 'api' })
    await new Promise((r) => setTimeout(r, 10))
    offAppend()
    offRemove()
    expect(appended).toEqual([event.id, corrected.id])
    expect(removed).toEqual([corrected.id])
  })

  describe('payload filters', () => {
    it('Should find events by the fields queries filter on, follow corrections and refuse other fields', async () => {
      const user = newUser()
      const chat = (thread_id: string, text: string) => store.append(user, { kind: 'chat', payload: { role: 'user', text, thread_id }, source: 'chat' })
      await chat('t-1', 'first')
      await chat('t-2', 'second')
      await chat('t-1', 'third')
      const inThread = await store.list(user, { kinds: ['chat'], payloadEquals: { thread_id: 't-1' }, order: 'asc' })
      expect(inThread.events.map((e) => e.payload.text)).toEqual(['first', 'third'])

      const summary = (date: string, caregiver_id: string) =>
        store.append(user, { kind: 'summary', payload: { date, caregiver_id, headline: 'ok', narrative: 'calm', facts: {}, generated_by: 'template' }, source: 'system' })
      const mine = await summary('2026-11-20', 'cg-1')
      await summary('2026-11-20', 'cg-2')
      await summary('2026-11-21', 'cg-1')
      const found = await store.list(user, { kinds: ['summary'], payloadEquals: { date: '2026-11-20', caregiver_id: 'cg-1' } })
      expect(found.events.map((e) => e.id)).toEqual([mine.event.id])
      // A correction is found by its new values, not its old ones.
      const moved = await store.correct(user, mine.event.id, { payload: { ...mine.event.payload, date: '2026-11-19' }, source: 'system' })
      expect((await store.list(user, { kinds: ['summary'], payloadEquals: { date: '2026-11-19' } })).events.map((e) => e.id)).toEqual([moved.id])
      expect((await store.list(user, { kinds: ['summary'], payloadEquals: { date: '2026-11-20', caregiver_id: 'cg-1' } })).events).toEqual([])
      // Another patient's equal values are not theirs.
      expect((await store.list(newUser(), { kinds: ['chat'], payloadEquals: { thread_id: 't-1' } })).events).toEqual([])
      await expect(store.list(user, { kinds: ['chat'], payloadEquals: { text: 'first' } })).rejects.toThrow(UnfilterableFieldError)
    })
  })
})
