import { describe, expect, it } from 'vitest'
import { asksForMore, SPOKEN_WORD_BUDGET, spokenReply, spokenSentences } from './spoken-reply.js'

const FALLBACK =
  "I'm running on Podd's built-in offline model, so I understand simple messages best. I can log your meals and water, " +
  'blood pressure, sugar and other readings, medicines and doses, symptoms, mood, sleep and exercise, remind you about ' +
  'medicines, and answer questions like "what was my BP yesterday?". Could you say it another way?'

describe('spoken replies', () => {
  it('never speaks the fallback paragraph: its first sentence and its question', () => {
    expect(spokenReply(FALLBACK)).toBe(
      "I'm running on Podd's built-in offline model, so I understand simple messages best. Could you say it another way?",
    )
  })

  it('keeps two short sentences, about eight seconds', () => {
    const reply = 'Logged BP 140/90. That is high (stage 2). Please recheck in five minutes and tell your doctor if it stays high.'
    expect(spokenSentences(reply)).toEqual(['Logged BP 140/90.', 'That is high (stage 2).'])
    for (const r of [FALLBACK, reply]) expect(spokenReply(r).split(/\s+/).length).toBeLessThanOrEqual(SPOKEN_WORD_BUDGET + 8)
  })

  it("says each agent's first sentence when several answered", () => {
    expect(spokenSentences('Logged your lunch. About 380 kcal.\n\nLogged sugar 120 mg/dL. In range.')).toEqual([
      'Logged your lunch.',
      'Logged sugar 120 mg/dL.',
    ])
  })

  it('speaks an emergency whole, and everything when the patient asked for more', () => {
    const emergency = 'This could be a medical emergency. Call 112 or 108 now. Ask someone to stay with you. Do not drive yourself.'
    expect(spokenSentences(emergency, { emergency: true })).toHaveLength(4)
    expect(spokenSentences(FALLBACK, { transcript: 'tell me more' })).toHaveLength(3)
    expect(asksForMore('please explain in detail')).toBe(true)
    expect(asksForMore('my sugar is one forty')).toBe(false)
  })
})
