import type { EditIntent } from '../../language/edits.js'
import { whyNotARecord } from '../../language/not-a-record.js'
import { planEdit, splitDenial, type EditReading } from '../plan-edits.js'
import { generalReplies } from './general-texts.js'
import type { Plan, PlanContext, PlannedCall, RecentEntry } from '../plan.js'
import { whenPhrase } from '../../language/when-phrase.js'
import { say } from '../../language/localise.js'
import { GENERAL_TEXTS } from './general-texts.js'
import { isGeneralHealthQuestion } from './health-answers.js'


const GREETING = /^(?:hi|hii+|hello|hey|namaste|namaskar|vanakkam|good (?:morning|afternoon|evening))\b/
const THANKS = /\b(?:thanks|thank you|thank u|thx|dhanyavaad|dhanyavad|shukriya)\b/
const BYE = /^(?:bye|good ?night|see you|ok bye|tata)\b/
// "Help" is a request for Podd's help only on its own: "what foods help keep sugar steady?" is a health question.
const HELP = /^(?:help|help me|i need help|need help)\s*[?!.]*$|\b(?:what can you do|how do i use|how to use|what do you do)\b/

const SYMPTOM_RE =
  /\b(headache|migraine|(?:ghutne|ghutno|ghutnon|ghutna|kamar|peeth|pair|pairon|haath|gardan|kandhe|daant|kaan|pet|sir|sar|jodon|badan) (?:ka |ki |ke |mein |me |mai )?(?:(?:bahut|bohot|thoda|thodi|halka|halki|tez|kaafi|kafi|zyada) )?dard|sir dard|sar dard|(?:knee|back|joint|stomach|neck|shoulder|leg|body|ear|tooth|throat|foot|hip) (?:pain|ache)|pain in (?:my )?\w+|(?:\w+ )?ache|stomach ?ache|pet (?:me |mein )?dard|body ache|cough|khansi|cold|runny nose|sore throat|fever|bukhar|dizzy|dizziness|chakkar|nausea|vomiting|ulti|tired|tiredness|fatigue|thakan|weakness|kamzori|itching|rash|swelling(?: in (?:my )?\w+)?|swollen|swell|swells|pet kharab|upset stomach|stomach upset|constipation|diarrh(?:o)?ea|loose motions?|soojan|sujan|sooj\w*|suj|suji|suja|dast|zukam|jukam|khujli|jalan|acidity|heartburn|gas|bloating|cramps?|numbness|tingling|insomnia|breathless(?:ness)?|kharash|gala kharab|gala baith \w+|kabz|kabj|(?:jee|ji) machal\w*|ubkai|bhookh? (?:nahi|nahin|nhi) lag\w*|naak beh\w*|naak band|chheenk\w*|chhink\w*|bechaini|chhale|aankh(?:on)? (?:mein |me )?(?:jalan|lali|khujli)|aankh(?:ein)? lal)\b/
const SEVERITY: [RegExp, string][] = [
  [/\b(?:severe|very bad|terrible|unbearable|bahut zyada|bahut tez|extreme)\b/, 'severe'],
  [/\b(?:moderate|quite|bad|bahut)\b/, 'moderate'],
  [/\b(?:mild|slight|little|thoda|halka|minor)\b/, 'mild'],
]
const DURATION = /\b((?:since|for|from) (?:yesterday|today|this morning|last night|last week|\d+ (?:days?|hours?|weeks?))|(?:\d+|two|three) days)\b/
const BODY_PART = /\b(knee|back|head|stomach|chest|joint|neck|shoulder|leg|arm|hand|foot|hip|throat|tooth|ear|eye)\b/

const MOODS: [RegExp, string][] = [
  [/\b(?:very (?:sad|low|depressed|upset)|hopeless|miserable|terrible|awful|very bad)\b/, 'very_bad'],
  [/\b(?:sad|low|down|upset|anxious|worried|stressed|lonely|depressed|irritated|irritable|cranky|frustrated|moody|fed up|angry|chidchida|chidchidi|udaas|udas|pareshan|not (?:good|great|well)|bad)\b|\b(?:theek|thik|achha|accha|acha|sahi|khush)\s+(?:nahi|nahin|nhi)\b|\b(?:mann|man)\s+(?:nahi|nahin|nhi)\s+lag/, 'bad'],
  [/\b(?:very (?:happy|good)|excellent|wonderful|fantastic|great|amazing|bahut khush|bahut (?:achha|accha|acha|achchha|badhiya)|ekdum (?:mast|badhiya|fresh))\b/, 'very_good'],
  [/\b(?:happy|good|better|cheerful|khush|relaxed|calm|well|achha|accha|acha|achchha|badhiya|mast|fresh|prasann|shaant|shant)\b/, 'good'],
  [/\b(?:okay|ok|fine|alright|theek|thik|so so|normal)\b/, 'neutral'],
]
/** Tiredness and weakness alone: said with a mood, they belong to the mood. */
const NONSPECIFIC = /^(?:tired|tiredness|fatigue|thakan|weakness|kamzori|weak)$/
/** Words that only ever describe a mood. */
const MOOD_WORD = /\b(?:sad|low|down|upset|anxious|worried|stressed|lonely|depressed|irritable|irritated|cranky|frustrated|moody|fed up|udaas|udas|pareshan|chidchida|chidchidi)\b/
const MOOD_CONTEXT = /\b(?:feel|feeling|felt|mood|i am|i'm|im|today is|day was|lag raha|lag rahi|mehsoos|mahsoos|mahsus|mehsus|mann|man|jee|dil|hoon|hun|hu)\b/

const SLEEP = /\b(?:slept|sleep|sleeping|neend|nind|soya|soyi|so gaya|so gayi|woke up)\b|\bso (?:nahi|nahin|nhi|na) (?:paya|payi|paaya|paayi|saka|saki|sake|pa)\b|\b(?:jaag|jag)(?:ta|ti|te|a|i)? (?:raha|rahi|rahe)\b/
/** "kal raat theek se so nahi paya", "3 baje tak jaagta raha", "karvatein badalta raha": a poor night. */
const POOR_NIGHT = /\bso (?:nahi|nahin|nhi|na) (?:paya|payi|paaya|paayi|saka|saki|sake|pa)\b|\b(?:jaag|jag)(?:ta|ti|te|a|i)? (?:raha|rahi|rahe)\b|\bkarvat\w*|\bbaar baar (?:neend )?(?:khul|toot|tut|uth)\w*|\bneend (?:toot|tut|khul)\w*/
/** "8 ghante ki neend li, ekdum fresh": a good night. */
const GOOD_NIGHT = /\b(?:fresh|refreshed|taza|taaza|tazgi|gehri neend|gahri neend|badhiya|mast|sukoon|sukun|aaram se so\w*|achhe se so\w*|achchhe se so\w*)\b/
const EXERCISE = /\b(walk(?:ed|ing)?|cycle chala\w*|cycle chalai|kadam|yoga|exercis(?:e|ed|ing)|gym|cycl(?:ed|ing)|swim(?:ming)?|swam|jog(?:ged|ging)?|ran|running|workout|stretching|pranayam|steps|sair|tehel\w*|tahal\w*|tehl[aie]|kasrat|vyayam)\b/
/** "subah 30 minute tez chala", "2 km chali": walking said with the verb alone. */
const WALKED_HI = /\b\d+(?:\.\d+)?\s*(?:minutes?|mins?|minat|ghante|ghanta|km|kilometers?|kilometres?)\b(?:\s+\S+){0,2}?\s+(?:chala|chali|chale|chal liya|chal li|chal liye)\b|\b(?:tez|tej|paidal|pedal) (?:chala|chali|chale)\b/

/**
 * "aaj walk nahi ki", "sair par nahi gaya", "yoga nahi kar paya", "didn't go for my walk",
 * "skipped yoga": the activity was not done, so there is nothing to log.
 */
export function activityNotDone(t: string, m: { index: number; 0: string }): boolean {
  const after = t.slice(m.index + m[0].length)
  const before = t.slice(Math.max(0, m.index - 40), m.index)
  return (
    /^\s*(?:\S+\s+){0,2}?(?:nahi|nahin|nhi|na)\s+(?:ki|kiya|kari|kara|kar|ho|hui|hua|gaya|gayi|gaye|ja|jaa|paya|payi|paaya|paayi|saka|saki|chala|chali|chal|mila|mili)\b/.test(after) ||
    /^\s*(?:was |got )?(?:skipped|missed|cancelled|canceled)\b/.test(after) ||
    /\b(?:no|not|didn'?t|did not|couldn'?t|could not|wasn'?t able to|was not able to|skipped|skip|missed|without|haven'?t|have not|never)\s+(?:\S+\s+){0,4}$/.test(before)
  )
}

const SUMMARY = /\b(?:summary|how was my (?:day|week|month)|how am i doing|overview|report|how have i been)\b/
const RECALL = /\b(?:doctor (?:say|said|tell|told|advise|advised|mention)|what did (?:i|the|my)\b.{0,40}\b(?:say|said|tell|told|mention|advise)|when did (?:my|i|the)|remember|did i (?:mention|say|tell)|last time|what did i say)\b/
const APPOINTMENT = /\b(?:ap+oint(?:a)?ment|check-?up|follow-?up|doctor visit|visit (?:the )?doctor|see (?:the )?doctor|test at|blood test)\b/
const EMERGENCY_CONTACT = /\bemergency contact\b/
const PHONE = /(\+?\d[\d -]{8,14}\d)/
const QUESTION = /\?\s*$|^(?:is|are|does|do|can|should|could|would|will|how|what|which|why|when|where|who|kya|kaise|kitna|kitni)\b/
/** A question about the patient's own history rather than general knowledge. */
const ABOUT_ME = /\b(?:did i|have i|was i|my|i slept|i walked|last night|this week|yesterday)\b/

/** The doctor an appointment is with: "with Dr Mehta", "Dr. Rao ke saath", "to see doctor Iyer". */
export function doctorNamed(t: string): string | undefined {
  const m = /\b(?:dr\.?|doctor)\s+(?!(?:appointment|visit|checkup|check-up|sahab|ke|ki|ka|on|at|for|said|told|ne)\b)([a-z][a-z.]{1,30}(?: [a-z]{2,30})?)/.exec(t)
  if (!m) return undefined
  const name = m[1]!.replace(/ (?:on|at|in|for|next|this|tomorrow|ke|ki|se|ko|mein|hai|today)\b.*$/, '').replace(/\.$/, '')
  return `Dr ${name.replace(/\b\w/g, (c) => c.toUpperCase())}`
}

/** The day or time in words about an appointment ("on Friday at 11 am", "Friday 11 am", "kal 5 baje"). */
const APPOINTMENT_WHEN = /\b(?:on|at|next|tomorrow|this|today|coming)\b.+$|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*$|\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|baje)\b.*$|\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b.*$/

function appointmentPlan(t: string, notes: string, language: PlanContext['language']): Plan {
  const whenMatch = APPOINTMENT_WHEN.exec(t)?.[0]
  const when = whenMatch?.replace(/\s*\b(?:with|to see)\b\s+(?:dr\.?|doctor)\s+[a-z.]+(?: [a-z]+)?\s*/, ' ').trim()
  if (!when) return { calls: [], reply: generalReplies(language).whichDay, asked: true }
  // "Next week" is not a day: ask which, rather than saving a guessed one.
  if (!/\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\btomorrow\b|\btoday\b|\d/.test(when)) return { calls: [], reply: generalReplies(language).whichDay, asked: true }
  const doctor = doctorNamed(t)
  return { calls: [{ name: 'add_appointment', args: { title: 'Doctor appointment', when, ...(doctor ? { doctor } : {}), notes } }] }
}

const RELATIONS = '(?:son|daughter|wife|husband|brother|sister|mother|father|friend|neighbou?r|nephew|niece|grandson|granddaughter|son-in-law|daughter-in-law|beta|beti|bhai|behen|pati|patni|dost)'

/** Who an emergency contact is: "my son Rahul" is Rahul, a son; "add Sunita" is Sunita. */
export function contactNamed(t: string): { name: string; relationship?: string } | undefined {
  const related = new RegExp(`\\b(?:my|meri|mera|mere)\\s+(${RELATIONS})\\s+(?!(?:as|is|ka|ki|ke|number|phone|and)\\b)([a-z]+)\\b`).exec(t)
  if (related) return { name: related[2]!, relationship: related[1]! }
  const named = /\b(?:is|add|save)\s+(?!(?:my|as|his|her)\b)([a-z]+(?: (?!as\b|his\b|her\b|number\b)[a-z]+)?)\b/.exec(t)?.[1]
  const relation = new RegExp(`\\b(?:my|meri|mera|mere)\\s+(${RELATIONS})\\b`).exec(t)?.[1]
  if (named) return { name: named, ...(relation ? { relationship: relation } : {}) }
  return relation ? { name: relation === 'son' || relation === 'daughter' ? `my ${relation}` : relation, relationship: relation } : undefined
}

function profileArgs(t: string): Record<string, unknown> | undefined {
  const args: Record<string, unknown> = {}
  const allergy = /\b(?:allergic to|allergy to|allergy:?)\s+([a-z][a-z ,-]{1,60}?)(?:\s*(?:$|\.|\band i\b))/.exec(t)?.[1]
  if (allergy) args.allergies = allergy.split(/\s*(?:,|\band\b)\s*/).filter(Boolean)
  const condition = /\bi (?:have|am suffering from|suffer from|was diagnosed with|got diagnosed with)\s+(diabetes|hypertension|high bp|high blood pressure|thyroid|asthma|copd|arthritis|heart disease|kidney disease)\b/.exec(t)?.[1]
  if (condition) args.medical_conditions = [condition]
  const height = /\b(?:height|i am|i'm)\s+(?:is\s+)?(\d{3})\s*cm\b/.exec(t)?.[1]
  if (height) args.height_cm = Number(height)
  if (/\bi(?: am|'m) (?:a )?(?:pure )?vegetarian\b/.test(t)) args.dietary_preferences = 'vegetarian'
  if (/\bi(?: am|'m) (?:a )?vegan\b/.test(t)) args.dietary_preferences = 'vegan'
  const dob = /\b(?:born on|date of birth is|dob is|birthday is)\s+(\d{4}-\d{2}-\d{2})\b/.exec(t)?.[1]
  if (dob) args.date_of_birth = dob
  const lang = /\b(?:reply|speak|talk|answer|respond) (?:to me )?in (hindi|english|tamil|telugu|bengali|marathi|kannada|malayalam|gujarati|punjabi|odia)\b/.exec(t)?.[1]
  if (lang) {
    const codes: Record<string, string> = { hindi: 'hi-IN', english: 'en-IN', tamil: 'ta-IN', telugu: 'te-IN', bengali: 'bn-IN', marathi: 'mr-IN', kannada: 'kn-IN', malayalam: 'ml-IN', gujarati: 'gu-IN', punjabi: 'pa-IN', odia: 'od-IN' }
    args.language = codes[lang]
  }
  const name = /\bmy name is ([a-z][a-z ]{1,40})$/.exec(t)?.[1]
  if (name) args.name = name.replace(/\b\w/g, (c) => c.toUpperCase())
  return Object.keys(args).length ? args : undefined
}

/** Hindi symptom words a doctor reading the record may not know, kept in English (the patient's words stay in the notes). */
const HINDI_SYMPTOMS: Record<string, string> = { soojan: 'swelling', sujan: 'swelling', swell: 'swelling', swells: 'swelling', swollen: 'swelling', 'pet kharab': 'upset stomach', 'stomach upset': 'upset stomach', dast: 'diarrhoea', zukam: 'cold', jukam: 'cold', khujli: 'itching' }

/** Where a Hindi pain is ("ghutnon mein dard", "kamar ka dard"), as a doctor reading the record names it. */
const HINDI_BODY_PARTS: [RegExp, string][] = [
  [/^ghutn/, 'knee'], [/^(?:kamar|peeth)$/, 'back'], [/^(?:pair|pairon)$/, 'leg'], [/^haath$/, 'hand'], [/^gardan$/, 'neck'],
  [/^kandhe$/, 'shoulder'], [/^daant$/, 'tooth'], [/^kaan$/, 'ear'], [/^pet$/, 'stomach'], [/^(?:sir|sar)$/, 'head'], [/^jodon$/, 'joint'], [/^badan$/, 'body'],
]

/** Hindi symptom words as a doctor reading the record names them (the patient's words stay in the notes). */
const HINDI_SYMPTOM_NAMES: [RegExp, string][] = [
  [/^(?:kharash|gala kharab|gala baith)/, 'sore throat'], [/^(?:kabz|kabj)$/, 'constipation'], [/^(?:jee|ji) machal|^ubkai$/, 'nausea'],
  [/^bhookh? /, 'loss of appetite'], [/^naak beh/, 'runny nose'], [/^naak band$/, 'blocked nose'], [/^chh(?:ee|i)nk/, 'sneezing'],
  [/^bechaini$/, 'restlessness'], [/^chhale$/, 'mouth ulcers'], [/^aankh/, 'eye irritation'],
]

/** "ghutnon mein dard" is knee pain (the patient's own words stay in the notes). */
function hindiPain(symptom: string): { name: string; part: string } | undefined {
  const m = /^(\S+) (?:ka |ki |ke |mein |me |mai )?(?:\S+ )?dard$/.exec(symptom)
  const part = m && HINDI_BODY_PARTS.find(([re]) => re.test(m[1]!))?.[1]
  if (!part) return undefined
  return { name: part === 'head' ? 'headache' : `${part} pain`, part }
}

/** "Ghutne ka dard ab nahi hai", "the headache is gone": it has passed, nothing to log. */
function symptomGone(t: string): boolean {
  const m = SYMPTOM_RE.exec(t)
  return !!m && /^\s*(?:\S+\s+){0,2}?(?:(?:ab|abhi|bilkul)\s+)?(?:nahi|nahin|nhi)\s+(?:(?:aa|ho|lag)\s+)?(?:hai|he|raha|rahi|rha|rhi|rahe|hota|hoti|aata|aati)\b|^\s*(?:is |has )?(?:gone|went away|no more|not there)\b|^\s*(?:ab |abhi |to |toh )?(?:chala gaya|chali gayi|chale gaye|chala gya|gayab ho\w*|khatam ho\w*|ruk gaya|ruk gayi|band ho gaya|band ho gayi|utar gaya|utar gayi|theek ho gaya|theek ho gayi|thik ho gaya|thik ho gayi)\b/.test(t.slice(m.index + m[0].length))
}

function symptomCall(t: string): PlannedCall | undefined {
  const m = SYMPTOM_RE.exec(t)
  // "No headache, feeling normal" reports its absence.
  if (!m || /\b(?:no|not|without|koi nahi)\s+(?:\w+\s+)?$/.test(t.slice(Math.max(0, m.index - 20), m.index))) return undefined
  if (symptomGone(t)) return undefined
  const pain = hindiPain(m[1]!)
  const named = HINDI_SYMPTOM_NAMES.find(([re]) => re.test(m[1]!))?.[1]
  const args: Record<string, unknown> = { name: pain?.name ?? named ?? HINDI_SYMPTOMS[m[1]!] ?? (/^(?:sooj|suj)/.test(m[1]!) ? 'swelling' : m[1]) }
  const severity = SEVERITY.find(([re]) => re.test(t))?.[1]
  if (severity) args.severity = severity
  const part = pain?.part ?? BODY_PART.exec(t)?.[1]
  if (part) args.body_part = part
  const duration = DURATION.exec(t)?.[1]
  if (duration) args.duration = duration
  args.notes = t
  return { name: 'log_symptom', args }
}

function sleepCall(t: string): PlannedCall {
  const args: Record<string, unknown> = {}
  const hours = /(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|ghante|ghanta)\b/.exec(t)?.[1]
  if (hours) args.duration_hours = Number(hours)
  // Negation first: "neend achhi nahi aayi" is poor sleep, not good sleep.
  const notGood = /\b(?:achhi|acchi|achchi|achi|theek|thik|sahi|good|well)\s+(?:se\s+)?(?:nahi|nahin|nhi|na)\b|\b(?:nahi|nahin|nhi)\s+(?:aayi|aai|aaya|soya|soyi|so paya|so payi|so paaya|so paayi)\b/
  if (notGood.test(t) || POOR_NIGHT.test(t) || /\b(?:badly|poorly|bad|restless|not well|barely|hardly|very little|not enough|couldn'?t sleep|could not sleep|didn'?t sleep|did not sleep|disturbed|broken|kam neend|neend nahi|thodi (?:hi )?neend)\b/.test(t)) args.quality = 'poor'
  else if (/\b(?:very well|soundly|great|excellent)\b/.test(t)) args.quality = 'excellent'
  else if (/\b(?:well|good|fine|achhi|acchi|achchhi|achi)\b/.test(t) || GOOD_NIGHT.test(t)) args.quality = 'good'
  // "Slept at 11 and woke up at 6": a bed time in the evening, a waking time in the morning.
  const bed = /\b(?:slept|went to bed|sleep|so gaya|so gayi|soya|soyi)\b (?:at|around) (\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?/.exec(t)
  const wake = /\b(?:woke(?: up)?|got up|uth(?:a|i)?)\b (?:at|around) (\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?/.exec(t)
  const clock = (m: RegExpExecArray, evening: boolean) => {
    let h = Number(m[1]) % 12
    if (m[3] === 'pm' || (!m[3] && evening && h >= 6)) h += 12
    return `${String(h).padStart(2, '0')}:${m[2] ?? '00'}`
  }
  // Hindi says the time first: "raat 11 baje soya", "subah 6 baje utha".
  const bedHi = bed ? undefined : /\b(\d{1,2})(?:[:.](\d{2}))?\s*baje\s+(?:so|soya|soyi|so gaya|so gayi|sone gaya|sone gayi|bistar)\b/.exec(t)
  const wakeHi = wake ? undefined : /\b(\d{1,2})(?:[:.](\d{2}))?\s*baje\s+(?:utha|uthi|uth gaya|uth gayi|uthe|jaga|jagi|jaaga|jaagi|aankh khuli)\b/.exec(t)
  const bedAt = bed ?? bedHi
  const wakeAt = wake ?? wakeHi
  if (bedAt) args.bed_time = clock(bedAt, true)
  if (wakeAt) args.wake_time = clock(wakeAt, false)
  if (bedAt && wakeAt && !args.duration_hours) {
    const [bh, bm] = (args.bed_time as string).split(':').map(Number)
    const [wh, wm] = (args.wake_time as string).split(':').map(Number)
    args.duration_hours = Math.round(((((wh! * 60 + wm!) - (bh! * 60 + bm!)) + 1440) % 1440) / 6) / 10
  }
  if (!args.duration_hours && !args.quality && !args.bed_time) args.notes = t
  return { name: 'log_sleep', args }
}

function exerciseCall(t: string, activity: string): PlannedCall {
  const base = /^(?:sair|teh|tah|kadam|chal)/.test(activity) ? 'walk' : /^cycle chala/.test(activity) ? 'cycle' : /^(?:kasrat|vyayam)$/.test(activity) ? 'exercise' : activity.replace(/(?:ed|ing)$/, '').replace(/^ran$|^runn$/, 'run').replace(/^swam$/, 'swim').replace(/^jogg$/, 'jog').replace(/^cycl$/, 'cycle')
  const args: Record<string, unknown> = { activity: base === 'step' ? 'walk' : base }
  const minutes = /(\d+)\s*(?:minutes?|mins?|minat)\b/.exec(t)?.[1]
  const hours = /(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|ghante|ghanta)\b/.exec(t)?.[1]
  if (minutes) args.duration_minutes = Number(minutes)
  else if (hours) args.duration_minutes = Math.round(Number(hours) * 60)
  const steps = /(\d[\d,]*)\s*(?:steps|kadam)\b/.exec(t)?.[1]
  if (steps) args.steps = Number(steps.replace(/,/g, ''))
  const km = /(\d+(?:\.\d+)?)\s*(?:km|kilometers?|kilometres?)\b/.exec(t)?.[1]
  if (km) args.distance_km = Number(km)
  const when = whenPhrase(t)
  if (when) args.when = when
  return { name: 'log_exercise', args }
}

/** Asking what to do, not what was done. */
const ADVICE = /\b(?:should i|can i|could i|how (?:can|do|should) i|what should i|kaise (?:karu|karun|karein)|kya karu|chahiye|sakta|sakti|sakte)\b/

const DAY_PERIODS: [RegExp, string][] = [
  [/\b(?:yesterday|kal|last night)\b/, 'yesterday'],
  [/\b(?:this week|is hafte|iss hafte)\b/, 'this_week'],
  [/\b(?:last|past) (?:7 days|week)\b|\b(?:pichle|pichhle) (?:7 (?:din|dino|dinon)|hafte)\b/, 'last_7_days'],
  [/\b(?:this month)\b/, 'this_month'],
  [/\b(?:today|aaj)\b/, 'today'],
]

/** A visit to the doctor asked about without the word appointment: "agli baar kis doctor ke paas jana hai?", "which doctor do I see next?". */
const NEXT_VISIT =
  /\b(?:agli|agla|agle|next)\b.{0,25}\b(?:doctor|dr|daktar)\b|\b(?:doctor|dr|daktar)\b.{0,20}\b(?:agli|agla|agle|next)\b.{0,15}\b(?:kab|when|kis din)\b|\b(?:kis|kaun|kaunse|konse|which|who)\b.{0,12}\b(?:doctor|dr|daktar)\b.{0,30}\b(?:jana|jaana|milna|dikhana|see|seeing|visit|going|appointment)\b|\b(?:doctor|dr|daktar) (?:ke )?(?:paas|pas) (?:kab|kis din)\b|\bwhen (?:do|will|should) i (?:see|visit) (?:the |my )?(?:doctor|dr)\b/

/**
 * A question about the patient's own sleep, exercise, symptoms, mood or appointments ("how did I
 * sleep this week?", "when is my next appointment?"), read from the record, never logged.
 */
function dayQuestion(t: string): Plan | undefined {
  const period = DAY_PERIODS.find(([re]) => re.test(t))?.[1]
  // "Is hafte neend kaisi rahi?" asks about the patient's week without saying "my".
  const aboutMe = /\b(?:i|my|me|maine|mera|meri|mujhe|agla|agli)\b/.test(t) || (!!period && /\b(?:kaisi|kaisa|kaise|kitna|kitni|kitne|kab)\b/.test(t))
  if (!QUESTION.test(t) || !aboutMe) return undefined
  // "How much should I walk every day?", "how can I sleep better?": advice, for the curated answers.
  if (ADVICE.test(t)) return undefined
  const last = /\b(?:when|kab)\b.{0,30}\b(?:last|latest|aakhri|pichli)\b|\bwhen did i last\b/.test(t)
  const args = (topic: string, extra: Record<string, unknown> = {}) => ({
    calls: [{ name: 'get_day_history', args: { topic, ...(period ? { period } : {}), ...(last ? { question: 'last' } : {}), ...extra } }],
  })
  if (APPOINTMENT.test(t) || /\bappointment|doctor visit|checkup\b/.test(t) || NEXT_VISIT.test(t)) return args('appointments')
  // "How did I sleep last night?": the latest night noted, whichever day it was logged on.
  if (SLEEP.test(t)) return /\blast night\b/.test(t) ? { calls: [{ name: 'get_day_history', args: { topic: 'sleep', question: 'last', period: 'last_7_days' } }] } : args('sleep')
  const exercise = EXERCISE.exec(t) ?? /\b(?:kitna|kitni|kitne|kab) (?:paidal )?(chala|chali|chale)\b/.exec(t)
  // "How much did I exercise?" asks about every activity; "how far did I walk?" about walks.
  const generic = /^(?:exercis\w*|workout|kasrat|vyayam|steps)$/.test(exercise?.[1] ?? '')
  if (exercise) return args('exercise', generic ? {} : { activity: exercise[1]!.replace(/(?:ed|ing)$/, '').replace(/^ran$/, 'run').replace(/^(?:chal[aie]|sair|kadam|tehel\w*|tahal\w*)$/, 'walk') })
  if (/\bsymptoms?\b/.test(t) || (last && SYMPTOM_RE.test(t))) return args('symptoms')
  if (/\bmood\b/.test(t)) return args('mood')
  return undefined
}

/** A correction or removal of a symptom, mood, sleep or exercise entry. */
function readEdit(text: string, latest: RecentEntry | undefined, intent: EditIntent): EditReading {
  const { said } = splitDenial(text)
  const symptom = SYMPTOM_RE.exec(text)?.[1]
  // The entry just logged, when the words still read as one of its kind ("not that bad, say okay" after a mood).
  const sameKind =
    (latest?.kind === 'mood' && MOODS.some(([re]) => re.test(said))) ||
    (latest?.kind === 'sleep' && SLEEP.test(said)) ||
    (latest?.kind === 'exercise' && /\d/.test(said))
  const kind = sameKind ? latest!.kind : symptom ? 'symptom' : SLEEP.test(text) ? 'sleep' : EXERCISE.test(text) ? 'exercise' : /\b(?:mood|feel|feeling)\b/.test(text) ? 'mood' : latest?.kind
  if (intent === 'remove') return { kind, ...(symptom ? { match: { name: symptom } } : {}) }
  const strip = (args: Record<string, unknown>) => {
    const { when: _w, notes: _n, ...rest } = args
    return rest
  }
  switch (kind) {
    case 'sleep':
      return { kind, changes: strip(sleepCall(said).args) }
    case 'exercise': {
      const activity = EXERCISE.exec(said)?.[1]
      const changes = strip(activity ? exerciseCall(said, activity).args : exerciseCall(said, String(latest?.payload.activity ?? 'walk')).args)
      if (!activity) delete changes.activity
      return { kind, changes }
    }
    case 'mood': {
      const mood = MOODS.find(([re]) => re.test(said))?.[1]
      return { kind, changes: mood ? { mood } : {} }
    }
    case 'symptom': {
      const severity = SEVERITY.find(([re]) => re.test(said))?.[1]
      return { kind, changes: severity ? { severity } : {} }
    }
    default:
      return {}
  }
}

/** Small talk, symptoms, mood, sleep, exercise, profile changes, corrections and questions about the past. */
export function planGeneral(ctx: PlanContext): Plan {
  const t = ctx.text
  const has = (name: string) => ctx.tools.has(name)
  const edit = planEdit(ctx, readEdit)
  if (edit) return edit
  const language = ctx.language ?? 'en'
  if (GREETING.test(t) && t.split(' ').length <= 4) return { calls: [], reply: say(GENERAL_TEXTS.hello, language) }
  if (THANKS.test(t) && t.split(' ').length <= 6) return { calls: [], reply: say(GENERAL_TEXTS.thanks, language) }
  if (BYE.test(t)) return { calls: [], reply: say(GENERAL_TEXTS.bye, language) }
  if (HELP.test(t)) return { calls: [], reply: say(GENERAL_TEXTS.capabilities, language) }
  const history = dayQuestion(t)
  if (history && has('get_day_history')) return history
  if (QUESTION.test(t) && /\b(?:my name|conditions|allergies|allergic|on record|my profile|date of birth|my age|my height)\b/.test(t) && has('get_profile')) {
    return { calls: [{ name: 'get_profile', args: {} }] }
  }

  // "What did the doctor say about salt?" searches the history; "the doctor said cut salt" is a
  // statement, kept as this chat turn (and so remembered), not a search.
  if (RECALL.test(t) && QUESTION.test(t) && has('recall')) return { calls: [{ name: 'recall', args: { query: t } }] }
  if (/\b(?:doctor|dr)\b.{0,20}\b(?:said|told|advised|asked)\b/.test(t) && !QUESTION.test(t)) {
    return { calls: [], reply: say(GENERAL_TEXTS.doctor_noted, language) }
  }
  if (SUMMARY.test(t) && has('get_health_summary')) {
    const period = /\bweek\b/.test(t) ? 'last_7_days' : /\bmonth\b/.test(t) ? 'last_30_days' : /\byesterday\b/.test(t) ? 'yesterday' : /\btoday|day\b/.test(t) ? 'today' : 'last_7_days'
    return { calls: [{ name: 'get_health_summary', args: { period } }] }
  }
  if (EMERGENCY_CONTACT.test(t) && has('add_emergency_contact')) {
    const phone = PHONE.exec(t)?.[1]
    const contact = contactNamed(t.replace(EMERGENCY_CONTACT, ' '))
    if (phone && contact) {
      const args: Record<string, unknown> = { name: contact.name.replace(/\b\w/g, (c) => c.toUpperCase()), phone }
      if (contact.relationship) args.relationship = contact.relationship
      return { calls: [{ name: 'add_emergency_contact', args }] }
    }
    return { calls: [], reply: say(GENERAL_TEXTS.ask_emergency_contact, language), asked: true }
  }
  // "Move my appointment with Dr Rao to 16 June", "push my eye check-up to next Monday": the one they have, moved.
  const moving = /\b(?:move|shift|reschedule|push|postpone|prepone|change)\b(.*?)\bto\b\s+(.+)$/.exec(t) ?? /\b(?:appointment|apointment\w*|check-?up)\b(.*?)\b(\S+(?: \S+){0,5}?) (?:kar do|kardo|kar dijiye|shift kar do|badal do)\b/.exec(t)
  if (moving && APPOINTMENT.test(t) && has('reschedule_appointment') && !QUESTION.test(t)) {
    const which = doctorNamed(t) ?? /\b(?:my|meri|mera)\s+((?:\w+ )?(?:check-?up|test))\b/.exec(t)?.[1]
    return { calls: [{ name: 'reschedule_appointment', args: { ...(which ? { which } : {}), to: moving[2]!.trim() } }] }
  }
  if (APPOINTMENT.test(t) && has('add_appointment') && !QUESTION.test(t)) return appointmentPlan(t, t, ctx.language)
  // "Friday 11 am with Dr Rao", answering "which day and time is the appointment?".
  if (ctx.answeringQuestion && APPOINTMENT.test(ctx.answeringQuestion.previous) && has('add_appointment') && APPOINTMENT_WHEN.test(t)) {
    return appointmentPlan(t, `${ctx.answeringQuestion.previous}; ${t}`, ctx.language)
  }

  // A question about sleep, walking or a symptom asks for information; it is not something to log.
  // General health questions get the curated answers (or "your doctor can answer that").
  if (has('health_info') && isGeneralHealthQuestion(t)) {
    return { calls: [{ name: 'health_info', args: { question: t } }] }
  }
  if (QUESTION.test(t)) {
    if (ABOUT_ME.test(t) && has('recall')) return { calls: [{ name: 'recall', args: { query: t } }] }
    if (ABOUT_ME.test(t) && has('get_health_summary')) return { calls: [{ name: 'get_health_summary', args: { period: /\bmonth\b/.test(t) ? 'last_30_days' : 'last_7_days' } }] }
    if (has('health_info')) return { calls: [{ name: 'health_info', args: { question: t } }] }
  }

  // "I'm going to walk 30 minutes in the evening": not done yet, so not logged.
  if (whyNotARecord(t) === 'plan') return { calls: [], reply: generalReplies(ctx.language).later }
  const calls: PlannedCall[] = []
  const profile = profileArgs(t)
  if (profile && has('update_profile')) calls.push({ name: 'update_profile', args: profile })
  const exercise = EXERCISE.exec(t) ?? WALKED_HI.exec(t)
  const notDone = !!exercise && activityNotDone(t, exercise)
  if (exercise && !notDone && has('log_exercise')) calls.push(exerciseCall(t, exercise[1] ?? 'walk'))
  // "7 hours", "achhi", answering "how many hours did you sleep?": the night asked about.
  const sleepAsked = !!ctx.answeringQuestion && /\b(?:how many hours did you sleep|kitne ghante soye)\b/.test(ctx.answeringQuestion.question)
  if ((SLEEP.test(t) || sleepAsked) && has('log_sleep')) {
    const sleep = sleepCall(t)
    // "I slept", "so gaya": nothing about the night yet, so ask rather than log an empty one.
    if (sleep.args.notes && !sleepAsked && t.split(/\s+/).length <= 4 && calls.length === 0) return { calls: [], reply: say(GENERAL_TEXTS.sleep_how, language), asked: true }
    if (!(sleepAsked && sleep.args.notes && !SLEEP.test(t))) calls.push(sleep)
  }
  let symptom = !profile ? symptomCall(t) : undefined
  // "Feeling low and tired": tiredness said with a low mood describes the mood, not a symptom of its own.
  if (symptom && NONSPECIFIC.test(String(symptom.args.name)) && MOOD_CONTEXT.test(t) && MOOD_WORD.test(t) && has('log_mood')) symptom = undefined
  if (symptom && has('log_symptom') && !SLEEP.test(t)) calls.push(symptom)
  if (calls.length === 0 && MOOD_CONTEXT.test(t) && has('log_mood')) {
    const mood = MOODS.find(([re]) => re.test(t))?.[1]
    // "No headache, feeling normal" denies symptoms; "normal" there is not a mood to log.
    const denial = mood === 'neutral' && SYMPTOM_RE.test(t)
    if (mood && !denial) calls.push({ name: 'log_mood', args: { mood, notes: t } })
  }
  if (calls.length) return { calls }
  if (notDone) return { calls: [], reply: say(GENERAL_TEXTS.activity_not_done, language) }
  if (symptomGone(t)) return { calls: [], reply: say(GENERAL_TEXTS.symptom_gone, language) }
  return { calls: [], reply: say(GENERAL_TEXTS.not_understood, language) }
}
