import { editIntent, EVERY_ENTRY, type EditIntent } from '../language/edits.js'
import type { Plan, PlanContext, RecentEntry } from './plan.js'
import { defineTexts, say } from '../language/localise.js'

const EDIT_QUESTIONS = defineTexts({
  whatInstead: {
    en: 'What should it say instead? For example "make it 140".',
    hi: 'इसकी जगह क्या लिखूँ? जैसे "140 कर दो"।',
    'hi-Latn': 'Iski jagah kya likhoon? Jaise "140 kar do".',
  },
})

/** What an agent's planner reads from a correction: the new values, and which entry is meant. */
export interface EditReading {
  /** The corrected values, in the agent's logging form. */
  changes?: Record<string, unknown>
  /** The corrected time, in the patient's words ("yesterday morning"). */
  when?: string
  /** Values naming the entry meant, when it is not the latest ("the fasting one … not 121"). */
  match?: Record<string, unknown>
  kind?: string
  day?: 'today' | 'yesterday'
  /** Every entry meant ("both water entries"), not only one. */
  all?: boolean
  /** Remove by correcting: "remove the samosa" from a meal that had chai too. */
  asCorrection?: boolean
}

/**
 * "Oops I meant 77 not 72" → what is said (`oops i meant 77`) and what is denied (`72`): the
 * new values come from the first, the wrong ones (naming the entry) from the second.
 */
export function splitDenial(text: string): { said: string; denied: string } {
  // "180 nahi 118 thi", "80 galat hai, 78 likho": in Hindi the wrong value comes first.
  const hindi = /\b(\d+(?:\.\d+)?(?:\/\d+)?)\s+(?:nahi|nahin|galat hai|galat tha|galat)\b,?/.exec(text)
  if (hindi) return { said: (text.slice(0, hindi.index) + ' ' + text.slice(hindi.index + hindi[0].length)).replace(/\s+/g, ' ').trim(), denied: hindi[1]! }
  // "It wasn't milk, it was buttermilk"; "khali pet nahi thi, nashte ke baad"; "chaar nahi, teen roti".
  const wasNot = /^(?:no,? )?(?:it|that|this) (?:wasn'?t|was not|isn'?t|is not) (?:a |an |the )?([^,.;!?]+?),? (?=(?:it|that|this) (?:was|is)\b)/.exec(text)
  if (wasNot) return { said: text.slice(wasNot[0].length).trim(), denied: wasNot[1]!.trim() }
  const hindiFirst = /^((?:\S+ ){0,2}?\S+) (?:nahi|nahin)(?: (?:thi|tha|the))?,\s*/.exec(text)
  if (hindiFirst) return { said: text.slice(hindiFirst[0].length).trim(), denied: hindiFirst[1]!.trim() }
  const first = /^not (?:a |an |the )?([^,.;!?]+?),? (?=(?:it|that|this) (?:was|is)\b)/.exec(text)
  if (first) return { said: text.slice(first[0].length).trim(), denied: first[1]!.trim() }
  const m = /(?:,\s*|\s)(?:not|nahi|nahin|na ki)\s+([^,.;!?]+)/.exec(text)
  if (!m || m.index === 0) return { said: text, denied: '' }
  return { said: (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).trim(), denied: m[1]!.trim() }
}

/** Words that can only mean changing an entry, whatever was logged in this conversation. */
const EXPLICIT_EDIT = /\b(?:change|fix|correct|edit|update|badal\w*|theek kar|thik kar|sahi kar|sudhar\w*)\b/

/** Parts of the day an entry meant was in ("yesterday evening's BP", "kal raat wala"). */
const PARTS_OF_DAY: [RegExp, 'morning' | 'afternoon' | 'evening' | 'night'][] = [
  [/\b(?:morning|subah)\b/, 'morning'],
  [/\b(?:afternoon|dopahar)\b/, 'afternoon'],
  [/\b(?:evening|shaam|sham)\b/, 'evening'],
  [/\b(?:night|raat|tonight)\b/, 'night'],
]

/** The day an entry meant is on, from words like "yesterday's" or "this morning's". */
export function entryDay(text: string): 'today' | 'yesterday' | undefined {
  if (/\b(?:yesterday|kal)(?:'s)?\b/.test(text)) return 'yesterday'
  if (/\b(?:today|this morning|aaj)(?:'s)?\b/.test(text)) return 'today'
  return undefined
}

/**
 * A correction or removal planned for the agent's edit tools, or undefined when the words are
 * not one (or not one this agent can read: then it plans as usual). `read` turns the words
 * into the change, knowing the entry most likely meant.
 */
export function planEdit(
  ctx: PlanContext,
  read: (text: string, latest: RecentEntry | undefined, intent: EditIntent) => EditReading | undefined,
  meant?: (recent: RecentEntry[], text: string) => RecentEntry | undefined,
): Plan | undefined {
  if (!ctx.tools.has('correct_entry')) return undefined
  const intent = editIntent(ctx.text)
  if (!intent) return undefined
  // The entry the words name ("the sugar was 104" after a sugar and then a BP), else the latest.
  const named = meant?.(ctx.recent, ctx.text)
  const latest = named ?? ctx.recent.at(-1)
  const reading = read(ctx.text, latest, intent) ?? {}
  const explicit = EXPLICIT_EDIT.test(ctx.text)
  // "Actually, sugar 180 after lunch" with nothing logged to correct is simply a new entry; "change
  // the sugar to 150" is not, and the tool asks which one when it cannot tell.
  if (!latest && !reading.match && !reading.day && intent !== 'remove' && !explicit) return undefined
  const target: Record<string, unknown> = {}
  if (named && named !== ctx.recent.at(-1)) target.entry_id = named.id
  // "Yesterday evening's BP", "kal raat wala": the part of that day.
  const part = PARTS_OF_DAY.find(([re]) => re.test(ctx.text))?.[1]
  if (reading.kind) target.kind = reading.kind
  if (reading.match && Object.keys(reading.match).length) target.match = reading.match
  if (reading.day && (reading.match || !ctx.recent.length)) target.day = reading.day
  if (target.day && part) target.part_of_day = part
  if (intent === 'remove' && !reading.asCorrection) {
    if (EVERY_ENTRY.test(ctx.text)) target.all = true
    if (target.all && reading.day) target.day = reading.day
    return { calls: [{ name: 'remove_entry', args: target }] }
  }
  const changes = reading.changes && Object.keys(reading.changes).length ? reading.changes : undefined
  if (!changes && !reading.when) {
    // Words that only might point back ("it was half a tablet") plan as usual when nothing changes.
    if (intent === 'refer' || (!latest && !reading.match && !explicit)) return undefined
    return { calls: [], reply: say(EDIT_QUESTIONS.whatInstead, ctx.language ?? 'en'), asked: true }
  }
  return { calls: [{ name: 'correct_entry', args: { ...target, ...(changes ? { changes } : {}), ...(reading.when ? { when: reading.when } : {}) } }] }
}
