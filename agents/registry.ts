import { foodAgent } from './food/food-agent.js'
import { generalAgent } from './general/general-agent.js'
import { medicationAgent } from './medication/medication-agent.js'
import { vitalsAgent } from './vitals/vitals-agent.js'

/**
 * Every agent, once. The graph's nodes and edges, the router's lexicons and prompt, and the
 * order in which replies are merged all come from this list: adding an agent is a folder in
 * agents/ and a line here.
 */
export const AGENT_DEFINITIONS = [foodAgent, vitalsAgent, medicationAgent, generalAgent] as const

export type AgentName = (typeof AGENT_DEFINITIONS)[number]['name']

export const AGENTS = AGENT_DEFINITIONS.map((a) => a.name) as [AgentName, ...AgentName[]]

/** The agent for what no lexicon claims: greetings, small talk, anything unclear. */
export const FALLBACK_AGENT: AgentName = 'general'

/** The agent that owns entries of a kind (writes, corrects and removes them), if any. */
export function agentForKind(kind: string): AgentName | undefined {
  return AGENT_DEFINITIONS.find((a) => (a.kinds as string[]).includes(kind))?.name
}

export type { AgentDefinition, AgentDeps, Lexicon, LexiconContext } from './agent-definition.js'
