import { normalizePayload } from '../../memory/normalize-payload.js'
import { negatedNumbers, type EditIntent } from '../../language/edits.js'
import { whenPhrase } from '../../language/when-phrase.js'
import { entryDay, planEdit, splitDenial, type EditReading } from '../plan-edits.js'
import type { Plan, PlanContext, RecentEntry } from '../plan.js'
import { whyNotARecord } from '../../language/not-a-record.js'
import { adviceFor, describeReading, MEANT_READING, say, vitalsReplies, VITALS_TEXTS } from './vitals-texts.js'
import { vitalsPayload } from './vitals-payload.js'
import { DAY_BEFORE } from '../../language/follow-up.js'

const METRIC_WORDS: [RegExp, string][] = [
  [/\b(?:bp|blood pressure|pressure)\b/, 'blood_pressure'],
  [/\b(?:hba1c|a1c)\b/, 'hba1c'],
  [/\b(?:sugar|glucose|bsl|rbs|fbs|ppbs)\b/, 'blood_sugar'],
  [/\b(?:pulse|heart ?rate)\b/, 'heart_rate'],
  [/\b(?:temperature|temp|fever|bukhar)\b/, 'temperature'],
  [/\b(?:spo2|oxygen|saturation)\b/, 'spo2'],
  [/\b(?:weight|wazan|vajan|wajan)\b/, 'weight'],
]

const PERIOD_WORDS: [RegExp, string][] = [
  [/\b(?:day before yesterday|parson|parso|parsoon)\b/, 'day_before_yesterday'],
  [/\b(?:yesterday|kal|last night)\b/, 'yesterday'],
  [/\b(?:today|aaj|this morning|tonight)\b/, 'today'],
  // "Since last week", "pichhle hafte se": a change from last week's readings, so both weeks.
  [/\bsince last week\b|\b(?:pichle|pichhle|pichhale) hafte se\b/, 'last_14_days'],
  [/\b(?:this week|is hafte|iss hafte|is week)\b/, 'this_week'],
  [/\b(?:last|past) (?:7 days|week|seven days)\b|\b(?:pichle|pichhle|pichhale) (?:(?:7|saat) (?:din|dino|dinon)|hafte|hafta)\b/, 'last_7_days'],
  [/\b(?:last|past) (?:2|two) weeks\b|\b14 days\b/, 'last_14_days'],
  [/\b(?:last|past) (?:4|four) weeks\b|\b28 days\b/, 'last_28_days'],
  [/\bthis month\b/, 'this_month'],
  [/\b(?:last|past) (?:30 days|month|thirty days)\b/, 'last_30_days'],
]

/** What a question about readings asks for: the last one, an average, a trend… (default: list them). */
const STATS: [RegExp, string][] = [
  [/\b(?:average|avg|mean|ausat)\b/, 'average'],
  [/\b(?:highest|maximum|max|peak|sabse zyada)\b/, 'highest'],
  [/\b(?:lowest|minimum|min|sabse kam)\b/, 'lowest'],
  [/\b(?:how many times|how often|kitni (?:baar|bar|bar)|kitne baar|count)\b/, 'count'],
  [/\b(?:trend|getting better|getting worse|improving|better|worse|changed|change|lost|gained|kam ho rah\w*|badh rah\w*|going (?:up|down)|badla|badli|badal\w*)\b/, 'trend'],
  [/\b(?:latest|aakhri|akhri|pichla|pichli|most recent|current)\b|\blast\b(?! (?:\d+|two|four|seven|thirty)? ?(?:week|weeks|month|days|night))|^what'?s my\b|^what is my\b/, 'last'],
]

const QUESTION = /\?|^(?:what|how|show|tell|list|was|were|did|is|are|kya|kitna|kitni)\b|\b(?:batao|bataiye|bata do|dikhao|dikhaiye|dikha do|sunao)\b|\b(?:what was|what were|what is|what's|how (?:was|is|are|were)|show me|tell me|history|trend|average|kya tha|kitna tha|kitni thi)\b/

/** Contexts of a sugar reading, lab shorthand included (FBS fasting, PPBS/PP after a meal, RBS random). */
const SUGAR_CONTEXTS: [RegExp, string][] = [
  [/\b(?:fasting|empty stomach|khali pet|khaali pet|before breakfast|fbs|nasht[ae] se pehle)\b/, 'fasting'],
  // "2 hours after breakfast" and "nashte ke 2 ghante baad" read with the hours masked ("nashte ke · baad").
  [/\b(?:after (?:lunch|dinner|breakfast|food|meal|meals|eating|khana)|post ?(?:meal|prandial|lunch|dinner)|pp|ppbs|(?:khane?|nasht[ae]|lunch|dinner|breakfast|bhojan) (?:ke )?(?:\S+ )?(?:baad|bad)|after)\b/, 'after_meal'],
  [/\b(?:before (?:lunch|dinner|food|meal|eating)|khane se pehle)\b/, 'before_meal'],
  [/\b(?:bedtime|before bed|before sleeping|sone se pehle)\b/, 'bedtime'],
  [/\b(?:random|rbs)\b/, 'random'],
]
const SUGAR_LABEL = /\b(?:sugar|glucose|bsl|fbs|ppbs|rbs|pp|fasting|random|after (?:breakfast|lunch|dinner|food|meal|meals|eating)|before (?:breakfast|lunch|dinner|food|meal)|post ?meal)\b/g

const SYMPTOMS = /\b(?:dizzy|dizziness|chakkar|headache|sir dard|blurred vision|breathless|short of breath|weak|weakness|sweating|sweaty|shaking|shaky|palpitations|nausea|tired)\b/g
const NEGATED = /\b(?:no|not|without|nahi|nahin|koi)\s+(?:\w+\s+)?$/

/** A weight said as a change ("lost 2 kg", "gained 3 kilos", "2 kilo kam hua"), not as a reading. */
export const WEIGHT_CHANGE =
  /\b(?:lost|gained|lose|gain|losing|gaining|reduced|dropped|put on|down by|up by|kam kiya|ghataya)\s+(?:about |around |almost |nearly )?\d+(?:\.\d+)?\s*(?:kg|kgs|kilos?|kilograms?|lbs?|pounds?)\b|\b\d+(?:\.\d+)?\s*(?:kg|kgs|kilos?|lbs?|pounds?)\s+(?:kam|ghat\w*|badh\w*|zyada|less|more|down|up|lost|gained)\b/g

/** Words that say a number may be misread ("350 or 35", "maybe machine error", "dikh nahi raha"). */
const DOUBT = /\b(?:maybe|shayad|not clear|unclear|not sure|can'?t read|cannot read|could not read|dikh nahi|machine error|error|faulty|galat machine)\b|\?\?|\b\d+(?:\.\d+)? (?:or|ya) \d+/

/**
 * Durations, times of day, ages, counts and room numbers hidden, so "sugar 45 minutes after
 * lunch was 160" reads 160, never 45: a number next to another number is a reading only when
 * nothing says it is something else.
 */
export function maskNonReadings(t: string): string {
  return t
    // A change is not a reading: "lost 2 kg", "2 kilo kam hua", "down by 10 points"; "from 8.1 to 7.3" is 7.3 now.
    .replace(WEIGHT_CHANGE, ' · ')
    .replace(/\b(?:went |came |come |has come |dropped |gone |fell |rose |improved |increased |reduced |decreased )?(?:down |up )?from \d+(?:\.\d+)?(?:\s*\/\s*\d+)?\s*(?:%|kg|kgs|mg\/dl|mg)?\s*(?=(?:down |up )?to \d)/g, ' · ')
    .replace(/\b\d+(?:\.\d+)?(?:\s*\/\s*\d+)?\s*(?:%|kg|kilo)?\s+se\s+(?=(?:ghat\w*\s+|kam\s+ho\w*\s+|badh\w*\s+)?\d)/g, ' · ')
    .replace(/\b\d+(?:\.\d+)?\s*(?:minutes?|mins?|min|hours?|hrs?|hr|h|ghante|ghanta|ghnte|days?|weeks?|months?|years?(?: old)?|yrs?|saal|din)\b/g, ' · ')
    .replace(/\b(?:at|around|@)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock|baje)?(?!\s*(?:\/|over|kg|lbs?|mg|%|bpm|mmol|f\b|c\b|degrees?))/g, ' · ')
    .replace(/\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock|baje)\b/g, ' · ')
    .replace(/\b\d+\s*(?:tablets?|pills?|steps|times|glasses|rotis?|idlis?|units|baar|bar|dafa|dafe|goli|goliyan|kadam)\b/g, ' · ')
    .replace(/\b(?:room|ward|bed|floor|no\.|number)\s*\d+\b/g, ' · ')
    .replace(/\b(?:twice|thrice|once)\b/g, ' · ')
    .replace(/\s+/g, ' ')
}

export type Reading = Record<string, unknown>

interface SugarValue {
  value: number
  index: number
  context?: string
}

function sugarValues(t: string): SugarValue[] {
  const found: SugarValue[] = []
  for (const label of t.matchAll(SUGAR_LABEL)) {
    const from = label.index! + label[0].length
    const m = /^[^0-9/]{0,25}?(\d{1,3}(?:\.\d+)?)\b(?!\s*(?:\/|over|by|kg|%|bpm|\d))/.exec(t.slice(from))
    if (!m) continue
    const index = from + m.index + m[0].length - m[1]!.length
    if (found.some((f) => f.index === index)) continue
    found.push({ value: Number(m[1]), index })
  }
  found.sort((a, b) => a.index - b.index)
  // Each value's context is the last one said since the previous value; a lone value may have it after.
  let start = 0
  for (const f of found) {
    const before = t.slice(start, f.index)
    f.context = SUGAR_CONTEXTS.map(([re, c]) => ({ c, at: before.search(re) })).filter((x) => x.at >= 0).sort((a, b) => b.at - a.at)[0]?.c
    start = f.index + String(f.value).length
  }
  if (found.length === 1 && !found[0]!.context) found[0]!.context = SUGAR_CONTEXTS.find(([re]) => re.test(t))?.[1]
  return found
}

/** The readings in a patient's words, one per measurement taken (two BPs are two readings). */
export function parseReadings(text: string): Reading[] {
  const t = maskNonReadings(text)
  const readings: Reading[] = []
  const first: Reading = {}

  const bps = [...t.matchAll(/(?:\b(?:bp|blood pressure|pressure)\b[^0-9]{0,25})?\b(\d{2,3})\s*(?:\/|over|by|upon)\s*(\d{2,3})\b/g)]
  const bare = bps.length
    ? undefined
    : // "bp 130 85", "bp 130 aur 85 thi", "pressure 150 and 95".
      (/\b(?:bp|blood pressure|pressure)\b[^0-9]{0,15}(\d{2,3})(?:[ ,-]+|\s*,?\s*\b(?:and|aur)\b\s*)(\d{2,3})\b(?![ ,-]+\d)/.exec(t) ??
      // "upar wala 145 neeche wala 92", "top 150 bottom 95", "systolic 138 diastolic 86".
      /\b(?:upar|oopar|upper|top|systolic|sys)\b(?: (?:wala|wali|vala|number|reading|one))?[^0-9]{0,8}(\d{2,3})\b[^0-9]{0,12}\b(?:neeche|niche|lower|bottom|diastolic|dia)\b(?: (?:wala|wali|vala|number|reading|one))?[^0-9]{0,8}(\d{2,3})\b/.exec(t) ??
      undefined)
  for (const m of bare ? [bare] : bps) {
    if (Number(m[1]) <= Number(m[2])) continue
    const target = first.blood_pressure_systolic === undefined ? first : {}
    target.blood_pressure_systolic = Number(m[1])
    target.blood_pressure_diastolic = Number(m[2])
    if (target !== first) readings.push(target)
  }
  const pulse = /\b(?:pulse|heart ?rate|hr)\b[^0-9]{0,12}(\d{2,3})\b/.exec(t) ?? /\b(\d{2,3})\s*bpm\b/.exec(t)
  if (pulse) first.heart_rate = Number(pulse[1])

  const a1c = /\b(?:hba1c|hb a1c|a1c|glycated|glycosylated)\b[^0-9]{0,20}(\d{1,2}(?:\.\d)?)\s*%?/.exec(t)
  if (a1c) first.hba1c = Number(a1c[1])

  for (const [i, s] of sugarValues(a1c ? t.replace(a1c[0], ' ') : t).entries()) {
    const target = i === 0 ? first : {}
    target.blood_sugar = s.value
    // A value under 35 is almost certainly mmol/L (clinical.md §1.6).
    if (/\bmmol/.test(t) || (s.value < 35 && !/\bmg/.test(t))) target.blood_sugar_unit = 'mmol/L'
    if (s.context) target.blood_sugar_context = s.context
    if (target !== first) readings.push(target)
  }

  const temp =
    /\b(?:temperature|temp|fever|bukhar|bukhaar|tapman|thermometer)\b[^0-9]{0,20}(\d{2,3}(?:\.\d+)?)\s*(?:°\s*|degrees?\s*|deg\s*)?(f|c|fahrenheit|celsius)?\b/.exec(t) ??
    /\b(\d{2,3}(?:\.\d+)?)\s*(?:°\s*|degrees?\s*)(f|c|fahrenheit|celsius)?\b/.exec(t) ??
    // "98.6 F temperature", "101 f": a unit letter alone is a temperature when the number is a body's in that unit.
    [...t.matchAll(/\b(\d{2,3}(?:\.\d+)?)\s*(f|c|fahrenheit|celsius)\b/g)].find((m) => (/^f/.test(m[2]!) ? Number(m[1]) >= 93 && Number(m[1]) <= 110 : Number(m[1]) >= 34 && Number(m[1]) <= 43)) ??
    null
  if (temp) {
    first.temperature = Number(temp[1])
    const unit = temp[2]?.[0]
    if (unit === 'f') first.temperature_unit = 'F'
    else if (unit === 'c') first.temperature_unit = 'C'
  }

  const spo2 = /\b(?:spo2|sp02|oxygen|saturation|o2|sats?|oximeter|oxi ?meter|oxy ?meter)\b[^0-9]{0,15}(0?\.\d{2}|\d{2,3})\b/.exec(t) ?? /\b(\d{2,3})\s*%\s*(?:oxygen|spo2|saturation)\b/.exec(t)
  if (spo2) {
    // "0.95 on the clip" is a fraction of 1.
    const value = Number(spo2[1]) < 1 ? Math.round(Number(spo2[1]) * 100) : Number(spo2[1])
    if (value <= 100) first.spo2 = value
  }

  const weight =
    /\b(?:weight|weigh|weighed|wt|wazan|vajan|wajan|vazan|wajn)\b[^0-9]{0,15}(\d{2,3}(?:\.\d+)?)\s*(kg|kgs|kilos?|kilograms?|lbs?|pounds?)?\b/.exec(t) ??
    /\b(\d{2,3}(?:\.\d+)?)\s*(kg|kgs|kilos?|kilograms?|lbs?|pounds?)\b/.exec(t)
  // "Lost 2 kg this month, now 74": after a change of weight, the number said as "now" is the weight.
  const weightNow = weight ? undefined : new RegExp(WEIGHT_CHANGE.source).test(t.length ? text : '') ? /\b(?:now|ab|abhi|currently|today)\b\s*(?:i am |i'm |it is |it's |is |hai |hoon |hun )?(\d{2,3}(?:\.\d+)?)\b(?!\s*(?:\/|%|bpm|mg))/.exec(t) : undefined
  if (weightNow) first.weight = Number(weightNow[1])
  if (weight) {
    first.weight = Number(weight[1])
    if (weight[2] && /^(?:lb|pound)/.test(weight[2])) first.weight_unit = 'lb'
    // "72 kilo 500 gram" is 72.5 kg: the grams said after the kilos belong to the same weight.
    const grams = weight[2] && /^(?:kg|kilo)/.test(weight[2]) ? /^\s*(?:and |aur )?(\d{1,3})\s*(?:g|gm|gms|grams?|gram)\b/.exec(t.slice(weight.index + weight[0].length)) : null
    if (grams && !/\./.test(weight[1]!)) first.weight = Number(weight[1]) + Number(grams[1]) / 1000
  }

  if (Object.keys(first).length) readings.unshift(first)
  if (readings.length === 0) return []
  const symptoms = [...new Set([...text.matchAll(SYMPTOMS)].filter((m) => !NEGATED.test(text.slice(Math.max(0, m.index! - 20), m.index))).map((m) => m[0]))]
  if (symptoms.length) readings[0]!.symptoms = symptoms
  const when = whenPhrase(text)
  if (when) for (const r of readings) r.when = when
  return readings
}

const measured = (r: Reading) => Object.keys(r).some((k) => k !== 'when' && k !== 'symptoms')

/** A reading as it would be classified, without logging it: "BP 150/90: high blood pressure (stage 2)". */
function describeSaid(r: Reading): string {
  try {
    const { payload, flags } = normalizePayload('vitals', vitalsPayload(r))
    return [describeReading(payload, flags).join(', '), ...(flags ? adviceFor(flags) : [])].join('. ')
  } catch {
    return 'that number'
  }
}

/** A reading the thread logged, said with its label and advice in the patient's language ("is that high?"). */
function describeEntry(e: RecentEntry, language: PlanContext['language']): string | undefined {
  try {
    const { reported: _r, units: _u, flags: _f, ...fields } = e.payload as Record<string, unknown>
    const { payload, flags } = normalizePayload('vitals', fields)
    return [describeReading(payload, flags, language ?? 'en').join(', '), ...(flags && (language ?? 'en') === 'en' ? adviceFor(flags) : [])].join('. ')
  } catch {
    return undefined
  }
}

/** The day before the one asked about before: "and the day before?" after "yesterday". */
const DAY_BEFORE_PERIOD: Record<string, string> = { today: 'yesterday', yesterday: 'day_before_yesterday' }

/**
 * Words leaning on the previous message ("and the day before?", "what about last week?", "is
 * that high?"): the same question about another period, or about the reading just logged.
 */
function followUpPlan(ctx: PlanContext, metric: string | undefined): Plan | undefined {
  const t = ctx.text
  const previous = ctx.followUp
  if (!previous) return undefined
  const latest = ctx.recent.filter((e) => e.kind === 'vitals').at(-1)
  if (latest && !metric && /\b(?:high|low|normal|ok|okay|fine|good|bad|dangerous|serious|worrying|a problem|zyada|kam|theek|thik)\b/.test(t)) {
    const described = describeEntry(latest, ctx.language)
    if (described) return { calls: [], reply: vitalsReplies(ctx.language).aboutLast(described) }
  }
  const earlierMetric = metric ?? METRIC_WORDS.find(([re]) => re.test(previous))?.[1]
  if (!earlierMetric || !ctx.tools.has('get_vitals_history') || !QUESTION.test(previous)) return undefined
  const earlier = historyArgs(previous, earlierMetric)
  const now = historyArgs(t, earlierMetric)
  const args: Record<string, unknown> = { ...earlier, ...now }
  if (DAY_BEFORE.test(t)) args.period = DAY_BEFORE_PERIOD[String(earlier.period ?? 'today')] ?? 'day_before_yesterday'
  return { calls: [{ name: 'get_vitals_history', args }] }
}

/** Whether a reading would raise an alert (urgent or critical, or a re-check). */
function alarming(r: Reading): boolean {
  try {
    const { flags } = normalizePayload('vitals', vitalsPayload(r))
    return !!flags && (flags.needs_recheck || flags.severity === 'urgent' || flags.severity === 'critical')
  } catch {
    return false
  }
}

const YES = /^(?:yes|yeah|yep|yup|haan|han|ha|ji|correct|right|sahi|exactly|that'?s right|हाँ|हां|जी)\b/

/**
 * A reply to Podd's question: "yes" to "did you mean 150/90?" confirms that reading, and a bare
 * number answering "what was the reading?" belongs to the metric asked about.
 */
function answerToQuestion(ctx: PlanContext): Reading[] {
  const asked = ctx.answeringQuestion
  if (!asked) return []
  const meant = MEANT_READING.exec(asked.question)?.[1]
  if (meant && YES.test(ctx.text)) return parseReadings(meant)
  if (!/\d/.test(ctx.text)) return []
  const metric = METRIC_WORDS.find(([re]) => re.test(asked.previous) || re.test(asked.question))?.[1]
  const word: Record<string, string> = { blood_pressure: 'bp', hba1c: 'hba1c', blood_sugar: 'sugar', heart_rate: 'pulse', temperature: 'temperature', spo2: 'spo2', weight: 'weight' }
  return metric ? parseReadings(`${word[metric]} ${ctx.text}`) : []
}

/** The readings named in a correction, read against the entry meant ("no, make that 140"). */
function readEdit(text: string, latest: RecentEntry | undefined, intent: EditIntent = 'correct'): EditReading {
  const { said, denied } = splitDenial(text)
  const day = entryDay(said)
  const wrong = parseReadings(denied)[0] ?? {}
  const reading: EditReading = { day }
  const fixTime = /\b(?:was|took|measured|checked|it was|that was)\b.*\b(?:yesterday|last night|this morning|in the morning|at \d|kal)\b/.test(said) || /\b(?:today|aaj)\b/.test(denied)
  const said2 = fixTime ? said : said.replace(/\b(?:this morning|yesterday'?s?|today'?s?)\b/g, ' ')
  // The last reading said is the one meant: "126/98?? no sorry 126/78".
  let changes: Reading = { ...(parseReadings(said2).at(-1) ?? {}) }
  delete changes.when
  delete changes.symptoms
  const p = latest?.payload ?? {}
  if (!measured(changes)) {
    // A bare number is the entry's own measurement: "no, make that 140" ("8.0 mmol" too).
    const denials = [...negatedNumbers(text), ...(denied && /^\d+(?:\.\d+)?$/.test(denied) ? [Number(denied)] : [])]
    const numbers = [...maskNonReadings(said2).matchAll(/\b\d{2,3}(?:\.\d+)?\b|\b\d{1,2}\.\d+\b/g)].map((m) => Number(m[0])).filter((n) => !denials.includes(n))
    const fields = ['blood_sugar', 'heart_rate', 'spo2', 'weight_kg', 'temperature', 'hba1c'].filter((f) => p[f] !== undefined)
    if (numbers.length === 1 && p.blood_pressure_systolic !== undefined && fields.length === 0) {
      changes = bpHalf(said2, numbers[0]!, denials, p)
    } else if (numbers.length === 1 && fields.length === 1) {
      const field = fields[0] === 'weight_kg' ? 'weight' : fields[0]!
      changes = { [field]: numbers[0] }
    }
  }
  // "That was fasting, not after food", "that was in pounds, not kg".
  const context = SUGAR_CONTEXTS.find(([re]) => re.test(said2))?.[1]
  if (context && p.blood_sugar !== undefined && !changes.blood_sugar_context) changes.blood_sugar_context = context
  if (/\b(?:pounds?|lbs?)\b/.test(said) && p.weight_kg !== undefined) changes.weight_unit = 'lb'
  if (/\bmmol\b/.test(said) && p.blood_sugar !== undefined) changes.blood_sugar_unit = 'mmol/L'
  if (/\b(?:fahrenheit|°f)\b/.test(said) && p.temperature !== undefined) changes.temperature_unit = 'F'
  if (fixTime) reading.when = whenPhrase(said)
  // Words that only may point back ("68 kilo likho") correct the entry only in its own fields:
  // a weight said after a BP is a new reading, not a change to the BP.
  if (intent === 'refer' && latest && !Object.keys(changes).every((f) => f === 'when' || ownField(f, p))) return { day }
  if (measured(changes)) reading.changes = changes
  const named = { ...wrong }
  delete named.when
  delete named.symptoms
  if (/\bfasting (?:one|reading|sugar)\b/.test(said) && reading.changes?.blood_sugar !== undefined) named.blood_sugar_context = 'fasting'
  if (Object.keys(named).length) reading.match = named
  return reading
}

/** Whether a change's field is one the entry has ("weight" for weight_kg, a unit for its value). */
function ownField(field: string, p: Record<string, unknown>): boolean {
  const base = field.replace(/_(?:unit|context)$/, '').replace(/^weight$/, 'weight_kg').replace(/^blood_pressure_(?:systolic|diastolic)$/, 'blood_pressure_systolic')
  return p[base] !== undefined || (base === 'weight' && p.weight_kg !== undefined)
}

/**
 * One number said against a BP: which half it replaces. "The lower number was 85", "neeche wala
 * 85" is the diastolic; "upper 140" the systolic; "85, not 95" replaces the half that was 95;
 * else the half it is nearer to ("no, make that 140" after 150/90).
 */
function bpHalf(t: string, n: number, denied: number[], p: Record<string, unknown>): Reading {
  const sys = Number(p.blood_pressure_systolic)
  const dia = Number(p.blood_pressure_diastolic)
  let half: 'sys' | 'dia'
  if (/\b(?:lower|bottom|diastolic|second|neeche|niche|nichla|neechla|doosra|dusra)\b/.test(t)) half = 'dia'
  else if (/\b(?:upper|top|systolic|first|upar|upar wala|pehla)\b/.test(t)) half = 'sys'
  else if (denied.includes(dia)) half = 'dia'
  else if (denied.includes(sys)) half = 'sys'
  else half = Math.abs(n - sys) <= Math.abs(n - dia) ? 'sys' : 'dia'
  return half === 'sys' ? { blood_pressure_systolic: n, blood_pressure_diastolic: dia } : { blood_pressure_systolic: sys, blood_pressure_diastolic: n }
}

/** The field a metric is stored under. */
const METRIC_FIELD: Record<string, string> = {
  blood_pressure: 'blood_pressure_systolic',
  blood_sugar: 'blood_sugar',
  heart_rate: 'heart_rate',
  temperature: 'temperature',
  spo2: 'spo2',
  weight: 'weight_kg',
  hba1c: 'hba1c',
}

/** "The sugar was 104 not 140" after a sugar and then a BP: this thread's latest reading of the metric named. */
function readingNamed(recent: RecentEntry[], text: string): RecentEntry | undefined {
  const metric = METRIC_WORDS.find(([re]) => re.test(text))?.[1]
  const field = metric ? METRIC_FIELD[metric] : undefined
  return field ? recent.findLast((e) => e.kind === 'vitals' && e.payload[field] !== undefined) : undefined
}

/** What to remove: the entry the words name ("yesterday's 150/95"), else the latest. */
function readRemoval(text: string): EditReading {
  const named = parseReadings(text)[0] ?? {}
  delete named.when
  delete named.symptoms
  return { day: entryDay(text), ...(measured(named) ? { match: named } : {}) }
}

/** Two periods compared: "than last week", "compared to last week", "pichhle hafte se behtar", "last week … and now". */
const COMPARE =
  /\b(?:than|compared (?:to|with)|vs\.?|versus|se (?:behtar|better|kam|zyada|achha|achhi))\b.{0,25}\b(?:last|previous|pichle|pichhle) (?:week|hafte|hafta|month|mahine)\b|\b(?:last|previous|pichle|pichhle) (?:week|hafte|hafta)\b.{0,25}\b(?:se|than|compared)\b.{0,15}\b(?:behtar|better|worse|kharab|kam|zyada|improv\w*)\b|\b(?:last|pichle|pichhle) (?:week|hafte)\b.{0,40}\b(?:and|aur|or|vs\.?|versus) (?:now|ab|abhi|this week|is hafte)\b/

/** A number the readings are held against: "below 70", "above 180", "140 se upar", "70 se kam". */
function threshold(t: string): { side: 'below' | 'above'; limit: number } | undefined {
  const en = /\b(below|under|less than|lower than|beneath|above|over|more than|higher than|cross(?:ed)?|exceed(?:ed)?)\s+(\d{2,3}(?:\.\d+)?)\b(?!\s*\/)/.exec(t)
  if (en) return { side: /^(?:below|under|less|lower|beneath)/.test(en[1]!) ? 'below' : 'above', limit: Number(en[2]) }
  const hi = /\b(\d{2,3}(?:\.\d+)?)\s+se\s+(kam|neeche|niche|upar|oopar|zyada|jyada)\b/.exec(t)
  if (hi) return { side: /^(?:kam|neeche|niche)$/.test(hi[2]!) ? 'below' : 'above', limit: Number(hi[1]) }
  return undefined
}

/** What a question about past readings asks: which metric, period, statistic, sugar context and unit. */
export function historyArgs(t: string, metric: string | undefined): Record<string, unknown> {
  const args: Record<string, unknown> = {}
  if (metric) args.metric = metric
  const days = /\b(?:last|past|pichle|pichhle|pichhale|previous)\s+(\d{1,2})\s+(?:days|din|dino|dinon)\b/.exec(t)?.[1]
  const period = days && ![7, 14, 28, 30].includes(Number(days)) && Number(days) >= 2 ? `last_${days}_days` : PERIOD_WORDS.find(([re]) => re.test(t))?.[1]
  if (period) args.period = period
  let stat = STATS.find(([re]) => re.test(t))?.[1]
  // "When did I last have fever?": the last reading that was out of range.
  if (/\b(?:when|kab)\b/.test(t) && /\b(?:fever|bukhar|high|low)\b/.test(t)) stat = 'last_high'
  // "My last 3 sugar readings": the latest few listed, from the last month when no period is said.
  if (/\blast (?:\d|two|three|four|five|few)\b (?:\w+ ){0,2}(?:readings?|values?|checks?|results?)\b/.test(t)) {
    stat = undefined
    if (!period) args.period = 'last_30_days'
  }
  // "Is my BP better this week than last week?", "pichhle hafte mera wajan kitna tha aur ab?": two periods side by side.
  if (COMPARE.test(t)) {
    stat = 'compare'
    args.period = /\bmonth|mahine\b/.test(t) ? 'last_30_days' : 'this_week'
  }
  const beyond = threshold(t)
  if (beyond) {
    stat = beyond.side
    args.threshold = beyond.limit
  }
  if (stat && !(stat === 'last' && period)) args.stat = stat
  if (/\bfasting\b|\bfbs\b|khali pet/.test(t)) args.context = 'fasting'
  else if (/\b(?:after (?:food|meal|meals|lunch|dinner|breakfast|eating)|post ?meal|pp|ppbs|(?:khane?|khana khane|nasht[ae]|lunch|dinner) (?:ke )?(?:baad|bad))\b/.test(t)) args.context = 'after_meal'
  if (/\bmmol\b/.test(t)) args.unit = 'mmol/L'
  else if (/\b(?:fahrenheit|in f)\b/.test(t)) args.unit = 'F'
  else if (/\b(?:pounds|lbs?)\b/.test(t)) args.unit = 'lb'
  return args
}

/** Readings to log, a question about past readings, a correction, or a request for the numbers. */
export function planVitals(ctx: PlanContext): Plan {
  const t = ctx.text
  const edit = planEdit(ctx, (text, latest, intent) => (intent === 'remove' ? readRemoval(text) : readEdit(text, latest, intent)), readingNamed)
  if (edit) return edit

  // "Did my sugar go below 70 anytime this week?": a question about past readings, never a reading of 70.
  const metricAsked = METRIC_WORDS.find(([re]) => re.test(t))?.[1]
  if (QUESTION.test(t) && threshold(t) && metricAsked && ctx.tools.has('get_vitals_history')) {
    return { calls: [{ name: 'get_vitals_history', args: historyArgs(t, metricAsked) }] }
  }
  let readings = parseReadings(t).filter(measured)
  if (readings.length === 0) readings = answerToQuestion(ctx).filter(measured)
  // "BP 15090": the slash was lost; read it back instead of guessing (clinical.md §1.6).
  const run = /\b(?:bp|blood pressure|pressure)\b\D{0,10}(\d{2,3})(\d{2,3})\b/.exec(t)
  if (readings.length === 0 && run && Number(run[1]) > Number(run[2])) {
    return { calls: [], reply: say(VITALS_TEXTS.runTogether, ctx.language ?? 'en', { bp: `${run[1]}/${run[2]}` }), asked: true }
  }
  const metric = METRIC_WORDS.find(([re]) => re.test(t))?.[1]
  if (readings.length === 0) {
    const followUp = followUpPlan(ctx, metric)
    if (followUp) return followUp
  }
  const asking = QUESTION.test(t) || /\b(?:readings?|vitals)\b/.test(t)
  // "Is 150/90 high?", "what would happen if my sugar went to 400?", "I will check my BP after my bath":
  // numbers asked about or planned are read back, never logged.
  const why = whyNotARecord(t)
  const SAY = vitalsReplies(ctx.language)
  if (why && (readings.length || why === 'plan')) {
    if (why === 'plan') return { calls: [], reply: SAY.later }
    return { calls: [], reply: SAY.wouldBe(readings.map((r) => describeSaid(r)).join(', ')) }
  }
  if (why === 'question' && (/\b(?:normal|target|ideal)\b/.test(t) || /\bshould (?:it|my (?:\w+ ){1,2})be\b/.test(t)) && readings.length === 0) {
    return { calls: [], reply: metric === 'blood_pressure' ? SAY.bpTargets : SAY.sugarTargets }
  }
  if (readings.length && !(asking && /^(?:what|how|show|tell|list|did|is|kya)\b/.test(t)) && ctx.tools.has('log_vitals')) {
    // A worrying number said with doubt is confirmed before it is logged or alerts anyone.
    if (DOUBT.test(t) && readings.some(alarming)) return { calls: [], reply: say(VITALS_TEXTS.doubtful, ctx.language ?? 'en'), asked: true }
    // "Sugar 25": mmol/L only by inference (no unit said), and worrying either way, so asked, not guessed.
    const guessed = readings.find((r) => r.blood_sugar_unit === 'mmol/L' && r.blood_sugar !== undefined && !/\bmmol/.test(t) && alarming(r))
    if (guessed) {
      const value = Number(guessed.blood_sugar)
      return { calls: [], reply: say(VITALS_TEXTS.unitUnsure, ctx.language ?? 'en', { value, mgdl: Math.round(value * 18) }), asked: true }
    }
    return { calls: readings.map((args) => ({ name: 'log_vitals', args })) }
  }

  if (ctx.tools.has('get_vitals_history') && asking) return { calls: [{ name: 'get_vitals_history', args: historyArgs(t, metric) }] }
  if (metric) return { calls: [], reply: say(VITALS_TEXTS.whatReading, ctx.language ?? 'en', { metric }), asked: true }
  return { calls: [], reply: say(VITALS_TEXTS.whatCanLog, ctx.language ?? 'en'), asked: true }
}
