/** What the offline model's parsers read and what they decide. */
export interface PlanContext {
  /** The patient's words for this agent, normalised (lower case, spoken numbers as digits). */
  text: string
  /** The patient's previous message, when Podd's last reply was a question to them. */
  answeringQuestion?: { question: string; previous: string }
  /** The patient's own medicine names. */
  medicines: string[]
  /** Names of the tools bound to the model: a parser only plans calls to these. */
  tools: Set<string>
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
