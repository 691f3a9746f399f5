import { randomUUID } from 'node:crypto'
import type { StructuredToolInterface } from '@langchain/core/tools'
import type { AgentDefinition } from '../agents/agent-definition.js'
import type { Plan, RecentEntry } from '../agents/plan.js'
import type { HealthEvent } from '../memory/event-store.js'
import { InMemoryEventStore } from '../memory/in-memory-event-store.js'
import { normaliseText } from '../language/text.js'
import type { TurnContext } from '../tools/tool-context.js'

/**
 * Unit tests of an agent's tools and planner with no database: the event store's in-memory
 * twin, a turn context as the graph builds it, and tool calls made as ToolNode makes them (with
 * a tool call id, so idempotency holds).
 */

/** Wednesday 11 June 2025, 19:30 in Kolkata: the evals' fixed "now". */
export const NOW = new Date('2025-06-11T14:00:00Z')

export function turn(userId: string, now = NOW, timezone = 'Asia/Kolkata'): TurnContext {
  return { userId, source: 'chat', now, timezone, written: [] }
}

export interface ToolAnswer {
  ok: boolean
  message: string
  [field: string]: unknown
}

/** Calls a tool as the graph's ToolNode does; the answer parsed from its JSON. */
export async function callTool(tool: StructuredToolInterface, args: Record<string, unknown>, ctx: TurnContext, id: string = randomUUID()): Promise<ToolAnswer> {
  // ToolNode hands a tool its runtime as the call's config: the context and the tool call id.
  const runtime = { context: ctx, toolCallId: id } as Parameters<StructuredToolInterface['invoke']>[1]
  const message = await tool.invoke({ id, name: tool.name, args, type: 'tool_call' }, runtime)
  const content = typeof message === 'string' ? message : String((message as { content: unknown }).content)
  return JSON.parse(content) as ToolAnswer
}

/** An agent's tools over a fresh in-memory store, by name. */
export function agentTools(agent: AgentDefinition, store = new InMemoryEventStore(() => NOW)) {
  const tools = new Map(agent.tools({ store }).map((t) => [t.name, t]))
  return { store, tool: (name: string) => tools.get(name)! }
}

/** What an agent's offline planner makes of the patient's words. */
export function plan(
  agent: AgentDefinition,
  text: string,
  opts: { medicines?: string[]; answering?: { question: string; previous: string }; recent?: RecentEntry[]; followUp?: string } = {},
): Plan {
  const tools = new Set(agent.tools({ store: new InMemoryEventStore() }).map((t) => t.name))
  return agent.plan({
    text: normaliseText(text),
    whole: normaliseText(text),
    medicines: opts.medicines ?? [],
    tools,
    answeringQuestion: opts.answering,
    recent: opts.recent ?? [],
    ...(opts.followUp ? { followUp: normaliseText(opts.followUp) } : {}),
  })
}

/** The first planned call's name and arguments, or the reply when nothing is called. */
export function firstCall(p: Plan): { name: string; args: Record<string, unknown> } | { reply: string } {
  return p.calls[0] ?? { reply: p.reply ?? '' }
}

export const payloads = (events: HealthEvent[]) => events.map((e) => ({ kind: e.kind, ...e.payload }))
