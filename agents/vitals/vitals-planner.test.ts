import { describe, expect, it } from 'vitest'
import { firstCall, plan } from '../../test/agent-harness.js'
import { vitalsAgent } from './vitals-agent.js'
import { romaniseHindi } from '../../language/romanise.js'
import type { RecentEntry } from '../plan.js'

const call = (text: string, opts?: Parameters<typeof plan>[2]) => firstCall(plan(vitalsAgent, text, opts))

describe('vitals planner', () => {
  it.each([
    ['bp 150/95', { blood_pressure_systolic: 150, blood_pressure_diastolic: 95 }],
    ['one forty over ninety', { blood_pressure_systolic: 140, blood_pressure_diastolic: 90 }],
    ['fasting sugar 7.2 mmol', { blood_sugar: 7.2, blood_sugar_unit: 'mmol/L', blood_sugar_context: 'fasting' }],
    ['temperature 101.2 F', { temperature: 101.2, temperature_unit: 'F' }],
    ['weight 150 lbs', { weight: 150, weight_unit: 'lb' }],
    ['pulse 72 and spo2 96', { heart_rate: 72, spo2: 96 }],
  ])('Should read "%s" as a reading', (text, args) => {
    expect(call(text)).toEqual({ name: 'log_vitals', args: expect.objectContaining(args) })
  })

  it.each([
    ['sugar 45 minutes after lunch was 160', { blood_sugar: 160, blood_sugar_context: 'after_meal' }],
    ['checked sugar 2 hours after breakfast: 182', { blood_sugar: 182, blood_sugar_context: 'after_meal' }],
    ['I am 72 years old and my sugar after dinner was 190', { blood_sugar: 190 }],
    ['in room 204 of the clinic they checked my BP 150/92', { blood_pressure_systolic: 150, blood_pressure_diastolic: 92 }],
    ['pp sugar 2 hr 176', { blood_sugar: 176, blood_sugar_context: 'after_meal' }],
    ['FBS 126', { blood_sugar: 126, blood_sugar_context: 'fasting' }],
    ['HbA1c came 7.4%', { hba1c: 7.4 }],
    ['oxygen 0.95 on the clip', { spo2: 95 }],
    ['bp 13o/85', { blood_pressure_systolic: 130, blood_pressure_diastolic: 85 }],
    ['khane ke 45 minute baad sugar 168 thi', { blood_sugar: 168, blood_sugar_context: 'after_meal' }],
    ['sugar ek sau chalis thi', { blood_sugar: 140 }],
  ])('Should never take a duration, time, age or count for the reading in "%s"', (text, args) => {
    expect(plan(vitalsAgent, text).calls).toEqual([{ name: 'log_vitals', args: expect.objectContaining(args) }])
  })

  it('Should log each of several readings said together', () => {
    expect(plan(vitalsAgent, 'fasting 110, after breakfast 165').calls.map((c) => c.args)).toEqual([
      { blood_sugar: 110, blood_sugar_context: 'fasting' },
      { blood_sugar: 165, blood_sugar_context: 'after_meal' },
    ])
    expect(plan(vitalsAgent, 'took BP twice, 5 minutes apart: 142/90 and then 136/88').calls).toHaveLength(2)
  })

  it('Should confirm a worrying number said with doubt before logging it', () => {
    for (const text of ['sugar 350 or 35, the meter screen is not clear', 'BP showing 200/130?? maybe machine error, I feel ok']) {
      expect(plan(vitalsAgent, text)).toMatchObject({ calls: [], asked: true, reply: expect.stringMatching(/haven't logged it/) })
    }
    expect(plan(vitalsAgent, 'my sugar 45 minutes after lunch')).toMatchObject({ calls: [], asked: true })
  })

  it('Should read a correction against the entry just logged', () => {
    const recent = [{ id: 'e1', kind: 'vitals', at: '2025-06-11T13:00:00Z', payload: { heart_rate: 98 } }]
    expect(plan(vitalsAgent, 'no no 89, I swapped the digits', { recent }).calls).toEqual([{ name: 'correct_entry', args: { changes: { heart_rate: 89 } } }])
    const sugar = [{ id: 'e2', kind: 'vitals', at: '2025-06-11T13:00:00Z', payload: { blood_sugar: 210, blood_sugar_context: 'after_meal' } }]
    expect(plan(vitalsAgent, 'that was fasting, not after food', { recent: sugar }).calls).toEqual([{ name: 'correct_entry', args: { changes: { blood_sugar_context: 'fasting' } } }])
    expect(plan(vitalsAgent, "remove yesterday's 150/95, the cuff was loose").calls).toEqual([
      { name: 'remove_entry', args: { match: { blood_pressure_systolic: 150, blood_pressure_diastolic: 95 }, day: 'yesterday' } },
    ])
  })

  it('Should change one half of a BP, the sugar unit or its context, and read Hindi denials', () => {
    const bp = [{ id: 'b', kind: 'vitals', at: '2025-06-11T13:00:00Z', payload: { blood_pressure_systolic: 162, blood_pressure_diastolic: 98 } }]
    const change = (text: string, recent: RecentEntry[] = bp) => plan(vitalsAgent, romaniseHindi(text), { recent }).calls[0]?.args.changes
    expect(change('sorry, change that to 152')).toEqual({ blood_pressure_systolic: 152, blood_pressure_diastolic: 98 })
    expect(change('oops, bottom number should be 88')).toEqual({ blood_pressure_systolic: 162, blood_pressure_diastolic: 88 })
    expect(change('no it was 92 not 98')).toEqual({ blood_pressure_systolic: 162, blood_pressure_diastolic: 92 })
    expect(change('galat likha, neeche wala 80 tha')).toEqual({ blood_pressure_systolic: 162, blood_pressure_diastolic: 80 })
    const sugar = [{ id: 's', kind: 'vitals', at: '2025-06-11T13:00:00Z', payload: { blood_sugar: 200, blood_sugar_context: 'after_meal' } }]
    expect(change('wait, the glucometer showed 6.5 mmol', sugar)).toEqual({ blood_sugar: 6.5, blood_sugar_unit: 'mmol/L' })
    expect(change('200 nahi 120 thi, sahi kar do', sugar)).toEqual({ blood_sugar: 120 })
    expect(change('that reading was at bedtime', sugar)).toEqual({ blood_sugar_context: 'bedtime' })
    expect(change('माफ़ कीजिए, वो खाली पेट की थी', sugar)).toEqual({ blood_sugar_context: 'fasting' })
    const weight = [{ id: 'w', kind: 'vitals', at: '2025-06-11T13:00:00Z', payload: { weight_kg: 75 } }]
    expect(change('73 kilo likho, 75 galat hai', weight)).toEqual({ weight: 73 })
    expect(change('74.5 किलो लिख दो', weight)).toEqual({ weight: 74.5 })
    // The reading of the metric named, when it is not the latest of this conversation.
    const two = [
      { id: 'a', kind: 'vitals', at: '2025-06-11T12:00:00Z', payload: { blood_sugar: 190 } },
      { id: 'b', kind: 'vitals', at: '2025-06-11T12:05:00Z', payload: { heart_rate: 80 } },
    ]
    expect(plan(vitalsAgent, 'sorry the sugar was 109 not 190', { recent: two }).calls).toEqual([{ name: 'correct_entry', args: { entry_id: 'a', changes: { blood_sugar: 109 } } }])
    expect(plan(vitalsAgent, "remove yesterday evening's bp").calls).toEqual([{ name: 'remove_entry', args: { day: 'yesterday', part_of_day: 'evening' } }])
    // Words that only may point back log a new reading of another kind.
    expect(plan(vitalsAgent, 'sugar 140 likho', { recent: weight }).calls).toEqual([{ name: 'log_vitals', args: { blood_sugar: 140 } }])
  })

  it('Should confirm a BP whose slash was lost instead of guessing', () => {
    expect(call('bp 15090')).toEqual({ reply: expect.stringMatching(/^Did you mean BP 150\/90\?/) })
    expect(call('yes', { answering: { question: 'did you mean bp 150/90? please confirm', previous: 'bp 15090' } })).toEqual({
      name: 'log_vitals',
      args: expect.objectContaining({ blood_pressure_systolic: 150, blood_pressure_diastolic: 90 }),
    })
  })

  it('Should answer a question about past readings from the history tool', () => {
    expect(call('what was my bp yesterday?')).toEqual({ name: 'get_vitals_history', args: { metric: 'blood_pressure', period: 'yesterday' } })
  })

  it('Should ask for the number when only the metric is named', () => {
    expect(call('check my sugar')).toEqual({ reply: expect.stringMatching(/What was the reading\?/) })
  })

  it('Should ask for the number when a reading was taken but not said ("sugar check kiya")', () => {
    expect(plan(vitalsAgent, 'sugar check kiya')).toMatchObject({ calls: [], asked: true })
    expect(call('160 tha khana khane ke baad', { answering: { question: 'what was the reading?', previous: 'sugar check kiya' } })).toEqual({
      name: 'log_vitals',
      args: expect.objectContaining({ blood_sugar: 160, blood_sugar_context: 'after_meal' }),
    })
  })

  it('Should answer a follow-up question about the same metric for another period', () => {
    expect(call('and the day before?', { followUp: 'what was my BP yesterday?' })).toEqual({
      name: 'get_vitals_history',
      args: { metric: 'blood_pressure', period: 'day_before_yesterday' },
    })
    expect(call('what about last week?', { followUp: 'what was my sugar yesterday?' })).toEqual({
      name: 'get_vitals_history',
      args: { metric: 'blood_sugar', period: 'last_7_days' },
    })
    expect(call('and the average?', { followUp: 'what was my BP this week?' })).toEqual({
      name: 'get_vitals_history',
      args: { metric: 'blood_pressure', period: 'this_week', stat: 'average' },
    })
  })

  it('Should say what the reading just logged means for "is that high?", logging nothing', () => {
    const recent = [{ id: 'e1', kind: 'vitals', at: '2025-06-11T13:00:00Z', payload: { temperature: 38.9 } }]
    const p = plan(vitalsAgent, 'is that high?', { followUp: 'fever 102', recent })
    expect(p.calls).toEqual([])
    expect(p.reply).toMatch(/fever/)
  })

  it('Should read history questions in Hinglish and Devanagari, "since last week" and "my last 3 readings"', () => {
    expect(call('pichle 7 din ka average BP kya hai?')).toEqual({ name: 'get_vitals_history', args: { metric: 'blood_pressure', period: 'last_7_days', stat: 'average' } })
    expect(call(romaniseHindi('पिछले 7 दिनों में सबसे ज़्यादा शुगर कितनी थी?'))).toEqual({
      name: 'get_vitals_history',
      args: { metric: 'blood_sugar', period: 'last_7_days', stat: 'highest' },
    })
    // A change since last week compares with last week's readings, so both weeks are read.
    expect(call('how has my weight changed since last week?')).toEqual({ name: 'get_vitals_history', args: { metric: 'weight', period: 'last_14_days', stat: 'trend' } })
    expect(call('pichhle hafte se mera wajan kitna badla?')).toEqual({ name: 'get_vitals_history', args: { metric: 'weight', period: 'last_14_days', stat: 'trend' } })
    expect(call('show my last 3 sugar readings')).toEqual({ name: 'get_vitals_history', args: { metric: 'blood_sugar', period: 'last_30_days' } })
  })

  it('Should ask for the unit of a worrying sugar that is mmol/L only by guess, and add grams to kilos', () => {
    for (const text of ['sugar 25', romaniseHindi('शुगर 25')]) {
      const p = plan(vitalsAgent, text)
      expect(p).toMatchObject({ calls: [], asked: true })
      expect(p.reply).toMatch(/25 mmol\/L \(about 450 mg\/dL\)\?/)
    }
    expect(call('sugar 6.5')).toEqual({ name: 'log_vitals', args: { blood_sugar: 6.5, blood_sugar_unit: 'mmol/L' } })
    expect(call('sugar 25 mmol')).toEqual({ name: 'log_vitals', args: { blood_sugar: 25, blood_sugar_unit: 'mmol/L' } })
    expect(call('wajan 72 kilo 500 gram')).toEqual({ name: 'log_vitals', args: { weight: 72.5 } })
  })
})

describe('vitals planner: numbers that are not readings, and questions over periods', () => {
  it.each([
    ['gained 3 kilos since diwali, weight now 71', { weight: 71 }],
    ['dropped 4 kg, now 68.5', { weight: 68.5 }],
    ['a1c went from 9.2 down to 7.8', { hba1c: 7.8 }],
    ['bp came down from 160/100 to 138/86', { blood_pressure_systolic: 138, blood_pressure_diastolic: 86 }],
    ['hba1c 8.4 se 7.1 ho gaya', { hba1c: 7.1 }],
    ['sugr 131 fastng', { blood_sugar: 131, blood_sugar_context: 'fasting' }],
    ['lunch ke 2 ghante baad sugar 176', { blood_sugar: 176, blood_sugar_context: 'after_meal' }],
    ['sugar sava do sau aayi', { blood_sugar: 225 }],
    ['fever since morning, 100.8 f now', { temperature: 100.8, temperature_unit: 'F' }],
    ['37.9 c on the thermometer', { temperature: 37.9, temperature_unit: 'C' }],
    ['bp upper 152 lower 96', { blood_pressure_systolic: 152, blood_pressure_diastolic: 96 }],
    ['systolic 138 diastolic 86', { blood_pressure_systolic: 138, blood_pressure_diastolic: 86 }],
    ['pressure 150 and 95 in the evening', { blood_pressure_systolic: 150, blood_pressure_diastolic: 95 }],
    ['sugar 9.1mmol/l fasting', { blood_sugar: 9.1, blood_sugar_unit: 'mmol/L', blood_sugar_context: 'fasting' }],
    ['vazan 172 pound', { weight: 172, weight_unit: 'lb' }],
  ])('Should read "%s" as %j', (text, reading) => {
    expect(call(text)).toEqual({ name: 'log_vitals', args: expect.objectContaining(reading) })
  })

  it('Should read Devanagari context words and BP parts', () => {
    expect(call(romaniseHindi('फास्टिंग शुगर 98'))).toMatchObject({ args: { blood_sugar: 98, blood_sugar_context: 'fasting' } })
    expect(call(romaniseHindi('बीपी ऊपर 150 नीचे 100'))).toMatchObject({ args: { blood_pressure_systolic: 150, blood_pressure_diastolic: 100 } })
  })

  it('Should not take a count said in Hindi for a reading', () => {
    expect(call('sugar 4 baar check ki, last 132')).toMatchObject({ name: 'log_vitals', args: { blood_sugar: 132 } })
    expect(plan(vitalsAgent, 'aaj 3 baar bp check kiya').calls.filter((c) => c.name === 'log_vitals')).toEqual([])
  })

  it('Should not take a change of weight alone for a weight', () => {
    const p = plan(vitalsAgent, 'lost 3 kg in two months')
    expect(p.calls.filter((c) => c.name === 'log_vitals')).toEqual([])
  })

  it('Should ask the record about readings past a number, never log that number', () => {
    expect(call('has my sugar gone above 250 this month?')).toEqual({
      name: 'get_vitals_history',
      args: { metric: 'blood_sugar', period: 'this_month', stat: 'above', threshold: 250 },
    })
    expect(call('is hafte sugar kabhi 70 se kam gayi kya?')).toMatchObject({ name: 'get_vitals_history', args: { stat: 'below', threshold: 70 } })
  })

  it('Should compare this week with last week when asked, in English and Hinglish', () => {
    expect(call('is my sugar worse this week compared to last week?')).toMatchObject({ name: 'get_vitals_history', args: { metric: 'blood_sugar', stat: 'compare', period: 'this_week' } })
    expect(call('pichhle hafte se bp behtar hai kya?')).toMatchObject({ args: { metric: 'blood_pressure', stat: 'compare' } })
    expect(call('sugar: last week vs this week?')).toMatchObject({ args: { metric: 'blood_sugar', stat: 'compare' } })
    expect(call(romaniseHindi('पिछले हफ्ते वजन कितना था और अब?'))).toMatchObject({ args: { metric: 'weight', stat: 'compare' } })
  })

  it('Should read "the last N days" and a Hinglish after-meal average', () => {
    expect(call('show my bp for the past 5 days')).toMatchObject({ name: 'get_vitals_history', args: { metric: 'blood_pressure', period: 'last_5_days' } })
    expect(call('pichhle 10 din ki sugar dikhao')).toMatchObject({ name: 'get_vitals_history', args: { metric: 'blood_sugar', period: 'last_10_days' } })
    expect(call('is hafte khana khane ke baad sugar ka average?')).toMatchObject({ args: { stat: 'average', context: 'after_meal', period: 'this_week' } })
  })
})
