import { describe, expect, it } from 'vitest'
import { detectReplyLanguage } from '../../../evals/reply-language.js'
import { toolErrorReply } from './tool-error-text.js'

describe("a tool's refusal in the patient's language", () => {
  const reasons = [
    'I could not find that entry; which one do you mean?',
    'I could not find that entry on Tue, 16 Sept; which one do you mean?',
    'which entry do you mean? BP 128/82 (Tue, 16 Sept 9:00 am); BP 150/95 (Tue, 16 Sept 9:30 pm)',
    'which medicine? Open doses today: Metformin at 8:00 am, Amlodipine at 9:00 am',
    'the amount must be a positive number',
  ]

  it.each(reasons)('Should say %j in Hindi, romanised Hindi and English', (reason) => {
    expect(detectReplyLanguage(toolErrorReply(reason, 'hi'))).toBe('hi')
    expect(toolErrorReply(reason, 'hi-Latn')).toMatch(/^(?:Maaf kijiye|Aap)/)
    expect(toolErrorReply(reason, 'en')).toMatch(/^Sorry, I couldn't do that: /)
  })

  it('Should keep the entries and doses the patient chooses from', () => {
    expect(toolErrorReply(reasons[3]!, 'hi-Latn')).toBe('Aapne kaun si dawa li? Aaj ki baaki khuraak: Metformin (8:00 am), Amlodipine (9:00 am).')
    expect(toolErrorReply(reasons[2]!, 'hi')).toContain('BP 150/95 (Tue, 16 Sept 9:30 pm)')
    expect(toolErrorReply(reasons[1]!, 'en')).toBe("Sorry, I couldn't do that: I could not find that entry on Tue, 16 Sept; which one do you mean?")
  })
})
