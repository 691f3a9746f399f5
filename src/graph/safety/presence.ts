import { foldDevanagari } from '../../../language/script.js'

/**
 * Whether a red-flag phrase found in a message is said as present: not denied ("no chest pain",
 * "seene mein dard nahi"), not a past event that is over ("had a stroke in 2019"), not mild and
 * passing when the phrase is a weak one ("a bit breathless climbing stairs, fine after resting").
 * Used by the concept pairs and signs (red-flag-concepts.ts) and the readings' symptoms
 * (red-flags.ts), so negation, the past and mildness are read one way for all of them.
 */

/** Start and end of a word in any script (`\b` knows only ASCII letters). */
export const B = '(?<![\\p{L}\\p{M}\\p{N}])'
export const E = '(?![\\p{L}\\p{M}])'

/** A pattern over normalised text; Devanagari in it is folded like the text is. */
export const re = (source: string) => new RegExp(foldDevanagari(source), 'u')

/** A word between the two parts of a concept pair ("chest feels very tight"); Hinglish and speech put words between them; "but" and "lekin" start another clause ("no chest pain but my left arm…"). */
export const GAP_WORD = '(?!(?:but|however|lekin|magar|लेकिन|मगर)(?![\\p{L}\\p{M}]))\\S+'

/** A pattern, which may be cancelled as mild or passing (`weak`, see `MILD_OR_PASSING`) or by a look-alike (`unless`). */
export interface Phrase {
  re: RegExp
  weak?: true
  unless?: RegExp
  /**
   * The phrase carries its own negation ("saans nahi aa rahi", "can't breathe", "jeene ka mann
   * nahi"): a "no" or "nahi" around it is part of the red flag, not a denial of it.
   */
  negative?: boolean
  /** A "not" or "nahi" between the parts of the phrase denies it ("chest is not hurting"). */
  deniedInside?: boolean
}
export const weak = (r: RegExp): Phrase => ({ re: r, weak: true })

export function phrase(p: RegExp | Phrase): Phrase {
  return p instanceof RegExp ? { re: p } : p
}

/** "a bit breathless climbing stairs", "saans phool gayi thi, theek ho gaya": mild or passing, not an emergency. */
const MILD_BEFORE = re(`(?:\\ba bit|\\ba little|\\bslightly|\\blittle|\\bthoda|\\bthodi|\\bhalka|\\bhalki|\\bzara|थोडा|थोडी|हल्का|हल्की)\\s+(?:\\S+\\s+)?$`)
const MILD_OR_PASSING = re(
  // Breathless on exertion, said as what happens: "seedhi chadhne pe saans phool jaati hai".
  `\\b(?:seedhi|seedhiyan|seedhiyaan|sidhi|sidhiyan|stairs|steps|climbing|chadhne|chadhte|chadhkar|tez chalne|walking fast|running|daudne|jogging)\\b|सीढी\\S*|चढने|चढते|` +
  `\\b(?:fine|ok|okay|better|normal|alright) (?:after|on|with|once)\\b|\\bab (?:theek|thik|sahi|normal)\\b|अब ठीक|\\b(?:settled|went away|goes away|passed off|subsided)\\b|\\bafter (?:resting|a rest|sitting)\\b|\\b(?:theek|thik|normal) ho (?:gaya|gayi|gya|gyi|jata|jaati)\\b|(?:ठीक|नॉर्मल) हो (?:गया|गई|जाता|जाती)`,
)

/** "no chest pain", "without chest pain", "not sure but chest pain": only the first is negated. */
const NEGATION_BEFORE = /\b(?:no|not|without(?! (?:a |an |his |her |my |the |any )?(?:helmet|seat ?belt|support|stick|walker|help|warning|reason|food|eating)\b)|never|denies|deny|don'?t have|do not have|didn'?t have|no more|free of)\s+(?:(?!but\b|and\b|par\b|lekin\b|aur\b|now\b)[\w'-]+\s+){0,2}$/u
/** "chest pain nahi", "दर्द नहीं है", but not "dard nahi ja raha" (is not going away). */
const NEGATION_AFTER = re(
  `^\\s*(?:(?:ab|abhi|अब) (?:theek|thik|ठीक)(?! (?:nahi|nahin|nhi|नहीं))|(?:ab |abhi |bilkul |to |toh |अब |बिल्कुल )?(?:nahi|nahin|nhi|nai|is gone|has gone|went away|gone now|illa|illai|ledu|nei|nako|naahi|नहीं|नही))(?![\\p{L}\\p{M}])(?!\\s+(?:ja|jaa|ja raha|ruk|ruka|rukta|rukti|band|kam|utar|थम|जा|रुक|बंद|कम))`,
)
const ANY_BEFORE = re(`(?:\\bkoi|कोई)\\s+(?:\\S+\\s+)?$`)
const NOT_SOON_AFTER = re(`^[^.!?]*?(?:\\bnahi\\b|\\bnahin\\b|\\bnhi\\b|नहीं)`)
/** A denial between the two parts of a concept pair: "chest is not hurting", "seene mein koi dard nahi". */
const NEGATION_INSIDE = re(`${B}(?:not|no|never|nahi|nahin|nhi|nai|नहीं|नही|isn'?t|wasn'?t|doesn'?t|didn'?t|aren'?t)${E}`)
/** "had a stroke in 2019", "history of heart attack years ago": a past event, not today's. */
const HISTORY_BEFORE = /\b(?:had|has had|history of|survived|recovered from)\s+(?:a |an |his |her |my )?$/
/** "dil ka daura pada tha 2015 mein", "दो साल पहले लकवा हुआ था": the same past event said in Hindi. */
const HISTORY_AFTER_HI = re(
  `^\\s*(?:\\S+\\s+){0,2}?(?:tha|thi|the|था|थी|थे)(?![\\p{L}\\p{M}])(?:\\s+\\S+){0,3}?\\s+(?:(?:19|20)\\d\\d|\\d+ (?:saal|sal|mahine|mahina) (?:pehle|pahle)|(?:\\d+ )?(?:साल|महीने) पहले)|^\\s*(?:\\S+\\s+){0,4}?(?:\\d+ (?:saal|sal|mahine|mahina) (?:pehle|pahle|pehele)|(?:\\d+ )?(?:साल|महीने) पहले|(?:19|20)\\d\\d (?:mein|me|में))|^\\s*(?:\\S+\\s+){0,2}?(?:tha|thi|the|था|थी|थे)(?![\\p{L}\\p{M}])\\s+(?:pichhle|pichle|पिछले) (?:saal|sal|mahine|mahina|साल|महीने)`,
)
const HISTORY_AFTER =
  /^\s*(?:(?!since\b|for\b|from\b)\w+\s+){0,7}?(?:\d+ |\w+ )?(?:years? ago|months ago|weeks? ago|days? ago|long ago|last (?:year|month|week|night)|yesterday|years back|in (?:19|20)\d\d|in (?:nineteen|two thousand)\b|as a (?:child|kid|baby|teenager|boy|girl)|in (?:my |his |her )?(?:childhood|youth))\b/
/**
 * "papa ko 2 saal pehle heart attack aaya tha", "last month mummy ko daura pada tha": when it was
 * said before the event, and the event is told as over ("tha", "thi", "the") right after it.
 */
const WHEN_BEFORE = re(
  `(?:\\b(?:\\d+|ek|do|teen|char|chaar|paanch|kai|kuch) (?:saal|sal|mahine|mahina|hafte|hafta|din) (?:pehle|pahle|pehele)|\\b(?:pichhle|pichle) (?:saal|sal|mahine|mahina|hafte)|\\blast (?:year|month|week)|\\b(?:kal|yesterday|parso|parson)\\b|कल|परसों|\\bbachpan (?:mein|me|mai)\\b|बचपन में|\\b(?:years|months|long) ago\\b|\\bas a (?:child|kid|teenager|teen)\\b|\\b(?:19|20)\\d\\d (?:mein|me|main)|(?:\\d+ |एक |दो |तीन |कई )?(?:साल|महीने|हफ्ते|दिन) पहले|पिछले (?:साल|महीने|हफ्ते)|(?:19|20)\\d\\d में)(?:\\s+\\S+){0,8}?\\s*$`,
)
const TOLD_AS_OVER = re(`^\\S*(?:\\s+\\S+){0,3}?\\s+(?:tha|thi|the|था|थी|थे)(?![\\p{L}\\p{M}])`)
/** The English past of a feeling, then the present that replaced it: "wanted to die ... in a much better place now". */
const PAST_THEN_BETTER = /^(?:wanted|had|felt|was|tried|attempted|thought)\b[^]*\b(?:(?:i'?m|i am) (?:\w+ )?(?:fine|better|ok|okay|well|in a (?:much |far )?better place)|(?:much |far )?better (?:place )?now)\b/
/** "had chest pain yesterday and it is back again": the past event is not over. */
const RECURRED = /\b(?:again|still|came back|comes back|is back|returned|phir se|fir se|abhi bhi|ab bhi)\b/

/**
 * The first match of `pattern` in `text` that is not negated, in the past or (for weak phrases)
 * mild. `whole` is the whole message, for the checks that read it all (mild or passing, a
 * look-alike), when `text` is one clause of it.
 */
export function firstPresent(text: string, pattern: Phrase | RegExp, whole = text): string | undefined {
  const p = phrase(pattern)
  const global = new RegExp(p.re.source, p.re.flags.includes('g') ? p.re.flags : p.re.flags + 'g')
  for (const m of text.matchAll(global)) {
    // Patterns may start with the character before the phrase; negation reads up to the phrase.
    const start = m.index! + (m[0].length - m[0].replace(/^[^\p{L}\p{N}]+/u, '').length)
    const end = m.index! + m[0].length
    const before = text.slice(Math.max(0, start - 40), start)
    const after = text.slice(end, end + 30)
    if (!p.negative && (NEGATION_BEFORE.test(before) || NEGATION_AFTER.test(after))) continue
    // "koi ulti ya kamzori nahi", "कोई उल्टी या कमजोरी नहीं": "any … not" around it.
    if (!p.negative && ANY_BEFORE.test(before) && NOT_SOON_AFTER.test(text.slice(end, end + 25))) continue
    if (p.deniedInside && !p.negative && NEGATION_INSIDE.test(m[0])) continue
    // "had a seizure 12 years ago", "had fits as a child": the "had" may be the phrase's own first word.
    const past = HISTORY_BEFORE.test(before) || /^(?:had|has had|fainted|collapsed|passed out|blacked out)\b/.test(m[0].trimStart())
    if (past && HISTORY_AFTER.test(text.slice(end, end + 60)) && !RECURRED.test(text.slice(end))) continue
    if (HISTORY_AFTER_HI.test(text.slice(end, end + 40)) && !RECURRED.test(text.slice(end))) continue
    if (WHEN_BEFORE.test(text.slice(Math.max(0, start - 50), start)) && !RECURRED.test(text.slice(end))) {
      if (TOLD_AS_OVER.test(text.slice(end, end + 30)) || PAST_THEN_BETTER.test(whole.slice(whole.indexOf(m[0].trim())))) continue
    }
    if (p.weak && (MILD_BEFORE.test(before) || MILD_OR_PASSING.test(whole))) continue
    if (p.unless?.test(whole)) continue
    return m[0].trim()
  }
  return undefined
}
