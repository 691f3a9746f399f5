import { defineTexts, say, type ReplyLanguage } from '../../../language/localise.js'
import { foldDevanagari, hasDevanagari } from '../../../language/script.js'
import { romaniseHindi } from '../../../language/romanise.js'
import { normaliseText } from '../../../language/text.js'
import type { AgentName } from '../../../agents/registry.js'

/**
 * Requests Podd always declines with fixed words, whatever model is configured: changing a
 * medicine's dose, stopping a medicine, another person's health data, attempts to override its
 * instructions, and diagnoses. Declining deterministically means no prompt or model change can
 * make Podd do them. The words are in the patient's language (English, Hindi, romanised Hindi).
 */
export type GuardKind = 'dose_change' | 'stop_medicine' | 'other_patient' | 'prompt_injection' | 'diagnosis'

export interface GuardHit {
  kind: GuardKind
  agent: AgentName
  reply: string
}

const MED_WORDS = '(?:dose|dosage|doses|tablets?|pills?|medicines?|medication|meds|insulin|units|mg|dawai|dawa|goli|injection)'
const DOSE_CHANGE: RegExp[] = [
  new RegExp(`\\b(?:should|can|could|shall|may|must) i (?:\\w+ ){0,2}(?:increase|decrease|double|halve|reduce|cut|change|adjust|lower|raise|stop|skip|take (?:an? )?(?:extra|more|less|another|double|half|two|2|three|3))\\b.{0,40}`),
  new RegExp(`\\b(?:increase|decrease|double|halve|reduce|cut down|change|adjust|lower|raise|stop) (?:my |the |his |her )?${MED_WORDS}\\b`),
  new RegExp(`\\bhow (?:much|many) ${MED_WORDS}(?: \\w+){0,3} (?:should|can|do) i\\b`),
  new RegExp(`\\b(?:should|can) i stop (?:taking )?(?:my |the )?\\w+`),
  /\b(?:dose|dawai|dawa|goli) (?:badha|badhaa|badhau|kam kar|kam karu|double kar|band kar|band karu|chhod)/,
  /\b(?:kitni|kitna) (?:dawai|goli|insulin|dose) (?:lu|loon|lena chahiye|leni chahiye)\b/,
  /(?:दवाई|दवा|खुराक|डोज़|डोज) (?:बढ़ा|कम कर|बंद कर|दोगुनी)/,
  // Asking Podd to choose or prescribe a medicine is the same decision as changing a dose.
  /\b(?:suggest|recommend|prescribe)\b.{0,20}\b(?:medicine|medicines|tablet|tablets|antibiotic|antibiotics|drug|drugs|pill|pills|painkiller|injection)\b/,
  /\b(?:give me|tell me) (?:a|an|some|any|the best|a good) (?:medicine|tablet|antibiotic|drug|pill|painkiller)s? for\b/,
  /\b(?:which|what) (?:medicine|medicines|tablet|tablets|antibiotic|antibiotics|drug|pill|pills|painkiller|dawai|dawa|goli) (?:should|can|do|must) i\b/,
  /\b(?:can|should|may|could) i (?:take|have|use) (?:\d+|two|three|four|five|extra|double|more|another) (?:\w+ ){0,2}(?:tablets?|pills?|paracetamol|dolo|crocin|doses?|units|capsules?)\b/,
  /\b(?:kaun si|konsi|kya) (?:dawai|dawa|goli) (?:lu|loon|lena chahiye|leni chahiye|khau|khaun)\b/,
  // "how many extra units of insulin should I take", "can I take 1 more metformin"
  new RegExp(`\\bhow (?:much|many) (?:\\w+ ){0,2}${MED_WORDS}\\b.{0,30}\\b(?:should|can|do|must) i\\b`),
  /\b(?:should|can|could|may) i (?:take|have) (?:1|one|2|two|an?) (?:more|extra|additional)\b/,
  // "insulin ke 2 unit badha doon", "ek goli aur le loon", "दवा आधी कर दूँ"
  /\b(?:insulin|dawai|dawa|goli|dose|units?|tablet)\b.{0,25}\b(?:badha|badhaa|badhau|ghata|ghataa|kam kar|double kar|aadhi kar|adhi kar)\w*/,
  /\b(?:ek|do|1|2) (?:goli|tablet|dose|unit)\w* (?:aur|extra|zyada) (?:le|lu|loon|kha|khaun|khau)\b|\b(?:ek|do|1|2) (?:aur|extra|zyada) (?:goli|tablet|dose|unit)\w* (?:le|lu|loon|kha|khaun|khau)\b/,
  /(?:दवा|दवाई|गोली|खुराक|इंसुलिन)(?: \S+){0,2} (?:आधी|आधा|दोगुनी|दोगुना|डबल|कम|ज्यादा) (?:कर|करूं|करूँ|कर दूं|कर दूँ|कर लूं)/u,
  /(?:एक|दो|1|2) (?:गोली|टैबलेट|खुराक|यूनिट) (?:और|ज्यादा|एक्स्ट्रा) (?:ले|खा)|(?:एक|दो|1|2) (?:और|ज्यादा|एक्स्ट्रा) (?:गोली|टैबलेट|खुराक|यूनिट) (?:ले|खा)/u,
]

/** Generic-name endings of everyday chronic medicines, for "I want to stop my amlodipine". */
const DRUG_STEMS =
  '[a-z]*(?:formin|dipine|sartan|statin|pril|olol|gliptin|gliflozin|glimepiride|gliclazide|glipizide|prazole|thyroxine|aspirin|warfarin|' +
  'clopidogrel|semide|spironolactone|thiazide|thalidone|digoxin|insulin|ecosprin|glycomet|telma|amlong|stamlo|amaryl|janumet|galvus|' +
  'losar|rosuvas|atorva|thyronorm|eltroxin|lasix)[a-z]*'
const MED_THINGS =
  '(?:(?:bp|sugar|diabetes|thyroid|heart|cholesterol|blood pressure|pressure) (?:ki |ke |wali |wale )?(?:tablets?|pills?|medicines?|meds|goli|goliyan|dawai|dawa)|' +
  'tablets?|pills?|medicines?|medication|meds|dawai|dawaai|dawa|goli|goliyan|insulin|' +
  DRUG_STEMS +
  ')'
const escapeName = (name: string) => name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Stopping a medicine on one's own: "I want to stop my amlodipine", "amlodipine band karna chahti hoon". */
function stopMedicinePatterns(medicineNames: string[]): RegExp[] {
  const own = medicineNames.map(escapeName).filter(Boolean)
  const med = own.length ? `(?:${[...own, MED_THINGS].join('|')})` : MED_THINGS
  return [
    new RegExp(
      `\\b(?:want|wanna|going|plan|planning|thinking of|thinking about|decided|would like|i'?d like|i'?ll|i will|gonna|tempted) (?:to )?(?:stop|quit|discontinue|give up|leave|drop|come off|get off|skip) (?:taking |using )?(?:my |the |this |these |that |all my )?${med}\\b`,
    ),
    new RegExp(`\\b(?:stop|quit|discontinue|give up|leave) (?:taking |using )?(?:my |the |this |these )?${med}\\b.{0,40}\\b(?:from|starting) (?:tomorrow|today|now|next)`),
    new RegExp(`\\b${med}\\b.{0,60}\\b(?:i'?ll|i will|i'?m going to|i am going to|gonna|i want to|want to|planning to) (?:stop|quit|discontinue) (?:it|them|taking it|taking them|using it)\\b`),
    new RegExp(`\\bi (?:have )?(?:stopped|quit|discontinued) (?:taking |using )?(?:my |the )?${med}\\b`),
    // "Amlodipine se pair sooj jaate hain, band kar doon kya?": the reason between the medicine and stopping it.
    new RegExp(`\\b${med}\\b.{0,60}\\b(?:band|bandh) kar (?:doon|dun|du|dein|den|diya|di|dena|deni)\\b|\\b${med}\\b.{0,60}\\b(?:chhod|chod) (?:doon|dun|du|dein|den|diya|di|dena|deni)\\b`),
    new RegExp(`\\b${med} (?:ko |lena |leni )?(?:band|bandh|chhod|chod|chhodna|chodna) (?:karna|karni|karne|kar|kar dunga|kar dungi|kar du|kar doon|kar di|kar diya|de|dena|dunga|dungi|du|doon|rahi|raha)\\b`),
    new RegExp(foldDevanagari(`(?:दवा|दवाई|गोली|गोलियां|इंसुलिन|दवाइयां)(?: लेना)? (?:को )?(?:बंद|छोड) (?:करना|करनी|कर|कर दूं|कर दूंगा|कर दूंगी|कर दी|दूं|देना|दूंगा|दूंगी)`), 'u'),
  ]
}
const NOT_PEOPLE = '(?:today|yesterday|tomorrow|tonight|week|month|year|morning|night|evening|day|doctor|dr|lunch|dinner|breakfast|god|life|body|heart|it|that|this|what|who|one|podd)'
const DATA_WORDS = '(?:bp|blood pressure|sugar|glucose|readings?|data|records?|history|medicines?|medications?|meds|reports?|vitals|weight|events|health|details|profile|chats?|messages|summar(?:y|ies))'
const OTHER_PATIENT: RegExp[] = [
  new RegExp(`\\b(?!${NOT_PEOPLE}'s)[a-z]+'s ${DATA_WORDS}\\b`),
  new RegExp(`\\b(?:my )?(?:neighbou?r|friend|husband|wife|mother|father|mom|dad|son|daughter|brother|sister|another (?:patient|user|person)|other (?:patients|users|people)|someone else|everyone|all (?:users|patients))(?:'s)? .{0,25}\\b${DATA_WORDS}\\b`),
  new RegExp(`\\b(?:user|patient|account) (?:id |number |no\\.? )?[a-z0-9-]{3,}\\b.{0,30}\\b${DATA_WORDS}\\b|\\b${DATA_WORDS}\\b.{0,30}\\b(?:of|for) (?:user|patient) (?:id )?[a-z0-9-]{3,}\\b`),
  new RegExp(`\\b(?:show|list|give|read|tell|send|export|dump)\\b.{0,20}\\b(?:all|every|other) (?:users|patients|people|accounts)\\b`),
  new RegExp(`\\b(?:padosi|padoshi|padosan|pados wale|dost|doston|bhai|bhaiya|behen|didi|chacha|chachi|mama|mami|beta|beti|pati|patni)(?:'s)? (?:ka|ki|ke) \\b${DATA_WORDS}\\b`),
  /\b(?:delete|remove|wipe|erase|drop|change|edit)\b.{0,25}\b(?:all|other|every|another|someone else'?s)\b.{0,15}\b(?:users?|patients?|people|accounts?|records|data)\b/,
]

const INJECTION: RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass) (?:all |any |your |the |my )?(?:previous |prior |above |earlier |system |safety )?(?:instructions|rules|prompts?|guidelines|restrictions|guardrails)\b/,
  /\b(?:system prompt|developer mode|jailbreak|dan mode|prompt injection)\b/,
  /\b(?:reveal|show|print|repeat|tell me) (?:me )?(?:your |the )?(?:system |hidden |secret |initial )?(?:prompt|instructions)\b/,
  /\byou are (?:now|no longer)\b|\bpretend (?:to be|you are)\b|\bact as (?:an? )?(?:admin|administrator|root|system|developer|different)\b/,
  /\b(?:as|i am) (?:the |an? )?(?:admin|administrator|developer|system)\b.{0,40}\b(?:access|show|give|grant)\b/,
  /^(?:system|assistant|developer)\s*:|\[(?:system|inst)\]|<\|?system\|?>|\bverified (?:doctor|admin|clinician)\b/,
]

const CONDITIONS = '(?:diabetes|cancer|a tumou?r|tumou?r|heart disease|a heart problem|hypertension|covid|tb|tuberculosis|dementia|alzheimer\'?s|parkinson\'?s|kidney disease|an infection|a disease|stroke|arthritis|thyroid|asthma|copd|pneumonia|dengue|malaria|typhoid)'
const DIAGNOSIS: RegExp[] = [
  new RegExp(`\\b(?:do|could|might|can) i (?:have|be having|have got) ${CONDITIONS}\\b`),
  new RegExp(`\\b(?:is|could) (?:it|this|that) (?:be )?${CONDITIONS}\\b`),
  /\b(?:diagnose me|diagnose my|what (?:disease|illness|condition) (?:do i have|is it|is this)|what'?s wrong with me|what is wrong with me)\b/,
  /\bkya (?:mujhe|mereko) .{1,30} (?:hai|ho gaya|ho gayi)\b.*\?/,
  /\b(?:mujhe|mereko|mujhko) (?:kya|kaun si|konsi) (?:bimari|beemari|bimaari|rog) (?:hai|ho gayi|hui)\b/,
]

export const GUARD_TEXTS = defineTexts({
  dose_change: {
    en:
      "I can't advise changing a medicine or its dose; only your doctor can decide that safely. Please call your doctor or " +
      'pharmacist and tell them what is happening. Keep taking your medicines as prescribed until they say otherwise. ' +
      'If you feel very unwell, call 112 or 108.',
    hi:
      'मैं दवा या उसकी खुराक बदलने की सलाह नहीं दे सकता; यह सिर्फ़ आपके डॉक्टर सुरक्षित रूप से तय कर सकते हैं। ' +
      'कृपया अपने डॉक्टर या फ़ार्मासिस्ट को फ़ोन करके बताइए कि क्या हो रहा है। जब तक वे कुछ और न कहें, दवाएं वैसे ही लेते रहें जैसे लिखी गई हैं। ' +
      'अगर तबीयत बहुत खराब लगे, तो 112 या 108 पर कॉल करें।',
    'hi-Latn':
      'Main dawa ya uski khurak badalne ki salah nahi de sakta; yeh sirf aapke doctor surakshit roop se tay kar sakte hain. ' +
      'Kripya apne doctor ya pharmacist ko phone karke bataiye ki kya ho raha hai. Jab tak woh kuch aur na kahein, dawaayein waise hi lete rahiye jaise likhi gayi hain. ' +
      'Agar tabiyat bahut kharab lage, to 112 ya 108 par call karein.',
  },
  stop_medicine: {
    en:
      "I can't advise stopping a medicine: please don't stop or change it on your own, and talk to your doctor first. Stopping some medicines suddenly can be risky. " +
      'Tell your doctor about the problem it is causing you; they can often change the dose or switch you to another medicine. ' +
      'Until then, keep taking it as prescribed. If you feel very unwell, call 112 or 108.',
    hi:
      'मैं दवा बंद करने की सलाह नहीं दे सकता। कृपया इसे अपने आप बंद न करें और न ही इसकी खुराक बदलें; पहले अपने डॉक्टर से बात करें। कुछ दवाएं अचानक रोकने से नुकसान हो सकता है। ' +
      'इससे आपको जो तकलीफ़ हो रही है, वह डॉक्टर को बताइए; वे अक्सर खुराक बदल सकते हैं या दूसरी दवा दे सकते हैं। ' +
      'तब तक इसे वैसे ही लेते रहें जैसे डॉक्टर ने लिखी है। अगर तबीयत बहुत खराब लगे, तो 112 या 108 पर कॉल करें।',
    'hi-Latn':
      'Main dawa band karne ki salah nahi de sakta. Kripya ise apne aap band na karein aur na hi iski khurak badlein; pehle apne doctor se baat karein. Kuch dawaayein achanak rokne se nuksaan ho sakta hai. ' +
      'Isse aapko jo takleef ho rahi hai, woh doctor ko bataiye; woh aksar khurak badal sakte hain ya doosri dawa de sakte hain. ' +
      'Tab tak ise waise hi lete rahiye jaise doctor ne likhi hai. Agar tabiyat bahut kharab lage, to 112 ya 108 par call karein.',
  },
  other_patient: {
    en:
      "I can only show you your own health information. Someone else's readings stay private to them. If you look after " +
      'a family member, they can invite you as a caregiver from their own Podd account.',
    hi:
      'मैं किसी और की जानकारी नहीं दिखा सकता, सिर्फ़ आपकी अपनी सेहत की जानकारी। किसी और की रीडिंग उन्हीं की निजी जानकारी है। ' +
      'अगर आप परिवार के किसी सदस्य की देखभाल करते हैं, तो वे अपने Podd खाते से आपको देखभाल करने वाले के रूप में जोड़ सकते हैं।',
    'hi-Latn':
      'Main kisi aur ki jaankari nahi dikha sakta, sirf aapki apni sehat ki jaankari. Kisi aur ki readings unki niji jaankari hai. ' +
      'Agar aap parivaar ke kisi sadasya ki dekhbhaal karte hain, to woh apne Podd account se aapko caregiver ke roop mein jod sakte hain.',
  },
  prompt_injection: {
    en:
      "I can't change how I work or share my instructions. I'm here to help you log your meals, readings and medicines " +
      'and answer questions about your own health history.',
    hi:
      'मैं अपने काम करने का तरीका नहीं बदल सकता और अपने निर्देश नहीं बता सकता। मैं आपका खाना, रीडिंग और दवाएं दर्ज करने ' +
      'और आपकी अपनी सेहत के इतिहास के सवालों के जवाब देने के लिए हूँ।',
    'hi-Latn':
      'Main apne kaam karne ka tareeka nahi badal sakta aur apne nirdesh nahi bata sakta. Main aapka khana, readings aur dawaayein darj karne ' +
      'aur aapki apni sehat ke itihaas ke sawaalon ke jawab dene ke liye hoon.',
  },
  diagnosis: {
    en:
      "I can't diagnose illnesses. Please talk to your doctor about this; I can share your recent readings and symptoms " +
      'so you have them ready for the visit. If you feel very unwell, call 112 or 108.',
    hi:
      'मैं बीमारी की पहचान (निदान) नहीं कर सकता। कृपया इस बारे में अपने डॉक्टर से बात करें; मैं आपकी हाल की रीडिंग और लक्षण बता सकता हूँ ' +
      'ताकि डॉक्टर के पास जाते समय वे आपके पास हों। अगर तबीयत बहुत खराब लगे, तो 112 या 108 पर कॉल करें।',
    'hi-Latn':
      'Main bimari ki pehchaan (nidaan) nahi kar sakta. Kripya iske baare mein apne doctor se baat karein; main aapki haal ki readings aur lakshan bata sakta hoon ' +
      'taaki doctor ke paas jaate samay woh aapke paas hon. Agar tabiyat bahut kharab lage, to 112 ya 108 par call karein.',
  },
})

const AGENT: Record<GuardKind, AgentName> = {
  dose_change: 'medication',
  stop_medicine: 'medication',
  other_patient: 'general',
  prompt_injection: 'general',
  diagnosis: 'general',
}

export interface GuardContext {
  /** The patient's own medicine names, so "stop my amlodipine" is recognised. */
  medicineNames?: string[]
  language?: ReplyLanguage
}

/** The first request in the text that Podd declines, with its fixed reply in the patient's language. */
export function checkGuards(text: string, ctx: GuardContext = {}): GuardHit | undefined {
  // Devanagari is also read in Latin letters, so "अम्लोडिपिन … बंद कर दूँ?" names the medicine.
  const t = normaliseText(hasDevanagari(text) ? `${text} ${romaniseHindi(text)}` : text)
  // Devanagari is matched with and without nukta and chandrabindu (language/script.ts).
  const folded = foldDevanagari(t)
  const checks: [GuardKind, RegExp[]][] = [
    ['prompt_injection', INJECTION],
    ['other_patient', OTHER_PATIENT],
    ['stop_medicine', stopMedicinePatterns(ctx.medicineNames ?? [])],
    ['dose_change', DOSE_CHANGE],
    ['diagnosis', DIAGNOSIS],
  ]
  for (const [kind, patterns] of checks) {
    if (patterns.some((re) => re.test(t) || re.test(folded))) return { kind, agent: AGENT[kind], reply: say(GUARD_TEXTS[kind], ctx.language ?? 'en') }
  }
  return undefined
}
