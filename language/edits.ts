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
  /^(?:no|nope|nahi|nahin|arre nahi|no no|nahi nahi|oops|sorry|wait|actually|correction|galti|galat|maaf|wrong|not \d)\b/,
  /^(?:नहीं|माफ़|माफ|गलती|गलत)/,
  /\b(?:i meant|meant to (?:say|write)|make (?:that|it)|change (?:that|it)|should (?:be|have been)|typo|i (?:wrote|typed|said) (?:it )?wrong|read it wrong|galat likha|galti se|galat tha|galat hai|swapped|not \d+(?:\.\d+)?\b)/,
  /\b(?:that|it|this) (?:was|is) (?:in |for |actually |from )?\w+,? not\b/,
  /\b(?:that|it|this) was (?:actually |only |just )?(?:yesterday|in pounds|in kg|mmol|fasting|before|after|dinner|lunch|breakfast)\b/,
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
  return [...text.matchAll(/\bnot (\d+(?:\.\d+)?)\b|\b(\d+(?:\.\d+)?) nahi\b/g)].map((m) => Number(m[1] ?? m[2]))
}
