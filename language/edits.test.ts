import { describe, expect, it } from 'vitest'
import { editIntent, negatedNumbers } from './edits.js'
import { normaliseText } from './text.js'

const intent = (s: string) => editIntent(normaliseText(s))

describe('edit intent', () => {
  it.each(['delete that, I gave the samosa to my grandson', 'remove yesterday\'s 150/95', 'galti se likh diya, wo hata do', 'वो हटा दो'])('Should read %j as a removal', (s) =>
    expect(intent(s)).toBe('remove'),
  )
  it.each(['no, make that 140', 'sorry typo. it was 136/92', 'oops I meant 77 not 72', 'that was fasting, not after food', 'galat likha, 56 kilo hai', 'nahi nahi, 160 thi'])(
    'Should read %j as a correction',
    (s) => expect(intent(s)).toBe('correct'),
  )
  it.each(['the top number was wrong, it is 138', 'upar wala 145 tha', 'chaar nahi, do chapati', 'fasting nahi thi, lunch ke baad thi', 'it wasn\'t tea, it was coffee', 'change my weight to 71', 'that entry is wrong, fix it', 'yeh reading badal do'])(
    'Should read %j as a correction (Hindi denials, halves, explicit edits)',
    (s) => expect(intent(s)).toBe('correct'),
  )
  it.each(['only 3 idlis actually', 'that one was after lunch', 'theek kar do, 6 ghante soya tha', 'maph kijiye, wo random thi', 'shift that reminder to 7 am', 'uska time 9 baje kar do', '90 galat hai'])(
    'Should read %j as a correction too',
    (s) => expect(intent(s)).toBe('correct'),
  )
  it.each(['it was half a tablet', '3 idli only, one I left', 'i checked the phone, it is 6400 steps', '64 kilo likho'])('Should read %j as maybe pointing back', (s) =>
    expect(intent(s)).toBe('refer'),
  )
  it.each(['bp 150/95', 'had 2 roti for lunch', 'what was my sugar yesterday?', 'took my metformin'])('Should read %j as something new', (s) =>
    expect(intent(s)).toBeUndefined(),
  )
  it('Should find the numbers said to be wrong', () => {
    expect(negatedNumbers('oops i meant 77 not 72')).toEqual([72])
    expect(negatedNumbers('should be 112, not 121')).toEqual([121])
    expect(negatedNumbers('130 galat hai, 120 likho')).toEqual([130])
  })
})
