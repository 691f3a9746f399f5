import type { RedFlagCategory } from './red-flags.js'

/**
 * The fixed replies to a red flag. They are never generated: every patient in danger reads
 * the same reviewed words, which lead with the number to call (clinical.md §2).
 */
const MEDICAL = {
  en:
    'This could be a medical emergency. Call 112 or 108 for an ambulance now. ' +
    'If someone is with you, ask them to stay with you and help. Do not wait to see if it passes, ' +
    'and do not drive yourself. If you have caregivers linked in Podd, they are being alerted now.',
  hi:
    'यह आपात स्थिति हो सकती है। अभी 112 या 108 पर एम्बुलेंस के लिए कॉल करें। ' +
    'अगर कोई आपके पास है, तो उनसे साथ रहने और मदद करने को कहें। इंतज़ार न करें, और खुद गाड़ी न चलाएं। ' +
    'अगर Podd में आपके देखभाल करने वाले जुड़े हैं, तो उन्हें अभी सूचना दी जा रही है।',
}

const CRISIS = {
  en:
    "I'm really sorry you're feeling this way, and I'm glad you told me. You deserve support right now. " +
    'Please call Tele-MANAS at 14416 (or 1-800-891-4416), free and open 24x7, to talk to someone who can help. ' +
    'If you might act on these thoughts or are in danger, call 112 now. ' +
    'If you can, tell someone near you how you are feeling, and stay with them.',
  hi:
    'मुझे बहुत दुख है कि आप ऐसा महसूस कर रहे हैं, और अच्छा हुआ कि आपने मुझे बताया। ' +
    'कृपया अभी Tele-MANAS को 14416 (या 1-800-891-4416) पर कॉल करें, यह मुफ़्त है और 24 घंटे खुला है। ' +
    'अगर आप खुद को नुकसान पहुँचा सकते हैं या खतरे में हैं, तो अभी 112 पर कॉल करें। ' +
    'हो सके तो अपने पास किसी को बताइए कि आप कैसा महसूस कर रहे हैं।',
}

export type EmergencyKind = 'medical' | 'crisis'

export function emergencyKind(categories: RedFlagCategory[]): EmergencyKind {
  return categories.length > 0 && categories.every((c) => c === 'self_harm') ? 'crisis' : 'medical'
}

/** The fixed text for a red flag, in Hindi for Hindi speakers and English otherwise. */
export function emergencyReply(categories: RedFlagCategory[], language = 'en-IN'): string {
  const texts = emergencyKind(categories) === 'crisis' ? CRISIS : MEDICAL
  const medicalAndCrisis = categories.includes('self_harm') && categories.some((c) => c !== 'self_harm')
  const lang = language.startsWith('hi') ? 'hi' : 'en'
  return medicalAndCrisis ? `${texts[lang]} ${CRISIS[lang]}` : texts[lang]
}

export const EMERGENCY_LABELS: Record<RedFlagCategory, string> = {
  chest_pain: 'possible heart attack (chest pain)',
  stroke: 'possible stroke',
  breathing: 'severe breathing difficulty',
  unconscious: 'fainting or unconsciousness',
  seizure: 'seizure',
  bleeding: 'severe bleeding',
  allergic_reaction: 'severe allergic reaction',
  low_sugar_confusion: 'low blood sugar with confusion',
  head_injury: 'fall or head injury',
  self_harm: 'thoughts of self-harm',
}
