/**
 * A reply as it should be heard rather than read: engines read "140/90" as "one hundred forty
 * slash ninety", "mg/dL" letter by letter and markdown asterisks aloud. Only the spoken text
 * changes; the reply the patient reads keeps its figures.
 */

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

/** Text for a speech engine: markdown dropped, blood pressure and units spelled out. */
export function speakable(text: string): string {
  let out = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[*_`#>]+/g, ' ')
    .replace(/^\s*[-•]\s+/gm, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
  // The words are English: a reply with letters of another script is left to its own engine.
  if (!/(?=\p{L})\P{Script=Latin}/u.test(out)) {
    // A reading like 140/90 is "140 over 90" wherever blood pressure is the subject.
    if (/\b(bp|blood pressure|mmhg)\b/i.test(out)) out = out.replace(/\b(\d{2,3})\s*\/\s*(\d{2,3})\b/g, '$1 over $2')
    for (const [pattern, spoken] of UNITS) out = out.replace(pattern, spoken)
  }
  return out.replace(/[ \t]{2,}/g, ' ').trim()
}
