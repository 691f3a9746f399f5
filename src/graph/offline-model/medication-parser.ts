import { parseTimeOfDay } from '../../../tools/when.js'
import { COMMON_DRUGS } from './drug-names.js'
import type { Plan, PlanContext } from './plan.js'
import { whenPhrase } from './text.js'

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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The medicine a message names: one of the patient's own, a common drug, or the word after "my"/"take". */
export function medicineNamed(t: string, own: string[]): string | undefined {
  for (const name of [...own].sort((a, b) => b.length - a.length)) {
    const first = name.toLowerCase().split(/\s+/)[0]!
    if (first.length >= 3 && new RegExp(`\\b${escape(first)}\\b`).test(t)) return name
  }
  const drug = COMMON_DRUGS.find((d) => new RegExp(`\\b${escape(d)}\\b`).test(t))
  if (drug) return drug[0]!.toUpperCase() + drug.slice(1)
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

  const name = medicineNamed(t, ctx.medicines)
  if (SCHEDULE.test(t)) {
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
  const status = SKIPPED.test(t) ? 'skipped' : MISSED.test(t) ? 'missed' : TAKEN.test(t) || (name && /\bdone\b/.test(t)) ? 'taken' : undefined
  if (status && (name || GENERIC.test(t))) {
    const args: Record<string, unknown> = { status }
    if (name) args.medication_name = name
    else args.part_of_day = PARTS.find(([re]) => re.test(t))?.[1] ?? 'all'
    const reason = REASON.exec(t)?.[1]
    if (reason && status !== 'taken') args.reason = reason
    const when = whenPhrase(t)
    if (when && !/^(?:morning|afternoon|evening|night|in the (?:morning|evening))$/.test(when)) args.when = when
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
