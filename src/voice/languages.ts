/**
 * The one place where language codes are mapped between Podd, Sarvam and espeak-ng.
 *
 * Podd names a language by Sarvam's BCP-47 code (`hi-IN`, `od-IN`, ...). Clients may send
 * near spellings (`hi`, `or-IN`, `en-US`); `resolveLanguage` folds them onto that code.
 */
export interface SpeechLanguage {
  /** Sarvam's code, also the one Podd stores and returns. */
  code: string
  name: string
  /** Sarvam TTS (bulbul) speaks it; STT (saaras) understands all of these. */
  sarvamTts: boolean
  /** espeak-ng voice, when espeak-ng has one. */
  espeakVoice?: string
}

// Odia is `od-IN` for Sarvam but `or` for espeak-ng (and ISO 639-1). espeak-ng has no Indian
// English voice; its US voice is the closest it has.
const LANGUAGES: readonly SpeechLanguage[] = [
  { code: 'en-IN', name: 'English', sarvamTts: true, espeakVoice: 'en-us' },
  { code: 'hi-IN', name: 'Hindi', sarvamTts: true, espeakVoice: 'hi' },
  { code: 'bn-IN', name: 'Bengali', sarvamTts: true, espeakVoice: 'bn' },
  { code: 'ta-IN', name: 'Tamil', sarvamTts: true, espeakVoice: 'ta' },
  { code: 'te-IN', name: 'Telugu', sarvamTts: true, espeakVoice: 'te' },
  { code: 'kn-IN', name: 'Kannada', sarvamTts: true, espeakVoice: 'kn' },
  { code: 'ml-IN', name: 'Malayalam', sarvamTts: true, espeakVoice: 'ml' },
  { code: 'mr-IN', name: 'Marathi', sarvamTts: true, espeakVoice: 'mr' },
  { code: 'gu-IN', name: 'Gujarati', sarvamTts: true, espeakVoice: 'gu' },
  { code: 'pa-IN', name: 'Punjabi', sarvamTts: true, espeakVoice: 'pa' },
  { code: 'od-IN', name: 'Odia', sarvamTts: true, espeakVoice: 'or' },
  { code: 'as-IN', name: 'Assamese', sarvamTts: false, espeakVoice: 'as' },
  { code: 'ur-IN', name: 'Urdu', sarvamTts: false, espeakVoice: 'ur' },
  { code: 'ne-IN', name: 'Nepali', sarvamTts: false, espeakVoice: 'ne' },
  { code: 'kok-IN', name: 'Konkani', sarvamTts: false, espeakVoice: 'kok' },
  { code: 'ks-IN', name: 'Kashmiri', sarvamTts: false },
  { code: 'sd-IN', name: 'Sindhi', sarvamTts: false, espeakVoice: 'sd' },
  { code: 'sa-IN', name: 'Sanskrit', sarvamTts: false },
  { code: 'sat-IN', name: 'Santali', sarvamTts: false },
  { code: 'mni-IN', name: 'Manipuri', sarvamTts: false },
  { code: 'brx-IN', name: 'Bodo', sarvamTts: false },
  { code: 'mai-IN', name: 'Maithili', sarvamTts: false },
  { code: 'doi-IN', name: 'Dogri', sarvamTts: false },
]

const BY_CODE = new Map(LANGUAGES.map((l) => [l.code.toLowerCase(), l]))
const BY_BASE = new Map(LANGUAGES.map((l) => [l.code.split('-')[0]!.toLowerCase(), l]))
// Spellings other systems use for the same language.
const ALIASES: Record<string, string> = { or: 'od', ori: 'od', bodo: 'brx' }

/** Languages Sarvam transcribes (saaras: English and 22 Indian languages). */
export const SARVAM_STT_LANGUAGES: readonly string[] = LANGUAGES.map((l) => l.code)
/** Languages Sarvam speaks (bulbul: the first 11). */
export const SARVAM_TTS_LANGUAGES: readonly string[] = LANGUAGES.filter((l) => l.sarvamTts).map((l) => l.code)
/** PocketSphinx ships only a US English model. */
export const OFFLINE_STT_LANGUAGES: readonly string[] = ['en-IN']
export const OFFLINE_TTS_LANGUAGES: readonly string[] = LANGUAGES.filter((l) => l.espeakVoice).map((l) => l.code)

/** True when the caller wants the language detected: nothing given, `unknown` or `auto`. */
export function isAutoDetect(language: string | null | undefined): boolean {
  const v = language?.trim().toLowerCase()
  return !v || v === 'unknown' || v === 'auto'
}

/**
 * The language a code names, tolerant of case, a missing region and other systems' spellings:
 * `hi`, `HI-in` and `hi-IN` are Hindi; `or`, `or-IN` and `od-IN` are Odia; any `en-*` is English.
 * Undefined when it is not one of the languages Podd knows.
 */
export function resolveLanguage(language: string): SpeechLanguage | undefined {
  const v = language.trim().replace(/_/g, '-').toLowerCase()
  const exact = BY_CODE.get(v)
  if (exact) return exact
  const [base = '', region] = v.split('-')
  const known = BY_BASE.get(ALIASES[base] ?? base)
  // Only India's regions, or none, except English, which is English wherever it is spoken.
  if (known && (region === undefined || region === 'in' || known.code === 'en-IN')) return known
  return undefined
}

/** The espeak-ng voice for a Podd language code, if espeak-ng speaks it. */
export function espeakVoiceFor(code: string): string | undefined {
  return resolveLanguage(code)?.espeakVoice
}

/** Voices bulbul:v3 accepts. `amelia` and `sophia` appear in older SDK enums but the API rejects them. */
export const SARVAM_V3_SPEAKERS: ReadonlySet<string> = new Set([
  'shubh', 'aditya', 'ritu', 'priya', 'neha', 'rahul', 'pooja', 'rohan', 'simran', 'kavya', 'amit', 'dev',
  'ishita', 'shreya', 'ratan', 'varun', 'manan', 'sumit', 'roopa', 'kabir', 'aayan', 'ashutosh', 'advait',
  'anand', 'tanya', 'tarun', 'sunny', 'mani', 'gokul', 'vijay', 'shruti', 'suhani', 'mohit', 'kavitha',
  'rehan', 'soham', 'rupali',
])

/** bulbul:v2's voices, rejected by v3. */
export const SARVAM_V2_SPEAKERS: ReadonlySet<string> = new Set([
  'anushka', 'manisha', 'vidya', 'arya', 'abhilash', 'karun', 'hitesh',
])

// The languages written in each script, the most spoken first: a reply's script says which
// voice can read it, and the patient's own language breaks the tie within a script.
const SCRIPT_LANGUAGES: readonly [RegExp, readonly string[]][] = [
  [/\p{Script=Latin}/gu, ['en-IN']],
  [/\p{Script=Devanagari}/gu, ['hi-IN', 'mr-IN', 'ne-IN', 'kok-IN', 'mai-IN', 'doi-IN', 'brx-IN', 'sa-IN']],
  [/\p{Script=Bengali}/gu, ['bn-IN', 'as-IN', 'mni-IN']],
  [/\p{Script=Tamil}/gu, ['ta-IN']],
  [/\p{Script=Telugu}/gu, ['te-IN']],
  [/\p{Script=Kannada}/gu, ['kn-IN']],
  [/\p{Script=Malayalam}/gu, ['ml-IN']],
  [/\p{Script=Gujarati}/gu, ['gu-IN']],
  [/\p{Script=Gurmukhi}/gu, ['pa-IN']],
  [/\p{Script=Oriya}/gu, ['od-IN']],
  [/\p{Script=Arabic}/gu, ['ur-IN', 'ks-IN', 'sd-IN']],
  [/\p{Script=Ol_Chiki}/gu, ['sat-IN']],
  [/\p{Script=Meetei_Mayek}/gu, ['mni-IN']],
]

/**
 * The language to speak `text` in: the one its letters are written in, so an English reply is
 * never read by a Hindi voice (offline, espeak-ng would spell it out). Within a script shared by
 * several languages, `preferred` (the patient's) wins when it is one of them.
 */
export function spokenLanguage(text: string, preferred?: string | null): string {
  const wanted = preferred && !isAutoDetect(preferred) ? resolveLanguage(preferred)?.code : undefined
  let best: readonly string[] | undefined
  let most = 0
  for (const [pattern, languages] of SCRIPT_LANGUAGES) {
    const n = text.match(pattern)?.length ?? 0
    if (n > most) {
      most = n
      best = languages
    }
  }
  if (!best) return wanted ?? 'en-IN'
  return wanted && best.includes(wanted) ? wanted : best[0]!
}
