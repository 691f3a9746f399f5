import { sayClock, sayWhen } from '../../language/clock.js'
import { defineTexts, inLanguages, type ReplyLanguage } from '../../language/localise.js'
import type { PayloadOf } from '../../memory/event-kinds.js'

const CAPABILITIES = {
  en:
    'I can log your meals and water, blood pressure, sugar and other readings, medicines and doses, symptoms, mood, ' +
    'sleep and exercise, remind you about medicines, and answer questions like "what was my BP yesterday?".',
  hi:
    'मैं आपका खाना और पानी, बीपी, शुगर और दूसरी रीडिंग, दवाएं और खुराक, लक्षण, मन, नींद और कसरत दर्ज कर सकता हूँ, ' +
    'दवा की याद दिला सकता हूँ, और "कल मेरा बीपी कितना था?" जैसे सवालों के जवाब दे सकता हूँ।',
  'hi-Latn':
    'Main aapka khana aur paani, BP, sugar aur doosri readings, dawaayein aur khurak, lakshan, mann, neend aur kasrat darj kar sakta hoon, ' +
    'dawa ki yaad dila sakta hoon, aur "kal mera BP kitna tha?" jaise sawaalon ke jawab de sakta hoon.',
}

const SEVERITY: Record<string, { hi: string; 'hi-Latn': string }> = {
  mild: { hi: 'हल्का', 'hi-Latn': 'halka' },
  moderate: { hi: 'मध्यम', 'hi-Latn': 'madhyam' },
  severe: { hi: 'तेज़', 'hi-Latn': 'tez' },
}
const QUALITY: Record<string, { hi: string; 'hi-Latn': string }> = {
  poor: { hi: 'खराब', 'hi-Latn': 'kharab' },
  fair: { hi: 'ठीक-ठाक', 'hi-Latn': 'theek-thaak' },
  good: { hi: 'अच्छी', 'hi-Latn': 'achhi' },
  excellent: { hi: 'बहुत अच्छी', 'hi-Latn': 'bahut achhi' },
}
const ACTIVITY: Record<string, { hi: string; 'hi-Latn': string }> = {
  walk: { hi: 'सैर', 'hi-Latn': 'walk' },
  yoga: { hi: 'योग', 'hi-Latn': 'yoga' },
  run: { hi: 'दौड़', 'hi-Latn': 'daud' },
  cycle: { hi: 'साइकिल', 'hi-Latn': 'cycling' },
  swim: { hi: 'तैराकी', 'hi-Latn': 'tairaaki' },
  exercise: { hi: 'कसरत', 'hi-Latn': 'kasrat' },
}

/** The periods of tools/periods.ts, as Hindi says them. */
const PERIODS: Record<string, { hi: string; 'hi-Latn': string }> = {
  today: { hi: 'आज', 'hi-Latn': 'Aaj' },
  yesterday: { hi: 'कल', 'hi-Latn': 'Kal' },
  this_week: { hi: 'इस हफ़्ते', 'hi-Latn': 'Is hafte' },
  last_7_days: { hi: 'पिछले 7 दिनों में', 'hi-Latn': 'Pichhle 7 dinon mein' },
  last_30_days: { hi: 'पिछले 30 दिनों में', 'hi-Latn': 'Pichhle 30 dinon mein' },
  this_month: { hi: 'इस महीने', 'hi-Latn': 'Is mahine' },
}

type Summary = {
  period: string
  label: string
  bp?: { count: number; mean: string; latest: string }
  sugar?: { count: number; min: number; max: number }
  doses?: { taken: number; due: number }
  kcal?: number
  water?: string
  gapDays?: number
}

/** The general agent's own words (the offline planner's replies), in every reply language. */
export const GENERAL_TEXTS = defineTexts({
  capabilities: CAPABILITIES,
  hello: { en: `Hello! ${CAPABILITIES.en}`, hi: `नमस्ते! ${CAPABILITIES.hi}`, 'hi-Latn': `Namaste! ${CAPABILITIES['hi-Latn']}` },
  thanks: { en: "You're welcome! Take care.", hi: 'आपका स्वागत है! अपना ध्यान रखिए।', 'hi-Latn': 'Aapka swagat hai! Apna dhyan rakhiye.' },
  bye: { en: 'Goodbye, take care!', hi: 'नमस्ते, अपना ध्यान रखिए!', 'hi-Latn': 'Namaste, apna dhyan rakhiye!' },
  doctor_noted: {
    en: "I've noted what your doctor said; you can ask me about it any time.",
    hi: 'मैंने आपके डॉक्टर की बात नोट कर ली है; आप कभी भी मुझसे इसके बारे में पूछ सकते हैं।',
    'hi-Latn': 'Maine aapke doctor ki baat note kar li hai; aap kabhi bhi mujhse iske baare mein poochh sakte hain.',
  },
  ask_emergency_contact: {
    en: 'Whom should I save as your emergency contact? Tell me their name and phone number.',
    hi: 'आपातकालीन संपर्क के लिए किसे सेव करूँ? उनका नाम और फ़ोन नंबर बताइए।',
    'hi-Latn': 'Emergency contact ke liye kise save karoon? Unka naam aur phone number bataiye.',
  },
  symptomNoted: {
    en: (p: { name: string; severity?: string; severe: boolean }) =>
      `Noted: ${p.name}${p.severity ? ` (${p.severity})` : ''}.` +
      (p.severe ? ' Because it is severe, please contact your doctor today; if it is sudden or very bad, call 112 or 108.' : ' Tell me if it gets worse.'),
    hi: (p: { name: string; severity?: string; severe: boolean }) =>
      `नोट किया: ${p.name}${p.severity ? ` (${SEVERITY[p.severity]?.hi ?? p.severity})` : ''}।` +
      (p.severe ? ' यह तेज़ है, इसलिए आज ही अपने डॉक्टर से संपर्क करें; अगर अचानक हुआ है या बहुत ज़्यादा है, तो 112 या 108 पर कॉल करें।' : ' बढ़े तो मुझे बताइए।'),
    'hi-Latn': (p: { name: string; severity?: string; severe: boolean }) =>
      `Note kiya: ${p.name}${p.severity ? ` (${SEVERITY[p.severity]?.['hi-Latn'] ?? p.severity})` : ''}.` +
      (p.severe ? ' Yeh tez hai, isliye aaj hi apne doctor se sampark karein; agar achanak hua hai ya bahut zyada hai, to 112 ya 108 par call karein.' : ' Badhe to mujhe bataiye.'),
  },
  moodNoted: {
    en: (p: { low: boolean }) =>
      p.low
        ? "I've noted how you're feeling. I'm sorry it's a hard day. Talking to someone you trust can help, and Tele-MANAS (14416) is there 24x7 if you want to talk."
        : "I've noted how you're feeling. Thank you for telling me.",
    hi: (p: { low: boolean }) =>
      p.low
        ? 'मैंने नोट कर लिया कि आप कैसा महसूस कर रहे हैं। मुझे दुख है कि आज का दिन मुश्किल है। किसी भरोसेमंद व्यक्ति से बात करना मदद कर सकता है, और बात करनी हो तो Tele-MANAS (14416) 24 घंटे उपलब्ध है।'
        : 'मैंने नोट कर लिया कि आप कैसा महसूस कर रहे हैं। बताने के लिए धन्यवाद।',
    'hi-Latn': (p: { low: boolean }) =>
      p.low
        ? 'Maine note kar liya ki aap kaisa mehsoos kar rahe hain. Mujhe dukh hai ki aaj ka din mushkil hai. Kisi bharosemand vyakti se baat karna madad kar sakta hai, aur baat karni ho to Tele-MANAS (14416) 24 ghante uplabdh hai.'
        : 'Maine note kar liya ki aap kaisa mehsoos kar rahe hain. Batane ke liye dhanyavaad.',
  },
  sleepLogged: {
    en: (p: { hours?: number; quality?: string }) => `Logged your sleep${p.hours !== undefined ? `: ${p.hours} hours` : ''}${p.quality ? ` (${p.quality})` : ''}.`,
    hi: (p: { hours?: number; quality?: string }) =>
      `आपकी नींद दर्ज की${p.hours !== undefined ? `: ${p.hours} घंटे` : ''}${p.quality ? ` (${QUALITY[p.quality]?.hi ?? p.quality})` : ''}।`,
    'hi-Latn': (p: { hours?: number; quality?: string }) =>
      `Aapki neend darj ki${p.hours !== undefined ? `: ${p.hours} ghante` : ''}${p.quality ? ` (${QUALITY[p.quality]?.['hi-Latn'] ?? p.quality})` : ''}.`,
  },
  exerciseLogged: {
    en: (p: { activity: string; minutes?: number; steps?: number }) =>
      `Logged ${p.activity}${p.minutes ? ` for ${p.minutes} minutes` : ''}${p.steps ? `, ${p.steps} steps` : ''}. Well done!`,
    hi: (p: { activity: string; minutes?: number; steps?: number }) =>
      `आपकी ${ACTIVITY[p.activity]?.hi ?? p.activity} दर्ज कर ली है${p.minutes ? `, ${p.minutes} मिनट` : ''}${p.steps ? `, ${p.steps} कदम` : ''}। बहुत अच्छा किया!`,
    'hi-Latn': (p: { activity: string; minutes?: number; steps?: number }) =>
      `Aapki ${ACTIVITY[p.activity]?.['hi-Latn'] ?? p.activity} darj kar li hai${p.minutes ? `, ${p.minutes} minute` : ''}${p.steps ? `, ${p.steps} kadam` : ''}. Bahut achha kiya!`,
  },
  swellingAdvice: {
    en: 'Swelling in the feet or legs can mean fluid is building up. Tell your doctor soon, especially if your weight is going up or you get breathless; if you are very breathless, call 112 or 108.',
    hi: 'पैरों या टांगों में सूजन का मतलब शरीर में पानी रुकना हो सकता है। जल्दी अपने डॉक्टर को बताएं, खासकर अगर वज़न बढ़ रहा हो या साँस फूलती हो; साँस बहुत फूले तो 112 या 108 पर कॉल करें।',
    'hi-Latn':
      'Pairon ya taangon mein soojan ka matlab shareer mein paani rukna ho sakta hai. Jaldi apne doctor ko bataayein, khaas kar agar wazan badh raha ho ya saans phoolti ho; saans bahut phoole to 112 ya 108 par call karein.',
  },
  summary: {
    en: (p: Summary) => {
      const parts: string[] = []
      if (p.bp) parts.push(`${p.bp.count} blood pressure reading${p.bp.count > 1 ? 's' : ''} averaging ${p.bp.mean}, latest ${p.bp.latest}`)
      if (p.sugar) parts.push(`${p.sugar.count} sugar reading${p.sugar.count > 1 ? 's' : ''} from ${p.sugar.min} to ${p.sugar.max} mg/dL`)
      if (p.doses) parts.push(`${p.doses.taken} of ${p.doses.due} doses taken`)
      if (p.kcal) parts.push(`about ${p.kcal} kcal a day`)
      if (p.water) parts.push(`${p.water} L of water a day`)
      if (p.gapDays) parts.push(`no readings for the last ${p.gapDays} days`)
      return parts.length ? `${p.label[0]!.toUpperCase()}${p.label.slice(1)}: ${parts.join('; ')}.` : `Nothing logged ${p.label} yet.`
    },
    hi: (p: Summary) => {
      const parts: string[] = []
      if (p.bp) parts.push(`बीपी की ${p.bp.count} रीडिंग, औसत ${p.bp.mean}, आखिरी ${p.bp.latest}`)
      if (p.sugar) parts.push(`शुगर की ${p.sugar.count} रीडिंग, ${p.sugar.min} से ${p.sugar.max} mg/dL`)
      if (p.doses) parts.push(`${p.doses.due} में से ${p.doses.taken} खुराक ली गईं`)
      if (p.kcal) parts.push(`रोज़ लगभग ${p.kcal} kcal`)
      if (p.water) parts.push(`रोज़ ${p.water} लीटर पानी`)
      if (p.gapDays) parts.push(`पिछले ${p.gapDays} दिनों से कोई रीडिंग नहीं`)
      const when = PERIODS[p.period]?.hi ?? p.label
      return parts.length ? `${when}: ${parts.join('; ')}।` : `${when} अभी तक कुछ दर्ज नहीं हुआ।`
    },
    'hi-Latn': (p: Summary) => {
      const parts: string[] = []
      if (p.bp) parts.push(`BP ki ${p.bp.count} reading, ausat ${p.bp.mean}, aakhri ${p.bp.latest}`)
      if (p.sugar) parts.push(`sugar ki ${p.sugar.count} reading, ${p.sugar.min} se ${p.sugar.max} mg/dL`)
      if (p.doses) parts.push(`${p.doses.due} mein se ${p.doses.taken} khurak li gayi`)
      if (p.kcal) parts.push(`roz lagbhag ${p.kcal} kcal`)
      if (p.water) parts.push(`roz ${p.water} litre paani`)
      if (p.gapDays) parts.push(`pichhle ${p.gapDays} dinon se koi reading nahi`)
      const when = PERIODS[p.period]?.['hi-Latn'] ?? p.label
      return parts.length ? `${when}: ${parts.join('; ')}.` : `${when} abhi tak kuch darj nahi hua hai.`
    },
  },
  profileUpdated: {
    en: (p: { changed: string }) => `Updated your profile (${p.changed}).`,
    hi: (p: { changed: string }) => `आपकी प्रोफ़ाइल अपडेट कर दी (${p.changed})।`,
    'hi-Latn': (p: { changed: string }) => `Aapki profile update kar di (${p.changed}).`,
  },
  appointmentSaved: {
    en: (p: { title: string; day: string; time: string }) => `Saved: ${p.title} on ${p.day} at ${p.time}.`,
    hi: (p: { title: string; day: string; time: string }) => `मैंने सेव कर लिया है: ${p.title}, ${p.day} को ${sayClock(p.time, 'hi')}।`,
    'hi-Latn': (p: { title: string; day: string; time: string }) => `Maine save kar liya hai: ${p.title}, ${p.day} ko ${sayClock(p.time, 'hi-Latn')}.`,
  },
  appointmentMoved: {
    en: (p: { title: string; was: string; day: string; time: string }) => `Moved: ${p.title} is now on ${p.day} at ${p.time} (it was ${p.was}).`,
    hi: (p: { title: string; was: string; day: string; time: string }) => `बदल दिया: ${p.title} अब ${p.day} को ${sayClock(p.time, 'hi')} है (पहले ${p.was} था)।`,
    'hi-Latn': (p: { title: string; was: string; day: string; time: string }) => `Badal diya hai: ${p.title} ab ${p.day} ko ${sayClock(p.time, 'hi-Latn')} hai (pehle ${p.was} tha).`,
  },
  whichAppointment: {
    en: (p: { list: string }) => (p.list ? `Which appointment should move? ${p.list}` : 'I could not find an upcoming appointment to move. Which one do you mean?'),
    hi: (p: { list: string }) => (p.list ? `कौन-सी अपॉइंटमेंट बदलूँ? ${p.list}` : 'मुझे आगे की कोई अपॉइंटमेंट नहीं मिली। आप किसकी बात कर रहे हैं?'),
    'hi-Latn': (p: { list: string }) => (p.list ? `Kaun si appointment badloon? ${p.list}` : 'Mujhe aage ki koi appointment nahi mili. Aap kiski baat kar rahe hain?'),
  },
  contactSaved: {
    en: (p: { name: string; phone: string }) => `Saved ${p.name} (${p.phone}) as an emergency contact.`,
    hi: (p: { name: string; phone: string }) => `${p.name} (${p.phone}) को आपातकालीन संपर्क के रूप में सेव किया।`,
    'hi-Latn': (p: { name: string; phone: string }) => `${p.name} (${p.phone}) ko emergency contact ke roop mein save kiya.`,
  },
  /** "Aaj walk nahi ki": nothing done, so nothing logged. */
  activity_not_done: {
    en: "Okay, I haven't logged any exercise for that. Tell me when you do some and I'll note it.",
    hi: 'ठीक है, मैंने इसके लिए कोई कसरत दर्ज नहीं की। जब करें तो मुझे बताइए, मैं लिख लूँगा।',
    'hi-Latn': 'Theek hai, maine iske liye koi kasrat darj nahi ki. Jab karein to mujhe bataiye, main likh loonga.',
  },
  symptom_gone: {
    en: "Good to hear it has eased. Tell me if it comes back.",
    hi: 'अच्छा हुआ कि अब आराम है। अगर यह फिर से हो तो मुझे बताइए।',
    'hi-Latn': 'Achha hua ki ab aaraam hai. Agar yeh phir se ho to mujhe bataiye.',
  },
  /** Someone else's numbers: Podd keeps records only for the patient (the router says it, without a model). */
  others_records: {
    en:
      "I can only keep health records for you, so I haven't noted that. If they would like Podd too, they can have their own " +
      'account and invite you as their caregiver. If they feel unwell, please help them contact their doctor.',
    hi:
      'मैं सिर्फ़ आपके लिए ही सेहत का रिकॉर्ड रख सकता हूँ, इसलिए मैंने इसे नहीं लिखा। अगर वे भी Podd चाहें, तो उनका अपना खाता बन सकता है ' +
      'और वे आपको देखभाल करने वाले के रूप में जोड़ सकते हैं। अगर उनकी तबीयत ठीक नहीं है, तो उन्हें डॉक्टर से संपर्क करने में मदद करें।',
    'hi-Latn':
      'Main sirf aapke liye hi sehat ka record rakh sakta hoon, isliye maine ise nahi likha. Agar ve bhi Podd chahein, to unka apna ' +
      'account ban sakta hai aur ve aapko caregiver ke roop mein jod sakte hain. Agar unki tabiyat theek nahi hai, to unhe doctor se baat karne mein madad karein.',
  },
  /** A message no agent understood: brief and specific, never about the model. */
  /** "I slept" with nothing about the night: asked, not logged empty. */
  sleep_how: {
    en: 'How many hours did you sleep, and how well? For example "7 hours, slept well".',
    hi: 'आप कितने घंटे सोए, और नींद कैसी रही? जैसे "7 घंटे, अच्छी नींद"।',
    'hi-Latn': 'Aap kitne ghante soye, aur neend kaisi rahi? Jaise "7 ghante, achhi neend".',
  },
  not_understood: {
    en: 'Sorry, I didn\'t understand that. Could you say it another way? For example a reading ("sugar 140 after lunch"), a meal, a medicine you took, or a question about your history.',
    hi: 'माफ़ कीजिए, मैं समझ नहीं पाया। क्या आप इसे दूसरे तरीके से कह सकते हैं? जैसे कोई रीडिंग ("खाने के बाद शुगर 140"), खाना, ली हुई दवा, या अपने इतिहास के बारे में सवाल।',
    'hi-Latn':
      'Maaf kijiye, main samajh nahi paaya. Kya aap ise doosre tareeke se keh sakte hain? Jaise koi reading ("khane ke baad sugar 140"), khana, li hui dawa, ya apne itihaas ke baare mein sawaal.',
  },
})

/** The general agent's sentences around its tools' facts (English; to join the catalogue above in every language). */
export const GENERAL_REPLIES = {
  whichDay: 'Which day and time is the appointment? For example "Tuesday 10 am".',
  later: "Good plan! Tell me once you've done it and I'll log it.",
  noProfile: "I don't have your profile yet. You can tell me your name, conditions and allergies.",
  profile: (p: PayloadOf<'profile'>) =>
    [
      p.name ? `Your name is ${p.name}.` : '',
      p.medical_conditions.length ? `Conditions on record: ${p.medical_conditions.join(', ')}.` : 'No conditions on record.',
      p.allergies.length ? `Allergies: ${p.allergies.join(', ')}.` : '',
      p.dietary_preferences ? `Diet: ${p.dietary_preferences}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  noAppointments: 'You have no upcoming appointments saved. Tell me when you book one and I will remember it.',
  nextAppointment: (title: string, doctor: string | undefined, when: string, location: string | undefined, more: number) =>
    `Your next appointment is ${title}${doctor ? ` with ${doctor}` : ''}, ${when}${location ? ` at ${location}` : ''}.` +
    (more ? ` You have ${more} more after it.` : ''),
  nothing: (topic: string, period: string) => `You have no ${topic === 'symptoms' ? 'symptoms' : topic} noted ${period}.`,
  lastOf: (topic: string, what: string, when: string) => `The last ${topic === 'symptoms' ? 'symptom' : topic} you noted was ${what}, ${when}.`,
  listOf: (topic: string, period: string, items: string[]) => `Your ${topic} ${period}: ${items.join('; ')}.`,
  sleepAverage: (avg: number, min: number, max: number) => `On average you slept ${avg} hours a night (from ${min} to ${max} hours).`,
  exerciseTotals: (sessions: number, minutes: number, steps: number) =>
    `In all: ${sessions} session${sessions === 1 ? '' : 's'}${minutes ? `, ${minutes} minutes` : ''}${steps ? `, ${steps} steps` : ''}.`,
}

type Replies = typeof GENERAL_REPLIES

const TOPICS: Record<string, { hi: string; 'hi-Latn': string }> = {
  symptoms: { hi: 'लक्षण', 'hi-Latn': 'lakshan' },
  sleep: { hi: 'नींद', 'hi-Latn': 'neend' },
  exercise: { hi: 'कसरत', 'hi-Latn': 'kasrat' },
  mood: { hi: 'मन', 'hi-Latn': 'mann' },
  appointments: { hi: 'अपॉइंटमेंट', 'hi-Latn': 'appointment' },
}

function generalRepliesIn(language: 'hi' | 'hi-Latn'): Replies {
  const hi = language === 'hi'
  const l = (hiText: string, latnText: string) => (hi ? hiText : latnText.charAt(0).toUpperCase() + latnText.slice(1))
  const when = (text: string) => sayWhen(text, language)
  const topic = (t: string) => TOPICS[t]?.[language] ?? t
  return {
    whichDay: l('अपॉइंटमेंट किस दिन और किस समय है? जैसे "मंगलवार सुबह 10 बजे"।', 'Appointment kis din aur kis samay hai? Jaise "Mangalvaar subah 10 baje".'),
    later: l('अच्छी योजना है! करने के बाद मुझे बताइए, मैं दर्ज कर लूँगा।', 'Achhi yojana hai! Karne ke baad mujhe bataiye, main darj kar loonga.'),
    noProfile: l('मेरे पास अभी आपकी प्रोफ़ाइल नहीं है। आप मुझे अपना नाम, बीमारियाँ और एलर्जी बता सकते हैं।', 'Mere paas abhi aapki profile nahi hai. Aap mujhe apna naam, bimariyan aur allergy bata sakte hain.'),
    profile: (p) =>
      [
        p.name ? l(`आपका नाम ${p.name} है।`, `Aapka naam ${p.name} hai.`) : '',
        p.medical_conditions.length
          ? l(`दर्ज बीमारियाँ: ${p.medical_conditions.join(', ')}।`, `Darj bimariyan: ${p.medical_conditions.join(', ')}.`)
          : l('कोई बीमारी दर्ज नहीं है।', 'Koi bimari darj nahi hai.'),
        p.allergies.length ? l(`एलर्जी: ${p.allergies.join(', ')}।`, `Allergy: ${p.allergies.join(', ')}.`) : '',
        p.dietary_preferences ? l(`खान-पान: ${p.dietary_preferences}।`, `Khaan-paan: ${p.dietary_preferences}.`) : '',
      ]
        .filter(Boolean)
        .join(' '),
    noAppointments: l(
      'आपका कोई आने वाला अपॉइंटमेंट सेव नहीं है। बुक करें तो मुझे बताइए, मैं याद रखूँगा।',
      'Aapka koi aane wala appointment save nahi hai. Book karein to mujhe bataiye, main yaad rakhoonga.',
    ),
    nextAppointment: (title, doctor, at, location, more) =>
      l(
        `आपका अगला अपॉइंटमेंट ${title} है${doctor ? `, ${doctor} के साथ` : ''}, ${when(at)}${location ? `, ${location} में` : ''}।` + (more ? ` उसके बाद ${more} और हैं।` : ''),
        `Aapka agla appointment ${title} hai${doctor ? `, ${doctor} ke saath` : ''}, ${when(at)}${location ? `, ${location} mein` : ''}.` + (more ? ` Uske baad ${more} aur hain.` : ''),
      ),
    nothing: (t, period) => l(`${when(period)} आपका कोई ${topic(t)} दर्ज नहीं है।`, `${when(period)} aapka koi ${topic(t)} darj nahi hai.`),
    lastOf: (t, what, at) => l(`आपने आखिरी बार यह ${topic(t)} दर्ज किया था: ${what}, ${when(at)}।`, `Aapne aakhri baar yeh ${topic(t)} darj kiya tha: ${what}, ${when(at)}.`),
    listOf: (t, period, items) => l(`${when(period)} आपका ${topic(t)}: ${items.map(when).join('; ')}।`, `${when(period)} aapka ${topic(t)}: ${items.map(when).join('; ')}.`),
    sleepAverage: (avg, min, max) =>
      l(`आप औसतन रात में ${avg} घंटे सोए (${min} से ${max} घंटे)।`, `Aap ausatan raat mein ${avg} ghante soye (${min} se ${max} ghante).`),
    exerciseTotals: (sessions, minutes, steps) =>
      l(
        `कुल: ${sessions} बार${minutes ? `, ${minutes} मिनट` : ''}${steps ? `, ${steps} कदम` : ''}।`,
        `Kul mila kar aapne ${sessions} baar kasrat ki${minutes ? `, ${minutes} minute` : ''}${steps ? `, ${steps} kadam` : ''}.`,
      ),
  }
}

/** The general agent's replies in a reply language. */
export const generalReplies = inLanguages<Replies>({ en: GENERAL_REPLIES, hi: generalRepliesIn('hi'), 'hi-Latn': generalRepliesIn('hi-Latn') })

const MOODS: Record<string, { hi: string; 'hi-Latn': string }> = {
  very_bad: { hi: 'बहुत खराब', 'hi-Latn': 'bahut kharab' },
  bad: { hi: 'खराब', 'hi-Latn': 'kharab' },
  neutral: { hi: 'ठीक-ठाक', 'hi-Latn': 'theek-thaak' },
  good: { hi: 'अच्छा', 'hi-Latn': 'achha' },
  very_good: { hi: 'बहुत अच्छा', 'hi-Latn': 'bahut achha' },
}

/** A day's note (sleep, exercise, mood, symptom) in words, in the reply language. */
export function describeDayEntry(kind: string, p: Record<string, any>, language: ReplyLanguage = 'en'): string {
  if (language === 'en') {
    switch (kind) {
      case 'sleep':
        return `sleep${p.duration_hours !== undefined ? ` ${p.duration_hours} hours` : ''}${p.quality ? ` (${p.quality})` : ''}`
      case 'exercise':
        return `${p.activity}${p.duration_minutes ? ` for ${p.duration_minutes} minutes` : ''}${p.steps ? `, ${p.steps} steps` : ''}`
      case 'mood':
        return `mood: ${String(p.mood).replace('_', ' ')}`
      default:
        return `${p.name}${p.severity ? ` (${p.severity})` : ''}`
    }
  }
  const hi = language === 'hi'
  switch (kind) {
    case 'sleep':
      return `${hi ? 'नींद' : 'neend'}${p.duration_hours !== undefined ? ` ${p.duration_hours} ${hi ? 'घंटे' : 'ghante'}` : ''}${p.quality ? ` (${QUALITY[p.quality]?.[language] ?? p.quality})` : ''}`
    case 'exercise':
      return `${ACTIVITY[p.activity]?.[language] ?? p.activity}${p.duration_minutes ? ` ${p.duration_minutes} ${hi ? 'मिनट' : 'minute'}` : ''}${p.steps ? `, ${p.steps} ${hi ? 'कदम' : 'kadam'}` : ''}`
    case 'mood':
      return `${hi ? 'मन' : 'mann'}: ${MOODS[p.mood]?.[language] ?? p.mood}`
    default:
      return `${p.name}${p.severity ? ` (${SEVERITY[p.severity]?.[language] ?? p.severity})` : ''}`
  }
}
