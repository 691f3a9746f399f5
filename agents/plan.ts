import type { ReplyLanguage } from '../language/patient-language.js'

/** What the offline model's parsers read and what they decide. */
export interface PlanContext {
  /** The patient's words for this agent, normalised (lower case, spoken numbers as digits). */
  text: string
  /** The message also had parts for other agents: this agent may have nothing to say. */
  shared?: boolean
  /** The whole message, normalised, when `text` is only this agent's part of it. */
  whole: string
  /** The patient's previous message, when Podd's last reply was a question to them. */
  answeringQuestion?: { question: string; previous: string }
  /**
   * The patient's previous message, when this one leans on it ("and the day before?", "is that
   * high?"): the question is about the same thing (language/follow-up.ts).
   */
  followUp?: string
  /** The patient's own medicine names. */
  medicines: string[]
  /** Names of the tools bound to the model: a parser only plans calls to these. */
  tools: Set<string>
  /** This agent's entries from earlier turns of the conversation, oldest first. */
  recent: RecentEntry[]
  /** The language of the reply (English when unset): planners say their own words in it. */
  language?: ReplyLanguage
}

/** An entry as the agent's prompt lists it: what a correction or removal may refer to. */
export interface RecentEntry {
  id: string
  kind: string
  /** When it happened, ISO 8601. */
  at: string
  payload: Record<string, unknown>
}

export interface PlannedCall {
  name: string
  args: Record<string, unknown>
}

export interface Plan {
  calls: PlannedCall[]
  /** Said instead of calling a tool (a greeting, or a question back). */
  reply?: string
  /** The reply asks the patient something; their next turn answers it. */
  asked?: boolean
}
