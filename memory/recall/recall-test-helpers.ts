import type { EventStore } from '../event-store.js'

/** Appends what a patient said in chat, the commonest memory in recall's tests. */
export function userSays(store: EventStore, userId: string, text: string, occurred_at?: Date | string) {
  const payload = { role: 'user', text, thread_id: 't1' }
  return store.append(userId, { kind: 'chat', payload, occurred_at, source: 'chat' })
}
