import { tool, type ToolRuntime } from '@langchain/core/tools'
import { z } from 'zod'
import { type PayloadOf, VitalsPayload } from '../../memory/event-kinds.js'
import type { HealthEvent, HealthEventStore } from '../../memory/event-store.js'
import { trendOf } from '../../memory/insights.js'
import { dayRange } from '../../memory/local-time.js'
import { MGDL_PER_MMOLL } from '../../memory/units.js'
import { describeReading, readingAdvice, say, vitalsReplies, VITALS_TEXTS } from './vitals-texts.js'
import { vitalsPayload } from './vitals-payload.js'
import { entryEditTools, payloadHas, type EntryEditor } from '../../tools/entry-edits.js'
import { writeEvent, toolResult } from '../../tools/event-writer.js'
import { PeriodSchema, periodDates, previousPeriod, spokenDay, spokenTime, spokenWhen } from '../../tools/periods.js'
import { turnContext } from '../../tools/tool-context.js'
import { loggedAt } from '../../tools/when.js'

const METRICS = ['blood_pressure', 'blood_sugar', 'heart_rate', 'temperature', 'spo2', 'weight', 'hba1c'] as const
type Metric = (typeof METRICS)[number]

type Vitals = PayloadOf<'vitals'>

function readingOf(e: HealthEvent<'vitals'>, metric: Metric, unit?: 'mmol/L' | 'F' | 'lb'): string | undefined {
  const p = e.payload
  switch (metric) {
    case 'blood_pressure':
      return p.blood_pressure_systolic !== undefined ? `${p.blood_pressure_systolic}/${p.blood_pressure_diastolic}` : undefined
    case 'blood_sugar': {
      if (p.blood_sugar === undefined) return undefined
      const value = unit === 'mmol/L' ? `${(p.blood_sugar / MGDL_PER_MMOLL).toFixed(1)} mmol/L` : `${p.blood_sugar} mg/dL`
      return `${value}${p.blood_sugar_context ? ` ${p.blood_sugar_context.replace('_', ' ')}` : ''}`
    }
    case 'heart_rate':
      return p.heart_rate !== undefined ? `${p.heart_rate} bpm` : undefined
    case 'temperature':
      if (p.temperature === undefined) return undefined
      return unit === 'F' ? `${Math.round((p.temperature * 9) / 5 * 10 + 320) / 10}°F` : `${p.temperature}°C${p.reported?.temperature ? ` (${p.reported.temperature.value}${p.reported.temperature.unit})` : ''}`
    case 'spo2':
      return p.spo2 !== undefined ? `${p.spo2}%` : undefined
    case 'weight':
      if (p.weight_kg === undefined) return undefined
      return unit === 'lb' ? `${Math.round((p.weight_kg / 0.45359237) * 10) / 10} lb` : `${p.weight_kg} kg`
    case 'hba1c':
      return p.hba1c !== undefined ? `${p.hba1c}%` : undefined
  }
}

/** The number a trend or a highest is judged on (systolic for BP). */
function primaryValue(e: HealthEvent<'vitals'>, metric: Metric): number | undefined {
  const p = e.payload
  return metric === 'blood_pressure' ? p.blood_pressure_systolic : metric === 'weight' ? p.weight_kg : p[metric as 'blood_sugar' | 'heart_rate' | 'temperature' | 'spo2' | 'hba1c']
}

/** Changes within these are a meter's or a scale's own wobble, not a trend. */
const NOISE: Record<Metric, number> = { blood_pressure: 4, blood_sugar: 8, heart_rate: 5, temperature: 0.3, spo2: 1, weight: 0.3, hba1c: 0.2 }

function averageOf(rows: HealthEvent<'vitals'>[], metric: Metric, unit?: 'mmol/L' | 'F' | 'lb'): string {
  const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10
  if (metric === 'blood_pressure') {
    return `${Math.round(mean(rows.map((e) => e.payload.blood_pressure_systolic!)))}/${Math.round(mean(rows.map((e) => e.payload.blood_pressure_diastolic!)))}`
  }
  const values = rows.map((e) => primaryValue(e, metric)!)
  const avg = mean(values)
  if (metric === 'blood_sugar') return unit === 'mmol/L' ? `${(avg / MGDL_PER_MMOLL).toFixed(1)} mmol/L` : `${Math.round(avg)} mg/dL`
  const units: Record<string, string> = { heart_rate: ' bpm', temperature: '°C', spo2: '%', weight: ' kg', hba1c: '%' }
  return `${avg}${units[metric] ?? ''}`
}

const METRIC_WORDS: Record<Metric, string> = {
  blood_pressure: 'blood pressure',
  blood_sugar: 'blood sugar',
  heart_rate: 'pulse',
  temperature: 'temperature',
  spo2: 'oxygen level',
  weight: 'weight',
  hba1c: 'HbA1c',
}

/** A reading as the patient said it: the payload's fields, weight and units in their words. */
const LogVitalsArgs = VitalsPayload.pick({
  blood_pressure_systolic: true,
  blood_pressure_diastolic: true,
  heart_rate: true,
  blood_sugar: true,
  blood_sugar_context: true,
  temperature: true,
  spo2: true,
  hba1c: true,
  symptoms: true,
  notes: true,
}).extend({
  blood_sugar_unit: z.enum(['mg/dL', 'mmol/L']).optional(),
  temperature_unit: z.enum(['C', 'F']).optional(),
  weight: VitalsPayload.shape.weight_kg.describe('In the unit the patient said (weight_unit)'),
  weight_unit: z.enum(['kg', 'lb']).optional(),
  hba1c: VitalsPayload.shape.hba1c.describe('HbA1c (A1c) from a lab report, in %'),
  symptoms: VitalsPayload.shape.symptoms.describe('Symptoms the patient mentioned with the reading'),
  when: z.string().max(100).optional().describe("When it was measured, in the patient's words; omit for now"),
})
type ReadingArgs = Omit<z.output<typeof LogVitalsArgs>, 'when'>

/** The value the patient said for a field (before any unit conversion). */
const saidValue = (p: Vitals, field: 'blood_sugar' | 'temperature' | 'weight_kg') => (p.reported?.[field]?.value as number | undefined) ?? p[field]

/**
 * Corrections of readings: the fields given replace the entry's; a unit alone ("that was in
 * pounds") re-reads the number the patient said in that unit.
 */
const ReadingChanges = LogVitalsArgs.omit({ when: true })
const vitalsEditor: EntryEditor<typeof ReadingChanges> = {
  kinds: ['vitals'],
  changes: ReadingChanges,
  revise(entry, changes) {
    const p = entry.payload as Vitals
    const { reported, ...current } = p
    const kept: Record<string, unknown> = { ...current }
    const keptReported: Record<string, unknown> = { ...reported }
    const fresh: Partial<ReadingArgs> = { ...changes }
    const redo = (field: 'blood_sugar' | 'temperature' | 'weight_kg', value: number | undefined, unit: string | undefined) => {
      if (value === undefined && unit === undefined) return
      delete kept[field]
      delete keptReported[field]
      const said = value ?? saidValue(p, field)
      if (field === 'weight_kg') Object.assign(fresh, { weight: said })
      else Object.assign(fresh, { [field]: said })
    }
    redo('blood_sugar', changes.blood_sugar, changes.blood_sugar_unit)
    redo('temperature', changes.temperature, changes.temperature_unit)
    redo('weight_kg', changes.weight, changes.weight_unit)
    const payload = { ...kept, ...vitalsPayload(fresh) }
    if (Object.keys(keptReported).length) payload.reported = keptReported
    return payload
  },
  describe: (entry, language) => describeReading(entry.payload as Vitals, entry.flags, language).join(', '),
  matches(entry, values) {
    const p = entry.payload as Vitals
    const said = { ...p, blood_sugar: saidValue(p, 'blood_sugar'), temperature: saidValue(p, 'temperature'), weight: saidValue(p, 'weight_kg') }
    const { blood_sugar_unit: _u, temperature_unit: _t, weight_unit: _w, ...named } = values
    return payloadHas(said, named)
  },
}

/** Tools of the vitals agent: record readings and read them back. */
export function vitalsTools(store: HealthEventStore) {
  const logVitals = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const { when, ...reading } = input
      const payload = vitalsPayload(reading)
      const event = await writeEvent(store, runtime, {
        kind: 'vitals',
        occurred_at: loggedAt(when, ctx),
        payload,
      })
      const language = ctx.replyLanguage ?? 'en'
      const described = describeReading(event.payload, event.flags, language)
      const advice = event.flags ? readingAdvice(event.flags, language) : []
      return toolResult([say(VITALS_TEXTS.logged, language, { parts: described.join(', ') }), ...advice].join(' '), {
        event_id: event.id,
        flags: event.flags,
        needs_recheck: event.flags?.needs_recheck ?? false,
      })
    },
    {
      name: 'log_vitals',
      description:
        'Record a reading: blood pressure (both numbers), pulse, blood sugar (with its context), temperature, SpO2 or weight. ' +
        'Give the numbers as the patient said them and name the unit when it is not mg/dL, °C or kg; Podd converts and classifies.',
      schema: LogVitalsArgs,
    },
  )

  const history = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const SAY = vitalsReplies(ctx.replyLanguage)
      const stat = input.stat ?? 'list'
      // "Last" looks back a month unless a period is named.
      const period = periodDates(input.period ?? (stat === 'last' || stat === 'last_high' ? 'last_30_days' : 'last_7_days'), ctx.now, ctx.timezone)
      const from = dayRange(period.from, ctx.timezone).start
      const to = dayRange(period.to, ctx.timezone).end
      const events = ((await store.scan(ctx.userId, { kinds: ['vitals'], from, to })) as unknown as HealthEvent<'vitals'>[]).filter(
        (e) => !input.context || e.payload.blood_sugar_context === input.context,
      )
      const metrics: Metric[] = input.metric ? [input.metric] : METRICS.filter((m) => events.some((e) => readingOf(e, m)))
      const what = (m: Metric) => `${input.context ? `${input.context.replace('_', ' ')} ` : ''}${METRIC_WORDS[m]}`
      if (metrics.length === 0 || events.length === 0) {
        return toolResult(SAY.noReadings(input.metric ? what(input.metric) : undefined, period.label), { readings: [] })
      }
      const oneDay = period.from === period.to
      const lines: string[] = []
      const readings: Record<string, unknown>[] = []
      for (const metric of metrics) {
        const rows = events.filter((e) => readingOf(e, metric))
        if (rows.length === 0) {
          lines.push(SAY.noReadings(what(metric), period.label))
          continue
        }
        const shown = (e: HealthEvent<'vitals'>) => readingOf(e, metric, input.unit)!
        const when = (e: HealthEvent<'vitals'>) =>
          oneDay ? spokenTime(e.occurred_at, ctx.timezone) : `${spokenDay(e.occurred_at, ctx.timezone)} ${spokenTime(e.occurred_at, ctx.timezone)}`
        const flagOf = (e: HealthEvent<'vitals'>) =>
          metric === 'blood_pressure' ? e.flags?.blood_pressure : metric === 'heart_rate' ? e.flags?.heart_rate : e.flags?.[metric as 'blood_sugar' | 'temperature' | 'spo2']
        const said = rows.map((e) => {
          const flag = flagOf(e)
          readings.push({ metric, value: readingOf(e, metric), at: e.occurred_at, category: flag?.category ?? null })
          return `${shown(e)} at ${when(e)}${flag && flag.category !== 'normal' ? ` (${flag.label})` : ''}`
        })
        const series = rows.map((e) => ({ value: primaryValue(e, metric)!, at: e.occurred_at }))
        const pick = (which: 'max' | 'min') => rows[series.findIndex((x) => x.value === Math[which](...series.map((v) => v.value)))]!
        const ago = (e: HealthEvent<'vitals'>) => spokenWhen(e.occurred_at, ctx.now, ctx.timezone)
        switch (stat) {
          case 'last':
            lines.push(SAY.last(what(metric), shown(rows.at(-1)!), ago(rows.at(-1)!)))
            continue
          case 'last_high': {
            const high = rows.filter((e) => { const f = flagOf(e); return f && f.category !== 'normal' }).at(-1)
            lines.push(high ? SAY.lastHigh(what(metric), shown(high), ago(high), flagOf(high)!.label) : SAY.noneHigh(what(metric), period.label))
            continue
          }
          case 'highest':
            lines.push(SAY.highest(what(metric), period.label, shown(pick('max')), ago(pick('max'))))
            break
          case 'lowest':
            lines.push(SAY.lowest(what(metric), period.label, shown(pick('min')), ago(pick('min'))))
            break
          case 'count':
            lines.push(SAY.count(what(metric), period.label, rows.length))
            break
          case 'average':
            lines.push(SAY.average(what(metric), period.label, averageOf(rows, metric, input.unit), rows.length))
            break
          case 'below':
          case 'above': {
            // "Did my sugar go below 70 this week?": the readings past the patient's number, with when.
            const limit = input.threshold ?? (stat === 'below' ? 70 : 180)
            const past = rows.filter((e) => (stat === 'below' ? primaryValue(e, metric)! < limit : primaryValue(e, metric)! > limit))
            lines.push(SAY.beyond(what(metric), period.label, stat, limit, past.map((e) => `${shown(e)} at ${when(e)}`)))
            continue
          }
          case 'compare': {
            // "Is my BP better this week than last week?": the averages of this period and the one before.
            const before = previousPeriod(input.period ?? 'this_week', ctx.now, ctx.timezone)
            const earlier = ((await store.scan(ctx.userId, { kinds: ['vitals'], from: dayRange(before.from, ctx.timezone).start, to: dayRange(before.to, ctx.timezone).end })) as unknown as HealthEvent<'vitals'>[])
              .filter((e) => (!input.context || e.payload.blood_sugar_context === input.context) && readingOf(e, metric))
            if (earlier.length === 0) {
              lines.push(SAY.noneBefore(what(metric), before.label))
              break
            }
            const mean = (xs: HealthEvent<'vitals'>[]) => xs.reduce((a, e) => a + primaryValue(e, metric)!, 0) / xs.length
            const change = mean(rows) - mean(earlier)
            const direction = Math.abs(change) <= NOISE[metric] ? 'steady' : change > 0 ? 'up' : 'down'
            lines.push(SAY.compared(what(metric), period.label, averageOf(rows, metric, input.unit), rows.length, before.label, averageOf(earlier, metric, input.unit), earlier.length, direction, metric))
            continue
          }
          case 'trend': {
            const t = trendOf(series, NOISE[metric])
            if (t) lines.push(SAY.trend(what(metric), t.direction, shown(rows[0]!), when(rows[0]!), shown(rows.at(-1)!), when(rows.at(-1)!), metric, Math.abs(t.change)))
            break
          }
        }
        const listed = said.slice(-8)
        lines.push(SAY.list(what(metric), period.label, listed, said.length - listed.length))
      }
      return toolResult(lines.join(' '), { period, readings })
    },
    {
      name: 'get_vitals_history',
      description:
        "Answer a question about the patient's own readings from the record, with dates and numbers: what they were (\"my BP " +
        'yesterday"), the last one, the average, the highest or lowest, how many, the trend ("is my fasting sugar getting ' +
        'better?"), or the last high one ("when did I last have fever?"). Answer only from what it returns.',
      schema: z.object({
        metric: z.enum(METRICS).optional().describe('Leave out for every kind of reading'),
        period: PeriodSchema.optional().describe('Default: the last 7 days (30 for "last")'),
        stat: z
          .enum(['list', 'last', 'last_high', 'average', 'highest', 'lowest', 'count', 'trend', 'compare', 'below', 'above'])
          .optional()
          .describe('Default: list them. compare: this period against the one before ("better than last week?"); below/above: readings past threshold'),
        threshold: z.number().min(0).max(1000).optional().describe('For below/above: the number the patient named ("below 70")'),
        context: VitalsPayload.shape.blood_sugar_context.describe('Only sugar readings of this context, e.g. fasting'),
        unit: z.enum(['mmol/L', 'F', 'lb']).optional().describe('Show sugar, temperature or weight in this unit'),
      }),
    },
  )

  return [logVitals, history, ...entryEditTools(store, vitalsEditor)]
}
