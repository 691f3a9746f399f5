import { defineAgent } from '../agent-definition.js'
import { foodLexicon } from './food-lexicon.js'
import { planFood } from './food-planner.js'
import { foodTools } from './food-tools.js'

/** Meals, water, calories: logs what the patient eats and answers about their day's food. */
export const foodAgent = defineAgent({
  name: 'food',
  handles: 'meals, snacks, drinks, water, calories, diet.',
  prompt: 'agents/food/food-prompt.md',
  kinds: ['food', 'water'],
  needsMedicines: false,
  tools: ({ store }) => foodTools(store),
  lexicon: foodLexicon,
  plan: planFood,
})
