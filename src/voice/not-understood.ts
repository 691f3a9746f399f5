import { defineTexts, say } from '../../language/localise.js'
import { profileReplyLanguage } from '../../language/patient-language.js'

/**
 * What Podd says when it heard speech but could not understand it well enough to act on: short,
 * in the patient's language, and nothing is written.
 */
export const VOICE_TEXTS = defineTexts({
  sayAgain: {
    en: "Sorry, I didn't catch that. Please say it again.",
    hi: 'माफ़ कीजिए, मैं समझ नहीं पाया। कृपया फिर से कहिए।',
    'hi-Latn': 'Maaf kijiye, main samajh nahi paaya. Kripya phir se kahiye.',
  },
})

/** "Sorry, I didn't catch that" in the language of the patient's profile. */
export function notUnderstoodReply(profileLanguage: string | null | undefined): string {
  return say(VOICE_TEXTS.sayAgain, profileReplyLanguage(profileLanguage ?? undefined))
}
