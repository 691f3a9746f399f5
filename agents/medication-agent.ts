import { medicationTools } from '../tools/medication-tools.js'
import type { AgentDefinition } from './agent-definition.js'

/** Medicines, reminders and doses; never advises a change of dose. */
export const medicationAgent: AgentDefinition = {
  name: 'medication',
  prompt: 'medication-agent',
  needsMedicines: true,
  tools: ({ store }) => medicationTools(store),
}
