import { type AIMessageChunk, HumanMessage, isAIMessageChunk } from '@langchain/core/messages'
import type { StructuredToolInterface } from '@langchain/core/tools'
import type { BaseCheckpointSaver } from '@langchain/langgraph'
import { Counter, Histogram } from 'prom-client'
import { AGENT_DEFINITIONS, type AgentDeps } from '../../agents/registry.js'
import { anyEvent, type EventStore, type HealthEvent } from '../../memory/event-store.js'
import { DEFAULT_TIMEZONE } from '../../memory/insights.js'
import { replyLanguage } from '../../language/patient-language.js'
import { normalizePayload } from '../../memory/normalize-payload.js'
import type { Metrics } from '../metrics.js'
import { NotFoundError } from '../../core/errors.js'
import { toStorableText } from '../../core/text.js'
import { newId } from '../../core/ids.js'
import type { Logger } from '../logger.js'
import { AgentRunner } from './agent-runner.js'
import type { ChatModels } from './chat-models.js'
import { buildConversationGraph, type AgentReply, type ConversationGraph } from './conversation-graph.js'
import { newStats, type GraphContext } from './graph-context.js'
import { AGENTS, type AgentName, type ConversationService, type TurnFrame, type TurnInput, type TurnResult } from './turn-types.js'

export class ThreadNotFoundError extends NotFoundError {
  override name = 'ThreadNotFoundError'
}

export interface ConversationDeps {
  store: EventStore
  models: ChatModels
  checkpointer: BaseCheckpointSaver
  logger: Logger
  metrics: Metrics
  recallTool?: StructuredToolInterface
  /** Answers the patient's open dose reminders from chat (the care module). */
  reminders?: AgentDeps['reminders']
  now?: () => Date
}

export interface ThreadSummary {
  thread_id: string
  title: string
  last_message_at: string
  messages: number
}

/** A thread's LangGraph id: namespaced by its patient, so no one can resume another's thread. */
export const graphThreadId = (userId: string, threadId: string) => `${userId}:${threadId}`

/** The patient a LangGraph thread id belongs to (checkpoints are sealed with their key). */
export function patientOfGraphThread(graphThread: string): string {
  const at = graphThread.indexOf(':')
  if (at <= 0) throw new Error('a conversation thread id names its patient first')
  return graphThread.slice(0, at)
}

/**
 * Runs patient turns through the conversation graph, by chat or voice, whole or streamed.
 * It resolves the thread and the patient's context, runs the graph with the user id in its
 * runtime context, and stores the turn as chat events.
 */
export class Conversation implements ConversationService {
  readonly graph: ConversationGraph
  private readonly now: () => Date
  private readonly turnSeconds: Histogram<'source' | 'outcome'>
  private readonly llmCalls: Counter<string>
  private readonly llmTokens: Counter<'direction'>
  private readonly fallbacks: Counter<'reason'>

  constructor(private readonly deps: ConversationDeps) {
    this.now = deps.now ?? (() => new Date())
    const agents = Object.fromEntries(
      AGENT_DEFINITIONS.map((d) => [d.name, new AgentRunner(d, { store: deps.store, recallTool: deps.recallTool, reminders: deps.reminders }, deps.models, deps.logger)]),
    ) as Record<AgentName, AgentRunner>
    this.graph = buildConversationGraph({ store: deps.store, models: deps.models, agents, checkpointer: deps.checkpointer, logger: deps.logger })
    const registers = [deps.metrics.registry]
    this.turnSeconds = new Histogram({
      name: 'podd_turn_duration_seconds',
      help: 'Conversation turn time in the graph, by source and outcome',
      labelNames: ['source', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    })
    this.llmCalls = new Counter({ name: 'podd_llm_calls_total', help: 'Calls to the configured LLM', registers })
    this.llmTokens = new Counter({ name: 'podd_llm_tokens_total', help: 'LLM tokens by direction', labelNames: ['direction'], registers })
    this.fallbacks = new Counter({ name: 'podd_llm_fallbacks_total', help: 'Turns answered by the offline model after the LLM failed', labelNames: ['reason'], registers })
  }

  async run(input: TurnInput): Promise<TurnResult> {
    const { ctx, graphInput, config } = await this.prepare(input)
    const started = performance.now()
    try {
      const state = await this.graph.invoke(graphInput, config)
      return await this.complete(input, ctx, state, started)
    } catch (err) {
      this.turnSeconds.observe({ source: input.source, outcome: 'error' }, (performance.now() - started) / 1000)
      await this.withdraw(input, ctx.written)
      throw err
    }
  }

  async *stream(input: TurnInput): AsyncGenerator<TurnFrame> {
    const { ctx, graphInput, config } = await this.prepare(input)
    const started = performance.now()
    let state: Record<string, unknown> | undefined
    let routed = false
    let completed = false
    try {
      const stream = await this.graph.stream(graphInput, { ...config, streamMode: ['updates', 'messages', 'custom', 'values'] })
      for await (const [mode, chunk] of stream as AsyncIterable<[string, any]>) {
        if (mode === 'values') state = chunk
        else if (mode === 'custom' && chunk?.type === 'event') yield { type: 'event', event: chunk.event as HealthEvent }
        else if (mode === 'messages') {
          const [message, meta] = chunk as [AIMessageChunk, { langgraph_node?: string }]
          const agent = meta?.langgraph_node as AgentName
          const text = typeof message.content === 'string' ? message.content : ''
          if (AGENTS.includes(agent) && isAIMessageChunk(message) && text && !message.tool_call_chunks?.length) {
            yield { type: 'token', agent, text }
          }
        } else if (mode === 'updates') {
          for (const update of Object.values(chunk ?? {}) as { routes?: AgentName[]; emergency?: boolean; replies?: AgentReply[] }[]) {
            if (update?.routes && !routed) {
              routed = true
              yield { type: 'route', routes: update.routes, emergency: !!update.emergency }
            }
            for (const r of update?.replies ?? []) {
              // Fixed replies (safety, policy) are not generated, so they arrive whole.
              if (r.agent === 'safety' || r.agent === 'policy') yield { type: 'token', agent: r.agent === 'safety' ? 'safety' : 'general', text: r.text }
            }
          }
        }
      }
      const result = await this.complete(input, ctx, state ?? {}, started)
      completed = true
      yield { type: 'done', result }
    } catch (err) {
      this.turnSeconds.observe({ source: input.source, outcome: 'error' }, (performance.now() - started) / 1000)
      throw err
    } finally {
      // Failed, cancelled, or abandoned by its reader before the end.
      if (!completed) await this.withdraw(input, ctx.written)
    }
  }

  /**
   * Takes back what a turn that did not complete wrote, newest first, so the record is as it was
   * and a retry does not log a reading twice: a new entry gets a tombstone, a correction the
   * version it replaced. An emergency alert stands (caregivers may already have been told). A
   * write that cannot be taken back (the store is down) is logged by id, never by content.
   */
  private async withdraw(input: TurnInput, written: HealthEvent[]): Promise<void> {
    const { store, logger } = this.deps
    for (const event of [...written].reverse()) {
      if (event.kind === 'alert') continue
      try {
        const replaced = event.supersedes ? (await store.history(input.userId, event.context_id)).find((v) => v.id === event.supersedes) : undefined
        if (replaced && !replaced.tombstone) {
          await store.correct(input.userId, event.id, { payload: replaced.payload, occurred_at: replaced.occurred_at, source: input.source })
        } else {
          await store.remove(input.userId, event.id, { source: input.source })
        }
      } catch (err) {
        logger.error({ err, event_id: event.id, kind: event.kind }, 'could not take back a write of a failed turn')
      }
    }
  }

  /** The patient's threads, newest first, from their chat events. */
  async listThreads(userId: string, limit = 50): Promise<ThreadSummary[]> {
    const chats = await this.deps.store.scan(userId, { kinds: ['chat'], max: 5000 })
    const threads = new Map<string, ThreadSummary>()
    for (const e of chats) {
      const id = e.payload.thread_id as string
      const t = threads.get(id) ?? { thread_id: id, title: '', last_message_at: e.occurred_at, messages: 0 }
      if (!t.title && e.payload.role === 'user') t.title = String(e.payload.text).slice(0, 80)
      t.messages++
      if (e.occurred_at > t.last_message_at) t.last_message_at = e.occurred_at
      threads.set(id, t)
    }
    return [...threads.values()].sort((a, b) => b.last_message_at.localeCompare(a.last_message_at)).slice(0, limit)
  }

  /** A thread's messages, oldest first. Another patient's thread is not found. */
  async threadMessages(userId: string, threadId: string): Promise<HealthEvent[]> {
    const messages = await this.deps.store.scan(userId, { kinds: ['chat'], payloadEquals: { thread_id: threadId }, max: 2000 })
    if (messages.length === 0) throw new ThreadNotFoundError('Thread not found')
    return messages
  }

  /** Threads known to exist, so a thread's later turns skip the existence check. */
  private readonly knownThreads = new Set<string>()

  private async threadExists(graphThread: string): Promise<boolean> {
    if (this.knownThreads.has(graphThread)) return true
    const found = !!(await this.deps.checkpointer.getTuple({ configurable: { thread_id: graphThread, checkpoint_ns: '' } }))
    if (found) this.remember(graphThread)
    return found
  }

  private remember(graphThread: string): void {
    if (this.knownThreads.size >= 10_000) this.knownThreads.delete(this.knownThreads.values().next().value!)
    this.knownThreads.add(graphThread)
  }

  private async prepare(input: TurnInput) {
    const { store } = this.deps
    const threadId = input.threadId ?? newId()
    const graphThread = graphThreadId(input.userId, threadId)
    const [exists, context] = await Promise.all([
      input.threadId ? this.threadExists(graphThread) : true,
      store.scan(input.userId, { kinds: ['profile', 'medication'] }),
    ])
    if (!exists) throw new ThreadNotFoundError('Thread not found')
    // The turn's own record is checked before the graph runs: a message the store would refuse
    // fails the turn before any tool has written, so a retry never records a reading twice.
    normalizePayload('chat', { role: 'user', text: input.message, thread_id: threadId })
    this.remember(graphThread)
    const profile = context.findLast((e) => e.kind === 'profile')
    const medicines = context.filter((e) => e.kind === 'medication' && e.payload.active)
    const ctx: GraphContext = {
      userId: input.userId,
      source: input.source,
      now: this.now(),
      timezone: (profile?.payload.timezone as string | undefined) ?? DEFAULT_TIMEZONE,
      written: [],
      threadId,
      turnId: newId(),
      language: (profile?.payload.language as string | undefined) ?? 'en-IN',
      // The safety node refines it with the thread's language (see conversation-graph.ts).
      replyLanguage: replyLanguage({ message: input.message, profileLanguage: profile?.payload.language as string | undefined }),
      medicines: medicines.map((m) => String(m.payload.name)),
      stats: newStats(),
    }
    return {
      ctx,
      graphInput: { messages: [new HumanMessage(input.message)], replies: null, routes: [], emergency: false },
      config: {
        configurable: { thread_id: graphThread },
        context: ctx as GraphContext & Record<string, unknown>,
        signal: input.signal,
        // One checkpoint per turn: intermediate steps are not worth a write each.
        durability: 'exit' as const,
        recursionLimit: 40,
      },
    }
  }

  private async complete(input: TurnInput, ctx: GraphContext, state: Record<string, any>, started: number): Promise<TurnResult> {
    const graphMs = performance.now() - started
    // A model can write anything; what the patient is told must also be storable as their record.
    const reply = toStorableText(String(state.reply ?? ''))
    const emergency = !!state.emergency
    const base = { thread_id: ctx.threadId, routes: state.routes as AgentName[], emergency }
    const records = await Promise.allSettled([
      this.deps.store.append(input.userId, {
        kind: 'chat',
        source: input.source,
        occurred_at: ctx.now,
        idempotency_key: `turn:${ctx.turnId}:user`,
        payload: { role: 'user', text: input.message, thread_id: ctx.threadId },
      }),
      this.deps.store.append(input.userId, {
        kind: 'chat',
        source: input.source,
        idempotency_key: `turn:${ctx.turnId}:assistant`,
        payload: { role: 'assistant', text: reply, thread_id: ctx.threadId, routes: base.routes, emergency },
      }),
    ])
    const failed = records.find((r) => r.status === 'rejected')
    if (failed) {
      // One record without the other is half a turn: the one stored goes back too.
      await this.withdraw(input, records.flatMap((r) => (r.status === 'fulfilled' ? [anyEvent(r.value.event)] : [])))
      throw failed.reason
    }
    const { stats } = ctx
    if (stats.llmCalls) this.llmCalls.inc(stats.llmCalls)
    if (stats.inputTokens) this.llmTokens.inc({ direction: 'input' }, stats.inputTokens)
    if (stats.outputTokens) this.llmTokens.inc({ direction: 'output' }, stats.outputTokens)
    if (stats.fallbackReason) this.fallbacks.inc({ reason: stats.fallbackReason })
    this.turnSeconds.observe({ source: input.source, outcome: emergency ? 'emergency' : 'ok' }, graphMs / 1000)
    return {
      ...base,
      reply,
      events: ctx.written.map(anyEvent),
      model: {
        provider: stats.fallbackReason ? 'offline' : this.deps.models.provider,
        fallback: !!stats.fallbackReason,
        fallback_reason: stats.fallbackReason,
        llm_calls: stats.llmCalls,
        input_tokens: stats.inputTokens,
        output_tokens: stats.outputTokens,
      },
      graph_ms: Math.round(graphMs * 10) / 10,
    }
  }
}
