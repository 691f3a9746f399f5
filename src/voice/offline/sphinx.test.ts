import { describe, expect, it } from 'vitest'
import { parseHypseg, parseSpotted, wordPenaltyScore } from './sphinx.js'

describe('PocketSphinx output', () => {
  it('reads a -hypseg line: words, frames and acoustic scores, fillers left out of the text', () => {
    const line =
      'utt S 0 T -10671 A -9997 L -674 0 -484 0 my 14 -782 0 blood 43 -184 -337 <sil> 48 -1927 0 pressure 90 -801 0 (NULL) 91 -2815 0 over(2) 120 -235 -337 <sil> 278'
    const d = parseHypseg(`${line}\n`)
    expect(d.text).toBe('my blood pressure over')
    expect(d.frames).toBe(278)
    // The default word insertion penalty (0.65: -27 a word) is taken back out of each word and silence.
    expect(wordPenaltyScore()).toBe(-27)
    expect(d.segments[0]).toEqual({ word: 'my', startFrame: 0, endFrame: 13, ascr: -484 + 27, lscr: 0 })
    expect(d.segments.reduce((s, w) => s + w.ascr, 0)).toBe(-484 - 782 - 184 - 1927 - 801 - 2815 - 235 + 6 * 27)
    // A grammar decoded with -wip 0.05 pays -190 a word.
    expect(parseHypseg(`${line}\n`, 0.05).segments[0]!.ascr).toBe(-484 + 190)
  })

  it('reads an empty decoding as no words', () => {
    expect(parseHypseg('utt S 0 T 0 A 0 L 0 0\n')).toMatchObject({ text: '', segments: [] })
    expect(parseHypseg('')).toMatchObject({ text: '', frames: 0 })
  })

  it('reads keyphrase detections with their times and probability', () => {
    const out = 'sweating chest pain \nsweating  1.840 2.280 0.881690\nchest pain  0.720 1.160 0.782839\n'
    expect(parseSpotted(out)).toEqual([
      { phrase: 'sweating', startSeconds: 1.84, endSeconds: 2.28, probability: 0.88169 },
      { phrase: 'chest pain', startSeconds: 0.72, endSeconds: 1.16, probability: 0.782839 },
    ])
  })
})
