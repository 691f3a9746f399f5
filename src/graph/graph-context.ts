import type { TurnContext } from '../../tools/tool-context.js'

/** Counts what the model side of a turn did; mutated by the model calls of the turn. */
export interface TurnStats {
  llmCalls: number
  inputTokens: number
  outputTokens: number
  /** Set when the configured LLM failed: the rest of the turn is answered offline. */
  fallbackReason: string | null
}

/**
 * The graph's runtime context for one turn: built by the server from the verified token, never
 * checkpointed, never visible to the model. Tools read the `TurnContext` part of it.
 */
export interface GraphContext extends TurnContext {
  threadId: string
  turnId: string
  /** The patient's profile language, e.g. "hi-IN". */
  language: string
  /** The patient's active medicine names, for routing and the medication prompt. */
  medicines: string[]
  stats: TurnStats
}

export function newStats(): TurnStats {
  return { llmCalls: 0, inputTokens: 0, outputTokens: 0, fallbackReason: null }
}

/** The turn context LangGraph hands a node in its config. */
export function graphContext(config: object): GraphContext {
  const ctx = (config as { context?: GraphContext }).context
  if (!ctx?.userId || !ctx.stats) throw new Error('graph run without its turn context')
  return ctx
}
