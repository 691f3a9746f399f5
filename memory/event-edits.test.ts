import { describe, expect, it } from 'vitest'
import { correctEvent, removeEvent, SystemEventError } from './event-edits.js'
import { EventNotFoundError } from './event-store.js'
import { InMemoryEventStore } from './in-memory-event-store.js'

const w = { userId: 'asha', source: 'chat' as const }

describe('event edits', () => {
  it("Should correct and remove the patient's own events, history keeping every version", async () => {
    const store = new InMemoryEventStore()
    const { event } = await store.append('asha', { kind: 'vitals', payload: { blood_sugar: 45 }, source: 'chat' })
    const fixed = await correctEvent(store, w, event.id, { payload: { blood_sugar: 160, blood_sugar_context: 'after_meal' } })
    expect(fixed.flags?.blood_sugar?.category).not.toBe(event.flags?.blood_sugar?.category)
    const removed = await removeEvent(store, w, fixed.id)
    expect(removed.id).toBe(fixed.id)
    expect(await store.list('asha', { kinds: ['vitals'] })).toMatchObject({ events: [] })
    expect((await store.history('asha', event.context_id)).map((v) => v.tombstone)).toEqual([false, false, true])
  })

  it("Should refuse to change or remove Podd's own records (alerts, summaries, chat)", async () => {
    const store = new InMemoryEventStore()
    const { event } = await store.append('asha', {
      kind: 'alert',
      payload: { tier: 'urgent', condition: 'bp_crisis', title: 'BP 190/125', message: 'Re-measure' },
      source: 'system',
    })
    await expect(removeEvent(store, w, event.id)).rejects.toBeInstanceOf(SystemEventError)
    await expect(correctEvent(store, w, event.id, { payload: { tier: 'info' } })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await store.get('asha', event.id)).toBeDefined()
  })

  it("Should not find another patient's event", async () => {
    const store = new InMemoryEventStore()
    const { event } = await store.append('ravi', { kind: 'water', payload: { amount_ml: 250 }, source: 'chat' })
    await expect(removeEvent(store, w, event.id)).rejects.toBeInstanceOf(EventNotFoundError)
  })
})
