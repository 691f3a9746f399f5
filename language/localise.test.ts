import { describe, expect, it } from 'vitest'
import { defineTexts, placeholders, say } from './localise.js'
import { foldDevanagari } from './script.js'

const TEXTS = defineTexts({
  hello: { en: 'Hello', hi: 'नमस्ते', 'hi-Latn': 'Namaste' },
  logged: {
    en: (p: { value: number }) => `Logged ${p.value}.`,
    hi: (p: { value: number }) => `${p.value} दर्ज किया।`,
    'hi-Latn': (p: { value: number }) => `${p.value} darj kiya.`,
  },
})

describe('the reply catalogue', () => {
  it('Should give each entry in the language asked, with its values filled in', () => {
    expect(say(TEXTS.hello, 'hi')).toBe('नमस्ते')
    expect(say(TEXTS.logged, 'en', { value: 140 })).toBe('Logged 140.')
    expect(say(TEXTS.logged, 'hi-Latn', { value: 140 })).toBe('140 darj kiya.')
  })

  it('Should report the values each language uses, so catalogues can be checked for drift', () => {
    expect(placeholders(TEXTS.logged, 'en')).toEqual(['value'])
    expect(placeholders(TEXTS.logged, 'hi')).toEqual(['value'])
    expect(placeholders(TEXTS.hello, 'hi')).toEqual([])
  })
})

describe('foldDevanagari', () => {
  it('Should fold nukta, chandrabindu and Devanagari digits to one spelling', () => {
    expect(foldDevanagari('ज़िंदगी')).toBe('जिंदगी')
    expect(foldDevanagari('साँस')).toBe(foldDevanagari('सांस'))
    expect(foldDevanagari('बीपी १३५/८५')).toBe('बीपी 135/85')
    expect(foldDevanagari('sugar 140')).toBe('sugar 140')
  })
})
