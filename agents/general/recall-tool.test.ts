import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEventDb, type EventDbHandle } from '../../memory/event-db.js'
import { EventStore } from '../../memory/event-store.js'
import { HashedNgramEmbedder } from '../../memory/recall/hashed-ngram-embedder.js'
import { LocalVectorIndex } from '../../memory/recall/local-vector-index.js'
import { RecallService } from '../../memory/recall/recall-service.js'
import { userSays } from '../../memory/recall/recall-test-helpers.js'
import { makeRecallTool } from './recall-tool.js'
import type { TurnContext } from '../../tools/tool-context.js'
import { ephemeralPatientKeys } from '../../memory/encryption/patient-keys.js'

describe('recall tool', () => {
  let handle: EventDbHandle
  let store: EventStore
  let recall: RecallService
  let recallTool: ReturnType<typeof makeRecallTool>
  const turn = (userId: string): TurnContext => ({
    userId,
    source: 'chat',
    now: new Date('2026-11-20T10:00:00Z'),
    timezone: 'Asia/Kolkata',
    written: [],
  })

  beforeAll(async () => {
    handle = await openEventDb({})
    store = new EventStore(handle.db, ephemeralPatientKeys())
    recall = new RecallService(store, new LocalVectorIndex(handle.db, store.keys), new HashedNgramEmbedder())
    recall.start()
    recallTool = makeRecallTool(recall)
    await store.append('asha', {
      kind: 'appointment',
      payload: { title: 'Cardiology review', doctor: 'Dr Rao', scheduled_for: '2026-11-12T10:00:00+05:30', notes: 'cut salt to 5 g a day' },
      occurred_at: '2026-11-12T04:35:00Z',
      source: 'api',
    })
    await userSays(store, 'asha', 'What did the doctor say about salt?', '2026-11-15T09:00:00Z')
    await userSays(store, 'asha', 'my knee started hurting after the temple stairs', '2026-11-14T13:10:00Z')
    await userSays(store, 'ravi', 'the doctor said salt is fine for me', '2026-11-13T08:00:00Z')
    await recall.whenIdle()
  })
  afterAll(async () => {
    await recall?.close()
    await handle?.close()
  })

  it("Should cite the patient's matching memories with local date, time, kind and words", async () => {
    const out = await recallTool.invoke({ query: 'doctor salt' }, { context: turn('asha') })
    expect(out).toBe('From your history, most relevant first:\n- 2026-11-12 10:05 (appointment): "Cardiology review with Dr Rao: cut salt to 5 g a day"')
  })

  it("Should leave out the patient's own earlier questions and other patients' memories", async () => {
    const out = await recallTool.invoke({ query: 'what did the doctor say about salt', limit: 10 }, { context: turn('asha') })
    expect(out).not.toContain('What did the doctor say')
    expect(out).not.toContain('fine for me')
    expect(await recallTool.invoke({ query: 'knee' }, { context: turn('ravi') })).toBe('I found nothing in your history about "knee".')
  })

  it('Should narrow by kind, with the time in the patient zone', async () => {
    const out = await recallTool.invoke({ query: 'knee stairs salt', kinds: ['chat'] }, { context: { ...turn('asha'), timezone: 'UTC' } })
    expect(out).toBe('From your history, most relevant first:\n- 2026-11-14 13:10 (chat): "my knee started hurting after the temple stairs"')
  })

  it('Should take the patient from the turn only: no user id in its schema, and no turn means no search', async () => {
    expect(Object.keys((recallTool.schema as unknown as { shape: object }).shape)).toEqual(['query', 'kinds', 'limit'])
    await expect(recallTool.invoke({ query: 'salt', user_id: 'ravi' } as never, { context: turn('asha') })).resolves.not.toContain('fine for me')
    await expect(recallTool.invoke({ query: 'salt' })).rejects.toThrow(/turn context/)
  })
})
