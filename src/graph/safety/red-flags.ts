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

/**
 * `a`, then up to `gap` other words, then `b`: "chest feels very tight", "सीने में बहुत तेज दर्द".
 * Speech and Hinglish put words between the parts of a phrase, so fixed phrases miss them.
 */
function near(a: string, b: string, gap = 3): RegExp {
  return new RegExp(`(?:^|[^\\p{L}])(?:${a})(?:\\s+\\S+){0,${gap}}?\\s+(?:${b})(?![\\p{L}])`, 'u')
}

const CHEST_EN = 'chest'
const CHEST_PAIN_EN =
  'pain|pains|ache|aches|aching|hurts?|hurting|tight|tightness|pressure|heavy|heaviness|discomfort|burning|crushing|squeezing|paining'
const CHEST_IN = 'seene|sine|seena|sina|chhati|chhaati|chati|chaati|chhate|chhatit|chhatiyat|dil'
const PAIN_IN = 'dard|dukh|dukhta|dukhti|dukhtay|dukhat|dukhte|dukhavo|jalan|bhaari|bhari|dabav|dabaav|jakdan|jakdan'
const DIE_IN =
  'mar (?:jaana|jana|jaun|jau|jaaun|jaunga|jaungi)|marna (?:hai|chahta|chahti|chahte|chaunda|chaundi)|mar jaana chahta|mar jaana chahti'

/** Each pattern is tested against the normalised text (lower case, single spaces). */
const PATTERNS: Record<RedFlagCategory, RegExp[]> = {
  chest_pain: [
    near(CHEST_EN, CHEST_PAIN_EN),
    near('pain|pressure|tightness|heaviness|squeezing|crushing|burning|discomfort', CHEST_EN),
    near('pain|ache|aching|numb|numbness|heaviness', 'jaw|left arm|left shoulder', 4),
    near('jaw|left arm', 'pain|hurts?|hurting|aching|numb', 3),
    /\b(?:having|think i'?m having|i think it'?s|is this|this is|feels like|getting|had) (?:a )?heart attack\b(?! (?:\d+|last|years?|in (?:19|20)))/,
    /\bheart attack (?:aa raha|aa rha|ho raha|ho rha|hua hai|aaya)|^heart attack\b/,
    near(CHEST_IN, PAIN_IN),
    /(?:सीने|छाती|सीना|दिल)(?:\s+\S+){0,3}\s+(?:दर्द|भारीपन|जकड़न|दबाव)/u,
    near('nenju|nenjil|nenjinu', 'vali|valikkudhu|valikudhu|valikuthu|vedhanai|vedanai|vedana|vedhana', 2), // Tamil, Malayalam
    near('chaati|chati|gunde', 'noppi|noppiga|nepputhundi', 2), // Telugu
    near('buke|bukey', 'byatha|batha|byetha|betha|chap|dard', 2), // Bengali
    near('ede', 'novu|nova|novvu', 2), // Kannada
    near('chhati|chhaati', 'ma dukhavo|ma dukhe|ma dard', 2), // Gujarati
  ],
  stroke: [
    near('face|mouth|smile', 'drooping|droops|dropped|drooped|dropping|droopy|twisted|crooked|numb|sagging|fallen', 3),
    /\b(?:drooping|droopy|numb|twisted) (?:face|mouth)\b/,
    /\bslurred speech\b|\bspeech (?:is )?slurred\b|\bslurring\b|\b(?:slurs) (?:my |his |her )?(?:words|speech)\b/,
    /\bcan(?:no|')?t (?:speak|talk) (?:properly|clearly|suddenly)\b|\bsuddenly can(?:no|')?t (?:speak|talk|see|move)\b/,
    /\bcan(?:no|')?t (?:lift|move|raise|feel) (?:my|his|her|the) (?:arm|leg|hand|left|right)\b/,
    /\b(?:arm|leg|side|hand) (?:is |feels |went |gone )?(?:suddenly )?(?:weak|numb|paralysed|paralyzed|dead|limp)\b/,
    /\bsudden (?:weakness|numbness|confusion|blindness|loss of (?:vision|balance))\b/,
    /\b(?:one side|half) of (?:my |his |her )?(?:body|face)\b/,
    /\bstroke\b(?! (?:of luck|of genius|of the|of a pen|play))/,
    /\bworst headache\b|\bthunderclap headache\b|\bsudden severe headache\b/,
    near('muh|munh|chehra|chehara', 'tedha|tedhaa|terha|latak|tircha', 3),
    near('haath|hath|pair|pairon|baazu', 'kamzori|kamjori|sunn|sun pad|bejaan', 3),
    /\b(?:bolne|bolna) (?:me |mein )?(?:dikkat|takleef|problem|pareshani)|\bzuban (?:ladkhada|ladkhadaa|atak)|\bbol nahi pa/,
    /(?:मुंह|मुँह|चेहरा)(?:\s+\S+){0,2}\s+(?:टेढ़ा|लटक)|(?:हाथ|पैर) (?:में )?(?:कमजोरी|कमज़ोरी|सुन्न)|(?:बोलने|बोलना) (?:में )?(?:दिक्कत|तकलीफ)|बोल नहीं पा|लकवा/u,
    /\blakwa\b|\blakva\b|\bpakshaghat\b/,
  ],
  breathing: [
    /\bcan(?:no|')?t (?:breathe|breath)\b|\bunable to breathe\b|\bnot able to breathe\b/,
    /\b(?:struggling|hard|difficult|difficulty|trouble) (?:to )?breath(?:e|ing)\b/,
    /\bgasping\b|\bchoking\b|\bsuffocat/,
    /\b(?:short of breath|shortness of breath|breathless|out of breath)\b/,
    /\bblue (?:lips|face)\b|\blips (?:are |turning |going |look )?blue\b/,
    /\bcan(?:no|')?t (?:finish|complete) (?:a |my )?sentences?\b/,
    /\bsaans (?:nahi|nahin|nhi|na) (?:aa|le|ho)|\bsaans (?:phool|fool|ruk|atak)/,
    near('saans (?:lene|lena)|saans', 'dikkat|takleef|taklif|pareshani|problem', 3),
    /\bdam ghut/,
    /(?:साँस|सांस) (?:नहीं|नही)|(?:साँस|सांस) (?:लेने|फूल|रुक)|दम घुट/u,
    /\bmoochu (?:vida mudiyala|mutti|thinaral)\b|\bswasa (?:adatam ledu|kashtam)\b/,
    /\b(?:shash|shwas|swas|shas) (?:nite|nete) (?:parchi|parchhi|pari|parchina) ?na\b|\bshwas (?:gheta yet nahi|ghyayla tras|ghenyas tras)\b/,
  ],
  unconscious: [
    /\b(?:unconscious|unresponsive|passed out|blacked out|not waking up|won'?t wake up|collapsed|fainted|fainting|not responding)\b/,
    /\b(?:fell|fallen) (?:down )?and (?:is )?not (?:moving|responding|waking)\b/,
    /\bbehosh\b|\bbehoshi\b|\bhosh (?:nahi|nahin|kho)\b|\bchakkar (?:kha ke|khake) gir/,
    /बेहोश|होश (?:नहीं|खो)/u,
    /\bmayakkam\b|\bajnan\b|\bsoddhu\b|\bgyan nei\b/,
  ],
  seizure: [/\bseizure|\bconvulsion|\bfits?\b(?= (?:again|now|started|attack))|\bfitting\b|\bepileptic (?:attack|fit)\b/, /\bmirgi\b|\bdaura pad|\bjhatke aa/, /मिर्गी|दौरा पड़/u],
  bleeding: [
    /\b(?:severe|heavy|lot of|lots of|won'?t stop|not stopping|uncontrolled|profuse) bleeding\b|\bbleeding (?:heavily|a lot|badly)\b/,
    near('bleeding|blood', "(?:will not|won'?t|does not|doesn'?t|is not|isn'?t|not|can'?t|cannot) stop(?:ping)?", 3),
    /\b(?:vomiting|throwing up|coughing up|spitting|vomited|threw up) (?:some )?blood\b|\bblood in (?:my )?vomit\b|\bblack (?:tarry )?stools?\b/,
    near('ulti|ulatti|vomit|vomiting', 'khoon|blood', 2),
    /\bkhoon (?:ki )?(?:ulti|ulatti)|\bkhoon (?:ruk nahi|band nahi|bahut beh)|\bkhoon beh raha/,
    /खून की उल्टी|उल्टी में खून|खून (?:रुक नहीं|बहुत बह|बह रहा)/u,
  ],
  allergic_reaction: [
    /\b(?:face|throat|tongue|lips?) (?:is |are |getting |has )?(?:swelling|swollen|swelled up|closing)\b/,
    /\bswelling (?:of|in) (?:my |the )?(?:face|throat|tongue|lips)\b/,
    /\banaphyla|\bsevere allergic reaction\b|\bthroat (?:is )?closing\b|\bcan(?:no|')?t swallow\b/,
    near('gala|galaa|chehra|hont|jeebh', 'sooj|suj', 2),
    /(?:गला|चेहरा|होंठ|जीभ) (?:सूज)/u,
  ],
  low_sugar_confusion: [],
  head_injury: [
    /\b(?:fell|fall|fallen|slipped) (?:and|&) (?:hit|hurt|banged|bumped) (?:my |his |her )?head\b/,
    /\bhead injury\b|\bhit (?:my |his |her )?head (?:badly|hard)\b|\b(?:fell|fallen|fall) (?:\w+ ){0,4}(?:and )?(?:can(?:no|')?t|unable to|not able to) get up\b/,
    /\bgir (?:gaya|gayi|gaye|padi|pada) (?:aur|or) (?:sar|sir) (?:pe|par|me|mein) (?:chot|lagi)|\bsar (?:pe|par) chot/,
  ],
  self_harm: [
    /\b(?:kill|hurt|harm|cut) (?:my ?self|myself)\b|\bsuicid|\bend (?:my life|it all)\b/,
    /\b(?:want|wanna|going|plan|planning) to die\b|\bdon'?t want to (?:live|be alive|wake up|be here)\b|\bno (?:reason|point) (?:to|in) (?:live|living|going on)\b/,
    /\bbetter off (?:dead|without me)\b|\btake my (?:own )?life\b|\bnot worth living\b|\btired of (?:living|life)\b|\bcan'?t go on\b|\bi am a burden\b|\bi'?m a burden\b/,
    /\boverdose\b|\b(?:took|taken|swallowed|ate|had|kha li|kha liya|kha liye)\s+(?:all|all of|a whole|the whole|an entire|the entire|many|lots of|\d{2,})\s+(?:\S+\s+){0,2}(?:pills|tablets|medicines|goliyan|goli)\b/,
    /\bjeena nahi chaht|\bjeena nahin chaht|\bjeene ka (?:mann|man) nahi|\bkhudkushi|\baatmahatya|\batmahatya|\bkhud ko (?:khatam|maar|nuksan)|\b(?:sab|zindagi|jeevan) khatam kar/,
    new RegExp(`\\b(?:${DIE_IN})\\b`),
    /जीना नहीं चाहत|मरना चाहत|मर जाना|आत्महत्या|खुदकुशी|ख़ुदकुशी|खुद को (?:खत्म|मार)|जिंदगी खत्म/u,
    /\bsaaga(?:num| poren| pogiren)\b|\bsaavanum\b|\bchanipov\w*|\bchachipov\w*|\bmor(?:te| jete) chai\b|\bmore jete chai\b/,
    /\bmarayche\b|\bjeev dyaycha\b|\bsaayabeku\b|\bmarikkan\w*|\bmarvu (?:che|chhe)\b|\bmari (?:javu|jaavu) (?:che|chhe)\b/,
  ],
}

/** Everyday hyperbole that looks like a red flag: "I almost fainted when I saw the bill". */
const IDIOMS = [/\balmost (?:fainted|died|had a heart attack)\b (?:when|after|seeing|on seeing|looking|reading|at)\b[^.!?]*/g]

const LOW_SUGAR = /\b(?:low sugar|sugar (?:is |was )?(?:very )?low|hypo\b|sugar (?:kam|low) (?:hai|ho|ho gayi|ho gaya)|sugar gir|शुगर (?:कम|गिर))/
const CONFUSED = /\b(?:confused|confusion|disoriented|not making sense|can(?:no|')?t think|drowsy and|shaking and sweating|sweating and shaking|ghabrahat|samajh nahi aa|hosh)\b|घबराहट|भ्रम/
const SUGAR_NUMBER = /\b(?:sugar|glucose|bsl|rbs|fbs|शुगर)\b[^\d]{0,20}(\d{2,3})\b/

/** "no chest pain", "without chest pain", "chest pain nahi": negated mentions only. */
const NEGATION_BEFORE = /\b(?:no|not|without|never|denies|deny|don'?t have|do not have|didn'?t have|no more|free of)\s+(?:\w+\s+){0,2}$/
const NEGATION_AFTER = /^\s*(?:nahi|nahin|nhi|nahi hai|nahi tha|is gone|has gone|went away|gone now|illa|illai|ledu|nei|nai|nako|naahi|नहीं)(?![\p{L}])/u
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
    // near() patterns start with the character before the phrase; negation reads up to the phrase.
    const start = m.index! + (m[0].length - m[0].replace(/^[^\p{L}]+/u, '').length)
    const before = text.slice(Math.max(0, start - 40), start)
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 20)
    if (NEGATION_BEFORE.test(before) || NEGATION_AFTER.test(after)) continue
    if (HISTORY_BEFORE.test(before) && HISTORY_AFTER.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 40))) continue
    return m[0]
  }
  return undefined
}

/** Every red flag in a patient's words, in a fixed order of severity. */
export function detectRedFlags(text: string): RedFlag[] {
  let t = normalise(text)
  for (const idiom of IDIOMS) t = t.replace(idiom, ' ')
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
