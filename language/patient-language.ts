import { hasDevanagari } from './script.js'
import { expandTextSpeak } from './text-speak.js'

/**
 * The language Podd answers a turn in: English, Hindi in Devanagari (`hi`), or Hindi in Latin
 * letters (`hi-Latn`) for a patient who types romanised Hindi. Decided once per turn from the
 * message, the thread and the profile (see `replyLanguage`).
 */
export type ReplyLanguage = 'en' | 'hi' | 'hi-Latn'
export const REPLY_LANGUAGES: readonly ReplyLanguage[] = ['en', 'hi', 'hi-Latn']

/**
 * Hindi words in Latin letters that English never uses: pronouns, verbs, particles, number
 * words, time words. Food names (roti, dal, chai) are left out on purpose: "had 2 roti" is
 * English. So are words English shares ("main", "to", "me", "is", "do", "par", "hi", "so").
 */
const ROMAN_HINDI = new Set(
  (
    'aap aapka aapki aapke aapko aapne apne apka apki apke apko apna apni apne hum hamara hamari humne maine mainne mera meri mere mujhe mujhko mereko ' +
    'tum tumhara unka unki unke unko usko isko inko yeh ye woh wo vo yahan wahan ' +
    'hai hain hu hoon hun tha thi hoga hogi hota hoti hote hua hui hue raha rahi rahe rha rhi rhe gaya gayi gaye gya gyi ' +
    'kya kyu kyun kyon kaise kaisa kaisi kab kahan kitna kitni kitne kaun kaunsi konsi koi kuch ' +
    'nahi nahin nhi mat haan ji theek thik achha accha acha achhi acchi bilkul zaroor jarur ' +
    'abhi aaj kal parso parson subah sube shaam sham raat din dopahar dophar hafte hafta mahina mahine pichhle pichle agle ' +
    'kar karo karu karun karein karen kariye kijiye kiya kiye karna karne karta karti karte ' +
    'le li liya liye lijiye lein lena lene leni lete leti lo diya diye dijiye dein dena dekhiye dekho bataiye batao batayein bataya ' +
    'chahiye chahta chahti sakta sakti sakte rakhein rakhiye khaya khayi khaye khana khane khaake khake piya piyi peena pina ' +
    'soya soyi sona aaya aayi aaye aa jaana jana jaata jaati gaye lagi laga lage lag ' +
    'aur bhi sirf bas toh agar jab tab phir fir lekin magar ya isse usse waise vaise ' +
    'mein mai ka ki ke ko se tak wala wali wale saath sath baad pehle pahle baje bina liye ' +
    'baar darj dawa dawai dawaai davai goli goliyan khurak paani pani neend bukhar dard seena seene saans sans chakkar ' +
    'kamzori thakaan thakan ulti pasina paseena sujan soojan ghabrahat ' +
    'jaldi turant dhyan kripya shukriya dhanyavaad dhanyawad namaste sehat tabiyat tabiyet ' +
    'ek teen char chaar paanch panch chhe saat aath nau das gyarah barah tees chalis pachas pachaas saath sattar assi nabbe sau dedh dhai sava paune ' +
    'ghante ghanta wajan vajan zyada jyada thoda thodi bahut kam'
  ).split(/\s+/),
)

/** English function words and common words that romanised Hindi does not use. */
const ENGLISH = new Set(
  (
    'the a an i my me mine we our you your he she his her it its they them their this that these those ' +
    'is am are was were be been being have has had do does did will would can could should shall may might must ' +
    'and or but if then so because of to in on at for with from by after before about over under into than ' +
    'what when where which who why how much many some any all no not very just only also too again ' +
    'took take taking ate eat eating drank drink slept sleep walked feel feeling felt log logged please thanks thank ' +
    'today yesterday tomorrow morning evening night tonight afternoon lunch dinner breakfast week month ' +
    'yes okay good bad fine well high low'
  ).split(/\s+/),
)

/** What a message's own words say about its language; undefined when they say nothing. */
export function messageLanguage(text: string): ReplyLanguage | undefined {
  if (hasDevanagari(text)) return 'hi'
  // Typed on a phone ("mjhe bht drd h") it is read as spelt out ("mujhe bahut dard hai").
  const words = expandTextSpeak(text.toLowerCase()).match(/[a-z]+/g) ?? []
  let hindi = 0
  let english = 0
  for (const w of words) {
    if (ROMAN_HINDI.has(w)) hindi++
    else if (ENGLISH.has(w)) english++
  }
  if (hindi >= 1 && hindi >= english) return 'hi-Latn'
  if (english >= 2 || (english === 1 && words.length >= 3)) return 'en'
  return undefined
}

/** The profile's language as a reply language: Hindi profiles read Devanagari, others English. */
export function profileReplyLanguage(profileLanguage: string | undefined): ReplyLanguage {
  return profileLanguage?.toLowerCase().startsWith('hi') ? 'hi' : 'en'
}

/**
 * The turn's reply language. A message in Devanagari or romanised Hindi is answered in kind,
 * whatever the profile says (a default `en-IN` is not a choice the patient made). A message in
 * English is answered in the profile's language: a Hindi-speaking patient who types "sugar 150
 * after lunch" still reads Hindi best. A message whose words say nothing ("metformin", "140/90")
 * keeps the thread's language, failing that the profile's.
 */
export function replyLanguage(input: { message: string; profileLanguage?: string; threadLanguage?: ReplyLanguage | null }): ReplyLanguage {
  const own = messageLanguage(input.message)
  if (own === 'hi' || own === 'hi-Latn') return own
  if (own === 'en') return profileReplyLanguage(input.profileLanguage)
  return input.threadLanguage ?? profileReplyLanguage(input.profileLanguage)
}

export const isHindi = (language: ReplyLanguage): boolean => language !== 'en'

/**
 * The line that tells a model the turn's reply language. An LLM reads it as an instruction; the
 * offline model reads the same line back (`instructedLanguage`), so both see the same prompt.
 */
export const REPLY_INSTRUCTIONS: Record<ReplyLanguage, string> = {
  en: 'Reply in English.',
  hi: 'Reply in Hindi, in Devanagari script.',
  'hi-Latn': 'Reply in Hindi written in Latin letters (romanised Hindi, as the patient writes), not in Devanagari.',
}

/** The reply language a prompt's lines ask for; English when none does. */
export function instructedLanguage(lines: string[]): ReplyLanguage {
  for (const language of REPLY_LANGUAGES) if (lines.some((l) => l.trim() === REPLY_INSTRUCTIONS[language])) return language
  return 'en'
}
