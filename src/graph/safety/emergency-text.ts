import { defineTexts, say, type ReplyLanguage } from '../../../language/localise.js'
import type { RedFlagCategory } from './red-flags.js'

/**
 * The fixed replies of the safety layer. They are never generated: every patient in danger
 * reads the same reviewed words, which lead with the number to call (clinical.md §2), in
 * English, Hindi (Devanagari) or romanised Hindi for a patient who writes in Latin letters.
 */
export const SAFETY_TEXTS = defineTexts({
  medical: {
    en:
      'This could be a medical emergency. Call 112 or 108 for an ambulance now. ' +
      'If someone is with you, ask them to stay with you and help. Do not wait to see if it passes, ' +
      'and do not drive yourself. If you have caregivers linked in Podd, they are being alerted now.',
    hi:
      'यह आपात स्थिति हो सकती है। अभी 112 या 108 पर एम्बुलेंस के लिए कॉल करें। ' +
      'अगर कोई आपके पास है, तो उनसे साथ रहने और मदद करने को कहें। इंतज़ार न करें, और खुद गाड़ी न चलाएं। ' +
      'अगर Podd में आपके देखभाल करने वाले जुड़े हैं, तो उन्हें अभी सूचना दी जा रही है।',
    'hi-Latn':
      'Yeh emergency ho sakti hai. Abhi 112 ya 108 par ambulance ke liye call karein. ' +
      'Agar koi aapke paas hai, to unse saath rehne aur madad karne ko kahein. Intezaar na karein, aur khud gaadi na chalayein. ' +
      'Agar Podd mein aapki dekhbhaal karne wale jude hain, to unhe abhi suchna di ja rahi hai.',
  },
  crisis: {
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
    'hi-Latn':
      'Mujhe bahut dukh hai ki aap aisa mehsoos kar rahe hain, aur achha hua ki aapne mujhe bataya. ' +
      'Kripya abhi Tele-MANAS ko 14416 (ya 1-800-891-4416) par call karein, yeh muft hai aur 24 ghante khula hai. ' +
      'Agar aap khud ko nuksaan pahuncha sakte hain ya khatre mein hain, to abhi 112 par call karein. ' +
      'Ho sake to apne paas kisi ko bataiye ki aap kaisa mehsoos kar rahe hain.',
  },
  /** After a chest-pain emergency the patient says it passed ("it was just acidity"). */
  after_chest_pain: {
    en:
      "I'm glad you feel better. But chest pain like this can be the heart even when it goes away, " +
      'and only a doctor with an ECG can tell. Please get checked by a doctor or at a hospital today. ' +
      'If the pain comes back or you feel unwell, call 112 or 108 right away.',
    hi:
      'अच्छा है कि अब आप बेहतर महसूस कर रहे हैं। लेकिन ऐसा सीने का दर्द ठीक हो जाने पर भी दिल की तकलीफ़ हो सकता है, ' +
      'और यह सिर्फ़ डॉक्टर ईसीजी से बता सकते हैं। कृपया आज ही डॉक्टर या अस्पताल में जाँच करवाइए। ' +
      'अगर दर्द फिर से हो या तबीयत बिगड़े, तो तुरंत 112 या 108 पर कॉल करें।',
    'hi-Latn':
      'Achha hai ki ab aap behtar mehsoos kar rahe hain. Lekin aisa seene ka dard theek ho jaane par bhi dil ki takleef ho sakta hai, ' +
      'aur yeh sirf doctor ECG se bata sakte hain. Kripya aaj hi doctor ya hospital mein jaanch karwaiye. ' +
      'Agar dard phir se ho ya tabiyat bigde, to turant 112 ya 108 par call karein.',
  },
  /** After any other medical emergency the patient says it passed. */
  after_emergency: {
    en:
      "I'm glad you feel better. What you described can be serious even when it passes, " +
      'so please get checked by a doctor or at a hospital today. ' +
      'If it comes back or you feel unwell, call 112 or 108 right away.',
    hi:
      'अच्छा है कि अब आप बेहतर महसूस कर रहे हैं। आपने जो बताया वह ठीक हो जाने पर भी गंभीर हो सकता है, ' +
      'इसलिए कृपया आज ही डॉक्टर या अस्पताल में जाँच करवाइए। ' +
      'अगर यह फिर से हो या तबीयत बिगड़े, तो तुरंत 112 या 108 पर कॉल करें।',
    'hi-Latn':
      'Achha hai ki ab aap behtar mehsoos kar rahe hain. Aapne jo bataya woh theek ho jaane par bhi gambhir ho sakta hai, ' +
      'isliye kripya aaj hi doctor ya hospital mein jaanch karwaiye. ' +
      'Agar yeh phir se ho ya tabiyat bigde, to turant 112 ya 108 par call karein.',
  },
  /** After a crisis reply the patient says they are fine: the helpline stays on the table. */
  after_crisis: {
    en:
      "Thank you for telling me. If those feelings come back, please call Tele-MANAS at 14416 (or 1-800-891-4416), " +
      'any time, day or night, or talk to someone you trust today. If you are ever in danger, call 112.',
    hi:
      'मुझे बताने के लिए धन्यवाद। अगर ऐसे विचार फिर आएं, तो कृपया किसी भी समय Tele-MANAS को 14416 (या 1-800-891-4416) पर कॉल करें, ' +
      'या आज ही किसी भरोसेमंद व्यक्ति से बात करें। अगर कभी खतरा लगे, तो 112 पर कॉल करें।',
    'hi-Latn':
      'Mujhe batane ke liye dhanyavaad. Agar aise vichaar phir aayein, to kripya kisi bhi samay Tele-MANAS ko 14416 (ya 1-800-891-4416) par call karein, ' +
      'ya aaj hi kisi bharosemand vyakti se baat karein. Agar kabhi khatra lage, to 112 par call karein.',
  },
})

export type EmergencyKind = 'medical' | 'crisis'

export function emergencyKind(categories: RedFlagCategory[]): EmergencyKind {
  return categories.length > 0 && categories.every((c) => c === 'self_harm') ? 'crisis' : 'medical'
}

/** The fixed text for a red flag in the patient's language: medical, crisis, or both. */
export function emergencyReply(categories: RedFlagCategory[], language: ReplyLanguage = 'en'): string {
  const crisis = categories.includes('self_harm')
  const medical = categories.some((c) => c !== 'self_harm')
  if (medical && crisis) return `${say(SAFETY_TEXTS.medical, language)} ${say(SAFETY_TEXTS.crisis, language)}`
  return say(crisis ? SAFETY_TEXTS.crisis : SAFETY_TEXTS.medical, language)
}

/** The fixed advice when a patient says a recent emergency has passed. */
export function afterEmergencyReply(categories: RedFlagCategory[], language: ReplyLanguage = 'en'): string {
  if (emergencyKind(categories) === 'crisis') return say(SAFETY_TEXTS.after_crisis, language)
  return say(categories.includes('chest_pain') ? SAFETY_TEXTS.after_chest_pain : SAFETY_TEXTS.after_emergency, language)
}

/** What each red flag is called in a caregiver's alert. */
export const EMERGENCY_LABELS: Record<RedFlagCategory, string> = {
  chest_pain: 'possible heart attack (chest pain)',
  stroke: 'possible stroke',
  sudden_severe_headache: 'sudden severe headache (possible bleeding in the brain)',
  breathing: 'severe breathing difficulty',
  low_oxygen: 'low oxygen level',
  unconscious: 'fainting or unconsciousness',
  seizure: 'seizure',
  bleeding: 'severe bleeding',
  allergic_reaction: 'severe allergic reaction',
  low_sugar_confusion: 'low blood sugar with confusion',
  high_sugar_emergency: 'very high blood sugar with vomiting, drowsiness or confusion (possible DKA/HHS)',
  hypertensive_emergency: 'very high blood pressure with symptoms (hypertensive emergency)',
  overdose: 'overdose or poisoning',
  severe_abdominal_pain: 'severe abdominal pain',
  head_injury: 'fall with head injury or unable to get up',
  self_harm: 'thoughts of self-harm',
}
