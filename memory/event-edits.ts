import { PoddError } from '../core/errors.js'
import { SYSTEM_ONLY_KINDS } from './event-kinds.js'
import type { HealthEvent, HealthEventStore } from './event-store.js'
import { correctRecord, type RecordWrite } from './record-write.js'

/** An alert, summary, notification or chat record: Podd writes those, a patient never edits them. */
export class SystemEventError extends PoddError {
  override name = 'SystemEventError'
  constructor(message: string) {
    super('FORBIDDEN', message)
  }
}

/** The current event, refused when it is Podd's own; a missing one is left to the store to explain. */
async function editable(store: HealthEventStore, userId: string, id: string): Promise<HealthEvent | undefined> {
  const current = await store.get(userId, id)
  if (current && SYSTEM_ONLY_KINDS.has(current.kind)) {
    throw new SystemEventError(`${current.kind} events are written by Podd itself and cannot be changed`)
  }
  return current
}

/**
 * Corrects one of the patient's own events with a new version (the old one stays in its
 * history). Alerts, summaries and chat records are Podd's and are refused.
 */
export async function correctEvent(
  store: HealthEventStore,
  w: RecordWrite,
  id: string,
  change: { payload: unknown; occurred_at?: string | Date },
): Promise<HealthEvent> {
  await editable(store, w.userId, id)
  return correctRecord(store, w, id, change)
}

/** Removes one of the patient's own events with a tombstone; Podd's own records are refused. */
export async function removeEvent(store: HealthEventStore, w: RecordWrite, id: string): Promise<HealthEvent> {
  const current = await editable(store, w.userId, id)
  // A missing or replaced event: the store says which (not found, or a conflict naming the current one).
  await store.remove(w.userId, id, { source: w.source })
  return current!
}
