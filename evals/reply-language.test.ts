import { describe, expect, it } from 'vitest'
import { detectReplyLanguage, devanagariShare } from './reply-language.js'

describe('detectReplyLanguage', () => {
  it('reads Devanagari as Hindi, even with medicine names, units and numbers in Latin letters', () => {
    expect(detectReplyLanguage('आपका BP 140/90 दर्ज कर लिया है।')).toBe('hi')
    expect(detectReplyLanguage('Metformin 500 mg की खुराक ली गई, सुबह 8 बजे।')).toBe('hi')
    expect(detectReplyLanguage('तुरंत 112 या 108 पर कॉल करें।')).toBe('hi')
  })

  it('reads romanised Hindi and Hinglish by its words', () => {
    expect(detectReplyLanguage('Theek hai, maine aapka BP 140/90 note kar liya hai.')).toBe('hi-latn')
    expect(detectReplyLanguage('Aapki sugar kal subah 180 thi, aaj 150 hai.')).toBe('hi-latn')
    expect(detectReplyLanguage('Kya aap metformin ka reminder 9 baje rakhna chahte hain?')).toBe('hi-latn')
  })

  it('keeps English English, with a Hindi food name or a greeting in it', () => {
    expect(detectReplyLanguage('Logged your lunch: 2 roti and dal (about 350 kcal).')).toBe('en')
    expect(detectReplyLanguage('Namaste ji! Your BP 130/85 is logged.')).toBe('en')
    expect(detectReplyLanguage('Call 112 or 108 now. Is someone with you?')).toBe('en')
    expect(detectReplyLanguage('')).toBe('en')
  })

  it('measures the Devanagari share against Latin letters only', () => {
    expect(devanagariShare('123 / 456')).toBe(0)
    expect(devanagariShare('नमस्ते')).toBe(1)
    expect(devanagariShare('ab नम')).toBeCloseTo(0.5)
  })
})
