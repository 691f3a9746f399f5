import { describe, expect, it } from 'vitest'
import { placeholders } from '../../language/localise.js'
import { REPLY_LANGUAGES } from '../../language/patient-language.js'
import { callTool, firstCall, plan, turn } from '../../test/agent-harness.js'
import { generalAgent } from './general-agent.js'
import { answerHealthQuestion, findHealthTopic, HEALTH_TOPICS, isGeneralHealthQuestion } from './health-answers.js'
import { healthInfoTool } from './health-info-tool.js'

describe('curated health answers', () => {
  it.each([
    ['how many glasses of water a day is enough for me?', 'hydration'],
    ['garmi mein kitna paani peena chahiye?', 'hydration'],
    ['is namak bad for blood pressure?', 'salt'],
    ['सेंधा नमक कितना ठीक है?', 'salt'],
    ['is honey better than sugar for diabetics?', 'sugar_sweets'],
    ['kya main jalebi kha sakta hoon?', 'sugar_sweets'],
    ['can diabetics eat chawal at night?', 'rice_carbs'],
    ['can I eat a banana with diabetes?', 'fruit'],
    ['what kind of exercise is safe at my age?', 'activity'],
    ['should I walk after dinner for my sugar?', 'walk_after_meals'],
    ['how much sleep does a 75 year old need?', 'sleep_hours'],
    ['नींद नहीं आती, क्या करूँ?', 'sleep_tips'],
    ['bukhar mein doctor ko kab dikhana chahiye?', 'fever'],
    ['what is the right way to check blood pressure at home?', 'measure_bp'],
    ['is 145/92 high?', 'bp_levels'],
    ['what should my fasting sugar be?', 'glucose_targets'],
    ['what should I do if my sugar goes low?', 'low_sugar'],
    ['at what sugar level should I call the doctor for high sugar?', 'high_sugar'],
  ])('answers %j from the %s topic', (question, topic) => expect(findHealthTopic(question)?.id).toBe(topic))

  it('Should not take a question about the patient\'s own records for a general one', () => {
    for (const q of ['how much water did I drink today?', 'what was my BP yesterday?', 'how is my sugar this week?', "what's my weight?", 'what medicines am I on?']) {
      expect(isGeneralHealthQuestion(q)).toBe(false)
    }
    for (const q of ['had 2 roti for lunch', 'do roti khayi', 'bp 140/90', 'can you log my sugar 150?']) expect(isGeneralHealthQuestion(q)).toBe(false)
  })

  it('Should say briefly that the doctor can answer what it does not cover, and decline what is not health', () => {
    const unknown = answerHealthQuestion('is ashwagandha safe with my BP tablets?', 'en')
    expect(unknown).toMatchObject({ found: false, sources: [] })
    expect(unknown.text).toMatch(/your doctor can/)
    expect(answerHealthQuestion('who won the cricket match?', 'hi').text).toMatch(/सेहत/)
    expect(unknown.text.length).toBeLessThan(200)
  })

  it('Should give every topic in every language, short, with the same numbers and a source', () => {
    for (const topic of HEALTH_TOPICS) {
      expect(topic.sources.length).toBeGreaterThan(0)
      for (const s of topic.sources) expect(s.url).toMatch(/^https:\/\//)
      const digits = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).sort()
      for (const language of REPLY_LANGUAGES) {
        const text = topic.answer[language] as string
        expect(text.length, `${topic.id} ${language}`).toBeLessThanOrEqual(450)
        expect(placeholders(topic.answer, language)).toEqual([])
        expect(digits(text), `${topic.id} ${language}`).toEqual(digits(topic.answer.en as string))
        expect(text).toMatch(/\((?:Source|स्रोत): /)
      }
    }
  })

  it('Should answer through the health_info tool in the turn language, and the planner should call it', async () => {
    const answer = await callTool(healthInfoTool, { question: 'नमक कितना खाना चाहिए?' }, { ...turn('p1'), replyLanguage: 'hi' })
    expect(answer).toMatchObject({ ok: true, found: true, topic: 'salt' })
    expect(answer.message).toMatch(/5 ग्राम/)
    expect(firstCall(plan(generalAgent, 'how much salt can I have in a day?'))).toEqual({ name: 'health_info', args: { question: 'how much salt can i have in a day?' } })
    expect(firstCall(plan(generalAgent, 'should I get the shingles vaccine?'))).toMatchObject({ name: 'health_info' })
  })

  it('Should say what an everyday medicine is for, in plain words and never a dose', () => {
    expect(answerHealthQuestion('what is metformin used for?', 'en')).toMatchObject({ found: true, text: expect.stringMatching(/diabetes/) })
    expect(answerHealthQuestion('Telma kis liye hai?', 'hi-Latn').text).toMatch(/BP/)
    expect(answerHealthQuestion('मेटफॉर्मिन किस लिए है?', 'hi').text).toMatch(/डायबिटीज़/)
    expect(answerHealthQuestion('how much metformin should I take?', 'en').topic).toBeUndefined()
  })

  it('Should give the plate method for foods that keep sugar steady', () => {
    expect(answerHealthQuestion('what foods help keep blood sugar steady?', 'en')).toMatchObject({ topic: 'diet_for_sugar', text: expect.stringMatching(/vegetables/) })
    expect(firstCall(plan(generalAgent, 'what foods help keep blood sugar steady?'))).toMatchObject({ name: 'health_info' })
  })

  it('Should take the patient\'s own history in Hindi, Hinglish and "the last N days" for theirs, not a general question', () => {
    for (const q of [
      'pichle 7 din ka average BP kya hai?',
      'kal koi dawa chhooti kya?',
      'aaj kitna paani piya?',
      'amlodipine aakhri baar kab li thi?',
      'pichhle 7 dinon mein sabse zyada sugar kitni thi?',
      'meri agli apointament kab hai?',
      'any high BP readings in the last 7 days?',
    ]) {
      expect(isGeneralHealthQuestion(q)).toBe(false)
    }
    expect(isGeneralHealthQuestion('din mein kitna paani peena chahiye?')).toBe(true)
  })

  it.each([
    ['is sugar in tea bad for me?', 'sugar_sweets'],
    ['chai mein cheeni kitni le sakta hoon?', 'sugar_sweets'],
    ['cheeni kitni kha sakte hain?', 'sugar_sweets'],
    ['it is very hot, how do I stay hydrated?', 'hydration'],
    ['roz kitna chalna chahiye?', 'activity'],
    ['रोज़ कितना चलना चाहिए?', 'activity'],
  ])('answers %j (sugar in tea, cheeni, staying hydrated, how far to walk) from the %s topic', (question, topic) => expect(findHealthTopic(question)?.id).toBe(topic))
})
