import { defineAgent } from '../agent-definition.js'
import { vitalsLexicon } from './vitals-lexicon.js'
import { planVitals } from './vitals-planner.js'
import { vitalsTools } from './vitals-tools.js'

/** Readings: records BP, pulse, sugar, temperature, SpO2 and weight, and reads them back. */
export const vitalsAgent = defineAgent({
  name: 'vitals',
  handles: 'readings of blood pressure, pulse, blood sugar, temperature, oxygen (SpO2), weight, and questions about past readings.',
  prompt: 'agents/vitals/vitals-prompt.md',
  kinds: ['vitals'],
  needsMedicines: false,
  tools: ({ store }) => vitalsTools(store),
  lexicon: vitalsLexicon,
  plan: planVitals,
})
