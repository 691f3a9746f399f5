import { describe, expect, it } from 'vitest'
import { firstCall, plan } from '../../test/agent-harness.js'
import { medicationAgent } from './medication-agent.js'
import { romaniseHindi } from '../../language/romanise.js'
import { couldAnswerMedicationQuestion } from './medication-lexicon.js'

const call = (text: string, opts?: Parameters<typeof plan>[2]) => firstCall(plan(medicationAgent, text, opts))

describe('medication planner', () => {
  it('Should set a medicine up from its name, strength and times, with no verb (brands, Hinglish, Devanagari)', () => {
    const setup = (text: string) => plan(medicationAgent, romaniseHindi(text)).calls.map((c) => [c.name, c.args])
    expect(setup('Amlong 10 at 9 pm after dinner')).toEqual([['add_medication', expect.objectContaining({ name: 'Amlodipine (Amlong)', dosage: '10 mg', times: ['21:00'] })]])
    expect(setup('Met XL 50 roz subah 7:30 baje')).toEqual([['add_medication', expect.objectContaining({ name: 'Metoprolol (Met Xl)', dosage: '50 mg', times: ['07:30'] })]])
    expect(setup('Pan-D daily at 7 before breakfast')[0]![1]).toMatchObject({ name: expect.stringMatching(/^Pantoprazole/), times: ['07:00'] })
    expect(setup('crocin 500 subah 9, dopahar 3 aur raat 9 baje, 5 din')[0]![1]).toMatchObject({ times: ['09:00', '15:00', '21:00'] })
    expect(setup('थायरोनॉर्म 75 सुबह साढ़े छह बजे')[0]![1]).toMatchObject({ name: expect.stringMatching(/^Levothyroxine/), times: ['06:30'] })
    expect(setup('glycomet 1 gm raat 9 baje')[0]![1]).toMatchObject({ dosage: '1 gm', times: ['21:00'] })
    expect(setup('meri nayi dawa glimepiride 2 mg din mein ek baar')[0]).toEqual(['add_medication', expect.objectContaining({ name: 'Glimepiride', dosage: '2 mg' })])
  })

  it('Should take reminder times answering "would you like a reminder?", and "both" answering "which medicine?"', () => {
    const reminder = { question: 'added telmisartan 40 mg to your medicines. would you like a reminder time for it?', previous: 'add telmisartan 40 mg once a day' }
    expect(call('9 in the morning', { medicines: ['Telmisartan'], answering: reminder })).toEqual({ name: 'set_medication_schedule', args: { medication_name: 'Telmisartan', times: ['09:00'] } })
    const addIt = { question: 'cetirizine is not in your medicine list; would you like me to add it?', previous: 'took cetirizine 10 mg' }
    expect(call('yes, every night at 10', { answering: addIt })).toEqual({ name: 'add_medication', args: expect.objectContaining({ name: 'Cetirizine', dosage: '10 mg', times: ['22:00'] }) })
    const which = { question: 'which medicine? open doses today: metformin at 8:00 am, amlodipine at 9:00 am', previous: 'took my tablets' }
    expect(call('both of them', { medicines: ['Metformin', 'Amlodipine'], answering: which })).toEqual({ name: 'log_dose', args: { status: 'taken', part_of_day: 'all' } })
  })

  it('Should take "the BP one" answering "which medicine?" as the patient\'s medicine of that kind', () => {
    const answering = { question: 'which medicine? open doses today: telmisartan at 9:00 am, glimepiride at 8:00 am', previous: 'i had my pill' }
    expect(call('the bp one', { medicines: ['Telmisartan', 'Glimepiride'], answering })).toEqual({ name: 'log_dose', args: { status: 'taken', medication_name: 'Telmisartan' } })
  })

  it('Should tell words that could answer its question from a new subject', () => {
    for (const yes of ['haan', 'the sugar one', 'glycomet', 'at 9 pm', '7:30 and 19:30', 'subah', 'both of them', 'skip']) expect(couldAnswerMedicationQuestion(yes)).toBe(true)
    for (const other of ['ate 3 dosa for dinner', 'drank a litre of water', 'bp 130/80', 'slept 6 hours', 'feeling dizzy']) expect(couldAnswerMedicationQuestion(other)).toBe(false)
  })

  it('Should log a named dose, and a part of the day when none is named', () => {
    expect(call('took my metformin', { medicines: ['Metformin'] })).toEqual({ name: 'log_dose', args: { status: 'taken', medication_name: 'Metformin' } })
    expect(call('morning tablets le li')).toEqual({ name: 'log_dose', args: { status: 'taken', part_of_day: 'morning' } })
    expect(call('forgot my amlodipine yesterday because I was travelling')).toEqual({
      name: 'log_dose',
      args: expect.objectContaining({ status: 'missed', medication_name: 'Amlodipine', reason: 'i was travelling' }),
    })
  })

  it('Should log every medicine a dose names', () => {
    const p = plan(medicationAgent, 'took telma and ecosprin')
    expect(p.calls.map((c) => c.args.medication_name)).toEqual(['Telma', 'Ecosprin'])
  })

  it('Should find the patient\'s own medicine by a brand of it, a misspelling, or a Devanagari spelling', () => {
    expect(call('had my eltroxin before tea', { medicines: ['Thyroxine 50 mcg'] })).toMatchObject({ args: { status: 'taken', medication_name: 'Thyroxine 50 mcg' } })
    expect(call('amlokind taken', { medicines: ['Amlodipine'] })).toMatchObject({ args: { medication_name: 'Amlodipine' } })
    expect(call('took metfromin after lunch', { medicines: ['Metformin'] })).toMatchObject({ args: { status: 'taken', medication_name: 'Metformin' } })
    expect(call('had rosuvastatn at night')).toMatchObject({ args: { status: 'taken', medication_name: 'Rosuvastatin' } })
    expect(call('clopilet 75 le li')).toMatchObject({ args: { status: 'taken', medication_name: 'Clopilet', amount: '75 mg' } })
  })

  it('Should read a dose taken late as taken, not missed', () => {
    expect(call('forgot in the morning, took my amlodipine at noon', { medicines: ['Amlodipine'] })).toMatchObject({ args: { status: 'taken' } })
    expect(call('bhool gaya tha, abhi metformin le li', { medicines: ['Metformin'] })).toMatchObject({ args: { status: 'taken' } })
    expect(call('took telma late today, I forgot')).toMatchObject({ args: { status: 'taken' } })
    expect(call('I forgot my telma today')).toMatchObject({ args: { status: 'missed' } })
    expect(call('had lunch late but forgot metformin')).toMatchObject({ args: { status: 'missed' } })
    expect(call('forgot and did not take the metformin')).toMatchObject({ args: { status: 'missed' } })
  })

  it('Should read Hinglish and Devanagari dose words: bare "li", "chhoot gayi", "reh gaya"', () => {
    expect(call('ecosprin li subah')).toMatchObject({ args: { status: 'taken', medication_name: 'Ecosprin' } })
    expect(call('aaj ki telma chhut gayi')).toMatchObject({ args: { status: 'missed' } })
    expect(call('raat wali metformin reh gaya')).toMatchObject({ args: { status: 'missed', medication_name: 'Metformin' } })
    expect(call(romaniseHindi('आज सुबह की टेल्मा भूल गया'))).toMatchObject({ args: { status: 'missed', medication_name: 'Telma' } })
    expect(call(romaniseHindi('डोलो ले ली'))).toMatchObject({ args: { status: 'taken', medication_name: 'Dolo' } })
  })

  it('Should give each medicine of one message its own status', () => {
    const p = plan(medicationAgent, 'took amlodipine but forgot the metformin', { medicines: ['Amlodipine', 'Metformin'] })
    expect(p.calls.map((c) => [c.args.medication_name, c.args.status])).toEqual([
      ['Amlodipine', 'taken'],
      ['Metformin', 'missed'],
    ])
    const q = plan(medicationAgent, 'telma li, ecosprin nahi li')
    expect(q.calls.map((c) => [c.args.medication_name, c.args.status])).toEqual([
      ['Telma', 'taken'],
      ['Ecosprin', 'missed'],
    ])
  })

  it('Should keep the amount taken as a fraction or one and a half', () => {
    expect(call('took 1/2 tab of concor', { medicines: ['Bisoprolol'] })).toMatchObject({ args: { medication_name: 'Bisoprolol', amount: 'half tablet' } })
    expect(call('metolar ki chauthai goli li')).toMatchObject({ args: { amount: 'quarter tablet' } })
    expect(call('dedh goli glycomet li')).toMatchObject({ args: { amount: '1.5 tablets' } })
    expect(call('took one and a half tablets of telma')).toMatchObject({ args: { amount: '1.5 tablets' } })
  })

  it("Should mark every dose of a medicine for 'both' or 'all'", () => {
    expect(call('skipped both telma doses today', { medicines: ['Telmisartan'] })).toMatchObject({ args: { status: 'skipped', medication_name: 'Telmisartan', part_of_day: 'all' } })
    expect(call('kal metformin ki dono goliyan chhoot gayi')).toMatchObject({ args: { status: 'missed', part_of_day: 'all' } })
    expect(call('took my metformin')).not.toMatchObject({ args: { part_of_day: 'all' } })
  })

  it('Should ask the record about doses over any number of days', () => {
    expect(call('how many doses did I miss over the past 10 days?')).toEqual({ name: 'get_dose_history', args: { question: 'doses', period: 'last_10_days' } })
    expect(call('pichhle 3 din mein koi dawai chhooti kya?')).toMatchObject({ args: { period: 'last_3_days' } })
  })

  it('Should add a medicine and set reminders', () => {
    expect(call('doctor prescribed atorvastatin 10 mg at night')).toEqual({
      name: 'add_medication',
      args: { name: 'Atorvastatin', dosage: '10 mg', frequency: 'at night' },
    })
    expect(call('remind me to take amlodipine at 9 pm')).toEqual({ name: 'set_medication_schedule', args: { medication_name: 'Amlodipine', times: ['21:00'] } })
  })

  it('Should set a medicine up in one sentence: strength, frequency, instructions and every time', () => {
    expect(call('I take metformin 500 mg twice a day, at 8 am and 8 pm after food')).toEqual({
      name: 'add_medication',
      args: { name: 'Metformin', dosage: '500 mg', frequency: 'twice a day', instructions: 'after food', times: ['08:00', '20:00'] },
    })
    expect(call('I am on Telma 40, one tablet every morning at 7')).toMatchObject({ args: { name: 'Telmisartan (Telma)', dosage: '40 mg', times: ['07:00'] } })
    expect(call('main roz subah 8 baje aur raat 8 baje metformin 500 leta hoon')).toMatchObject({ args: { times: ['08:00', '20:00'] } })
    expect(call('vitamin D 60000 units once a week, sunday morning 9 am')).toMatchObject({ args: { days_of_week: ['7'], times: ['09:00'] } })
    const two = plan(medicationAgent, 'I take pantoprazole 40 at 7 in the morning and metformin 500 three times a day at 8, 2 and 8').calls
    expect(two.map((c) => [c.args.name, c.args.times])).toEqual([
      ['Pantoprazole', ['07:00']],
      ['Metformin', ['08:00', '14:00', '20:00']],
    ])
  })

  it('Should keep the amount taken and find medicines by brand, kind or a typo', () => {
    expect(call('took half tablet of amlodipine')).toMatchObject({ args: { medication_name: 'Amlodipine', amount: 'half tablet' } })
    expect(call('gave myself 12 units lantus tonight')).toMatchObject({ name: 'log_dose', args: { medication_name: 'Lantus', amount: '12 units', status: 'taken' } })
    expect(call('had my BP tablet', { medicines: ['Amlodipine', 'Metformin'] })).toMatchObject({ args: { medication_name: 'Amlodipine' } })
    expect(call('telmisatran done', { medicines: ['Telmisartan'] })).toMatchObject({ args: { medication_name: 'Telmisartan', status: 'taken' } })
  })

  it('Should move a reminder, and read corrections and removals of a dose', () => {
    expect(call('move my atorvastatin reminder to 9 pm', { medicines: ['Atorvastatin'] })).toEqual({
      name: 'reschedule_medication',
      args: { medication_name: 'Atorvastatin', to_time: '21:00' },
    })
    const own = { medicines: ['Levothyroxine', 'Metformin', 'Rosuvastatin'] }
    expect(call('please shift my thyroid pill reminder to 5:30 in the morning', own)).toEqual({ name: 'reschedule_medication', args: { medication_name: 'Levothyroxine', to_time: '05:30' } })
    expect(call('cholesterol tablet ka time 10 baje kar do', own)).toEqual({ name: 'reschedule_medication', args: { medication_name: 'Rosuvastatin', to_time: '10' } })
    expect(call('my cholesterol tablet reminder should be 9:30, not 10', own)).toEqual({ name: 'reschedule_medication', args: { medication_name: 'Rosuvastatin', to_time: '9:30' } })
    expect(call(romaniseHindi('रोसुवास्टेटिन की रात वाली गोली का समय साढ़े नौ कर दो'), own)).toEqual({
      name: 'reschedule_medication',
      args: { medication_name: 'Rosuvastatin', to_time: '9:30 pm', from_time: 'night' },
    })
    // A reminder that names no medicine, of a patient with several: asked, not guessed.
    expect(plan(medicationAgent, 'change the reminder to 7', own)).toMatchObject({ calls: [], asked: true })
    const setUp = [{ id: 'm1', kind: 'medication', at: '2025-06-11T13:00:00Z', payload: { name: 'Telmisartan', dosage: '40 mg' } }]
    expect(call('hmm, push that reminder to 7 pm', { recent: setUp })).toEqual({ name: 'reschedule_medication', args: { medication_name: 'Telmisartan', to_time: '19:00' } })
    expect(call(romaniseHindi('इसका रिमाइंडर 7 बजे कर दो'), { recent: setUp })).toEqual({ name: 'reschedule_medication', args: { medication_name: 'Telmisartan', to_time: '7' } })
    const recent = [{ id: 'd1', kind: 'med_dose', at: '2025-06-11T03:00:00Z', payload: { medication_name: 'Amlodipine', status: 'taken' } }]
    expect(call('no I skipped it today, my BP was low in the morning', { recent })).toMatchObject({ name: 'correct_entry', args: { changes: { status: 'skipped' } } })
    expect(call('sorry I have not taken it yet, remove that', { recent })).toEqual({ name: 'remove_entry', args: { kind: 'med_dose' } })
  })

  it('Should answer questions about doses and the list from the record, never logging a dose', () => {
    expect(call('did i take my meds today?')).toEqual({ name: 'get_dose_history', args: { question: 'doses', period: 'today' } })
    expect(call('what medicines do i take')).toEqual({ name: 'list_medications', args: {} })
    expect(call('when did I last take atorvastatin?', { medicines: ['Atorvastatin'] })).toEqual({
      name: 'get_dose_history',
      args: { question: 'last_taken', medication_name: 'Atorvastatin' },
    })
    expect(call('did I take my insulin last night?')).toMatchObject({ name: 'get_dose_history', args: { period: 'yesterday', part_of_day: 'night' } })
    expect(plan(medicationAgent, 'if someone took two extra metformin by mistake, what happens?')).toMatchObject({ calls: [], reply: expect.stringMatching(/doctor or pharmacist/) })
  })

  it('Should ask rather than guess when a medicine is named without what happened', () => {
    expect(call('metformin', { medicines: ['Metformin'] })).toEqual({ reply: 'Did you take Metformin, miss it, or would you like a reminder for it?' })
  })

  it('Should answer a reminder from a bare reply, and log a named dose as before', () => {
    expect(call('taken')).toEqual({ name: 'answer_reminder', args: { action: 'taken' } })
    expect(call('haan le li')).toEqual({ name: 'answer_reminder', args: { action: 'taken' } })
    expect(call('ok done')).toEqual({ name: 'answer_reminder', args: { action: 'taken' } })
    expect(call('skip')).toEqual({ name: 'answer_reminder', args: { action: 'skip' } })
    expect(call('snooze 10 min')).toEqual({ name: 'answer_reminder', args: { action: 'snooze', minutes: 10 } })
    expect(call('remind me again in 30 minutes')).toEqual({ name: 'answer_reminder', args: { action: 'snooze', minutes: 30 } })
    expect(call('took my metformin', { medicines: ['Metformin'] })).toMatchObject({ name: 'log_dose' })
  })

  it('Should set the times of a medicine just added when "it" is said with times', () => {
    const p = plan(medicationAgent, 'I take it at 8 am and 8 pm', {
      medicines: ['Metformin'],
      answering: { question: 'would you like a reminder time for it?', previous: "i've started metformin 500 mg twice a day" },
    })
    expect(p.calls).toEqual([{ name: 'set_medication_schedule', args: { medication_name: 'Metformin', times: ['08:00', '20:00'] } }])
  })

  it('Should take one of the patient own medicines said with an amount as a dose taken', () => {
    expect(call('half tablet of amlodipine', { medicines: ['Amlodipine'] })).toEqual({ name: 'log_dose', args: expect.objectContaining({ medication_name: 'Amlodipine', status: 'taken', amount: 'half tablet' }) })
    expect(call('10 units of insulin', { medicines: ['Insulin glargine'] })).toMatchObject({ name: 'log_dose', args: { status: 'taken', amount: '10 units' } })
    expect(call('metformin 500', { medicines: ['Metformin'] })).toMatchObject({ name: 'log_dose', args: { status: 'taken', amount: '500 mg' } })
    // Not one of theirs: asked about, not logged.
    expect(plan(medicationAgent, 'metformin 500').calls).toEqual([])
  })

  it('Should answer "aakhri baar kab li?", "koi dawa chhooti?" and "my next medicine" from the record', () => {
    const medicines = ['Amlodipine', 'Metformin']
    expect(call('amlodipine aakhri baar kab li thi?', { medicines })).toEqual({ name: 'get_dose_history', args: { question: 'last_taken', medication_name: 'Amlodipine' } })
    expect(call(romaniseHindi('कल कोई दवा छूटी क्या?'), { medicines })).toEqual({ name: 'get_dose_history', args: { question: 'doses', period: 'yesterday' } })
    expect(call('when is my next medicine?', { medicines })).toEqual({ name: 'get_doses_today', args: {} })
  })
})
