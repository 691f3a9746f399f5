import { defineTexts, say, type ReplyLanguage } from '../../../language/localise.js'

/**
 * What the offline model says when a tool refused, in the turn's language. Tools give their
 * reasons in English (an LLM reads them and answers in the patient's language); the offline
 * model has no LLM to translate, so the questions tools ask most ("which entry?", "which
 * medicine?") are said here in Hindi and romanised Hindi, and any other reason keeps its
 * words behind a sentence in the patient's language.
 */
const TOOL_ERROR_TEXTS = defineTexts({
  noSuchEntry: {
    en: (p: { day?: string }) => `Sorry, I couldn't do that: I could not find that entry${p.day ? ` on ${p.day}` : ''}; which one do you mean?`,
    hi: (p: { day?: string }) => `माफ़ कीजिए, मुझे ${p.day ? `${p.day} की ` : ''}वह एंट्री नहीं मिली। आप कौन-सी एंट्री की बात कर रहे हैं?`,
    'hi-Latn': (p: { day?: string }) => `Maaf kijiye, mujhe ${p.day ? `${p.day} ki ` : ''}woh entry nahi mili. Aap kaun si entry ki baat kar rahe hain?`,
  },
  whichEntry: {
    en: (p: { entries: string }) => `Sorry, I couldn't do that: which entry do you mean? ${p.entries}`,
    hi: (p: { entries: string }) => `आप कौन-सी एंट्री की बात कर रहे हैं? ${p.entries}`,
    'hi-Latn': (p: { entries: string }) => `Aap kaun si entry ki baat kar rahe hain? ${p.entries}`,
  },
  whichMedicine: {
    en: (p: { doses: string }) => `Sorry, I couldn't do that: which medicine? Open doses today: ${p.doses}.`,
    hi: (p: { doses: string }) => `आपने कौन-सी दवा ली? आज की बाकी खुराकें: ${p.doses}।`,
    'hi-Latn': (p: { doses: string }) => `Aapne kaun si dawa li? Aaj ki baaki khuraak: ${p.doses}.`,
  },
  other: {
    en: (p: { reason: string }) => `Sorry, I couldn't do that: ${p.reason}.`.replace(/\.\.$/, '.'),
    hi: (p: { reason: string }) => `माफ़ कीजिए, यह नहीं हो पाया (${p.reason.replace(/\.$/, '')})।`,
    'hi-Latn': (p: { reason: string }) => `Maaf kijiye, yeh nahi ho paaya (${p.reason.replace(/\.$/, '')}).`,
  },
})

/** "Metformin at 8:00 am, Amlodipine at 9:00 am" as a Hindi list: "Metformin (8:00 am), …". */
const dosesIn = (doses: string, language: ReplyLanguage) => (language === 'en' ? doses : doses.replace(/ at (\d{1,2}:\d{2}\s*[ap]m)/g, ' ($1)'))

/** A tool's refusal (its English reason) as the offline model says it to the patient. */
export function toolErrorReply(reason: string, language: ReplyLanguage): string {
  const noEntry = /^I could not find that entry(?: on (.+?))?; which one do you mean\?$/.exec(reason)
  if (noEntry) return say(TOOL_ERROR_TEXTS.noSuchEntry, language, { day: noEntry[1] })
  const which = /^which entry do you mean\? (.+)$/s.exec(reason)
  if (which) return say(TOOL_ERROR_TEXTS.whichEntry, language, { entries: which[1]! })
  const medicine = /^which medicine\? Open doses today: (.+?)\.?$/s.exec(reason)
  if (medicine) return say(TOOL_ERROR_TEXTS.whichMedicine, language, { doses: dosesIn(medicine[1]!, language) })
  return say(TOOL_ERROR_TEXTS.other, language, { reason })
}
