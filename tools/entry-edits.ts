import { tool, type ToolRuntime } from '@langchain/core/tools'
import { z } from 'zod'
import { PoddError } from '../core/errors.js'
import { correctEvent, removeEvent } from '../memory/event-edits.js'
import type { EventKind } from '../memory/event-kinds.js'
import type { HealthEvent, HealthEventStore } from '../memory/event-store.js'
import { addDays, dayRange, localDate, localTime, zonedInstant } from '../memory/local-time.js'
import { asToolError, toolResult, turnWrite } from './event-writer.js'
import { defineTexts, say, type ReplyLanguage } from '../language/localise.js'
import { spokenDay, spokenTime, spokenWhen } from './periods.js'
import { turnContext, type TurnContext } from './tool-context.js'
import { parseWhen } from './when.js'

/**
 * Corrections and removals by chat ("no, make that 140", "delete the gulab jamun entry"), for
 * any agent over its own kinds. The entry meant is the one named (by id from the recent list,
 * or by its wrong values and day), else the patient's latest entry of that kind in this
 * conversation; when that is not clear the tool asks instead of guessing. The change goes
 * through the store's correction or tombstone (memory/event-edits.ts): never a new copy.
 */
/** What a correction or removal says, in every reply language. */
const EDIT_TEXTS = defineTexts({
  corrected: {
    en: (p: { now: string; was: string }) => `Corrected: ${p.now} (it was ${p.was}).`,
    hi: (p: { now: string; was: string }) => `सुधार दिया: ${p.now} (पहले ${p.was} था)।`,
    'hi-Latn': (p: { now: string; was: string }) => `Sudhaar kar diya hai: ${p.now} (pehle ${p.was} tha).`,
  },
  removed: {
    en: (p: { entry: string }) => `Removed ${p.entry} from your record.`,
    hi: (p: { entry: string }) => `आपके रिकॉर्ड से हटा दिया: ${p.entry}।`,
    'hi-Latn': (p: { entry: string }) => `Aapke record se hata diya: ${p.entry}.`,
  },
  /** Several entries could be meant: the patient chooses, Podd does not guess. */
  which: {
    en: (p: { entries: string }) => `Which entry do you mean? ${p.entries}`,
    hi: (p: { entries: string }) => `आपका मतलब किस एंट्री से है? ${p.entries}`,
    'hi-Latn': (p: { entries: string }) => `Aapka matlab kis entry se hai? ${p.entries}`,
  },
  notFound: {
    en: (p: { day?: string }) => `I could not find that entry${p.day ? ` on ${p.day}` : ''}. Which one do you mean?`,
    hi: (p: { day?: string }) => `मुझे वह एंट्री${p.day ? ` ${p.day} को` : ''} नहीं मिली। आपका मतलब किससे है?`,
    'hi-Latn': (p: { day?: string }) => `Mujhe woh entry${p.day ? ` ${p.day} ko` : ''} nahi mili. Aapka matlab kis se hai?`,
  },
})

/** The entries meant, or the question to ask the patient when that is not clear. */
type Found = { entries: HealthEvent[] } | { ask: string }

export interface EntryEditor<C extends z.ZodObject = z.ZodObject> {
  /** The kinds this agent may correct or remove. */
  kinds: [EventKind, ...EventKind[]]
  /** The fields of a change, in the agent's logging form (its log tool's arguments). */
  changes: C
  /** The corrected payload: the entry with the change applied (units converted, totals redone). */
  revise(entry: HealthEvent, changes: Partial<z.output<C>>): Record<string, unknown>
  /** The entry in a few words, as the patient would say it ("BP 146/92"). */
  /** The entry in words, in the reply language (English when not given). */
  describe(entry: HealthEvent, language?: ReplyLanguage): string
  /** Whether an entry has these values (the wrong ones the patient names, "not 121"). */
  matches?(entry: HealthEvent, values: Partial<z.output<C>>): boolean
}

export class WhichEntryError extends PoddError {
  override name = 'WhichEntryError'
  constructor(message: string) {
    super('UNPROCESSABLE', message)
  }
}

const Day = z
  .string()
  .regex(/^(today|yesterday|\d{4}-\d{2}-\d{2})$/)
  .optional()
  .describe('The day of the entry meant, when it is not from this conversation: "today", "yesterday" or YYYY-MM-DD')

type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night'
/** The hours of each part of the day, as patients say them: evening and night overlap on purpose. */
const PART_HOURS: Record<PartOfDay, [number, number][]> = {
  morning: [[4, 12]],
  afternoon: [[12, 17]],
  evening: [[16, 24]],
  night: [[19, 24], [0, 4]],
}
const inPart = (hhmm: string, part: PartOfDay) => PART_HOURS[part].some(([from, to]) => Number(hhmm.slice(0, 2)) >= from && Number(hhmm.slice(0, 2)) < to)

/** How far back an entry named by its values is looked for when no day is given. */
const LOOKBACK_DAYS = 7

/** Shallow equality of the values named against an entry's payload (numbers within half a unit). */
export function payloadHas(payload: Record<string, unknown>, values: Record<string, unknown>): boolean {
  return Object.entries(values).every(([field, want]) => {
    if (want === undefined) return true
    const got = payload[field]
    if (typeof want === 'number' && typeof got === 'number') return Math.abs(want - got) < 0.5
    if (typeof want === 'string' && typeof got === 'string') return got.toLowerCase().includes(want.toLowerCase())
    return want === got
  })
}

async function findEntries<C extends z.ZodObject>(
  store: HealthEventStore,
  ctx: TurnContext,
  editor: EntryEditor<C>,
  target: { entry_id?: string; kind?: EventKind; match?: Record<string, unknown>; day?: string; part_of_day?: PartOfDay; all?: boolean },
): Promise<Found> {
  const language = ctx.replyLanguage ?? 'en'
  const kinds = target.kind ? [target.kind] : editor.kinds
  const describeAll = (es: HealthEvent[]) =>
    es.map((e) => `${editor.describe(e, language)} (${spokenDay(e.occurred_at, ctx.timezone)} ${spokenTime(e.occurred_at, ctx.timezone)})`).join('; ')
  if (target.entry_id) {
    const entry = await store.get(ctx.userId, target.entry_id)
    if (entry && kinds.includes(entry.kind)) return { entries: [entry] }
  }
  const recent = (ctx.recent ?? []).filter((e) => kinds.includes(e.kind))
  const named = target.match && Object.values(target.match).some((v) => v !== undefined) ? target.match : undefined
  if (!named && !target.day && !target.all && recent.length) return { entries: [recent.at(-1)!] }

  const today = localDate(ctx.now, ctx.timezone)
  // "Remove all the water entries" with no day said: today's, never a week's.
  const dayWord = target.day ?? (target.all ? 'today' : undefined)
  const day = dayWord === 'today' ? today : dayWord === 'yesterday' ? addDays(today, -1) : dayWord
  const from = dayRange(day ?? addDays(today, -LOOKBACK_DAYS), ctx.timezone).start
  const to = day ? dayRange(day, ctx.timezone).end : undefined
  const stored = await store.scan(ctx.userId, { kinds, from, to })
  const has = (e: HealthEvent) => !named || (editor.matches ? editor.matches(e, named as never) : payloadHas(e.payload, named))
  const candidates = stored.filter((e) => has(e) && (!target.part_of_day || inPart(localTime(e.occurred_at, ctx.timezone), target.part_of_day)))
  if (candidates.length === 0) return { ask: say(EDIT_TEXTS.notFound, language, { day: day ? spokenDay(zonedInstant(day, '12:00', ctx.timezone), ctx.timezone) : undefined }) }
  if (target.all) return { entries: candidates }
  const inThread = candidates.filter((c) => recent.some((r) => r.id === c.id))
  if (inThread.length) return { entries: [inThread.at(-1)!] }
  if (candidates.length === 1) return { entries: [candidates[0]!] }
  // Nothing named and nothing in this conversation: the latest of the last day, if it is the only one.
  if (!named && !day) {
    const lastDay = candidates.filter((e) => ctx.now.getTime() - Date.parse(e.occurred_at) < 24 * 3_600_000)
    if (lastDay.length === 1) return { entries: [lastDay[0]!] }
  }
  return { ask: say(EDIT_TEXTS.which, language, { entries: describeAll(candidates.slice(-5)) }) }
}

/**
 * The corrected time of an entry: "yesterday morning" for one logged at 7 am today keeps its
 * 7 am on the day named; a clock time ("at 9.30") is taken as said.
 */
function newTime(words: string, entry: HealthEvent, ctx: TurnContext): Date | undefined {
  const at = parseWhen(words, ctx.now, ctx.timezone)
  if (!at || /\d/.test(words)) return at
  const kept = zonedInstant(localDate(at, ctx.timezone), localTime(entry.occurred_at, ctx.timezone), ctx.timezone)
  return kept.getTime() <= ctx.now.getTime() ? kept : at
}

/** The correct_entry and remove_entry tools of one agent, over its own kinds. */
export function entryEditTools<C extends z.ZodObject>(store: HealthEventStore, editor: EntryEditor<C>) {
  const Target = {
    entry_id: z.string().max(64).optional().describe('The id of the entry meant, from the recent entries listed to you'),
    kind: z.enum(editor.kinds).optional(),
    match: editor.changes.partial().optional().describe('The values of the entry meant as the patient names them, e.g. its wrong value'),
    day: Day,
    part_of_day: z.enum(['morning', 'afternoon', 'evening', 'night']).optional().describe('The part of that day, when the patient names it'),
  }

  const correct = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const found = await findEntries(store, ctx, editor, input)
      if ('ask' in found) return toolResult(found.ask, { asked: true })
      const entry = found.entries[0]!
      const payload = editor.revise(entry, (input.changes ?? {}) as never)
      const at = input.when ? newTime(input.when, entry, ctx) : undefined
      if (input.when && !at) throw new Error(`I could not read the time "${input.when}"`)
      const fixed = await asToolError(() => correctEvent(store, turnWrite(runtime), entry.id, { payload, occurred_at: at }))
      const when = at ? `, ${spokenWhen(at, ctx.now, ctx.timezone)}` : ''
      const language = ctx.replyLanguage ?? 'en'
      return toolResult(say(EDIT_TEXTS.corrected, language, { now: editor.describe(fixed, language) + when, was: editor.describe(entry, language) }), {
        event_id: fixed.id,
        corrected: entry.id,
        flags: fixed.flags,
      })
    },
    {
      name: 'correct_entry',
      description:
        'Correct an entry the patient logged ("no, make that 140", "it was 3 rotis not 2", "that was yesterday"): the latest ' +
        'of its kind in this conversation unless they name another. Give only what changes. Never log a new copy instead.',
      schema: z.object({
        ...Target,
        changes: editor.changes.partial().optional().describe('The corrected values, in the same form as when logging'),
        when: z.string().max(100).optional().describe('The corrected time, in the patient\'s words, if the time was wrong'),
      }),
    },
  )

  const remove = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const found = await findEntries(store, ctx, editor, input)
      if ('ask' in found) return toolResult(found.ask, { asked: true })
      for (const entry of found.entries) await asToolError(() => removeEvent(store, turnWrite(runtime), entry.id))
      return toolResult(
        say(EDIT_TEXTS.removed, ctx.replyLanguage ?? 'en', {
          entry: found.entries
            .map((entry) => `${editor.describe(entry, ctx.replyLanguage)} (${spokenDay(entry.occurred_at, ctx.timezone)} ${spokenTime(entry.occurred_at, ctx.timezone)})`)
            .join('; '),
        }),
        { removed: found.entries.length === 1 ? found.entries[0]!.id : found.entries.map((e) => e.id) },
      )
    },
    {
      name: 'remove_entry',
      description:
        'Remove an entry the patient says is wrong or was not theirs ("delete that", "remove yesterday\'s 150/95"): the latest ' +
        'of its kind in this conversation unless they name another; with all, every entry of that kind and day ("remove both ' +
        'water entries from today"). It stays in the audit history.',
      schema: z.object({ ...Target, all: z.boolean().optional().describe('Every matching entry of the day (today unless day is given), not only one') }),
    },
  )

  return [correct, remove]
}
