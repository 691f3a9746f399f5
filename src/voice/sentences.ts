/**
 * Cutting replies into sentences: speech is synthesised a sentence at a time so the first one
 * plays while the rest are still being written, and no request exceeds the TTS text limit.
 */

// Titles that end in a full stop without ending the sentence ("Dr. Rao").
const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'vs', 'approx', 'e.g', 'i.e', 'tab', 'inj'])

// A terminator: . ? ! … or the Devanagari danda / double danda, with any closing quotes or brackets.
const TERMINATOR = /[.?!…।॥]+["'”’)\]]*/g

/** Splits text into sentences at . ? ! । ॥ and line breaks, keeping the punctuation. */
export function splitSentences(text: string): string[] {
  const out: string[] = []
  for (const line of text.split(/\r?\n+/)) {
    let start = 0
    for (const m of line.matchAll(TERMINATOR)) {
      const end = m.index + m[0].length
      const next = line[end]
      // "98.6" or "v1.2": a full stop inside a word does not end a sentence.
      if (next !== undefined && !/\s/.test(next)) continue
      if (m[0] === '.' && isAbbreviation(line.slice(start, m.index))) continue
      pushTrimmed(out, line.slice(start, end))
      start = end
    }
    pushTrimmed(out, line.slice(start))
  }
  return out
}

function isAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase()
  return word !== undefined && ABBREVIATIONS.has(word)
}

function pushTrimmed(out: string[], s: string): void {
  const t = s.trim()
  if (t && /[\p{L}\p{N}]/u.test(t)) out.push(t)
}

/**
 * Packs sentences into pieces of at most `maxChars`, splitting a sentence that is longer than
 * that at a comma or space (or, failing those, anywhere).
 */
export function chunkText(text: string, maxChars: number): string[] {
  const pieces = splitSentences(text).flatMap((s) => (s.length <= maxChars ? [s] : splitLong(s, maxChars)))
  const out: string[] = []
  let current = ''
  for (const p of pieces) {
    if (current && current.length + 1 + p.length > maxChars) {
      out.push(current)
      current = p
    } else {
      current = current ? `${current} ${p}` : p
    }
  }
  if (current) out.push(current)
  return out
}

function splitLong(sentence: string, maxChars: number): string[] {
  const out: string[] = []
  let rest = sentence
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars + 1)
    let cut = Math.max(window.lastIndexOf(', '), window.lastIndexOf('، '))
    if (cut > 0) cut += 1
    else cut = window.lastIndexOf(' ')
    if (cut <= 0) cut = maxChars
    out.push(rest.slice(0, cut).trim())
    rest = rest.slice(cut).trim()
  }
  if (rest) out.push(rest)
  return out
}

/**
 * Sentences from a stream of text pieces (an LLM's tokens), each given as soon as it is complete.
 * A sentence is complete once the text after its terminator has started, or the stream ends.
 */
export async function* sentencesFrom(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = ''
  for await (const piece of pieces) {
    buffer += piece
    const sentences = splitSentences(buffer)
    if (sentences.length < 2 && !/\n\s*\S/.test(buffer)) continue
    // The last sentence may still be growing; keep it (and what follows) in the buffer.
    const last = sentences.at(-1)!
    const keepFrom = buffer.lastIndexOf(last)
    for (const s of sentences.slice(0, -1)) yield s
    buffer = keepFrom >= 0 ? buffer.slice(keepFrom) : last
  }
  for (const s of splitSentences(buffer)) yield s
}
