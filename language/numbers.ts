/** Numbers as patients say and type them: English number words and Hindi ones, as digits. */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
}
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 }
const HINDI: Record<string, number> = { ek: 1, do: 2, teen: 3, char: 4, chaar: 4, paanch: 5, panch: 5, chhe: 6, saat: 7, aath: 8, nau: 9, das: 10 }
const WORD = new RegExp(`\\b(?:${[...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', 'point', 'and'].join('|')})\\b`)

const ONE_AS_PRONOUN_AFTER = new Set(['the', 'this', 'that', 'which', 'each', 'every', 'any', 'other', 'another', 'only', 'last', 'first', 'new', 'same', 'right', 'wrong', 'fasting', 'evening', 'morning', 'night'])
const ONE_AS_PRONOUN_BEFORE = new Set(['from', 'of', 'i', 'you', 'he', 'she', 'we', 'they', 'is', 'was', 'which', 'who', 'left', 'that'])

/** "ninety" → 90, "seventy two" → 72, and a bare unit → itself. */
function twoDigit(words: string[], i: number): [number, number] | undefined {
  const w = words[i]
  if (w === undefined) return undefined
  if (TENS[w] !== undefined) {
    const next = words[i + 1]
    if (next !== undefined && UNITS[next] !== undefined && UNITS[next]! < 10 && UNITS[next]! > 0) return [TENS[w]! + UNITS[next]!, 2]
    return [TENS[w]!, 1]
  }
  if (UNITS[w] !== undefined) return [UNITS[w]!, 1]
  return undefined
}

/**
 * Spoken numbers as digits: "one forty over ninety" → "140 over 90", "one hundred and twenty"
 * → "120", "ninety nine point five" → "99.5". Speech recognisers and people say readings so.
 */
export function wordsToDigits(text: string): string {
  if (!WORD.test(text.toLowerCase())) return text
  const words = text.split(/(\s+)/)
  const out: string[] = []
  const lower = words.map((w) => w.toLowerCase().replace(/[^a-z]/g, ''))
  const tokens: { word: string; index: number }[] = []
  lower.forEach((w, index) => {
    if (w && !/^\s+$/.test(words[index]!)) tokens.push({ word: w, index })
  })
  const consumed = new Set<number>()
  const replacements = new Map<number, string>()
  const ws = tokens.map((t) => t.word)
  for (let i = 0; i < ws.length; i++) {
    const first = twoDigit(ws, i)
    if (!first) continue
    // "the fasting one from this morning", "one I left": a pronoun, not a number.
    if (ws[i] === 'one' && (ONE_AS_PRONOUN_AFTER.has(ws[i - 1] ?? '') || ONE_AS_PRONOUN_BEFORE.has(ws[i + 1] ?? '') || i === ws.length - 1)) continue
    let value = first[0]
    let used = first[1]
    const at = i + used
    if (ws[at] === 'hundred') {
      value *= 100
      used++
      let j = i + used
      if (ws[j] === 'and') j++
      const rest = twoDigit(ws, j)
      if (rest) {
        value += rest[0]
        used = j - i + rest[1]
      }
    } else if (value < 10 && value > 0 && first[1] === 1) {
      // "one forty" = 140, "one twenty five" = 125 (how readings are spoken)
      const tens = twoDigit(ws, at)
      if (tens && tens[0] >= 10 && TENS[ws[at]!] !== undefined) {
        value = value * 100 + tens[0]
        used += tens[1]
      }
    }
    if (ws[i + used] === 'point') {
      const decimal = twoDigit(ws, i + used + 1)
      if (decimal && decimal[0] < 10) {
        value = Number(`${value}.${decimal[0]}`)
        used += 2
      }
    }
    for (let k = 0; k < used; k++) consumed.add(tokens[i + k]!.index)
    replacements.set(tokens[i]!.index, String(value))
    i += used - 1
  }
  words.forEach((w, index) => {
    if (replacements.has(index)) out.push(replacements.get(index)!)
    else if (consumed.has(index)) out.pop() // drop the word and the space before it
    else out.push(w)
  })
  return out.join('').replace(/\s+/g, ' ')
}

/** Hindi number words used before units ("do roti", "teen glass"). */
export function hindiNumber(word: string): number | undefined {
  return HINDI[word.toLowerCase()] ?? HINDI_1_99.get(foldHindi(word.toLowerCase()))
}

/**
 * Hindi numbers 1–99 in romanised spellings (each has its own word; spellings vary, so they are
 * compared after folding long vowels: "chaalees" = "chalis"). Source: standard Hindi numerals.
 */
const HINDI_WORDS_1_99 =
  'ek do teen char paanch chhah saat aath nau das gyarah barah terah chaudah pandrah solah satrah atharah unnis bees ' +
  'ikkis bais teis chaubis pachchis chhabbis sattais atthais untis tees ikattis battis taintis chautis paintis chhattis ' +
  'saintis adtis untalis chalis iktalis bayalis taintalis chavalis paintalis chhiyalis saintalis adtalis unchas pachas ' +
  'ikyavan bavan tirpan chauvan pachpan chhappan sattavan atthavan unsath saath iksath basath tirsath chaunsath painsath ' +
  'chhiyasath sarsath adsath unhattar sattar ikhattar bahattar tihattar chauhattar pachhattar chhihattar satattar athattar ' +
  'unasi assi ikyasi bayasi tirasi chaurasi pachasi chhiyasi sattasi atthasi nawasi nabbe ikyanve banve tiranve chauranve ' +
  'pachanve chhiyanve sattanve atthanve ninyanve'
/** Folds the spellings of one Hindi word: long vowels, doubled consonants, w and v. */
const foldHindi = (w: string) => w.replace(/aa/g, 'a').replace(/ee|ii/g, 'i').replace(/oo/g, 'u').replace(/w/g, 'v').replace(/([bcdfghjklmnpqrstvxz])\1/g, '$1')
const HINDI_1_99 = new Map<string, number>([
  ...HINDI_WORDS_1_99.split(' ').map((w, i) => [foldHindi(w), i + 1] as [string, number]),
  // Common other spellings.
  ...(['chaar', 'char', 'chhe', 'chhah', 'che', 'panch', 'chalees', 'chaalis', 'pachaas', 'nabbe', 'nabe', 'sattar', 'satar', 'gyaarah', 'baarah', 'pandrah', 'pandra', 'assi', 'asi', 'bis', 'tis', 'pachees', 'pachis', 'unchaalis', 'unchalis', 'untaalis'] as const).map(
    (w) => [foldHindi(w), ({ chaar: 4, char: 4, chhe: 6, chhah: 6, che: 6, panch: 5, chalees: 40, chaalis: 40, pachaas: 50, nabbe: 90, nabe: 90, sattar: 70, satar: 70, gyaarah: 11, baarah: 12, pandrah: 15, pandra: 15, assi: 80, asi: 80, bis: 20, tis: 30, pachees: 25, pachis: 25, unchaalis: 39, unchalis: 39, untaalis: 39 } as Record<string, number>)[w]!] as [string, number],
  ),
])
/** Fractions said before a number or a hundred: "dedh sau" 150, "dhai" 2.5, "saadhe chhe" 6.5. */
const HINDI_FRACTIONS: Record<string, number> = { dedh: 1.5, derh: 1.5, dhai: 2.5, dhaai: 2.5, adhai: 2.5, sava: 1.25, savaa: 1.25, sawa: 1.25, sawaa: 1.25 }
/** Number words that are also everyday words ("do", "teen", "saath" = with): numbers only next to a hundred or a unit. */
const AMBIGUOUS_HINDI = new Set(['ek', 'do', 'teen', 'char', 'chaar', 'saat', 'saath', 'nau', 'das', 'bees', 'tees', 'bis', 'tis', 'che'].map(foldHindi))
const HINDI_UNITS = /^(?:sau|so|hazaar|hazar|glass|gilas|gilaas|roti|rotiyan|chapati|goli|goliyan|tablet|tablets|ghante|ghanta|minute|minat|kilo|kg|units?|baje|cup|katori|litre|liter|bar|baar|din|saal|idli|puri)$/

/**
 * Hindi numbers as digits: "ek sau chalis" → 140, "sau" → 100, "dedh sau" → 150, "assi" → 80,
 * "dhai" → 2.5, "saadhe chhe ghante" → 6.5 ghante, "aadhi goli" → 0.5 goli. Words that are also
 * everyday words ("do", "teen") count only before a hundred or a unit ("do roti").
 */
export function hindiNumbersToDigits(text: string): string {
  const tokens = text.split(/(\s+)/)
  const word = (i: number) => (tokens[i] ?? '').toLowerCase().replace(/[^a-z]/g, '')
  const valueOf = (i: number): number | undefined => {
    const w = foldHindi(word(i))
    if (!w) return undefined
    const n = HINDI_1_99.get(w)
    if (n === undefined) return undefined
    if (AMBIGUOUS_HINDI.has(w) && !HINDI_UNITS.test(word(i + 2))) return undefined
    return n
  }
  const out: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const w = word(i)
    if (!w || /^\s+$/.test(tokens[i]!)) {
      out.push(tokens[i]!)
      continue
    }
    // "saadhe teen sau" 350, "paune do sau" 175, "sava do hazaar" 2250; "saadhe chhe ghante" 6.5 ghante
    // (a quarter before a number without a hundred is read below).
    const step = /^(?:saadhe|sadhe|sare|saade|sade)$/.test(w) ? 0.5 : /^(?:sava|savaa|sawa|sawaa)$/.test(w) ? 0.25 : /^(?:paune|pone|paun)$/.test(w) ? -0.25 : undefined
    if (step !== undefined) {
      const n = HINDI_1_99.get(foldHindi(word(i + 2))) ?? (/^\d+$/.test(word(i + 2)) ? Number(word(i + 2)) : undefined)
      const scale = word(i + 4) === 'sau' ? 100 : /^(?:hazaar|hazar)$/.test(word(i + 4)) ? 1000 : 1
      if (n !== undefined && (scale > 1 || step === 0.5)) {
        out.push(String((n + step) * scale))
        i += scale > 1 ? 4 : 2
        continue
      }
    }
    // [ek|do|dedh|…] sau [chalis] → a hundreds number.
    const fraction = HINDI_FRACTIONS[w]
    const multiplier = fraction ?? (HINDI_1_99.get(foldHindi(w)) !== undefined && word(i + 2) === 'sau' ? HINDI_1_99.get(foldHindi(w)) : undefined)
    const sauAt = w === 'sau' ? i : multiplier !== undefined && word(i + 2) === 'sau' ? i + 2 : -1
    if (sauAt >= 0) {
      let value = (sauAt === i ? 1 : multiplier!) * 100
      let end = sauAt
      const rest = HINDI_1_99.get(foldHindi(word(sauAt + 2)))
      if (rest !== undefined) {
        value += rest
        end = sauAt + 2
      } else if (/^\d+$/.test(word(sauAt + 2))) {
        value += Number(word(sauAt + 2))
        end = sauAt + 2
      }
      out.push(String(value))
      i = end
      continue
    }
    // "paune do litre" 1.75, "sava do" 2.25: a quarter less or more than the number after ("paune do baje" is a clock time, 1:45, left to the clock).
    if (/^(?:paune|pone|paun|sava|savaa|sawa|sawaa)$/.test(w)) {
      const n = HINDI_1_99.get(foldHindi(word(i + 2))) ?? (/^\d+$/.test(word(i + 2)) ? Number(word(i + 2)) : undefined)
      if (n !== undefined && word(i + 4) !== 'baje') {
        out.push(String(/^p/.test(w) ? n - 0.25 : n + 0.25))
        i += 2
        continue
      }
    }
    if (fraction !== undefined) {
      out.push(String(fraction))
      continue
    }
    if (/^(?:aadha|aadhi|adha|adhi|aadhe)$/.test(w) && HINDI_UNITS.test(word(i + 2))) {
      out.push('0.5')
      continue
    }
    const n = valueOf(i)
    out.push(n !== undefined ? String(n) : tokens[i]!)
  }
  return out.join('')
}

/** "six and a half" (after the words are digits) → 6.5; "half a litre" → 0.5 litre. */
export function halves(text: string): string {
  return text
    .replace(/\b(\d+) and a half\b/g, (_, n: string) => `${Number(n) + 0.5}`)
    .replace(/\b(\d+)½/g, (_, n: string) => `${Number(n) + 0.5}`)
    .replace(/\bhalf (?:a |an )?(litre|liter|l|glass|cup|bottle|katori|kg|kilo)\b/g, '0.5 $1')
}
