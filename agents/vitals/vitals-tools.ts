import { tool, type ToolRuntime } from '@langchain/core/tools'
import { z } from 'zod'
import type { VitalsFlags } from '../../memory/clinical-thresholds.js'
import { type PayloadOf, VitalsPayload } from '../../memory/event-kinds.js'
import type { HealthEvent, HealthEventStore } from '../../memory/event-store.js'
import { dayRange } from '../../memory/local-time.js'
import { adviceFor } from './vitals-replies.js'
import { vitalsPayload } from './vitals-payload.js'
import { entryEditTools, payloadHas, type EntryEditor } from '../../tools/entry-edits.js'
import { writeEvent, toolResult } from '../../tools/event-writer.js'
import { PeriodSchema, periodDates, spokenDay, spokenTime } from '../../tools/periods.js'
import { turnContext } from '../../tools/tool-context.js'
import { loggedAt } from '../../tools/when.js'

const METRICS = ['blood_pressure', 'blood_sugar', 'heart_rate', 'temperature', 'spo2', 'weight'] as const
type Metric = (typeof METRICS)[number]

type Vitals = PayloadOf<'vitals'>

/** "BP 150/95: high blood pressure (stage 2)". */
export function describeReading(p: Vitals, flags: VitalsFlags | null): string[] {
  const parts: string[] = []
  if (p.blood_pressure_systolic !== undefined) {
    parts.push(`BP ${p.blood_pressure_systolic}/${p.blood_pressure_diastolic}${flags?.blood_pressure ? `: ${flags.blood_pressure.label}` : ''}`)
  }
  if (p.heart_rate !== undefined) parts.push(`pulse ${p.heart_rate}${flags?.heart_rate ? `: ${flags.heart_rate.label}` : ''}`)
  if (p.blood_sugar !== undefined) {
    const ctx = p.blood_sugar_context ? ` ${p.blood_sugar_context.replace('_', ' ')}` : ''
    const said = p.reported?.blood_sugar ? ` (${p.reported.blood_sugar.value} ${p.reported.blood_sugar.unit})` : ''
    parts.push(`sugar${ctx} ${p.blood_sugar} mg/dL${said}${flags?.blood_sugar ? `: ${flags.blood_sugar.label}` : ''}`)
  }
  if (p.temperature !== undefined) {
    const said = p.reported?.temperature ? ` (${p.reported.temperature.value}${p.reported.temperature.unit})` : ''
    parts.push(`temperature ${p.temperature}°C${said}${flags?.temperature ? `: ${flags.temperature.label}` : ''}`)
  }
  if (p.spo2 !== undefined) parts.push(`oxygen ${p.spo2}%${flags?.spo2 ? `: ${flags.spo2.label}` : ''}`)
  if (p.weight_kg !== undefined) {
    const said = p.reported?.weight_kg ? ` (${p.reported.weight_kg.value} ${p.reported.weight_kg.unit})` : ''
    parts.push(`weight ${p.weight_kg} kg${said}`)
  }
  if (p.hba1c !== undefined) parts.push(`HbA1c ${p.hba1c}%`)
  return parts
}

function readingOf(e: HealthEvent<'vitals'>, metric: Metric): string | undefined {
  const p = e.payload
  switch (metric) {
    case 'blood_pressure':
      return p.blood_pressure_systolic !== undefined ? `${p.blood_pressure_systolic}/${p.blood_pressure_diastolic}` : undefined
    case 'blood_sugar':
      return p.blood_sugar !== undefined ? `${p.blood_sugar} mg/dL${p.blood_sugar_context ? ` ${p.blood_sugar_context.replace('_', ' ')}` : ''}` : undefined
    case 'heart_rate':
      return p.heart_rate !== undefined ? `${p.heart_rate} bpm` : undefined
    case 'temperature':
      return p.temperature !== undefined ? `${p.temperature}°C` : undefined
    case 'spo2':
      return p.spo2 !== undefined ? `${p.spo2}%` : undefined
    case 'weight':
      return p.weight_kg !== undefined ? `${p.weight_kg} kg` : undefined
  }
}

const METRIC_WORDS: Record<Metric, string> = {
  blood_pressure: 'blood pressure',
  blood_sugar: 'blood sugar',
  heart_rate: 'pulse',
  temperature: 'temperature',
  spo2: 'oxygen level',
  weight: 'weight',
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
  describe: (entry) => describeReading(entry.payload as Vitals, entry.flags).join(', '),
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
      const described = describeReading(event.payload, event.flags)
      const advice = event.flags ? adviceFor(event.flags) : []
      return toolResult([`Logged ${described.join(', ')}.`, ...advice].join(' '), {
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
      const period = periodDates(input.period ?? 'last_7_days', ctx.now, ctx.timezone)
      const from = dayRange(period.from, ctx.timezone).start
      const to = dayRange(period.to, ctx.timezone).end
      const events = (await store.scan(ctx.userId, { kinds: ['vitals'], from, to })) as unknown as HealthEvent<'vitals'>[]
      const metrics: Metric[] = input.metric ? [input.metric] : METRICS.filter((m) => events.some((e) => readingOf(e, m)))
      if (metrics.length === 0 || events.length === 0) {
        return toolResult(`You have no ${input.metric ? METRIC_WORDS[input.metric] + ' ' : ''}readings ${period.label}.`, { readings: [] })
      }
      const oneDay = period.from === period.to
      const lines: string[] = []
      const readings: Record<string, unknown>[] = []
      for (const metric of metrics) {
        const rows = events.filter((e) => readingOf(e, metric))
        if (rows.length === 0) {
          lines.push(`No ${METRIC_WORDS[metric]} readings ${period.label}.`)
          continue
        }
        const said = rows.map((e) => {
          const when = oneDay ? spokenTime(e.occurred_at, ctx.timezone) : `${spokenDay(e.occurred_at, ctx.timezone)} ${spokenTime(e.occurred_at, ctx.timezone)}`
          const flag = metric === 'blood_pressure' ? e.flags?.blood_pressure : metric === 'heart_rate' ? e.flags?.heart_rate : e.flags?.[metric as 'blood_sugar' | 'temperature' | 'spo2']
          readings.push({ metric, value: readingOf(e, metric), at: e.occurred_at, category: flag?.category ?? null })
          return `${readingOf(e, metric)} at ${when}${flag && flag.category !== 'normal' ? ` (${flag.label})` : ''}`
        })
        const shown = said.slice(-8)
        lines.push(
          `Your ${METRIC_WORDS[metric]} ${period.label}: ${shown.join('; ')}${said.length > shown.length ? ` (and ${said.length - shown.length} earlier)` : ''}.`,
        )
      }
      return toolResult(lines.join(' '), { period, readings })
    },
    {
      name: 'get_vitals_history',
      description: "Read the patient's own readings for a period, e.g. \"what was my BP yesterday\", \"my sugar this week\".",
      schema: z.object({
        metric: z.enum(METRICS).optional().describe('Leave out for every kind of reading'),
        period: PeriodSchema.optional().describe('Default: the last 7 days'),
      }),
    },
  )

  return [logVitals, history, ...entryEditTools(store, vitalsEditor)]
}
