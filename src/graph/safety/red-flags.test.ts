import { describe, expect, it } from 'vitest'
import { emergencyKind, emergencyReply } from './emergency-text.js'
import { detectRedFlags, type RedFlagCategory } from './red-flags.js'

const RED_FLAGS: [string, RedFlagCategory][] = [
  ['I have crushing chest pain spreading to my left arm', 'chest_pain'],
  ['my chest feels very tight and I am sweating a lot', 'chest_pain'],
  ['pain in my jaw and left arm, short of breath and feeling cold and clammy', 'chest_pain'],
  ['now my chest is hurting badly and my left arm is numb', 'chest_pain'],
  ['I think I am having a heart attack', 'chest_pain'],
  ['सीने में बहुत तेज दर्द हो रहा है', 'chest_pain'],
  ['seene mein bahut dard ho raha hai aur paseena aa raha hai', 'chest_pain'],
  ['nenju vali romba irukku', 'chest_pain'],
  ['chaati noppi ga undi, chemata vastondi', 'chest_pain'],
  ['buke byatha korche khub', 'chest_pain'],
  ['chhatit khup dukhtay', 'chest_pain'],
  ['chhati ma dukhavo thay chhe', 'chest_pain'],
  ['ede novu jaasti ide', 'chest_pain'],
  ['nenju vedana undu', 'chest_pain'],
  ['chhati vich bahut dard ho reha hai', 'chest_pain'],
  ["my mother's face is drooping on one side and she can't lift her arm", 'stroke'],
  ['dad suddenly has slurred speech and seems confused', 'stroke'],
  ['my face is dropping and i cant talk properly', 'stroke'],
  ['worst headache of my life, it came on suddenly', 'stroke'],
  ['माँ का मुंह टेढ़ा हो गया है और बोल नहीं पा रही', 'stroke'],
  ['papa ka muh tedha ho gaya aur haath mein kamzori hai', 'stroke'],
  ["I can't breathe properly and my lips are turning blue", 'breathing'],
  ['मुझे सांस नहीं आ रही है', 'breathing'],
  ['saans lene mein bahut dikkat ho rahi hai', 'breathing'],
  ['mujhe saans nahi aa raha', 'breathing'],
  ['moochu vida mudiyala', 'breathing'],
  ['shash nite parchi na', 'breathing'],
  ['shwas gheta yet nahi', 'breathing'],
  ['my husband collapsed and is not responding', 'unconscious'],
  ['पापा बेहोश हो गए हैं', 'unconscious'],
  ['mummy behosh ho gayi hai', 'unconscious'],
  ['papa gir gaye aur hosh nahi hai', 'unconscious'],
  ['my son is having a seizure right now', 'seizure'],
  ["I'm vomiting blood", 'bleeding'],
  ['I cut my hand badly and the bleeding will not stop', 'bleeding'],
  ['ulti mein khoon aa raha hai', 'bleeding'],
  ['grandma fell and hit her head, there is a lot of bleeding', 'head_injury'],
  ["my throat is swelling after eating peanuts and I can't swallow", 'allergic_reaction'],
  ['his sugar is 45 and he is confused and sweating', 'low_sugar_confusion'],
  ['I want to end my life', 'self_harm'],
  ["I don't want to live anymore", 'self_harm'],
  ['I took all my sleeping pills at once', 'self_harm'],
  ['मैं जीना नहीं चाहता', 'self_harm'],
  ['jeena nahi chahta ab', 'self_harm'],
  ['mujhe mar jaana hai, sab khatam karna hai', 'self_harm'],
  ['naaku chanipovalani undi', 'self_harm'],
  ['enikku marikkanam', 'self_harm'],
  ['sometimes I think everyone would be better off without me', 'self_harm'],
]

const LOOK_ALIKES = [
  'my chest of drawers broke',
  'chest day at the gym today, did bench press for 45 minutes',
  "I'm dying to try the new biryani place",
  'this traffic is killing me',
  'watched a movie about a heart attack survivor, very inspiring',
  'what a stroke of luck, my sugar is finally normal at 110',
  'my grandfather had a stroke 10 years ago, so I check my BP often',
  'no chest pain, just a mild headache today',
  'my gums bled a little while brushing',
  'small cut on my finger while chopping onions, put a bandage on it',
  'I almost fainted when I saw the electricity bill',
  'dead tired after the wedding yesterday',
  'my phone battery died so I could not log my sugar',
  'slightly dizzy when I stand up quickly, goes away in a second',
  'BP 182/112 this morning but no symptoms, feeling fine',
  'chest X-ray normal aaya, doctor ne kaha sab theek hai',
  'aaj dil garden garden ho gaya, pota aaya hai',
  'hans hans ke pet mein dard ho gaya',
  'hanste hanste mar gaya main, kya joke tha',
  'pranayam mein 30 second saans rok ke rakhi',
  'seene mein dard nahi hai, bas thakaan hai',
  'nenju vali illa, konjam thalai vali',
  'bp 130/85 and I took my metformin',
  'sugar 65 before breakfast',
]

describe('red-flag detection', () => {
  it.each(RED_FLAGS)('Should flag %j as %s', (text, category) => {
    expect(detectRedFlags(text).map((f) => f.category)).toContain(category)
  })

  it.each(LOOK_ALIKES)('Should not flag the look-alike %j', (text) => {
    expect(detectRedFlags(text)).toEqual([])
  })

  it('Should give fixed texts: 112/108 for medical emergencies, Tele-MANAS 14416 for crisis, Hindi for Hindi speakers', () => {
    expect(emergencyReply(['chest_pain'])).toMatch(/112.*108/)
    expect(emergencyReply(['self_harm'])).toContain('14416')
    expect(emergencyKind(['self_harm'])).toBe('crisis')
    expect(emergencyReply(['self_harm', 'bleeding'])).toMatch(/112[\s\S]*14416/)
    expect(emergencyReply(['stroke'], 'hi-IN')).toContain('112')
    expect(emergencyReply(['stroke'], 'hi-IN')).toMatch(/[\u0900-\u097F]/)
    expect(emergencyReply(['stroke'])).toBe(emergencyReply(['stroke']))
  })
})
