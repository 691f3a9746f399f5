import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEventDb, type EventDbHandle } from '../../memory/event-db.js'
import { EventStore } from '../../memory/event-store.js'
import { localDate } from '../../memory/local-time.js'
import { eventEngines } from '../../test/event-engines.js'
import { link, record, setProfile } from '../../test/fakes/care-fixtures.js'
import { createTestApp, registerUser, requester, sharedEventDb, tempDir, testConfig, type TestApp } from '../../test/helpers.js'
import { filesContaining, rowsContaining } from '../../test/raw-scan.js'
import { createApp } from '../app.js'
import { emptyCheckpoint } from '@langchain/langgraph-checkpoint'
import { EventDbCheckpointSaver } from '../graph/event-db-saver.js'
import { MasterKeyMismatchError } from '../../memory/encryption/patient-keys.js'
import { rotateDataKeys } from '../auth/rotate-keys.js'
import { createLogger } from '../logger.js'
import { createServices } from '../services.js'

type Json = Record<string, any>

/** Words no one else writes: if one turns up in storage, it was stored readable. */
const canaries = () => {
  const tag = randomBytes(4).toString('hex')
  return { chat: `zebrachat${tag}`, note: `quokkanote${tag}`, food: `narwhalfood${tag}`, mood: `axolotlmood${tag}` }
}

/** A patient's day through the public API: chat turns, events, a correction, a summary and its alert. */
async function liveADay(app: Pick<TestApp, 'request' | 'services'>, words: ReturnType<typeof canaries>) {
  const t = app as TestApp
  const patient = await registerUser(t, 'patient', 'Asha')
  const caregiver = await registerUser(t, 'caregiver', 'Ravi')
  await setProfile(t, patient, { timezone: 'Asia/Kolkata' })
  await link(t, patient, caregiver)
  const chat = async (message: string, thread_id?: string) => {
    const res = await t.request('/api/v1/chat', { method: 'POST', token: patient.access_token, json: { message, ...(thread_id ? { thread_id } : {}) } })
    expect(res.status).toBe(200)
    return (await res.json()) as Json
  }
  const first = await chat(`bp 150/95, and my ${words.chat} knee hurts`)
  await chat(`I had ${words.food} for lunch`, first.thread_id)
  const symptom = await record(t, patient, 'symptom', { name: 'knee pain', notes: `after the ${words.note} stairs` })
  await t.request(`/api/v1/events/${symptom.id}`, {
    method: 'PATCH',
    token: patient.access_token,
    json: { payload: { name: 'knee pain', severity: 'mild', notes: `after the ${words.note} stairs, better now` } },
  })
  await record(t, patient, 'mood', { mood: 'bad', notes: `feeling low, ${words.mood}` })
  await record(t, patient, 'vitals', { blood_pressure_systolic: 185, blood_pressure_diastolic: 125 })
  // The patient's day, not UTC's: from 18:30 UTC on, Kolkata is a day ahead.
  const today = localDate(new Date(), 'Asia/Kolkata')
  const summary = await t.request(`/api/v1/patients/${patient.id}/summaries`, { method: 'POST', token: caregiver.access_token, json: { date: today } })
  expect([200, 201]).toContain(summary.status)
  await t.services.caregiving.idle()
  await t.services.recall.whenIdle()
  return { patient, caregiver, thread: first.thread_id as string, summary: ((await summary.json()) as Json).summary }
}

describe.each(eventEngines())('encryption at rest on $name', (engine) => {
  let handle: EventDbHandle
  let t: TestApp
  const words = canaries()
  let day: Awaited<ReturnType<typeof liveADay>>

  beforeAll(async () => {
    handle = await engine.open()
    t = await createTestApp({}, { eventDb: handle })
    day = await liveADay(t, words)
  })
  afterAll(async () => {
    await t?.close()
    await handle?.close()
  })

  it('Should read everything back through the API as it was written', async () => {
    const { patient, caregiver, thread } = day
    const messages = (await (await t.request(`/api/v1/threads/${thread}/messages`, { token: patient.access_token })).json()) as Json
    expect(JSON.stringify(messages)).toContain(words.chat)
    expect(JSON.stringify(messages)).toContain(words.food)
    const events = (await (await t.request('/api/v1/events?limit=100', { token: patient.access_token })).json()) as Json
    const text = JSON.stringify(events)
    for (const w of [words.note, words.mood]) expect(text).toContain(w)
    const search = (await (await t.request(`/api/v1/memory/search?q=${words.note}`, { token: patient.access_token })).json()) as Json
    expect(search.results[0].snippet).toContain(words.note)
    const alerts = (await (await t.request(`/api/v1/patients/${patient.id}/alerts`, { token: caregiver.access_token })).json()) as Json
    expect(alerts.events.length).toBeGreaterThan(0)
    // The summary is found by its date and caregiver (filters on sealed payloads, through lookup tags).
    const today = day.summary.payload.date
    const summaries = (await (await t.request(`/api/v1/patients/${patient.id}/summaries?date=${today}`, { token: caregiver.access_token })).json()) as Json
    expect(summaries.events.map((e: Json) => e.id)).toEqual([day.summary.id])
    expect(JSON.stringify(day.summary.payload)).toContain(words.mood)
  })

  it('Should store no payload, chat, checkpoint or summary text readable in any table', async () => {
    expect(await rowsContaining(handle, Object.values(words))).toEqual([])
    // The scan does find what is stored readable: a control row proves it looks in the right place.
    const control = `controlcanary${randomBytes(3).toString('hex')}`
    await handle.db.insertInto('recall_versions' as never).values({ user_id: control, version: '1' } as never).execute()
    expect(await rowsContaining(handle, [control])).toHaveLength(1)
  })

  it('Should keep readable only what queries need: ids, kinds, times and flags', async () => {
    const row = await handle.db
      .selectFrom('health_events')
      .selectAll()
      .where('user_id', '=', day.patient.id)
      .where('kind', '=', 'vitals')
      .executeTakeFirstOrThrow()
    expect(row.payload).toBeNull()
    expect(row.sealed).toBeInstanceOf(Buffer)
    expect(row.flags?.blood_pressure).toMatchObject({ category: expect.stringMatching(/stage_2|crisis/) })
    const chatRow = await handle.db.selectFrom('health_events').selectAll().where('user_id', '=', day.patient.id).where('kind', '=', 'chat').executeTakeFirstOrThrow()
    expect(chatRow.lookup_tags).toHaveLength(1)
    expect(chatRow.lookup_tags![0]).not.toContain(day.thread)
  })

  it('Should refuse a sealed payload moved to another event (associated data binds it)', async () => {
    const store = new EventStore(handle.db, t.services.keys)
    const patient = day.patient.id
    const a = await store.append(patient, { kind: 'water', payload: { amount_ml: 250 }, source: 'api' })
    const b = await store.append(patient, { kind: 'water', payload: { amount_ml: 500 }, source: 'api' })
    const sealedA = await handle.db.selectFrom('health_events').select('sealed').where('id', '=', a.event.id).executeTakeFirstOrThrow()
    await handle.db.updateTable('health_events').set({ sealed: sealedA.sealed }).where('id', '=', b.event.id).execute()
    await expect(store.get(patient, b.event.id)).rejects.toThrow(/does not open/)
    await handle.db.deleteFrom('health_events').where('id', 'in', [a.event.id, b.event.id]).execute()
  })
})

// A PGlite data dir on disk is initialised (initdb) per test: slow on a busy machine.
describe('encryption at rest on disk (PGlite data dir)', { timeout: 120_000 }, () => {
  it('Should leave no canary in any file of the data dir, and read it all back after a restart', async () => {
    const words = canaries()
    const dataDir = tempDir()
    const config = testConfig({ DATA_DIR: dataDir })
    let services = await createServices(config, { startScheduler: false })
    let app = createApp(services)
    let t = { services, request: requester(app) }
    const day = await liveADay(t, words)
    await services.close()
    expect(filesContaining(dataDir, Object.values(words))).toEqual([])
    // The data dir's own key file is what makes it readable again; the data is all there.
    expect(fs.existsSync(path.join(dataDir, 'data-encryption-key'))).toBe(true)
    services = await createServices(config, { startScheduler: false })
    app = createApp(services)
    t = { services, request: requester(app) }
    try {
      const res = await t.request(`/api/v1/threads/${day.thread}/messages`, { token: day.patient.access_token })
      expect(JSON.stringify(await res.json())).toContain(words.chat)
    } finally {
      await services.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('Should seal events written before encryption at start-up and leave no clear copy behind', async () => {
    const dataDir = tempDir()
    const words = canaries()
    const handle = await openEventDb({ pgliteDir: path.join(dataDir, 'events') })
    // Rows as the service wrote them before encryption: the payload in clear.
    const id = '01960000-0000-7000-8000-000000000001'
    await handle.db
      .insertInto('health_events')
      .values({
        id,
        user_id: 'legacy-patient',
        kind: 'chat',
        context_id: `chat:${id}`,
        event_kind: 'fact',
        payload: JSON.stringify({ role: 'user', text: words.chat, thread_id: 'old-thread' }),
        sealed: null,
        lookup_tags: null,
        flags: null,
        occurred_at: new Date(),
        recorded_at: new Date(),
        source: 'chat',
        supersedes: null,
        tombstone: false,
        idempotency_key: null,
      })
      .execute()
    // A checkpoint and a recall vector as they were stored before, too.
    const unsealed = new EventDbCheckpointSaver(handle.db)
    const thread = { configurable: { thread_id: 'legacy-patient:old-thread', checkpoint_ns: '' } }
    const checkpoint = { ...emptyCheckpoint(), channel_versions: { messages: 1 }, channel_values: { messages: [words.food] } }
    const saved = await unsealed.put(thread, checkpoint, { source: 'loop', step: 1, parents: {} }, { messages: 1 })
    await unsealed.putWrites(saved, [['messages', words.mood]], 'task-1')
    await handle.db
      .insertInto('recall_vectors' as never)
      .values({ user_id: 'legacy-patient', event_id: id, embedder: 'e', kind: 'chat', occurred_at: new Date(), vector: Buffer.from(words.note), sealed: false } as never)
      .execute()
    await handle.close()
    expect(filesContaining(dataDir, Object.values(words)).length).toBeGreaterThan(0)

    const services = await createServices(testConfig({ DATA_DIR: dataDir }), { startScheduler: false })
    try {
      const page = await services.events.list('legacy-patient', { kinds: ['chat'], payloadEquals: { thread_id: 'old-thread' } })
      expect(page.events.map((e) => e.payload.text)).toEqual([words.chat])
      const tuple = await services.checkpointer.getTuple(thread)
      expect(tuple?.checkpoint.channel_values.messages).toEqual([words.food])
      expect(tuple?.pendingWrites).toEqual([['task-1', 'messages', words.mood]])
      expect(await services.checkpointer.sealUnsealed()).toBe(0)
    } finally {
      await services.close()
    }
    expect(filesContaining(path.join(dataDir, 'events'), Object.values(words))).toEqual([])
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
})
