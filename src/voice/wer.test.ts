import { describe, expect, it } from 'vitest'
import { corpusWordErrorRate, werWords, wordErrorRate } from './wer.js'

describe('word error rate', () => {
  it('is zero for the same words regardless of case and punctuation', () => {
    expect(wordErrorRate('My BP is 140/90.', 'my bp is 140 90').wer).toBe(0)
    expect(wordErrorRate('I feel dizzy!', 'i feel dizzy').wer).toBe(0)
  })

  it('counts substitutions, deletions and insertions', () => {
    expect(wordErrorRate('took metformin after food', 'took metformin before food')).toMatchObject({
      substitutions: 1,
      deletions: 0,
      insertions: 0,
    })
    // Dropping "blood" and adding "today" (2 edits) beats shifting every word (3 substitutions).
    const r = wordErrorRate('my blood pressure is high', 'my pressure is high today')
    expect(r).toMatchObject({ substitutions: 0, deletions: 1, insertions: 1, errors: 2, referenceWords: 5 })
    expect(r.wer).toBeCloseTo(0.4)
  })

  it('handles empty sides', () => {
    expect(wordErrorRate('', '').wer).toBe(0)
    expect(wordErrorRate('two words', '').wer).toBe(1)
    expect(wordErrorRate('', 'noise').wer).toBe(1)
  })

  it('splits words in any script and keeps contractions whole', () => {
    expect(werWords("मेरा बीपी, ठीक है। Don't worry")).toEqual(['मेरा', 'बीपी', 'ठीक', 'है', "don't", 'worry'])
  })

  it('pools a corpus by words, not by averaging sentence rates', () => {
    const r = corpusWordErrorRate([
      { reference: 'a b c d e f g h i j', hypothesis: 'a b c d e f g h i j' },
      { reference: 'x', hypothesis: 'y' },
    ])
    expect(r.wer).toBeCloseTo(1 / 11)
  })
})
