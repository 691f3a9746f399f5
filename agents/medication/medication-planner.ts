import { parseTimeOfDay } from '../../tools/when.js'
import { closestMedicine, COMMON_DRUGS, genericName, isOfClass, medicineClassNamed } from '../../language/medicine-names.js'
import type { EditIntent } from '../../language/edits.js'
import { whyNotARecord } from '../../language/not-a-record.js'
import { planEdit, type EditReading } from '../plan-edits.js'
import { medicationReplies } from './medication-texts.js'
import { say, type ReplyLanguage } from '../../language/localise.js'
import { MEDICATION_TEXTS } from './medication-texts.js'
import type { Plan, PlanContext, RecentEntry } from '../plan.js'
import { escapeRegExp } from '../../language/text.js'
import { whenPhrase } from '../../language/when-phrase.js'

const MISSED =
  /\b(?:missed|miss|forgot(?! to (?:tell|say|mention|log|add))|forgotten|(?:bhool|bhul) (?:gaya|gayi|gai|gaye|gya|gyi)|nahi li|nahi liya|nahin li|nahin liya|nahi khayi|nahi khai|nahi lagaya|nahi lagayi|nahi le (?:paya|payi|payi thi|paya tha)|le nahi (?:paya|payi)|didn'?t take|didnt take|did not take|not taken|haven'?t taken|couldn'?t take|could not take|wasn'?t able to take|(?:chhoot|chhut|chut|choot|reh|rah) (?:gayi|gai|gaya|gaye|gya|gyi)|chhooti|chhuti)\b/
const SKIPPED = /\b(?:skipped|skip kiya|skip ki|chhod di|chhod diya|chod di|not taking (?:it )?today|left out)\b/
const TAKEN =
  /\b(?:took|taken|have taken|had|le li|le liya|le lee|li hai|liya hai|li thi|li|liya|lee|kha li|kha liya|kha lee|khayi|done with|finished|gave myself|injected|lagaya|lagaye|lagai|lagayi|laga li|laga liya|swallowed|popped)\b|\b(?:goli|dawa|dawai|dose|tablet|khurak|units?)\s+(?:bhi\s+)?li\b/
/**
 * A dose taken late: "took my 8 am metformin just now, forgot earlier", "bhool gaya tha, abhi le
 * li". The forgetting is why it is late; the dose was still taken, never logged as missed.
 */
const TAKEN_LATE =
  /\b(?:took|have taken|le li|le liya|li|liya|kha li|lagaya|lagayi)\b(?!\s+(?:nahi|nahin))[^.?!]*\b(?:forgot|forgotten|bhool|bhul)\b|\b(?:forgot|forgotten|bhool|bhul)\b[^.?!]*?(?:[,;]|\b(?:but|then|now|abhi|ab|par|lekin|so|later|baad mein)\b)[^.?!]*\b(?:took|have taken|le li|le liya|li|liya|taken|had)\b|\b(?:took|taken|le li|li)\b[^.?!]*\b(?:late|der se|just now|abhi)\b/
const GENERIC = /\b(?:medicine|medicines|medication|medications|meds|tablet|tablets|pill|pills|dose|doses|dawai|dawa|dava|goli|goliyan|capsules?)\b/
const PARTS: [RegExp, string][] = [
  [/\b(?:morning|subah|breakfast)\b/, 'morning'],
  [/\b(?:afternoon|dopahar|lunch)\b/, 'afternoon'],
  [/\b(?:evening|shaam|sham)\b/, 'evening'],
  [/\b(?:night|raat|bedtime|dinner)\b/, 'night'],
]
const QUERY_TODAY = /\b(?:did i take|have i taken|did i miss|meds today|medicines today|dawai li kya|dawai le li kya|kya maine|doses today|taken today|what (?:is|are) (?:left|due|pending))\b/
const QUERY_LIST = /\b(?:what (?:medicines|meds|tablets|medications)|which (?:medicines|meds|tablets|medications)|list (?:my )?(?:medicines|meds|medications)|(?:what are|show me|tell me|read me) my (?:medicines|medications|meds|tablets))\b/
const SCHEDULE = /\b(?:remind me|reminder|reminders|rimaind\w*|schedule|set (?:a |an )?(?:alarm|time))\b/
const ADD = /\b(?:add|added|new medicine|started (?:on|taking)?|start taking|prescribed|doctor (?:gave|prescribed|started|put me on))\b/
const DOSAGE = /\b(\d+(?:\.\d+)?\s*(?:mg|mcg|gm|g|grams?|ml|units|iu))\b/
const FREQUENCY = /\b(once (?:a|per) day|twice (?:a|per) day|thrice (?:a|per) day|once daily|twice daily|three times (?:a|per) day|daily|every day|at night|in the morning|morning and (?:night|evening)|od|bd|tds)\b/
const TIMES = /\b(?:at )?(\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|\d{1,2} (?:baje|o'clock))/g
const REASON = /\b(?:because|as|since|kyunki|kyonki|due to)\b\s+(.+)$/

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1)

/**
 * Medicine names misspelt ("metfromin", "amlokin") or as a speech recogniser splits them ("met
 * forming", "amlo dipine", "tell me sartan"): a word, or two or three joined, close to a known
 * name (language/medicine-names.ts closestMedicine).
 */
function fuzzyNames(t: string, own: string[]): string[] {
  const words = t.split(/[^a-z]+/).filter(Boolean)
  const found: string[] = []
  for (let i = 0; i < words.length; i++) {
    for (let len = 3; len >= 1; len--) {
      if (i + len > words.length) continue
      const joined = words.slice(i, i + len).join('')
      // "Thyroid" is the kind of tablet, not a misspelt Thyrox.
      if (/^(?:thyroid|sugar|pressure|cholesterol|diabetes|diabetic|heart)$/.test(joined)) continue
      const match = closestMedicine(joined, own)
      if (match) {
        found.push(match)
        i += len - 1
        break
      }
    }
  }
  return found
}

/** The patient's own medicine a known name stands for: "Thyronorm" is their "Thyroxine 50 mcg". */
function ownFor(name: string, own: string[]): string | undefined {
  const generic = genericName(name)
  return own.find((o) => o.toLowerCase().split(/\s+/)[0] === name.toLowerCase()) ?? own.find((o) => genericName(o) === generic)
}

/** Every medicine a message names, in the order said: the patient's own, common drugs, then near misses. */
export function medicinesNamed(t: string, own: string[]): string[] {
  const found: { name: string; index: number }[] = []
  for (const name of [...own].sort((a, b) => b.length - a.length)) {
    const first = name.toLowerCase().split(/\s+/)[0]!
    const index = first.length >= 3 ? t.search(new RegExp(`\\b${escapeRegExp(first)}\\b`)) : -1
    if (index >= 0) found.push({ name, index })
  }
  for (const d of [...COMMON_DRUGS].sort((a, b) => b.length - a.length)) {
    // "Pan-D" and "pan d" are one strip.
    const index = t.search(new RegExp(`\\b${escapeRegExp(d).replace(/ /g, '[\\s-]')}\\b`))
    if (index < 0) continue
    // "Met XL" and "metoprolol" are one medicine; a brand the patient has under its generic is that one.
    if (found.some((f) => f.name.toLowerCase().startsWith(d) || genericName(f.name) === genericName(d))) continue
    found.push({ name: ownFor(d, own) ?? capital(d), index })
  }
  if (found.length === 0) {
    for (const f of fuzzyNames(t, own)) found.push({ name: ownFor(f, own) ?? capital(f), index: found.length })
  }
  return [...new Set(found.sort((a, b) => a.index - b.index).map((f) => f.name))]
}

/** The medicine a message names: one of the patient's own, a common drug, or the word after "my"/"take". */
export function medicineNamed(t: string, own: string[]): string | undefined {
  const named = medicinesNamed(t, own)[0]
  if (named) return named
  const after = /\b(?:take|took|taking|my|add|started|prescribed)\s+([a-z][a-z0-9-]{3,})\b/.exec(t)?.[1]
  if (after && !GENERIC.test(after) && !PARTS.some(([re]) => re.test(after)) && !/^(?:the|some|all|that|this|them|it|is|was|too|also|new|reminders?|alarms?|times?|schedule|thyroid|sugar|pressure|cholesterol|diabetes|heart)$/.test(after)) {
    return after[0]!.toUpperCase() + after.slice(1)
  }
  return undefined
}

/** How much was taken, when the patient says it: "half tablet", "12 units", "2 tablets", "500 mg". */
export function amountTaken(t: string): string | undefined {
  const half = /(?:\b(?:half|0\.5|aadhi|adhi|aadha|adha)|(?<![\d/])1\/2|½)\s*(?:a\s+)?(?:tablet|tab|goli|pill)?\b/.exec(t)
  if (half) return 'half tablet'
  const quarter = /(?:\b(?:quarter|0\.25|chauthai)|(?<![\d/])1\/4|¼)\s*(?:of\s+)?(?:a\s+)?(?:tablet|tab|goli|pill)?\b/.exec(t)
  if (quarter) return 'quarter tablet'
  // "One and a half tablets", "dedh goli" (1.5 after the Hindi numbers are read).
  const oneAndHalf = /\b(?:1\.5|one and a half|dedh|derh)\s*(?:tablets?|tabs?|goli|goliyan|pills?)\b/.exec(t)
  if (oneAndHalf) return '1.5 tablets'
  const units = /\b(\d+(?:\.\d+)?)\s*(units?|u|iu)\b/.exec(t)
  if (units) return `${units[1]} units`
  const tablets = /(?<![\d/.])\b(\d+)\s*(?:\w+\s+)?(tablets?|tabs?|pills?|goli|goliyan|capsules?)\b/.exec(t)
  if (tablets && Number(tablets[1]) > 0 && Number(tablets[1]) < 10) return `${tablets[1]} ${Number(tablets[1]) === 1 ? 'tablet' : 'tablets'}`
  const strength = /\b(\d+(?:\.\d+)?)\s*(mg|mcg|g|ml)\b/.exec(t)
  return strength ? `${strength[1]} ${strength[2]}` : undefined
}

/** A correction or removal of a dose: what happened, how much, why. */
function readEdit(text: string, _latest: RecentEntry | undefined, intent: EditIntent): EditReading {
  if (intent === 'remove') return { kind: 'med_dose' }
  const changes: Record<string, unknown> = {}
  const status = SKIPPED.test(text) ? 'skipped' : MISSED.test(text) ? 'missed' : TAKEN.test(text) ? 'taken' : undefined
  if (status) changes.status = status
  const amount = amountTaken(text)
  if (amount) changes.dosage = amount
  const reason = REASON.exec(text)?.[1] ?? /,\s*((?:my|i|it|the)\b.+)$/.exec(text)?.[1]
  if (reason && status !== 'taken') changes.reason = reason
  return { kind: 'med_dose', changes }
}

/** "7.5" (saadhe saat) → "7:30", "7.25" → "7:15", "7.75" → "7:45"; a clock time as it is. */
const halfHours = (hour: string) => hour.replace(/^(\d{1,2})\.(25|5|75)$/, (_, h: string, f: string) => `${h}:${f === '5' ? '30' : f === '25' ? '15' : '45'}`).replace('.', ':')

/** "Move my atorvastatin reminder to 9 pm": the medicine, the new time, and the old one if said. */
function reschedule(said: string, medicines: string[], language: ReplyLanguage = 'en', recent: RecentEntry[] = []): Plan | undefined {
  // "My thyroid reminder should be 6:30, not 7" moves it as "… to 6:30" does.
  const t = said.replace(/\b(reminders?|rimaind\w*|time|alarm)\b(.{0,20}?)\s+(?:should be|must be|needs to be)(?: at)?\s+(?=\d)/, '$1$2 to ')
  // "Metformin ki shaam wali dawa ka samay 7 baje kar do": the Hindi way of moving a time ("saadhe saat", 7.5, is 7:30).
  const hindi = /\b(?:samay|time|waqt|reminder|rimaind\w*)\b.{0,40}?\b(\d{1,2}(?:[:.]\d{1,2})?)\s*(?:baje|am|pm)?\s*(?:kar do|kardo|karo|kar dijiye|kar dein|badal do|rakh do|set kar do)\b/.exec(t)
  const moving = /\b(?:move|change|shift|reschedule|push|prepone|postpone)\b.{0,40}\b(?:reminder|time|dose|alarm|tablet|medicine|pill|goli)\b.{0,30}\bto\b/.test(t) || !!hindi || t !== said
  const named = medicineNamed(t, medicines)
  if (!moving && !(named && /\b(?:move|change|shift|reschedule|push)\b.{0,40}\bto \d/.test(t))) return undefined
  // "The thyroid tablet": the patient's one medicine of that kind; "that reminder", "iska time":
  // the medicine this conversation just set up.
  const cls = named ? undefined : medicineClassNamed(t)
  const ofClass = cls ? medicines.filter((m) => isOfClass(m, cls)) : []
  const justSetUp = /\b(?:that|this|it|its|iska|iski|uska|uski|is|us)\b/.test(t) ? recent.findLast((e) => e.kind === 'medication')?.payload.name : undefined
  const name = named ?? (ofClass.length === 1 ? ofClass[0] : typeof justSetUp === 'string' ? justSetUp : undefined)
  const part = (w: string | undefined) => (w ? ({ subah: 'morning', dopahar: 'afternoon', shaam: 'evening', sham: 'evening', raat: 'night' } as Record<string, string>)[w] ?? w : undefined)
  const to =
    // "To 6 in the morning", "to 9 pm"; a bare "to 9" stays bare (the tool keeps its half of the day).
    (/\bto\s+\d.*\b(?:am|pm|morning|evening|night|afternoon|subah|shaam|raat|dopahar)\b/.test(t) ? clockTimes(/\bto\s+(.*)$/.exec(t)![1]!.replace(/^(\d)/, 'at $1'))[0] : undefined) ??
    /\bto\s+(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|\d{1,2} baje|morning|evening|night|afternoon)\b/.exec(t)?.[1]?.trim() ??
    (hindi ? `${halfHours(hindi[1]!)}${/\b(?:shaam|sham|raat|evening|night)\b/.test(t) && parseInt(hindi[1]!, 10) < 12 ? ' pm' : /\b(?:subah|morning)\b/.test(t) ? ' am' : ''}` : undefined)
  const from =
    /\bfrom\s+(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)\b/.exec(t)?.[1] ??
    // "Subah 8 se badal ke 7 baje": the time it moves from.
    (hindi ? /\b(\d{1,2}(?:[:.]\d{2})?)\s*(?:baje\s*)?se\b/.exec(t)?.[1] : undefined) ??
    part(/\b(morning|afternoon|evening|night|subah|dopahar|shaam|sham|raat)\b/.exec(hindi ? t.slice(0, hindi.index) : t.split(/\bto\b/)[0]!)?.[1])
  if (!name || !to) return { calls: [], reply: say(MEDICATION_TEXTS.whichToMove, language), asked: true }
  return { calls: [{ name: 'reschedule_medication', args: { medication_name: name, to_time: to.replace('.', ':'), ...(from ? { from_time: from.replace('.', ':') } : {}) } }] }
}

/** Words that set a medicine up rather than report a dose: "I take", "doctor started me on", "leta hoon". */
const SETUP =
  /\b(?:i take|i am taking|i'm taking|i am on|i'm on|i have been taking|i also take|i will take|(?:i'?ve |i have )?started(?: taking)?|start taking|doctor (?:gave|has given|prescribed|started|put me on|added)|started (?:me )?on|new medicine|(?:please )?add|leta hoon|leti hoon|leta hu|leti hu|lete hain|leta hun|leti hun|shuru (?:ki|kiya|hui)|di hai|diya hai|prescribed|new (?:tablet|pill|capsule)|(?:nayi|nai|naee|nayee) (?:dawa|dawai|goli)|leni hai|lena hai|leni hoti hai|lagana hai|lagata hoon|lagati hoon|lagate hain)\b/
const INSTRUCTIONS =
  /\b(after (?:food|meals?|breakfast|lunch|dinner|eating)|before (?:food|meals?|breakfast|lunch|dinner)|with (?:food|meals?)|(?:on an? |on )?empty stomach|khane ke baad|khane se pehle|khali pet|at bedtime)\b/
const WEEKDAYS: [RegExp, string][] = [
  [/\bmondays?\b/, '1'], [/\btuesdays?\b/, '2'], [/\bwednesdays?\b/, '3'], [/\bthursdays?\b/, '4'], [/\bfridays?\b/, '5'], [/\bsaturdays?\b/, '6'], [/\bsundays?\b/, '7'],
]
const MORNING_WORDS = /\b(?:morning|subah|breakfast|am|a\.m\.)\b/
const EVENING_WORDS = /\b(?:evening|night|raat|shaam|sham|bedtime|dinner|pm|p\.m\.|tonight)\b/

/**
 * The clock times in a setup or a reminder, as HH:MM: "8 am and 8 pm", "subah 8 baje aur raat
 * 8 baje", "at 8, 2 and 8" (three times a day: each later than the one before), "9 in the
 * morning", "7.30" before breakfast.
 */
export function clockTimes(said: string): string[] {
  // "Saadhe chhe baje" is read 6.5: half past.
  const t = said.replace(/\b(\d{1,2})\.(25|5|75)\b(?=\s*(?:baje|am|pm|o'clock))/g, (_, h: string, f: string) => `${h}:${f === '5' ? '30' : f === '25' ? '15' : '45'}`)
  const times: string[] = []
  let last = -1
  for (const m of t.matchAll(/\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|baje|o'clock)?\b(?!\s*(?:mg|mcg|gm|units?|iu|ml|tablets?|times|%|\/|hours?|mins?|minutes|days?|weeks?|din|dino|dinon|hafte|mahine|ghante|unit|yunit))/g)) {
    const hour = Number(m[1])
    const minute = m[2] ?? '00'
    const saidAsTime =
      /\b(?:at|around|by|,|and|aur|se|subah|dopahar|shaam|sham|raat|morning|evening|night|afternoon)\s*,?\s*$/.test(t.slice(Math.max(0, m.index! - 10), m.index)) ||
      /^\s*(?:in the (?:morning|evening|afternoon)|at night)\b/.test(t.slice(m.index! + m[0].length))
    if (hour > 23 || (!m[2] && !m[3] && !saidAsTime)) continue
    const before = t.slice(Math.max(0, m.index! - 25), m.index)
    const after = t.slice(m.index! + m[0].length, m.index! + m[0].length + 20)
    let h = hour % 12
    const suffix = m[3] ?? ''
    if (/^p/.test(suffix)) h += 12
    else if (/^a/.test(suffix)) h += 0
    else if (/\b(?:dopahar|afternoon)\b/.test(before.split(/\band\b|\baur\b|,/).at(-1)!) && h >= 1 && h <= 5) h += 12
    else if (EVENING_WORDS.test(before.split(/\band\b|\baur\b|,/).at(-1)!) || /^\s*(?:in the )?(?:evening|night|pm)\b/.test(after)) h += 12
    else if (MORNING_WORDS.test(before.split(/\band\b|\baur\b|,/).at(-1)!) || /^\s*(?:in the )?morning\b/.test(after)) h += 0
    else if (h * 60 + Number(minute) <= last || (h >= 1 && h <= 6 && !/before breakfast|empty stomach|khali pet/.test(t))) h += 12
    const minutes = h * 60 + Number(minute)
    times.push(`${String(h).padStart(2, '0')}:${minute}`)
    last = minutes
  }
  return [...new Set(times)]
}

/** Each medicine a setup names, with the words about it (up to the next medicine). */
function setupSegments(t: string, names: string[]): { name: string; words: string }[] {
  const at = names
    .map((name) => ({ name, index: t.search(new RegExp(`\\b${escapeRegExp(name.toLowerCase().split(/\s+/)[0]!)}`)) }))
    .filter((x) => x.index >= 0)
    .sort((a, b) => a.index - b.index)
  // Words before the first name belong to it ("subah 8 baje … metformin"), as do those after the last.
  return at.map((x, i) => ({ name: x.name, words: i === 0 ? t.slice(0, at[1]?.index ?? t.length) : t.slice(x.index, at[i + 1]?.index ?? t.length) }))
}

/** The name a medicine is stored under: its generic, with the brand the patient knows it by. */
function storedName(said: string): string {
  // "Met XL" is metoprolol by its whole name; "Glycomet SR" by its first word.
  const brand = said.toLowerCase().replace(/[-_]/g, ' ').trim()
  const generic = genericName(brand)
  return generic !== brand ? `${capital(generic)} (${said.split(/\s+/).map(capital).join(' ')})` : capital(said)
}

/** "Metformin 500 mg twice a day at 8 am and 8 pm after food" → add_medication's arguments. */
function setupArgs(name: string, words: string): Record<string, unknown> {
  const args: Record<string, unknown> = { name: storedName(name) }
  const after = new RegExp(`\\b${escapeRegExp(name.toLowerCase().split(/\s+/)[0]!)}\\w*(?:[\\s-]+(?:sr|xr|er|od|xl|cr|mr|d))?\\s+(\\d+(?:\\.\\d+)?)(?!\\s*(?:am|pm|baje|:|\\.\\d))\\b`).exec(words)
  const dosage = DOSAGE.exec(words)?.[1] ?? (after ? `${after[1]} ${/levothyroxine|thyroxine/.test(genericName(name)) ? 'mcg' : /insulin/.test(genericName(name)) ? 'units' : 'mg'}` : undefined)
  if (dosage) args.dosage = dosage.replace(/(\d)(mg|mcg|ml|units|iu)/, '$1 $2')
  const frequency = FREQUENCY.exec(words)?.[1] ?? /\b(once a week|weekly|every (?:day|night|morning|evening)|roz|daily)\b/.exec(words)?.[1]
  if (frequency) args.frequency = frequency
  const instructions = INSTRUCTIONS.exec(words)?.[1]
  if (instructions) args.instructions = instructions
  const times = clockTimes(words.replace(DOSAGE, ' ').replace(after?.[0] ?? '\u0000', ' '))
  if (times.length) args.times = times
  const days = WEEKDAYS.filter(([re]) => re.test(words)).map(([, d]) => d)
  if (days.length && days.length < 7) args.days_of_week = days
  return args
}

const NEXT_DOSE = /\b(?:next|agli|agla|agle) (?:medicines?|doses?|tablets?|pills?|meds|dawa|dawai|goli)\b/
const ASKING = /[?？]\s*$|^(?:when|what|which|did|have|has|how|do|does|kab|kya|kitni|kitne|kaunsi|konsi)\b|\b(?:kya|kab)\b.*\?$/
const DOSE_PERIODS: [RegExp, string][] = [
  [/\b(?:yesterday|kal|last night)\b/, 'yesterday'],
  [/\b(?:this week|is hafte|iss hafte)\b/, 'this_week'],
  [/\b(?:last|past) (?:7 days|week)\b/, 'last_7_days'],
  [/\b(?:this month)\b/, 'this_month'],
  [/\b(?:today|aaj|this morning|tonight)\b/, 'today'],
]

/**
 * A question about the patient's own doses: when a medicine was last taken, what time it is
 * taken, or what was taken and missed over a period. Never logged as a dose.
 */
function doseQuestion(t: string, medicines: string[], language?: ReplyLanguage): Plan | undefined {
  if (!ASKING.test(t)) return undefined
  if (whyNotARecord(t) === 'hypothetical') return { calls: [], reply: medicationReplies(language).askedNotTaken }
  const name = medicineNamed(t, medicines)
  const args: Record<string, unknown> = {}
  if (name) args.medication_name = name
  // "When did I last take…", "amlodipine aakhri baar kab li thi?" (the last time said before the "when").
  if (/\b(?:when|kab)\b.{0,30}\b(?:last|latest|aakhri|pichli)\b|\blast (?:took|taken|take)\b|\bwhen was my last\b|\b(?:aakhri|aakhiri|akhri|akhiri|pichli|last) (?:baar|bar|dafa|time)\b.{0,30}\bkab\b/.test(t)) {
    return { calls: [{ name: 'get_dose_history', args: { question: 'last_taken', ...args } }] }
  }
  if (/\b(?:what|which) time\b|\bat what time\b|\bkab (?:leni|lena|leta|leti|khani)\b|\bwhen do i take\b/.test(t) && name) {
    return { calls: [{ name: 'get_dose_history', args: { question: 'times', ...args } }] }
  }
  // "In the last 5 days", "pichhle 10 din mein": any number of days.
  const days = /\b(?:last|past|pichle|pichhle|pichhale|previous)\s+(\d{1,2})\s+(?:days|din|dino|dinon)\b/.exec(t)?.[1]
  const period = days && Number(days) >= 2 ? (Number(days) === 7 ? 'last_7_days' : `last_${days}_days`) : DOSE_PERIODS.find(([re]) => re.test(t))?.[1]
  const aboutDoses = /\b(?:miss|missed|skip|skipped|chhooti|chhuti|chuti|bhool|forgot|take|took|taken|li thi|le li|li kya|li hai|tablets|medicines?|meds|doses?|dawai|dawa|goli|insulin)\b/.test(t)
  if (aboutDoses && (period || /\b(?:how many|kitni|kitne)\b/.test(t) || name)) {
    const part = /\b(?:night|raat|tonight|last night)\b/.test(t) ? 'night' : PARTS.find(([re]) => re.test(t))?.[1]
    return { calls: [{ name: 'get_dose_history', args: { question: 'doses', ...args, ...(period ? { period } : {}), ...(part ? { part_of_day: part } : {}) } }] }
  }
  return undefined
}

/**
 * A bare answer to a dose reminder: "taken", "haan le li", "done", "skip", "snooze 10 min",
 * "30 minute baad yaad dilana". A sentence that names a medicine or a part of the day is a dose
 * to log instead.
 */
const ANSWER_TAKEN =
  /^(?:(?:haan|han|ha|yes|ji|ok|okay)\s*,?\s*)?(?:i )?(?:took it|taken|have taken it|le li|le liya|li|li hai|kha li|done|ho gaya|ho gayi)(?:\s+(?:hai|ji|ji haan))?\s*[.!]?$/
const ANSWER_SKIP = /^(?:(?:no|nahi|nahin)\s*,?\s*)?(?:skip|skip it|skip this|skip this one|skip kar do|skip karo|skip kardo|aaj nahi|not today)\s*[.!]?$/
const SNOOZE = /\b(?:snooze|snoozed|remind me (?:again )?(?:in|after)|baad mein yaad|(?:minute|minutes|min|mins) baad|baad mein)\b/

export function reminderAnswer(t: string): { action: 'taken' | 'skip' | 'snooze'; minutes?: 10 | 30 } | undefined {
  if (ANSWER_TAKEN.test(t)) return { action: 'taken' }
  if (ANSWER_SKIP.test(t)) return { action: 'skip' }
  if (SNOOZE.test(t) && t.split(/\s+/).length <= 8) {
    return /\b(?:30|half an hour|aadha ghanta|adha ghanta)\b/.test(t) ? { action: 'snooze', minutes: 30 } : { action: 'snooze', minutes: 10 }
  }
  return undefined
}

/** Doses, schedules and new medicines to record, corrections, or a question about today's doses. */
export function planMedication(ctx: PlanContext): Plan {
  const t = ctx.text
  const answer = ctx.tools.has('answer_reminder') ? reminderAnswer(t.trim()) : undefined
  if (answer) return { calls: [{ name: 'answer_reminder', args: answer }] }
  const moved = ctx.tools.has('reschedule_medication') ? reschedule(t, ctx.medicines, ctx.language, ctx.recent) : undefined
  if (moved) return moved
  const edit = planEdit(ctx, readEdit)
  if (edit) return edit
  if (QUERY_LIST.test(t) && !TAKEN.test(t) && ctx.tools.has('list_medications')) return { calls: [{ name: 'list_medications', args: {} }] }
  // "When is my next medicine?", "agli dawa kab hai?": today's doses, with the one still due.
  if (NEXT_DOSE.test(t) && ASKING.test(t) && ctx.tools.has('get_doses_today')) return { calls: [{ name: 'get_doses_today', args: {} }] }
  const question = doseQuestion(t, ctx.medicines, ctx.language)
  if (question && ctx.tools.has('get_dose_history')) return question
  // "Skipped both telma doses today" reports doses; "doses today?" asks about them.
  const reports = /\b(?:skipped|missed|took|forgot|chhoot\w*|chhut\w*|bhool\w*|bhul\w*)\b/.test(t) && !/\?|\bkya\b|^(?:did|have|has|what|which|how)\b/.test(t)
  if (QUERY_TODAY.test(t) && !reports && ctx.tools.has('get_doses_today')) return { calls: [{ name: 'get_doses_today', args: {} }] }

  // "I take it at 8 am and 8 pm", after adding a medicine: "it" is the medicine just discussed.
  const named = medicinesNamed(t, ctx.medicines)
  const name =
    named[0] ??
    medicineNamed(t, ctx.medicines) ??
    (ctx.answeringQuestion && (/\b(?:it|them|this|that|ise|use)\b/.test(t) || (clockTimes(t).length > 0 && /\b(?:reminder|yaad)\b/.test(ctx.answeringQuestion.question)))
      ? medicineNamed(ctx.answeringQuestion.previous, ctx.medicines)
      : undefined)
  // "My BP tablet", "sugar ki goli": the patient's own medicines of that kind.
  // "The sugar one", "BP wali", answering "which medicine?": the kind of medicine names it.
  const answeringWhich = !!ctx.answeringQuestion && /\b(?:one|ones|wali|wala|waali|waala|vali|vala)\b/.test(t)
  const cls = !name && (GENERIC.test(t) || answeringWhich) ? medicineClassNamed(t) : undefined
  const ofClass = cls ? ctx.medicines.filter((m) => isOfClass(m, cls)) : []

  const statusOf = (x: string) =>
    /\b(?:did take|have taken|i took)\b/.test(x) || (TAKEN_LATE.test(x) && !/\b(?:didn'?t|did not|not|nahi|nahin|never)\s+(?:take|took|taken|li|liya)\b/.test(x)) ? 'taken' : SKIPPED.test(x) ? 'skipped' : MISSED.test(x) ? 'missed' : TAKEN.test(x) ? 'taken' : undefined
  // "Half tablet of amlodipine", "10 units of insulin", "metformin 500": one of the patient's own
  // medicines with an amount and nothing else is a dose taken.
  const own = name && ctx.medicines.some((m) => m.toLowerCase().split(/\s+/)[0] === name.toLowerCase().split(/\s+/)[0])
  const amountOnly = own && !SETUP.test(t) && !ASKING.test(t) && !!(amountTaken(t) ?? bareStrength(t, name)) && clockTimes(t).length === 0
  const status = statusOf(t) ?? (name && /\bdone\b/.test(t) ? 'taken' : undefined) ?? (amountOnly ? 'taken' : undefined)

  // Setting a medicine up, in one sentence: "I take metformin 500 mg twice a day at 8 am and 8 pm".
  // A medicine with its times and nothing said about a dose ("Stamlo 5 at bedtime, around 9:30
  // pm", "Razo 20 roz subah 7 baje") is a medicine to set up, not a dose to ask about.
  const moving = /\b(?:remind\w*|rimaind\w*|badal\w*|change|move|shift|kar do|kardo)\b/.test(t)
  const looksLikeSetup = SETUP.test(t) || (!status && name && clockTimes(t).length > 0 && !moving) || (!status && name && DOSAGE.test(t) && FREQUENCY.test(t))
  // "I take it at 8 am and 8 pm" about a medicine already on the list: its times, not a new medicine.
  const known = name && !named.length && ctx.medicines.some((m) => m.toLowerCase().split(/\s+/)[0] === name.toLowerCase().split(/\s+/)[0])
  if (known && clockTimes(t).length && ctx.tools.has('set_medication_schedule') && !status) {
    return { calls: [{ name: 'set_medication_schedule', args: { medication_name: name, times: clockTimes(t) } }] }
  }
  if (looksLikeSetup && (named.length || name) && ctx.tools.has('add_medication') && !(status && !SETUP.test(t))) {
    // The whole message: "…, daily after lunch at 2 pm" may have gone to the food agent too.
    const segments = setupSegments(ctx.whole, named.length ? named : [name!])
    if (segments.length === 0) segments.push({ name: name!, words: ctx.whole })
    return { calls: segments.map(({ name: n, words }) => ({ name: 'add_medication', args: setupArgs(n, words) })) }
  }

  const timed = clockTimes(t).length > 0 && !!ctx.answeringQuestion && /\b(?:reminder|yaad|रिमाइंडर)\b/.test(ctx.answeringQuestion.question)
  if (SCHEDULE.test(t) || timed) {
    const times = clockTimes(t)
    const partTimes = times.length ? times : PARTS.filter(([re]) => re.test(t)).map(([, part]) => parseTimeOfDay(part)!).filter(Boolean)
    if (!name) return { calls: [], reply: say(MEDICATION_TEXTS.whichToRemind, ctx.language ?? 'en'), asked: true }
    if (partTimes.length === 0) return { calls: [], reply: say(MEDICATION_TEXTS.whatTime, ctx.language ?? 'en', { name }), asked: true }
    // "Atorvastatin ka reminder raat 9 baje kar do": a change of its time, not another one.
    if (/\b(?:kar do|kardo|kar dijiye|karo|change|move|shift)\b/.test(t) && !/\b(?:also|another|extra|add|bhi)\b/.test(t) && ctx.tools.has('reschedule_medication')) {
      return { calls: [{ name: 'reschedule_medication', args: { medication_name: name, to_time: partTimes[0] } }] }
    }
    return { calls: [{ name: 'set_medication_schedule', args: { medication_name: name, times: [...new Set(partTimes)] } }] }
  }

  // "…is not in your medicine list; would you like me to add it?" → "haan add kar do, roz subah
  // 7:30 baje": the medicine of the dose just logged, with the times said now.
  if (ctx.answeringQuestion && /\badd it\b|\bise jod\b/.test(ctx.answeringQuestion.question) && /^(?:yes|yeah|yep|ok|okay|sure|please|haan|han|ha|ji|add|jod)\b/.test(t.trim()) && ctx.tools.has('add_medication')) {
    const asked = medicineNamed(ctx.answeringQuestion.previous, ctx.medicines)
    if (asked) return { calls: [{ name: 'add_medication', args: setupArgs(asked, `${asked.toLowerCase()} ${ctx.answeringQuestion.previous.replace(/\b(?:took|taken|le li|li|kha li)\b/g, ' ')} ${t}`) }] }
  }
  // "Which medicine?" → "both", "dono", "all of them": every dose whose time has come, as said before.
  if (ctx.answeringQuestion && !name && !ofClass.length && /^(?:both|dono|donon|all|sab|sabhi|all of them|both of them|dono hi|sab hi)\b/.test(t.trim())) {
    const before = statusOf(ctx.answeringQuestion.previous)
    if (before && ctx.tools.has('log_dose')) return { calls: [{ name: 'log_dose', args: { status: before, part_of_day: 'all' } }] }
  }
  // "I took my tablet" → "Which one?" → "amlodipine": the status comes from the question before.
  const answered = ctx.answeringQuestion && (name || ofClass.length) ? statusOf(`${t} ${ctx.answeringQuestion.previous}`) : undefined
  const doseStatus = status ?? answered
  // "If someone took two extra metformin, what happens?": asked, not taken; never a dose.
  const why = whyNotARecord(ctx.whole)
  if (doseStatus && why && why !== 'other_person') return { calls: [], reply: why === 'plan' ? medicationReplies(ctx.language).later : medicationReplies(ctx.language).askedNotTaken }
  if (doseStatus && (name || GENERIC.test(t) || ofClass.length)) {
    const base: Record<string, unknown> = { status: doseStatus }
    const reason = REASON.exec(ctx.whole)?.[1] ?? (doseStatus !== 'taken' ? /,\s*([^,]{6,})$/.exec(ctx.whole)?.[1] : undefined)
    if (reason && doseStatus !== 'taken') base.reason = reason.trim()
    const amount = amountTaken(t) ?? bareStrength(t, name)
    if (amount) base.amount = amount
    const when = whenPhrase(t)
    if (when && !/^(?:morning|afternoon|evening|night|in the (?:morning|evening)|subah|raat|shaam|dopahar)$/.test(when)) base.when = when
    const part = PARTS.find(([re]) => re.test(t))?.[1]
    const names = named.length > 1 ? named : ofClass.length ? ofClass : []
    if (names.length > 1 || (ofClass.length && !name)) {
      // "Took amlodipine but forgot metformin": each medicine's own words say what happened to it.
      const argsFor = (n: string) => {
        const clause = clauseNaming(t, n)
        const st = clause ? statusOf(clause) : undefined
        if (!st || st === doseStatus) return base
        const { reason: _reason, ...rest } = base
        return { ...rest, status: st }
      }
      return { calls: names.map((n) => ({ name: 'log_dose', args: { ...argsFor(n), medication_name: n, ...(part ? { part_of_day: part } : {}) } })) }
    }
    const args: Record<string, unknown> = { ...base }
    if (name) {
      args.medication_name = name
      if (part) args.part_of_day = part
      // "Missed both metformin doses yesterday", "aaj ki saari metformin le li": every dose of it that has come.
      else if (/\b(?:both|all|dono|donon|saari|sari|saare|sare|sab|sabhi)\b/.test(t) && /\b(?:doses|times|tablets|pills|goliyan|khuraak|khurak|wali)\b|\b(?:both|dono|donon)\b/.test(t)) args.part_of_day = 'all'
    } else if (part) args.part_of_day = part
    // "My tablets", "all my medicines": every dose whose time has come; "my tablet" alone may be any one of them.
    else if (!/\b(?:tablet|pill|capsule|dose|medicine|goli)\b(?!s)/.test(t) || /\b(?:all|sab|sari|saari)\b/.test(t)) args.part_of_day = 'all'
    return { calls: [{ name: 'log_dose', args }] }
  }
  if (name) {
    return { calls: [], reply: say(MEDICATION_TEXTS.tookMissOrRemind, ctx.language ?? 'en', { name }), asked: true }
  }
  return {
    calls: [],
    reply: say(MEDICATION_TEXTS.whatCanDo, ctx.language ?? 'en'),
    asked: true,
  }
}

/** The clause of a message that names a medicine ("…, but forgot metformin"), by any of its names. */
function clauseNaming(t: string, name: string): string | undefined {
  const clauses = t.split(/[,;]|\b(?:but|and|aur|lekin|par|magar|while)\b/)
  const first = name.toLowerCase().split(/[\s(]+/)[0]!
  const brand = /\(([^)]+)\)/.exec(name.toLowerCase())?.[1]
  return clauses.find((c) => c.includes(first) || (brand && c.includes(brand)) || medicinesNamed(c, [name]).includes(name))
}

/** "Thyronorm 50 taken", "Telma 40": a number right after the medicine's name is its strength. */
function bareStrength(t: string, name: string | undefined): string | undefined {
  if (!name) return undefined
  const m = new RegExp(`\\b${escapeRegExp(name.toLowerCase().split(/\s+/)[0]!)}\\w*(?:\\s+(?:sr|xr|er|od))?\\s+(\\d+(?:\\.\\d+)?)\\b(?!\\s*(?:am|pm|baje|:))`).exec(t)
  if (!m) return undefined
  const generic = genericName(name)
  return `${m[1]} ${/levothyroxine|thyroxine/.test(generic) ? 'mcg' : /insulin/.test(generic) ? 'units' : 'mg'}`
}
