import { describe, expect, it } from 'vitest'
import { ARPABET_PHONES, ipaToArpabet } from './arpabet.js'

describe('ipaToArpabet', () => {
  it("reads espeak-ng's IPA for names CMUdict lacks", () => {
    expect(ipaToArpabet('mˈɛtfoːɹmˌɪn')).toEqual(['M', 'EH', 'T', 'F', 'AO', 'R', 'M', 'IH', 'N'])
    expect(ipaToArpabet('ˈæmlədˌɪpaɪn')).toEqual(['AE', 'M', 'L', 'AH', 'D', 'IH', 'P', 'AY', 'N'])
    expect(ipaToArpabet('tʃæpˈɑːɾi')).toEqual(['CH', 'AE', 'P', 'AA', 'T', 'IY'])
  })

  it('reads British vowels and drops stress and length marks', () => {
    expect(ipaToArpabet('ˈəʊvə')).toEqual(['OW', 'V', 'AH'])
    expect(ipaToArpabet('wˈɒn')).toEqual(['W', 'AA', 'N'])
  })

  it('only ever produces phones the acoustic model has', () => {
    const phones = ipaToArpabet('θˈaɪɹənˌɔːɹm ʒ ŋ dʒ ɔɪ aʊ ʊ ɜː ᵻ x ʔ')
    expect(phones.every((p) => ARPABET_PHONES.includes(p))).toBe(true)
  })
})
