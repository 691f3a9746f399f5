/** The patient's words, made regular for the router and the offline planners. */
import { halves, hindiNumbersToDigits, wordsToDigits } from './numbers.js'
import { expandTextSpeak } from './text-speak.js'

/** A string matched literally inside a RegExp. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Lower case, straight quotes, spoken numbers as digits, single spaces, "b p" as "bp", common typos mended. */
export function normaliseText(text: string): string {
  const spoken = text
    .replace(/[’‘]/g, "'")
    .replace(/\bhundred\b/gi, (h, i, all: string) => (/\b(?:one|a|two)\s+$/i.test(all.slice(0, i)) ? h : 'one hundred'))
    .toLowerCase()
    // Before the numbers: "do glaas" counts only beside a unit it knows.
    .replace(GLASS, 'glass')
  const typed = expandTextSpeak(spoken)
  const digits = halves(wordsToDigits(hindiNumbersToDigits(typed)))
  // A speech recogniser writes the letters out: "bee pee", "b p".
  return mendTypos(wholeNotPuri(digits.replace(/\bb\.? ?p\b|\bbee[ -]?pee\b/g, 'bp').replace(/\s+/g, ' ').trim()))
}

/** "puri raat jaagta raha" (पूरी रात) is the whole night, not a puri eaten at night. */
function wholeNotPuri(t: string): string {
  return t.replace(/\b(?:puri|poori|pura|poora|poore|pure) (raat|rat|din|night|day|tarah|hafte|hafta|week)\b/g, 'whole $1')
}

/** Hindi spellings of a glass: "teen gilaas paani", "do glaas". */
const GLASS = /\b(?:gilas|gilaas|gilass|glaas|glas|gilaa?son|gilason)\b/g

/**
 * Misspellings and run-together words patients type: "suger", "presure", "fastin", "aftr", "sugar147", "bp-134",
 * and the letter o for a zero inside a number ("13o/85", "9o").
 */
export function mendTypos(t: string): string {
  return t
    .replace(/\b(?:suger|shugar|sugr|sugur|shugr|sugaar)\b/g, 'sugar')
    .replace(/\b(?:presure|pressue|preasure|pressur|pressre)\b/g, 'pressure')
    .replace(/\b(?:glucoze|glucos)\b/g, 'glucose')
    .replace(/\b(?:fastin|fastng|fsting|fasing|fastig|fasting?g)\b/g, 'fasting')
    .replace(/\b(?:aftr|afer|atfer)\b/g, 'after')
    .replace(/\b(?:befor|bfore|befre)\b/g, 'before')
    .replace(/\b(?:brekfast|breakfst|brkfast|brakfast)\b/g, 'breakfast')
    .replace(/\b(sugar|glucose|bp|pulse|weight|temp|fbs|ppbs|rbs|pp|spo2)[-:]?(\d)/g, '$1 $2')
    // "8.2mmol/l", "72kg", "500mg": a number run into its unit.
    .replace(/(\d)(mmol|mg|mcg|kgs?|kilos?|lbs?|pounds?|bpm|iu|units?)\b/g, '$1 $2')
    // The letter l (or I) for a one inside a number: "1l0", "14l/90", "l40".
    .replace(/\b(?=[\dlo]*\d)(?=[\dlo]*l)[\dlo]{2,3}\b/g, (m) => m.replace(/l/g, '1').replace(/o/g, '0'))
    .replace(/\b(\d{1,2})o\b/g, '$10')
    .replace(/\b(\d)o(\d)\b/g, '$10$2')
}

/** Splits a turn into clauses at commas, full stops and the words "and", "aur", "also", "then", "but". */
export function splitClauses(text: string): string[] {
  return text
    // A question keeps its mark ("is it ok to eat a mango today?"), so its clause still reads as one.
    .split(/\s*(?:,|;|\.(?!\d)|(?<=\?)(?!\?)|!|\band then\b|\band\b|\baur\b|\balso\b|\bthen\b|\bplus\b|\bbut\b|\bor\b(?= i\b)|&)\s*/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
}
