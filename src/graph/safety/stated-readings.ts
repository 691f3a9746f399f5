/**
 * The readings a message states, read just well enough for the safety check: blood sugar, blood
 * pressure and oxygen, and whether they are the patient's own. It is deliberately separate from
 * the vitals agent's parser: the safety layer runs first, on every chat and voice turn, and must
 * not depend on how an agent reads numbers. Numbers that are durations, clock times, counts or
 * ages ("sugar 45 minutes after lunch was 160") are never taken as readings.
 */

export interface StatedReadings {
  /** mg/dL. */
  glucose?: number
  /** The meter showed "HI" (above its range, usually > 500–600 mg/dL). */
  glucoseMeterHigh?: boolean
  systolic?: number
  diastolic?: number
  spo2?: number
  /** Beats per minute. */
  heartRate?: number
  /** The person the readings are said of, when it is someone else ("papa", "my wife"). */
  someoneElse?: string
}

const NUMBER = String.raw`(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)(?![\d])`
/** What turns a number into a duration, a time, a count or an age rather than a reading. */
const NOT_A_READING =
  /^\s*(?:-\s*)?(?:min|mins|minute|minutes|hr|hrs|hour|hours|ghante|ghanta|ghanton|sec|seconds|din|days?|weeks?|months?|years?|yrs?|saal|baje|am|pm|a\.m|p\.m|o'?clock|kg|kilo|kgs|glass|glasses|gilas|cups?|roti|rotis|tablets?|pills?|goli|goliyan|units?|steps|km|ml|मिनट|घंटे|घंटा|दिन|साल|बजे|किलो|गिलास)(?![\p{L}])/u

const GLUCOSE_WORD = String.raw`(?:blood sugar|sugar|suger|sugr|shugar|glucose|glucometer|glucometre|bsl|rbs|fbs|ppbs|grbs|cbg|ग्लूकोमीटर|शुगर|शूगर|शक्कर|ग्लूकोज)`
const BP_WORD = String.raw`(?:bp|b\.p\.?|blood pressure|pressure|बीपी|बी पी|ब्लड प्रेशर|रक्तचाप)`
const HEART_RATE_WORD = String.raw`(?:pulse|heart ?rate|hr|heartbeat|dhadkan|nabz|नब्ज|धडकन|पल्स)`
const SPO2_WORD = String.raw`(?:spo2|sp02|spo 2|oxygen(?: level| saturation)?|o2|saturation|sats?|oximeter|oxi ?meter|oxy ?meter|pulse ?ox\w*|ऑक्सीजन|आक्सीजन|ओक्सीजन|ऑक्सीमीटर|आक्सीमीटर|ओक्सीमीटर)`

/**
 * People a message can be about who are not the patient ("papa ko daura pad raha hai", "my wife's
 * BP"). In an emergency message a family member named at all is most likely the one in danger,
 * so the alert does not record the numbers as the patient's own.
 */
const OTHER_PERSON =
  /(?:^|[^\p{L}\p{M}])(wife|husband|mother|father|mom|mum|mummy|mommy|dad|daddy|papa|pappa|maa|mataji|pitaji|amma|appa|dadi|dada|nani|nana|grandma|grandpa|grandmother|grandfather|granny|son|daughter|beti|bhai|bhaiya|brother|sister|behen|didi|patni|pati|sasur|sasu|saas|uncle|aunty|friend|neighbou?r|पापा|पिताजी|माताजी|मां|मम्मी|दादी|दादा|नानी|नाना|पति|पत्नी|बेटा|बेटी|भाई|बहन|ससुर|सास|उनको|उनकी|उनका|उनके|इनको|इनकी|इनका|इनके|unko|unki|unka|unke|inko|inki|inka|inke)(?:ji|जी|'s|s)?(?![\p{L}\p{M}])/u

/** The first number within a short reach after `word` that is not a duration, time or count. */
function numberAfter(text: string, word: string, reach = 40, accept: (n: number) => boolean = () => true): number | undefined {
  const re = new RegExp(`(?:^|[^\\p{L}\\p{M}])${word}(?![\\p{L}\\p{M}])`, 'gu')
  for (const m of text.matchAll(re)) {
    const window = text.slice(m.index! + m[0].length, m.index! + m[0].length + reach)
    for (const n of window.matchAll(new RegExp(NUMBER, 'g'))) {
      const after = window.slice(n.index! + n[0].length)
      const before = window.slice(0, n.index!)
      // "120/80" after a sugar word is a blood pressure, not a sugar.
      if (/^\s*\/\s*\d/.test(after) || /\d\s*\/\s*$/.test(before)) continue
      if (NOT_A_READING.test(after) || !accept(Number(n[1]))) continue
      return Number(n[1])
    }
  }
  return undefined
}

const BP_PAIR = /(?<![\d.])(\d{2,3})\s*(?:\/|\\|over|by|बटा|upon)\s*(\d{2,3})(?![\d.])/gu

const plausibleBloodPressure = (systolic: number, diastolic: number) =>
  systolic >= 60 && systolic <= 300 && diastolic >= 30 && diastolic <= 200 && systolic > diastolic

function bloodPressure(text: string): { systolic: number; diastolic: number } | undefined {
  const hasWord = new RegExp(`(?:^|[^\\p{L}\\p{M}])${BP_WORD}(?![\\p{L}\\p{M}])`, 'u').test(text)
  for (const m of text.matchAll(BP_PAIR)) {
    const systolic = Number(m[1])
    const diastolic = Number(m[2])
    // A bare pair ("186/124") is a blood pressure when nothing else claims it.
    if (plausibleBloodPressure(systolic, diastolic) && (hasWord || systolic >= 90)) return { systolic, diastolic }
  }
  // "bp 220 130": two numbers after the word, nothing between.
  const bare = new RegExp(`(?:^|[^\\p{L}\\p{M}])${BP_WORD}\\s+(?:is\\s+|hai\\s+|tha\\s+)?(\\d{2,3})\\s+(\\d{2,3})(?![\\d.])`, 'u').exec(text)
  if (bare) {
    const [systolic, diastolic] = [Number(bare[1]), Number(bare[2])]
    if (plausibleBloodPressure(systolic, diastolic)) return { systolic, diastolic }
  }
  return undefined
}

/** Readings stated in `text`, which is lower case with Devanagari folded (see `normalise`). */
export function statedReadings(text: string): StatedReadings {
  const readings: StatedReadings = {}
  const bp = bloodPressure(text)
  if (bp) Object.assign(readings, bp)
  else {
    // The top number alone ("pressure 220 upar wala", "systolic 190"): enough for a hypertensive emergency.
    const systolic = numberAfter(text, `(?:${BP_WORD}|systolic|upper|upar wala|upar ka|ऊपर वाला)`, 25, (n) => n >= 90 && n <= 300)
    if (systolic !== undefined) readings.systolic = systolic
  }
  // Values under 35 are mmol/L when the message says so (clinical.md §1.6; ADA's factor 18).
  const mmol = /mmol/.test(text)
  const glucose = numberAfter(text, GLUCOSE_WORD, 40, (n) => (mmol ? n >= 1 && n < 35 : n >= 20 && n <= 1000))
  if (glucose !== undefined) readings.glucose = mmol ? Math.round(glucose * 18) : glucose
  // A glucometer shows "HI" above its range (usually 500–600 mg/dL).
  if (
    /(?:meter|glucometer|machine|reading|मीटर)\s+(?:just |only |now |abhi |sirf )?(?:shows|showing|says|is|pe|par|mein|me|में|पर)?\s*(?:hi|हाई)(?![\p{L}\p{M}])/u.test(text) ||
    /(?:sugar|glucose|शुगर)\s+(?:hi|हाई)\s+(?:dikha|dikh|aa|likha|show|दिखा|आ|लिखा)/u.test(text)
  ) {
    readings.glucoseMeterHigh = true
  }
  const spo2 = numberAfter(text, SPO2_WORD, 25, (n) => n >= 50 && n <= 100)
  if (spo2 !== undefined) readings.spo2 = spo2
  const heartRate = numberAfter(text, HEART_RATE_WORD, 30, (n) => n >= 20 && n <= 250)
  if (heartRate !== undefined) readings.heartRate = heartRate
  const other = OTHER_PERSON.exec(text)
  if (other) readings.someoneElse = other[1]
  return readings
}

/** The readings as a caregiver reads them in an alert: "blood sugar 480 mg/dL, BP 196/124 mmHg". */
export function describeReadings(r: StatedReadings): string {
  const parts: string[] = []
  if (r.glucose !== undefined) parts.push(`blood sugar ${r.glucose} mg/dL`)
  if (r.glucoseMeterHigh) parts.push('blood sugar above the meter\'s range ("HI")')
  if (r.systolic !== undefined) parts.push(r.diastolic !== undefined ? `BP ${r.systolic}/${r.diastolic} mmHg` : `BP ${r.systolic} mmHg (top number)`)
  if (r.spo2 !== undefined) parts.push(`oxygen ${r.spo2}%`)
  return parts.join(', ')
}
