import type { EventKind } from '../event-kinds.js'

/**
 * A small labelled set for recall: synthetic patients, what they told Podd, and questions
 * whose answer is one of their memories. `match` says what finding it takes: `words` when the
 * question shares a word with the memory (after stemming: hurting/hurt, stones/stone), and
 * `meaning` when it is a paraphrase (sodium for salt, dizzy for chakkar) that only an
 * embedder of meanings can find. The offline embedder is held to a floor on `words` only.
 */

export interface LabelledMemory {
  /** Names the memory for the questions that expect it. */
  key?: string
  kind: EventKind
  payload: Record<string, unknown>
  daysAgo: number
}

export interface LabelledQuestion {
  question: string
  expects: string
  match: 'words' | 'meaning'
}

export interface LabelledPatient {
  name: string
  memories: LabelledMemory[]
  questions: LabelledQuestion[]
}

const chat = (text: string, daysAgo: number, key?: string): LabelledMemory => ({
  key,
  kind: 'chat',
  payload: { role: 'user', text, thread_id: 'labelled' },
  daysAgo,
})
const food = (description: string, daysAgo: number, key?: string): LabelledMemory => ({ key, kind: 'food', payload: { description }, daysAgo })
const mood = (m: string, notes: string, daysAgo: number, key?: string): LabelledMemory => ({ key, kind: 'mood', payload: { mood: m, notes }, daysAgo })
const symptom = (name: string, notes: string, daysAgo: number, key?: string, extra: Record<string, unknown> = {}): LabelledMemory => ({
  key,
  kind: 'symptom',
  payload: { name, notes, ...extra },
  daysAgo,
})
const appointment = (title: string, doctor: string, notes: string, daysAgo: number, key?: string): LabelledMemory => ({
  key,
  kind: 'appointment',
  payload: { title, doctor, notes, status: 'completed', scheduled_for: '2026-01-15T10:00:00+05:30' },
  daysAgo,
})
const exercise = (activity: string, notes: string, daysAgo: number, key?: string): LabelledMemory => ({
  key,
  kind: 'exercise',
  payload: { activity, notes },
  daysAgo,
})
const sleep = (notes: string, daysAgo: number, key?: string): LabelledMemory => ({ key, kind: 'sleep', payload: { notes }, daysAgo })
const vitalsNote = (notes: string, daysAgo: number, key?: string): LabelledMemory => ({
  key,
  kind: 'vitals',
  payload: { heart_rate: 78, notes },
  daysAgo,
})
const dose = (medication_name: string, reason: string, daysAgo: number, key?: string): LabelledMemory => ({
  key,
  kind: 'med_dose',
  payload: { medication_name, status: 'skipped', reason },
  daysAgo,
})

/**
 * Everyday memories every patient has some of: the haystack. Several share words with the
 * questions (doctor, pain, night, walk) so that a word in common is not enough on its own.
 */
const EVERYDAY: ((daysAgo: number) => LabelledMemory)[] = [
  (d) => chat('good morning, had my tea already', d),
  (d) => chat('feeling okay today, nothing much to report', d),
  (d) => chat('slept late because of a family function', d),
  (d) => chat('the doctor clinic was closed today, will go next week', d),
  (d) => chat('my grandson visited, we played carrom', d),
  (d) => chat('it rained all day so I stayed home', d),
  (d) => chat('took the evening tablets after dinner', d),
  (d) => chat('the pharmacy gave me a different brand this time', d),
  (d) => chat('watched a cricket match till late night', d),
  (d) => chat('a little tired after the market trip', d),
  (d) => food('idli and sambar', d),
  (d) => food('two rotis with dal and bhindi sabzi', d),
  (d) => food('poha with peanuts and tea', d),
  (d) => food('curd rice and pickle', d),
  (d) => food('vegetable upma and coffee', d),
  (d) => food('rajma chawal for lunch', d),
  (d) => food('fruit salad with papaya and apple', d),
  (d) => food('masala dosa at the hotel', d),
  (d) => mood('good', 'nice evening with neighbours', d),
  (d) => mood('neutral', 'a quiet day at home', d),
  (d) => mood('bad', 'pain kept me irritable', d),
  (d) => exercise('walk', 'morning walk around the colony', d),
  (d) => exercise('walk', 'short walk after dinner', d),
  (d) => exercise('yoga', 'stretching at home for fifteen minutes', d),
  (d) => sleep('slept well after a long day', d),
  (d) => sleep('woke up twice at night to use the bathroom', d),
  (d) => vitalsNote('reading taken after morning tea', d),
  (d) => symptom('mild headache', 'went away after rest', d),
  (d) => symptom('acidity', 'after spicy food at night', d),
  (d) => appointment('Dental check-up', 'Dr Nair', 'cleaning done, come back in six months', d),
  (d) => appointment('Eye check-up', 'Dr Pillai', 'new glasses, power changed slightly', d),
  (d) => chat('the pain is a bit better today', d),
]

/** A patient's own memories plus `count` everyday ones, picked and dated deterministically. */
function withEveryday(seed: number, count: number, own: LabelledMemory[]): LabelledMemory[] {
  const everyday = Array.from({ length: count }, (_, i) => EVERYDAY[(seed * 7 + i * 5) % EVERYDAY.length]!(((seed + i) * 3) % 120))
  return [...own, ...everyday]
}

export const LABELLED_PATIENTS: LabelledPatient[] = [
  {
    name: 'Asha, hypertension',
    memories: withEveryday(1, 30, [
      appointment('Cardiology review', 'Dr Rao', 'Dr Rao said cut salt to 5 g a day and walk 30 minutes', 40, 'salt'),
      symptom('knee pain', 'started after climbing the temple stairs', 25, 'knee', { body_part: 'left knee', severity: 'moderate' }),
      chat('I stopped taking amlodipine for two days because it made my ankles swell', 18, 'amlodipine'),
      food('pakoras and gulab jamun at my cousin’s wedding', 60, 'wedding'),
      mood('bad', 'worried about my son’s board exams', 12, 'son'),
    ]),
    questions: [
      { question: 'What did the doctor say about salt?', expects: 'salt', match: 'words' },
      { question: 'When did my knee start hurting?', expects: 'knee', match: 'words' },
      { question: 'Why did I stop amlodipine?', expects: 'amlodipine', match: 'words' },
      { question: 'What did I eat at the wedding?', expects: 'wedding', match: 'words' },
      { question: 'When was I worried about my son?', expects: 'son', match: 'words' },
      { question: 'What did Dr Rao tell me?', expects: 'salt', match: 'words' },
      { question: 'How much sodium am I allowed?', expects: 'salt', match: 'meaning' },
      { question: 'When did my joint trouble begin?', expects: 'knee', match: 'meaning' },
      { question: 'Which medicine gave me puffy feet?', expects: 'amlodipine', match: 'meaning' },
    ],
  },
  {
    name: 'Ravi, type 2 diabetes',
    memories: withEveryday(2, 40, [
      appointment('Diabetologist visit', 'Dr Mehta', 'HbA1c 7.8, walk more, reduce rice at dinner', 35, 'hba1c'),
      symptom('tingling in feet', 'worse at night, pins and needles', 20, 'tingling'),
      dose('Metformin', 'stomach upset after the new brand', 9, 'metformin'),
      chat('my sugar was 280 after the birthday cake', 15, 'cake'),
      exercise('walk', 'walked in Cubbon Park with Suresh', 5, 'park'),
    ]),
    questions: [
      { question: 'What was my HbA1c?', expects: 'hba1c', match: 'words' },
      { question: 'What did Dr Mehta say about rice?', expects: 'hba1c', match: 'words' },
      { question: 'When did the tingling in my feet start?', expects: 'tingling', match: 'words' },
      { question: 'Why did I skip metformin?', expects: 'metformin', match: 'words' },
      { question: 'What went wrong with the new brand?', expects: 'metformin', match: 'words' },
      { question: 'When was my sugar high after cake?', expects: 'cake', match: 'words' },
      { question: 'Who did I walk with in the park?', expects: 'park', match: 'words' },
      { question: 'Numbness in my toes, when was that?', expects: 'tingling', match: 'meaning' },
      { question: 'Glucose spike after dessert', expects: 'cake', match: 'meaning' },
    ],
  },
  {
    name: 'Meena, asthma',
    memories: withEveryday(3, 25, [
      symptom('wheezing', 'after the dust from the kitchen renovation', 22, 'wheezing'),
      appointment('Pulmonologist', 'Dr Iyer', 'switch inhaler to Budecort 200, rinse mouth after each puff', 30, 'inhaler'),
      sleep('woke up coughing at 3 am', 8, 'coughing'),
      chat('the nebuliser at home stopped working', 14, 'nebuliser'),
    ]),
    questions: [
      { question: 'What caused my wheezing?', expects: 'wheezing', match: 'words' },
      { question: 'Which inhaler did the pulmonologist suggest?', expects: 'inhaler', match: 'words' },
      { question: 'When did I wake up coughing?', expects: 'coughing', match: 'words' },
      { question: 'What happened to my nebuliser?', expects: 'nebuliser', match: 'words' },
      { question: 'Breathing trouble from the construction work', expects: 'wheezing', match: 'meaning' },
    ],
  },
  {
    name: 'Arjun, back pain',
    memories: withEveryday(4, 35, [
      symptom('lower back pain', 'after lifting the gas cylinder', 16, 'back'),
      appointment('Physiotherapy session', 'Dr Kulkarni', 'do the cat-cow stretch twice daily, avoid bending forward', 10, 'stretch'),
      food('skipped breakfast, had only chai', 3, 'breakfast'),
      chat('I have been using a heating pad every evening', 6, 'heating'),
    ]),
    questions: [
      { question: 'How did I hurt my back?', expects: 'back', match: 'words' },
      { question: 'Which stretch did the physio give me?', expects: 'stretch', match: 'words' },
      { question: 'When did I skip breakfast?', expects: 'breakfast', match: 'words' },
      { question: 'Did I use anything warm on the sore spot?', expects: 'heating', match: 'meaning' },
    ],
  },
  {
    name: 'Lakshmi, speaks Hinglish',
    memories: withEveryday(5, 30, [
      chat('ghutne mein bahut dard hai subah se', 11, 'ghutne'),
      chat('doctor ne kaha namak kam karo', 27, 'namak'),
      symptom('chakkar', 'uthte waqt chakkar aata hai', 7, 'chakkar'),
      food('dal chawal aur bhindi', 2, 'bhindi'),
    ]),
    questions: [
      { question: 'ghutne ka dard kab se hai?', expects: 'ghutne', match: 'words' },
      { question: 'doctor ne namak ke baare mein kya kaha?', expects: 'namak', match: 'words' },
      { question: 'chakkar kab aaya tha?', expects: 'chakkar', match: 'words' },
      { question: 'When did I feel dizzy?', expects: 'chakkar', match: 'meaning' },
    ],
  },
  {
    name: 'Farhan, migraine',
    memories: withEveryday(6, 45, [
      symptom('migraine', 'triggered by bright screens at the office', 19, 'migraine'),
      appointment('Neurologist', 'Dr Khan', 'start propranolol 20 mg at night, keep a headache diary', 33, 'neurologist'),
      mood('bad', 'stressed about the project deadline', 4, 'deadline'),
      chat('coffee after 4 pm gives me headaches', 13, 'coffee'),
    ]),
    questions: [
      { question: 'What triggers my migraine?', expects: 'migraine', match: 'words' },
      { question: 'What did the neurologist prescribe?', expects: 'neurologist', match: 'words' },
      { question: 'When was I stressed about the deadline?', expects: 'deadline', match: 'words' },
      { question: 'What did I say about coffee?', expects: 'coffee', match: 'words' },
      { question: 'Does caffeine affect my head?', expects: 'coffee', match: 'meaning' },
    ],
  },
  {
    name: 'Priya, thyroid',
    memories: withEveryday(7, 28, [
      appointment('Endocrinologist', 'Dr Sen', 'TSH 6.2, increase thyroxine to 75 mcg, take on an empty stomach', 21, 'tsh'),
      exercise('yoga', 'yoga class, felt dizzy in the headstand', 9, 'headstand'),
      chat('hair fall has increased a lot this month', 6, 'hair'),
      food('a big plate of biryani at the office party', 17, 'biryani'),
    ]),
    questions: [
      { question: 'What was my TSH?', expects: 'tsh', match: 'words' },
      { question: 'What dose of thyroxine am I on?', expects: 'tsh', match: 'words' },
      { question: 'When did I feel dizzy in yoga?', expects: 'headstand', match: 'words' },
      { question: 'When did I mention hair fall?', expects: 'hair', match: 'words' },
      { question: 'What did I eat at the office party?', expects: 'biryani', match: 'words' },
      { question: 'When did I complain about going bald?', expects: 'hair', match: 'meaning' },
    ],
  },
  {
    name: 'Gopal, heart failure',
    memories: withEveryday(8, 50, [
      vitalsNote('ankles swollen in the evening, weight up 1 kg', 13, 'ankles'),
      appointment('Heart failure clinic', 'Dr Thomas', 'limit fluids to 1.5 litres a day', 29, 'fluids'),
      symptom('breathlessness', 'when lying flat, needs two pillows', 8, 'breathless'),
      chat('forgot furosemide on Sunday', 3, 'furosemide'),
    ]),
    questions: [
      { question: 'When were my ankles swollen?', expects: 'ankles', match: 'words' },
      { question: 'How much fluid can I drink?', expects: 'fluids', match: 'words' },
      { question: 'What did the clinic say about fluids?', expects: 'fluids', match: 'words' },
      { question: 'Do I get breathless lying down?', expects: 'breathless', match: 'words' },
      { question: 'When did I forget furosemide?', expects: 'furosemide', match: 'words' },
      { question: 'When did I miss my water pill?', expects: 'furosemide', match: 'meaning' },
    ],
  },
  {
    name: 'Sunita, low mood',
    memories: withEveryday(9, 32, [
      mood('very_bad', 'could not get out of bed, no energy at all', 15, 'energy'),
      appointment('Counselling session', 'Ms Dsouza', 'practise box breathing when panicky', 24, 'breathing'),
      sleep('nightmares again, woke at 2', 5, 'nightmares'),
      chat('my mother-in-law’s comments upset me', 10, 'inlaw'),
    ]),
    questions: [
      { question: 'When did I have no energy?', expects: 'energy', match: 'words' },
      { question: 'What breathing exercise did the counsellor suggest?', expects: 'breathing', match: 'words' },
      { question: 'When did I have nightmares?', expects: 'nightmares', match: 'words' },
      { question: 'What upset me about my mother-in-law?', expects: 'inlaw', match: 'words' },
      { question: 'When was I feeling hopeless and exhausted?', expects: 'energy', match: 'meaning' },
    ],
  },
  {
    name: 'Kiran, kidney stones',
    memories: withEveryday(10, 22, [
      symptom('kidney stone pain', 'sharp pain in the right side going down to the groin', 26, 'stone'),
      appointment('Urologist', 'Dr Shah', 'drink 3 litres of water, avoid spinach and tomatoes', 20, 'urologist'),
      food('palak paneer for dinner', 4, 'palak'),
    ]),
    questions: [
      { question: 'When did the kidney stone pain happen?', expects: 'stone', match: 'words' },
      { question: 'What did the urologist say about spinach?', expects: 'urologist', match: 'words' },
      { question: 'When did I eat palak paneer?', expects: 'palak', match: 'words' },
      { question: 'Which vegetables are bad for me?', expects: 'urologist', match: 'meaning' },
    ],
  },
]
