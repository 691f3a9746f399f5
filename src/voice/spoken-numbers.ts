/**
 * Numbers as people say them aloud: "one forty" for a reading of 140, "ninety eight point six"
 * for 98.6, "five hundred" for a 500 mg tablet. Used to speak replies and to turn written names
 * ("Pan 40") into the words a recogniser listens for.
 */

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']

/** 0-99 in words: 7 → "seven", 42 → "forty two". */
function belowHundred(n: number): string {
  if (n < 20) return UNITS[n]!
  const unit = n % 10
  return unit ? `${TENS[Math.floor(n / 10)]} ${UNITS[unit]}` : TENS[Math.floor(n / 10)]!
}

/** A whole number in plain words: 140 → "one hundred forty", 2500 → "two thousand five hundred". */
export function numberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a whole number: ${n}`)
  if (n < 100) return belowHundred(n)
  if (n < 1000) {
    const rest = n % 100
    return `${UNITS[Math.floor(n / 100)]} hundred${rest ? ` ${belowHundred(rest)}` : ''}`
  }
  if (n < 1_000_000) {
    const rest = n % 1000
    return `${numberWords(Math.floor(n / 1000))} thousand${rest ? ` ${numberWords(rest)}` : ''}`
  }
  // Longer numbers (phone numbers and the like) are read digit by digit.
  return String(n).split('').map((d) => UNITS[Number(d)]).join(' ')
}

/**
 * A reading as it is said: 101-199 and 201-299 the short way ("one forty", "one oh five", "two
 * ten"), round hundreds as "one hundred", anything else in plain words; decimals digit by digit
 * after "point" ("ninety eight point six").
 */
export function readingWords(value: string): string {
  const [whole = '', decimals] = value.split('.')
  const n = Number(whole)
  let words: string
  if (n > 100 && n < 300 && n % 100 !== 0) {
    const rest = n % 100
    words = `${UNITS[Math.floor(n / 100)]} ${rest < 10 ? `oh ${UNITS[rest]}` : belowHundred(rest)}`
  } else {
    words = numberWords(n)
  }
  if (decimals) words += ` point ${decimals.split('').map((d) => UNITS[Number(d)]).join(' ')}`
  return words
}
