import { Errors } from '@pinecone-database/pinecone'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sharedEventDb } from '../../test/helpers.js'
import { startFakePinecone, type FakePinecone } from '../../test/fakes/pinecone-server.js'
import { anyEvent, EventStore } from '../event-store.js'
import { HashedNgramEmbedder } from './hashed-ngram-embedder.js'
import { PineconeIndex, snippetAad } from './pinecone-index.js'
import { RecallService } from './recall-service.js'
import { userSays } from './recall-test-helpers.js'
import { SealedDataError } from '../encryption/aes-gcm.js'
import { ephemeralPatientKeys } from '../encryption/patient-keys.js'

let userSeq = 0
const newUser = () => `pc-${process.pid}-${userSeq++}`
const embedder = new HashedNgramEmbedder()

describe('recall on Pinecone (fake server, real SDK)', () => {
  let pinecone: FakePinecone
  let index: PineconeIndex
  let store: EventStore
  let recall: RecallService

  beforeAll(async () => {
    pinecone = await startFakePinecone({ dimension: embedder.dimensions })
    store = new EventStore((await sharedEventDb()).db, ephemeralPatientKeys())
    index = new PineconeIndex({ apiKey: pinecone.apiKey, indexHost: pinecone.url, controllerHost: pinecone.url, maxRetries: 1, keys: store.keys })
    recall = new RecallService(store, index, embedder, { retryDelaysMs: [] })
    recall.start()
  })
  afterAll(async () => {
    await recall?.close()
    await pinecone?.close()
  })

  const say = (user: string, text: string, occurred_at?: Date) => userSays(store, user, text, occurred_at)

  it("Should upsert into the patient's namespace with metadata for filters, and find it", async () => {
    const user = newUser()
    const { event } = await say(user, 'Dr Rao said cut salt to 5 g a day')
    await recall.whenIdle()
    const record = pinecone.namespaces.get(`patient-${user}`)?.get(event.id)
    expect(record?.metadata).toEqual({
      user_id: user,
      event_id: event.id,
      kind: 'chat',
      occurred_at: new Date(event.occurred_at).getTime() / 1000,
      snippet: expect.any(String),
      embedder: embedder.id,
    })
    // Pinecone holds the words sealed with the patient's key, bound to the event.
    const sealed = Buffer.from(String(record?.metadata?.snippet), 'base64')
    expect(sealed.toString('latin1')).not.toContain('salt')
    const key = (await store.keys.forRead(user))!
    expect(key.open(sealed, snippetAad(event.id)).toString()).toBe('Dr Rao said cut salt to 5 g a day')
    expect(() => key.open(sealed, snippetAad('another-event'))).toThrow(SealedDataError)
    expect(record?.values).toHaveLength(2048)
    const results = await recall.search(user, { query: 'what did the doctor say about salt' })
    expect(results.map((r) => r.event.id)).toEqual([event.id])
    const query = pinecone.requests.findLast((r) => r.path === '/query')
    expect(query?.namespace).toBe(`patient-${user}`)
    expect(query?.body?.filter).toEqual({ $and: [{ user_id: { $eq: user } }, { embedder: { $eq: embedder.id } }] })
  })

  it('Should filter by kind and time range on the server', async () => {
    const user = newUser()
    const old = await store.append(user, {
      kind: 'symptom',
      payload: { name: 'migraine', notes: 'bright screens' },
      occurred_at: new Date(Date.now() - 10 * 86_400_000),
      source: 'api',
    })
    const recent = await say(user, 'migraine again from the screens')
    await recall.whenIdle()
    const ids = async (q: Parameters<RecallService['search']>[1]) => (await recall.search(user, q)).map((r) => r.event.id)
    expect(await ids({ query: 'migraine', kinds: ['symptom'] })).toEqual([old.event.id])
    expect(await ids({ query: 'migraine', kinds: ['chat', 'mood'] })).toEqual([recent.event.id])
    expect(await ids({ query: 'migraine', from: new Date(Date.now() - 86_400_000) })).toEqual([recent.event.id])
    expect(await ids({ query: 'migraine', to: old.event.occurred_at })).toEqual([])
    expect(pinecone.requests.findLast((r) => r.path === '/query')?.body?.filter.$and).toContainEqual({
      occurred_at: { $lt: new Date(old.event.occurred_at).getTime() / 1000 },
    })
  })

  it('Should replace a corrected memory and delete a removed one', async () => {
    const user = newUser()
    const { event } = await store.append(user, { kind: 'symptom', payload: { name: 'knee pain', notes: 'temple stairs' }, source: 'api' })
    await recall.whenIdle()
    const corrected = await store.correct(user, event.id, { payload: { name: 'ankle pain', notes: 'temple stairs' }, source: 'api' })
    await recall.whenIdle()
    expect([...pinecone.namespaces.get(`patient-${user}`)!.keys()]).toEqual([corrected.id])
    expect((await recall.search(user, { query: 'stairs' })).map((r) => r.snippet)).toEqual(['ankle pain: temple stairs'])
    await store.remove(user, corrected.id, { source: 'api' })
    await recall.whenIdle()
    expect(pinecone.namespaces.get(`patient-${user}`)?.size).toBe(0)
    expect(await recall.search(user, { query: 'stairs' })).toEqual([])
  })

  it("Should never return another patient's memory, even from a shared namespace", async () => {
    const [asha, ravi] = [newUser(), newUser()]
    await say(asha, 'salt makes my ankles swell')
    const ravis = await say(ravi, 'cut down salt and sugar')
    await recall.whenIdle()
    expect((await recall.search(asha, { query: 'salt', limit: 50 })).map((r) => r.event.user_id)).toEqual([asha])
    // A record filed under the wrong namespace (a bug elsewhere) is still filtered out by user id.
    const stray = pinecone.namespaces.get(`patient-${ravi}`)!.get(ravis.event.id)!
    pinecone.namespaces.get(`patient-${asha}`)!.set(stray.id, stray)
    expect((await recall.search(asha, { query: 'salt sugar', limit: 50 })).map((r) => r.event.user_id)).toEqual([asha])
    const raw = await index.query(asha, embedder.id, { vector: await embedder.embedQuery('salt sugar'), topK: 10 })
    expect(raw.map((m) => m.eventId)).not.toContain(ravis.event.id)
  })

  it('Should leave out a message of stopwords instead of failing its batch on a zero vector', async () => {
    const user = newUser()
    const ok = await say(user, 'ok hi')
    const words = await say(user, 'my inhaler is empty')
    await recall.whenIdle()
    expect([...pinecone.namespaces.get(`patient-${user}`)!.keys()]).toEqual([words.event.id])
    pinecone.namespaces.delete(`patient-${user}`)
    // Directly, so that a refused batch would throw here.
    expect(await recall.indexer.indexEvents(user, [anyEvent(ok.event), anyEvent(words.event)])).toBe(1)
  })

  it("Should delete a patient's namespace, and treat a missing one as deleted", async () => {
    const user = newUser()
    await say(user, 'my nebuliser stopped working')
    await recall.whenIdle()
    expect(pinecone.namespaces.has(`patient-${user}`)).toBe(true)
    await recall.deletePatient(user)
    expect(pinecone.namespaces.has(`patient-${user}`)).toBe(false)
    expect(pinecone.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/namespaces/patient-${user}` })
    await expect(recall.deletePatient(user)).resolves.toBeUndefined()
    expect(await recall.search(user, { query: 'nebuliser' })).toEqual([])
  })

  it('Should reindex a patient into a fresh namespace', async () => {
    const user = newUser()
    await say(user, 'walked in Cubbon Park with Suresh')
    await store.append(user, { kind: 'food', payload: { description: 'palak paneer for dinner' }, source: 'api' })
    await recall.whenIdle()
    pinecone.namespaces.get(`patient-${user}`)!.clear()
    expect(await recall.reindexPatient(user)).toEqual({ indexed: 2 })
    expect(pinecone.namespaces.get(`patient-${user}`)?.size).toBe(2)
    expect(await recall.search(user, { query: 'palak paneer' })).toHaveLength(1)
  })

  it('Should retry a failed request through the SDK and report a lasting failure', async () => {
    const failures: unknown[] = []
    const flaky = new RecallService(store, index, embedder, { retryDelaysMs: [], onError: (err) => failures.push(err) })
    const user = newUser()
    const first = await say(user, 'first try fails, the retry lands')
    const second = await say(user, 'this one fails for good')
    await recall.whenIdle()
    pinecone.namespaces.delete(`patient-${user}`)
    pinecone.failNext(503)
    flaky.indexer.appended(anyEvent(first.event))
    await flaky.whenIdle()
    expect(pinecone.namespaces.get(`patient-${user}`)?.size).toBe(1)
    // The SDK's first attempt and its one retry both fail: the indexer reports it and goes on.
    pinecone.failNext(503, 2)
    flaky.indexer.appended(anyEvent(second.event))
    await flaky.whenIdle()
    expect(failures).toHaveLength(1)
    expect(pinecone.namespaces.get(`patient-${user}`)?.size).toBe(1)
  })

  it('Should refuse a wrong API key with the SDK error', async () => {
    const wrong = new PineconeIndex({ apiKey: 'wrong', indexHost: pinecone.url, maxRetries: 0, keys: store.keys })
    await expect(wrong.query('x', embedder.id, { vector: await embedder.embedQuery('salt'), topK: 1 })).rejects.toBeInstanceOf(
      Errors.PineconeAuthorizationError,
    )
  })
})
