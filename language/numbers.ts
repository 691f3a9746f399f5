/** Numbers as patients say and type them: English number words and Hindi ones, as digits. */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
}
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 }
const HINDI: Record<string, number> = { ek: 1, do: 2, teen: 3, char: 4, chaar: 4, paanch: 5, panch: 5, chhe: 6, saat: 7, aath: 8, nau: 9, das: 10 }
const WORD = new RegExp(`\\b(?:${[...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', 'point', 'and'].join('|')})\\b`)

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
  return HINDI[word.toLowerCase()]
}
