import { AIMessage, type BaseMessage } from '@langchain/core/messages'
import type { RunnableConfig } from '@langchain/core/runnables'
import type { BaseCheckpointSaver, LangGraphRunnableConfig } from '@langchain/langgraph'
import { Annotation, Command, END, messagesStateReducer, Send, START, StateGraph } from '@langchain/langgraph'
import { z } from 'zod'
import { anyEvent, type EventStore, type HealthEvent } from '../../memory/event-store.js'
import type { Logger } from '../logger.js'
import type { AgentRunner } from './agent-runner.js'
import type { ChatModels } from './chat-models.js'
import { graphContext } from './graph-context.js'
import { lastHumanText, subjectBefore, withAnsweredRequest } from './message-text.js'
import { checkGuards } from './policy/guards.js'
import { loadPrompt } from './prompts.js'
import { CONFIDENT, classifyIntent, type ClauseIntent } from './router/classify-intent.js'
import { COMMON_DRUGS } from '../../language/medicine-names.js'
import { replyLanguage, type ReplyLanguage } from '../../language/patient-language.js'
import { checkSafety, type RecentRedFlag } from './safety/safety-check.js'
import { AGENT_DEFINITIONS, AGENTS, agentForKind, FALLBACK_AGENT, type AgentName } from '../../agents/registry.js'
import { GENERAL_TEXTS } from '../../agents/general/general-texts.js'
import { editIntent } from '../../language/edits.js'
import { say } from '../../language/localise.js'
import { whyNotARecord } from '../../language/not-a-record.js'
import { escapeRegExp, normaliseText } from '../../language/text.js'
import { completeEllipsis, isFollowUp } from '../../language/follow-up.js'
import { romaniseHindi } from '../../language/romanise.js'

/** Messages kept in a thread's checkpoint: its history lives in chat events, this is the window. */
const THREAD_WINDOW = 24
/** Entries a thread remembers for "no, make that 140" and "delete that". */
const ENTRY_WINDOW = 12

export interface AgentReply {
  agent: AgentName | 'safety' | 'policy'
  text: string
  asked: boolean
}

/**
 * State of a conversation thread. `messages` holds the patient's words and Podd's final
 * replies (never tool traffic, which stays inside each agent's loop); the other channels are
 * reset at the start of every turn.
 */
export const ConversationState = Annotation.Root({
  messages: Annotation<BaseMessage[]>({
    reducer: (current, update) => messagesStateReducer(current, update).slice(-THREAD_WINDOW),
    default: () => [],
  }),
  replies: Annotation<AgentReply[], AgentReply[] | null>({
    reducer: (current, update) => (update === null ? [] : [...current, ...update]),
    default: () => [],
  }),
  routes: Annotation<AgentName[]>({ reducer: (_, update) => update, default: () => [] }),
  emergency: Annotation<boolean>({ reducer: (_, update) => update, default: () => false }),
  /** The agent whose question the patient's next message probably answers. */
  pending: Annotation<AgentName | null>({ reducer: (_, update) => update, default: () => null }),
  /** The language of the thread's last reply: a message in no particular language keeps it. */
  language: Annotation<ReplyLanguage | null>({ reducer: (_, update) => update, default: () => null }),
  /** The thread's last red flag: "it was just acidity" after it still gets advice to be checked. */
  lastRedFlag: Annotation<RecentRedFlag | null>({ reducer: (_, update) => update, default: () => null }),
  /** Ids of the entries this thread wrote, oldest first: what a correction or removal refers to. */
  entries: Annotation<string[]>({ reducer: (_, update) => update.slice(-ENTRY_WINDOW), default: () => [] }),
  reply: Annotation<string>({ reducer: (_, update) => update, default: () => '' }),
})
type State = typeof ConversationState.State

const LlmRoute = z.object({ agents: z.array(z.enum(AGENTS)).min(1).describe('Every agent the message needs') })

/** The LLM router's instructions: the shared text, with each agent's line from the registry. */
function routerPrompt(): string {
  return loadPrompt('router')
    .replace('{{agents}}', AGENT_DEFINITIONS.map((a) => `- ${a.name}: ${a.handles}`).join('\n'))
    .replace('{{fallback}}', FALLBACK_AGENT)
}

/** Ends like a question or opens with a question word: asks rather than answers. */
function isQuestion(text: string): boolean {
  return /[?？]\s*$/.test(text.trim()) || /^(?:what|when|how|which|who|why|did|do|does|is|are|was|were|can|could|should|kya|kab|kitna|kitni|kaise|kaun)\b/i.test(text.trim())
}

/**
 * Which agent corrects or removes: one the message names that owns an entry of this thread
 * ("sorry typo, it was 136/92"), else the owner of the thread's newest entry ("no, make that
 * 140"), else the one the message names ("remove yesterday's 150/95").
 */
function editingAgent(named: AgentName[], recent: HealthEvent[], onlyIfOwned: boolean, namesItsEntry: boolean): AgentName | undefined {
  const owners = recent.map((e) => agentForKind(e.kind)).filter((a): a is AgentName => !!a)
  const owner = named.find((a) => owners.includes(a))
  // Words that only may point back ("it was 2 rotis") go where they say when no entry of theirs is near.
  if (onlyIfOwned) return owner ?? (named.length ? undefined : owners.at(-1))
  // A message that clearly names its kind ("delete yesterday's BP 150/95") goes to that kind's agent.
  return owner ?? (namesItsEntry ? named[0] : owners.at(-1)) ?? named[0]
}

/** Clauses read again with the medicines' names taken out ("amlodipine se pair sooj jaate hain" → a symptom). */
function withoutMedicineNames(clauses: ClauseIntent[], own: string[]): ClauseIntent[] {
  // Stems, so a name spelt as it sounds ("amlodipin" from Devanagari) is found too.
  const names = [...own.map((n) => n.toLowerCase().split(/\s+/)[0]!), ...COMMON_DRUGS].filter((n) => n.length >= 3).map((n) => (n.length > 6 ? n.slice(0, -2) : n))
  const pattern = new RegExp(`\\b(?:${names.map(escapeRegExp).join('|')})\\w*\\b`, 'g')
  // "…, band kar doon kya?": the stopping itself is the guard's, not a question of its own.
  return clauses.filter((c) => !/\b(?:band|bandh|chhod|chod|stop|quit|discontinue)\b/.test(c.text)).flatMap((c) => {
    if (!pattern.test(c.text)) return [c]
    pattern.lastIndex = 0
    return classifyIntent(c.text.replace(pattern, ' ').replace(/\s+/g, ' ').trim()).clauses
  })
}

export interface ConversationGraphDeps {
  store: EventStore
  models: ChatModels
  agents: Record<AgentName, AgentRunner>
  checkpointer: BaseCheckpointSaver
  logger: Logger
}

/**
 * One LangGraph per turn: safety ▶ router ▶ the agents of agents/registry.ts ▶ finish.
 * Safety answers red flags with fixed words and ends the turn; the router declines what Podd
 * never does (fixed words too), else fans out to every agent the message needs, in parallel;
 * finish merges their replies into one.
 */
export function buildConversationGraph(deps: ConversationGraphDeps) {
  const { store, models, agents, logger } = deps

  async function safety(state: State, config: LangGraphRunnableConfig) {
    const ctx = graphContext(config)
    const text = lastHumanText(state.messages)
    // The turn's reply language is decided here, once, for the safety text and every agent.
    const language = replyLanguage({ message: text, profileLanguage: ctx.language, threadLanguage: state.language })
    ctx.replyLanguage = language
    const outcome = checkSafety({ text, language, recent: state.lastRedFlag, now: ctx.now })
    if (outcome.kind === 'clear') return new Command({ goto: 'router', update: { language } })
    if (outcome.kind === 'follow_up') {
      return new Command({ goto: 'finish', update: { language, routes: [], replies: [{ agent: 'safety', text: outcome.reply, asked: false }] } })
    }
    const { event } = await store.append(ctx.userId, {
      kind: 'alert',
      source: ctx.source,
      idempotency_key: `turn:${ctx.turnId}:red-flag`,
      payload: outcome.alert,
    })
    ctx.written.push(anyEvent(event))
    config.writer?.({ type: 'event', event })
    return new Command({
      goto: 'finish',
      update: {
        language,
        emergency: true,
        routes: [],
        replies: [{ agent: 'safety', text: outcome.reply, asked: false }],
        lastRedFlag: { categories: outcome.flags.map((f) => f.category), at: ctx.now.toISOString() },
      },
    })
  }

  async function llmRoutes(text: string, config: RunnableConfig): Promise<AgentName[] | undefined> {
    const ctx = graphContext(config)
    if (models.provider !== 'openai' || ctx.stats.fallbackReason) return undefined
    try {
      ctx.stats.llmCalls++
      const classifier = models.primary
        .withStructuredOutput(LlmRoute, { method: 'functionCalling', name: 'route' })
        // The classification is not part of the reply stream.
        .withConfig({ tags: ['langsmith:nostream'] })
      const result = await classifier.invoke([{ role: 'system', content: routerPrompt() }, { role: 'user', content: text }], config)
      return [...new Set(result.agents)]
    } catch (err) {
      if (config.signal?.aborted) throw err
      logger.warn({ err: { message: (err as Error).message } }, 'LLM routing failed; using the deterministic router')
      return undefined
    }
  }

  async function router(given: State, config: RunnableConfig) {
    const ctx = graphContext(config)
    // "Which entry do you mean?" → "the samosa one": the request and its answer are read as one.
    const state = { ...given, messages: withAnsweredRequest(given.messages) }
    const text = lastHumanText(state.messages)
    ctx.recent = await thisThreadsEntries(ctx.userId, state.entries)
    // What Podd always declines (dose changes, other patients' data, injections, diagnoses) is
    // answered here with fixed words, before any agent or model sees it.
    const guard = { medicineNames: ctx.medicines, language: ctx.replyLanguage }
    // "And my father's?" after "what was my BP yesterday?" asks for his BP: words that lean on
    // the message before are read with what it was about.
    const leans = (words: string) => isFollowUp(normaliseText(romaniseHindi(words)))
    const before = subjectBefore(state.messages, leans)
    const leaning = before !== undefined && leans(text)
    const said = leaning ? completeEllipsis(normaliseText(romaniseHindi(text)), normaliseText(romaniseHindi(before))) : text
    // "That was my husband's reading, delete it": removing someone else's numbers from this
    // record is what the guard on others' data wants, so it goes to the edit.
    const guarded = checkGuards(said, guard)
    const removingOne =
      editIntent(normaliseText(romaniseHindi(said))) === 'remove' &&
      /\b(?:that|it|this|wo|vo|woh|yeh|ye)\b/.test(normaliseText(romaniseHindi(said))) &&
      !/\b(?:users?|records|accounts?|everyone|everybody|all|other people|database|data)\b/.test(normaliseText(said))
    const hit = guarded?.kind === 'other_patient' && removingOne ? undefined : guarded
    let classified = classifyIntent(said, { medicineNames: ctx.medicines })
    // "And the day before?", "is that high?": nothing of their own to route by, so they go where
    // the message before went (its clearest part).
    if (leaning && classified.routes.every((a) => a === FALLBACK_AGENT)) {
      const earlier = classifyIntent(before, { medicineNames: ctx.medicines }).clauses.filter((c) => c.agent).sort((a, b) => b.score - a.score)[0]
      if (earlier?.agent && earlier.agent !== FALLBACK_AGENT) classified = { routes: [earlier.agent], confidence: earlier.score, focus: {}, clauses: [] }
    }
    if (hit) {
      // The rest of the turn still counts: "BP 100/65, should I skip my amlodipine?" logs the
      // reading. Only clauses with a clear agent of their own that no guard declines go on.
      // "I want to stop my amlodipine, it makes my ankles swell": the reason is worth noting as a
      // symptom, so the words beside the medicine's name are read without it.
      const clauses = hit.kind === 'stop_medicine' ? withoutMedicineNames(classified.clauses, ctx.medicines) : classified.clauses
      // Not when the turn is about someone else: "my neighbour checked his BP, 170/100" leaves a
      // bare "170/100" clause that is his reading, not the patient's.
      const othersTurn = whyNotARecord(normaliseText(said)) === 'other_person'
      const beside = othersTurn ? [] : clauses.filter((c) => c.agent && c.score >= CONFIDENT && c.agent !== hit.agent && !checkGuards(c.text, guard))
      const agents = AGENTS.filter((a) => beside.some((c) => c.agent === a))
      const update = { routes: AGENTS.filter((a) => a === hit.agent || agents.includes(a)), replies: [{ agent: 'policy' as const, text: hit.reply, asked: false }] }
      if (agents.length === 0) return new Command({ goto: 'finish', update })
      const focusOf = (a: AgentName) => beside.filter((c) => c.agent === a).map((c) => c.text).join(', ')
      return new Command({ goto: agents.map((a) => new Send(a, { messages: state.messages, focus: focusOf(a) })), update })
    }
    const normalised = normaliseText(said)
    // Devanagari is read in Latin letters too: "नीचे वाला 82 था" corrects like "neeche wala 82 tha".
    const edit = editIntent(normalised) ?? editIntent(normaliseText(romaniseHindi(said)))
    // "My wife's BP is 150/90": someone else's numbers are never written to this patient's record.
    if (!edit && whyNotARecord(normalised) === 'other_person') {
      return new Command({
        goto: 'finish',
        update: { routes: [FALLBACK_AGENT], replies: [{ agent: 'policy', text: say(GENERAL_TEXTS.others_records, ctx.replyLanguage ?? 'en'), asked: false }] },
      })
    }
    if (edit) {
      // "No, make that 140", "delete that": the agent of the entry meant, and only that one.
      // "Aaj subah ki sugar wali entry mita do": no number to route by, but the entry's kind is named.
      const named = classified.routes.length ? classified.routes : AGENT_DEFINITIONS.filter((a) => a.lexicon.entryWords?.test(normaliseText(romaniseHindi(said)))).map((a) => a.name)
      const agent = editingAgent(named, ctx.recent, edit === 'refer', classified.confidence >= 0.9 && /\d/.test(normalised))
      if (agent) return new Command({ goto: [new Send(agent, { messages: state.messages })], update: { routes: [agent] } })
    }
    let routes = classified.routes
    let focus = classified.focus
    // A short reply right after an agent's question answers it ("it was 145 after lunch"). A
    // question, or words that clearly mean something else, start a new subject instead: a
    // pending question never traps the thread. Greetings and small talk are never answers.
    const short = text.trim().split(/\s+/).length <= 8
    const answersPending = !state.pending || (AGENT_DEFINITIONS.find((a) => a.name === state.pending)!.lexicon.answers?.(normalised) ?? true)
    const newSubject = routes.length > 0 && (isQuestion(text) || classified.confidence >= 0.95 || (classified.confidence >= CONFIDENT && !answersPending))
    if (state.pending && !routes.includes(state.pending) && !routes.includes(FALLBACK_AGENT) && short && !newSubject) {
      routes = [state.pending]
      focus = {}
    } else if (routes.length === 0 || classified.confidence < CONFIDENT) {
      const fromLlm = await llmRoutes(text, config)
      if (fromLlm) {
        routes = fromLlm
        focus = {}
      } else if (state.pending && (routes.includes(state.pending) || ((routes.length === 0 || classified.confidence < CONFIDENT) && answersPending))) {
        // An unclear message after a question from an agent is most likely the answer to it.
        routes = [state.pending]
        focus = {}
      } else if (routes.length === 0) {
        routes = [FALLBACK_AGENT]
      }
    }
    const ordered = AGENTS.filter((a) => routes.includes(a))
    return new Command({
      goto: ordered.map((agent) => new Send(agent, { messages: state.messages, focus: ordered.length > 1 ? focus[agent] : undefined })),
      update: { routes: ordered },
    })
  }

  /** The thread's entries as they stand now, oldest first (corrected ones by their new version). */
  async function thisThreadsEntries(userId: string, ids: string[]): Promise<HealthEvent[]> {
    if (ids.length === 0) return []
    const current = await store.getMany(userId, ids)
    return ids.map((id) => current.find((e) => e.id === id)).filter((e): e is HealthEvent => !!e)
  }

  function agentNode(agent: AgentName) {
    return async (input: { messages: BaseMessage[]; focus?: string }, config: RunnableConfig) => {
      const { reply, asked } = await agents[agent].run(input, config)
      return { replies: [{ agent, text: reply, asked }] }
    }
  }

  async function finish(state: State, config: RunnableConfig) {
    const ctx = graphContext(config)
    const entries = ctx.written.filter((e) => agentForKind(e.kind)).map((e) => e.id)
    const order = (r: AgentReply) => (r.agent === 'safety' || r.agent === 'policy' ? -1 : AGENTS.indexOf(r.agent))
    const replies = [...state.replies].sort((a, b) => order(a) - order(b))
    const reply = replies.map((r) => r.text).filter(Boolean).join('\n\n')
    const askers = replies.filter((r) => r.asked && r.agent !== 'safety' && r.agent !== 'policy')
    return {
      reply,
      pending: askers.length === 1 ? (askers[0]!.agent as AgentName) : null,
      entries: [...state.entries, ...entries],
      messages: [new AIMessage({ content: reply })],
    }
  }

  // Built step by step from the registry, so the builder's node names are widened to strings.
  const graph = new StateGraph(ConversationState) as unknown as StateGraph<typeof ConversationState, State, Partial<State>, string>
  graph.addNode('safety', safety, { ends: ['router', 'finish'] })
  graph.addNode('router', router, { ends: [...AGENTS, 'finish'] })
  for (const agent of AGENTS) graph.addNode(agent, agentNode(agent))
  graph.addNode('finish', finish)
  graph.addEdge(START, 'safety')
  for (const agent of AGENTS) graph.addEdge(agent, 'finish')
  graph.addEdge('finish', END)
  return graph.compile({ checkpointer: deps.checkpointer })
}

export type ConversationGraph = ReturnType<typeof buildConversationGraph>
