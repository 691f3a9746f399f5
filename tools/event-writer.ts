import type { ToolRuntime } from '@langchain/core/tools'
import type { EventKind } from '../memory/event-kinds.js'
import { anyEvent, type HealthEventStore, type HealthEvent } from '../memory/event-store.js'
import { EventValidationError } from '../memory/normalize-payload.js'
import { turnContext } from './tool-context.js'

/**
 * Appends an event for the patient of the turn. The tool call id is the idempotency key (with
 * a suffix when one call writes several events), so a retried call never writes twice. The
 * event joins the turn's list and the live stream.
 */
export async function writeEvent<K extends EventKind>(
  store: HealthEventStore,
  runtime: ToolRuntime,
  input: { kind: K; payload: unknown; occurred_at?: Date | string; context_id?: string },
  part = 0,
): Promise<HealthEvent<K>> {
  const ctx = turnContext(runtime)
  const key = runtime.toolCallId ? `tool:${runtime.toolCallId}${part ? `:${part}` : ''}` : undefined
  try {
    const { event } = await store.append(ctx.userId, { ...input, source: ctx.source, idempotency_key: key })
    if (!ctx.written.some((e) => e.id === event.id)) ctx.written.push(anyEvent(event))
    runtime.writer?.({ type: 'event', event })
    return event
  } catch (err) {
    throw toToolError(err)
  }
}

/** Corrects an event of the turn's patient and reports it like a write. */
export async function correctEvent(store: HealthEventStore, runtime: ToolRuntime, id: string, payload: unknown): Promise<HealthEvent> {
  const ctx = turnContext(runtime)
  try {
    const event = await store.correct(ctx.userId, id, {
      payload,
      source: ctx.source,
      idempotency_key: runtime.toolCallId ? `tool:${runtime.toolCallId}` : undefined,
    })
    ctx.written.push(event)
    runtime.writer?.({ type: 'event', event })
    return event
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
