import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEventDb, type EventDbHandle } from '../event-db.js'
import { EventStore } from '../event-store.js'
import { HashedNgramEmbedder } from './hashed-ngram-embedder.js'
import { LocalVectorIndex } from './local-vector-index.js'
import { LABELLED_PATIENTS, type LabelledQuestion } from './recall-labelled-set.js'
import { RecallService } from './recall-service.js'
import { ephemeralPatientKeys } from '../encryption/patient-keys.js'

/**
 * Recall@5 of the offline embedder on the labelled set, through the whole path (store,
 * indexer, local index, search). The floor is asserted on questions that share a word with
 * their memory: that is what a word matcher can do, and all of them are found today, so 0.9
 * leaves room for one or two to slip behind a new distractor without hiding a regression.
 * Paraphrases (`meaning`) are reported, not asserted: the offline embedder finds none of them
 * by design, and an embeddings model is what finds them.
 */
const WORDS_RECALL_FLOOR = 0.9

describe('recall quality on the labelled set (offline embedder)', () => {
  let handle: EventDbHandle
  let recall: RecallService
  const keys = new Map<string, string>()
  const users = new Map<string, string>()

  beforeAll(async () => {
    handle = await openEventDb({})
    const store = new EventStore(handle.db, ephemeralPatientKeys())
    recall = new RecallService(store, new LocalVectorIndex(handle.db, store.keys), new HashedNgramEmbedder())
    recall.start()
    for (const [i, patient] of LABELLED_PATIENTS.entries()) {
      const user = `labelled-${i}`
      users.set(patient.name, user)
      await Promise.all(
        patient.memories.map(async (m) => {
          const occurred_at = new Date(Date.now() - m.daysAgo * 86_400_000 - i * 60_000)
          const { event } = await store.append(user, { kind: m.kind, payload: m.payload, occurred_at, source: 'api' })
          if (m.key) keys.set(`${patient.name}/${m.key}`, event.id)
        }),
      )
    }
    await recall.whenIdle()
  })
  afterAll(async () => {
    await recall?.close()
    await handle?.close()
  })

  it('Should find the expected memory in the top 5 for questions that share its words, and report paraphrases', async () => {
    const outcomes: { patient: string; q: LabelledQuestion; rank: number }[] = []
    for (const patient of LABELLED_PATIENTS) {
      const user = users.get(patient.name)!
      for (const q of patient.questions) {
        const results = await recall.search(user, { query: q.question, limit: 5 })
        expect(results.every((r) => r.event.user_id === user)).toBe(true)
        outcomes.push({ patient: patient.name, q, rank: results.findIndex((r) => r.event.id === keys.get(`${patient.name}/${q.expects}`)) })
      }
    }
    const recallAt5 = (match?: 'words' | 'meaning') => {
      const asked = outcomes.filter((o) => !match || o.q.match === match)
      return { found: asked.filter((o) => o.rank >= 0).length, asked: asked.length }
    }
    const words = recallAt5('words')
    const meaning = recallAt5('meaning')
    const all = recallAt5()
    const pct = (r: { found: number; asked: number }) => `${r.found}/${r.asked} = ${((100 * r.found) / r.asked).toFixed(0)}%`
    console.log(
      `recall@5 (offline HashedNgramEmbedder, ${LABELLED_PATIENTS.length} patients, ` +
        `${LABELLED_PATIENTS.reduce((s, p) => s + p.memories.length, 0)} memories): ` +
        `words ${pct(words)}, paraphrases ${pct(meaning)}, all ${pct(all)}`,
    )
    const missed = outcomes.filter((o) => o.rank < 0).map((o) => `  missed (${o.q.match}): ${o.q.question}`)
    if (missed.length) console.log(missed.join('\n'))
    expect(words.asked).toBeGreaterThanOrEqual(30)
    expect(words.found / words.asked).toBeGreaterThanOrEqual(WORDS_RECALL_FLOOR)
  })
})
