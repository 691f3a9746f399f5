import { type BaseMessage, isHumanMessage } from '@langchain/core/messages'

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
