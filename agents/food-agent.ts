import { foodTools } from '../tools/food-tools.js'
import type { AgentDefinition } from './agent-definition.js'

/** Meals, water, calories: logs what the patient eats and answers about their day's food. */
export const foodAgent: AgentDefinition = {
  name: 'food',
  prompt: 'food-agent',
  needsMedicines: false,
  tools: ({ store }) => foodTools(store),
}
