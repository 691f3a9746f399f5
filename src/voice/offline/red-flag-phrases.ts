/**
 * Red-flag phrases the offline recogniser spots anywhere in an utterance (PocketSphinx keyphrase
 * search), beside the grammar: a spoken emergency must reach the safety node even when the rest
 * of the sentence is not understood. Each phrase is written so that the safety node's own
 * detector (src/graph/safety/red-flags.ts) raises it on its own; a test holds them together.
 *
 * Thresholds are the decoder's detection thresholds: longer phrases need smaller ones. They lean
 * towards false alarms (an emergency answer to a routine sentence) over misses, but not so far
 * that noise makes them fire: "end my life" is left to the grammar and the safety node, because
 * "and my …" starts half the sentences patients say.
 *
 * "seizure", "passed out" and "want to die" were the spotter's false alarms: at 1e-20, 1e-25 and
 * 1e-30 they fired on 31 of the spoken development set's 338 routine utterances (readings, doses,
 * meals, at 20 and 10 dB), and any detection clears every phrase's search, so a false one also hid
 * real ones. Raised by a sweep on that set (tuned there) to 1e-10, 1e-15 and 1e-20: 5 routine
 * utterances spotted; the emergencies they no longer spot are heard by the grammar and its
 * emergency pass.
 */
export interface RedFlagPhrase {
  phrase: string
  threshold: number
}

export const RED_FLAG_PHRASES: readonly RedFlagPhrase[] = [
  { phrase: 'chest pain', threshold: 1e-30 },
  { phrase: 'pain in my chest', threshold: 1e-30 },
  { phrase: 'heart attack', threshold: 1e-30 },
  { phrase: "can't breathe", threshold: 1e-30 },
  { phrase: 'cannot breathe', threshold: 1e-30 },
  { phrase: 'short of breath', threshold: 1e-30 },
  { phrase: 'difficulty breathing', threshold: 1e-30 },
  { phrase: 'stroke', threshold: 1e-15 },
  { phrase: 'unconscious', threshold: 1e-20 },
  { phrase: 'fainted', threshold: 1e-15 },
  { phrase: 'passed out', threshold: 1e-15 },
  { phrase: 'collapsed', threshold: 1e-20 },
  { phrase: 'not responding', threshold: 1e-30 },
  { phrase: 'seizure', threshold: 1e-10 },
  { phrase: 'bleeding heavily', threshold: 1e-30 },
  { phrase: 'bleeding a lot', threshold: 1e-30 },
  { phrase: 'vomiting blood', threshold: 1e-30 },
  { phrase: 'face is drooping', threshold: 1e-30 },
  { phrase: 'suicide', threshold: 1e-20 },
  { phrase: 'kill myself', threshold: 1e-30 },
  { phrase: 'want to die', threshold: 1e-20 },
]

/** The `-kws` file: `phrase /threshold/` a line. */
export function keyphraseFile(phrases: readonly RedFlagPhrase[] = RED_FLAG_PHRASES): string {
  return `${phrases.map((p) => `${p.phrase} /${p.threshold.toExponential(0)}/`).join('\n')}\n`
}

/** Every word of the phrases, for the dictionary. */
export function keyphraseWords(phrases: readonly RedFlagPhrase[] = RED_FLAG_PHRASES): string[] {
  return [...new Set(phrases.flatMap((p) => p.phrase.split(' ')))]
}
