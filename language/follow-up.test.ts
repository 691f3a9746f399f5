import { describe, expect, it } from 'vitest'
import { completeEllipsis, DAY_BEFORE, isFollowUp } from './follow-up.js'
import { normaliseText } from './text.js'

const n = normaliseText

describe('follow-up words', () => {
  it.each(['and the day before?', 'what about last week?', 'is that high?', 'and my father\'s? he uses Podd too', 'aur parson?'])('Should read "%s" as leaning on the message before', (text) => {
    expect(isFollowUp(n(text))).toBe(true)
  })

  it.each(['bp 140/90', 'and I also had 2 rotis for lunch with dal and sabzi and a glass of buttermilk after', 'what was my BP yesterday?'])(
    'Should read "%s" as standing on its own',
    (text) => {
      expect(isFollowUp(n(text))).toBe(false)
    },
  )

  it('Should give a possessive left without its noun the topic of the message before', () => {
    expect(completeEllipsis(n("and my father's? he uses Podd too"), n('what was my BP yesterday?'))).toBe("and my father's bp? he uses podd too")
    expect(completeEllipsis(n('aur papa ka?'), n('kal mera sugar kitna tha?'))).toBe('aur papa ka sugar?')
    expect(completeEllipsis(n('and the day before?'), n('what was my BP yesterday?'))).toBe('and the day before?')
  })

  it('Should tell "the day before" from "the day before yesterday"', () => {
    expect(DAY_BEFORE.test('and the day before?')).toBe(true)
    expect(DAY_BEFORE.test('and the day before yesterday?')).toBe(false)
  })
})
