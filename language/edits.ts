/**
 * Whether the patient is changing something they told Podd: removing an entry ("delete that",
 * "wo hata do", "वो हटा दो") or correcting it ("no, make that 140", "sorry typo, it was 136/92",
 * "I meant 77 not 72", "galat likha", "that was fasting, not after food"). Works on normalised
 * text (lower case, spoken numbers as digits).
 */

const REMOVE =
  /\b(?:delete|remove|cancel|undo|erase|scratch (?:that|it)|take (?:that|it) (?:off|out)|strike (?:that|it)|hata do|hatao|hata dijiye|hata de|mita do|mitao|nikal do|nikaal do)\b|हटा|मिटा|डिलीट|निकाल/

const CORRECT = [
  // Opening words that take back what was just said.
  // ("माफ़" reads as "maph" once romanised.)
  /^(?:no|nope|nahi|nahin|arre nahi|no no|nahi nahi|oops|sorry|wait|actually|correction|galti|galat|maaf|maph|maaph|wrong|not \d)\b/,
  /^(?:नहीं|माफ़|माफ|गलती|गलत)/,
  /\b(?:i meant|meant to (?:say|write)|make (?:that|it)|change (?:that|it)|should (?:be|have been)|typo|i (?:wrote|typed|said) (?:it )?wrong|read it wrong|galat likha|galti se|galat tha|galat hai|swapped|not \d+(?:\.\d+)?\b)/,
  /\b(?:that|it|this) (?:was|is) (?:in |for |actually |from )?\w+,? not\b/,
  /\b(?:that|it|this)(?: one| reading)? was (?:actually |only |just |at |taken at |in the )?(?:yesterday|in pounds|in kg|mmol|fasting|before|after|dinner|lunch|breakfast|bedtime|random|night)\b/,
  // "Theek kar do", "sahi kar do", "badal do": put it right.
  /\b(?:theek|thik|sahi|sudhar|sudhaar) (?:kar|kr) (?:do|dijiye|dena|de|dein)\b|\b(?:galat|wrong) (?:hai|tha|thi|likha|entry)\b/,
  // "Only 2 rotis actually": the take-back word at the end.
  /\bactually[.!]?$/,
  // "It's wrong, fix it", "change the sugar to 150", "wo wali reading badal do".
  /\b(?:is|was|are|were) (?:wrong|incorrect)\b|\bfix (?:it|that|this)\b|\b(?:badal|badlo|badal do|badal dijiye)\b|\bchange (?:the|my) (?:\w+ ){0,2}to\b/,
  // "Only the bottom number", "neeche wala 90 tha": one half of a BP.
  /\b(?:neeche|niche|nichla|neechla|upar|upper|lower|bottom|top) (?:wala|wali|vala|vali|number|reading|value)\b/,
  // "Chaar nahi, teen roti", "khali pet nahi thi, …", "90 tha, 100 nahi": the Hindi way of denying.
  /^(?:\S+ ){0,2}?\S+ (?:nahi|nahin),/,
  /^(?:\w+ ){1,3}(?:nahi|nahin) (?:thi|tha|the)\b/,
  /\b\d+(?:\.\d+)? (?:nahi|nahin)[.!]?$/,
  // "It wasn't milk, it was buttermilk".
  /\b(?:it|that|this) (?:wasn'?t|was not|isn'?t|is not)\b.{1,30}\b(?:it|that|this) (?:was|is)\b/,
  // "Not walk, it was yoga": the wrong thing first.
  /^not (?:a |an |the )?\w+(?: \w+)?,? (?:it|that|this) (?:was|is)\b/,
  // "Move that reminder to 9 pm", "iska time 8 baje kar do": the time of what was just set up.
  /\b(?:move|shift|change|reschedule|push|prepone|postpone)\b.{0,30}\b(?:that|this|the|it|its|iska|uska)\b.{0,20}\b(?:reminder|rimaind\w*|time|alarm|appointment|dose)\b|\b(?:iska|iski|uska|uski|is|us) (?:time|samay|waqt|reminder|rimaind\w*)\b.{0,20}\b(?:kar do|kardo|karo|kar dijiye|badal do)\b/,
  /\bactually\b.{0,20}\b(?:only|just|was|it|not)\b/,
  /^(?:it was|it is|only)\b.{0,25}\b(?:not|only)\b/,
]

/**
 * Words that may point back at the last entry without saying it was wrong ("it was half a
 * tablet", "I took that at 7", "3 idli only", "it is 6400 steps", "that is mmol"): a correction
 * only when the agent can read a change from them.
 */
const REFER = [
  /^(?:it|that|this) (?:was|is) (?:in )?(?:half|only|just|\d|mmol|pounds?|lbs?|kg|fahrenheit|celsius)/,
  /\b(?:it|that) (?:is|was) \d/,
  /\b(?:took|measured|checked|did) (?:that|it|this) (?:at|in|on|around|before|after)\b/,
  /^\d+(?:\.\d+)? \w+ only\b/,
  /\b(?:that|it) (?:is|was) (?:in )?(?:mmol|pounds?|lbs|kg|fahrenheit)\b/,
  // "The lunch was kadhi chawal, not rajma": a correction when the food denied was just logged.
  /^[^\d]*\b(?:was|were|tha|thi|the)\b[^\d]*,? not (?:the )?[a-z]+(?: [a-z]+)?$/,
  // "68 kilo likho", "140 kar do": write this instead, when something of the kind was just logged.
  /\b\d+(?:\.\d+)?\s*(?:\w+\s+)?(?:likho|likh do|likhiye|likh dijiye|kar do|kardo|kar dijiye)\b/,
]

/** remove, correct, refer (maybe a correction, see REFER), or none: something new. */
export type EditIntent = 'remove' | 'correct' | 'refer'

export function editIntent(text: string): EditIntent | undefined {
  if (REMOVE.test(text)) return 'remove'
  if (CORRECT.some((re) => re.test(text))) return 'correct'
  if (REFER.some((re) => re.test(text))) return 'refer'
  return undefined
}

/** The numbers the patient says were wrong ("77 not 72", "should be 112, not 121"): 72 and 121. */
export function negatedNumbers(text: string): number[] {
  return [...text.matchAll(/\bnot (\d+(?:\.\d+)?)\b|\b(\d+(?:\.\d+)?) (?:nahi|nahin|galat|wrong|is wrong|was wrong)\b/g)].map((m) => Number(m[1] ?? m[2]))
}

/** "Remove both water entries", "saari entries hata do": every entry meant, not one. */
export const EVERY_ENTRY = /\b(?:both|all|every|dono|donon|sab|sabhi|saari|sari|saare|sare|these|those)\b/
