import type { PayloadOf } from './event-kinds.js'
import type { HealthEvent, HealthEventStore } from './event-store.js'
import { appendRecord, correctRecord, type RecordWrite } from './record-write.js'

type Profile = PayloadOf<'profile'>

/**
 * Saves the patient's profile: its first version, or a correction of the current one (a profile
 * is one entity, `profile:<user id>`, so its history is one audit trail). `replace` takes the
 * payload as the whole profile (PUT /profile); `merge` changes only the fields given and adds
 * allergies and conditions to those already known (a patient saying "I'm allergic to sulfa").
 */
export async function saveProfile(
  store: HealthEventStore,
  w: RecordWrite,
  payload: Record<string, unknown>,
  mode: 'replace' | 'merge',
): Promise<HealthEvent<'profile'>> {
  const current = await store.latest(w.userId, 'profile')
  const next = mode === 'merge' && current ? merged(current.payload, payload) : payload
  const event = current
    ? await correctRecord(store, w, current.id, { payload: next })
    : await appendRecord(store, w, { kind: 'profile', payload: next, context_id: `profile:${w.userId}` })
  return event as HealthEvent<'profile'>
}

function merged(current: Profile, change: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...current, ...change }
  const union = (field: 'allergies' | 'medical_conditions') => {
    const added = change[field]
    if (Array.isArray(added)) out[field] = [...new Set([...current[field], ...added])]
  }
  union('allergies')
  union('medical_conditions')
  return out
}
