/** Word error rate: how far a transcript is from what was said, in word edits per reference word. */
export interface WerResult {
  /** (substitutions + deletions + insertions) / reference words; can exceed 1. */
  wer: number
  errors: number
  substitutions: number
  deletions: number
  insertions: number
  referenceWords: number
}

/** Lowercased words without punctuation, in any script. "Don't" stays one word. */
export function werWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}'\s]+/gu, ' ')
    .replace(/(^|\s)'+|'+(\s|$)/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
}

/** Word-level Levenshtein distance between a reference and a hypothesis, with its breakdown. */
export function wordErrorRate(reference: string, hypothesis: string): WerResult {
  const ref = werWords(reference)
  const hyp = werWords(hypothesis)
  // cost[j] and ops[j] hold the best alignment of ref[0..i) with hyp[0..j) for the current row.
  type Ops = { s: number; d: number; i: number }
  let prev: Ops[] = hyp.map((_, j) => ({ s: 0, d: 0, i: j })).concat({ s: 0, d: 0, i: hyp.length })
  for (let i = 1; i <= ref.length; i++) {
    const row: Ops[] = [{ s: 0, d: i, i: 0 }]
    for (let j = 1; j <= hyp.length; j++) {
      const same = ref[i - 1] === hyp[j - 1]
      const diag = prev[j - 1]!
      const up = prev[j]!
      const left = row[j - 1]!
      const candidates: Ops[] = [
        { ...diag, s: diag.s + (same ? 0 : 1) },
        { ...up, d: up.d + 1 },
        { ...left, i: left.i + 1 },
      ]
      row.push(candidates.reduce((best, c) => (total(c) < total(best) ? c : best)))
    }
    prev = row
  }
  const best = prev[hyp.length]!
  return result(best.s, best.d, best.i, ref.length)
}

/** The WER of a set of utterances: total edits over total reference words (not a mean of rates). */
export function corpusWordErrorRate(pairs: { reference: string; hypothesis: string }[]): WerResult {
  let s = 0
  let d = 0
  let ins = 0
  let n = 0
  for (const p of pairs) {
    const r = wordErrorRate(p.reference, p.hypothesis)
    s += r.substitutions
    d += r.deletions
    ins += r.insertions
    n += r.referenceWords
  }
  return result(s, d, ins, n)
}

function total(o: { s: number; d: number; i: number }): number {
  return o.s + o.d + o.i
}

function result(substitutions: number, deletions: number, insertions: number, referenceWords: number): WerResult {
  const errors = substitutions + deletions + insertions
  const wer = referenceWords === 0 ? (errors === 0 ? 0 : 1) : errors / referenceWords
  return { wer, errors, substitutions, deletions, insertions, referenceWords }
}
