import { describe, expect, it } from 'vitest'
import { expandTextSpeak } from './text-speak.js'
import { normaliseText } from './text.js'

describe('Hinglish typed on a phone', () => {
  it('Should spell the vowel-dropped words as the lexicons know them', () => {
    expect(expandTextSpeak('jeene ka man nhi krta')).toBe('jeene ka man nahi karta')
    expect(expandTextSpeak('dard ho rha h')).toBe('dard ho raha hai')
    expect(expandTextSpeak('bht thak gyi hu')).toBe('bahut thak gayi hoon')
  })

  it('Should leave words that mean something else alone', () => {
    expect(expandTextSpeak('nai dawai shuru ki')).toBe('nai dawai shuru ki')
    expect(expandTextSpeak('saas ka bp 150/90')).toBe('saas ka bp 150/90')
    expect(expandTextSpeak('walked 2 h today')).toBe('walked 2 h today')
  })

  it('Should reach the planners through normaliseText', () => {
    expect(normaliseText('neend achhi nhi aayi')).toBe('neend achhi nahi aayi')
  })
})
