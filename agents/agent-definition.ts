import type { StructuredToolInterface } from '@langchain/core/tools'
import type { EventStore } from '../memory/event-store.js'
import type { AgentName } from '../src/graph/turn-types.js'

/** What an agent is built from: its prompt file and its own tools, nothing else. */
export interface AgentDefinition {
  name: AgentName
  /** A file in prompts/, without `.md`. */
  prompt: string
  /** Whether the agent's prompt lists the patient's medicines. */
  needsMedicines: boolean
  tools(deps: AgentDeps): StructuredToolInterface[]
}

export interface AgentDeps {
  store: EventStore
  /** The recall tool over the patient's history, when recall is running. */
  recallTool?: StructuredToolInterface
}
