import type { Plan, PlanContext } from '../plan.js'
import { whenPhrase } from '../../language/when-phrase.js'

const METRIC_WORDS: [RegExp, string][] = [
  [/\b(?:bp|blood pressure|pressure)\b/, 'blood_pressure'],
  [/\b(?:sugar|glucose|bsl|rbs|fbs)\b/, 'blood_sugar'],
  [/\b(?:pulse|heart ?rate)\b/, 'heart_rate'],
  [/\b(?:temperature|temp|fever|bukhar)\b/, 'temperature'],
  [/\b(?:spo2|oxygen|saturation)\b/, 'spo2'],
  [/\b(?:weight|wazan|vajan)\b/, 'weight'],
]

const PERIOD_WORDS: [RegExp, string][] = [
  [/\b(?:yesterday|kal)\b/, 'yesterday'],
  [/\b(?:today|aaj|this morning|tonight)\b/, 'today'],
  [/\bthis week\b/, 'this_week'],
  [/\b(?:last|past) (?:7 days|week|seven days)\b/, 'last_7_days'],
  [/\bthis month\b/, 'this_month'],
  [/\b(?:last|past) (?:30 days|month|thirty days)\b/, 'last_30_days'],
]

const QUESTION = /\?|^(?:what|how|show|tell|list|was|were|did|is|are|kya|kitna|kitni)\b|\b(?:what was|what were|what is|what's|how (?:was|is|are|were)|show me|tell me|history|trend|average|kya tha|kitna tha|kitni thi)\b/

const SUGAR_CONTEXTS: [RegExp, string][] = [
  [/\b(?:fasting|empty stomach|khali pet|khaali pet|before breakfast|fbs)\b/, 'fasting'],
  [/\b(?:after (?:lunch|dinner|breakfast|food|meal|meals|eating|khana)|post ?(?:meal|prandial|lunch|dinner)|pp|ppbs|khane ke baad|after)\b/, 'after_meal'],
  [/\b(?:before (?:lunch|dinner|food|meal|eating)|khane se pehle)\b/, 'before_meal'],
  [/\b(?:bedtime|before bed|before sleeping|sone se pehle)\b/, 'bedtime'],
  [/\b(?:random|rbs)\b/, 'random'],
]

const SYMPTOMS = /\b(?:dizzy|dizziness|chakkar|headache|sir dard|blurred vision|breathless|short of breath|weak|weakness|sweating|shaking|palpitations|nausea|tired)\b/g

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s))

/** Numbers, units and context of the readings in a patient's words. */
export function parseReadings(t: string): Record<string, unknown> {
  const args: Record<string, unknown> = {}
  const bp =
    /(?:\b(?:bp|blood pressure|pressure)\b[^0-9]{0,25})?\b(\d{2,3})\s*(?:\/|over|by|upon|on)\s*(\d{2,3})\b/.exec(t) ??
    /\b(?:bp|blood pressure|pressure)\b[^0-9]{0,15}(\d{2,3})[ ,-]+(\d{2,3})\b/.exec(t)
  if (bp && Number(bp[1]) > Number(bp[2])) {
    args.blood_pressure_systolic = num(bp[1])
    args.blood_pressure_diastolic = num(bp[2])
  }
  const pulse = /\b(?:pulse|heart ?rate|hr)\b[^0-9]{0,12}(\d{2,3})\b/.exec(t) ?? /\b(\d{2,3})\s*bpm\b/.exec(t)
  if (pulse) args.heart_rate = num(pulse[1])

  const sugar = /\b(?:sugar|glucose|bsl|rbs|fbs|ppbs)\b[^0-9/]{0,20}(\d{1,3}(?:\.\d+)?)\b(?!\s*(?:\/|over|kg|%|bpm))/.exec(t)
  if (sugar) {
    const value = Number(sugar[1])
    args.blood_sugar = value
    // A value under 35 is almost certainly mmol/L (clinical.md §1.6).
    if (/\bmmol/.test(t) || (value < 35 && /\./.test(sugar[1]!))) args.blood_sugar_unit = 'mmol/L'
    else if (value < 35 && !/\bmg/.test(t)) args.blood_sugar_unit = 'mmol/L'
    const context = SUGAR_CONTEXTS.find(([re]) => re.test(t))
    if (context) args.blood_sugar_context = context[1]
  }

  const temp =
    /\b(?:temperature|temp|fever|bukhar|bukhaar|tapman|thermometer)\b[^0-9]{0,20}(\d{2,3}(?:\.\d+)?)\s*(?:°\s*|degrees?\s*|deg\s*)?(f|c|fahrenheit|celsius)?\b/.exec(t) ??
    /\b(\d{2,3}(?:\.\d+)?)\s*(?:°\s*|degrees?\s*)(f|c|fahrenheit|celsius)?\b/.exec(t)
  if (temp) {
    args.temperature = Number(temp[1])
    const unit = temp[2]?.[0]
    if (unit === 'f') args.temperature_unit = 'F'
    else if (unit === 'c') args.temperature_unit = 'C'
  }

  const spo2 = /\b(?:spo2|sp02|oxygen|saturation|o2|sats?)\b[^0-9]{0,15}(\d{2,3})\b/.exec(t) ?? /\b(\d{2,3})\s*%\s*(?:oxygen|spo2|saturation)\b/.exec(t)
  if (spo2 && Number(spo2[1]) <= 100) args.spo2 = num(spo2[1])

  const weight =
    /\b(?:weight|weigh|weighed|wt|wazan|vajan)\b[^0-9]{0,15}(\d{2,3}(?:\.\d+)?)\s*(kg|kgs|kilos?|kilograms?|lbs?|pounds?)?\b/.exec(t) ??
    /\b(\d{2,3}(?:\.\d+)?)\s*(kg|kgs|kilos?|kilograms?|lbs?|pounds?)\b/.exec(t)
  if (weight) {
    args.weight = Number(weight[1])
    if (weight[2] && /^(?:lb|pound)/.test(weight[2])) args.weight_unit = 'lb'
  }

  const symptoms = [...new Set(t.match(SYMPTOMS) ?? [])]
  if (symptoms.length && Object.keys(args).length) args.symptoms = symptoms
  const when = whenPhrase(t)
  if (when && Object.keys(args).length) args.when = when
  return args
}

const YES = /^(?:yes|yeah|yep|yup|haan|han|ha|ji|correct|right|sahi|exactly|that'?s right)\b/

/**
 * A reply to Podd's question: "yes" to "did you mean 150/90?" confirms that reading, and a bare
 * number answering "what was the reading?" belongs to the metric asked about.
 */
function answerToQuestion(ctx: PlanContext): Record<string, unknown> {
  const asked = ctx.answeringQuestion
  if (!asked) return {}
  const meant = /did you mean (bp \d{2,3}\/\d{2,3})/.exec(asked.question)?.[1]
  if (meant && YES.test(ctx.text)) return parseReadings(meant)
  if (!/\d/.test(ctx.text)) return {}
  const metric = METRIC_WORDS.find(([re]) => re.test(asked.previous))?.[0]
  return metric ? parseReadings(`${metric.source.includes('sugar') ? 'sugar' : metric.source.includes('bp') ? 'bp' : metric.source.includes('pulse') ? 'pulse' : metric.source.includes('temperature') ? 'temperature' : metric.source.includes('spo2') ? 'spo2' : 'weight'} ${ctx.text}`) : {}
}

/** Readings to log, a question about past readings, or a request for the numbers. */
export function planVitals(ctx: PlanContext): Plan {
  const t = ctx.text
  let readings = parseReadings(t)
  if (Object.keys(readings).filter((k) => k !== 'when').length === 0) readings = answerToQuestion(ctx)
  // "BP 15090": the slash was lost; read it back instead of guessing (clinical.md §1.6).
  const run = /\b(?:bp|blood pressure|pressure)\b\D{0,10}(\d{2,3})(\d{2,3})\b/.exec(t)
  if (!readings.blood_pressure_systolic && run && Number(run[1]) > Number(run[2])) {
    return { calls: [], reply: `Did you mean BP ${run[1]}/${run[2]}? Please confirm, or send the reading like "BP 150/90".`, asked: true }
  }
  const hasReading = Object.keys(readings).some((k) => k !== 'when' && k !== 'symptoms')
  if (hasReading && ctx.tools.has('log_vitals')) return { calls: [{ name: 'log_vitals', args: readings }] }

  const metric = METRIC_WORDS.find(([re]) => re.test(t))?.[1]
  if (ctx.tools.has('get_vitals_history') && (QUESTION.test(t) || /\b(?:readings?|vitals)\b/.test(t))) {
    const period = PERIOD_WORDS.find(([re]) => re.test(t))?.[1]
    const args: Record<string, unknown> = {}
    if (metric) args.metric = metric
    if (period) args.period = period
    return { calls: [{ name: 'get_vitals_history', args }] }
  }
  if (metric) {
    const examples: Record<string, string> = {
      blood_pressure: '"BP 130/85"',
      blood_sugar: '"sugar 140 fasting"',
      heart_rate: '"pulse 72"',
      temperature: '"temperature 100.2 F"',
      spo2: '"oxygen 96"',
      weight: '"weight 68 kg"',
    }
    return { calls: [], reply: `What was the reading? You can say it like ${examples[metric]}.`, asked: true }
  }
  return { calls: [], reply: 'I can log your blood pressure, sugar, pulse, temperature, oxygen and weight. What was the reading?', asked: true }
}
