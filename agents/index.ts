import type { AgentName } from '../src/graph/turn-types.js'
import type { AgentDefinition } from './agent-definition.js'
import { foodAgent } from './food-agent.js'
import { generalAgent } from './general-agent.js'
import { medicationAgent } from './medication-agent.js'
import { vitalsAgent } from './vitals-agent.js'

export const AGENT_DEFINITIONS: Record<AgentName, AgentDefinition> = {
  food: foodAgent,
  vitals: vitalsAgent,
  medication: medicationAgent,
  general: generalAgent,
}
export type { AgentDefinition, AgentDeps } from './agent-definition.js'
