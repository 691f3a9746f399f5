/**
 * Deterministic red-flag detection, run before any routing or generation on every chat and
 * voice turn (clinical.md §2). It prefers false alarms to misses: phrases are broad, and only
 * an explicit negation right before a phrase ("no chest pain") cancels it. English, Hindi
 * (Devanagari), Hinglish and common transliterations of Tamil, Telugu, Bengali, Marathi,
 * Kannada, Malayalam and Gujarati are covered; a native speaker should review the lists.
 */

export type RedFlagCategory =
  | 'chest_pain'
  | 'stroke'
  | 'breathing'
  | 'unconscious'
  | 'seizure'
  | 'bleeding'
  | 'allergic_reaction'
  | 'low_sugar_confusion'
  | 'head_injury'
  | 'self_harm'

export interface RedFlag {
  category: RedFlagCategory
  /** The words that matched, for the alert and the audit. */
  matched: string
}

/** Each pattern is tested against the normalised text (lower case, single spaces). */
const PATTERNS: Record<RedFlagCategory, RegExp[]> = {
  chest_pain: [
    /\bchest (?:pain|ache|aches|hurts?|hurting|tightness|tight|pressure|heaviness|heavy|discomfort|is (?:paining|hurting|tight|heavy))\b/,
    /\b(?:pain|pressure|tightness|heaviness|squeezing|burning) (?:in|on|across|around) (?:my |the )?chest\b/,
    /\bchest (?:feels|is feeling) (?:tight|heavy|crushed|squeezed)\b/,
    /\bheart attack\b/,
    /\b(?:pain|ache) (?:going |spreading |radiating )?(?:to|into|down) (?:my )?(?:left )?(?:arm|jaw)\b/,
    /\b(?:seene|sine|seena|chhati|chhaati|chati|chaati|chaathi|chhate) (?:me|mein|mai|main|mei|mein bahut|me bahut)? ?(?:dard|dukh|jalan|bhaari|bhari|dabav|dabaav|jakdan)/,
    /\bdil (?:me|mein|mai|main) (?:dard|dabav)/,
    /(?:सीने|छाती|सीना|दिल) (?:में |मे )?(?:बहुत )?(?:दर्द|भारीपन|जकड़न|दबाव)/,
    /\bnenju (?:vali|valikkudhu|valikudhu|valikuthu|vedhanai)\b/, // Tamil
    /\bchaati (?:noppi|noppiga)\b|\bgunde (?:noppi|lo noppi)\b/, // Telugu
    /\bbuke (?:byatha|batha|byetha|chap|dard)\b/, // Bengali
    /\bchhatit (?:dukhat|dukhte|dukhtay|dukhat aahe)\b|\bchhati dukhte\b/, // Marathi
    /\bede (?:novu|nova|novvu)\b/, // Kannada
    /\bnenju ?vedana\b|\bnenjil vedana\b/, // Malayalam
    /\bchhati ma (?:dukhe|dukhavo|dard)\b/, // Gujarati
  ],
  stroke: [
    /\b(?:face|mouth|smile) (?:is )?(?:drooping|droops|dropped|drooped|twisted|crooked|numb)\b/,
    /\b(?:drooping|droopy|numb|twisted) (?:face|mouth)\b/,
    /\bslurred speech\b|\bspeech (?:is )?slurred\b|\b(?:slurring|slurs) (?:my |his |her )?(?:words|speech)\b/,
    /\bcan(?:no|')?t (?:speak|talk) (?:properly|clearly|suddenly)\b|\bsuddenly can(?:no|')?t (?:speak|talk|see|move)\b/,
    /\b(?:arm|leg|side|hand) (?:is |feels |went |gone )?(?:suddenly )?(?:weak|numb|paralysed|paralyzed|dead|limp)\b/,
    /\bsudden (?:weakness|numbness|confusion|blindness|loss of (?:vision|balance))\b/,
    /\b(?:one side|half) of (?:my |his |her )?(?:body|face)\b/,
    /\bstroke\b(?! (?:of luck|of genius))/,
    /\bworst headache\b|\bthunderclap headache\b|\bsudden severe headache\b/,
    /\b(?:muh|munh|chehra) (?:tedha|tedhaa|terha|latak)/,
    /\b(?:haath|hath|pair|pairon) (?:me |mein )?(?:kamzori|kamjori|sunn|sun pad)/,
    /\b(?:bolne|bolna) (?:me |mein )?(?:dikkat|takleef|problem|pareshani)|\bzuban (?:ladkhada|ladkhadaa|atak)/,
    /(?:मुंह|मुँह|चेहरा) (?:टेढ़ा|लटक)|(?:हाथ|पैर) (?:में )?(?:कमजोरी|कमज़ोरी|सुन्न)|(?:बोलने|बोलना) (?:में )?(?:दिक्कत|तकलीफ)|लकवा/,
    /\blakwa\b|\blakva\b|\bpakshaghat\b/,
  ],
  breathing: [
    /\bcan(?:no|')?t (?:breathe|breath)\b|\bcannot breathe\b|\bunable to breathe\b|\bnot able to breathe\b/,
    /\b(?:struggling|hard|difficult|difficulty|trouble) (?:to )?breath(?:e|ing)\b/,
    /\bgasping\b|\bchoking\b|\bsuffocat/,
    /\b(?:severe|very|really bad) (?:breathless|short of breath|shortness of breath)\b|\bbreathless (?:at rest|and)\b/,
    /\bblue (?:lips|face)\b|\blips (?:are |turning |going )?blue\b/,
    /\bcan(?:no|')?t (?:finish|complete) (?:a |my )?sentences?\b/,
    /\bsaans (?:nahi|nahin|nhi|na) (?:aa|le|ho)|\bsaans (?:lene|lena) (?:me|mein|mai) (?:dikkat|takleef|taklif|pareshani|problem)|\bsaans (?:phool|fool|ruk|atak)/,
    /\bdam ghut/,
    /साँस (?:नहीं|नही)|सांस (?:नहीं|नही)|(?:साँस|सांस) (?:लेने|फूल|रुक)|दम घुट/,
    /\bmoochu (?:vida mudiyala|mutti|thinaral)\b|\bshwas (?:gheta yet nahi|ghenyas tras)\b|\bshwas nite parchi na\b|\bswasa (?:adatam ledu|kashtam)\b/,
  ],
  unconscious: [
    /\b(?:unconscious|unresponsive|passed out|blacked out|not waking up|won'?t wake up|collapsed|fainted|fainting)\b/,
    /\b(?:fell|fallen) (?:down )?and (?:is )?not (?:moving|responding|waking)\b/,
    /\bbehosh\b|\bbehoshi\b|\bbeho?sh ho\b|\bhosh (?:nahi|nahin|kho)\b|\bchakkar (?:kha ke|khake) gir/,
    /बेहोश|होश (?:नहीं|खो)/,
    /\bmayakkam\b|\bsprupruha\b|\bajnan\b|\bsoddhu\b/,
  ],
  seizure: [/\bseizure\b|\bconvulsion|\bfits?\b(?= (?:again|now|started|attack))|\bfitting\b|\bepileptic (?:attack|fit)\b/, /\bmirgi\b|\bdaura pad|\bjhatke aa/, /मिर्गी|दौरा पड़/],
  bleeding: [
    /\b(?:severe|heavy|lot of|lots of|won'?t stop|not stopping|uncontrolled|profuse) bleeding\b|\bbleeding (?:heavily|a lot|won'?t stop|not stopping|badly)\b/,
    /\b(?:vomiting|throwing up|coughing up|spitting) blood\b|\bblood in (?:my )?vomit\b|\bblack (?:tarry )?stools?\b/,
    /\bkhoon (?:ki )?(?:ulti|ulatti)|\bkhoon (?:ruk nahi|band nahi|bahut beh)|\bkhoon beh raha/,
    /खून की उल्टी|खून (?:रुक नहीं|बहुत बह|बह रहा)/,
  ],
  allergic_reaction: [
    /\b(?:face|throat|tongue|lips?) (?:is |are |getting |has )?(?:swelling|swollen|swelled up|closing)\b/,
    /\bswelling (?:of|in) (?:my |the )?(?:face|throat|tongue|lips)\b/,
    /\banaphyla|\bsevere allergic reaction\b|\bthroat (?:is )?closing\b/,
    /\b(?:gala|galaa|chehra|hont|jeebh) (?:sooj|suj)/,
    /(?:गला|चेहरा|होंठ|जीभ) (?:सूज)/,
  ],
  low_sugar_confusion: [],
  head_injury: [
    /\b(?:fell|fall|fallen|slipped) (?:and|&) (?:hit|hurt|banged|bumped) (?:my |his |her )?head\b/,
    /\bhead injury\b|\bhit (?:my |his |her )?head (?:badly|hard)\b|\b(?:fell|fallen|fall) (?:\w+ ){0,4}(?:and )?(?:can(?:no|')?t|unable to|not able to) get up\b/,
    /\bgir (?:gaya|gayi|gaye|padi|pada) (?:aur|or) (?:sar|sir) (?:pe|par|me|mein) (?:chot|lagi)|\bsar (?:pe|par) chot/,
  ],
  self_harm: [
    /\b(?:kill|hurt|harm|cut) (?:my ?self|myself)\b|\bsuicid|\bend (?:my life|it all)\b/,
    /\b(?:want|wanna|going|plan|planning) to die\b|\bdon'?t want to (?:live|be alive|wake up)\b|\bno (?:reason|point) (?:to|in) (?:live|living)\b/,
    /\bbetter off dead\b|\btake my (?:own )?life\b|\bnot worth living\b|\boverdose (?:on )?(?:my |all my )?(?:pills|tablets|medicines?)\b/,
    /\bjeena nahi chahta|\bjeena nahi chahti|\bjeena nahin chahta|\bjeena nahin chahti|\bmarna chahta|\bmarna chahti|\bmar jaana chahta|\bmar jaana chahti|\bmar jau|\bkhudkushi|\baatmahatya|\batmahatya|\bkhud ko (?:khatam|maar|nuksan)/,
    /जीना नहीं चाहत|मरना चाहत|मर जाना चाहत|आत्महत्या|खुदकुशी|ख़ुदकुशी|खुद को (?:खत्म|मार)/,
    /\bsaaga poren\b|\bchavali\b|\bmorte chai\b|\bmarayche aahe\b|\bsaayabeku\b/,
  ],
}

const LOW_SUGAR = /\b(?:low sugar|sugar (?:is |was )?(?:very )?low|hypo\b|sugar (?:kam|low) (?:hai|ho|ho gayi|ho gaya)|sugar gir|शुगर (?:कम|गिर))/
const CONFUSED = /\b(?:confused|confusion|disoriented|not making sense|can(?:no|')?t think|drowsy and|shaking and sweating|sweating and shaking|ghabrahat|samajh nahi aa|hosh)\b|घबराहट|भ्रम/
const SUGAR_NUMBER = /\b(?:sugar|glucose|bsl|rbs|fbs|शुगर)\b[^\d]{0,20}(\d{2,3})\b/

/** "no chest pain", "without chest pain", "chest pain nahi": negated mentions only. */
const NEGATION_BEFORE = /\b(?:no|not|without|never|denies|deny|don'?t have|do not have|didn'?t have|no more|free of)\s+(?:\w+\s+){0,2}$/
const NEGATION_AFTER = /^\s*(?:nahi|nahin|nhi|nahi hai|nahi tha|is gone|has gone|went away|gone now)\b/
/** "had a stroke in 2019", "history of heart attack years ago": a past event, not today's. */
const HISTORY_BEFORE = /\b(?:had|has had|history of|survived|recovered from)\s+(?:a |an |his |her |my )?$/
const HISTORY_AFTER = /^\s*(?:\w+\s+){0,4}?(?:\d+ )?(?:years? ago|months ago|long ago|last year|years back|in (?:19|20)\d\d)\b/

export function normalise(text: string): string {
  // \p{M} keeps Devanagari vowel signs, which are marks, not letters.
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{M}\p{N}'\s/.-]/gu, ' ').replace(/\s+/g, ' ').trim()
}

function firstUnnegatedMatch(text: string, re: RegExp): string | undefined {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')
  for (const m of text.matchAll(global)) {
    const before = text.slice(Math.max(0, m.index! - 40), m.index!)
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 20)
    if (NEGATION_BEFORE.test(before) || NEGATION_AFTER.test(after)) continue
    if (HISTORY_BEFORE.test(before) && HISTORY_AFTER.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 40))) continue
    return m[0]
  }
  return undefined
}

/** Every red flag in a patient's words, in a fixed order of severity. */
export function detectRedFlags(text: string): RedFlag[] {
  const t = normalise(text)
  const flags: RedFlag[] = []
  for (const [category, patterns] of Object.entries(PATTERNS) as [RedFlagCategory, RegExp[]][]) {
    for (const re of patterns) {
      const matched = firstUnnegatedMatch(t, re)
      if (matched) {
        flags.push({ category, matched })
        break
      }
    }
  }
  const confused = CONFUSED.exec(t)
  if (confused) {
    const value = Number(SUGAR_NUMBER.exec(t)?.[1])
    const low = LOW_SUGAR.exec(t)?.[0] ?? (value > 0 && value < 70 ? `sugar ${value}` : undefined)
    if (low) flags.push({ category: 'low_sugar_confusion', matched: `${low} + ${confused[0]}` })
  }
  return flags
}
