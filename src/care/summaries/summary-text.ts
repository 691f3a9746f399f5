import { VITAL_WORDS, type HeadlineReason, type Severity, type SummaryAction, type SummaryFacts, type VitalName } from './summary-facts.js'

/**
 * The daily summary as a caregiver reads it, in English or Hindi: a one-line headline naming the
 * reason, short lines per area (each only when there is something to say), and what to do. It
 * is a fixed rendering of the computed facts — every value, time and name comes from them;
 * nothing is generated here. Medicine names, symptoms and notes stay in the patient's words.
 */

export type SummaryLang = 'en' | 'hi'
export const summaryLang = (tag: string | undefined): SummaryLang => (tag?.toLowerCase().startsWith('hi') ? 'hi' : 'en')

export interface SummaryText {
  headline: string
  /** [label, text], in a fixed order: doses, readings, food and water, sleep, mood and symptoms, alerts. */
  lines: [string, string][]
  what_to_do: string[]
}

const VITAL: Record<SummaryLang, Record<VitalName, string>> = {
  en: VITAL_WORDS,
  hi: {
    blood_pressure: 'ब्लड प्रेशर',
    blood_sugar: 'शुगर',
    heart_rate: 'नब्ज़',
    temperature: 'तापमान',
    spo2: 'ऑक्सीजन',
    weight_kg: 'वज़न',
  },
}

/** A flagged reading's words, by vital and category (clinical-thresholds.ts). */
const FLAG: Record<SummaryLang, Partial<Record<VitalName, Record<string, string>>>> = {
  en: {
    blood_pressure: { crisis: 'very high blood pressure', stage_2: 'high blood pressure', hypotension: 'low blood pressure' },
    blood_sugar: {
      level_2_low: 'dangerously low blood sugar',
      level_1_low: 'low blood sugar',
      very_high: 'very high blood sugar',
      high: 'high blood sugar',
    },
    temperature: { very_high_fever: 'very high fever', high_fever: 'high fever', fever: 'fever', hypothermia: 'low body temperature' },
    spo2: { critical: 'dangerously low oxygen', low: 'low oxygen', below_normal: 'oxygen a little low' },
    heart_rate: { very_low: 'very slow pulse', very_high: 'very fast pulse', high: 'fast pulse' },
  },
  hi: {
    blood_pressure: { crisis: 'बहुत ऊँचा ब्लड प्रेशर', stage_2: 'ऊँचा ब्लड प्रेशर', hypotension: 'कम ब्लड प्रेशर' },
    blood_sugar: { level_2_low: 'ख़तरनाक रूप से कम शुगर', level_1_low: 'कम शुगर', very_high: 'बहुत ज़्यादा शुगर', high: 'ज़्यादा शुगर' },
    temperature: { very_high_fever: 'बहुत तेज़ बुखार', high_fever: 'तेज़ बुखार', fever: 'बुखार', hypothermia: 'शरीर का तापमान कम' },
    spo2: { critical: 'ख़तरनाक रूप से कम ऑक्सीजन', low: 'कम ऑक्सीजन', below_normal: 'ऑक्सीजन थोड़ी कम' },
    heart_rate: { very_low: 'बहुत धीमी नब्ज़', very_high: 'बहुत तेज़ नब्ज़', high: 'तेज़ नब्ज़' },
  },
}

const TIER: Record<SummaryLang, Record<string, string>> = {
  en: { emergency: 'emergency', urgent: 'urgent', attention: 'attention', info: 'info' },
  hi: { emergency: 'आपातकाल', urgent: 'ज़रूरी', attention: 'ध्यान दें', info: 'सूचना' },
}

const LABEL: Record<SummaryLang, Record<string, string>> = {
  en: {
    doses: 'Doses',
    not_measured: 'Not measured',
    food: 'Food and water',
    sleep: 'Sleep',
    mood: 'Mood and symptoms',
    alerts: 'Alerts',
    checkin: 'Check-in',
    todo: 'What to do',
  },
  hi: {
    doses: 'दवा',
    not_measured: 'जाँच नहीं हुई',
    food: 'खाना और पानी',
    sleep: 'नींद',
    mood: 'मन और तकलीफ़',
    alerts: 'अलर्ट',
    checkin: 'ख़बर',
    todo: 'क्या करें',
  },
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const list = (items: string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`
const dose = (d: { name: string; dosage: string | null }) => `${d.name}${d.dosage ? ` ${d.dosage}` : ''}`
const flagWord = (lang: SummaryLang, vital: VitalName, category: string | null) =>
  (category && FLAG[lang][vital]?.[category]) || (lang === 'hi' ? 'सामान्य से अलग' : 'out of range')
/** A flagged value is marked so it stands out in any channel, text included. */
const mark = (lang: SummaryLang, vital: VitalName, r: { severity: Severity; category: string | null }) =>
  r.severity === 'normal' ? '' : ` ⚠ ${flagWord(lang, vital, r.category)}`

function headlineOf(f: SummaryFacts, lang: SummaryLang): string {
  const r: HeadlineReason = f.headline_reason
  const hi = lang === 'hi'
  switch (r.type) {
    case 'reading': {
      const word = flagWord(lang, r.vital, r.category)
      return hi ? `${cap(word)}: ${r.value} ${r.unit}, ${r.time} बजे` : `${cap(word)} of ${r.value} ${r.unit} at ${r.time}`
    }
    case 'alert':
      return hi ? `${r.title} (${r.time} बजे)` : `${r.title} at ${r.time}`
    case 'no_checkin':
      if (hi) return f.complete ? 'पूरे दिन कोई ख़बर नहीं' : 'आज अभी तक कोई ख़बर नहीं'
      return f.complete ? 'No check-in all day' : 'No check-in so far today'
    case 'missed_doses': {
      const one = r.doses.length === 1
      const items = r.doses.map((d) => (hi ? `${dose(d)} (${d.time})` : `${one ? dose(d) : d.name} at ${d.time}`))
      if (hi) return `छूटी खुराक: ${list(items, 'और')}`
      return one ? `Missed ${items[0]}` : `Missed ${r.doses.length} doses: ${list(items, 'and')}`
    }
    case 'readings_not_taken': {
      const words = list(r.vitals.map((v) => VITAL[lang][v]), hi ? 'और' : 'or')
      return hi ? `आज ${words} की जाँच नहीं हुई` : `No ${words} reading`
    }
    case 'ok': {
      const doses = r.doses_scheduled > 0
      const readings = r.readings > 0
      if (hi) {
        if (doses && readings) return 'सभी खुराकें ली गईं, जाँच सामान्य'
        if (doses) return 'सभी खुराकें ली गईं'
        if (readings) return 'जाँच सामान्य'
        return 'ख़बर मिली, चिंता की कोई बात नहीं'
      }
      if (doses && readings) return 'All doses taken, readings in range'
      if (doses) return 'All doses taken'
      if (readings) return 'Readings in range'
      return 'Checked in, nothing of concern'
    }
  }
}

function doseLine(f: SummaryFacts, lang: SummaryLang): string | undefined {
  const m = f.medication
  if (!m.scheduled) return undefined
  const hi = lang === 'hi'
  const parts = [hi ? `${m.scheduled} में से ${m.taken} ली गईं` : `${m.taken} of ${m.scheduled} taken`]
  const at = (name: string, time: string) => (hi ? `${name} (${time})` : `${name} at ${time}`)
  if (m.missed_doses.length) parts.push(`${hi ? 'छूटी' : 'missed'} ${list(m.missed_doses.map((d) => at(dose(d), d.time)), hi ? 'और' : 'and')}`)
  if (m.skipped_doses.length) {
    const skipped = m.skipped_doses.map((d) => `${at(d.name, d.time)}${d.reason ? ` (“${d.reason}”)` : ''}`)
    parts.push(`${hi ? 'छोड़ी' : 'skipped'} ${list(skipped, hi ? 'और' : 'and')}`)
  }
  if (m.due_doses.length) parts.push(`${hi ? 'अभी बाक़ी' : 'still due'} ${list(m.due_doses.map((d) => at(d.name, d.time)), hi ? 'और' : 'and')}`)
  if (m.adherence_7d_pct !== null) parts.push(hi ? `7 दिन में ${m.adherence_7d_pct}%` : `${m.adherence_7d_pct}% over 7 days`)
  return parts.join('; ')
}

/** A vital's line: the value (one reading) or the range with its extremes and times; flagged values marked. */
function vitalLines(f: SummaryFacts, lang: SummaryLang): [string, string][] {
  const hi = lang === 'hi'
  const out: [string, string][] = []
  const at = (v: string, time: string) => (hi ? `${v} (${time})` : `${v} at ${time}`)
  const readingsWord = (n: number) => (hi ? `${n} जाँच` : `${n} readings`)
  const bp = f.vitals.blood_pressure
  if (bp?.readings.length) {
    const show = (r: { systolic: number; diastolic: number }) => `${r.systolic}/${r.diastolic}`
    const flagged = (time: string) => bp.readings.find((r) => r.time === time && r.severity !== 'normal')
    const marked = (r: { systolic: number; diastolic: number; time: string }, unit = '') => {
      const f_ = flagged(r.time)
      return `${at(`${show(r)}${unit}`, r.time)}${f_ ? mark(lang, 'blood_pressure', f_) : ''}`
    }
    let text: string
    if (bp.readings.length === 1) text = marked(bp.low!, ' mmHg')
    else {
      const range = `${show(bp.low!)}–${show(bp.high!)} mmHg, ${readingsWord(bp.readings.length)}`
      text = `${range}; ${hi ? 'सबसे कम' : 'lowest'} ${marked(bp.low!)}, ${hi ? 'सबसे ज़्यादा' : 'highest'} ${marked(bp.high!)}`
    }
    if (bp.previous_7d_mean) text += `; ${hi ? 'पिछले 7 दिन औसत' : 'previous 7 days on average'} ${show(bp.previous_7d_mean)}`
    out.push([cap(VITAL[lang].blood_pressure), text])
  }
  for (const name of ['blood_sugar', 'heart_rate', 'temperature', 'spo2', 'weight_kg'] as const) {
    const v = f.vitals[name]
    if (!v?.readings.length) continue
    const unit = v.unit === '%' ? '%' : ` ${v.unit}`
    const flagged = (time: string, value: number) => v.readings.find((r) => r.time === time && r.value === value && r.severity !== 'normal')
    const marked = (r: { value: number; time: string }) => {
      const f_ = flagged(r.time, r.value)
      return `${at(`${r.value}${unit}`, r.time)}${f_ ? mark(lang, name, f_) : ''}`
    }
    let text: string
    if (v.readings.length === 1) text = marked(v.low!)
    else {
      const range = `${v.low!.value}–${v.high!.value}${unit}, ${readingsWord(v.readings.length)}`
      text = `${range}; ${hi ? 'सबसे कम' : 'lowest'} ${marked(v.low!)}, ${hi ? 'सबसे ज़्यादा' : 'highest'} ${marked(v.high!)}`
    }
    if (v.previous_7d_mean !== null) text += `; ${hi ? 'पिछले 7 दिन औसत' : 'previous 7 days on average'} ${v.previous_7d_mean}${unit}`
    out.push([cap(VITAL[lang][name]), text])
  }
  if (f.readings_not_taken.length) {
    const usual = f.readings_not_taken.map((r) =>
      hi
        ? `${VITAL[lang][r.vital]} (आम तौर पर ${f.baseline_days} में से ${r.days_measured_in_previous_7} दिन)`
        : `${VITAL[lang][r.vital]} (usually measured, ${r.days_measured_in_previous_7} of the previous ${f.baseline_days} days)`,
    )
    out.push([LABEL[lang].not_measured!, usual.join(', ')])
  }
  return out
}

function foodLine(f: SummaryFacts, lang: SummaryLang): string | undefined {
  const hi = lang === 'hi'
  const parts: string[] = []
  if (f.meals.count) {
    const kcal = f.meals.calories ? `, ${hi ? 'लगभग' : 'about'} ${f.meals.calories} kcal${f.meals.calories_estimated ? (hi ? ' (अनुमान)' : ' (estimated)') : ''}` : ''
    const meals = f.meals.items.map((i) => `${i.time} ${i.description}`).join('; ')
    parts.push(`${hi ? `${f.meals.count} बार खाना` : `${f.meals.count} ${f.meals.count === 1 ? 'meal' : 'meals'}`}${kcal} (${meals})`)
  }
  if (f.water_ml) parts.push(`${f.water_ml} ml ${hi ? 'पानी' : 'water'}`)
  return parts.length ? parts.join('; ') : undefined
}

function sleepLine(f: SummaryFacts, lang: SummaryLang): string | undefined {
  const quality = (q: string | null) => (q && lang === 'hi' ? ({ poor: 'ख़राब', fair: 'ठीक', good: 'अच्छी', excellent: 'बहुत अच्छी' }[q] ?? q) : q)
  const items = f.sleep.map((x) =>
    [x.duration_hours !== null ? `${x.duration_hours} h` : '', x.quality ? `(${quality(x.quality)})` : '', x.notes ? `“${x.notes}”` : '']
      .filter(Boolean)
      .join(' '),
  )
  return items.length ? items.join('; ') : undefined
}

function moodLine(f: SummaryFacts, lang: SummaryLang): string | undefined {
  const hi = lang === 'hi'
  const moodWord = (m: string) =>
    hi ? ({ very_bad: 'बहुत ख़राब', bad: 'ख़राब', neutral: 'ठीक', good: 'अच्छा', very_good: 'बहुत अच्छा' }[m] ?? m) : m.replace('_', ' ')
  const at = (time: string) => (hi ? ` (${time})` : ` at ${time}`)
  const moods = f.mood.map((x) => `${hi ? 'मन' : 'mood'} ${moodWord(x.mood)}${at(x.time)}${x.notes ? `: “${x.notes}”` : ''}`)
  const severity = (s: string | null) => (s && hi ? ({ mild: 'हल्की', moderate: 'मध्यम', severe: 'तेज़' }[s] ?? s) : s)
  const symptoms = f.symptoms.map((x) => `“${x.name}”${at(x.time)}${x.severity ? ` (${severity(x.severity)})` : ''}${x.notes ? `: “${x.notes}”` : ''}`)
  const all = [...moods, ...symptoms]
  return all.length ? all.join('; ') : undefined
}

function alertsLine(f: SummaryFacts, lang: SummaryLang): string | undefined {
  const hi = lang === 'hi'
  const items = f.alerts.map((a) => {
    const who = a.acknowledged_by
    const ack = a.acknowledged
      ? hi
        ? ` — ${who ? `${who} ने ` : ''}${a.acknowledged_at ?? ''} बजे देखा`
        : ` — acknowledged${who ? ` by ${who}` : ''}${a.acknowledged_at ? ` at ${a.acknowledged_at}` : ''}`
      : hi
        ? ' — अभी किसी ने नहीं देखा'
        : ' — not acknowledged'
    return `${a.time} ${TIER[lang][a.tier] ?? a.tier}: ${a.title}${ack}`
  })
  return items.length ? items.join('; ') : undefined
}

function actionText(a: SummaryAction, lang: SummaryLang): string {
  const hi = lang === 'hi'
  switch (a.type) {
    case 'call_now':
      return hi
        ? 'उन्हें अभी फ़ोन करें; जवाब न मिले या तबीयत ठीक न हो तो 112 या 108 पर कॉल करें।'
        : 'Call them now; if they do not answer or feel unwell, call 112 or 108.'
    case 'ask_remeasure':
      return hi
        ? `उनसे ${VITAL.hi[a.vital]} फिर से नापने को कहें; वैसा ही रहे तो आज ही डॉक्टर से बात करें।`
        : `Ask them to measure their ${VITAL.en[a.vital]} again; if it stays like this, call their doctor today.`
    case 'check_in':
      return hi ? 'उन्हें फ़ोन या संदेश करके हालचाल पूछें।' : 'Call or message them to check they are all right.'
    case 'ask_about_doses':
      return hi
        ? `पूछें कि ${list(a.names, 'और')} ली या नहीं; छूटी खुराक की भरपाई के लिए दोहरी खुराक न लें — डॉक्टर या फ़ार्मासिस्ट से पूछें।`
        : `Ask whether they took ${list(a.names, 'and')}; a missed dose is not made up with a double one — ask their doctor or pharmacist.`
    case 'ask_for_readings':
      return hi
        ? `याद दिलाएँ कि ${list(a.vitals.map((v) => VITAL.hi[v]), 'और')} की जाँच करें।`
        : `Remind them to measure their ${list(a.vitals.map((v) => VITAL.en[v]), 'and')}.`
    case 'acknowledge':
      return hi
        ? 'Podd में अलर्ट स्वीकार करें ताकि बाक़ी लोग जानें कि कोई देख रहा है।'
        : 'Acknowledge the alerts in Podd so others know someone is on it.'
  }
}

/** The summary's headline, lines and what to do, in the caregiver's language. */
export function summaryText(f: SummaryFacts, lang: SummaryLang): SummaryText {
  const L = LABEL[lang]
  const lines: [string, string][] = []
  const add = (label: string, text: string | undefined) => text && lines.push([label, text])
  add(L.doses!, doseLine(f, lang))
  lines.push(...vitalLines(f, lang))
  add(L.food!, foodLine(f, lang))
  add(L.sleep!, sleepLine(f, lang))
  add(L.mood!, moodLine(f, lang))
  add(L.alerts!, alertsLine(f, lang))
  if (!f.checked_in) add(L.checkin!, lang === 'hi' ? 'कुछ दर्ज नहीं हुआ, कोई संदेश नहीं' : 'nothing logged or said')
  const asOf = f.complete ? '' : lang === 'hi' ? ` (अभी तक, ${f.as_of_local} बजे)` : ` (so far, as of ${f.as_of_local})`
  return { headline: `${headlineOf(f, lang)}${asOf}`, lines, what_to_do: f.actions.map((a) => actionText(a, lang)) }
}

/** The label of the "what to do" part, for renderings that list it. */
export const whatToDoLabel = (lang: SummaryLang) => LABEL[lang].todo!

/**
 * The offline narrative: the headline, then what to do. Short on purpose: the lines carry the
 * rest, and a caregiver reading only this knows why the day was what it was.
 */
export function templateNarrativeText(f: SummaryFacts, lang: SummaryLang): string {
  const t = summaryText(f, lang)
  const stop = lang === 'hi' ? '।' : '.'
  return [`${t.headline}${stop}`, ...t.what_to_do].join(' ')
}
