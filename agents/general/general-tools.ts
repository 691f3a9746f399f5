import { tool, type ToolRuntime } from '@langchain/core/tools'
import { z } from 'zod'
import { say } from '../../language/localise.js'
import { GENERAL_TEXTS } from './general-texts.js'
import {
  AppointmentPayload,
  EmergencyContactPayload,
  ExercisePayload,
  MoodPayload,
  ProfilePayload,
  SleepPayload,
  SymptomPayload,
} from '../../memory/event-kinds.js'
import type { HealthEvent, HealthEventStore } from '../../memory/event-store.js'
import { dayRange, localDate, localTime, zonedInstant } from '../../memory/local-time.js'
import { correctEvent } from '../../memory/event-edits.js'
import { insightsFor } from '../../memory/insights.js'
import { saveProfile } from '../../memory/profile-service.js'
import { entryEditTools, type EntryEditor } from '../../tools/entry-edits.js'
import { asToolError, toolResult, turnWrite, writeEvent } from '../../tools/event-writer.js'
import { PeriodSchema, periodDates, spokenDay, spokenTime, spokenWhen } from '../../tools/periods.js'
import { describeDayEntry, generalReplies } from './general-texts.js'
import { turnContext } from '../../tools/tool-context.js'
import { loggedAt, parseFutureWhen } from '../../tools/when.js'

const When = z.string().max(100).optional().describe("When it happened, in the patient's words; omit for now")

/**
 * Profile fields a patient may change by talking: the payload's fields, all optional and without
 * their defaults (a default would overwrite the patient's language or time zone on every change).
 */
const { allergies, medical_conditions, language, timezone } = ProfilePayload.shape
const ProfileUpdate = ProfilePayload.partial().extend({
  allergies: allergies.unwrap().optional(),
  medical_conditions: medical_conditions.unwrap().optional(),
  language: language.unwrap().optional(),
  timezone: timezone.unwrap().optional(),
})

/** What a correction of a symptom, mood, sleep or exercise may change: those payloads' fields. */
const DayChanges = z
  .object({
    ...SymptomPayload.omit({ started_at: true }).shape,
    ...MoodPayload.pick({ mood: true, energy: true }).shape,
    ...SleepPayload.shape,
    ...ExercisePayload.omit({ calories_burned: true }).shape,
  })
  .partial()

const FIELDS_OF: Record<string, string[]> = {
  symptom: ['name', 'severity', 'body_part', 'duration', 'notes'],
  mood: ['mood', 'energy', 'notes'],
  sleep: ['duration_hours', 'quality', 'bed_time', 'wake_time', 'notes'],
  exercise: ['activity', 'duration_minutes', 'intensity', 'steps', 'distance_km', 'notes'],
}

/** Corrections of the day's notes: the fields of the entry's own kind replace its values. */
const dayEditor: EntryEditor<typeof DayChanges> = {
  kinds: ['symptom', 'mood', 'sleep', 'exercise'],
  changes: DayChanges,
  revise(entry, changes) {
    const own = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && FIELDS_OF[entry.kind]?.includes(k)))
    return { ...entry.payload, ...own }
  },
  describe: (entry, language) => describeDayEntry(entry.kind, entry.payload as Record<string, unknown>, language),
}

/** Tools of the general agent: symptoms, mood, sleep, exercise, profile, appointments, summaries. */
export function generalTools(store: HealthEventStore) {
  const logSymptom = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const { when, ...payload } = input
      const event = await writeEvent(store, runtime, { kind: 'symptom', occurred_at: loggedAt(when, ctx), payload })
      const severe = event.payload.severity === 'severe'
      const language = ctx.replyLanguage ?? 'en'
      // Swollen feet or legs can be fluid building up (heart failure): worth the doctor's attention.
      const said = `${event.payload.name} ${event.payload.body_part ?? ''} ${event.payload.notes ?? ''}`
      const swelling = /swell|soojan|sujan|sooj|सूजन|o?edema/i.test(said) && /\b(?:feet|foot|ankles?|legs?|pair|pairon|paon|pair?o)\b|पैर|टांग/i.test(said)
      const noted = say(GENERAL_TEXTS.symptomNoted, language, { name: event.payload.name, severity: event.payload.severity, severe })
      return toolResult(swelling && !severe ? `${noted} ${say(GENERAL_TEXTS.swellingAdvice, language)}` : noted, {
        event_id: event.id,
      })
    },
    {
      name: 'log_symptom',
      description: 'Record a symptom the patient describes (headache, knee pain, cough …) in their own words.',
      schema: SymptomPayload.omit({ started_at: true }).extend({
        name: SymptomPayload.shape.name.describe("The symptom in the patient's words"),
        duration: SymptomPayload.shape.duration.describe('e.g. "since yesterday", "2 days"'),
        when: When,
      }),
    },
  )

  const logMood = tool(
    async (input, runtime: ToolRuntime) => {
      const event = await writeEvent(store, runtime, { kind: 'mood', payload: input })
      const low = event.payload.mood === 'bad' || event.payload.mood === 'very_bad'
      return toolResult(say(GENERAL_TEXTS.moodNoted, turnContext(runtime).replyLanguage ?? 'en', { low }), { event_id: event.id })
    },
    {
      name: 'log_mood',
      description: "Record the patient's mood, with their words as notes.",
      schema: MoodPayload.pick({ mood: true, notes: true, energy: true }),
    },
  )

  const logSleep = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const { when, ...payload } = input
      const event = await writeEvent(store, runtime, { kind: 'sleep', occurred_at: loggedAt(when, ctx), payload })
      const p = event.payload
      return toolResult(say(GENERAL_TEXTS.sleepLogged, ctx.replyLanguage ?? 'en', { hours: p.duration_hours, quality: p.quality }), { event_id: event.id })
    },
    {
      name: 'log_sleep',
      description: 'Record how long and how well the patient slept.',
      // The payload's refinement (at least one field) is the store's to check; the shape is the tool's.
      schema: z.object({ ...SleepPayload.shape, when: When }),
    },
  )

  const logExercise = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const { when, ...payload } = input
      const event = await writeEvent(store, runtime, { kind: 'exercise', occurred_at: loggedAt(when, ctx), payload })
      const p = event.payload
      return toolResult(say(GENERAL_TEXTS.exerciseLogged, ctx.replyLanguage ?? 'en', { activity: p.activity, minutes: p.duration_minutes, steps: p.steps }), {
        event_id: event.id,
      })
    },
    {
      name: 'log_exercise',
      description: 'Record exercise or activity: walking, yoga, cycling, steps.',
      schema: ExercisePayload.omit({ calories_burned: true }).extend({ when: When }),
    },
  )

  const updateProfile = tool(
    async (input, runtime: ToolRuntime) => {
      const event = await asToolError(() => saveProfile(store, turnWrite(runtime), input, 'merge'))
      const changed = Object.keys(input).map((k) => k.replace(/_/g, ' ')).join(', ')
      return toolResult(say(GENERAL_TEXTS.profileUpdated, turnContext(runtime).replyLanguage ?? 'en', { changed }), { profile: event.payload })
    },
    {
      name: 'update_profile',
      description: "Update the patient's profile: date of birth, height, weight, allergies, conditions, diet, language, time zone, voice.",
      schema: ProfileUpdate,
    },
  )

  const summary = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const period = periodDates(input.period ?? 'last_7_days', ctx.now, ctx.timezone)
      const i = await insightsFor(store, ctx.userId, { from: period.from, to: period.to, timezone: ctx.timezone }, ctx.now)
      const bp = i.vitals.blood_pressure
      const sugar = i.vitals.blood_sugar
      const text = say(GENERAL_TEXTS.summary, ctx.replyLanguage ?? 'en', {
        period: input.period ?? 'last_7_days',
        label: period.label,
        bp: bp.count ? { count: bp.count, mean: `${bp.mean!.systolic}/${bp.mean!.diastolic}`, latest: `${bp.latest!.systolic}/${bp.latest!.diastolic}` } : undefined,
        sugar: sugar.count ? { count: sugar.count, min: sugar.min!, max: sugar.max! } : undefined,
        doses: i.medication.scheduled ? { taken: i.medication.taken, due: i.medication.scheduled - i.medication.due } : undefined,
        kcal: i.nutrition.total_calories ? i.nutrition.mean_daily_calories : undefined,
        water: i.nutrition.total_water_ml ? (i.nutrition.mean_daily_water_ml / 1000).toFixed(1) : undefined,
        gapDays: i.missing_readings.current_streak_days > 1 ? i.missing_readings.current_streak_days : undefined,
      })
      return toolResult(text, { period })
    },
    {
      name: 'get_health_summary',
      description: "A summary of the patient's own readings, doses, food and water over a period.",
      schema: z.object({ period: PeriodSchema.optional() }),
    },
  )

  const addAppointment = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      // Appointments lie ahead, unlike logged events: the date is read forwards.
      const at = parseFutureWhen(input.when, ctx.now, ctx.timezone)
      if (!at) throw new Error(`I could not read the date "${input.when}"; say it like "Tuesday 10 am" or "5 December at 4 pm"`)
      const event = await writeEvent(store, runtime, {
        kind: 'appointment',
        payload: { title: input.title, doctor: input.doctor, location: input.location, notes: input.notes, scheduled_for: at.toISOString() },
      })
      return toolResult(
        say(GENERAL_TEXTS.appointmentSaved, ctx.replyLanguage ?? 'en', { title: event.payload.title, day: spokenDay(at, ctx.timezone), time: spokenTime(at, ctx.timezone) }),
        { event_id: event.id },
      )
    },
    {
      name: 'add_appointment',
      description: 'Save a doctor appointment or test, with what the doctor said as notes.',
      schema: AppointmentPayload.pick({ title: true, doctor: true, location: true, notes: true }).extend({
        when: z.string().min(1).max(100).describe('Date and time in the patient\'s words, e.g. "next Tuesday 10 am"'),
      }),
    },
  )

  const addEmergencyContact = tool(
    async (input, runtime: ToolRuntime) => {
      const event = await writeEvent(store, runtime, { kind: 'emergency_contact', payload: input })
      return toolResult(say(GENERAL_TEXTS.contactSaved, turnContext(runtime).replyLanguage ?? 'en', { name: event.payload.name, phone: event.payload.phone }), {
        event_id: event.id,
      })
    },
    {
      name: 'add_emergency_contact',
      description: 'Save a person to call in an emergency.',
      schema: EmergencyContactPayload.pick({ name: true, phone: true, relationship: true }),
    },
  )

  const getProfile = tool(
    async (_input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const SAY = generalReplies(ctx.replyLanguage)
      const profile = await store.latest(ctx.userId, 'profile')
      if (!profile) return toolResult(SAY.noProfile, { profile: null })
      return toolResult(SAY.profile(profile.payload), { profile: profile.payload })
    },
    { name: 'get_profile', description: "What Podd has on record about the patient: name, conditions, allergies, diet, language.", schema: z.object({}) },
  )

  const dayHistory = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const SAY = generalReplies(ctx.replyLanguage)
      if (input.topic === 'appointments') {
        const upcoming = ((await store.scan(ctx.userId, { kinds: ['appointment'] })) as unknown as HealthEvent<'appointment'>[])
          .filter((a) => a.payload.status === 'scheduled' && Date.parse(a.payload.scheduled_for) >= ctx.now.getTime())
          .sort((a, b) => Date.parse(a.payload.scheduled_for) - Date.parse(b.payload.scheduled_for))
        if (upcoming.length === 0) return toolResult(SAY.noAppointments, { appointments: [] })
        const next = upcoming[0]!.payload
        return toolResult(SAY.nextAppointment(next.title, next.doctor, spokenWhen(next.scheduled_for, ctx.now, ctx.timezone), next.location, upcoming.length - 1), {
          appointments: upcoming.map((a) => a.payload),
        })
      }
      const kind = ({ sleep: 'sleep', exercise: 'exercise', symptoms: 'symptom', mood: 'mood' } as const)[input.topic]
      const latest = input.question === 'last'
      const period = periodDates(input.period ?? (latest ? 'last_30_days' : 'last_7_days'), ctx.now, ctx.timezone)
      const events = await store.scan(ctx.userId, {
        kinds: [kind],
        from: dayRange(period.from, ctx.timezone).start,
        to: dayRange(period.to, ctx.timezone).end,
      })
      const rows = input.activity ? events.filter((e) => String(e.payload.activity ?? '').includes(input.activity!)) : events
      if (rows.length === 0) return toolResult(SAY.nothing(input.topic, period.label), { count: 0 })
      const day = (e: HealthEvent) => spokenDay(e.occurred_at, ctx.timezone)
      if (latest) {
        const last = rows.at(-1)!
        return toolResult(SAY.lastOf(input.topic, dayEditor.describe(last, ctx.replyLanguage), spokenWhen(last.occurred_at, ctx.now, ctx.timezone)), { at: last.occurred_at })
      }
      const listed = rows.slice(-10).map((e) => `${day(e)}: ${dayEditor.describe(e, ctx.replyLanguage)}`)
      const parts = [SAY.listOf(input.topic, period.label, listed)]
      if (kind === 'sleep') {
        const hours = rows.map((e) => e.payload.duration_hours).filter((h): h is number => typeof h === 'number')
        if (hours.length) parts.push(SAY.sleepAverage(Math.round((hours.reduce((a, b) => a + b, 0) / hours.length) * 10) / 10, Math.min(...hours), Math.max(...hours)))
      }
      if (kind === 'exercise') {
        const sum = (f: string) => rows.reduce((a, e) => a + (Number(e.payload[f]) || 0), 0)
        parts.push(SAY.exerciseTotals(rows.length, sum('duration_minutes'), sum('steps')))
      }
      return toolResult(parts.join(' '), { count: rows.length })
    },
    {
      name: 'get_day_history',
      description:
        "Answer a question about the patient's own sleep, exercise, symptoms, mood or appointments from the record: how they slept " +
        'this week, how many steps or minutes they walked, when they last walked, which symptoms they noted, when the next ' +
        'appointment is. Answer only from what it returns, with its dates and numbers.',
      schema: z.object({
        topic: z.enum(['sleep', 'exercise', 'symptoms', 'mood', 'appointments']),
        period: PeriodSchema.optional().describe('Default: the last 7 days (30 for "last")'),
        question: z.enum(['list', 'last']).optional().describe('last: when it last happened; default: list and totals'),
        activity: z.string().max(50).optional().describe('Only this activity, e.g. "walk"'),
      }),
    },
  )

  const rescheduleAppointment = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const language = ctx.replyLanguage ?? 'en'
      // Upcoming appointments (and today's), the one the words name: its doctor or its title.
      const since = new Date(ctx.now.getTime() - 24 * 3_600_000)
      const upcoming = ((await store.scan(ctx.userId, { kinds: ['appointment'] })) as unknown as HealthEvent<'appointment'>[]).filter(
        (a) => a.payload.status !== 'cancelled' && Date.parse(a.payload.scheduled_for) >= since.getTime(),
      )
      const words = (input.which ?? '').toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 3 && !/^(?:with|the|appointment|check|doctor|my)$/.test(w))
      const named = words.length ? upcoming.filter((a) => words.some((w) => `${a.payload.doctor ?? ''} ${a.payload.title}`.toLowerCase().includes(w))) : upcoming
      const list = (as: HealthEvent<'appointment'>[]) => as.map((a) => `${a.payload.title}${a.payload.doctor ? ` (${a.payload.doctor})` : ''} ${spokenDay(a.payload.scheduled_for, ctx.timezone)} ${spokenTime(a.payload.scheduled_for, ctx.timezone)}`).join('; ')
      if (named.length !== 1) return toolResult(say(GENERAL_TEXTS.whichAppointment, language, { list: list(named.length ? named : upcoming) }), { asked: true })
      const current = named[0]!
      // "Same time": the new day keeps the appointment's hour.
      const sameTime = /\bsame time\b|\busi (?:samay|time)\b/.test(input.to.toLowerCase())
      const day = parseFutureWhen(input.to.replace(/,?\s*\b(?:same time|usi (?:samay|time))\b/i, ''), ctx.now, ctx.timezone)
      if (!day) throw new Error(`I could not read the date "${input.to}"; say it like "Tuesday 10 am" or "5 December at 4 pm"`)
      const at = sameTime ? zonedInstant(localDate(day, ctx.timezone), localTime(current.payload.scheduled_for, ctx.timezone), ctx.timezone) : day
      const moved = await asToolError(() => correctEvent(store, turnWrite(runtime), current.id, { payload: { ...current.payload, scheduled_for: at.toISOString() } }))
      return toolResult(
        say(GENERAL_TEXTS.appointmentMoved, language, {
          title: current.payload.title,
          was: `${spokenDay(current.payload.scheduled_for, ctx.timezone)} ${spokenTime(current.payload.scheduled_for, ctx.timezone)}`,
          day: spokenDay(at, ctx.timezone),
          time: spokenTime(at, ctx.timezone),
        }),
        { event_id: moved.id, corrected: current.id },
      )
    },
    {
      name: 'reschedule_appointment',
      description:
        'Move an appointment the patient already has to another day or time ("move my appointment with Dr Rao to 16 June at 11 am"), ' +
        'through a correction of it. Never add a second appointment for a move.',
      schema: z.object({
        which: z.string().max(100).optional().describe('The doctor or the title the patient names, e.g. "Dr Rao" or "eye check-up"'),
        to: z.string().min(1).max(100).describe('The new date and time in the patient\'s words; "same time" keeps the hour'),
      }),
    },
  )

  return [logSymptom, logMood, logSleep, logExercise, updateProfile, summary, addAppointment, rescheduleAppointment, addEmergencyContact, getProfile, dayHistory, ...entryEditTools(store, dayEditor)]
}
