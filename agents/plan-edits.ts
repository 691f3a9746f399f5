import { editIntent, type EditIntent } from '../language/edits.js'
import type { Plan, PlanContext, RecentEntry } from './plan.js'

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
}

/**
 * "Oops I meant 77 not 72" → what is said (`oops i meant 77`) and what is denied (`72`): the
 * new values come from the first, the wrong ones (naming the entry) from the second.
 */
export function splitDenial(text: string): { said: string; denied: string } {
  const m = /(?:,\s*|\s)(?:not|nahi|nahin|na ki)\s+([^,.;!?]+)/.exec(text)
  if (!m || m.index === 0) return { said: text, denied: '' }
  return { said: (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).trim(), denied: m[1]!.trim() }
}

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
export function planEdit(ctx: PlanContext, read: (text: string, latest: RecentEntry | undefined, intent: EditIntent) => EditReading | undefined): Plan | undefined {
  if (!ctx.tools.has('correct_entry')) return undefined
  const intent = editIntent(ctx.text)
  if (!intent) return undefined
  const latest = ctx.recent.at(-1)
  const reading = read(ctx.text, latest, intent) ?? {}
  // "Actually, sugar 180 after lunch" with nothing logged to correct is simply a new entry.
  if (!latest && !reading.match && !reading.day && intent !== 'remove') return undefined
  const target: Record<string, unknown> = {}
  if (reading.kind) target.kind = reading.kind
  if (reading.match && Object.keys(reading.match).length) target.match = reading.match
  if (reading.day && (reading.match || !ctx.recent.length)) target.day = reading.day
  if (intent === 'remove') return { calls: [{ name: 'remove_entry', args: target }] }
  const changes = reading.changes && Object.keys(reading.changes).length ? reading.changes : undefined
  if (!changes && !reading.when) {
    // Words that only might point back ("it was half a tablet") plan as usual when nothing changes.
    if (intent === 'refer' || (!latest && !reading.match)) return undefined
    return { calls: [], reply: 'What should it say instead? For example "make it 140".', asked: true }
  }
  return { calls: [{ name: 'correct_entry', args: { ...target, ...(changes ? { changes } : {}), ...(reading.when ? { when: reading.when } : {}) } }] }
}
