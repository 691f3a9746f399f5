import type { Lexicon } from '../agent-definition.js'
import { maskNonReadings, WEIGHT_CHANGE } from './vitals-planner.js'

/** A temperature with its number: "thermometer shows 38.5", "temp 101", "100.4 F". */
const TEMPERATURE_READING = /\b(?:temperature|temp|thermometer|fever|bukhar|bukhaar|tapman)\b[^.,?]{0,20}\b\d{2,3}(?:\.\d)?\b|\b\d{2,3}(?:\.\d)?\s*(?:°\s*[fc]?|degrees?|f\b)/

/**
 * "…kitna tha aur ab kitna hai?", "and now?": a clause asking for a reading again, now, in a
 * message that names the reading. The general agent's questions leave it alone.
 */
export function asksReadingNow(clause: string, message: string | undefined): boolean {
  return (
    /^(?:and |or )?(?:ab|abhi|now|aaj|today)\b.{0,12}\b(?:kitna|kitni|kya|how much|what)\b|^(?:and |or )?(?:ab|abhi|now)\s*\??$/.test(clause) &&
    !!message &&
    /\b(?:sugar|bp|pressure|pulse|weight|wajan|wazan|vajan|oxygen|temperature|hba1c)\b/.test(message)
  )
}

/** "Is my weight going down?", "how's my sugar been?", "mera bp theek chal raha hai?": the way the patient's own readings go, from their record. */
export const OWN_READINGS_TREND =
  /^(?:is|has|have|are|was|kya)\b.{0,6}\b(?:my|meri|mera|mere)\s+(?:\w+\s+)?(?:weight|wajan|wazan|vajan|sugar|bp|blood pressure|pressure|pulse|oxygen|hba1c|a1c)\b.{0,25}\b(?:going|gone|getting|coming|come|improv\w*|better|worse|down|up|trending|chang\w*)\b|\b(?:meri|mera|mere)\s+(?:\w+\s+)?(?:weight|wajan|wazan|vajan|sugar|bp|pressure|pulse)\b.{0,20}\b(?:kam|badh|ghat|sudhar)\s*(?:ho )?(?:rah[aie]|gay[aie]|hui|hua)\b|^how(?:'s| is| has| have| are| was)?\s+(?:my|meri|mera)\s+(?:\w+\s+)?(?:weight|sugar|sugars|bp|blood pressure|pressure|pulse|oxygen|hba1c|readings?)\b.{0,15}\b(?:been|doing|going|looking|lately|recently|these days)\b|\b(?:meri|mera|mere)\s+(?:\w+\s+)?(?:weight|wajan|wazan|sugar|bp|pressure|pulse)\b.{0,12}\b(?:theek|thik|kaisa|kaisi|control)\b.{0,12}\b(?:chal|hai|rah)\w*/

/** Readings and questions about them. */
export const vitalsLexicon: Lexicon = {
  entryWords: /\b(?:sugar|shugar|glucose|bp|pressure|weight|wajan|wazan|vajan|pulse|oxygen|spo2|temperature|readings?|hba1c)\b/,
  patterns: [
    [/\b\d{2,3}\s*(?:\/|over|by)\s*\d{2,3}\b/, 1],
    [/\b(?:bp|blood pressure|b\.p\.|pressure)\b/, 0.9],
    [/\b(?:sugar|glucose|bsl|rbs|fbs|ppbs)\b[^.,]{0,20}\d/, 1],
    [/\b(?:sugar level|blood sugar|glucose level|sugar reading|sugar readings)\b/, 0.9],
    [/\b(?:my sugar|sugar (?:was|is|tha|hai)|fasting sugar|sugar (?:kitna|kya))\b/, 0.8],
    [/\b(?:pulse|heart ?rate|bpm)\b/, 0.9],
    [/\b(?:temperature|temp|fever|bukhar|bukhaar)\b[^.,]{0,15}\d{2,3}/, 1],
    [/\b\d{2,3}(?:\.\d)?\s*(?:°\s*[fc]|degrees?|f\b)/, 0.9],
    [/\b(?:spo2|sp02|oxygen|saturation|o2 level|oximeter|oxi ?meter|oxy ?meter)\b/, 0.9],
    [/\b(?:weight|weigh|wazan|vajan|wajan|vazan|wajn)\b/, 0.8],
    [/\b\d{2,3}(?:\.\d)?\s*(?:kg|kgs|kilos?|lbs?|pounds?)\b/, 0.9],
    [/\b(?:mmhg|mg\/dl|mmol)\b/, 1],
    [/\b(?:readings?|vitals)\b/, 0.7],
    // "Sugar check kiya", "I checked my BP": a reading taken, its number still to come.
    [/\b(?:sugar|bp|pressure|pulse|weight|wazan|oxygen|spo2|temperature|temp)\b.{0,12}\b(?:check(?:ed)?|measured?|tested|napa|naapa|napi|naapi|naap[ai]?)\b|\b(?:checked|measured|tested)\b.{0,10}\b(?:sugar|bp|pressure|pulse|weight|oxygen|spo2|temperature)\b/, 0.8],
    // A reading's name alone ("sugar", "शुगर") starts a reading: the planner asks for the number.
    [/^(?:(?:my|meri|mera) )?(?:sugar|bp|pulse|oxygen|spo2|weight|wazan|wajan|temperature|temp)$/, 0.8],
    [/\b(?:what|how|when|which)\b.{0,35}\b(?:temperature|temp|bp|blood pressure|sugar|pulse|weight|oxygen|spo2|hba1c)\b/, 0.9],
    [/\b(?:thermometer)\b[^.,]{0,15}\d/, 1],
    [/\b(?:hba1c|a1c|hb a1c)\b/, 1],
    [OWN_READINGS_TREND, 1],
    // "Upper 150 lower 95", "systolic 138 diastolic 86": a blood pressure by its two parts.
    [/\b(?:upar|upper|top|systolic)\b[^0-9]{0,15}\d{2,3}\b[^0-9]{0,20}\b(?:neeche|niche|lower|bottom|diastolic)\b[^0-9]{0,15}\d{2,3}\b/, 1],
    // "Lost 2 kg this month", "3 kilo badh gaya": a change of weight, with the weight itself often after it.
    [new RegExp(WEIGHT_CHANGE.source), 0.9],
    // "Pichhle 3 din ki sugar batao", "show me my bp for the last 10 days": readings asked for.
    [/\b(?:sugar|glucose|bp|pressure|pulse|weight|wajan|wazan|vajan|oxygen|spo2|temperature|hba1c)\b.{0,25}\b(?:batao|bataiye|bata do|dikhao|dikhaiye|dikha do|bolo|sunao)\b|\b(?:batao|dikhao)\b.{0,25}\b(?:sugar|bp|pressure|pulse|weight|wajan|wazan)\b/, 0.9],
    // "Average sugar after meals over the last 7 days": a statistic of readings, whatever meal words follow.
    [/\b(?:average|avg|ausat|highest|lowest|sabse (?:zyada|kam))\b.{0,25}\b(?:sugar|glucose|bp|blood pressure|pressure|pulse|weight|wajan|wazan|oxygen|spo2|temperature)\b/, 1],
    // Questions in Hinglish: "meri sugar kam ho rahi hai?", "kitni baar sugar check ki?".
    [/\b(?:sugar|bp|pressure|pulse|weight|wajan|wazan)\b.{0,30}\b(?:kya|kitna|kitni|kaisi|kaisa|kam|zyada|badh)\b|\b(?:kitni baar|meri|mera)\b.{0,20}\b(?:sugar|bp|pressure)\b/, 0.9],
    [/\b(?:fasting|fbs|ppbs|rbs|pp|random)\b[^.,]{0,20}\d{2,3}/, 1],
    [/\b(?:after|before) (?:breakfast|lunch|dinner|food|meal|eating)\b[^.,]{0,10}\b\d{2,3}\b/, 1],
  ],
  // "Yes" confirms a reading read back; otherwise a number that is not a duration, a time or a count.
  answers: (text) => /^(?:yes|yeah|haan|han|ha|ji|correct|right|sahi)\b/.test(text) || /\b\d{2,3}(?:\.\d+)?\b/.test(maskNonReadings(text)),
  adjust(clause, scores, ctx) {
    // "…kitna tha aur ab kitna hai?", "and now?": the same reading asked about again, now.
    if (asksReadingNow(clause, ctx.message)) {
      scores.vitals = Math.max(scores.vitals ?? 0, 1)
      scores.general = Math.min(scores.general ?? 0, 0.5)
    }
    // Sugar with a meal word is a reading ("sugar after lunch 180"), not food.
    if (scores.vitals! >= 0.9 && /\b(?:after|before|fasting|post)\b/.test(clause)) scores.food = Math.min(scores.food ?? 0, 0.5)
    // A fever with a number is a reading, and so is a question about one; else it is a symptom.
    if (/\b(?:when|kab|how high|highest|last)\b.{0,30}\b(?:fever|bukhar)\b/.test(clause)) scores.vitals = Math.max(scores.vitals ?? 0, 0.9)
    // "I have fever, thermometer shows 38.5": the fever is the reading's, said once.
    else if (/\b(?:fever|bukhar)\b/.test(clause) && ctx.message && TEMPERATURE_READING.test(ctx.message)) scores.vitals = Math.max(scores.vitals ?? 0, 0.9)
    else if (/\b(?:fever|bukhar)\b/.test(clause) && scores.vitals! < 1) scores.vitals = 0.4
  },
}
