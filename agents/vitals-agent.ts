import { vitalsTools } from '../tools/vitals-tools.js'
import type { AgentDefinition } from './agent-definition.js'

/** Readings: records BP, pulse, sugar, temperature, SpO2 and weight, and reads them back. */
export const vitalsAgent: AgentDefinition = {
  name: 'vitals',
  prompt: 'vitals-agent',
  needsMedicines: false,
  tools: ({ store }) => vitalsTools(store),
}
