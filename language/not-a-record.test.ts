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

  it.each(['meri biwi ka BP 150/90 hai', 'मेरे बेटे को 101 बुखार है', 'my friend ate 5 laddoos at the party', 'my neighbour uncle checked his BP, 170/100, is that dangerous?'])(
    'Should read %j (a wife, a son, a friend, a neighbour) as someone else',
    (s) => expect(why(s)).toBe('other_person'),
  )
  it('Should read a clause that starts "if I…" as a hypothetical, and a Devanagari future as a plan', () => {
    expect(why('if I eat a samosa now')).toBe('hypothetical')
    expect(why('कल शादी में बिरयानी खाऊँगा')).toBe('plan')
    expect(why('I ate a samosa')).toBeUndefined()
    expect(why('mera BP 130/80')).toBeUndefined()
  })

  it.each([
    'my sister in law took her thyroid tablet at 7',
    'my son-in-law had 2 beers and sugar 250',
    'didi ne aaj 4 laddoo kha liye',
    'papa ne subah ki goli le li',
    'jija ji ka BP 160/100 aaya',
    'पापा ने आज 3 रोटी खाई',
    'bhabhi ko 102 bukhar hai',
  ])('Should read %j (an in-law, who did it with "ne", whom it happened to with "ko") as someone else', (s) => expect(why(s)).toBe('other_person'))
  it.each(['mummy ke saath 30 minute walk ki', 'walked 40 minutes with my wife', 'beti ke sath 2 km chala'])('Should let %j, done with someone, be logged as the patient own', (s) =>
    expect(why(s)).toBeUndefined(),
  )

  it.each(['मेरे भाई ने 5 लड्डू खाए', 'सास जी को 101 बुखार है', 'maine papa ko unki bp ki goli de di', 'I gave my mother her insulin at 9', 'maine mummy ka sugar check kiya, 210 tha'])(
    'Should read %j as someone else, also when the patient did it for them',
    (s) => expect(why(s)).toBe('other_person'),
  )
  it.each(['my son checked my BP, 138/88', 'beti ne khana banaya, maine 2 roti khayi', 'wife measured my sugar, 150'])('Should read %j as the patient own, whoever helped', (s) =>
    expect(why(s)).toBeUndefined(),
  )
  it.each(['raat ko insulin lagaungi', 'shaam ko 2 km chalunga', 'kal se roz 8 glass paani piyungi'])('Should read %j as a plan', (s) => expect(why(s)).toBe('plan'))
})
