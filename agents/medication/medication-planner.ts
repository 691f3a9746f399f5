import { parseTimeOfDay } from '../../tools/when.js'
import { COMMON_DRUGS } from '../../language/medicine-names.js'
import type { Plan, PlanContext } from '../plan.js'
import { escapeRegExp } from '../../language/text.js'
import { whenPhrase } from '../../language/when-phrase.js'
import { levenshtein } from '../../language/levenshtein.js'

const MISSED = /\b(?:missed|miss|forgot|forgotten|bhool gaya|bhool gayi|bhul gaya|bhul gayi|nahi li|nahi liya|nahin li|didn'?t take|did not take|not taken|haven'?t taken)\b/
const SKIPPED = /\b(?:skipped|skip kiya|skip ki|chhod di|chhod diya|chod di|not taking (?:it )?today|left out)\b/
const TAKEN = /\b(?:took|taken|have taken|had|le li|le liya|li hai|liya hai|kha li|kha liya|khayi|done with|finished)\b/
const GENERIC = /\b(?:medicine|medicines|medication|medications|meds|tablet|tablets|pill|pills|dose|doses|dawai|dawa|dava|goli|goliyan|capsules?)\b/
const PARTS: [RegExp, string][] = [
  [/\b(?:morning|subah|breakfast)\b/, 'morning'],
  [/\b(?:afternoon|dopahar|lunch)\b/, 'afternoon'],
  [/\b(?:evening|shaam|sham)\b/, 'evening'],
  [/\b(?:night|raat|bedtime|dinner)\b/, 'night'],
]
const QUERY_TODAY = /\b(?:did i take|have i taken|did i miss|meds today|medicines today|dawai li kya|dawai le li kya|kya maine|doses today|taken today|what (?:is|are) (?:left|due|pending))\b/
const QUERY_LIST = /\b(?:what (?:medicines|meds|tablets|medications)|which (?:medicines|meds|tablets)|list (?:my )?(?:medicines|meds|medications)|my medicines|my medications|my meds)\b/
const SCHEDULE = /\b(?:remind me|reminder|reminders|schedule|set (?:a |an )?(?:alarm|time))\b/
const ADD = /\b(?:add|added|new medicine|started (?:on|taking)?|start taking|prescribed|doctor (?:gave|prescribed|started|put me on))\b/
const DOSAGE = /\b(\d+(?:\.\d+)?\s*(?:mg|mcg|g|ml|units|iu))\b/
const FREQUENCY = /\b(once (?:a|per) day|twice (?:a|per) day|thrice (?:a|per) day|once daily|twice daily|three times (?:a|per) day|daily|every day|at night|in the morning|morning and (?:night|evening)|od|bd|tds)\b/
const TIMES = /\b(?:at )?(\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|\d{1,2} (?:baje|o'clock))/g
const REASON = /\b(?:because|as|since|kyunki|kyonki|due to)\b\s+(.+)$/

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1)

/**
 * Medicine names as a speech recogniser splits or mishears them: "met forming", "amlo dipine",
 * "tell me sartan". Runs of one to three words, joined, within two edits of a known name.
 */
function fuzzyNames(t: string, known: string[]): string[] {
  const words = t.split(/\s+/)
  const found: string[] = []
  for (let i = 0; i < words.length; i++) {
    for (let len = 3; len >= 1; len--) {
      const joined = words.slice(i, i + len).join('')
      if (joined.length < 6) continue
      const match = known.find((k) => k.length >= 6 && !k.includes(' ') && levenshtein(joined, k.toLowerCase()) <= 2)
      if (match) {
        found.push(match)
        i += len - 1
        break
      }
    }
  }
  return found
}

/** Every medicine a message names: the patient's own first, then common drugs, then near misses. */
export function medicinesNamed(t: string, own: string[]): string[] {
  const found: string[] = []
  for (const name of [...own].sort((a, b) => b.length - a.length)) {
    const first = name.toLowerCase().split(/\s+/)[0]!
    if (first.length >= 3 && new RegExp(`\\b${escapeRegExp(first)}\\b`).test(t)) found.push(name)
  }
  for (const d of COMMON_DRUGS) {
    if (new RegExp(`\\b${escapeRegExp(d)}\\b`).test(t) && !found.some((f) => f.toLowerCase().startsWith(d))) found.push(capital(d))
  }
  if (found.length === 0) {
    const own1 = own.map((o) => o.toLowerCase().split(/\s+/)[0]!)
    for (const f of fuzzyNames(t, [...own1, ...COMMON_DRUGS])) found.push(own.find((o) => o.toLowerCase().startsWith(f)) ?? capital(f))
  }
  return [...new Set(found)]
}

/** The medicine a message names: one of the patient's own, a common drug, or the word after "my"/"take". */
export function medicineNamed(t: string, own: string[]): string | undefined {
  const named = medicinesNamed(t, own)[0]
  if (named) return named
  const after = /\b(?:take|took|taking|my|add|started|prescribed)\s+([a-z][a-z0-9-]{3,})\b/.exec(t)?.[1]
  if (after && !GENERIC.test(after) && !PARTS.some(([re]) => re.test(after)) && !/^(?:the|some|all|that|this|them|it|is|was|too|also|new)$/.test(after)) {
    return after[0]!.toUpperCase() + after.slice(1)
  }
  return undefined
}

/** Doses, schedules and new medicines to record, or a question about today's doses. */
export function planMedication(ctx: PlanContext): Plan {
  const t = ctx.text
  if (QUERY_TODAY.test(t) && ctx.tools.has('get_doses_today')) return { calls: [{ name: 'get_doses_today', args: {} }] }
  if (QUERY_LIST.test(t) && !TAKEN.test(t) && ctx.tools.has('list_medications')) return { calls: [{ name: 'list_medications', args: {} }] }

  // "I take it at 8 am and 8 pm", after adding a medicine: "it" is the medicine just discussed.
  const name =
    medicineNamed(t, ctx.medicines) ??
    (ctx.answeringQuestion && /\b(?:it|them|this|that|ise|use)\b/.test(t) ? medicineNamed(ctx.answeringQuestion.previous, ctx.medicines) : undefined)
  const timed = [...t.matchAll(TIMES)].length > 0 && /\b(?:take|taking|have|lena|leta|leti)\b/.test(t) && ctx.answeringQuestion?.question.includes('reminder')
  if (SCHEDULE.test(t) || timed) {
    const times = [...t.matchAll(TIMES)].map((m) => parseTimeOfDay(m[1]!)).filter(Boolean) as string[]
    const partTimes = times.length ? times : PARTS.filter(([re]) => re.test(t)).map(([, part]) => parseTimeOfDay(part)!).filter(Boolean)
    if (!name) return { calls: [], reply: 'Which medicine should I remind you about, and at what time?', asked: true }
    if (partTimes.length === 0) return { calls: [], reply: `At what time do you take ${name}? For example "9 pm".`, asked: true }
    return { calls: [{ name: 'set_medication_schedule', args: { medication_name: name, times: [...new Set(partTimes)] } }] }
  }
  if (ADD.test(t) && name && !TAKEN.test(t.replace(/\bstarted taking\b/, ''))) {
    const args: Record<string, unknown> = { name }
    const dosage = DOSAGE.exec(t)?.[1]
    const frequency = FREQUENCY.exec(t)?.[1]
    if (dosage) args.dosage = dosage
    if (frequency) args.frequency = frequency
    return { calls: [{ name: 'add_medication', args }] }
  }
  // "I took my tablet" → "Which one?" → "amlodipine": the status comes from the question before.
  const said = ctx.answeringQuestion ? `${t} ${ctx.answeringQuestion.previous}` : t
  const statusOf = (x: string) => (SKIPPED.test(x) ? 'skipped' : MISSED.test(x) ? 'missed' : TAKEN.test(x) ? 'taken' : undefined)
  const status = statusOf(t) ?? (name && /\bdone\b/.test(t) ? 'taken' : undefined) ?? (ctx.answeringQuestion && name ? statusOf(said) : undefined)
  if (status && (name || GENERIC.test(t))) {
    const base: Record<string, unknown> = { status }
    const reason = REASON.exec(t)?.[1]
    if (reason && status !== 'taken') base.reason = reason
    const when = whenPhrase(t)
    if (when && !/^(?:morning|afternoon|evening|night|in the (?:morning|evening))$/.test(when)) base.when = when
    const names = medicinesNamed(t, ctx.medicines)
    if (names.length > 1) return { calls: names.map((n) => ({ name: 'log_dose', args: { ...base, medication_name: n } })) }
    const args: Record<string, unknown> = { ...base }
    if (name) args.medication_name = name
    else args.part_of_day = PARTS.find(([re]) => re.test(t))?.[1] ?? 'all'
    return { calls: [{ name: 'log_dose', args }] }
  }
  if (name) {
    return { calls: [], reply: `Did you take ${name}, miss it, or would you like a reminder for it?`, asked: true }
  }
  return {
    calls: [],
    reply: 'I can note a dose you took or missed, add a medicine, set a reminder, or tell you what is due today. What would you like?',
    asked: true,
  }
}
