/**
 * Spelling variants of Devanagari that mean the same to a reader, folded to one form so that
 * lexicons match what patients type: the nukta (ज़िंदगी / जिंदगी, पड़ / पड), the chandrabindu
 * (साँस / सांस, माँ / मां) and Devanagari digits (१४० / 140). Keyboards and speech recognisers
 * produce either form, and patients are not consistent.
 */

const NUKTA = /\u093C/g
const CHANDRABINDU = /\u0901/g
const DEVANAGARI_DIGIT = /[\u0966-\u096F]/g

export function foldDevanagari(text: string): string {
  return text
    .normalize('NFD')
    .replace(NUKTA, '')
    .replace(CHANDRABINDU, '\u0902')
    .replace(DEVANAGARI_DIGIT, (d) => String(d.charCodeAt(0) - 0x0966))
    .normalize('NFC')
}

/**
 * Text as lexicons read it: lower case, Devanagari folded, straight quotes, punctuation as spaces
 * (apostrophes, hyphens, slashes and dots kept, for "can't", "ulti-seedhi", "140/90", "3.1").
 */
export function matchable(text: string): string {
  return foldDevanagari(text)
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{M}\p{N}'\s/.-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

export const hasDevanagari = (text: string): boolean => /\p{Script=Devanagari}/u.test(text)

/** Share of the letters that are Devanagari (0 when there are none). */
export function devanagariShare(text: string): number {
  const dev = text.match(/(?=\p{Script=Devanagari})[\p{L}\p{M}]/gu)?.length ?? 0
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0
  return dev + latin === 0 ? 0 : dev / (dev + latin)
}
