import { describe, expect, it } from 'vitest'
import { whyNotARecord } from './not-a-record.js'
import { normaliseText } from './text.js'

const why = (s: string) => whyNotARecord(normaliseText(s))

describe('words that are not the patient own record', () => {
  it.each(["my wife's BP is 150/90", 'log for my mother: 180/110', 'my son weighs 80 kg now, add it', 'meri beti ka sugar 300 hai, log kar do', 'wife ka weight 62 kilo hai'])(
    'Should read %j as someone else',
    (s) => expect(why(s)).toBe('other_person'),
  )
  it.each(['can I have one gulab jamun?', 'is 150/90 high?', 'my target BP is 130/80 right?', 'kya main ek rasgulla kha sakta hoon?'])('Should read %j as a question', (s) =>
    expect(why(s)).toBe('question'),
  )
  it.each(['if someone took two extra metformin by mistake, what happens?', 'agar sugar 60 ho jaye to kya karna chahiye?'])('Should read %j as a hypothetical', (s) =>
    expect(why(s)).toBe('hypothetical'),
  )
  it.each(["I'm going to walk 30 minutes in the evening", 'planning to have idli tomorrow morning', 'I will check my BP after my bath'])('Should read %j as a plan', (s) =>
    expect(why(s)).toBe('plan'),
  )
  it.each(['bp 150/95', 'took my metformin', 'walked 30 minutes', 'I gave the samosa to my grandson'])('Should let %j be logged', (s) => expect(why(s)).toBeUndefined())
})
