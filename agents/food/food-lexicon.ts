import type { Lexicon } from '../agent-definition.js'
import { escapeRegExp } from '../../language/text.js'
import { FOOD_NAMES } from './nutrition-table.js'

/** A question about the calories the patient has eaten, not about calories in general. */
export const CALORIES_SO_FAR =
  /\b(?:calories|kcal|calorie)\b.{0,30}\b(?:kha li|kha liye|khayi|khaye|khaya|li|liye|ab tak|so far|today|aaj|did i|have i|i (?:had|ate|have had)|this week|is hafte|yesterday|kal)\b|\b(?:ab tak|so far|aaj|today|did i|have i|kal|yesterday)\b.{0,30}\b(?:calories|kcal)\b/

/** Foods that are also words for other things ("sugar" is a reading, "chicken" a pox). */
const AMBIGUOUS = ['aloo', 'chicken', 'fish', 'mutton', 'sugar', 'fruit']
// Plurals as the planner reads them ("2 laddoos", "idlis").
const FOOD_WORDS = new RegExp(`\\b(?:${FOOD_NAMES.filter((n) => !AMBIGUOUS.includes(n)).map(escapeRegExp).join('|')})(?:e?s)?\\b`)

/** Meals, foods, drinks and water. */
export const foodLexicon: Lexicon = {
  entryWords: new RegExp(`\\b(?:water|paani|pani|meals?|food|breakfast|lunch|dinner|nashta|khana|snacks?)\\b|${FOOD_WORDS.source}`),
  patterns: [
    [/\b(?:breakfast|lunch|dinner|supper|snack|snacks|nashta|naashta|khana|khaana|meal|meals|tiffin)\b/, 0.9],
    [FOOD_WORDS, 0.85],
    [/\b(?:ate|eaten|eat|eating|khaya|khaaya|khayi|khaayi|khaye|kha liya|kha li)\b/, 0.7],
    [/\b(?:water|pani|paani)\b/, 0.85],
    [/\b(?:glass|glasses|litres?|liters?|bottle)\b/, 0.6],
    [/\b(?:drank|drink|drinking|piya|pi liya)\b/, 0.6],
    [/\b(?:calories|kcal|calorie|protein|carbs|diet)\b/, 0.85],
    // "Aaj ab tak kitni calories kha li?", "how many calories did I have this week?": the patient's own record.
    [CALORIES_SO_FAR, 1],
  ],
  adjust(clause, scores) {
    // "Not eating dinner", "skipped lunch", "khana nahi khaya": no meal to log; said beside a
    // dose or a reading it is the reason for it.
    if (NO_MEAL.test(clause) && !FOOD_WORDS.test(clause)) scores.food = Math.min(scores.food ?? 0, 0.4)
  },
}

const NO_MEAL =
  /\b(?:not|no|didn'?t|did not|won'?t|will not|haven'?t|have not|without|skip(?:ped|ping)?|missed)\s+(?:\w+\s+)?(?:eat|eating|ate|eaten|breakfast|lunch|dinner|meal|food|khana)\b|\b(?:khana|nashta|dinner|lunch)\s+(?:nahi|nahin|nhi)\s+(?:khaya|khaaya|khayi|kiya|khaunga|khaungi|khana)\b/
