import { tool, type ToolRuntime } from '@langchain/core/tools'
import { z } from 'zod'
import { DOSE_STATUSES, MedDosePayload, MedicationPayload, MedSchedulePayload } from '../../memory/event-kinds.js'
import type { HealthEvent, HealthEventStore } from '../../memory/event-store.js'
import { dosesToday, type ExpectedDose, insightsFor } from '../../memory/insights.js'
import { dayRange } from '../../memory/local-time.js'
import { activeMedicines, addMedicine, logDoses, matchMedicine, PARTS_OF_DAY, partOfDay, rescheduleMedicine, scheduleMedicine, WhichMedicineError } from '../../memory/medicines.js'
import { entryEditTools, type EntryEditor } from '../../tools/entry-edits.js'
import type { ReminderAnswers } from '../agent-definition.js'
import { medicationReplies } from './medication-texts.js'
import { say } from '../../language/localise.js'
import { MEDICATION_TEXTS } from './medication-texts.js'
import { asToolError, toolResult, turnWrite } from '../../tools/event-writer.js'
import { PeriodSchema, periodDates, spokenDay, spokenTime, spokenWhen } from '../../tools/periods.js'
import { turnContext } from '../../tools/tool-context.js'
import { loggedAt, parseTimeOfDay } from '../../tools/when.js'

const DOSE_WORDS: Record<string, string> = { taken: 'taken', missed: 'missed', skipped: 'skipped' }
const spokenTimes = (times: string[]) => times.map((t) => spokenTime(`2026-01-01T${t}:00Z`, 'UTC'))

/** "Which medicine?" with what the patient can choose from, for the model to ask. */
function whichMedicine(err: WhichMedicineError, tz: string): Error {
  if (err.open.length) return new Error(`which medicine? Open doses today: ${err.open.map((d) => `${d.medication_name} at ${spokenTime(d.scheduled_for, tz)}`).join(', ')}`)
  if (err.medicines.length) return new Error(`which medicine? Your medicines: ${err.medicines.join(', ')}`)
  return new Error('which medicine? You have no medicines in your list yet; tell me its name')
}

const DoseChanges = MedDosePayload.pick({ status: true, dosage: true, reason: true }).partial()

/** Corrections of doses: what happened ("I skipped it"), how much ("half a tablet"), and why. */
const doseEditor: EntryEditor<typeof DoseChanges> = {
  kinds: ['med_dose'],
  changes: DoseChanges,
  revise: (entry, changes) => ({ ...entry.payload, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) }),
  describe(entry) {
    const p = entry.payload as HealthEvent<'med_dose'>['payload']
    return `${p.medication_name}${p.dosage ? ` ${p.dosage}` : ''} ${DOSE_WORDS[p.status]}`
  },
}

/** Tools of the medication agent. None of them changes a dose: only the doctor does that. */
export function medicationTools(store: HealthEventStore, reminders?: ReminderAnswers) {
  const addMedication = tool(
    async (input, runtime: ToolRuntime) => {
      const language = turnContext(runtime).replyLanguage ?? 'en'
      const { times: said, days_of_week, ...medicine } = input
      const times = (said ?? []).map((t) => parseTimeOfDay(t))
      const bad = (said ?? []).filter((_, i) => !times[i])
      if (bad.length) throw new Error(`I could not read the time "${bad.join('", "')}"; say it like "9 pm" or "21:00"`)
      const w = turnWrite(runtime)
      const added = await asToolError(() => addMedicine(store, w, medicine))
      const name = `${added.medicine.payload.name}${added.medicine.payload.dosage ? ` ${added.medicine.payload.dosage}` : ''}`
      if (!times.length) {
        const text = added.created ? say(MEDICATION_TEXTS.added, language, { name }) : say(MEDICATION_TEXTS.alreadyListed, language, { name: added.medicine.payload.name })
        return toolResult(text, { medication_id: added.medicine.context_id })
      }
      // One sentence, one setup: the medicine and its times ("metformin 500 twice a day at 8 and 8").
      const { days } = await asToolError(() =>
        scheduleMedicine(store, { ...w, key: w.key && `${w.key}:times` }, { medication_name: added.medicine.payload.name, times: times as string[], days_of_week }),
      )
      return toolResult(say(MEDICATION_TEXTS.addedWithTimes, language, { name, times: spokenTimes(times as string[]), days }), { medication_id: added.medicine.context_id, times })
    },
    {
      name: 'add_medication',
      description:
        "Add a medicine the patient takes to their list, with the dose and frequency their doctor gave, and its times when they say them " +
        '("I take metformin 500 mg twice a day at 8 am and 8 pm after food" is one call). A brand is stored as its generic.',
      schema: MedicationPayload.pick({ name: true, dosage: true, frequency: true, instructions: true, critical: true }).extend({
        dosage: MedicationPayload.shape.dosage.describe('As prescribed, e.g. "500 mg"'),
        frequency: MedicationPayload.shape.frequency.describe('e.g. "twice daily"'),
        instructions: MedicationPayload.shape.instructions.describe('e.g. "after food"'),
        times: z.array(z.string().min(1).max(30)).max(6).optional().describe('Times of day it is taken, e.g. ["8 am", "20:00"]'),
        days_of_week: MedSchedulePayload.shape.days_of_week.unwrap().optional().describe('"1" = Monday … "7" = Sunday; omit for daily'),
      }),
    },
  )

  const setSchedule = tool(
    async (input, runtime: ToolRuntime) => {
      const times = input.times.map((t) => parseTimeOfDay(t))
      const bad = input.times.filter((_, i) => !times[i])
      if (bad.length) throw new Error(`I could not read the time "${bad.join('", "')}"; say it like "9 pm" or "21:00"`)
      const { medicine, days } = await asToolError(() =>
        scheduleMedicine(store, turnWrite(runtime), { ...input, times: times as string[] }),
      )
      return toolResult(say(MEDICATION_TEXTS.scheduled, turnContext(runtime).replyLanguage ?? 'en', { name: medicine.payload.name, times: spokenTimes(times as string[]), days }), {
        medication_id: medicine.context_id,
        times,
      })
    },
    {
      name: 'set_medication_schedule',
      description: 'Set when the patient takes a medicine ("remind me at 9 pm daily"). Adds the medicine if it is new.',
      schema: z.object({
        medication_name: MedicationPayload.shape.name,
        times: z.array(z.string().min(1).max(30)).min(1).max(6).describe('Times of day, e.g. ["08:00", "9 pm"]'),
        days_of_week: MedSchedulePayload.shape.days_of_week.unwrap().optional().describe('"1" = Monday … "7" = Sunday; omit for daily'),
        dosage: MedSchedulePayload.shape.dosage,
      }),
    },
  )

  const logDose = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const language = ctx.replyLanguage ?? 'en'
      const { when, ...report } = input
      const outcome = await asToolError(() =>
        logDoses(store, turnWrite(runtime), { ...report, at: loggedAt(when, ctx), now: ctx.now }).catch((err: unknown) => {
          throw err instanceof WhichMedicineError ? whichMedicine(err, ctx.timezone) : err
        }),
      )
      if (outcome.alreadyTaken) {
        const d = outcome.alreadyTaken
        return toolResult(say(MEDICATION_TEXTS.alreadyTaken, language, { name: d.medication_name, time: spokenTime(d.scheduled_for, ctx.timezone) }), { count: 0 })
      }
      const logged = outcome.logged
      const doses = logged.map((d) => say(MEDICATION_TEXTS.dose, language, { name: d.name, time: d.slot ? spokenTime(d.slot.scheduled_for, ctx.timezone) : undefined })).join(', ')
      const amount = input.amount ? ` (${input.amount})` : ''
      const unknown = input.medication_name && !logged[0]?.known
      return toolResult(
        say(MEDICATION_TEXTS.marked, language, { doses, amount, status: input.status }) +
          (unknown ? ` ${say(MEDICATION_TEXTS.notListed, language, { name: input.medication_name! })}` : ''),
        { count: logged.length },
      )
    },
    {
      name: 'log_dose',
      description:
        'Record that the patient took, missed or skipped a medicine: by name, or by part of day for "my morning tablets" ' +
        '(every open dose of that part of today). Podd picks the scheduled dose it answers (never one still ahead).',
      schema: z.object({
        medication_name: MedicationPayload.shape.name.optional().describe('As the patient said it; a brand ("Glycomet") finds its generic'),
        part_of_day: z.enum(PARTS_OF_DAY).optional().describe('For "morning tablets", "night medicines", or "all" open doses'),
        status: z.enum(DOSE_STATUSES),
        amount: MedDosePayload.shape.dosage.describe('How much was taken when the patient says it: "half tablet", "10 units", "2 tablets"'),
        reason: z.string().max(300).optional().describe('Why it was missed or skipped, in the patient\'s words'),
        when: z.string().max(100).optional().describe('When it was taken, in the patient\'s words; omit for now'),
      }),
    },
  )

  const listMedications = tool(
    async (_input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const medicines = await activeMedicines(store, ctx.userId)
      if (medicines.length === 0) return toolResult(say(MEDICATION_TEXTS.noMedicines, turnContext(runtime).replyLanguage ?? 'en'), { medicines: [] })
      const schedules = (await store.scan(ctx.userId, { kinds: ['med_schedule'] })) as unknown as HealthEvent<'med_schedule'>[]
      const lines = medicines.map((m) => {
        const times = schedules
          .filter((s) => s.payload.medication_id === m.context_id && s.payload.active)
          .map((s) => spokenTime(`2026-01-01T${s.payload.time_of_day}:00Z`, 'UTC'))
        return `${m.payload.name}${m.payload.dosage ? ` ${m.payload.dosage}` : ''}${times.length ? ` at ${times.join(', ')}` : ''}`
      })
      return toolResult(say(MEDICATION_TEXTS.yourMedicines, turnContext(runtime).replyLanguage ?? 'en', { lines }), { medicines: medicines.map((m) => m.payload.name) })
    },
    { name: 'list_medications', description: "The patient's active medicines and their times.", schema: z.object({}) },
  )

  const today = tool(
    async (_input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const { doses } = await dosesToday(store, ctx.userId, ctx.now)
      const language = ctx.replyLanguage ?? 'en'
      if (doses.length === 0) return toolResult(say(MEDICATION_TEXTS.noDosesToday, language), { doses: [] })
      const taken = doses.filter((d) => d.status === 'taken').length
      const missed = doses.filter((d) => d.status === 'missed')
      const each = doses.map((d) =>
        say(MEDICATION_TEXTS.doseToday, language, { name: `${d.medication_name}${d.dosage ? ` ${d.dosage}` : ''}`, time: spokenTime(d.scheduled_for, ctx.timezone), status: d.status }),
      )
      return toolResult(say(MEDICATION_TEXTS.today, language, { taken, total: doses.length, doses: each, missed: missed.length > 0 }), { doses })
    },
    { name: 'get_doses_today', description: "Today's scheduled doses and whether each was taken (\"did I take my meds today?\").", schema: z.object({}) },
  )

  const doseHistory = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const SAY = medicationReplies(ctx.replyLanguage)
      const medicines = await activeMedicines(store, ctx.userId)
      const medicine = input.medication_name ? matchMedicine(input.medication_name, medicines) : undefined
      if (input.medication_name && !medicine) return toolResult(SAY.notListed(input.medication_name), {})
      const mine = (d: { medication_id?: string; medication_name: string }) =>
        !medicine || d.medication_id === medicine.context_id || matchMedicine(d.medication_name, [medicine]) !== undefined
      const name = medicine?.payload.name

      if (input.question === 'last_taken') {
        const taken = ((await store.scan(ctx.userId, { kinds: ['med_dose'] })) as unknown as HealthEvent<'med_dose'>[])
          .filter((d) => d.payload.status === 'taken' && mine(d.payload))
          .at(-1)
        return toolResult(taken ? SAY.lastTaken(taken.payload.medication_name, spokenWhen(taken.occurred_at, ctx.now, ctx.timezone)) : SAY.neverTaken(name), {
          taken_at: taken?.occurred_at ?? null,
        })
      }
      if (input.question === 'times') {
        const schedules = ((await store.scan(ctx.userId, { kinds: ['med_schedule'] })) as unknown as HealthEvent<'med_schedule'>[]).filter(
          (s) => s.payload.active && (!medicine || s.payload.medication_id === medicine.context_id),
        )
        const times = schedules.map((s) => s.payload.time_of_day).sort()
        return toolResult(times.length ? SAY.takesAt(name ?? 'your medicines', spokenTimes(times).join(' and ')) : SAY.noTimes(name), { times })
      }
      const period = periodDates(input.period ?? 'today', ctx.now, ctx.timezone)
      const insights = await insightsFor(store, ctx.userId, { from: period.from, to: period.to, timezone: ctx.timezone }, ctx.now)
      const doses = insights.medication.doses
        .filter(mine)
        .filter((d) => !input.part_of_day || input.part_of_day === 'all' || partOfDay(d.time_of_day) === input.part_of_day || (input.part_of_day === 'night' && partOfDay(d.time_of_day) === 'evening'))
      if (doses.length === 0) {
        // No schedule to hold them against: the doses logged in the period, as they were logged.
        const logged = ((await store.scan(ctx.userId, { kinds: ['med_dose'], from: dayRange(period.from, ctx.timezone).start, to: dayRange(period.to, ctx.timezone).end })) as unknown as HealthEvent<'med_dose'>[]).filter((d) => mine(d.payload))
        if (logged.length === 0) return toolResult(SAY.noDoses(name, period.label), { doses: [] })
        const count = (st: string) => logged.filter((d) => d.payload.status === st)
        const said = (d: HealthEvent<'med_dose'>) => `${d.payload.medication_name} ${spokenDay(d.occurred_at, ctx.timezone)} ${spokenTime(d.occurred_at, ctx.timezone)}`
        const missedLogged = [...count('missed'), ...count('skipped')]
        return toolResult(
          [
            SAY.loggedCounts(period.label, count('taken').length, missedLogged.length),
            missedLogged.length ? SAY.missedList(missedLogged.map(said)) : '',
            count('taken').length && count('taken').length <= 4 ? SAY.takenList(count('taken').map(said)) : '',
          ]
            .filter(Boolean)
            .join(' '),
          { taken: count('taken').length, missed: missedLogged.length },
        )
      }
      const oneDay = period.from === period.to
      const at = (d: ExpectedDose) => `${oneDay ? '' : `${spokenDay(d.scheduled_for, ctx.timezone)} `}${spokenTime(d.scheduled_for, ctx.timezone)}`
      const missed = doses.filter((d) => d.status === 'missed' || d.status === 'skipped')
      const taken = doses.filter((d) => d.status === 'taken')
      const due = doses.filter((d) => d.status === 'due')
      const parts = [SAY.tookOf(period.label, taken.length, doses.length - due.length)]
      if (missed.length) parts.push(SAY.missedCount(missed.length), SAY.missedList(missed.map((d) => `${d.medication_name} ${at(d)} (${d.status})`)))
      else if (taken.length === doses.length - due.length) parts.push(SAY.noneMissed)
      // A taken dose is said at the time it was taken ("10:15 pm"), which is what the patient asks about; its slot may be earlier.
      const takenAt = (d: ExpectedDose) => (d.taken_at ? `${oneDay ? '' : `${spokenDay(d.taken_at, ctx.timezone)} `}${spokenTime(d.taken_at, ctx.timezone)}` : at(d))
      if (taken.length && doses.length <= 4) parts.push(SAY.takenList(taken.map((d) => `${d.medication_name} ${takenAt(d)}`)))
      if (due.length) parts.push(SAY.stillDue(due.map((d) => `${d.medication_name} ${at(d)}`)))
      return toolResult(parts.join(' '), { doses, missed: missed.length, taken: taken.length })
    },
    {
      name: 'get_dose_history',
      description:
        'Answer a question about the patient\'s own doses from the record: when they last took a medicine, what time they take it, ' +
        'or which doses they took or missed over a period ("did I miss any medicine yesterday?", "did I take my insulin last night?", ' +
        '"how many doses did I miss this week?"). Answer only from what it returns.',
      schema: z.object({
        question: z.enum(['last_taken', 'times', 'doses']).describe('last_taken: when it was last taken; times: its times; doses: taken and missed in a period'),
        medication_name: MedicationPayload.shape.name.optional(),
        period: PeriodSchema.optional().describe('For doses; default today'),
        part_of_day: z.enum(PARTS_OF_DAY).optional(),
      }),
    },
  )

  const reschedule = tool(
    async (input, runtime: ToolRuntime) => {
      // "Move it to 8": an hour without am or pm takes the half of the day of the time it moves from.
      const bare = /^\s*(\d{1,2})(?:[:.](\d{2}))?\s*(?:baje|o'?clock)?\s*$/.exec(input.to_time)
      const nearest = !!bare && Number(bare[1]) >= 1 && Number(bare[1]) <= 12
      const to = nearest ? `${String(Number(bare![1]) % 12).padStart(2, '0')}:${bare![2] ?? '00'}` : parseTimeOfDay(input.to_time)
      // "My evening metformin": the part of the day names the time that moves.
      const part = PARTS_OF_DAY.find((p) => p !== 'all' && input.from_time?.trim().toLowerCase() === p)
      const from = part ?? (input.from_time ? parseTimeOfDay(input.from_time) : undefined)
      if (!to) throw new Error(`I could not read the time "${input.to_time}"; say it like "9 pm" or "21:00"`)
      const moved = await asToolError(() => rescheduleMedicine(store, turnWrite(runtime), { medication_name: input.medication_name, to, from, nearest }))
      const spoken = (hhmm: string) => spokenTime(`2026-01-01T${hhmm}:00Z`, 'UTC')
      return toolResult(say(MEDICATION_TEXTS.moved, turnContext(runtime).replyLanguage ?? 'en', { name: moved.medicine.payload.name, from: spoken(moved.from), to: spoken(moved.schedule.payload.time_of_day) }), {
        medication_id: moved.medicine.context_id,
        time: moved.schedule.payload.time_of_day,
      })
    },
    {
      name: 'reschedule_medication',
      description: 'Move a medicine\'s reminder to another time ("move my atorvastatin reminder to 9 pm"). Name the old time when it has several.',
      schema: z.object({
        medication_name: MedicationPayload.shape.name,
        to_time: z.string().min(1).max(30).describe('The new time, e.g. "9 pm"'),
        from_time: z.string().max(30).optional().describe('The time it moves from, when the medicine has several'),
      }),
    },
  )

  const answerReminder = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const language = ctx.replyLanguage ?? 'en'
      const w = turnWrite(runtime)
      const answered = reminders ? await asToolError(() => reminders.answerOpen(ctx.userId, input, ctx.now, w)) : []
      if (answered.length === 0) {
        if (input.action === 'snooze') return toolResult(say(MEDICATION_TEXTS.nothingToSnooze, language, {}), { count: 0 })
        // No reminder waiting: as "I took my medicines", every open dose whose time has come.
        const status = input.action === 'taken' ? 'taken' : 'skipped'
        const outcome = await asToolError(() =>
          logDoses(store, w, { status, part_of_day: 'all', at: ctx.now, now: ctx.now }).catch((err: unknown) => {
            throw err instanceof WhichMedicineError ? whichMedicine(err, ctx.timezone) : err
          }),
        )
        const doses = outcome.logged
          .map((d) => say(MEDICATION_TEXTS.dose, language, { name: d.name, time: d.slot ? spokenTime(d.slot.scheduled_for, ctx.timezone) : undefined }))
          .join(', ')
        return toolResult(say(MEDICATION_TEXTS.marked, language, { doses, amount: '', status }), { count: outcome.logged.length })
      }
      const doses = answered
        .map(({ notification: n, dose, medication_name }) =>
          say(MEDICATION_TEXTS.dose, language, {
            name: medication_name ?? dose?.payload.medication_name ?? n.title,
            time: n.slot ? spokenTime(n.slot, ctx.timezone) : undefined,
          }),
        )
        .join(', ')
      if (input.action === 'snooze') {
        return toolResult(say(MEDICATION_TEXTS.reminderSnoozed, language, { doses, minutes: input.minutes ?? 10 }), { count: answered.length })
      }
      const status = input.action === 'taken' ? 'taken' : 'skipped'
      return toolResult(say(MEDICATION_TEXTS.reminderAnswered, language, { doses, status }), { count: answered.length })
    },
    {
      name: 'answer_reminder',
      description:
        'Answer the dose reminder Podd just sent: "taken", "haan le li", "skip", "snooze 10 min". It records the dose against ' +
        "that reminder's time (two medicines reminded together are answered together). Use log_dose when a medicine is named.",
      schema: z.object({
        action: z.enum(['taken', 'skip', 'snooze']),
        minutes: z.union([z.literal(10), z.literal(30)]).optional().describe('Snooze only: 10 (default) or 30 minutes'),
      }),
    },
  )

  return [addMedication, setSchedule, logDose, listMedications, today, doseHistory, reschedule, answerReminder, ...entryEditTools(store, doseEditor)]
}
