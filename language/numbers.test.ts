import { describe, expect, it } from 'vitest'
import { hindiNumbersToDigits } from './numbers.js'
import { normaliseText } from './text.js'

describe('numbers as patients say them', () => {
  it.each([
    ['sugar ek sau chalis thi', 'sugar 140 thi'],
    ['ek sau assi', '180'],
    ['do sau das', '210'],
    ['sugar sau se upar', 'sugar 100 se upar'],
    ['dedh sau', '150'],
    ['dhai ghante', '2.5 ghante'],
    ['saadhe chhe ghante soya', '6.5 ghante soya'],
    ['aadhi goli li', '0.5 goli li'],
    ['teen glass pani', '3 glass pani'],
    ['sugar assi thi', 'sugar 80 thi'],
    ['BP one twenty over eighty', 'bp 120 over 80'],
    ['it was six and a half hours', 'it was 6.5 hours'],
    ['half litre only', '0.5 litre only'],
  ])('Should read %j as %j', (said, read) => expect(normaliseText(said)).toBe(read))

  it.each(['do you have a minute', 'main saath mein gaya', 'the fasting one from this morning', '3 idli only, one i left'])(
    'Should leave everyday words alone in %j',
    (said) => expect(normaliseText(said)).toBe(said),
  )

  it('Should mend typed slips in readings', () => {
    expect(normaliseText('bp 13o/85')).toBe('bp 130/85')
    expect(normaliseText('suger 150 after food')).toBe('sugar 150 after food')
    expect(normaliseText('sugar147 pp')).toBe('sugar 147 pp')
    expect(normaliseText('presure 150 by 95')).toBe('pressure 150 by 95')
  })

  it('Should read a quarter less or more: paune, sava', () => {
    expect(hindiNumbersToDigits('paune do litre')).toBe('1.75 litre')
    expect(hindiNumbersToDigits('sava teen ghante')).toBe('3.25 ghante')
    expect(hindiNumbersToDigits('sawa sau')).toBe('125')
    expect(hindiNumbersToDigits('paune do baje')).not.toContain('1.75')
  })
})

describe('Hindi quarter and half numbers', () => {
  it.each([
    ['paune teen sau', '275'],
    ['saadhe chaar sau', '450'],
    ['sava sau', '125'],
    ['sava teen ghante', '3.25 ghante'],
    ['paune do hazaar kadam', '1750 kadam'],
  ])('Should read "%s" as "%s"', (text, digits) => {
    expect(normaliseText(text)).toBe(digits)
  })
})

describe('letters typed for digits', () => {
  it.each([
    ['sugar 1l0', 'sugar 110'],
    ['bp 14l/9o', 'bp 141/90'],
    ['bp l50/9O', 'bp 150/90'],
    ['bp 120/8o', 'bp 120/80'],
  ])('Should read "%s" as "%s"', (text, read) => {
    expect(normaliseText(text)).toBe(read)
  })

  it('Should leave words of letters alone', () => {
    expect(normaliseText('lol, all ok')).toBe('lol, all ok')
  })
})
