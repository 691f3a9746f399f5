import type { Flag, VitalsFlags } from '../../memory/clinical-thresholds.js'
import type { PayloadOf } from '../../memory/event-kinds.js'
import { sayWhen } from '../../language/clock.js'
import { defineTexts, inLanguages, say, type ReplyLanguage } from '../../language/localise.js'

/**
 * What the vitals agent says in its own words (the offline planner's questions and the advice
 * its tools pass on), in one place so they can be put in the patient's language.
 */
export const VITALS_REPLIES = {
  runTogether: (bp: string) => `Did you mean BP ${bp}? Please confirm, or send the reading like "BP 150/90".`,
  doubtful:
    "That number would be worrying, and it sounds like you're not sure of it, so I haven't logged it yet. " +
    'Could you measure again and tell me the number you see? If you feel unwell, call your doctor, or 112 / 108 in an emergency.',
  whatReading: (metric: string) =>
    `What was the reading? You can say it like ${
      ({
        blood_pressure: '"BP 130/85"',
        blood_sugar: '"sugar 140 fasting"',
        heart_rate: '"pulse 72"',
        temperature: '"temperature 100.2 F"',
        spo2: '"oxygen 96"',
        weight: '"weight 68 kg"',
        hba1c: '"HbA1c 7.2"',
      } as Record<string, string>)[metric]
    }.`,
  whatCanLog: 'I can log your blood pressure, sugar, pulse, temperature, oxygen, weight and HbA1c. What was the reading?',
  wouldBe: (described: string) => `That would be ${described}. I haven't logged it; if it is your own reading, tell me and I'll note it.`,
  later: "All right. Tell me the reading when you've measured it and I'll note it.",
  aboutLast: (described: string) => `That reading: ${described.replace(/\.$/, '')}.`,
  // ADA Standards of Care (targets for most adults with diabetes) and the AHA BP categories, as in clinical.md.
  sugarTargets:
    'For most adults with diabetes the target is 80–130 mg/dL before meals (fasting) and below 180 mg/dL one to two hours after ' +
    'a meal; without diabetes, sugar after a meal usually stays below 140 mg/dL. Your doctor may set targets of your own.',
  bpTargets:
    'Blood pressure below 120/80 is normal; 130/80 or above is high. Many doctors aim for below 130/80 for people with diabetes ' +
    'or heart disease, but your doctor sets your own target.',
  noReadings: (what: string | undefined, period: string) => `You have no ${what ? `${what} ` : ''}readings ${period}.`,
  last: (what: string, value: string, when: string) => `Your last ${what} was ${value}, ${when}.`,
  lastHigh: (what: string, value: string, when: string, label: string) => `The last time your ${what} was out of range was ${when}: ${value} (${label}).`,
  noneHigh: (what: string, period: string) => `Your ${what} has not been out of range ${period}.`,
  highest: (what: string, period: string, value: string, when: string) => `Your highest ${what} ${period} was ${value}, ${when}.`,
  lowest: (what: string, period: string, value: string, when: string) => `Your lowest ${what} ${period} was ${value}, ${when}.`,
  count: (what: string, period: string, n: number) => `You checked your ${what} ${n} time${n === 1 ? '' : 's'} ${period}.`,
  average: (what: string, period: string, value: string, n: number) => `Your average ${what} ${period} was ${value} (from ${n} reading${n === 1 ? '' : 's'}).`,
  trend: (what: string, direction: 'up' | 'down' | 'steady', first: string, firstWhen: string, last: string, lastWhen: string, metric: string, change: number) => {
    // Lower is better for BP, sugar and pulse; for weight "down" is only a change.
    const judged = metric === 'blood_pressure' || metric === 'blood_sugar' || metric === 'hba1c'
    const way =
      direction === 'steady'
        ? 'has stayed about the same'
        : direction === 'down'
          ? `has come down${judged ? ', getting better' : ''}`
          : `has gone up${judged ? ', which is worse' : ''}`
    const unit = metric === 'weight' ? ' kg' : metric === 'blood_sugar' ? ' mg/dL' : metric === 'blood_pressure' ? ' mmHg' : ''
    return `Your ${what} ${way}: from ${first} (${firstWhen}) to ${last} (${lastWhen})${direction === 'steady' ? '' : `, a change of ${change}${unit}`}.`
  },
  list: (what: string, period: string, readings: string[], earlier: number) =>
    `Your ${what} ${period}: ${readings.join('; ')}${earlier > 0 ? ` (and ${earlier} earlier)` : ''}.`,
  /** Two periods' averages side by side: "this week 136/86, lower than last week's 150/96 — better". */
  compared: (what: string, period: string, value: string, n: number, before: string, beforeValue: string, m: number, direction: 'up' | 'down' | 'steady', metric: string) => {
    const judged = metric === 'blood_pressure' || metric === 'blood_sugar' || metric === 'hba1c'
    const way =
      direction === 'steady' ? 'about the same as' : direction === 'down' ? `lower than${judged ? ' (better)' : ''}` : `higher than${judged ? ' (worse)' : ''}`
    return `Your average ${what} ${period} is ${value} (${n} reading${n === 1 ? '' : 's'}), ${way} ${before}: ${beforeValue} (${m} reading${m === 1 ? '' : 's'}).`
  },
  noneBefore: (what: string, before: string) => `There are no ${what} readings ${before} to compare with.`,
  /** Readings past a number the patient names: "did my sugar go below 70 this week?". */
  beyond: (what: string, period: string, side: 'below' | 'above', limit: number, readings: string[]) =>
    readings.length
      ? `Yes: ${readings.length} ${what} reading${readings.length === 1 ? '' : 's'} ${side} ${limit} ${period}: ${readings.join('; ')}.`
      : `No: none of your ${what} readings ${period} went ${side} ${limit}.`,
}

/** What to do about a reading, in plain words; never a change of medicine. */
export function adviceFor(flags: VitalsFlags): string[] {
  const advice: string[] = []
  if (flags.blood_pressure?.category === 'crisis') {
    advice.push(
      'That is very high. Please sit quietly for 5 minutes and measure again. ' +
        'Do you have chest pain, shortness of breath, back pain, numbness, weakness, blurred vision or difficulty speaking? ' +
        'If you do, call 112 or 108 now.',
    )
  } else if (flags.blood_pressure?.category === 'stage_2') {
    advice.push('That is high. Rest for 5 minutes and measure again; if it stays this high, tell your doctor.')
  } else if (flags.blood_pressure?.category === 'hypotension') {
    advice.push('Sit or lie down, drink some water, and measure again. If you feel faint or dizzy, tell someone near you.')
  }
  if (flags.blood_sugar?.category === 'level_2_low') {
    advice.push(
      'This is dangerously low. Take 15–20 g of fast sugar now (half a glass of fruit juice or 3 teaspoons of sugar in water) ' +
        'and check again in 15 minutes. If you feel confused or very drowsy, call 112 or 108.',
    )
  } else if (flags.blood_sugar?.category === 'level_1_low') {
    advice.push('Take 15 g of fast sugar (half a glass of juice or 3 teaspoons of sugar in water) and check again in 15 minutes.')
  } else if (flags.blood_sugar?.category === 'very_high') {
    advice.push(
      'That is very high. Drink water and check again. If you are vomiting, confused or breathless, get medical care now, ' +
        'and tell your doctor about this reading today.',
    )
  } else if (flags.blood_sugar?.category === 'high') {
    advice.push('Drink water, check again in a while, and mention it to your doctor if it stays high.')
  }
  if (flags.spo2?.category === 'critical' || flags.spo2?.category === 'low') {
    advice.push(
      'Sit still with warm hands and measure again. If you are breathless, your lips look blue or it stays below 92%, call 112 or 108.',
    )
  }
  if (flags.heart_rate?.category === 'very_high' || flags.heart_rate?.category === 'very_low') {
    advice.push('Rest for a few minutes and measure again. If you feel faint, have chest pain or are breathless, call 112 or 108.')
  }
  if (flags.temperature?.category === 'high_fever' || flags.temperature?.category === 'very_high_fever') {
    advice.push('Drink fluids and call your doctor today. With a stiff neck, confusion, a rash or breathing trouble, get care now.')
  } else if (flags.temperature?.category === 'fever') {
    advice.push('Rest and drink plenty of fluids, and check your temperature again in a few hours.')
  }
  return advice
}

/**
 * The vitals agent's words in every reply language: the confirmation of a reading, its clinical
 * label, the advice that goes with it and the planner's questions. English comes from the
 * agent's replies (vitals-replies.ts); the Hindi says the same, in Devanagari and in Latin letters.
 */

type Vitals = PayloadOf<'vitals'>
type Triple = Record<ReplyLanguage, string>

const CONTEXTS: Record<string, Triple> = {
  fasting: { en: 'fasting', hi: 'खाली पेट', 'hi-Latn': 'khaali pet' },
  before_meal: { en: 'before meal', hi: 'खाने से पहले', 'hi-Latn': 'khane se pehle' },
  after_meal: { en: 'after meal', hi: 'खाने के बाद', 'hi-Latn': 'khane ke baad' },
  bedtime: { en: 'bedtime', hi: 'सोने से पहले', 'hi-Latn': 'sone se pehle' },
  random: { en: 'random', hi: 'कभी भी', 'hi-Latn': 'kabhi bhi' },
}

/** The clinical labels of memory/clinical-thresholds.ts, by metric and category. */
const LABELS: Record<string, Record<string, Omit<Triple, 'en'>>> = {
  blood_pressure: {
    normal: { hi: 'सामान्य बीपी', 'hi-Latn': 'normal BP' },
    elevated: { hi: 'थोड़ा बढ़ा हुआ बीपी', 'hi-Latn': 'thoda badha hua BP' },
    stage_1: { hi: 'हाई बीपी (स्टेज 1)', 'hi-Latn': 'high BP (stage 1)' },
    stage_2: { hi: 'हाई बीपी (स्टेज 2)', 'hi-Latn': 'high BP (stage 2)' },
    crisis: { hi: 'बहुत ज़्यादा बीपी (क्राइसिस की सीमा)', 'hi-Latn': 'bahut zyada BP (crisis ki seema)' },
    hypotension: { hi: 'लो बीपी', 'hi-Latn': 'low BP' },
  },
  blood_sugar: {
    normal: { hi: 'शुगर सही सीमा में', 'hi-Latn': 'sugar sahi seema mein' },
    above_target: { hi: 'शुगर लक्ष्य से ऊपर', 'hi-Latn': 'sugar lakshya se upar' },
    high: { hi: 'हाई शुगर', 'hi-Latn': 'high sugar' },
    very_high: { hi: 'बहुत ज़्यादा शुगर', 'hi-Latn': 'bahut zyada sugar' },
    level_1_low: { hi: 'लो शुगर (लेवल 1)', 'hi-Latn': 'low sugar (level 1)' },
    level_2_low: { hi: 'खतरनाक रूप से लो शुगर (लेवल 2)', 'hi-Latn': 'khatarnaak roop se low sugar (level 2)' },
  },
  temperature: {
    normal: { hi: 'सामान्य तापमान', 'hi-Latn': 'normal taapmaan' },
    fever: { hi: 'बुखार', 'hi-Latn': 'bukhar' },
    high_fever: { hi: 'तेज़ बुखार', 'hi-Latn': 'tez bukhar' },
    very_high_fever: { hi: 'बहुत तेज़ बुखार', 'hi-Latn': 'bahut tez bukhar' },
    hypothermia: { hi: 'शरीर का तापमान कम', 'hi-Latn': 'shareer ka taapmaan kam' },
  },
  spo2: {
    normal: { hi: 'सामान्य ऑक्सीजन', 'hi-Latn': 'normal oxygen' },
    below_normal: { hi: 'ऑक्सीजन सामान्य से थोड़ा कम', 'hi-Latn': 'oxygen normal se thoda kam' },
    low: { hi: 'कम ऑक्सीजन', 'hi-Latn': 'kam oxygen' },
    critical: { hi: 'खतरनाक रूप से कम ऑक्सीजन', 'hi-Latn': 'khatarnaak roop se kam oxygen' },
  },
  heart_rate: {
    normal: { hi: 'सामान्य पल्स', 'hi-Latn': 'normal pulse' },
    low: { hi: 'धीमी पल्स', 'hi-Latn': 'dheemi pulse' },
    very_low: { hi: 'बहुत धीमी पल्स', 'hi-Latn': 'bahut dheemi pulse' },
    high: { hi: 'तेज़ पल्स', 'hi-Latn': 'tez pulse' },
    very_high: { hi: 'बहुत तेज़ पल्स', 'hi-Latn': 'bahut tez pulse' },
  },
}

/** A flag's label in a language (the store's English label when there is no translation). */
export function flagLabel(metric: string, flag: Flag | undefined, language: ReplyLanguage): string | undefined {
  if (!flag) return undefined
  if (language === 'en') return flag.label
  return LABELS[metric]?.[flag.category]?.[language] ?? flag.label
}

const NAMES: Record<string, Triple> = {
  bp: { en: 'BP', hi: 'बीपी', 'hi-Latn': 'BP' },
  pulse: { en: 'pulse', hi: 'पल्स', 'hi-Latn': 'pulse' },
  sugar: { en: 'sugar', hi: 'शुगर', 'hi-Latn': 'sugar' },
  temperature: { en: 'temperature', hi: 'तापमान', 'hi-Latn': 'taapmaan' },
  oxygen: { en: 'oxygen', hi: 'ऑक्सीजन', 'hi-Latn': 'oxygen' },
  weight: { en: 'weight', hi: 'वज़न', 'hi-Latn': 'wazan' },
}

/** "BP 150/95: high blood pressure (stage 2)", each reading of a payload, in a language. */
export function describeReading(p: Vitals, flags: VitalsFlags | null, language: ReplyLanguage = 'en'): string[] {
  const parts: string[] = []
  const n = (k: string) => NAMES[k]![language]
  const label = (metric: string, flag: Flag | undefined) => {
    const l = flagLabel(metric, flag, language)
    return l ? `: ${l}` : ''
  }
  if (p.blood_pressure_systolic !== undefined) {
    parts.push(`${n('bp')} ${p.blood_pressure_systolic}/${p.blood_pressure_diastolic}${label('blood_pressure', flags?.blood_pressure)}`)
  }
  if (p.heart_rate !== undefined) parts.push(`${n('pulse')} ${p.heart_rate}${label('heart_rate', flags?.heart_rate)}`)
  if (p.blood_sugar !== undefined) {
    const context = p.blood_sugar_context ? ` ${CONTEXTS[p.blood_sugar_context]?.[language] ?? p.blood_sugar_context.replace('_', ' ')}` : ''
    const said = p.reported?.blood_sugar ? ` (${p.reported.blood_sugar.value} ${p.reported.blood_sugar.unit})` : ''
    parts.push(`${n('sugar')}${context} ${p.blood_sugar} mg/dL${said}${label('blood_sugar', flags?.blood_sugar)}`)
  }
  if (p.temperature !== undefined) {
    const said = p.reported?.temperature ? ` (${p.reported.temperature.value}${p.reported.temperature.unit})` : ''
    parts.push(`${n('temperature')} ${p.temperature}°C${said}${label('temperature', flags?.temperature)}`)
  }
  if (p.spo2 !== undefined) parts.push(`${n('oxygen')} ${p.spo2}%${label('spo2', flags?.spo2)}`)
  if (p.weight_kg !== undefined) {
    const said = p.reported?.weight_kg ? ` (${p.reported.weight_kg.value} ${p.reported.weight_kg.unit})` : ''
    parts.push(`${n('weight')} ${p.weight_kg} kg${said}`)
  }
  if (p.hba1c !== undefined) parts.push(`HbA1c ${p.hba1c}%`)
  return parts
}

/** The advice of vitals-replies.ts (`adviceFor`), said in Hindi: same order, same numbers. */
const ADVICE: Record<string, Omit<Triple, 'en'>> = {
  bp_crisis: {
    hi:
      'यह बहुत ज़्यादा है। कृपया 5 मिनट शांत बैठें और फिर से नापें। क्या सीने में दर्द, साँस फूलना, पीठ दर्द, सुन्नपन, कमज़ोरी, धुंधला दिखना या बोलने में दिक्कत है? ' +
      'अगर है, तो अभी 112 या 108 पर कॉल करें।',
    'hi-Latn':
      'Yeh bahut zyada hai. Kripya 5 minute shaant baithein aur phir se naapein. Kya seene mein dard, saans phoolna, peeth dard, sunnpan, kamzori, dhundhla dikhna ya bolne mein dikkat hai? ' +
      'Agar hai, to abhi 112 ya 108 par call karein.',
  },
  bp_stage_2: {
    hi: 'यह हाई है। 5 मिनट आराम करके फिर से नापें; अगर इतना ही रहे, तो अपने डॉक्टर को बताएं।',
    'hi-Latn': 'Yeh high hai. 5 minute aaraam karke phir se naapein; agar itna hi rahe, to apne doctor ko bataayein.',
  },
  bp_low: {
    hi: 'बैठ जाएं या लेट जाएं, थोड़ा पानी पिएं, और फिर से नापें। अगर बेहोशी या चक्कर लगे, तो पास में किसी को बताएं।',
    'hi-Latn': 'Baith jaayein ya let jaayein, thoda paani piyein, aur phir se naapein. Agar behoshi ya chakkar lage, to paas mein kisi ko bataayein.',
  },
  sugar_level_2_low: {
    hi: 'यह खतरनाक रूप से कम है। अभी 15–20 ग्राम जल्दी असर करने वाली चीनी लें (आधा गिलास फलों का जूस या पानी में 3 चम्मच चीनी) और 15 मिनट में फिर जाँचें। अगर उलझन या बहुत सुस्ती लगे, तो 112 या 108 पर कॉल करें।',
    'hi-Latn':
      'Yeh khatarnaak roop se kam hai. Abhi 15–20 gram jaldi asar karne wali cheeni lein (aadha glass fruit juice ya paani mein 3 chammach cheeni) aur 15 minute mein phir jaanchein. Agar uljhan ya bahut susti lage, to 112 ya 108 par call karein.',
  },
  sugar_level_1_low: {
    hi: '15 ग्राम जल्दी असर करने वाली चीनी लें (आधा गिलास जूस या पानी में 3 चम्मच चीनी) और 15 मिनट में फिर जाँचें।',
    'hi-Latn': '15 gram jaldi asar karne wali cheeni lein (aadha glass juice ya paani mein 3 chammach cheeni) aur 15 minute mein phir jaanchein.',
  },
  sugar_very_high: {
    hi: 'यह बहुत ज़्यादा है। पानी पिएं और फिर जाँचें। अगर उल्टी, उलझन या साँस फूल रही हो, तो अभी डॉक्टरी मदद लें, और आज ही अपने डॉक्टर को यह रीडिंग बताएं।',
    'hi-Latn':
      'Yeh bahut zyada hai. Paani piyein aur phir jaanchein. Agar ulti, uljhan ya saans phool rahi ho, to abhi doctori madad lein, aur aaj hi apne doctor ko yeh reading bataayein.',
  },
  sugar_high: {
    hi: 'पानी पिएं, थोड़ी देर में फिर जाँचें, और अगर ऊपर ही रहे तो अपने डॉक्टर को बताएं।',
    'hi-Latn': 'Paani piyein, thodi der mein phir jaanchein, aur agar upar hi rahe to apne doctor ko bataayein.',
  },
  spo2_low: {
    hi: 'गरम हाथों के साथ शांत बैठकर फिर से नापें। अगर साँस फूल रही हो, होंठ नीले दिखें या यह 92% से नीचे रहे, तो 112 या 108 पर कॉल करें।',
    'hi-Latn': 'Garam haathon ke saath shaant baithkar phir se naapein. Agar saans phool rahi ho, honth neele dikhein ya yeh 92% se neeche rahe, to 112 ya 108 par call karein.',
  },
  pulse_extreme: {
    hi: 'कुछ मिनट आराम करके फिर से नापें। अगर बेहोशी लगे, सीने में दर्द हो या साँस फूले, तो 112 या 108 पर कॉल करें।',
    'hi-Latn': 'Kuch minute aaraam karke phir se naapein. Agar behoshi lage, seene mein dard ho ya saans phoole, to 112 ya 108 par call karein.',
  },
  high_fever: {
    hi: 'पानी और तरल चीज़ें पिएं और आज ही अपने डॉक्टर को फ़ोन करें। गर्दन में अकड़न, उलझन, दाने या साँस की तकलीफ़ हो तो अभी मदद लें।',
    'hi-Latn': 'Paani aur taral cheezein piyein aur aaj hi apne doctor ko phone karein. Gardan mein akdan, uljhan, daane ya saans ki takleef ho to abhi madad lein.',
  },
  fever: {
    hi: 'आराम करें, खूब पानी पिएं, और कुछ घंटों में फिर से तापमान देखें।',
    'hi-Latn': 'Aaraam karein, khoob paani piyein, aur kuch ghanton mein phir se taapmaan dekhein.',
  },
}

/** Which advice applies, in the same order as `adviceFor`. */
function adviceKeys(flags: VitalsFlags): string[] {
  const keys: string[] = []
  const bp = flags.blood_pressure?.category
  if (bp === 'crisis') keys.push('bp_crisis')
  else if (bp === 'stage_2') keys.push('bp_stage_2')
  else if (bp === 'hypotension') keys.push('bp_low')
  const sugar = flags.blood_sugar?.category
  if (sugar === 'level_2_low' || sugar === 'level_1_low' || sugar === 'very_high' || sugar === 'high') keys.push(`sugar_${sugar}`)
  if (flags.spo2?.category === 'critical' || flags.spo2?.category === 'low') keys.push('spo2_low')
  if (flags.heart_rate?.category === 'very_high' || flags.heart_rate?.category === 'very_low') keys.push('pulse_extreme')
  const temp = flags.temperature?.category
  if (temp === 'high_fever' || temp === 'very_high_fever') keys.push('high_fever')
  else if (temp === 'fever') keys.push('fever')
  return keys
}

/** What to do about a reading, in the patient's language; never a change of medicine. */
export function readingAdvice(flags: VitalsFlags, language: ReplyLanguage): string[] {
  if (language === 'en') return adviceFor(flags)
  return adviceKeys(flags).map((k) => ADVICE[k]![language])
}

const EXAMPLES: Record<string, Triple> = {
  blood_pressure: { en: '"BP 130/85"', hi: '"बीपी 130/85"', 'hi-Latn': '"BP 130/85"' },
  blood_sugar: { en: '"sugar 140 fasting"', hi: '"खाली पेट शुगर 140"', 'hi-Latn': '"khaali pet sugar 140"' },
  heart_rate: { en: '"pulse 72"', hi: '"पल्स 72"', 'hi-Latn': '"pulse 72"' },
  temperature: { en: '"temperature 100.2 F"', hi: '"बुखार 100.2 F"', 'hi-Latn': '"bukhar 100.2 F"' },
  spo2: { en: '"oxygen 96"', hi: '"ऑक्सीजन 96"', 'hi-Latn': '"oxygen 96"' },
  weight: { en: '"weight 68 kg"', hi: '"वज़न 68 किलो"', 'hi-Latn': '"wazan 68 kilo"' },
  hba1c: { en: '"HbA1c 7.2"', hi: '"HbA1c 7.2"', 'hi-Latn': '"HbA1c 7.2"' },
}

export const VITALS_TEXTS = defineTexts({
  logged: {
    en: (p: { parts: string }) => `Logged ${p.parts}.`,
    hi: (p: { parts: string }) => `दर्ज कर लिया: ${p.parts}।`,
    'hi-Latn': (p: { parts: string }) => `Darj kar liya: ${p.parts}.`,
  },
  runTogether: {
    en: (p: { bp: string }) => VITALS_REPLIES.runTogether(p.bp),
    hi: (p: { bp: string }) => `क्या आपका मतलब बीपी ${p.bp} था? कृपया पुष्टि करें, या रीडिंग ऐसे भेजें: "बीपी 150/90"।`,
    'hi-Latn': (p: { bp: string }) => `Kya aapka matlab BP ${p.bp} tha? Kripya pushti karein, ya reading aise bhejein: "BP 150/90".`,
  },
  doubtful: {
    en: VITALS_REPLIES.doubtful,
    hi:
      'यह नंबर चिंता की बात होगा, और लगता है आपको इस पर पक्का भरोसा नहीं है, इसलिए मैंने अभी इसे दर्ज नहीं किया। क्या आप फिर से नापकर जो नंबर दिखे वह बता सकते हैं? ' +
      'तबीयत ठीक न लगे तो अपने डॉक्टर को, या आपात स्थिति में 112 / 108 पर कॉल करें।',
    'hi-Latn':
      'Yeh number chinta ki baat hoga, aur lagta hai aapko is par pakka bharosa nahi hai, isliye maine abhi ise darj nahi kiya. Kya aap phir se naapkar jo number dikhe woh bata sakte hain? ' +
      'Tabiyat theek na lage to apne doctor ko, ya emergency mein 112 / 108 par call karein.',
  },
  // A sugar said without a unit and small enough to be mmol/L, where either reading would be worrying.
  unitUnsure: {
    en: (p: { value: number; mgdl: number }) =>
      `Was that sugar ${p.value} mmol/L (about ${p.mgdl} mg/dL)? Most meters in India show mg/dL. I haven't logged it yet: please tell me the number with its unit, like "${p.value} mmol" or "${p.mgdl} mg/dL". If you feel unwell, call your doctor, or 112 / 108 in an emergency.`,
    hi: (p: { value: number; mgdl: number }) =>
      `क्या शुगर ${p.value} mmol/L (लगभग ${p.mgdl} mg/dL) थी? भारत में ज़्यादातर मीटर mg/dL दिखाते हैं। मैंने अभी इसे दर्ज नहीं किया: कृपया नंबर इकाई के साथ बताएं, जैसे "${p.value} mmol" या "${p.mgdl} mg/dL"। तबीयत ठीक न लगे तो अपने डॉक्टर को, या आपात स्थिति में 112 / 108 पर कॉल करें।`,
    'hi-Latn': (p: { value: number; mgdl: number }) =>
      `Kya sugar ${p.value} mmol/L (lagbhag ${p.mgdl} mg/dL) thi? India mein zyadatar meter mg/dL dikhate hain. Maine abhi ise darj nahi kiya: kripya number unit ke saath bataiye, jaise "${p.value} mmol" ya "${p.mgdl} mg/dL". Tabiyat theek na lage to apne doctor ko, ya emergency mein 112 / 108 par call karein.`,
  },
  whatReading: {
    en: (p: { metric: string }) => VITALS_REPLIES.whatReading(p.metric),
    hi: (p: { metric: string }) => `रीडिंग कितनी थी? आप ऐसे बता सकते हैं: ${EXAMPLES[p.metric]?.hi ?? EXAMPLES.blood_sugar!.hi}।`,
    'hi-Latn': (p: { metric: string }) => `Reading kitni thi? Aap aise bata sakte hain: ${EXAMPLES[p.metric]?.['hi-Latn'] ?? EXAMPLES.blood_sugar!['hi-Latn']}.`,
  },
  whatCanLog: {
    en: VITALS_REPLIES.whatCanLog,
    hi: 'मैं आपका बीपी, शुगर, पल्स, तापमान, ऑक्सीजन, वज़न और HbA1c दर्ज कर सकता हूँ। रीडिंग कितनी थी?',
    'hi-Latn': 'Main aapka BP, sugar, pulse, taapmaan, oxygen, wazan aur HbA1c darj kar sakta hoon. Reading kitni thi?',
  },
})

/** The reading a "did you mean …?" question proposed, in any reply language ("bp 150/90"). */
export const MEANT_READING = /(?:did you mean|kya aapka matlab|kya aapka matalab) (bp \d{2,3}\/\d{2,3}|sugar \d{1,3})/

export { say }

/** The English metric words of the vitals tools ("blood pressure", "fasting blood sugar"), in Hindi. */
const WHAT: [RegExp, string, string][] = [
  [/\bblood pressure\b/, 'बीपी', 'BP'],
  [/\bblood sugar\b/, 'शुगर', 'sugar'],
  [/\boxygen level\b/, 'ऑक्सीजन', 'oxygen'],
  [/\bpulse\b/, 'पल्स', 'pulse'],
  [/\btemperature\b/, 'तापमान', 'taapmaan'],
  [/\bweight\b/, 'वज़न', 'wazan'],
  [/\bfasting\b/, 'खाली पेट', 'khaali pet'],
  [/\bafter meal\b/, 'खाने के बाद', 'khane ke baad'],
  [/\bbefore meal\b/, 'खाने से पहले', 'khane se pehle'],
  [/\bbedtime\b/, 'सोने से पहले', 'sone se pehle'],
]
const sayWhat = (what: string, language: 'hi' | 'hi-Latn') => WHAT.reduce((w, [re, hi, latn]) => w.replace(re, language === 'hi' ? hi : latn), what)

/** A clinical label as the store writes it in English ("high blood pressure (stage 2)"), in Hindi. */
const LABEL_BY_ENGLISH = new Map<string, Omit<Triple, 'en'>>(
  (
    [
      ['blood_pressure', ['normal blood pressure', 'elevated blood pressure', 'high blood pressure (stage 1)', 'high blood pressure (stage 2)', 'very high blood pressure (hypertensive crisis range)', 'low blood pressure'], ['normal', 'elevated', 'stage_1', 'stage_2', 'crisis', 'hypotension']],
      ['blood_sugar', ['blood sugar in range', 'blood sugar above target', 'high blood sugar', 'very high blood sugar', 'low blood sugar (level 1)', 'dangerously low blood sugar (level 2)'], ['normal', 'above_target', 'high', 'very_high', 'level_1_low', 'level_2_low']],
      ['temperature', ['normal temperature', 'fever', 'high fever', 'very high fever', 'low body temperature'], ['normal', 'fever', 'high_fever', 'very_high_fever', 'hypothermia']],
      ['spo2', ['normal oxygen level', 'oxygen level a little below normal', 'low oxygen level', 'dangerously low oxygen level'], ['normal', 'below_normal', 'low', 'critical']],
      ['heart_rate', ['normal pulse', 'slow pulse', 'very slow pulse', 'fast pulse', 'very fast pulse'], ['normal', 'low', 'very_low', 'high', 'very_high']],
    ] as [string, string[], string[]][]
  ).flatMap(([metric, english, categories]) => english.map((e, i) => [e, LABELS[metric]![categories[i]!]!] as const)),
)
const sayLabel = (label: string, language: 'hi' | 'hi-Latn') => LABEL_BY_ENGLISH.get(label)?.[language] ?? label
/** One reading in a list ("130/85 at Tue 10 Jun 8:00 am (high blood pressure (stage 2))"), in Hindi. */
const sayItem = (item: string, language: 'hi' | 'hi-Latn') =>
  sayWhen(item.replace(/\(([^()]*(?:\([^()]*\))?)\)$/, (_m, label: string) => `(${sayLabel(label, language)})`), language)

type Replies = typeof VITALS_REPLIES

function vitalsRepliesIn(language: 'hi' | 'hi-Latn'): Replies {
  const hi = language === 'hi'
  const w = (what: string) => sayWhat(what, language)
  const when = (text: string) => sayWhen(text, language)
  const stop = hi ? '।' : '.'
  const l = (hiText: string, latnText: string) => (hi ? hiText : latnText.charAt(0).toUpperCase() + latnText.slice(1))
  return {
    runTogether: (bp) => say(VITALS_TEXTS.runTogether, language, { bp }),
    doubtful: say(VITALS_TEXTS.doubtful, language),
    whatReading: (metric) => say(VITALS_TEXTS.whatReading, language, { metric }),
    whatCanLog: say(VITALS_TEXTS.whatCanLog, language),
    wouldBe: (described) =>
      l(
        `यह ${described} होगा। मैंने इसे दर्ज नहीं किया; अगर यह आपकी अपनी रीडिंग है, तो बताइए, मैं लिख लूँगा।`,
        `Yeh ${described} hoga. Maine ise darj nahi kiya; agar yeh aapki apni reading hai, to bataiye, main likh loonga.`,
      ),
    later: l('ठीक है। नापने के बाद रीडिंग बताइए, मैं दर्ज कर लूँगा।', 'Theek hai. Naapne ke baad reading bataiye, main darj kar loonga.'),
    aboutLast: (described) => l(`वह रीडिंग: ${described.replace(/[.।]$/, '')}।`, `Woh reading: ${described.replace(/[.।]$/, '')}.`),
    sugarTargets: l(
      'डायबिटीज़ वाले ज़्यादातर वयस्कों के लिए लक्ष्य खाने से पहले (खाली पेट) 80–130 mg/dL और खाने के एक से दो घंटे बाद 180 mg/dL से कम है; ' +
        'बिना डायबिटीज़ के खाने के बाद शुगर आमतौर पर 140 mg/dL से कम रहती है। आपके डॉक्टर आपके लिए अलग लक्ष्य तय कर सकते हैं।',
      'Diabetes wale zyadatar vayaskon ke liye lakshya khane se pehle (khaali pet) 80–130 mg/dL aur khane ke ek se do ghante baad 180 mg/dL se kam hai; ' +
        'bina diabetes ke khane ke baad sugar aam taur par 140 mg/dL se kam rehti hai. Aapke doctor aapke liye alag lakshya tay kar sakte hain.',
    ),
    bpTargets: l(
      '120/80 से कम बीपी सामान्य है; 130/80 या ज़्यादा हाई है। डायबिटीज़ या दिल की बीमारी वालों के लिए कई डॉक्टर 130/80 से कम का लक्ष्य रखते हैं, ' +
        'पर आपका अपना लक्ष्य आपके डॉक्टर तय करते हैं।',
      '120/80 se kam BP normal hai; 130/80 ya zyada high hai. Diabetes ya dil ki bimari walon ke liye kai doctor 130/80 se kam ka lakshya rakhte hain, ' +
        'par aapka apna lakshya aapke doctor tay karte hain.',
    ),
    noReadings: (what, period) =>
      l(`${when(period)} आपकी ${what ? `${w(what)} की ` : ''}कोई रीडिंग नहीं है।`, `${when(period)} aapki ${what ? `${w(what)} ki ` : ''}koi reading nahi hai.`),
    last: (what, value, at) => l(`आपकी आखिरी ${w(what)} रीडिंग ${value} थी, ${when(at)}।`, `Aapki aakhri ${w(what)} reading ${value} thi, ${when(at)}.`),
    lastHigh: (what, value, at, label) =>
      l(
        `आखिरी बार ${when(at)} आपकी ${w(what)} रीडिंग सीमा से बाहर थी: ${value} (${sayLabel(label, language)})।`,
        `Aakhri baar ${when(at)} aapki ${w(what)} reading seema se bahar thi: ${value} (${sayLabel(label, language)}).`,
      ),
    noneHigh: (what, period) => l(`${when(period)} आपकी ${w(what)} रीडिंग सीमा से बाहर नहीं गई।`, `${when(period)} aapki ${w(what)} reading seema se bahar nahi gayi.`),
    highest: (what, period, value, at) => l(`${when(period)} आपकी सबसे ज़्यादा ${w(what)} रीडिंग ${value} थी, ${when(at)}।`, `${when(period)} aapki sabse zyada ${w(what)} reading ${value} thi, ${when(at)}.`),
    lowest: (what, period, value, at) => l(`${when(period)} आपकी सबसे कम ${w(what)} रीडिंग ${value} थी, ${when(at)}।`, `${when(period)} aapki sabse kam ${w(what)} reading ${value} thi, ${when(at)}.`),
    count: (what, period, n) => l(`${when(period)} आपकी ${w(what)} की ${n} रीडिंग दर्ज हैं।`, `${when(period)} aapki ${w(what)} ki ${n} reading darj hain.`),
    average: (what, period, value, n) =>
      l(`${when(period)} आपकी औसत ${w(what)} रीडिंग ${value} रही (${n} रीडिंग से)।`, `${when(period)} aapki ausat ${w(what)} reading ${value} rahi (${n} reading se).`),
    trend: (what, direction, first, firstWhen, last, lastWhen, metric, change) => {
      const judged = metric === 'blood_pressure' || metric === 'blood_sugar' || metric === 'hba1c'
      const way =
        direction === 'steady'
          ? l('लगभग वैसी ही रही है', 'lagbhag waisi hi rahi hai')
          : direction === 'down'
            ? l(`कम हुई है${judged ? ', यह अच्छा है' : ''}`, `kam hui hai${judged ? ', yeh achha hai' : ''}`)
            : l(`बढ़ी है${judged ? ', यह ठीक नहीं है' : ''}`, `badhi hai${judged ? ', yeh theek nahi hai' : ''}`)
      const unit = metric === 'weight' ? ' kg' : metric === 'blood_sugar' ? ' mg/dL' : metric === 'blood_pressure' ? ' mmHg' : ''
      const by = direction === 'steady' ? '' : l(`, ${change}${unit} का फ़र्क`, `, ${change}${unit} ka fark`)
      return l(
        `आपकी ${w(what)} रीडिंग ${way}: ${first} (${when(firstWhen)}) से ${last} (${when(lastWhen)})${by}।`,
        `Aapki ${w(what)} reading ${way}: ${first} (${when(firstWhen)}) se ${last} (${when(lastWhen)})${by}.`,
      )
    },
    compared: (what, period, value, n, before, beforeValue, m, direction, metric) => {
      const judged = metric === 'blood_pressure' || metric === 'blood_sugar' || metric === 'hba1c'
      const way =
        direction === 'steady'
          ? l('लगभग बराबर', 'lagbhag barabar')
          : direction === 'down'
            ? l(`कम${judged ? ' (बेहतर)' : ''}`, `kam${judged ? ' (behtar)' : ''}`)
            : l(`ज़्यादा${judged ? ' (यह ठीक नहीं)' : ''}`, `zyada${judged ? ' (yeh theek nahi)' : ''}`)
      return l(
        `${when(period)} आपकी औसत ${w(what)} रीडिंग ${value} है (${n} रीडिंग), ${when(before)} ${beforeValue} (${m} रीडिंग) से ${way}।`,
        `${when(period)} aapki ausat ${w(what)} reading ${value} hai (${n} reading), ${when(before)} ${beforeValue} (${m} reading) se ${way}.`,
      )
    },
    noneBefore: (what, before) => l(`${when(before)} की ${w(what)} की कोई रीडिंग नहीं है जिससे तुलना हो।`, `${when(before)} ki ${w(what)} ki koi reading nahi hai jisse tulna ho.`),
    beyond: (what, period, side, limit, readings) => {
      const word = side === 'below' ? l('से कम', 'se kam') : l('से ज़्यादा', 'se zyada')
      return readings.length
        ? l(
            `हाँ: ${when(period)} ${readings.length} ${w(what)} रीडिंग ${limit} ${word} रही: ${readings.map((r) => sayItem(r, language)).join('; ')}।`,
            `Haan: ${when(period)} ${readings.length} ${w(what)} reading ${limit} ${word} rahi: ${readings.map((r) => sayItem(r, language)).join('; ')}.`,
          )
        : l(`नहीं: ${when(period)} आपकी कोई ${w(what)} रीडिंग ${limit} ${word} नहीं गई।`, `Nahi: ${when(period)} aapki koi ${w(what)} reading ${limit} ${word} nahi gayi.`)
    },
    list: (what, period, readings, earlier) =>
      `${l(`${when(period)} आपकी ${w(what)} रीडिंग`, `${when(period)} aapki ${w(what)} reading`)}: ${readings.map((r) => sayItem(r, language)).join('; ')}${
        earlier > 0 ? l(` (और ${earlier} पहले की)`, ` (aur ${earlier} pehle ki)`) : ''
      }${stop}`,
  }
}

/** The vitals agent's replies in a reply language. */
export const vitalsReplies = inLanguages<Replies>({ en: VITALS_REPLIES, hi: vitalsRepliesIn('hi'), 'hi-Latn': vitalsRepliesIn('hi-Latn') })
