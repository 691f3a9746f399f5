/**
 * Words that lean on the message before them: "and the day before?", "what about last week?",
 * "is that high?", "and my father's?". Read alone they say little; read after the patient's
 * previous message they are a question about the same thing. Works on normalised text.
 */

const LEANS_ON_BEFORE =
  /^(?:and|aur|or|what about|how about|and what about|and how about|same for|is that|is it|was that|was it|is this|was this|so is that|isn'?t that|that'?s (?:high|low|normal|ok|okay|good|bad)|(?:woh|wo|ye|yeh) (?:zyada|kam|theek|normal|high|low))\b/

/** Whether these words lean on the patient's previous message (short, and opening as a follow-up). */
export function isFollowUp(text: string): boolean {
  return LEANS_ON_BEFORE.test(text.trim()) && text.trim().split(/\s+/).length <= 10
}

/** What the previous message was about, as a word the next one can borrow. */
const TOPIC =
  /\b(?:blood pressure|bp|blood sugar|sugar|glucose|hba1c|pulse|heart rate|weight|temperature|fever|oxygen|spo2|readings?|medicines?|meds|doses?|tablets?|sleep|water|meals?|food|appointments?)\b/

/**
 * A possessive left without its noun takes the topic of the message before: "and my father's?"
 * after "what was my BP yesterday?" is "and my father's bp?"; "aur papa ka?" is "aur papa ka bp?".
 */
export function completeEllipsis(text: string, previous: string): string {
  const topic = TOPIC.exec(previous)?.[0]
  if (!topic) return text
  return text.replace(/\b([a-z]+'s|[a-z]+ (?:ka|ki|ke))(?=\s*(?:[?.!,]|$))/, `$1 ${topic}`)
}

/** "The day before", said after a question about a day: the day before that one. */
export const DAY_BEFORE = /\b(?:the )?day before\b(?! yesterday)|\b(?:us(?:se)?|uske) pehle (?:wala|wale|waale)? ?din\b|\bek din pehle\b/
