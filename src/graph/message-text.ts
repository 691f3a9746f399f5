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
