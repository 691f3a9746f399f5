/**
 * A reply as it should be heard rather than read: engines read "140/90" as "one hundred forty
 * slash ninety", "mg/dL" letter by letter and markdown asterisks aloud. Only the spoken text
 * changes; the reply the patient reads keeps its figures.
 */

import { numberWords, readingWords } from './spoken-numbers.js'

// Unit abbreviations after a number, in English replies.
const UNITS: [RegExp, string][] = [
  [/(\d)\s*mg\/dL\b/gi, '$1 milligrams per decilitre'],
  [/(\d)\s*mmol\/L\b/gi, '$1 millimoles per litre'],
  [/(\d)\s*mmHg\b/gi, '$1 millimetres of mercury'],
  [/(\d)\s*kcal\b/gi, '$1 kilocalories'],
  [/(\d)\s*°C\b/g, '$1 degrees Celsius'],
  [/(\d)\s*°F\b/g, '$1 degrees Fahrenheit'],
  [/(\d)\s*kg\b/g, '$1 kilograms'],
  [/(\d)\s*bpm\b/gi, '$1 beats per minute'],
  [/(\d)\s*ml\b/g, '$1 millilitres'],
]

const READING =
  /(\b(?:sugar|glucose|pulse|heart rate|weight|temperature|fever|reading|readings|was|is|of)\s+)?(?<![\d.:/-])\b([12]\d\d)(?:\.(\d))?\b(?![\d:/-]|\.\d)(\s*(?:milligrams|millimoles|beats|degrees|kilograms|pounds|kilos)\b)?/gi

/** "112", "1-800-891-4416": a number to dial is said digit by digit, in the groups it is written in. */
function dialled(number: string): string {
  return number
    .split('-')
    .map((group) => group.split('').map((d) => numberWords(Number(d))).join(' '))
    .join(', ')
}

/**
 * Text for a speech engine: markdown dropped; numbers as patients say them (a reading of 140/90
 * is "one forty over ninety", a sugar of 180 "one eighty", 112 to call "one one two"); units
 * spelled out.
 */
export function speakable(text: string): string {
  let out = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[*_`#>]+/g, ' ')
    .replace(/^\s*[-•]\s+/gm, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
  // The words are English: a reply with letters of another script is left to its own engine.
  if (!/(?=\p{L})\P{Script=Latin}/u.test(out)) {
    out = out
      .replace(/\b(call|dial|ring)(\s+)(\d{3,5})(\s+or\s+)(\d{3,5})\b/gi, (_, v: string, s1: string, a: string, or: string, b: string) => `${v}${s1}${dialled(a)}${or}${dialled(b)}`)
      .replace(/\b(call|dial|ring)(\s+)(\d{3,5})\b/gi, (_, v: string, s1: string, a: string) => `${v}${s1}${dialled(a)}`)
      .replace(/\b(at|on|or)(\s+)(\d{5}|\d[\d-]{5,}\d)(?![\d.:/])/gi, (_, v: string, s1: string, n: string) => `${v}${s1}${dialled(n)}`)
    // A reading like 140/90 is "one forty over ninety" wherever blood pressure is the subject.
    if (/\b(bp|blood pressure|mmhg)\b/i.test(out)) {
      out = out.replace(/\b(\d{2,3})\s*\/\s*(\d{2,3})\b/g, (_, a: string, b: string) => `${readingWords(a)} over ${readingWords(b)}`)
    }
    for (const [pattern, spoken] of UNITS) out = out.replace(pattern, spoken)
    // Other readings of 101-299 the short way (a vital before it, or a unit after it); counts,
    // times and dates stay as they are.
    out = out.replace(READING, (m, before: string, whole: string, dec: string | undefined, after: string) => {
      const n = Number(whole)
      if (n <= 100 || n >= 300 || (!before && !after)) return m
      return m.replace(dec ? `${whole}.${dec}` : whole, readingWords(dec ? `${whole}.${dec}` : whole))
    })
  }
  return out.replace(/[ \t]{2,}/g, ' ').trim()
}
