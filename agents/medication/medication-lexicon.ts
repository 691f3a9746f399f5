import type { Lexicon } from '../agent-definition.js'
import { COMMON_DRUGS } from '../../language/medicine-names.js'
import { escapeRegExp } from '../../language/text.js'

const DRUG_WORDS = new RegExp(`\\b(?:${COMMON_DRUGS.map(escapeRegExp).join('|')})\\b`)

/** Medicines, doses and reminders, the patient's own medicine names included. */
export const medicationLexicon: Lexicon = {
  patterns: [
    [/\b(?:medicine|medicines|medication|medications|meds|tablet|tablets|pill|pills|capsule|capsules|dose|doses|dosage)\b/, 0.9],
    [/\b(?:dawai|dawaai|dawa|dava|goli|goliyan|insulin|injection|inhaler)\b/, 0.9],
    [DRUG_WORDS, 1],
    [/\b(?:remind me|reminder|reminders)\b/, 0.7],
    [/\b(?:prescribed|prescription)\b/, 0.8],
  ],
  adjust(clause, scores, ctx) {
    if (ctx.medicineNames?.test(clause)) scores.medication = 1
    // "took my …" is a dose unless it is a walk or a reading.
    if (/\b(?:took|taken|le li|le liya|li hai)\b/.test(clause) && (scores.general ?? 0) < 0.85 && (scores.vitals ?? 0) < 0.9) {
      scores.medication = Math.max(scores.medication ?? 0, 0.75)
    }
    // "BP ki dawai", "sugar tablets": a medicine for a condition, not a reading.
    if (scores.medication! >= 0.9 && (scores.vitals ?? 0) < 1 && !/\d/.test(clause)) scores.vitals = Math.min(scores.vitals ?? 0, 0.5)
  },
}
