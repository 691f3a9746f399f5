import type { EventKind, EventSource } from './event-kinds.js'
import type { AppendInput, CorrectionInput, HealthEvent, HealthEventStore } from './event-store.js'

/**
 * Who is writing to a patient's record, and how: the patient (from a verified token, never from
 * a request body or a model), where the words came from, the idempotency key of the operation
 * (a tool call id, a client's Idempotency-Key) and who wants to hear of each event written (a
 * chat turn's list and stream). The domain services take one of these, so a chat tool and an
 * HTTP route doing the same thing write the same events.
 */
export interface RecordWrite {
  userId: string
  source: EventSource
  /** The operation's idempotency key; the n-th event an operation writes gets `<key>:<n>`. */
  key?: string
  onWritten?: (event: HealthEvent) => void
}

/** The idempotency key of the n-th event written under an operation's key. */
export function partKey(w: RecordWrite, part: number): string | undefined {
  return w.key === undefined ? undefined : part ? `${w.key}:${part}` : w.key
}

/** Appends one event of an operation (`part` numbers the events one operation writes). */
export async function appendRecord<K extends EventKind>(
  store: HealthEventStore,
  w: RecordWrite,
  input: Omit<AppendInput<K>, 'source' | 'idempotency_key'>,
  part = 0,
): Promise<HealthEvent<K>> {
  const { event } = await store.append(w.userId, { ...input, source: w.source, idempotency_key: partKey(w, part) })
  w.onWritten?.(event as unknown as HealthEvent)
  return event
}

/** Writes a new version of one of the patient's events. */
export async function correctRecord(
  store: HealthEventStore,
  w: RecordWrite,
  id: string,
  input: Omit<CorrectionInput, 'source' | 'idempotency_key'>,
): Promise<HealthEvent> {
  const event = await store.correct(w.userId, id, { ...input, source: w.source, idempotency_key: w.key })
  w.onWritten?.(event)
  return event
}
