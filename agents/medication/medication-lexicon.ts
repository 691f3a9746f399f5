import type { Lexicon } from '../agent-definition.js'
import { closestMedicine, COMMON_DRUGS } from '../../language/medicine-names.js'
import { escapeRegExp } from '../../language/text.js'

const DRUG_WORDS = new RegExp(`\\b(?:${COMMON_DRUGS.map((d) => escapeRegExp(d).replace(/ /g, '[\\s-]')).join('|')})\\b`)

/** A word a few edits from a known medicine or one of the patient's own: "metfromin", "amlokin", "telmisatran". */
const misspeltMedicine = (clause: string, own: string[] | undefined) => clause.split(/[^a-z]+/).some((w) => closestMedicine(w, own) !== undefined)
/** Words that report a dose, for a misspelt name to count as fully as a correct one. */
const DOSE_VERB = /\b(?:took|taken|take|had|missed|forgot|skipped|le li|le liya|li|liya|chhoot|chhut|reh gayi|reh gaya|nahi li|lagaya|lagayi)\b/

/** Medicines, doses and reminders, the patient's own medicine names included. */
export const medicationLexicon: Lexicon = {
  entryWords: new RegExp(`\\b(?:doses?|tablets?|medicines?|dawa|dawai|goli|reminders?|rimaind\\w*)\\b|${DRUG_WORDS.source}`),
  patterns: [
    [/\b(?:medicine|medicines|medication|medications|meds|tablet|tablets|pill|pills|capsule|capsules|dose|doses|dosage)\b/, 0.9],
    [/\b(?:dawai|dawaai|dawa|dava|goli|goliyan|insulin|injection|inhaler)\b/, 0.9],
    [DRUG_WORDS, 1],
    [/\b(?:remind me|reminder|reminders)\b/, 0.7],
    [/\b(?:prescribed|prescription)\b/, 0.8],
    // Bare answers to a dose reminder ("taken", "haan le li", "skip", "snooze 10 min").
    [/^(?:(?:haan|han|ha|yes|ji|ok|okay)\s*,?\s*)?(?:taken|le li|le liya|kha li|done|ho gaya|ho gayi)\s*[.!]?$/, 0.85],
    [/^(?:skip|skip it|skip this|skip kar do|skip karo)\s*[.!]?$|\b(?:snooze|snoozed)\b|\b(?:minute|minutes|min) baad\b/, 0.9],
  ],
  answers: couldAnswerMedicationQuestion,
  adjust(clause, scores, ctx) {
    if (ctx.medicineNames?.test(clause)) scores.medication = 1
    // "metforman taken after breakfast" is a dose, not breakfast: a misspelt name with a dose verb weighs as the name.
    else if ((scores.medication ?? 0) < 1 && misspeltMedicine(clause, ctx.medicines)) scores.medication = DOSE_VERB.test(clause) ? 1 : Math.max(scores.medication ?? 0, 0.9)
    // "took my …" is a dose unless it is a walk or a reading.
    // ("taken at 7 am" after a reading says when it was measured.)
    if (/\b(?:took|taken|le li|le liya|li hai)\b(?! (?:at|in|on|around|after|before)\b)/.test(clause) && (scores.general ?? 0) < 0.85 && (scores.vitals ?? 0) < 0.9) {
      scores.medication = Math.max(scores.medication ?? 0, 0.75)
    }
    // "Pan 40 before breakfast at 7:30", "Clopilet 75 after lunch": a medicine's strength beside a
    // meal word is no sugar reading when no reading is named.
    if (scores.medication! >= 1 && DRUG_WORDS.test(clause) && !/\b(?:sugar|glucose|bp|pressure|pulse|weight|oxygen|spo2|temperature|fever|fbs|ppbs|rbs)\b/.test(clause)) {
      scores.vitals = Math.min(scores.vitals ?? 0, 0.5)
    }
    // "BP ki dawai", "sugar tablets": a medicine for a condition, not a reading.
    if (scores.medication! >= 0.9 && (scores.vitals ?? 0) < 1 && !/\d/.test(clause)) scores.vitals = Math.min(scores.vitals ?? 0, 0.5)
  },
}

/**
 * Whether words could answer the medication agent's question ("which medicine?", "would you like
 * a reminder time?", "did you take it?"): a yes or no, a dose word, a medicine or the kind of
 * one ("the sugar one"), a clock time or a part of the day. "Had 2 idli for breakfast" or "drank
 * 2 glasses of water" could not: they start a new subject.
 */
export function couldAnswerMedicationQuestion(text: string): boolean {
  return (
    /^(?:yes|yeah|yep|ok|okay|sure|no|nope|haan|han|ha|ji|nahi|nahin|mat|theek hai|thik hai|please)\b/.test(text) ||
    /\b(?:taken|took|le li|le liya|li|skip\w*|snooze\w*|missed|bhool\w*|forgot|both|dono|donon|all|sab|sabhi|one|wali|wala|waali|waala|ones)\b/.test(text) ||
    DRUG_WORDS.test(text) ||
    misspeltMedicine(text, undefined) ||
    /\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|baje|o'?clock)\b|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2} (?:in the|at) (?:morning|night|evening|afternoon)\b/.test(text) ||
    /^(?:(?:in the |at )?(?:morning|evening|night|afternoon|bedtime)|subah|shaam|raat|dopahar)\b/.test(text) ||
    /\b(?:medicine|tablet|pill|goli|dawa|dawai|dose|reminder)\b/.test(text)
  )
}
