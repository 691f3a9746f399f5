import { describe, expect, it } from 'vitest'
import { firstCall, plan } from '../../test/agent-harness.js'
import { generalAgent } from './general-agent.js'
import { couldAnswerGeneralQuestion } from './general-lexicon.js'
import { romaniseHindi } from '../../language/romanise.js'

const call = (text: string) => firstCall(plan(generalAgent, text))

describe('general planner', () => {
  it('Should move an appointment the patient has rather than add another', () => {
    expect(call('please shift my appointment with Dr Mehta to friday 5 pm')).toEqual({ name: 'reschedule_appointment', args: { which: expect.stringMatching(/mehta/i), to: 'friday 5 pm' } })
    expect(call('postpone my blood test to 2 july')).toMatchObject({ name: 'reschedule_appointment', args: { to: '2 july' } })
  })

  it('Should tell words that could answer its question from a new subject', () => {
    for (const yes of ['about 5 hours', 'not well', 'friday 10 am', 'haan', 'theek thi']) expect(couldAnswerGeneralQuestion(yes)).toBe(true)
    for (const other of ['dinner was 2 roti and sabzi', 'bp 128/84', 'took metformin']) expect(couldAnswerGeneralQuestion(other)).toBe(false)
  })

  it('Should ask about a night said with nothing about it, and log the answer', () => {
    expect(plan(generalAgent, 'i slept')).toMatchObject({ calls: [], asked: true, reply: expect.stringMatching(/How many hours/) })
    const answering = { question: 'how many hours did you sleep, and how well? for example "7 hours, slept well".', previous: 'i slept' }
    expect(plan(generalAgent, '6 hours, not well', { answering }).calls).toEqual([{ name: 'log_sleep', args: { duration_hours: 6, quality: 'poor' } }])
  })

  it('Should correct the activity of the exercise just logged ("not jogging, it was cycling")', () => {
    const recent = [{ id: 'x', kind: 'exercise', at: '2025-06-11T13:00:00Z', payload: { activity: 'jog', duration_minutes: 20 } }]
    expect(plan(generalAgent, 'not jogging, it was cycling', { recent }).calls).toEqual([{ name: 'correct_entry', args: { kind: 'exercise', changes: { activity: 'cycle' } } }])
  })

  it('Should log symptoms, sleep, exercise and mood from the words', () => {
    expect(call('severe headache since yesterday')).toEqual({
      name: 'log_symptom',
      args: expect.objectContaining({ name: 'headache', severity: 'severe', duration: 'since yesterday' }),
    })
    expect(call('slept 6 hours')).toEqual({ name: 'log_sleep', args: { duration_hours: 6 } })
    expect(call('walked 30 minutes this morning')).toEqual({ name: 'log_exercise', args: { activity: 'walk', duration_minutes: 30, when: 'this morning' } })
    expect(call('feeling very low today')).toEqual({ name: 'log_mood', args: expect.objectContaining({ mood: 'very_bad' }) })
  })

  it('Should update the profile from a statement about the patient', () => {
    expect(call('I am allergic to penicillin')).toEqual({ name: 'update_profile', args: { allergies: ['penicillin'] } })
  })

  it('Should summarise a period for "how was my week"', () => {
    expect(call('how was my week?')).toEqual({ name: 'get_health_summary', args: { period: 'last_7_days' } })
  })

  it('Should greet without logging', () => {
    expect(plan(generalAgent, 'namaste')).toMatchObject({ calls: [], reply: expect.stringMatching(/^Hello!/) })
  })

  it('Should read Hindi negation: poor sleep, a low mood, a pain that has gone', () => {
    expect(call('neend achhi nahi aayi')).toEqual({ name: 'log_sleep', args: { quality: 'poor' } })
    expect(call('raat ko neend theek se nahi aayi, sirf 4 ghante soya')).toEqual({ name: 'log_sleep', args: { duration_hours: 4, quality: 'poor' } })
    expect(call('kal raat achhi neend aayi')).toEqual({ name: 'log_sleep', args: { quality: 'good' } })
    expect(call('aaj mann theek nahi hai')).toMatchObject({ name: 'log_mood', args: { mood: 'bad' } })
    expect(plan(generalAgent, 'ghutne ka dard ab nahi hai')).toMatchObject({ calls: [], reply: expect.stringMatching(/eased/) })
  })

  it('Should log nothing for an activity that was not done, in Hinglish, Devanagari and English', () => {
    for (const text of ['aaj walk nahi ki', 'subah sair par nahi ja paya, ghutna dukh raha tha', 'yoga nahi ho paya aaj', 'gym nahi gaya kal', "didn't go for my evening walk", 'skipped yoga today']) {
      expect(plan(generalAgent, text).calls.filter((c) => c.name === 'log_exercise'), text).toEqual([])
    }
    expect(plan(generalAgent, romaniseHindi('आज योग नहीं किया'))).toMatchObject({ calls: [], reply: expect.stringMatching(/haven't logged/) })
    // Done after all: still logged.
    expect(call('aaj 20 minute yoga kiya')).toMatchObject({ name: 'log_exercise', args: { activity: 'yoga', duration_minutes: 20 } })
  })

  it('Should read walking said with the Hindi verb, steps as kadam and cycling', () => {
    expect(call('shaam ko 45 minute chali')).toMatchObject({ name: 'log_exercise', args: { activity: 'walk', duration_minutes: 45 } })
    expect(call(romaniseHindi('आज 3 km पैदल चला'))).toMatchObject({ name: 'log_exercise', args: { activity: 'walk', distance_km: 3 } })
    expect(call('aaj 7000 kadam ho gaye')).toMatchObject({ name: 'log_exercise', args: { activity: 'walk', steps: 7000 } })
    expect(call('20 minute cycle chalayi')).toMatchObject({ name: 'log_exercise', args: { activity: 'cycle', duration_minutes: 20 } })
    expect(plan(generalAgent, 'pata chala ki sugar badh gayi').calls.map((c) => c.name)).not.toContain('log_exercise')
  })

  it('Should read a poor or a good night in Hinglish, and bed and waking times said time first', () => {
    expect(call('raat bhar so nahi payi')).toMatchObject({ name: 'log_sleep', args: { quality: 'poor' } })
    expect(call('2 baje tak jaagti rahi')).toMatchObject({ name: 'log_sleep', args: { quality: 'poor' } })
    expect(call('7 ghante soya, subah ekdum taza mehsoos hua')).toMatchObject({ name: 'log_sleep', args: { duration_hours: 7, quality: 'good' } })
    expect(call(romaniseHindi('रात 10:30 बजे सोई और सुबह 5 बजे उठी'))).toMatchObject({ name: 'log_sleep', args: { bed_time: '22:30', wake_time: '05:00', duration_hours: 6.5 } })
  })

  it('Should read a mood said in Hindi words', () => {
    expect(call('aaj mann bahut badhiya hai')).toMatchObject({ name: 'log_mood', args: { mood: 'very_good' } })
    expect(call(romaniseHindi('आज मन अच्छा है'))).toMatchObject({ name: 'log_mood', args: { mood: 'good' } })
    expect(call(romaniseHindi('बहुत उदास महसूस हो रहा है'))).toMatchObject({ name: 'log_mood', args: { mood: 'bad' } })
    expect(call('main aaj thoda pareshan hoon')).toMatchObject({ name: 'log_mood', args: { mood: 'bad' } })
    expect(call(romaniseHindi('आज मैं बहुत खुश हूँ'))).toMatchObject({ name: 'log_mood', args: { mood: 'very_good' } })
  })

  it('Should name a Hindi pain by its body part, and log nothing for one that has passed', () => {
    expect(call(romaniseHindi('कमर में दर्द है'))).toMatchObject({ name: 'log_symptom', args: { name: 'back pain', body_part: 'back' } })
    expect(call('ghutnon mein bahut dard')).toMatchObject({ name: 'log_symptom', args: { name: 'knee pain', body_part: 'knee', severity: 'moderate' } })
    expect(plan(generalAgent, 'ab sir dard nahi ho raha')).toMatchObject({ calls: [] })
    expect(plan(generalAgent, 'chakkar ab nahi aata')).toMatchObject({ calls: [] })
    expect(plan(generalAgent, 'kamar dard ab theek ho gaya')).toMatchObject({ calls: [] })
    expect(plan(generalAgent, 'bukhar utar gaya hai')).toMatchObject({ calls: [] })
    expect(call('gale mein bahut kharash hai')).toMatchObject({ name: 'log_symptom', args: { name: 'sore throat' } })
    expect(call(romaniseHindi('2 दिन से कब्ज है'))).toMatchObject({ name: 'log_symptom', args: { name: 'constipation' } })
    expect(call('subah se jee machal raha hai')).toMatchObject({ name: 'log_symptom', args: { name: 'nausea' } })
    expect(call('aajkal bhook nahi lagti')).toMatchObject({ name: 'log_symptom', args: { name: 'loss of appetite' } })
    // A symptom yesterday that has passed is still a fact of yesterday.
    expect(call('kal ulti hui thi, ab theek hoon')).toMatchObject({ name: 'log_symptom' })
  })

  it("Should answer in the turn's language", () => {
    const p = generalAgent.plan({ text: 'namaste', whole: 'namaste', medicines: [], tools: new Set(), recent: [], language: 'hi' })
    expect(p.reply).toMatch(/^नमस्ते!/)
    const q = generalAgent.plan({ text: 'kuch bhi', whole: 'kuch bhi', medicines: [], tools: new Set(), recent: [], language: 'hi-Latn' })
    expect(q.reply).toMatch(/^Maaf kijiye/)
  })

  it('Should read how the night was from the words around the hours', () => {
    expect(call('barely slept, maybe 4 hours')).toEqual({ name: 'log_sleep', args: { duration_hours: 4, quality: 'poor' } })
    expect(call('hardly slept last night')).toMatchObject({ name: 'log_sleep', args: { quality: 'poor' } })
  })

  it('Should log a low mood, with tiredness said beside it as part of the mood', () => {
    expect(plan(generalAgent, 'feeling quite low and tired today').calls).toEqual([{ name: 'log_mood', args: expect.objectContaining({ mood: 'bad' }) }])
    expect(call('I am feeling irritable today')).toMatchObject({ name: 'log_mood', args: { mood: 'bad' } })
    // Tiredness on its own is a symptom.
    expect(call('feeling very tired since morning')).toMatchObject({ name: 'log_symptom', args: { name: 'tired' } })
  })

  it('Should save an appointment with its doctor, asking for the day when none is said', () => {
    expect(call("I have a doctor's appointment with Dr Mehta on Friday at 11 am")).toEqual({
      name: 'add_appointment',
      args: { title: 'Doctor appointment', when: 'on friday at 11 am', doctor: 'Dr Mehta', notes: "i have a doctor's appointment with dr mehta on friday at 11 am" },
    })
    expect(plan(generalAgent, "I have a doctor's appointment")).toMatchObject({ calls: [], asked: true })
    const answer = plan(generalAgent, 'Friday 11 am with Dr Rao', { answering: { question: 'which day and time is the appointment?', previous: "i have a doctor's appointment" } })
    expect(answer.calls).toEqual([{ name: 'add_appointment', args: expect.objectContaining({ when: 'friday 11 am', doctor: 'Dr Rao' }) }])
  })

  it('Should name an emergency contact by their name, keeping the relationship', () => {
    expect(call('add my son Rahul as my emergency contact, his number is 9876543210')).toEqual({
      name: 'add_emergency_contact',
      args: { name: 'Rahul', phone: '9876543210', relationship: 'son' },
    })
    expect(call('emergency contact is Sunita Sharma 9123456780')).toMatchObject({ args: { name: 'Sunita Sharma', phone: '9123456780' } })
  })

  it('Should read history questions in Hinglish and Devanagari from the record, and advice questions as advice', () => {
    expect(call('is hafte neend kaisi rahi?')).toEqual({ name: 'get_day_history', args: { topic: 'sleep', period: 'this_week' } })
    expect(call(romaniseHindi('मेरी अगली अपॉइंटमेंट कब है?'))).toEqual({ name: 'get_day_history', args: { topic: 'appointments' } })
    // Every activity, not only ones called "exercise".
    expect(call('how much did I exercise in the last 7 days?')).toEqual({ name: 'get_day_history', args: { topic: 'exercise', period: 'last_7_days' } })
    expect(call('how much should I walk every day?')).toMatchObject({ name: 'health_info' })
    expect(call('how can I sleep better?')).toMatchObject({ name: 'health_info' })
  })

  it('Should ask the record about the next visit to a doctor, said without the word appointment', () => {
    for (const text of ['which doctor am I seeing next?', 'agla doctor kaun sa hai jiske paas jana hai?', romaniseHindi('अगली बार डॉक्टर के पास कब जाना है?'), romaniseHindi('डॉक्टर से अगली मुलाकात कब है?')]) {
      expect(call(text)).toMatchObject({ name: 'get_day_history', args: { topic: 'appointments' } })
    }
  })
})
