import type { VitalsFlags } from '../../memory/clinical-thresholds.js'

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

