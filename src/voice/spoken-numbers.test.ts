import { describe, expect, it } from 'vitest'
import { numberWords, readingWords } from './spoken-numbers.js'

describe('spoken numbers', () => {
  it('says readings the short way', () => {
    expect(readingWords('140')).toBe('one forty')
    expect(readingWords('105')).toBe('one oh five')
    expect(readingWords('210')).toBe('two ten')
    expect(readingWords('98.6')).toBe('ninety eight point six')
    expect(readingWords('100')).toBe('one hundred')
    expect(readingWords('72')).toBe('seventy two')
  })

  it('says other numbers in plain words', () => {
    expect(numberWords(500)).toBe('five hundred')
    expect(numberWords(2500)).toBe('two thousand five hundred')
    expect(numberWords(13)).toBe('thirteen')
    expect(() => numberWords(-1)).toThrow(RangeError)
  })
})
