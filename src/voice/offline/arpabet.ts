/**
 * espeak-ng's IPA (`espeak-ng -q --ipa`) as the ARPAbet phones of PocketSphinx's US English
 * model. espeak-ng has letter-to-sound rules for any word; CMUdict does not know "metformin"
 * or "idli", so a word it lacks is pronounced the way espeak-ng would say it.
 */

// Longest symbols first: "oːɹ" before "oː" before "o".
const IPA_TO_ARPABET: [string, string[]][] = (
  [
    ['aɪɚ', ['AY', 'ER']],
    ['aɪə', ['AY', 'ER']],
    ['aʊɚ', ['AW', 'ER']],
    ['oːɹ', ['AO', 'R']],
    ['ɔːɹ', ['AO', 'R']],
    ['ɑːɹ', ['AA', 'R']],
    ['ɛɹ', ['EH', 'R']],
    ['ɪɹ', ['IH', 'R']],
    ['ʊɹ', ['UH', 'R']],
    ['aɪ', ['AY']],
    ['aʊ', ['AW']],
    ['ɔɪ', ['OY']],
    ['eɪ', ['EY']],
    ['oʊ', ['OW']],
    ['əʊ', ['OW']],
    ['tʃ', ['CH']],
    ['dʒ', ['JH']],
    ['ɜː', ['ER']],
    ['iː', ['IY']],
    ['uː', ['UW']],
    ['ɑː', ['AA']],
    ['ɔː', ['AO']],
    ['oː', ['OW']],
    ['ɚ', ['ER']],
    ['ɝ', ['ER']],
    ['ɛ', ['EH']],
    ['e', ['EH']],
    ['æ', ['AE']],
    ['a', ['AA']],
    ['ɪ', ['IH']],
    ['ᵻ', ['IH']],
    ['i', ['IY']],
    ['ɑ', ['AA']],
    ['ɒ', ['AA']],
    ['ɔ', ['AO']],
    ['o', ['OW']],
    ['ʊ', ['UH']],
    ['u', ['UW']],
    ['ʌ', ['AH']],
    ['ə', ['AH']],
    ['ɐ', ['AH']],
    ['ɜ', ['ER']],
    ['p', ['P']],
    ['b', ['B']],
    ['t', ['T']],
    ['d', ['D']],
    ['ɾ', ['T']],
    ['k', ['K']],
    ['ɡ', ['G']],
    ['g', ['G']],
    ['f', ['F']],
    ['v', ['V']],
    ['θ', ['TH']],
    ['ð', ['DH']],
    ['s', ['S']],
    ['z', ['Z']],
    ['ʃ', ['SH']],
    ['ʒ', ['ZH']],
    ['h', ['HH']],
    ['x', ['HH']],
    ['m', ['M']],
    ['n', ['N']],
    ['ŋ', ['NG']],
    ['l', ['L']],
    ['ɫ', ['L']],
    ['ɹ', ['R']],
    ['r', ['R']],
    ['w', ['W']],
    ['j', ['Y']],
  ] as [string, string[]][]
).sort((a, b) => b[0].length - a[0].length)

/** ARPAbet phones for one word's IPA, e.g. "mˈɛtfoːɹmˌɪn" → M EH T F AO R M IH N. Unknown symbols are skipped. */
export function ipaToArpabet(ipa: string): string[] {
  const phones: string[] = []
  const text = ipa.normalize('NFC')
  let i = 0
  while (i < text.length) {
    const rest = text.slice(i)
    const hit = IPA_TO_ARPABET.find(([symbol]) => rest.startsWith(symbol))
    if (hit) {
      phones.push(...hit[1])
      i += hit[0].length
      continue
    }
    // A stress or length mark, or a symbol the model has no phone for (a missing phone costs a
    // little accuracy; a dictionary line PocketSphinx cannot read would cost the whole grammar).
    i += String.fromCodePoint(rest.codePointAt(0)!).length
  }
  return phones
}

/** The phones of PocketSphinx's US English model (CMUdict's set, without stress). */
export const ARPABET_PHONES: readonly string[] = [
  'AA', 'AE', 'AH', 'AO', 'AW', 'AY', 'B', 'CH', 'D', 'DH', 'EH', 'ER', 'EY', 'F', 'G', 'HH', 'IH', 'IY', 'JH', 'K',
  'L', 'M', 'N', 'NG', 'OW', 'OY', 'P', 'R', 'S', 'SH', 'T', 'TH', 'UH', 'UW', 'V', 'W', 'Y', 'Z', 'ZH',
]
