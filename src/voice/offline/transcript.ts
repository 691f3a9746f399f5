/**
 * A transcript as Podd's parsers and people read it: the grammar spells abbreviations letter by
 * letter, the way they are spoken ("s p o two", "k g"); written, they are one word.
 */
const SPELLED: [RegExp, string][] = [
  [/\bs p o (?:two|2)\b/g, 'spo2'],
  [/\bb p m\b/g, 'bpm'],
  [/\bb p\b/g, 'bp'],
  [/\bk g\b/g, 'kg'],
  [/\bm g per d l\b/g, 'mg/dl'],
  [/\bm g\b/g, 'mg'],
  [/\bm m o l\b/g, 'mmol'],
]

export function tidyTranscript(text: string): string {
  let out = text
  for (const [spelled, word] of SPELLED) out = out.replace(spelled, word)
  return out
}
