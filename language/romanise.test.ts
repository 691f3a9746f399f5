import { describe, expect, it } from 'vitest'
import { romaniseHindi, transliterateWord } from './romanise.js'

describe('romaniseHindi', () => {
  it.each([
    ['मेरी शुगर खाने के बाद 180 थी', 'meri sugar khane ke baad 180 thi'],
    ['बीपी १३५/८५', 'bp 135/85'],
    ['बीपी एक सौ चालीस बटा नब्बे', 'bp ek sau chalis by nabbe'],
    ['रात को नींद अच्छी नहीं आई', 'raat ko neend achhi nahi aayi'],
    ['डेढ़ घंटा सैर की', 'dedh ghanta sair ki'],
    ['वज़न 72 किलो', 'weight 72 kg'],
    ['sugar 140 थी', 'sugar 140 thi'],
  ])('reads %j as %j', (hindi, latin) => expect(romaniseHindi(hindi)).toBe(latin))

  it('Should transliterate words it does not know, dropping the inherent vowel as Hindi is spoken', () => {
    expect(transliterateWord('समोसा')).toBe('samosa')
    expect(transliterateWord('समझ')).toBe('samajh')
    expect(transliterateWord('भिंडी')).toBe('bhindi')
    expect(transliterateWord('मटर')).toBe('matar')
  })

  it('Should leave Latin text alone', () => expect(romaniseHindi('had 2 roti')).toBe('had 2 roti'))
})
