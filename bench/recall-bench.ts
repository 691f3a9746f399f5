/**
 * `npm run bench:recall`: recall's indexing and search costs, printed, asserting nothing.
 *
 * 1. One patient with 5,000 memories on the local index (PGlite on disk, as `npm start` runs):
 *    index time per memory (a reindex, and live indexing behind appends), search p50/p95 with
 *    the patient's vectors cached and the cost of the first (uncached) search, memory use.
 * 2. 1,000 patients with 20 memories each on the local index: index time, search p50/p95 over
 *    random patients (first touch and cached), memory use.
 * 3. The same 5,000 memories through the real Pinecone SDK against the local fake server (in
 *    this process, so its scoring, a plain JS loop over dense vectors, is in the figures).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { PatientKeys } from '../memory/encryption/patient-keys.js'
import { openEventDb, type EventDbHandle } from '../memory/event-db.js'
import { EventStore, type AppendInput } from '../memory/event-store.js'
import { HashedNgramEmbedder } from '../memory/recall/hashed-ngram-embedder.js'
import { LocalVectorIndex } from '../memory/recall/local-vector-index.js'
import { PineconeIndex } from '../memory/recall/pinecone-index.js'
import { RecallService } from '../memory/recall/recall-service.js'
import type { VectorIndex } from '../memory/recall/vector-index.js'
import { startFakePinecone } from '../test/fakes/pinecone-server.js'
import { benchKeys, fmt, summarise } from './bench-lib.js'

const BIG_PATIENT_MEMORIES = 5_000
const PATIENTS = 1_000
const MEMORIES_PER_PATIENT = 20
const SEARCHES = 300

/** A seeded generator, so every run measures the same texts. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
const words = (s: string) => s.split(', ')
const SYMPTOMS = words(
  'knee pain, headache, back pain, dizziness, cough, acidity, tingling in feet, wheezing, fever, rash, ' +
    'chest tightness, swollen ankles',
)
const PLACES = words('temple stairs, office, market, park, bus stop, kitchen, wedding, hospital')
const FOODS = words(
  'idli sambar, poha with peanuts, dal chawal, rajma rice, masala dosa, chapati and bhindi, curd rice, biryani, ' +
    'upma, pakoras, palak paneer',
)
const DOCTORS = words('Dr Rao, Dr Mehta, Dr Iyer, Dr Khan, Dr Sen, Dr Shah, Dr Nair')
const ADVICE = words(
  'cut salt to 5 g a day, walk 30 minutes daily, reduce rice at dinner, increase thyroxine to 75 mcg, avoid spinach, ' +
    'limit fluids to 1.5 litres, keep a headache diary, rinse mouth after the inhaler',
)
const MEDICINES = words('metformin, amlodipine, thyroxine, furosemide, propranolol, atorvastatin')
const FEELINGS = words(
  'worried about my son, stressed about work, happy after the family visit, lonely in the evening, tired after the market',
)

/** One synthetic memory of any indexed shape: a symptom, a meal, an appointment, a chat message, a mood. */
function memory(r: () => number, daysAgo: number): AppendInput {
  const occurred_at = new Date(Date.now() - daysAgo * 86_400_000 - Math.floor(r() * 86_400_000))
  const event = (kind: AppendInput['kind'], payload: Record<string, unknown>): AppendInput => ({
    kind,
    payload,
    occurred_at,
    source: kind === 'chat' ? 'chat' : 'api',
  })
  const say = (text: string) => event('chat', { role: 'user', text, thread_id: 'bench' })
  switch (Math.floor(r() * 6)) {
    case 0:
      return event('symptom', { name: pick(r, SYMPTOMS), notes: `started after the ${pick(r, PLACES)}, worse at night` })
    case 1:
      return event('food', { description: `${pick(r, FOODS)} and ${pick(r, FOODS)}` })
    case 2:
      return event('appointment', {
        title: 'Review',
        doctor: pick(r, DOCTORS),
        scheduled_for: occurred_at.toISOString(),
        status: 'completed',
        notes: `said to ${pick(r, ADVICE)}`,
      })
    case 3:
      return say(`I skipped ${pick(r, MEDICINES)} today because of ${pick(r, SYMPTOMS)} after the ${pick(r, PLACES)}`)
    case 4:
      return event('mood', { mood: 'neutral', notes: pick(r, FEELINGS) })
    default:
      return say(`${pick(r, DOCTORS)} told me to ${pick(r, ADVICE)}, take ${pick(r, MEDICINES)} after ${pick(r, FOODS)}`)
  }
}

const QUERIES = [
  'what did the doctor say about salt',
  'when did my knee start hurting',
  'why did I skip metformin',
  'what did I eat at the wedding',
  'when was I worried about my son',
  'headache diary',
  'swollen ankles at night',
  'what did Dr Iyer say about the inhaler',
  'dizziness after the temple stairs',
  'palak paneer',
]

async function appendAll(store: EventStore, userId: string, inputs: AppendInput[]): Promise<void> {
  // Concurrent appends share the store's group commits, as a busy server's do.
  for (let i = 0; i < inputs.length; i += 200) {
    await Promise.all(inputs.slice(i, i + 200).map((m) => store.append(userId, m)))
  }
}

function memoryNow(): string {
  ;(globalThis as { gc?: () => void }).gc?.()
  const m = process.memoryUsage()
  return `RSS ${(m.rss / 2 ** 20).toFixed(0)} MB, heap ${(m.heapUsed / 2 ** 20).toFixed(0)} MB`
}

async function timeSearches(recall: RecallService, users: string[], count: number, r: () => number) {
  const full: number[] = []
  const indexOnly: number[] = []
  for (let i = 0; i < count; i++) {
    const user = pick(r, users)
    const query = pick(r, QUERIES)
    let t = performance.now()
    const vector = await recall.embedder.embedQuery(query)
    await recall.index.query(user, recall.embedder.id, { vector, topK: 20 })
    indexOnly.push(performance.now() - t)
    t = performance.now()
    await recall.search(user, { query, limit: 10 })
    full.push(performance.now() - t)
  }
  return { full: summarise(full), indexOnly: summarise(indexOnly) }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const line = (label: string, s: ReturnType<typeof summarise>) =>
  `  ${label.padEnd(34)} p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  max ${fmt(s.max)}  (n=${s.n})`

async function bigPatient(handle: EventDbHandle, keys: PatientKeys, index: VectorIndex, label: string, searches: number): Promise<void> {
  const store = new EventStore(handle.db, keys)
  const recall = new RecallService(store, index, new HashedNgramEmbedder())
  const user = `bench-big-${label}`
  const r = rng(42)
  const inputs = Array.from({ length: BIG_PATIENT_MEMORIES }, (_, i) => memory(r, (i * 730) / BIG_PATIENT_MEMORIES))
  await appendAll(store, user, inputs)
  console.log(`\n${label}: 1 patient × ${BIG_PATIENT_MEMORIES} memories`)

  let t = performance.now()
  const { indexed } = await recall.reindexPatient(user)
  const reindexMs = performance.now() - t
  console.log(`  reindex (embed + store)            ${fmt(reindexMs / indexed)} per memory (${indexed} in ${seconds(reindexMs)})`)

  // Live: the indexer follows appends, off the write path; measured until all are searchable.
  recall.start()
  const more = Array.from({ length: 500 }, (_, i) => memory(r, i / 10))
  t = performance.now()
  await appendAll(store, user, more)
  const appendMs = performance.now() - t
  await recall.whenIdle()
  const liveMs = performance.now() - t
  console.log(`  live: 500 appends in ${fmt(appendMs)}, searchable after ${fmt(liveMs)} (${fmt(liveMs / 500)} per memory)`)

  if (index instanceof LocalVectorIndex) {
    await index.close()
    const cold: number[] = []
    for (let i = 0; i < 3; i++) {
      await index.close()
      t = performance.now()
      await recall.search(user, { query: QUERIES[i]! })
      cold.push(performance.now() - t)
    }
    console.log(`  first search, vectors not cached   ${cold.map(fmt).join(', ')}`)
  }
  const s = await timeSearches(recall, [user], searches, rng(7))
  console.log(line('search (index only)', s.indexOnly))
  console.log(line('search (with events from store)', s.full))
  if (index instanceof LocalVectorIndex) console.log(`  cached vectors: ${mb(index.cacheStats.bytes)}; ${memoryNow()}`)
  await recall.close()
}

async function manyPatients(handle: EventDbHandle, keys: PatientKeys): Promise<void> {
  const store = new EventStore(handle.db, keys)
  const index = new LocalVectorIndex(handle.db, keys)
  const recall = new RecallService(store, index, new HashedNgramEmbedder())
  const r = rng(1)
  const users = Array.from({ length: PATIENTS }, (_, i) => `bench-patient-${i}`)
  console.log(`\nlocal index: ${PATIENTS} patients × ${MEMORIES_PER_PATIENT} memories`)
  recall.start()
  const t = performance.now()
  for (let i = 0; i < users.length; i += 50) {
    const batch = users.slice(i, i + 50)
    await Promise.all(batch.map((u, k) => appendAll(store, u, Array.from({ length: MEMORIES_PER_PATIENT }, (_, j) => memory(r, j + k)))))
  }
  await recall.whenIdle()
  const total = PATIENTS * MEMORIES_PER_PATIENT
  const ms = performance.now() - t
  console.log(`  append + live index                ${fmt(ms / total)} per memory (${total} in ${seconds(ms)})`)
  const first = await timeSearches(recall, users, SEARCHES, rng(3))
  console.log(line('search, mostly first touch', first.full))
  const again = await timeSearches(recall, users, SEARCHES, rng(3))
  console.log(line('search, same patients again', again.full))
  console.log(line('  (index only)', again.indexOnly))
  const vector = await recall.embedder.embedQuery('knee pain')
  for (const user of users) await index.query(user, recall.embedder.id, { vector, topK: 10 })
  console.log(`  every patient searched once: ${index.cacheStats.patients} cached, ${mb(index.cacheStats.bytes)}; ${memoryNow()}`)
  await recall.close()
}

async function main(): Promise<void> {
  console.log(`recall bench — node ${process.version}, ${os.cpus().length} CPUs; ${memoryNow()} at start`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podd-recall-bench-'))
  try {
    const local = await openEventDb({ pgliteDir: path.join(dir, 'events') })
    const { keys, authDb } = await benchKeys(dir)
    await bigPatient(local, keys, new LocalVectorIndex(local.db, keys), 'local index (PGlite on disk)', SEARCHES)
    await manyPatients(local, keys)
    await local.close()

    const pinecone = await startFakePinecone({ dimension: 2048 })
    const db = await openEventDb({})
    const index = new PineconeIndex({ apiKey: pinecone.apiKey, indexHost: pinecone.url, maxRetries: 0, keys })
    await bigPatient(db, keys, index, 'Pinecone SDK → fake server', 100)
    await authDb.destroy()
    await db.close()
    await pinecone.close()
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
