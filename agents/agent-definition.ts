import type { StructuredToolInterface } from '@langchain/core/tools'
import type { EventKind } from '../memory/event-kinds.js'
import type { EventSource } from '../memory/event-kinds.js'
import type { HealthEvent, HealthEventStore } from '../memory/event-store.js'
import type { Plan, PlanContext } from './plan.js'

/**
 * How the deterministic router recognises an agent's part of a message: weighted patterns
 * (0–1) tried on each clause, and an optional adjustment that reads every agent's score (e.g.
 * "BP ki dawai" is a medicine, so medication lowers vitals' claim on it).
 */
export interface Lexicon {
  patterns: [RegExp, number][]
  adjust?(clause: string, scores: Record<string, number>, ctx: LexiconContext): void
  /**
   * Whether words could answer this agent's question (vitals asked for a number: "160 tha"
   * could, "had 2 roti for lunch" could not). Words that could not, with a clear intent of their
   * own, start a new subject; without it, any short reply may be the answer.
   */
  answers?(text: string): boolean
  /**
   * Words naming an entry of this agent's kinds without any number ("delete this morning's sugar
   * entry", "move my appointment"): where a correction or removal goes when nothing else says.
   */
  entryWords?: RegExp
  /**
   * Whether a clause routed to another agent also holds a complete entry of this one's, said in
   * passing ("aadha ghanta walk ke baad pulse 96": a 30-minute walk beside the pulse). Both agents
   * then read the clause.
   */
  alongside?(clause: string): boolean
}

export interface LexiconContext {
  /** The patient's own medicine names as one pattern, when they have any. */
  medicineNames?: RegExp
  /** The same names as said, for matching a misspelt one. */
  medicines?: string[]
  /** The whole message the clause is part of, normalised. */
  message?: string
}

/**
 * An agent, whole: what it handles, its prompt, its own tools, how the router recognises it,
 * and how the offline model plans its tool calls. Everything else (graph nodes, routing, the
 * router's prompt) is derived from the list of these in `registry.ts`.
 */
export interface AgentDefinition<N extends string = string> {
  name: N
  /** What it handles, in a line: the LLM router reads it to choose agents. */
  handles: string
  /** Its prompt, a Markdown file beside it, as a path from the project root. */
  prompt: string
  /** The kinds of entry it writes, corrects and removes; a correction of one goes to this agent. */
  kinds: EventKind[]
  /** Whether its prompt lists the patient's medicines. */
  needsMedicines: boolean
  tools(deps: AgentDeps): StructuredToolInterface[]
  lexicon: Lexicon
  /** The offline model's planner: the patient's words → this agent's tool calls, or a reply. */
  plan(ctx: PlanContext): Plan
}

export interface AgentDeps {
  store: HealthEventStore
  /** The recall tool over the patient's history, when recall is running. */
  recallTool?: StructuredToolInterface
  /** The patient's open dose reminders, answered by chat; the care module's, when it runs. */
  reminders?: ReminderAnswers
}

/** A dose reminder answered: the notification as it is now, and the dose recorded for it. */
export interface AnsweredReminder {
  notification: { id: string; title: string; slot?: string; medication_id?: string; status: string }
  medication_name?: string
  dose?: HealthEvent<'med_dose'>
}

/**
 * "Taken", "haan le li", "skip", "snooze 10 min" right after a reminder: the open reminders of
 * its latest slot time, answered as the app's buttons answer them (src/care's DoseReminders).
 */
export interface ReminderAnswers {
  answerOpen(
    patientId: string,
    answer: { action: 'taken' | 'skip' | 'snooze'; minutes?: 10 | 30 },
    now: Date,
    write: { source: EventSource; onWritten?: (event: HealthEvent) => void },
  ): Promise<AnsweredReminder[]>
}

/** Keeps the agent's name as a literal type, so the registry can derive `AgentName` from it. */
export function defineAgent<const N extends string>(definition: AgentDefinition<N>): AgentDefinition<N> {
  return definition
}
