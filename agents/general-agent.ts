import { generalTools } from '../tools/general-tools.js'
import type { AgentDefinition } from './agent-definition.js'

/** Greetings, mood, sleep, exercise, symptoms, profile and the patient's own history (recall). */
export const generalAgent: AgentDefinition = {
  name: 'general',
  prompt: 'general-agent',
  needsMedicines: false,
  tools: ({ store, recallTool }) => [...generalTools(store), ...(recallTool ? [recallTool] : [])],
}
