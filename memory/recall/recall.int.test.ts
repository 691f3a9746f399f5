import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventEngines } from '../../test/event-engines.js'
import type { EventDbHandle } from '../event-db.js'
import { EventStore } from '../event-store.js'
import type { Embedder } from './embedder.js'
import { HashedNgramEmbedder } from './hashed-ngram-embedder.js'
import { LocalVectorIndex } from './local-vector-index.js'
import { RecallService } from './recall-service.js'
import { userSays } from './recall-test-helpers.js'
import { ephemeralPatientKeys } from '../encryption/patient-keys.js'

let userSeq = 0
const newUser = () => `recall-${process.pid}-${userSeq++}`
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000)

describe.each(eventEngines())('recall with the local index on $name', (engine) => {
  let handle: EventDbHandle
  let store: EventStore
  let recall: RecallService

  beforeAll(async () => {
    handle = await engine.open()
    store = new EventStore(handle.db, ephemeralPatientKeys())
    recall = new RecallService(store, new LocalVectorIndex(handle.db, store.keys), new HashedNgramEmbedder(), { retryDelaysMs: [] })
    recall.start()
  })
  afterAll(async () => {
    await recall?.close()
    await handle?.close()
  })

  const say = (user: string, text: string, occurred_at?: Date) => userSays(store, user, text, occurred_at)

  it('Should find what the patient said once it is indexed, with the current event and its words', async () => {
    const user = newUser()
    const { event } = await store.append(user, {
      kind: 'appointment',
      payload: { title: 'Cardiology review', doctor: 'Dr Rao', scheduled_for: '2026-11-12T10:00:00+05:30', notes: 'cut salt to 5 g a day' },
      occurred_at: daysAgo(3),
      source: 'api',
    })
    await say(user, 'had idli for breakfast')
    await recall.whenIdle()
    const results = await recall.search(user, { query: 'What did the doctor say about salt?' })
    expect(results[0]?.event).toEqual(event)
    expect(results[0]?.snippet).toBe('Cardiology review with Dr Rao: cut salt to 5 g a day')
    expect(results[0]?.score).toBeGreaterThan(0.2)
    expect(results.map((r) => r.event.id)).not.toContain(undefined)
  })

  it("Should index the patient's words but not Podd's replies nor events without words", async () => {
    const user = newUser()
    await store.append(user, { kind: 'chat', payload: { role: 'assistant', text: 'Noted your knee pain', thread_id: 't1' }, source: 'chat' })
    await store.append(user, { kind: 'vitals', payload: { heart_rate: 72 }, source: 'api' })
    await store.append(user, { kind: 'water', payload: { amount_ml: 250 }, source: 'api' })
    await say(user, 'my knee hurts when I climb stairs')
    await recall.whenIdle()
    const results = await recall.search(user, { query: 'knee pain' })
    expect(results.map((r) => r.snippet)).toEqual(['my knee hurts when I climb stairs'])
  })

  it('Should replace a corrected memory and drop a removed one', async () => {
    const user = newUser()
    const { event } = await store.append(user, { kind: 'symptom', payload: { name: 'knee pain', notes: 'after the temple stairs' }, source: 'api' })
    await recall.whenIdle()
    const corrected = await store.correct(user, event.id, { payload: { name: 'ankle pain', notes: 'after the temple stairs' }, source: 'api' })
    await recall.whenIdle()
    const afterCorrection = await recall.search(user, { query: 'stairs' })
    expect(afterCorrection.map((r) => r.event.id)).toEqual([corrected.id])
    expect(afterCorrection[0]?.snippet).toContain('ankle pain')
    expect(await recall.search(user, { query: 'knee' })).toEqual([])

    await store.remove(user, corrected.id, { source: 'api' })
    await recall.whenIdle()
    expect(await recall.search(user, { query: 'stairs' })).toEqual([])
    const rows = await handle.db.selectFrom('recall_vectors' as never).selectAll().where('user_id' as never, '=', user as never).execute()
    expect(rows).toHaveLength(0)
  })

  it("Should never return another patient's memory", async () => {
    const [asha, ravi] = [newUser(), newUser()]
    await say(asha, 'Dr Rao said to cut salt')
    await say(ravi, 'Dr Mehta said to cut salt and sugar')
    await recall.whenIdle()
    const ashas = await recall.search(asha, { query: 'salt', limit: 50 })
    const ravis = await recall.search(ravi, { query: 'salt', limit: 50 })
    expect(ashas.map((r) => r.event.user_id)).toEqual([asha])
    expect(ravis.map((r) => r.event.user_id)).toEqual([ravi])
    expect(await recall.search(newUser(), { query: 'salt' })).toEqual([])
  })

  it('Should filter by kind and by a half-open time range', async () => {
    const user = newUser()
    const old = await store.append(user, { kind: 'symptom', payload: { name: 'headache', notes: 'after screen time' }, occurred_at: daysAgo(10), source: 'api' })
    const recent = await say(user, 'headache again after screen time', daysAgo(1))
    await recall.whenIdle()
    const ids = async (q: Parameters<RecallService['search']>[1]) => (await recall.search(user, q)).map((r) => r.event.id)
    expect(await ids({ query: 'headache', kinds: ['symptom'] })).toEqual([old.event.id])
    expect(await ids({ query: 'headache', from: daysAgo(2) })).toEqual([recent.event.id])
    expect(await ids({ query: 'headache', to: old.event.occurred_at })).toEqual([])
    expect(await ids({ query: 'headache', from: old.event.occurred_at, to: daysAgo(5) })).toEqual([old.event.id])
    expect(await ids({ query: 'headache', kinds: ['water'] })).toEqual([])
  })

  it('Should answer nothing for a query of stopwords or unknown words, and respect the limit', async () => {
    const user = newUser()
    for (let i = 0; i < 5; i++) await say(user, `walked ${i + 1} km in the park`)
    await recall.whenIdle()
    expect(await recall.search(user, { query: 'what did I' })).toEqual([])
    expect(await recall.search(user, { query: 'zebra xylophone' })).toEqual([])
    expect(await recall.search(user, { query: 'park walk', limit: 3 })).toHaveLength(3)
  })

  it('Should keep a second process current: its cache reloads when another process writes', async () => {
    const user = newUser()
    const other = new LocalVectorIndex(handle.db, store.keys)
    const elsewhere = new RecallService(store, other, new HashedNgramEmbedder())
    await say(user, 'the physio gave me a cat-cow stretch')
    await recall.whenIdle()
    expect(await elsewhere.search(user, { query: 'stretch' })).toHaveLength(1)
    const second = await say(user, 'another stretch for the neck')
    await recall.whenIdle()
    expect((await elsewhere.search(user, { query: 'stretch' })).map((r) => r.event.id)).toContain(second.event.id)
    await store.remove(user, second.event.id, { source: 'api' })
    await recall.whenIdle()
    expect((await elsewhere.search(user, { query: 'stretch' })).map((r) => r.event.id)).not.toContain(second.event.id)
    expect(other.cacheStats.patients).toBe(1)
  })

  it('Should keep only as many patients in memory as its budget allows, least recently searched out first', async () => {
    const [a, b] = [newUser(), newUser()]
    await say(a, 'a note about the cardiology review')
    await say(b, 'a note about the eye check-up')
    await recall.whenIdle()
    const small = new LocalVectorIndex(handle.db, store.keys, { cacheBytes: 1 })
    const searching = new RecallService(store, small, new HashedNgramEmbedder())
    expect(await searching.search(a, { query: 'cardiology' })).toHaveLength(1)
    expect(small.cacheStats.patients).toBe(1)
    expect(await searching.search(b, { query: 'eye' })).toHaveLength(1)
    expect(small.cacheStats.patients).toBe(1)
    expect(await searching.search(a, { query: 'cardiology' })).toHaveLength(1)
  })

  it('Should reindex a patient with a new embedder, and delete their vectors', async () => {
    const user = newUser()
    await say(user, 'the pharmacist said to take thyroxine on an empty stomach')
    await store.append(user, { kind: 'food', payload: { description: 'poha with peanuts' }, source: 'api' })
    await recall.whenIdle()
    const index = new LocalVectorIndex(handle.db, store.keys)
    const smaller = new RecallService(store, index, new HashedNgramEmbedder({ dimensions: 512 }))
    // Vectors of another embedder are never compared with this one's queries.
    expect(await smaller.search(user, { query: 'thyroxine' })).toEqual([])
    expect(await smaller.reindexPatient(user)).toEqual({ indexed: 2 })
    expect(await smaller.search(user, { query: 'thyroxine' })).toHaveLength(1)
    expect(await smaller.search(user, { query: 'peanuts' })).toHaveLength(1)
    await smaller.deletePatient(user)
    expect(await smaller.search(user, { query: 'thyroxine' })).toEqual([])
    expect(await recall.search(user, { query: 'thyroxine' })).toEqual([])
  })

  it('Should never fail or slow an append when the embedder fails, and report it', async () => {
    const failures: unknown[] = []
    const broken: Embedder = {
      id: 'broken',
      minScore: 0,
      embedDocuments: () => Promise.reject(new Error('embedder down')),
      embedQuery: () => Promise.reject(new Error('embedder down')),
    }
    const failing = new RecallService(store, new LocalVectorIndex(handle.db, store.keys), broken, {
      retryDelaysMs: [1],
      onError: (err) => failures.push(err),
    })
    failing.start()
    const user = newUser()
    const { created } = await say(user, 'this append must succeed')
    expect(created).toBe(true)
    await failing.close()
    expect(failures).toHaveLength(1)
    expect(String(failures[0])).toContain('embedder down')
  })
})
