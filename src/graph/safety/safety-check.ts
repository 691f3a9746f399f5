import { foldDevanagari } from '../../../language/script.js'
import type { ReplyLanguage } from '../../../language/patient-language.js'
import { afterEmergencyReply, EMERGENCY_LABELS, emergencyKind, emergencyReply } from './emergency-text.js'
import { assessRedFlags, normalise, type RedFlag, type RedFlagCategory } from './red-flags.js'
import { describeReadings, type StatedReadings } from './stated-readings.js'

/**
 * The safety layer as one function over a patient's words and language, so every way in (the
 * chat graph, the voice pipeline) runs the same check before anything else: red flags get the
 * fixed emergency text and an emergency alert; "it was just acidity" soon after an emergency
 * gets fixed advice to be checked today.
 */

/** The last red flag of a thread, kept so that the next turns can follow it up. */
export interface RecentRedFlag {
  categories: RedFlagCategory[]
  /** ISO time of the turn that raised it. */
  at: string
}

/** How long after an emergency "I'm fine now" still gets the advice to be checked. */
export const FOLLOW_UP_WINDOW_MS = 24 * 3_600_000

export interface EmergencyAlert {
  tier: 'emergency'
  condition: string
  title: string
  message: string
}

export type SafetyOutcome =
  | { kind: 'clear' }
  | { kind: 'emergency'; flags: RedFlag[]; readings: StatedReadings; reply: string; alert: EmergencyAlert }
  | { kind: 'follow_up'; categories: RedFlagCategory[]; reply: string }

export interface SafetyInput {
  text: string
  language: ReplyLanguage
  /** The thread's last red flag, if any. */
  recent?: RecentRedFlag | null
  now?: Date
}

/** "it was just acidity", "gas thi shayad, ab theek hoon", "शायद एसिडिटी थी": the patient waves it off. */
const DISMISSAL = new RegExp(
  foldDevanagari(
    [
      "\\b(?:it was|it's|its|was|probably|maybe|must be|must have been|just|only) (?:just |only |probably |maybe |a |an )*(?:acidity|gas|indigestion|heartburn|acid|nothing|panic|anxiety|stress|a muscle|muscle|tiredness|weakness)\\b",
      "\\b(?:i'?m|i am|feeling|feel|felt) (?:\\w+ )?(?:fine|ok|okay|better|alright|all right|good|normal)(?: now)?\\b",
      '\\b(?:it|pain|the pain) (?:has |have )?(?:passed|gone|went away|stopped|settled|subsided)\\b',
      "\\bfalse alarm\\b|\\bno need (?:to worry|for|of)\\b|\\bdon'?t worry\\b|\\bnothing serious\\b",
      '\\b(?:gas|acidity|acid|badhazmi|thakaan|kamzori) (?:thi|tha|hai|hogi|hoga|ki wajah se)\\b',
      '\\b(?:ab |abhi )?(?:theek|thik|sahi|behtar|aaram) (?:hoon|hu|hun|hai|ho gaya|ho gayi|ho gya|ho gyi|lag raha)\\b',
      '\\bkuch (?:nahi|nahin|nhi) (?:tha|hai|hua)\\b|\\bchinta (?:mat|na) kar',
      '(?:एसिडिटी|गैस|बदहजमी|थकान) (?:थी|था|है|होगी|होगा)|(?:अब )?(?:ठीक|बेहतर|आराम) (?:हूं|है|हो गया|हो गई|लग रहा)|कुछ नहीं (?:था|है|हुआ)|चिंता (?:मत|न) कर',
    ].join('|'),
  ),
  'u',
)

export function isDismissal(text: string): boolean {
  return DISMISSAL.test(normalise(text))
}

function alertFor(text: string, flags: RedFlag[], readings: StatedReadings): EmergencyAlert {
  const categories = flags.map((f) => f.category)
  const crisis = categories.includes('self_harm')
  const stated = describeReadings(readings)
  // Only the patient's own readings are named as theirs; a family member's are left in the quote.
  const readingLine = !stated
    ? ''
    : readings.someoneElse
      ? ` The message may be about someone else (${readings.someoneElse}); its numbers are not recorded as the patient's.`
      : ` Readings they gave: ${stated}.`
  return {
    tier: 'emergency',
    condition: `red_flag:${categories.join('+')}`,
    title: `Red flag: ${flags.map((f) => EMERGENCY_LABELS[f.category]).join(', ')}${stated && !readings.someoneElse ? ` (${stated})` : ''}`,
    message: `The patient said: "${text.slice(0, 500)}".${readingLine} Podd told them to call 112/108${crisis ? ' and Tele-MANAS 14416' : ''}.`,
  }
}

/** The safety layer's decision for one turn. Pure: the caller writes the alert and the reply. */
export function checkSafety(input: SafetyInput): SafetyOutcome {
  const { flags, readings } = assessRedFlags(input.text)
  if (flags.length > 0) {
    const categories = flags.map((f) => f.category)
    return { kind: 'emergency', flags, readings, reply: emergencyReply(categories, input.language), alert: alertFor(input.text, flags, readings) }
  }
  const recent = input.recent
  const now = input.now ?? new Date()
  if (recent && now.getTime() - new Date(recent.at).getTime() <= FOLLOW_UP_WINDOW_MS && isDismissal(input.text)) {
    return { kind: 'follow_up', categories: recent.categories, reply: afterEmergencyReply(recent.categories, input.language) }
  }
  return { kind: 'clear' }
}

export { emergencyKind }
