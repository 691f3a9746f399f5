import { type BaseMessage, HumanMessage, isAIMessage, isHumanMessage } from '@langchain/core/messages'

/** A message's text, whether its content is a string or a list of parts. */
export function messageText(m: BaseMessage): string {
  return typeof m.content === 'string' ? m.content : m.content.map((p) => ('text' in p ? String(p.text) : '')).join('')
}

/** The patient's latest words in a conversation. */
export function lastHumanText(messages: BaseMessage[]): string {
  const m = messages.findLast((x) => isHumanMessage(x))
  return m ? messageText(m) : ''
}

/**
 * The patient's earlier message a follow-up leans on: the last one before their latest that is
 * not itself a follow-up ("and the day before?" then "and my father's?" both lean on "what was
 * my BP yesterday?").
 */
export function subjectBefore(messages: BaseMessage[], leans: (text: string) => boolean): string | undefined {
  const latest = messages.findLastIndex((x) => isHumanMessage(x))
  for (let i = latest - 1; i >= 0; i--) {
    if (!isHumanMessage(messages[i]!)) continue
    const text = messageText(messages[i]!)
    if (!leans(text)) return text
  }
  return undefined
}

/**
 * Podd's questions that ask which entry, reminder or appointment a change means: the answer
 * completes the request before it ("delete that entry" → "which one?" → "the samosa one").
 */
const WHICH_ONE =
  /which entry do you mean|could not find that entry|kis entry se|kaun si entry|woh entry nahi mili|किस एंट्री|कौन-सी एंट्री|वह एंट्री नहीं मिली|which medicine should move|kis dawa ka samay badalna|किस दवा का समय बदलना|which appointment should move|kaun si appointment|कौन-सी अपॉइंटमेंट/i

/** "BP now 127/83": something new said instead of an answer. */
const NEW_NOT_ANSWER = /\b(?:now|abhi|just now|new|naya|nayi|again|phir se)\b|अभी|नया|नई/i

/**
 * The conversation as an agent should read it when the patient's latest words answer Podd's
 * "which one?" about their request: the request and the answer as one message. Otherwise the
 * messages as they are.
 */
export function withAnsweredRequest(messages: BaseMessage[]): BaseMessage[] {
  const latest = messages.findLastIndex((x) => isHumanMessage(x))
  if (latest < 2) return messages
  const asked = messages[latest - 1]!
  const request = messages.slice(0, latest - 1).findLast((x) => isHumanMessage(x))
  const answer = messageText(messages[latest]!)
  if (!isAIMessage(asked) || !request || !WHICH_ONE.test(messageText(asked)) || answer.trim().split(/\s+/).length > 8 || /\?\s*$/.test(answer) || NEW_NOT_ANSWER.test(answer)) return messages
  return [...messages.slice(0, latest), new HumanMessage(`${messageText(request).replace(/[.!]\s*$/, '')}, ${answer}`)]
}
