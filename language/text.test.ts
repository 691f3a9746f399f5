import { describe, expect, it } from 'vitest'
import { romaniseHindi } from './romanise.js'
import { normaliseText } from './text.js'

describe('the words made regular for the planners', () => {
  it('Should read the Hindi spellings of a glass as a glass, with the number before it', () => {
    expect(normaliseText('teen gilaas paani')).toBe('3 glass paani')
    expect(normaliseText('do glaas doodh')).toBe('2 glass doodh')
    expect(normaliseText(romaniseHindi('चार गिलास पानी'))).toBe('4 glass paani')
  })

  it('Should read "puri raat" as the whole night, not a puri', () => {
    expect(normaliseText(romaniseHindi('पूरी रात जागता रहा'))).toBe('whole raat jagta raha')
    expect(normaliseText('poora din thakaan rahi')).toBe('whole din thakaan rahi')
    expect(normaliseText('2 puri aur aloo sabzi')).toBe('2 puri aur aloo sabzi')
  })
})
