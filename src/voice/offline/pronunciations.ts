import fs from 'node:fs'
import { runTool } from '../binaries.js'
import { ipaToArpabet } from './arpabet.js'

/**
 * Pronunciations for the recogniser's dictionary: CMUdict's where it has the word, the hand-made
 * ones below for medicine names as Indian patients say them, and espeak-ng's letter-to-sound
 * rules (as ARPAbet) for any other word, so a patient's own medicine is never missing.
 */

export const CMUDICT_PATH = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict'

/**
 * Medicine names CMUdict lacks, in ARPAbet, with the variants heard in Indian clinics. espeak-ng's
 * rendering is added beside these, so a name has both.
 */
const MEDICINES: Record<string, string[]> = {
  metformin: ['M EH T F AO R M IH N', 'M EH T F AH R M IH N'],
  glycomet: ['G L AY K OW M EH T'],
  glimepiride: ['G L IH M EH P IH R AY D', 'G L AY M P IH R AY D'],
  amlodipine: ['AE M L OW D IH P IY N', 'AE M L AA D AH P AY N', 'AE M L OW D IH P AY N'],
  amlong: ['AE M L AO NG'],
  stamlo: ['S T AE M L OW'],
  telmisartan: ['T EH L M IH S AA R T AH N', 'T EH L M IY S AA R T AA N'],
  telma: ['T EH L M AH'],
  losartan: ['L OW S AA R T AH N'],
  olmesartan: ['OW L M IH S AA R T AH N'],
  ramipril: ['R AE M IH P R IH L'],
  enalapril: ['EH N AE L AH P R IH L'],
  atenolol: ['AH T EH N AH L AO L'],
  metoprolol: ['M EH T OW P R AH L AO L', 'M AH T OW P R AH L AO L'],
  atorvastatin: ['AH T AO R V AH S T AE T IH N', 'AE T ER V AH S T AE T IH N'],
  atorva: ['AH T AO R V AH'],
  rosuvastatin: ['R OW S UW V AH S T AE T IH N'],
  ecosprin: ['EH K OW S P R IH N', 'IY K OW S P R IH N'],
  clopidogrel: ['K L OW P IH D OW G R EH L'],
  levothyroxine: ['L IY V OW TH AY R AA K S IY N'],
  thyronorm: ['TH AY R OW N AO R M'],
  eltroxin: ['EH L T R AA K S IH N'],
  pantoprazole: ['P AE N T OW P R AH Z OW L'],
  dolo: ['D OW L OW'],
  shelcal: ['SH EH L K AE L'],
  sitagliptin: ['S IH T AH G L IH P T IH N'],
  januvia: ['JH AH N UW V IY AH'],
  dapagliflozin: ['D AE P AH G L IH F L OW Z IH N'],
  empagliflozin: ['EH M P AH G L IH F L OW Z IH N'],
}

export type Dictionary = Map<string, string[]>

let cmudict: Dictionary | undefined

/** CMUdict as word → pronunciations (alternates like "the(2)" folded in). Read once. */
export function loadCmudict(file = CMUDICT_PATH): Dictionary {
  if (cmudict && file === CMUDICT_PATH) return cmudict
  const dict: Dictionary = new Map()
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const space = line.indexOf(' ')
    if (space <= 0) continue
    const word = line.slice(0, space).replace(/\(\d+\)$/, '')
    const phones = line.slice(space + 1).trim()
    const list = dict.get(word)
    if (list) list.push(phones)
    else dict.set(word, [phones])
  }
  if (file === CMUDICT_PATH) cmudict = dict
  return dict
}

/**
 * espeak-ng's pronunciation of each word in one of its English voices (`en-us`, or `en` for
 * British English), as ARPAbet; words it cannot say are left out.
 */
export async function espeakPronunciations(espeak: string, words: string[], voice = 'en-us'): Promise<Dictionary> {
  const out: Dictionary = new Map()
  // Every patient's grammar shares most words: each is asked of espeak-ng once per process.
  const known = (w: string) => SPOKEN.get(`${voice}|${w}`)
  const asked = words.filter((w) => known(w) === undefined)
  if (asked.length) {
    for (const [w, prons] of await askEspeak(espeak, asked, voice)) SPOKEN.set(`${voice}|${w}`, prons)
    for (const w of asked) if (!SPOKEN.has(`${voice}|${w}`)) SPOKEN.set(`${voice}|${w}`, null)
  }
  for (const w of words) {
    const prons = known(w)
    if (prons) out.set(w, prons)
  }
  return out
}

const SPOKEN = new Map<string, string[] | null>()

async function askEspeak(espeak: string, words: string[], voice: string): Promise<Dictionary> {
  const out: Dictionary = new Map()
  const ipa = async (input: string) => {
    const args = ['-q', '-v', voice, '--ipa', '-b', '1', '--stdin']
    return (await runTool(espeak, args, { input, timeoutMs: 20_000 })).stdout.toString('utf8')
  }
  // One word a line, each its own clause, so the answer comes back one line a word.
  const lines = (await ipa(words.map((w) => `${w}.`).join('\n'))).split('\n').map((l) => l.trim()).filter(Boolean)
  if (lines.length !== words.length) {
    // Misaligned (espeak-ng joined or split a line): ask word by word instead.
    for (const w of words) {
      const phones = ipaToArpabet(await ipa(`${w}.`))
      if (phones.length) out.set(w, [phones.join(' ')])
    }
    return out
  }
  words.forEach((w, i) => {
    const phones = ipaToArpabet(lines[i]!)
    if (phones.length) out.set(w, [phones.join(' ')])
  })
  return out
}

/**
 * A dictionary for exactly these words: CMUdict's entries, the medicine table's, espeak-ng's
 * US rendering of words CMUdict lacks, and espeak-ng's British rendering of every word as a
 * variant: CMUdict is American, and Indian and British English drop the "r" of "over" and
 * "forty" and say "one" with a different vowel. A word nothing can pronounce is reported, so
 * the grammar can leave it out rather than fail to load.
 */
export async function pronounce(
  words: Iterable<string>,
  espeak: string | undefined,
): Promise<{ dictionary: Dictionary; unknown: string[] }> {
  const cmu = loadCmudict()
  const all = [...new Set(words)]
  const dictionary: Dictionary = new Map()
  const missing = all.filter((w) => !cmu.has(w))
  const [american, british] = espeak
    ? await Promise.all([espeakPronunciations(espeak, missing, 'en-us'), espeakPronunciations(espeak, all, 'en')])
    : [new Map<string, string[]>(), new Map<string, string[]>()]
  const unknown: string[] = []
  for (const w of all) {
    const prons = [...(cmu.get(w) ?? []), ...(MEDICINES[w] ?? []), ...(american.get(w) ?? []), ...(british.get(w) ?? [])]
    if (prons.length) dictionary.set(w, [...new Set(prons)])
    else unknown.push(w)
  }
  return { dictionary, unknown }
}

/** The dictionary as PocketSphinx reads it: "word PH ONES", alternates as "word(2)". */
export function dictionaryText(dictionary: Dictionary): string {
  const lines: string[] = []
  for (const [word, prons] of [...dictionary].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    prons.forEach((p, i) => lines.push(`${i === 0 ? word : `${word}(${i + 1})`} ${p}`))
  }
  return `${lines.join('\n')}\n`
}
