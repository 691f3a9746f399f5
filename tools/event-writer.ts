import type { ToolRuntime } from '@langchain/core/tools'
import type { EventKind } from '../memory/event-kinds.js'
import type { AppendInput, HealthEvent, HealthEventStore } from '../memory/event-store.js'
import { EventValidationError } from '../memory/normalize-payload.js'
import { appendRecord, type RecordWrite } from '../memory/record-write.js'
import { turnContext } from './tool-context.js'

/**
 * A tool call's write to the record: the turn's patient and source, the tool call id as the
 * idempotency key (so a retried call never writes twice), and every event written joining the
 * turn's list and the live stream. Domain services (memory/) take it as their `RecordWrite`.
 */
export function turnWrite(runtime: ToolRuntime): RecordWrite {
  const ctx = turnContext(runtime)
  return {
    userId: ctx.userId,
    source: ctx.source,
    key: runtime.toolCallId ? `tool:${runtime.toolCallId}` : undefined,
    onWritten(event) {
      if (!ctx.written.some((e) => e.id === event.id)) ctx.written.push(event)
      runtime.writer?.({ type: 'event', event })
    },
  }
}

/** Appends an event for the patient of the turn (`part` numbers the events one call writes). */
export async function writeEvent<K extends EventKind>(
  store: HealthEventStore,
  runtime: ToolRuntime,
  input: Omit<AppendInput<K>, 'source' | 'idempotency_key'>,
  part = 0,
): Promise<HealthEvent<K>> {
  return asToolError(() => appendRecord(store, turnWrite(runtime), input, part))
}

/** Runs a write, turning a refusal into a message the model (or the patient) can act on. */
export async function asToolError<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (err) {
    throw toToolError(err)
  }
}

/** A store refusal as a message the model (or the patient) can act on. */
export function toToolError(err: unknown): Error {
  if (err instanceof EventValidationError) {
    const detail = err.issues.map((i) => `${i.path.replace(/^payload\./, '')}: ${i.message}`).join('; ')
    return new Error(`could not save this: ${detail}`)
  }
  return err instanceof Error ? err : new Error(String(err))
}

/** A tool's answer: a sentence for the patient plus the facts behind it, as JSON for the model. */
export function toolResult(message: string, data: Record<string, unknown> = {}): string {
  return JSON.stringify({ ok: true, message, ...data })
}
