import { normaliseText } from '../../../language/text.js'
import type { AgentName } from '../../../agents/registry.js'

/**
 * Requests Podd always declines with fixed words, whatever model is configured: changing a
 * medicine's dose, another person's health data, attempts to override its instructions, and
 * diagnoses. Declining deterministically means no prompt or model change can make Podd do them.
 */
export type GuardKind = 'dose_change' | 'other_patient' | 'prompt_injection' | 'diagnosis'

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
]

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

const REPLIES: Record<GuardKind, string> = {
  dose_change:
    "I can't advise changing a medicine or its dose; only your doctor can decide that safely. Please call your doctor or " +
    'pharmacist and tell them what is happening. Keep taking your medicines as prescribed until they say otherwise. ' +
    'If you feel very unwell, call 112 or 108.',
  other_patient:
    "I can only show you your own health information. Someone else's readings stay private to them. If you look after " +
    'a family member, they can invite you as a caregiver from their own Podd account.',
  prompt_injection:
    "I can't change how I work or share my instructions. I'm here to help you log your meals, readings and medicines " +
    'and answer questions about your own health history.',
  diagnosis:
    "I can't diagnose illnesses. Please talk to your doctor about this; I can share your recent readings and symptoms " +
    'so you have them ready for the visit. If you feel very unwell, call 112 or 108.',
}

const AGENT: Record<GuardKind, AgentName> = {
  dose_change: 'medication',
  other_patient: 'general',
  prompt_injection: 'general',
  diagnosis: 'general',
}

/** The first request in the text that Podd declines, with its fixed reply. */
export function checkGuards(text: string): GuardHit | undefined {
  const t = normaliseText(text)
  const checks: [GuardKind, RegExp[]][] = [
    ['prompt_injection', INJECTION],
    ['other_patient', OTHER_PATIENT],
    ['dose_change', DOSE_CHANGE],
    ['diagnosis', DIAGNOSIS],
  ]
  for (const [kind, patterns] of checks) {
    if (patterns.some((re) => re.test(t))) return { kind, agent: AGENT[kind], reply: REPLIES[kind] }
  }
  return undefined
}
