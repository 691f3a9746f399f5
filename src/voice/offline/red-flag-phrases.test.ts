import { describe, expect, it } from 'vitest'
import { detectRedFlags } from '../../graph/safety/red-flags.js'
import { loadCmudict } from './pronunciations.js'
import { keyphraseFile, RED_FLAG_PHRASES } from './red-flag-phrases.js'
import { EMERGENCY_PASS_MIN_LLR, emergencyPassFlags, missingRedFlags, redFlagsInGuess } from './offline-recognizer.js'
import type { Decoding } from './sphinx.js'

describe('red-flag keyphrases', () => {
  it("each one is raised by the safety node's own detector, alone or before other words", () => {
    for (const { phrase } of RED_FLAG_PHRASES) {
      expect(detectRedFlags(phrase), phrase).not.toEqual([])
      expect(detectRedFlags(`${phrase}. my sugar is one forty`), phrase).not.toEqual([])
    }
  })

  it('covers the emergencies the issue names', () => {
    const phrases = RED_FLAG_PHRASES.map((p) => p.phrase).join(' | ')
    for (const w of ['chest pain', "can't breathe", 'heart attack', 'stroke', 'unconscious', 'fainted', 'seizure', 'bleeding', 'suicide', 'kill myself']) {
      expect(phrases).toContain(w)
    }
  })

  it('uses words the recogniser can pronounce, in the decoder\'s file format', () => {
    const cmu = loadCmudict()
    for (const { phrase } of RED_FLAG_PHRASES) for (const w of phrase.split(' ')) expect(cmu.has(w), w).toBe(true)
    expect(keyphraseFile([{ phrase: 'chest pain', threshold: 1e-30 }])).toBe('chest pain /1e-30/\n')
  })

  it('adds a spotted red flag only when the words heard do not already say it', () => {
    const spotted = [{ phrase: 'chest pain', startSeconds: 0.5, endSeconds: 1, probability: 0.8 }]
    // "no chest pain" was heard: the safety node reads the negation itself.
    expect(missingRedFlags(spotted, 'i have no chest pain today')).toEqual([])
    expect(missingRedFlags(spotted, 'my sugar is one forty')).toEqual(['chest pain'])
    expect(missingRedFlags(spotted, '')).toEqual(['chest pain'])
  })

  it('keeps only the red flags of a guess too unsure to act on, as words the safety node raises again', () => {
    const flags = redFlagsInGuess('my sugar is one fifty and i am very breathless')
    expect(flags).toEqual(['breathless'])
    for (const f of flags) expect(detectRedFlags(f)).not.toEqual([])
    expect(redFlagsInGuess('i have severe chest pain')).toEqual(['chest pain'])
    // Nothing of a routine guess, and a negated one stays negated.
    expect(redFlagsInGuess('i took my metformin after lunch')).toEqual([])
    expect(redFlagsInGuess('no chest pain today i am feeling fine')).toEqual([])
    expect(redFlagsInGuess('')).toEqual([])
  })

  it("takes the emergency pass's red flags only when its words fit the sound well enough", () => {
    // One word over frames 0-99 against a phone loop that fits them 30 a frame better or worse.
    const decoding = (text: string, ascr: number): Decoding => ({
      text,
      segments: [{ word: text.replace(/ /g, '_'), startFrame: 0, endFrame: 99, ascr, lscr: 0 }],
      frames: 100,
    })
    const phones = decoding('phah', -3000)
    const at = (llr: number) => -3000 + llr * 100
    expect(emergencyPassFlags(decoding('i have severe chest pain', at(EMERGENCY_PASS_MIN_LLR)), phones)).toEqual(['chest pain'])
    expect(emergencyPassFlags(decoding('i have severe chest pain', at(EMERGENCY_PASS_MIN_LLR - 1)), phones)).toEqual([])
    // A look-alike the pass heard is not an emergency to the safety node either.
    expect(emergencyPassFlags(decoding('my father had a heart attack years ago', at(0)), phones)).toEqual([])
    expect(emergencyPassFlags(decoding('', 0), phones)).toEqual([])
  })
})
