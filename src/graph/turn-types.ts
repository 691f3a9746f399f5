import type { EventSource } from '../../memory/event-kinds.js'
import type { HealthEvent } from '../../memory/event-store.js'

import type { AgentName } from '../../agents/registry.js'

// The agents are listed once, in agents/registry.ts.
export { AGENTS, type AgentName } from '../../agents/registry.js'

/** One patient turn, by chat or by voice. The user id comes from the verified token only. */
export interface TurnInput {
  userId: string
  message: string
  /** A thread of this patient; absent starts a new one. Another patient's thread id is not found. */
  threadId?: string
  source: Extract<EventSource, 'chat' | 'voice'>
  /** Aborts the run (client disconnect, barge-in). */
  signal?: AbortSignal
  requestId?: string
}

/** What the model side of a turn cost and whether the configured LLM had to be replaced. */
export interface TurnModelInfo {
  provider: 'offline' | 'openai'
  /** True when the configured LLM failed and the offline model answered instead. */
  fallback: boolean
  fallback_reason: string | null
  llm_calls: number
  input_tokens: number
  output_tokens: number
}

export interface TurnResult {
  thread_id: string
  reply: string
  routes: AgentName[]
  /** Events written during this turn (chat events excluded). */
  events: HealthEvent[]
  emergency: boolean
  model: TurnModelInfo
  graph_ms: number
}

/** Frames of a streamed turn (SSE and WebSocket carry the same ones). */
export type TurnFrame =
  | { type: 'route'; routes: AgentName[]; emergency: boolean }
  | { type: 'token'; agent: AgentName | 'safety'; text: string }
  | { type: 'event'; event: HealthEvent }
  | { type: 'done'; result: TurnResult }
  | { type: 'error'; error: { code: string; message: string } }

export interface ConversationService {
  run(input: TurnInput): Promise<TurnResult>
  stream(input: TurnInput): AsyncIterable<TurnFrame>
}
