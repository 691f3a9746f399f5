import { defineAgent } from '../agent-definition.js'
import { generalLexicon } from './general-lexicon.js'
import { planGeneral } from './general-planner.js'
import { generalTools } from './general-tools.js'
import { healthInfoTool } from './health-info-tool.js'

/** Greetings, mood, sleep, exercise, symptoms, profile and the patient's own history (recall). */
export const generalAgent = defineAgent({
  name: 'general',
  handles: 'greetings, help, mood, sleep, exercise, symptoms, appointments, profile, questions about their own history, and general health questions.',
  prompt: 'agents/general/general-prompt.md',
  kinds: ['symptom', 'mood', 'sleep', 'exercise', 'profile', 'appointment', 'emergency_contact'],
  needsMedicines: false,
  tools: ({ store, recallTool }) => [...generalTools(store), healthInfoTool, ...(recallTool ? [recallTool] : [])],
  lexicon: generalLexicon,
  plan: planGeneral,
})
