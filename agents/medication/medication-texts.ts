import { sayClock, sayWhen } from '../../language/clock.js'
import { defineTexts, inLanguages, say, type ReplyLanguage } from '../../language/localise.js'

/**
 * What the medication agent says in its own words, in one place so it can be put in the
 * patient's language. None of it advises a change of dose: only the doctor does that.
 */
export const MEDICATION_REPLIES = {
  added: (name: string) => `Added ${name} to your medicines. Would you like a reminder time for it?`,
  alreadyListed: (name: string) => `${name} is already in your medicine list.`,
  addedWithTimes: (name: string, times: string, days: string) => `Added ${name} to your medicines, with reminders at ${times} ${days}.`,
  scheduled: (name: string, times: string, days: string) => `Done: I'll remind you to take ${name} at ${times} ${days}.`,
  alreadyTaken: (name: string, time: string) =>
    `You've already marked your ${time} ${name} as taken today. Did you take another dose, or did you mean that one?`,
  askTimes: (name: string) => `At what times do you take ${name}? For example "8 am and 8 pm".`,
  later: "All right. Tell me once you've taken it and I'll mark the dose.",
  askedNotTaken:
    "I haven't marked any dose, since you're asking. What happens with extra or missed doses depends on the medicine: please " +
    'ask your doctor or pharmacist, and if someone has taken too much and feels unwell, call 112 or 108.',
  notListed: (name: string) => `${name} is not in your medicine list.`,
  lastTaken: (name: string, when: string) => `You last took ${name} ${when}.`,
  neverTaken: (name: string | undefined) => `I have no dose of ${name ?? 'your medicines'} marked as taken in your record.`,
  takesAt: (name: string, times: string) => `You take ${name} at ${times}.`,
  noTimes: (name: string | undefined) => `${name ?? 'Your medicines'} ${name ? 'has' : 'have'} no reminder times set yet.`,
  noDoses: (name: string | undefined, period: string) => `You had no scheduled doses${name ? ` of ${name}` : ''} ${period}.`,
  tookOf: (period: string, taken: number, due: number) => `${period[0]!.toUpperCase()}${period.slice(1)} you took ${taken} of ${due} doses.`,
  missedCount: (n: number) => `You missed ${n} dose${n === 1 ? '' : 's'}.`,
  missedList: (doses: string[]) => `Missed or skipped: ${doses.join('; ')}.`,
  loggedCounts: (period: string, taken: number, missed: number) =>
    `${period[0]!.toUpperCase()}${period.slice(1)} you marked ${taken} dose${taken === 1 ? '' : 's'} taken and missed ${missed}.`,
  noneMissed: 'You did not miss any.',
  takenList: (doses: string[]) => `Taken: ${doses.join('; ')}.`,
  stillDue: (doses: string[]) => `Still to come: ${doses.join('; ')}.`,
}

/**
 * The medication agent's words in every reply language: doses marked, medicines added and
 * scheduled, and the planner's questions. English comes from medication-replies.ts where it is
 * kept; the Hindi says the same. None of it advises a change of dose.
 */

type Days = { days: string[] }
const DAY_NAMES: Record<ReplyLanguage, string[]> = {
  en: ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  hi: ['', 'सोमवार', 'मंगलवार', 'बुधवार', 'गुरुवार', 'शुक्रवार', 'शनिवार', 'रविवार'],
  'hi-Latn': ['', 'Somvaar', 'Mangalvaar', 'Budhvaar', 'Guruvaar', 'Shukravaar', 'Shanivaar', 'Ravivaar'],
}

/** "every day", "every Monday and Thursday" in a language. */
export function spokenDays(days: string[], language: ReplyLanguage): string {
  const names = days.map((d) => DAY_NAMES[language][Number(d)])
  if (language === 'hi') return days.length === 7 ? 'रोज़' : `हर ${names.join(' और ')}`
  if (language === 'hi-Latn') return days.length === 7 ? 'roz' : `har ${names.join(' aur ')}`
  return days.length === 7 ? 'every day' : `every ${names.join(' and ')}`
}

/** "8:00 am and 8:00 pm" in a language. */
const joinTimes = (times: string[], language: ReplyLanguage) =>
  times.map((t) => sayClock(t, language)).join(language === 'hi' ? ' और ' : language === 'hi-Latn' ? ' aur ' : ' and ')

type Status = 'taken' | 'missed' | 'skipped'
const STATUS: Record<Status, Record<ReplyLanguage, string>> = {
  taken: { en: 'taken', hi: 'ली गई', 'hi-Latn': 'li gayi' },
  missed: { en: 'missed', hi: 'छूट गई', 'hi-Latn': 'chhoot gayi' },
  skipped: { en: 'skipped', hi: 'नहीं ली गई', 'hi-Latn': 'nahi li gayi' },
}

export const MEDICATION_TEXTS = defineTexts({
  /** One dose in a confirmation: "Metformin (8:00 pm dose)". */
  dose: {
    en: (p: { name: string; time?: string }) => `${p.name}${p.time ? ` (${p.time} dose)` : ''}`,
    hi: (p: { name: string; time?: string }) => `${p.name}${p.time ? ` (${sayClock(p.time, 'hi')} की खुराक)` : ''}`,
    'hi-Latn': (p: { name: string; time?: string }) => `${p.name}${p.time ? ` (${sayClock(p.time, 'hi-Latn')} ki khurak)` : ''}`,
  },
  marked: {
    en: (p: { doses: string; amount: string; status: Status }) => `Marked ${p.doses}${p.amount} as ${STATUS[p.status].en}.`,
    hi: (p: { doses: string; amount: string; status: Status }) => `मैंने आपकी दवा दर्ज कर ली है: ${p.doses}${p.amount} ${STATUS[p.status].hi}।`,
    'hi-Latn': (p: { doses: string; amount: string; status: Status }) => `Maine aapki dawa darj kar li hai: ${p.doses}${p.amount} ${STATUS[p.status]['hi-Latn']}.`,
  },
  notListed: {
    en: (p: { name: string }) => `${p.name} is not in your medicine list; would you like me to add it?`,
    hi: (p: { name: string }) => `${p.name} आपकी दवाओं की सूची में नहीं है; क्या मैं इसे जोड़ दूँ?`,
    'hi-Latn': (p: { name: string }) => `${p.name} aapki dawaiyon ki list mein nahi hai; kya main ise jod doon?`,
  },
  added: {
    en: (p: { name: string }) => MEDICATION_REPLIES.added(p.name),
    hi: (p: { name: string }) => `${p.name} आपकी दवाओं में जोड़ दी। क्या इसके लिए याद दिलाने का समय रखूँ?`,
    'hi-Latn': (p: { name: string }) => `${p.name} aapki dawaiyon mein jod di. Kya iske liye yaad dilaane ka samay rakhoon?`,
  },
  alreadyListed: {
    en: (p: { name: string }) => MEDICATION_REPLIES.alreadyListed(p.name),
    hi: (p: { name: string }) => `${p.name} पहले से आपकी दवाओं की सूची में है।`,
    'hi-Latn': (p: { name: string }) => `${p.name} pehle se aapki dawaiyon ki list mein hai.`,
  },
  addedWithTimes: {
    en: (p: { name: string; times: string[] } & Days) => MEDICATION_REPLIES.addedWithTimes(p.name, joinTimes(p.times, 'en'), spokenDays(p.days, 'en')),
    hi: (p: { name: string; times: string[] } & Days) => `${p.name} आपकी दवाओं में जोड़ दी, और ${spokenDays(p.days, 'hi')} ${joinTimes(p.times, 'hi')} पर याद दिलाऊँगा।`,
    'hi-Latn': (p: { name: string; times: string[] } & Days) =>
      `${p.name} aapki dawaiyon mein jod di, aur ${spokenDays(p.days, 'hi-Latn')} ${joinTimes(p.times, 'hi-Latn')} par yaad dilaaunga.`,
  },
  scheduled: {
    en: (p: { name: string; times: string[] } & Days) => MEDICATION_REPLIES.scheduled(p.name, joinTimes(p.times, 'en'), spokenDays(p.days, 'en')),
    hi: (p: { name: string; times: string[] } & Days) => `ठीक है: मैं आपको ${spokenDays(p.days, 'hi')} ${joinTimes(p.times, 'hi')} पर ${p.name} लेने की याद दिलाऊँगा।`,
    'hi-Latn': (p: { name: string; times: string[] } & Days) =>
      `Theek hai: main aapko ${spokenDays(p.days, 'hi-Latn')} ${joinTimes(p.times, 'hi-Latn')} par ${p.name} lene ki yaad dilaaunga.`,
  },
  alreadyTaken: {
    en: (p: { name: string; time: string }) => MEDICATION_REPLIES.alreadyTaken(p.name, p.time),
    hi: (p: { name: string; time: string }) => `आपने आज की ${sayClock(p.time, 'hi')} वाली ${p.name} पहले ही ली हुई दर्ज की है। क्या आपने एक और खुराक ली, या आपका मतलब वही थी?`,
    'hi-Latn': (p: { name: string; time: string }) =>
      `Aapne aaj ki ${sayClock(p.time, 'hi-Latn')} wali ${p.name} pehle hi li hui darj ki hai. Kya aapne ek aur khurak li, ya aapka matlab wahi thi?`,
  },
  tookMissOrRemind: {
    en: (p: { name: string }) => `Did you take ${p.name}, miss it, or would you like a reminder for it?`,
    hi: (p: { name: string }) => `क्या आपने ${p.name} ले ली, वह छूट गई, या उसके लिए याद दिलाऊँ?`,
    'hi-Latn': (p: { name: string }) => `Kya aapne ${p.name} le li, woh chhoot gayi, ya uske liye yaad dilaaoon?`,
  },
  yourMedicines: {
    en: (p: { lines: string[] }) => `Your medicines: ${p.lines.join('; ')}.`,
    hi: (p: { lines: string[] }) => `आपकी दवाएं: ${p.lines.map((l) => sayWhen(l, 'hi').replace(/ and /g, ' और ')).join('; ')}।`,
    'hi-Latn': (p: { lines: string[] }) => `Aapki dawaaiyan: ${p.lines.map((l) => sayWhen(l, 'hi-Latn').replace(/ and /g, ' aur ')).join('; ')}.`,
  },
  noMedicines: {
    en: 'You have no medicines in your list yet.',
    hi: 'आपकी दवाओं की सूची में अभी कोई दवा नहीं है।',
    'hi-Latn': 'Aapki dawaiyon ki list mein abhi koi dawa nahi hai.',
  },
  noDosesToday: {
    en: 'You have no scheduled doses today.',
    hi: 'आज आपकी कोई खुराक तय नहीं है।',
    'hi-Latn': 'Aaj aapki koi khurak tay nahi hai.',
  },
  /** One of today's doses: "Metformin 500 mg at 8:00 am: taken". */
  doseToday: {
    en: (p: { name: string; time: string; status: string }) => `${p.name} at ${p.time}: ${p.status === 'due' ? 'not taken yet' : p.status}`,
    hi: (p: { name: string; time: string; status: string }) =>
      `${p.name} ${sayClock(p.time, 'hi')}: ${p.status === 'due' ? 'अभी नहीं ली' : (STATUS[p.status as Status]?.hi ?? p.status)}`,
    'hi-Latn': (p: { name: string; time: string; status: string }) =>
      `${p.name} ${sayClock(p.time, 'hi-Latn')}: ${p.status === 'due' ? 'abhi nahi li' : (STATUS[p.status as Status]?.['hi-Latn'] ?? p.status)}`,
  },
  today: {
    en: (p: { taken: number; total: number; doses: string[]; missed: boolean }) =>
      `Today you have taken ${p.taken} of ${p.total} doses. ${p.doses.join('; ')}.` +
      (p.missed ? ' If you missed a dose, ask your doctor or pharmacist what to do; do not double the next one.' : ''),
    hi: (p: { taken: number; total: number; doses: string[]; missed: boolean }) =>
      `आज आपने ${p.total} में से ${p.taken} खुराक ली हैं। ${p.doses.join('; ')}।` +
      (p.missed ? ' अगर कोई खुराक छूट गई है, तो अपने डॉक्टर या फ़ार्मासिस्ट से पूछें कि क्या करना है; अगली खुराक दोगुनी न करें।' : ''),
    'hi-Latn': (p: { taken: number; total: number; doses: string[]; missed: boolean }) =>
      `Aaj aapne ${p.total} mein se ${p.taken} khurak li hain. ${p.doses.join('; ')}.` +
      (p.missed ? ' Agar koi khurak chhoot gayi hai, to apne doctor ya pharmacist se poochhein ki kya karna hai; agli khurak dogni na karein.' : ''),
  },
  moved: {
    en: (p: { name: string; from: string; to: string }) => `Done: your ${p.name} reminder moved from ${p.from} to ${p.to}.`,
    hi: (p: { name: string; from: string; to: string }) => `ठीक है: आपकी ${p.name} की याद अब ${sayClock(p.from, 'hi')} की जगह ${sayClock(p.to, 'hi')} पर है।`,
    'hi-Latn': (p: { name: string; from: string; to: string }) => `Theek hai: aapki ${p.name} ki yaad ab ${sayClock(p.from, 'hi-Latn')} ki jagah ${sayClock(p.to, 'hi-Latn')} par hai.`,
  },
  whichToRemind: {
    en: 'Which medicine should I remind you about, and at what time?',
    hi: 'किस दवा के लिए और किस समय याद दिलाऊँ?',
    'hi-Latn': 'Kis dawa ke liye aur kis samay yaad dilaaoon?',
  },
  whatTime: {
    en: (p: { name: string }) => `At what time do you take ${p.name}? For example "9 pm".`,
    hi: (p: { name: string }) => `आप ${p.name} किस समय लेते हैं? जैसे "रात 9 बजे"।`,
    'hi-Latn': (p: { name: string }) => `Aap ${p.name} kis samay lete hain? Jaise "raat 9 baje".`,
  },
  whichToMove: {
    en: 'Which medicine should move, and to what time?',
    hi: 'किस दवा का समय बदलना है, और किस समय पर?',
    'hi-Latn': 'Kis dawa ka samay badalna hai, aur kis samay par?',
  },
  reminderAnswered: {
    en: (p: { doses: string; status: Status }) => `Marked your reminder for ${p.doses} as ${STATUS[p.status].en}.`,
    hi: (p: { doses: string; status: Status }) => `आपका रिमाइंडर दर्ज किया: ${p.doses} ${STATUS[p.status].hi}।`,
    'hi-Latn': (p: { doses: string; status: Status }) => `Aapka reminder darj kiya: ${p.doses} ${STATUS[p.status]['hi-Latn']}.`,
  },
  reminderSnoozed: {
    en: (p: { doses: string; minutes: number }) => `I'll remind you about ${p.doses} again in ${p.minutes} minutes.`,
    hi: (p: { doses: string; minutes: number }) => `${p.minutes} मिनट बाद ${p.doses} की फिर याद दिलाऊँगा।`,
    'hi-Latn': (p: { doses: string; minutes: number }) => `${p.minutes} minute baad ${p.doses} ki phir yaad dilaaunga.`,
  },
  nothingToSnooze: {
    en: 'There is no reminder waiting to snooze right now.',
    hi: 'अभी बाद के लिए टालने को कोई रिमाइंडर नहीं है।',
    'hi-Latn': 'Abhi baad ke liye taalne ko koi reminder nahi hai.',
  },
  whatCanDo: {
    en: 'I can note a dose you took or missed, add a medicine, set a reminder, or tell you what is due today. What would you like?',
    hi: 'मैं आपकी ली हुई या छूटी हुई खुराक दर्ज कर सकता हूँ, दवा जोड़ सकता हूँ, याद दिलाने का समय रख सकता हूँ, या बता सकता हूँ कि आज कौन सी दवा बाकी है। आप क्या चाहेंगे?',
    'hi-Latn':
      'Main aapki li hui ya chhooti hui khurak darj kar sakta hoon, dawa jod sakta hoon, yaad dilaane ka samay rakh sakta hoon, ya bata sakta hoon ki aaj kaun si dawa baaki hai. Aap kya chahenge?',
  },
})

type Replies = typeof MEDICATION_REPLIES

function medicationRepliesIn(language: 'hi' | 'hi-Latn'): Replies {
  const hi = language === 'hi'
  const l = (hiText: string, latnText: string) => (hi ? hiText : latnText.charAt(0).toUpperCase() + latnText.slice(1))
  const when = (text: string) => sayWhen(text, language).replace(/ and /g, hi ? ' और ' : ' aur ')
  const list = (doses: string[]) => doses.map(when).join('; ')
  return {
    added: (name) => say(MEDICATION_TEXTS.added, language, { name }),
    alreadyListed: (name) => say(MEDICATION_TEXTS.alreadyListed, language, { name }),
    addedWithTimes: (name, times, days) =>
      l(`${name} आपकी दवाओं में जोड़ दी, और ${when(days)} ${when(times)} पर याद दिलाऊँगा।`, `${name} aapki dawaiyon mein jod di, aur ${when(days)} ${when(times)} par yaad dilaaunga.`),
    scheduled: (name, times, days) =>
      l(`ठीक है: मैं आपको ${when(days)} ${when(times)} पर ${name} लेने की याद दिलाऊँगा।`, `Theek hai: main aapko ${when(days)} ${when(times)} par ${name} lene ki yaad dilaaunga.`),
    alreadyTaken: (name, time) => say(MEDICATION_TEXTS.alreadyTaken, language, { name, time }),
    askTimes: (name) => l(`आप ${name} किस-किस समय लेते हैं? जैसे "सुबह 8 बजे और रात 8 बजे"।`, `Aap ${name} kis-kis samay lete hain? Jaise "subah 8 baje aur raat 8 baje".`),
    later: l('ठीक है। लेने के बाद मुझे बताइए, मैं खुराक दर्ज कर लूँगा।', 'Theek hai. Lene ke baad mujhe bataiye, main khurak darj kar loonga.'),
    askedNotTaken: l(
      'आप पूछ रहे हैं, इसलिए मैंने कोई खुराक दर्ज नहीं की। ज़्यादा या छूटी हुई खुराक से क्या होता है, यह दवा पर निर्भर करता है: कृपया अपने डॉक्टर या फ़ार्मासिस्ट से पूछें, ' +
        'और अगर किसी ने ज़्यादा दवा ले ली है और तबीयत ठीक नहीं है, तो 112 या 108 पर कॉल करें।',
      'Aap poochh rahe hain, isliye maine koi khurak darj nahi ki. Zyada ya chhooti hui khurak se kya hota hai, yeh dawa par nirbhar karta hai: kripya apne doctor ya pharmacist se poochhein, ' +
        'aur agar kisi ne zyada dawa le li hai aur tabiyat theek nahi hai, to 112 ya 108 par call karein.',
    ),
    notListed: (name) => l(`${name} आपकी दवाओं की सूची में नहीं है।`, `${name} aapki dawaiyon ki list mein nahi hai.`),
    lastTaken: (name, at) => l(`आपने आखिरी बार ${name} ${when(at)} ली थी।`, `Aapne aakhri baar ${name} ${when(at)} li thi.`),
    neverTaken: (name) =>
      l(`आपके रिकॉर्ड में ${name ?? 'आपकी दवाओं'} की कोई ली हुई खुराक दर्ज नहीं है।`, `Aapke record mein ${name ?? 'aapki dawaiyon'} ki koi li hui khurak darj nahi hai.`),
    takesAt: (name, times) => l(`आप ${name} ${when(times)} लेते हैं।`, `Aap ${name} ${when(times)} lete hain.`),
    noTimes: (name) =>
      l(`${name ?? 'आपकी दवाओं'} के लिए अभी याद दिलाने का कोई समय नहीं रखा है।`, `${name ?? 'aapki dawaiyon'} ke liye abhi yaad dilaane ka koi samay nahi rakha hai.`),
    noDoses: (name, period) =>
      l(`${when(period)} ${name ? `${name} की ` : ''}कोई खुराक तय नहीं थी।`, `${when(period)} ${name ? `${name} ki ` : ''}koi khurak tay nahi thi.`),
    tookOf: (period, taken, due) => l(`${when(period)} आपने ${due} में से ${taken} खुराक लीं।`, `${when(period)} aapne ${due} mein se ${taken} khurak li.`),
    missedCount: (n) => l(`आपकी ${n} खुराक छूट गईं।`, `Aapki ${n} khurak chhoot gayi.`),
    missedList: (doses) => l(`छूटी या नहीं ली: ${list(doses)}।`, `Chhooti ya nahi li: ${list(doses)}.`),
    loggedCounts: (period, taken, missed) =>
      l(`${when(period)} आपने ${taken} खुराक ली हुई और ${missed} छूटी हुई दर्ज कीं।`, `${when(period)} aapne ${taken} khurak li hui aur ${missed} chhooti hui darj ki.`),
    noneMissed: l('आपकी कोई खुराक नहीं छूटी।', 'Aapki koi khurak nahi chhooti.'),
    takenList: (doses) => l(`ली गईं: ${list(doses)}।`, `Li gayi: ${list(doses)}.`),
    stillDue: (doses) => l(`अभी बाकी: ${list(doses)}।`, `Abhi baaki: ${list(doses)}.`),
  }
}

/** The medication agent's replies in a reply language. */
export const medicationReplies = inLanguages<Replies>({ en: MEDICATION_REPLIES, hi: medicationRepliesIn('hi'), 'hi-Latn': medicationRepliesIn('hi-Latn') })
