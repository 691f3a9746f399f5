import type { BaseLanguageModelInput } from '@langchain/core/language_models/base'
import { type AIMessage, type AIMessageChunk, type BaseMessage, SystemMessage } from '@langchain/core/messages'
import type { Runnable, RunnableConfig } from '@langchain/core/runnables'
import { ToolNode } from '@langchain/langgraph/prebuilt'
import type { AgentDefinition, AgentDeps, AgentName } from '../../agents/registry.js'
import type { Logger } from '../logger.js'
import type { ChatModels } from './chat-models.js'
import { graphContext, type GraphContext } from './graph-context.js'
import type { OfflineChatModel } from './offline-model/offline-chat-model.js'
import { FOCUS_MARKER, MEDICINES_MARKER, RECENT_MARKER } from './offline-model/prompt-markers.js'
import { messageText } from './message-text.js'
import { loadPrompt } from './prompts.js'
import { REPLY_INSTRUCTIONS } from '../../language/patient-language.js'

/** Tool rounds an agent may take in one turn before it must answer. */
const MAX_STEPS = 4
/** Earlier messages an agent sees: enough for a clarification, not a whole thread. */
const HISTORY = 12

type BoundModel = Runnable<BaseLanguageModelInput, AIMessageChunk>

export class MalformedModelOutputError extends Error {
  override name = 'MalformedModelOutputError'
}

const LANGUAGE_NAMES: Record<string, string> = {
  bn: 'Bengali', ta: 'Tamil', te: 'Telugu', kn: 'Kannada', ml: 'Malayalam', mr: 'Marathi',
  gu: 'Gujarati', pa: 'Punjabi', od: 'Odia', or: 'Odia', ur: 'Urdu', as: 'Assamese',
}


/** The reply-language line: Podd's own texts are English or Hindi; an LLM can also answer in the profile's other language. */
function replyInstruction(ctx: GraphContext): string {
  const other = LANGUAGE_NAMES[ctx.language.split('-')[0]!]
  if ((ctx.replyLanguage ?? 'en') === 'en' && other) return `Reply in ${other}.`
  return REPLY_INSTRUCTIONS[ctx.replyLanguage ?? 'en']
}

/** Why the configured LLM failed, in a word for the response and the metrics. */
export function fallbackReason(err: unknown): string {
  const e = err as { name?: string; status?: number; code?: string; message?: string }
  if (e instanceof MalformedModelOutputError) return 'malformed_output'
  if (e?.name?.includes('Timeout') || /timed? ?out/i.test(e?.message ?? '')) return 'timeout'
  if (typeof e?.status === 'number') return e.status >= 500 ? 'server_error' : `http_${e.status}`
  if (/ECONNREFUSED|ENOTFOUND|fetch failed|Connection error/i.test(e?.message ?? '')) return 'unreachable'
  return 'error'
}

/**
 * One agent: its prompt, its own tools, and a tool-calling loop (model → tools → model) run
 * inside the agent's graph node. A failure of the configured LLM hands the rest of the turn to
 * the offline model: tool calls already made keep their results, so nothing is logged twice.
 */
export class AgentRunner {
  readonly name: AgentName
  private readonly toolNode: ToolNode
  private readonly offline: BoundModel
  private readonly offlineModel: OfflineChatModel
  private readonly primary: BoundModel | undefined

  constructor(
    private readonly definition: AgentDefinition<AgentName>,
    deps: AgentDeps,
    models: ChatModels,
    private readonly logger: Logger,
  ) {
    this.name = definition.name
    const tools = definition.tools(deps)
    this.toolNode = new ToolNode(tools)
    this.offlineModel = models.offline.forAgent(definition.plan)
    this.offline = this.offlineModel.bindTools(tools) as unknown as BoundModel
    this.primary = models.provider === 'openai' ? (models.primary.bindTools!(tools) as BoundModel) : undefined
  }

  systemPrompt(ctx: GraphContext, focus: string | undefined): string {
    const now = ctx.now.toLocaleString('en-IN', { timeZone: ctx.timezone, dateStyle: 'full', timeStyle: 'short' })
    const lines = [
      loadPrompt(this.definition.prompt),
      loadPrompt('shared-rules'),
      `It is ${now} in the patient's time zone (${ctx.timezone}).`,
      replyInstruction(ctx),
    ]
    if (this.definition.needsMedicines) lines.push(`${MEDICINES_MARKER}${ctx.medicines.length ? ctx.medicines.join('; ') : 'none'}`)
    const own = (ctx.recent ?? []).filter((e) => (this.definition.kinds as string[]).includes(e.kind))
    if (own.length) {
      const entries = own.map((e) => ({ id: e.id, kind: e.kind, at: e.occurred_at, payload: e.payload }))
      lines.push(`${RECENT_MARKER}${JSON.stringify(entries)}`)
    }
    if (focus) {
      lines.push('The message also covers things other agents handle; act only on your part.')
      lines.push(`${FOCUS_MARKER}${focus}`)
    }
    return lines.join('\n\n')
  }

  async run(input: { messages: BaseMessage[]; focus?: string }, config: RunnableConfig): Promise<{ reply: string; asked: boolean }> {
    const ctx = graphContext(config)
    const scratch: BaseMessage[] = [new SystemMessage(this.systemPrompt(ctx, input.focus)), ...input.messages.slice(-HISTORY)]
    for (let step = 0; step < MAX_STEPS; step++) {
      const ai = await this.callModel(scratch, config, ctx)
      scratch.push(ai)
      if (!ai.tool_calls?.length) {
        const reply = messageText(ai).trim()
        return { reply, asked: reply.includes('?') }
      }
      const { messages } = (await this.toolNode.invoke({ messages: scratch }, config)) as { messages: BaseMessage[] }
      scratch.push(...messages)
    }
    // Out of rounds: say what the tools reported rather than loop again.
    return { reply: messageText(this.offlineModel.respond(scratch)), asked: false }
  }

  private async callModel(messages: BaseMessage[], config: RunnableConfig, ctx: GraphContext): Promise<AIMessage> {
    if (!this.primary || ctx.stats.fallbackReason) return (await this.offline.invoke(messages, config)) as AIMessage
    try {
      ctx.stats.llmCalls++
      const ai = (await this.primary.invoke(messages, config)) as AIMessage
      ctx.stats.inputTokens += ai.usage_metadata?.input_tokens ?? 0
      ctx.stats.outputTokens += ai.usage_metadata?.output_tokens ?? 0
      if (ai.invalid_tool_calls?.length && !ai.tool_calls?.length) throw new MalformedModelOutputError('the model returned unreadable tool calls')
      return ai
    } catch (err) {
      if (config.signal?.aborted) throw err
      ctx.stats.fallbackReason = fallbackReason(err)
      // Logged once per turn: later calls of this turn go straight to the offline model.
      this.logger.warn({ err: { name: (err as Error).name, message: (err as Error).message }, agent: this.name, reason: ctx.stats.fallbackReason }, 'LLM failed; the offline model answers this turn')
      return (await this.offline.invoke(messages, config)) as AIMessage
    }
  }
}
