import { defineAgent } from '../agent-definition.js'
import { medicationLexicon } from './medication-lexicon.js'
import { planMedication } from './medication-planner.js'
import { medicationTools } from './medication-tools.js'

/** Medicines, reminders and doses; never advises a change of dose. */
export const medicationAgent = defineAgent({
  name: 'medication',
  handles: 'medicines, tablets, doses taken/missed/skipped, reminders, prescriptions.',
  prompt: 'agents/medication/medication-prompt.md',
  kinds: ['medication', 'med_schedule', 'med_dose'],
  needsMedicines: true,
  tools: ({ store, reminders }) => medicationTools(store, reminders),
  lexicon: medicationLexicon,
  plan: planMedication,
})
