import { describe, expect, it } from 'vitest'
import { messageLanguage, replyLanguage } from './patient-language.js'

describe('messageLanguage', () => {
  it.each([
    ['शुगर 140 थी', 'hi'],
    ['बीपी १३५/८५', 'hi'],
    ['sugar ek sau chalis thi khane ke baad', 'hi-Latn'],
    ['Telma 40 le li subah', 'hi-Latn'],
    ['dawai nahi li aaj', 'hi-Latn'],
    ['gas thi shayad, ab theek hoon', 'hi-Latn'],
    ['had 2 roti and dal for lunch', 'en'],
    ['sugar 150 after lunch', 'en'],
    ['I took my metformin', 'en'],
    ['mjhe bht drd h', 'hi-Latn'],
    ['sugar chk kri thi 150 aayi h', 'hi-Latn'],
    ['walked 2 h today', 'en'],
  ] as const)('reads %j as %s', (text, language) => expect(messageLanguage(text)).toBe(language))

  it.each(['metformin', '140/90', 'ok', 'nenju vali romba irukku'])('finds no language in %j', (text) => expect(messageLanguage(text)).toBeUndefined())
})

describe('replyLanguage', () => {
  it('Should answer Hindi words in kind, whatever the profile says', () => {
    expect(replyLanguage({ message: 'सिर में दर्द है', profileLanguage: 'en-IN' })).toBe('hi')
    expect(replyLanguage({ message: 'sar dard ho raha hai', profileLanguage: 'en-IN' })).toBe('hi-Latn')
    expect(replyLanguage({ message: 'sar dard ho raha hai', profileLanguage: 'hi-IN' })).toBe('hi-Latn')
  })

  it('Should answer English in the profile language', () => {
    expect(replyLanguage({ message: 'BP 128/82 this morning', profileLanguage: 'hi-IN' })).toBe('hi')
    expect(replyLanguage({ message: 'BP 128/82 this morning', profileLanguage: 'en-IN' })).toBe('en')
    expect(replyLanguage({ message: 'BP 128/82 this morning' })).toBe('en')
    expect(replyLanguage({ message: 'BP 128/82 this morning', profileLanguage: 'ta-IN' })).toBe('en')
  })

  it("Should keep the thread's language for a message in no particular language", () => {
    expect(replyLanguage({ message: 'metformin', threadLanguage: 'hi-Latn' })).toBe('hi-Latn')
    expect(replyLanguage({ message: '140/90', profileLanguage: 'hi-IN' })).toBe('hi')
    expect(replyLanguage({ message: 'ok', threadLanguage: null })).toBe('en')
  })
})
