import { romaniseHindi } from './romanise.js'

/**
 * Words that mention health facts without being the patient's own record of them: a question
 * ("can I have one gulab jamun?", "is 150/90 high?"), a hypothetical ("if someone took two
 * extra metformin…"), a plan ("I'm going to walk in the evening"), or another person's
 * numbers ("my wife's BP is 150/90", "log for my mother: 180/110"). None of them is logged.
 * Works on normalised text (lower case, numbers as digits).
 */

export type NotARecord = 'other_person' | 'question' | 'hypothetical' | 'plan'

const PEOPLE =
  '(?:mother|mom|mum|mummy|father|dad|daddy|papa|wife|husband|son|daughter|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|' +
  '(?:mother|father|son|daughter|brother|sister)[- ]in[- ]law|in-laws|in laws|friend|neighbou?r|brother|sister|uncle|aunt|aunty|cousin|bhabhi|jija|jiju|devar|nanad|samdhi|samdhan|maa|mummy ji|pitaji|beti|beta|bete|pati|patni|bhai|behen|bahan|' +
  'didi|dadi|dada|nani|nana|sasur|saas|pota|poti|bachche|bacche|padosi|dost|biwi|bibi|gharwali|gharwale|mummy|chacha|chachi|mama|mami|bua|tau|tai)'

/** Another person's health facts: "my wife's BP", "for my mother", "my son weighs", "beti ka sugar". */
const OTHER_PERSON = [
  // "mere bete ko 101 bukhar hai": ko marks whom it happened to; "bhai ne 3 gulab jamun kha liye": ne, who did it.
  // "mummy ke saath walk ki" is the patient's own walk, with her.
  new RegExp(`\\b${PEOPLE}(?: ji| jee)?(?:'s| ka| ki| ke| ko| ne)\\b(?! (?:saath|sath|yahan|ghar)\\b)`),
  new RegExp(`\\b(?:for|of) (?:my |meri |mere |mera )?${PEOPLE}\\b`),
  // "my friend ate 5 laddoos", "my neighbour uncle checked his BP".
  new RegExp(`\\b(?:my|meri|mere|mera|our)\\s+${PEOPLE}(?:\\s+${PEOPLE})?\\s+(?:weighs|took|takes|had|has|is having|was|is|checked|measured|got|ate|eats|drank|drinks|walked|slept)\\b`),
  // "checked his BP": a reading of someone else's, whoever it is.
  /\b(?:his|her|their)\s+(?:bp|blood pressure|pressure|sugar|blood sugar|weight|pulse|temperature|fever|oxygen|spo2)\b/,
  new RegExp(`^${PEOPLE}\\s+(?:has|had|took|weighs|is)\\b`),
  // "I gave my mother her insulin": a dose given to someone else.
  new RegExp(`\\b(?:gave|give|given|giving)\\s+(?:my\\s+)?${PEOPLE}\\b`),
  /\b(?:his|her|their)\s+(?:medicine|medicines|tablet|tablets|insulin|dose|pill|pills|dawai|goli|injection)\b/,
  /\b(?:मेरी माँ|मेरे पिता|मेरे पति|मेरी पत्नी|मेरी बेटी|मेरा बेटा|माँ का|पति की|पत्नी का|बेटी का|बेटे का|उनका|उनकी)\b|(?:माँ|मां|मम्मी|पापा|पिताजी|पति|पत्नी|बेटी|बेटे|बेटा|भाई|बहन|दीदी|भैया|दादी|दादा|नानी|नाना|ससुर|सास|पोता|पोती) (?:जी )?(?:का|की|के|ने|को)(?![\p{L}\p{M}])/u,
]
/** Something the patient could log: a number, a reading, a medicine, a symptom. */
const HEALTH_FACT =
  /\d|\b(?:bp|sugar|pressure|weight|weighs|fever|pulse|tablet|medicine|dawai|dawa|goli|chest pain|headache|took|bukhar|ate|drank|walked|slept|kha li|kha liya|kha liye|khaya|khayi|khaye|pi li|pi liya|piya|li|le li|soya|soyi|chala|chali|dard)\b|बीपी|शुगर/

const QUESTION = /[?？]\s*$|^(?:is|are|can|could|should|would|will|shall|may|what|how|which|why|when|where|who|do|does|kya|kaise|kitna|kitni|kitne|kab)\b|\b(?:right|ok|okay|theek|sahi) ?\?$|\b(?:is it ok|is it okay|is it safe|safe to|allowed to|kha sakta|kha sakti|kha sakte|le sakta|le sakti|pi sakta|pi sakti)\b/
/** "If I eat a samosa now…" said alone (a clause of a longer question) is already a hypothetical. */
const STARTS_HYPOTHETICAL = /^(?:if|suppose|supposing|what if|agar) (?:i|main|mai|me)\b/
const HYPOTHETICAL = /\b(?:if|suppose|supposing|what if|agar|in case)\b/
const PLAN = /\b(?:going to|gonna|planning|plan to|i will|i'll|i shall|will (?:go|walk|check|take|eat|have|measure)|tomorrow|jaunga|jaungi|jaoonga|karunga|karungi|lunga|lungi|khaunga|khaungi|khaoonga|khaoongi|khaunga|piyunga|piunga|piyungi|piungi|lagaunga|lagaungi|lagaoonga|lagaoongi|chalunga|chalungi|sounga|soungi|later today|in a while)\b|जाऊँगा|जाऊंगी|जाऊँगी|करूँगा|लूँगा|लूँगी|लूंगा|खाऊँगा/

/** A reading said as the patient's own ("my daughter checked my BP"), or the patient's own doing ("beti ne khana banaya, maine 2 roti khayi"). */
const OWN_READING = /\b(?:my|mera|meri|mere)\s+(?:bp|blood pressure|pressure|sugar|blood sugar|weight|wazan|pulse|temperature|oxygen|spo2)\b/
const I_DID = /\b(?:maine|i (?:ate|had|took|drank|walked|slept))\b/
const THEIR_READING = new RegExp(`\\b${PEOPLE}(?:'s| ka| ki| ke| ko)\\s+(?:\\S+\\s+)?(?:bp|blood pressure|pressure|sugar|blood sugar|weight|wazan|pulse|temperature|oxygen|spo2|bukhar|fever)\\b`)
/** "maine papa ko unki goli di": done for someone else. */
const FOR_THEM = new RegExp(`\\b${PEOPLE}(?: ji)? (?:ko|ke liye)\\b|\\b(?:gave|give|for) (?:my )?${PEOPLE}\\b`)
function ownFact(text: string): boolean {
  if (THEIR_READING.test(text) || FOR_THEM.test(text)) return false
  return OWN_READING.test(text) || I_DID.test(text)
}

/** Why these words are not the patient's own record, or undefined when they may be logged. */
export function whyNotARecord(said: string): NotARecord | undefined {
  // Devanagari is read as the same words in Latin letters, like the router reads it.
  const text = /[\u0900-\u097F]/.test(said) ? `${said} ${romaniseHindi(said)}` : said
  if (OTHER_PERSON.some((re) => re.test(text)) && HEALTH_FACT.test(text) && !ownFact(text)) return 'other_person'
  if (STARTS_HYPOTHETICAL.test(text)) return 'hypothetical'
  if (HYPOTHETICAL.test(text) && (QUESTION.test(text) || /\b(?:what happens|kya hoga|kya karna)\b/.test(text))) return 'hypothetical'
  if (QUESTION.test(text)) return 'question'
  if (PLAN.test(text) && !/\b(?:took|taken|had|ate|was|were|did|done|le li|kha li|khaya|piya)\b/.test(text)) return 'plan'
  return undefined
}
