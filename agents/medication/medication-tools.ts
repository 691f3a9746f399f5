import { tool, type ToolRuntime } from '@langchain/core/tools'
import { z } from 'zod'
import { DAYS_OF_WEEK, DOSE_STATUSES } from '../../memory/event-kinds.js'
import type { HealthEvent, HealthEventStore } from '../../memory/event-store.js'
import { DOSE_MATCH_WINDOW_MS, dosesToday, type ExpectedDose } from '../../memory/insights.js'
import { writeEvent, toolResult } from '../../tools/event-writer.js'
import { spokenTime } from '../../tools/periods.js'
import { turnContext } from '../../tools/tool-context.js'
import { loggedAt, parseTimeOfDay } from '../../tools/when.js'
import { levenshtein } from '../../language/levenshtein.js'

type Medication = HealthEvent<'medication'>

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9\u0900-\u097f ]/g, ' ').replace(/\s+/g, ' ').trim()

/** The patient's medicine a name refers to: exact, a prefix ("metformin 500"), or a small typo. */
export function matchMedicine(name: string, medicines: Medication[]): Medication | undefined {
  const n = norm(name)
  if (!n) return undefined
  const scored = medicines.map((m) => {
    const candidate = norm(m.payload.name)
    const first = candidate.split(' ')[0]!
    if (candidate === n || first === n) return { m, score: 0 }
    if (n.startsWith(candidate) || candidate.startsWith(n) || n.split(' ').includes(first)) return { m, score: 1 }
    const distance = Math.min(levenshtein(n, candidate), levenshtein(n.split(' ')[0]!, first))
    return { m, score: first.length >= 5 && distance <= 2 ? 1 + distance : Infinity }
  })
  const best = scored.filter((s) => s.score < Infinity).sort((a, b) => a.score - b.score)[0]
  return best?.m
}

export async function activeMedicines(store: HealthEventStore, userId: string): Promise<Medication[]> {
  const meds = (await store.scan(userId, { kinds: ['medication'] })) as unknown as Medication[]
  return meds.filter((m) => m.payload.active)
}

const PARTS_OF_DAY = ['morning', 'afternoon', 'evening', 'night', 'all'] as const
type PartOfDay = (typeof PARTS_OF_DAY)[number]

/** Morning 04–12, afternoon 12–17, evening 17–21, night 21–04 (local). */
export function partOfDay(hhmm: string): Exclude<PartOfDay, 'all'> {
  const h = Number(hhmm.slice(0, 2))
  if (h >= 4 && h < 12) return 'morning'
  if (h >= 12 && h < 17) return 'afternoon'
  if (h >= 17 && h < 21) return 'evening'
  return 'night'
}

const DOSE_WORDS: Record<string, string> = { taken: 'taken', missed: 'missed', skipped: 'skipped' }
const describeDose = (d: ExpectedDose, tz: string) =>
  `${d.medication_name}${d.dosage ? ` ${d.dosage}` : ''} at ${spokenTime(d.scheduled_for, tz)}: ${d.status === 'due' ? 'not taken yet' : d.status}`

/** Tools of the medication agent. None of them changes a dose: only the doctor does that. */
export function medicationTools(store: HealthEventStore) {
  const addMedication = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const existing = matchMedicine(input.name, await activeMedicines(store, ctx.userId))
      if (existing && norm(existing.payload.name) === norm(input.name)) {
        return toolResult(`${existing.payload.name} is already in your medicine list.`, { medication_id: existing.context_id })
      }
      const event = await writeEvent(store, runtime, { kind: 'medication', payload: { ...input, active: true } })
      return toolResult(
        `Added ${event.payload.name}${event.payload.dosage ? ` ${event.payload.dosage}` : ''} to your medicines. Would you like a reminder time for it?`,
        { medication_id: event.context_id },
      )
    },
    {
      name: 'add_medication',
      description: "Add a medicine the patient takes to their list, with the dose and frequency their doctor gave.",
      schema: z.object({
        name: z.string().min(1).max(100),
        dosage: z.string().max(100).optional().describe('As prescribed, e.g. "500 mg"'),
        frequency: z.string().max(100).optional().describe('e.g. "twice daily"'),
        instructions: z.string().max(500).optional().describe('e.g. "after food"'),
        critical: z.boolean().optional().describe('Insulin, blood thinners, anti-epileptics'),
      }),
    },
  )

  const setSchedule = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const times = input.times.map((t) => parseTimeOfDay(t))
      const bad = input.times.filter((_, i) => !times[i])
      if (bad.length) throw new Error(`I could not read the time "${bad.join('", "')}"; say it like "9 pm" or "21:00"`)
      let medicine = matchMedicine(input.medication_name, await activeMedicines(store, ctx.userId))
      let part = 0
      if (!medicine) {
        medicine = await writeEvent(store, runtime, { kind: 'medication', payload: { name: input.medication_name, active: true } }, part++)
      }
      const days = input.days_of_week ?? [...DAYS_OF_WEEK]
      for (const time of times) {
        await writeEvent(
          store,
          runtime,
          { kind: 'med_schedule', payload: { medication_id: medicine.context_id, time_of_day: time!, days_of_week: days, dosage: input.dosage } },
          part++,
        )
      }
      const spoken = times.map((t) => spokenTime(`2026-01-01T${t}:00Z`, 'UTC')).join(' and ')
      const every = days.length === 7 ? 'every day' : `on days ${days.join(', ')} (1 = Monday)`
      return toolResult(`Done: I'll remind you to take ${medicine.payload.name} at ${spoken} ${every}.`, {
        medication_id: medicine.context_id,
        times,
      })
    },
    {
      name: 'set_medication_schedule',
      description: 'Set when the patient takes a medicine ("remind me at 9 pm daily"). Adds the medicine if it is new.',
      schema: z.object({
        medication_name: z.string().min(1).max(100),
        times: z.array(z.string().min(1).max(30)).min(1).max(6).describe('Times of day, e.g. ["08:00", "9 pm"]'),
        days_of_week: z.array(z.enum(DAYS_OF_WEEK)).min(1).max(7).optional().describe('"1" = Monday … "7" = Sunday; omit for daily'),
        dosage: z.string().max(100).optional(),
      }),
    },
  )

  const logDose = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const at = loggedAt(input.when, ctx)
      const medicines = await activeMedicines(store, ctx.userId)
      const { doses } = await dosesToday(store, ctx.userId, ctx.now)
      const open = doses.filter((d) => d.status === 'due' || d.status === 'missed')
      let targets: { dose?: ExpectedDose; medicine?: Medication; name: string }[] = []

      if (input.medication_name) {
        const medicine = matchMedicine(input.medication_name, medicines)
        const distance = (d: ExpectedDose) => Math.abs(Date.parse(d.scheduled_for) - at.getTime())
        // The slot nearest to when it was taken (within the window insights use), so "took my
        // metformin" after dinner marks the evening dose and a dose at 2 am marks none.
        const slot = (medicine ? open.filter((d) => d.medication_id === medicine.context_id) : [])
          .filter((d) => distance(d) <= DOSE_MATCH_WINDOW_MS)
          .sort((a, b) => distance(a) - distance(b))[0]
        targets = [{ dose: slot, medicine, name: medicine?.payload.name ?? input.medication_name }]
      } else {
        const part = input.part_of_day ?? (open.length === 1 ? 'all' : undefined)
        // "All" is every dose whose time has come, not tonight's as well.
        const chosen = part
          ? open.filter((d) => (part === 'all' ? Date.parse(d.scheduled_for) <= ctx.now.getTime() + 60 * 60_000 : partOfDay(d.time_of_day) === part))
          : []
        if (chosen.length) {
          targets = chosen.map((dose) => ({ dose, medicine: medicines.find((m) => m.context_id === dose.medication_id), name: dose.medication_name }))
        } else if (medicines.length === 1 && (part === 'all' || doses.length === 0)) {
          // One medicine and no schedule to choose from: "dawai le li" can only mean that one.
          targets = [{ medicine: medicines[0], name: medicines[0]!.payload.name }]
        } else if (open.length) {
          throw new Error(`which medicine? Open doses today: ${open.map((d) => `${d.medication_name} at ${spokenTime(d.scheduled_for, ctx.timezone)}`).join(', ')}`)
        } else if (medicines.length) {
          throw new Error(`which medicine? Your medicines: ${medicines.map((m) => m.payload.name).join(', ')}`)
        } else {
          throw new Error('which medicine? You have no medicines in your list yet; tell me its name')
        }
      }

      const logged: string[] = []
      for (const [i, t] of targets.entries()) {
        await writeEvent(
          store,
          runtime,
          {
            kind: 'med_dose',
            occurred_at: at,
            payload: {
              medication_id: t.medicine?.context_id,
              medication_name: t.name,
              status: input.status,
              dosage: t.dose?.dosage ?? t.medicine?.payload.dosage ?? undefined,
              scheduled_for: t.dose?.scheduled_for,
              reason: input.reason,
            },
          },
          i,
        )
        logged.push(`${t.name}${t.dose ? ` (${spokenTime(t.dose.scheduled_for, ctx.timezone)} dose)` : ''}`)
      }
      const unknown = input.medication_name && !targets[0]?.medicine
      return toolResult(
        `Marked ${logged.join(', ')} as ${DOSE_WORDS[input.status]}.` +
          (unknown ? ` ${input.medication_name} is not in your medicine list; would you like me to add it?` : ''),
        { count: logged.length },
      )
    },
    {
      name: 'log_dose',
      description:
        'Record that the patient took, missed or skipped a medicine: by name, or by part of day for "my morning tablets" ' +
        '(every open dose of that part of today).',
      schema: z.object({
        medication_name: z.string().min(1).max(100).optional(),
        part_of_day: z.enum(PARTS_OF_DAY).optional().describe('For "morning tablets", "night medicines", or "all" open doses'),
        status: z.enum(DOSE_STATUSES),
        reason: z.string().max(300).optional().describe('Why it was missed or skipped, in the patient\'s words'),
        when: z.string().max(100).optional().describe('When it was taken, in the patient\'s words; omit for now'),
      }),
    },
  )

  const listMedications = tool(
    async (_input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const medicines = await activeMedicines(store, ctx.userId)
      if (medicines.length === 0) return toolResult('You have no medicines in your list yet.', { medicines: [] })
      const schedules = (await store.scan(ctx.userId, { kinds: ['med_schedule'] })) as unknown as HealthEvent<'med_schedule'>[]
      const lines = medicines.map((m) => {
        const times = schedules
          .filter((s) => s.payload.medication_id === m.context_id && s.payload.active)
          .map((s) => spokenTime(`2026-01-01T${s.payload.time_of_day}:00Z`, 'UTC'))
        return `${m.payload.name}${m.payload.dosage ? ` ${m.payload.dosage}` : ''}${times.length ? ` at ${times.join(', ')}` : ''}`
      })
      return toolResult(`Your medicines: ${lines.join('; ')}.`, { medicines: medicines.map((m) => m.payload.name) })
    },
    { name: 'list_medications', description: "The patient's active medicines and their times.", schema: z.object({}) },
  )

  const today = tool(
    async (_input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const { doses } = await dosesToday(store, ctx.userId, ctx.now)
      if (doses.length === 0) return toolResult('You have no scheduled doses today.', { doses: [] })
      const taken = doses.filter((d) => d.status === 'taken').length
      const missed = doses.filter((d) => d.status === 'missed')
      return toolResult(
        `Today you have taken ${taken} of ${doses.length} doses. ${doses.map((d) => describeDose(d, ctx.timezone)).join('; ')}.` +
          (missed.length ? ' If you missed a dose, ask your doctor or pharmacist what to do; do not double the next one.' : ''),
        { doses },
      )
    },
    { name: 'get_doses_today', description: "Today's scheduled doses and whether each was taken (\"did I take my meds today?\").", schema: z.object({}) },
  )

  return [addMedication, setSchedule, logDose, listMedications, today]
}
