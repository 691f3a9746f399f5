import { randomUUID } from 'node:crypto'
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager'
import { BaseChatModel, type BindToolsInput } from '@langchain/core/language_models/chat_models'
import { AIMessage, AIMessageChunk, type BaseMessage, isAIMessage, isHumanMessage, isSystemMessage, isToolMessage, type ToolMessage } from '@langchain/core/messages'
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs'
import { messageText, subjectBefore } from '../message-text.js'
import type { Plan, PlanContext, RecentEntry } from '../../../agents/plan.js'
import { normaliseText } from '../../../language/text.js'
import { romaniseHindi } from '../../../language/romanise.js'
import { FOCUS_MARKER, MEDICINES_MARKER, RECENT_MARKER } from './prompt-markers.js'
import { instructedLanguage, type ReplyLanguage } from '../../../language/patient-language.js'
import { toolErrorReply } from './tool-error-text.js'

import { isFollowUp } from '../../../language/follow-up.js'

/** The patient's words as the planners read them: Devanagari in Latin letters, then normalised. */
const read = (text: string) => normaliseText(romaniseHindi(text))

/** An agent's offline planner: the patient's words → its tool calls, or a reply. */
export type Planner = (ctx: PlanContext) => Plan

/** What the model says with no agent's planner: it can only report what tools said. */
const NO_PLANNER: Planner = () => ({ calls: [], reply: "Sorry, I can't help with that here." })

/** The part of a system prompt after a marker, up to the end of its line. */
function markedLine(messages: BaseMessage[], marker: string): string | undefined {
  for (const m of messages) {
    if (!isSystemMessage(m)) continue
    const line = messageText(m)
      .split('\n')
      .find((l) => l.startsWith(marker))
    if (line) return line.slice(marker.length).trim()
  }
  return undefined
}

/** The entries listed after RECENT_MARKER (JSON), or none. */
function recentEntries(line: string | undefined): RecentEntry[] {
  if (!line) return []
  try {
    const parsed = JSON.parse(line) as unknown
    return Array.isArray(parsed) ? (parsed as RecentEntry[]) : []
  } catch {
    return []
  }
}

function toolNameOf(t: BindToolsInput): string | undefined {
  const any = t as { name?: string; function?: { name?: string } }
  return any.name ?? any.function?.name
}

/** The patient-facing text of a tool's answer (tools answer `{ok, message, …}`), or its error. */
export function toolMessageText(m: ToolMessage, language: ReplyLanguage = 'en'): string {
  const content = messageText(m)
  if (m.status === 'error' || content.startsWith('Error:')) {
    const reason = content.replace(/^Error:\s*/, '').replace(/\s*Please fix your mistakes\.?\s*$/, '').trim()
    return toolErrorReply(reason, language)
  }
  try {
    const parsed = JSON.parse(content) as { message?: string }
    return parsed.message ?? content
  } catch {
    return content
  }
}

/**
 * Podd's built-in model, the default when no LLM is configured. It is a real LangChain chat
 * model: bound to an agent's tools, it reads the patient's words (numbers, units, times, foods,
 * medicines) and answers with the same tool calls an LLM would; given the tools' results, it
 * replies with their sentences. It is deterministic, needs no network, and says what it cannot do.
 */
export class OfflineChatModel extends BaseChatModel {
  private toolNames = new Set<string>()
  private planner: Planner = NO_PLANNER

  static override lc_name() {
    return 'PoddOfflineChatModel'
  }

  _llmType(): string {
    return 'podd-offline'
  }

  /** The model as one agent's: it plans with that agent's planner (from its folder). */
  forAgent(planner: Planner): OfflineChatModel {
    const model = new OfflineChatModel({})
    model.planner = planner
    model.toolNames = this.toolNames
    return model
  }

  override bindTools(tools: BindToolsInput[]): OfflineChatModel {
    const bound = new OfflineChatModel({})
    bound.planner = this.planner
    bound.toolNames = new Set(tools.map(toolNameOf).filter((n): n is string => !!n))
    return bound
  }

  /** What the model says next, given the conversation so far. */
  respond(messages: BaseMessage[]): AIMessage {
    const last = messages.at(-1)
    if (last && isToolMessage(last)) {
      const results: string[] = []
      const language = instructedLanguage(messages.filter((m) => isSystemMessage(m)).flatMap((m) => messageText(m).split('\n')))
      for (let i = messages.length - 1; i >= 0 && isToolMessage(messages[i]!); i--) results.unshift(toolMessageText(messages[i] as ToolMessage, language))
      return new AIMessage({ content: results.join(' ') })
    }
    const humanIndex = messages.findLastIndex((m) => isHumanMessage(m))
    const human = humanIndex >= 0 ? messageText(messages[humanIndex]!) : ''
    const focus = markedLine(messages, FOCUS_MARKER)
    const ctx: PlanContext = {
      text: read(focus || human),
      shared: !!focus,
      whole: read(human),
      medicines: (markedLine(messages, MEDICINES_MARKER) ?? '')
        .split(/\s*;\s*/)
        .map((s) => s.trim())
        .filter((s) => s && s !== 'none'),
      tools: this.toolNames,
      recent: recentEntries(markedLine(messages, RECENT_MARKER)),
      language: instructedLanguage(messages.filter((m) => isSystemMessage(m)).flatMap((m) => messageText(m).split('\n'))),
    }
    const asked = messages.slice(0, humanIndex).findLast((m) => isAIMessage(m) && !(m as AIMessage).tool_calls?.length)
    const askedIndex = asked ? messages.lastIndexOf(asked) : -1
    if (asked && messageText(asked).includes('?')) {
      const previous = messages.slice(0, askedIndex).findLast((m) => isHumanMessage(m))
      ctx.answeringQuestion = { question: read(messageText(asked)), previous: previous ? read(messageText(previous)) : '' }
    }
    const before = isFollowUp(ctx.whole) ? subjectBefore(messages, (words) => isFollowUp(read(words))) : undefined
    if (before) ctx.followUp = read(before)
    const plan = this.planner(ctx)
    if (plan.calls.length) {
      return new AIMessage({
        content: '',
        tool_calls: plan.calls.map((c) => ({ id: `call_${randomUUID()}`, name: c.name, args: c.args, type: 'tool_call' as const })),
      })
    }
    return new AIMessage({ content: plan.reply ?? '' })
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.respond(messages)
    return { generations: [{ text: messageText(message), message }] }
  }

  /** Streams the reply word by word, so the offline model's tokens flow like an LLM's. */
  override async *_streamResponseChunks(
    messages: BaseMessage[],
    _options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const message = this.respond(messages)
    if (message.tool_calls?.length) {
      yield new ChatGenerationChunk({
        text: '',
        message: new AIMessageChunk({
          content: '',
          tool_call_chunks: message.tool_calls.map((c, index) => ({ id: c.id, name: c.name, args: JSON.stringify(c.args), index, type: 'tool_call_chunk' as const })),
        }),
      })
      return
    }
    const words = messageText(message).match(/\S+\s*/g) ?? ['']
    for (const word of words) {
      const chunk = new ChatGenerationChunk({ text: word, message: new AIMessageChunk({ content: word }) })
      yield chunk
      await runManager?.handleLLMNewToken(word, undefined, undefined, undefined, undefined, { chunk })
    }
  }
}
