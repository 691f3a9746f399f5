import { splitSentences } from './sentences.js'

/**
 * A reply as it is spoken: at most two short sentences (about 8 s at the offline voice's 150 words
 * a minute) unless the patient asked for more. Written replies can list everything Podd can do;
 * spoken, that is half a minute of a robot talking. The patient still reads the whole reply.
 */

/** About 8 seconds of speech. */
export const SPOKEN_WORD_BUDGET = 22

/** "tell me more", "in detail", "read all of it": the patient wants the whole answer. */
const ASKS_FOR_MORE =
  /\b(?:tell me (?:more|everything|all)|in (?:full )?detail|explain|all of (?:it|them)|everything|the whole|full list|list (?:all|them|everything)|read (?:it|them|all)|more about|each one|every one)\b/i

export function asksForMore(transcript: string): boolean {
  return ASKS_FOR_MORE.test(transcript)
}

export interface SpokenReplyOptions {
  /** The fixed emergency text is spoken whole: every sentence of it is a step to take. */
  emergency?: boolean
  /** What the patient said, to see whether they asked for more. */
  transcript?: string
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length

/**
 * The sentences to speak: the first, and then the reply's closing question if it has one (so
 * "Could you say it another way?" is heard even after a long list), else the second sentence,
 * while they fit the budget. A reply of several agents (paragraphs) says the first sentence of
 * each, so a meal and a reading logged together are both heard. A first sentence far over the
 * budget is cut at a clause.
 */
export function spokenSentences(reply: string, opts: SpokenReplyOptions = {}): string[] {
  const sentences = splitSentences(reply)
  if (opts.emergency || (opts.transcript && asksForMore(opts.transcript)) || sentences.length === 0) return sentences
  const parts = reply.split(/\n\s*\n/).map((p) => splitSentences(p)[0]).filter((p): p is string => !!p)
  if (parts.length > 1) {
    const out: string[] = []
    for (const p of parts) if (out.length === 0 || words([...out, p].join(' ')) <= SPOKEN_WORD_BUDGET * 1.5) out.push(p)
    return out
  }
  const first = shorten(sentences[0]!)
  const rest = sentences.slice(1)
  const question = rest.findLast((s) => /\?["'”’)]*$/.test(s))
  const second = question ?? rest[0]
  if (second && words(first) + words(second) <= SPOKEN_WORD_BUDGET + (question ? 8 : 0)) return [first, second]
  return [first]
}

export function spokenReply(reply: string, opts: SpokenReplyOptions = {}): string {
  return spokenSentences(reply, opts).join(' ')
}

// A sentence more than half again over the budget ends at the last clause break inside it.
function shorten(sentence: string): string {
  if (words(sentence) <= SPOKEN_WORD_BUDGET * 1.5) return sentence
  const cut = sentence.split(/\s+/).slice(0, SPOKEN_WORD_BUDGET).join(' ')
  const clause = Math.max(cut.lastIndexOf(', '), cut.lastIndexOf('; '), cut.lastIndexOf(': '))
  return clause > 20 ? `${cut.slice(0, clause)}.` : sentence
}
