import type { ReplyLanguage } from './dataset-schema.js'

/**
 * Which language a reply is in, for the `language` expectation: `hi` (Hindi in Devanagari),
 * `hi-latn` (Hindi or Hinglish in Latin letters) or `en`.
 *
 * - By script first: when at least 40 % of the reply's letters are Devanagari it is `hi`.
 *   (Medicine names, "BP", numbers and units in Latin letters inside a Hindi sentence do not
 *   make it English.)
 * - Otherwise by words: a reply in Latin letters is `hi-latn` when at least 3 of its words, and
 *   at least 15 % of them, are on HINDI_MARKERS below — common Hindi function words and
 *   everyday health words that are not also English words ("main", "the", "to", "me", "hi",
 *   "so", "mat", "jab", "tab", "par" and "bus" are left out on purpose). Else it is `en`.
 *
 * The thresholds tolerate an English reply that quotes one Hindi food or medicine word
 * ("Logged your 2 roti and dal") and a Hinglish reply that keeps English nouns ("Aapka BP
 * 140/90 note kar liya hai").
 */

export const DEVANAGARI_SHARE = 0.4
export const MIN_MARKER_WORDS = 3
export const MIN_MARKER_SHARE = 0.15

export const HINDI_MARKERS = new Set([
  // verbs and auxiliaries
  'hai', 'hain', 'ho', 'hoga', 'hogi', 'hona', 'tha', 'thi', 'raha', 'rahi', 'rahe',
  'kar', 'karo', 'karen', 'karein', 'kariye', 'kijiye', 'kiya', 'kiye', 'karna', 'karke', 'kiji',
  'liya', 'liye', 'lijiye', 'lo', 'lein', 'diya', 'diye', 'dijiye', 'dein', 'gaya', 'gayi', 'gaye',
  'sakte', 'sakta', 'sakti', 'chahiye', 'milna', 'miliye', 'mil', 'bataiye', 'batayein', 'bataen',
  'rakhiye', 'rakhein', 'lagta', 'lagti', 'lage', 'dekhiye', 'dekhein', 'jaiye', 'jayein', 'aaye', 'aayi',
  // pronouns, postpositions, particles
  'aap', 'aapka', 'aapki', 'aapke', 'aapko', 'apna', 'apni', 'apne', 'mera', 'meri', 'mere', 'maine',
  'mujhe', 'hum', 'humne', 'unka', 'unki', 'unke', 'yeh', 'ye', 'woh', 'vo', 'wo', 'kaun', 'kya', 'kyun',
  'kab', 'kitna', 'kitni', 'kitne', 'kaise', 'kahan', 'agar', 'lekin', 'magar', 'aur',
  'ya', 'bhi', 'sirf', 'nahi', 'nahin', 'haan', 'ji', 'ka', 'ki', 'ke', 'ko', 'se', 'mein',
  'mai', 'pe', 'tak', 'wala', 'wali', 'wale', 'toh', 'abhi', 'phir', 'fir', 'bahut', 'zyada', 'jyada',
  'kam', 'thoda', 'thodi', 'sab', 'koi', 'kuch', 'kripya', 'dhanyavaad', 'shukriya',
  // time and everyday health words
  'aaj', 'kal', 'parson', 'subah', 'dopahar', 'shaam', 'sham', 'raat', 'baje', 'din', 'dino', 'dinon',
  'hafte', 'hafta', 'mahine', 'pichhle', 'pichle', 'agla', 'agli', 'agle', 'samay', 'waqt',
  'dawa', 'dawai', 'dawaai', 'goli', 'golian', 'goliyan', 'khana', 'khane', 'khaya', 'khayi',
  'piya', 'piyo', 'paani', 'pani', 'neend', 'theek', 'thik', 'accha', 'achha', 'acchi', 'achhi',
  'jaldi', 'turant', 'dard', 'bukhar', 'chakkar', 'ulti', 'seene', 'saans', 'ghabrahat',
  'jaanch', 'jaankari', 'yaad', 'dilaunga', 'dilaungi', 'likh', 'likha', 'darj',
])

const DEVANAGARI = /[\u0900-\u097F]/gu
const LATIN_LETTER = /[A-Za-z]/g

/** Devanagari characters (vowel signs included) over those plus Latin letters; 0 for none. */
export function devanagariShare(text: string): number {
  const deva = text.match(DEVANAGARI)?.length ?? 0
  const latin = text.match(LATIN_LETTER)?.length ?? 0
  return deva + latin === 0 ? 0 : deva / (deva + latin)
}

export function detectReplyLanguage(text: string): ReplyLanguage {
  if (devanagariShare(text) >= DEVANAGARI_SHARE) return 'hi'
  const words = text.toLowerCase().match(/[a-z]+/g) ?? []
  if (words.length === 0) return 'en'
  const markers = words.filter((w) => HINDI_MARKERS.has(w)).length
  return markers >= MIN_MARKER_WORDS && markers / words.length >= MIN_MARKER_SHARE ? 'hi-latn' : 'en'
}

export const LANGUAGE_NAMES: Record<ReplyLanguage, string> = {
  en: 'English',
  hi: 'Hindi (Devanagari)',
  'hi-latn': 'romanised Hindi',
}
