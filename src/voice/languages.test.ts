import { describe, expect, it } from 'vitest'
import {
  espeakVoiceFor,
  isAutoDetect,
  resolveLanguage,
  SARVAM_STT_LANGUAGES,
  SARVAM_TTS_LANGUAGES,
} from './languages.js'

describe('language codes', () => {
  it('folds other spellings onto Sarvam codes', () => {
    expect(resolveLanguage('hi')?.code).toBe('hi-IN')
    expect(resolveLanguage('HI_in')?.code).toBe('hi-IN')
    expect(resolveLanguage('or')?.code).toBe('od-IN')
    expect(resolveLanguage('or-IN')?.code).toBe('od-IN')
    expect(resolveLanguage('en-US')?.code).toBe('en-IN')
    expect(resolveLanguage('kok-IN')?.code).toBe('kok-IN')
  })

  it('knows nothing of languages outside the list, or Indian ones tagged with another region', () => {
    expect(resolveLanguage('fr-FR')).toBeUndefined()
    expect(resolveLanguage('hi-PK')).toBeUndefined()
    expect(resolveLanguage('')).toBeUndefined()
  })

  it('treats empty, unknown and auto as detect', () => {
    expect([undefined, null, '', ' unknown ', 'AUTO'].every(isAutoDetect)).toBe(true)
    expect(isAutoDetect('hi-IN')).toBe(false)
  })

  it('maps Odia to espeak-ng "or" and English to its US voice', () => {
    expect(espeakVoiceFor('od-IN')).toBe('or')
    expect(espeakVoiceFor('en-IN')).toBe('en-us')
    expect(espeakVoiceFor('mni-IN')).toBeUndefined()
  })

  it('lists 23 STT codes (English and 22 Indian languages) and the 11 Sarvam speaks', () => {
    expect(SARVAM_STT_LANGUAGES).toHaveLength(23)
    expect(SARVAM_TTS_LANGUAGES.join(' ')).toBe('en-IN hi-IN bn-IN ta-IN te-IN kn-IN ml-IN mr-IN gu-IN pa-IN od-IN')
  })
})
