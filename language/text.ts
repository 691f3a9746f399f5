/** The patient's words, made regular for the router and the offline planners. */
import { wordsToDigits } from './numbers.js'

/** A string matched literally inside a RegExp. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Lower case, straight quotes, spoken numbers as digits, single spaces, "b p" as "bp". */
export function normaliseText(text: string): string {
  return wordsToDigits(text.replace(/[’‘]/g, "'").replace(/\bhundred\b/gi, (h, i, all: string) => (/\b(?:one|a|two)\s+$/i.test(all.slice(0, i)) ? h : 'one hundred')))
    .toLowerCase()
    .replace(/\bb\.? ?p\b/g, 'bp')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Splits a turn into clauses at commas, full stops and the words "and", "aur", "also", "then", "but". */
export function splitClauses(text: string): string[] {
  return text
    .split(/\s*(?:,|;|\.(?!\d)|\?|!|\band then\b|\band\b|\baur\b|\balso\b|\bthen\b|\bplus\b|\bbut\b|\bor\b(?= i\b)|&)\s*/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
}
