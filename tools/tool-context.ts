import type { EventSource } from '../memory/event-kinds.js'
import type { HealthEvent } from '../memory/event-store.js'
import type { ReplyLanguage } from '../language/patient-language.js'

/**
 * What a tool knows about the turn, from the graph's runtime context. It is built from the
 * verified token by the server: no tool schema has a user id, so a model cannot forge one.
 */
export interface TurnContext {
  userId: string
  source: Extract<EventSource, 'chat' | 'voice'>
  /** The turn's clock, so "yesterday evening" means the same instant to every tool. */
  now: Date
  /** The patient's IANA time zone. */
  timezone: string
  /** Collects the events this turn wrote, for the response and the SSE stream. */
  written: HealthEvent[]
  /** The language of this turn's reply (language/patient-language.ts); English when unset. */
  replyLanguage?: ReplyLanguage
  /**
   * The patient's entries from earlier turns of this conversation, as they stand now, oldest
   * first: what "no, make that 140" or "delete that" refers to.
   */
  recent?: HealthEvent[]
}

export class MissingTurnContextError extends Error {
  override name = 'MissingTurnContextError'
}

/** The turn context of a tool call; a tool run outside a turn fails loudly instead of guessing. */
export function turnContext(runtime: { context?: unknown } | undefined): TurnContext {
  const ctx = runtime?.context as Partial<TurnContext> | undefined
  if (!ctx?.userId || !ctx.now || !ctx.timezone || !ctx.written) {
    throw new MissingTurnContextError('tool called without a turn context')
  }
  return ctx as TurnContext
}
