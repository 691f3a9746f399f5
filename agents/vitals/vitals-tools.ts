import { tool, type ToolRuntime } from '@langchain/core/tools'
import { z } from 'zod'
import type { VitalsFlags } from '../../memory/clinical-thresholds.js'
import { type PayloadOf, VitalsPayload } from '../../memory/event-kinds.js'
import type { HealthEvent, HealthEventStore } from '../../memory/event-store.js'
import { dayRange } from '../../memory/local-time.js'
import { writeEvent, toolResult } from '../../tools/event-writer.js'
import { PeriodSchema, periodDates, spokenDay, spokenTime } from '../../tools/periods.js'
import { turnContext } from '../../tools/tool-context.js'
import { loggedAt } from '../../tools/when.js'

const METRICS = ['blood_pressure', 'blood_sugar', 'heart_rate', 'temperature', 'spo2', 'weight'] as const
type Metric = (typeof METRICS)[number]

type Vitals = PayloadOf<'vitals'>

/** What to do about a reading, in plain words; never a change of medicine. */
export function adviceFor(flags: VitalsFlags): string[] {
  const advice: string[] = []
  if (flags.blood_pressure?.category === 'crisis') {
    advice.push(
      'That is very high. Please sit quietly for 5 minutes and measure again. ' +
        'Do you have chest pain, shortness of breath, back pain, numbness, weakness, blurred vision or difficulty speaking? ' +
        'If you do, call 112 or 108 now.',
    )
  } else if (flags.blood_pressure?.category === 'stage_2') {
    advice.push('That is high. Rest for 5 minutes and measure again; if it stays this high, tell your doctor.')
  } else if (flags.blood_pressure?.category === 'hypotension') {
    advice.push('Sit or lie down, drink some water, and measure again. If you feel faint or dizzy, tell someone near you.')
  }
  if (flags.blood_sugar?.category === 'level_2_low') {
    advice.push(
      'This is dangerously low. Take 15–20 g of fast sugar now (half a glass of fruit juice or 3 teaspoons of sugar in water) ' +
        'and check again in 15 minutes. If you feel confused or very drowsy, call 112 or 108.',
    )
  } else if (flags.blood_sugar?.category === 'level_1_low') {
    advice.push('Take 15 g of fast sugar (half a glass of juice or 3 teaspoons of sugar in water) and check again in 15 minutes.')
  } else if (flags.blood_sugar?.category === 'very_high') {
    advice.push(
      'That is very high. Drink water and check again. If you are vomiting, confused or breathless, get medical care now, ' +
        'and tell your doctor about this reading today.',
    )
  } else if (flags.blood_sugar?.category === 'high') {
    advice.push('Drink water, check again in a while, and mention it to your doctor if it stays high.')
  }
  if (flags.spo2?.category === 'critical' || flags.spo2?.category === 'low') {
    advice.push(
      'Sit still with warm hands and measure again. If you are breathless, your lips look blue or it stays below 92%, call 112 or 108.',
    )
  }
  if (flags.heart_rate?.category === 'very_high' || flags.heart_rate?.category === 'very_low') {
    advice.push('Rest for a few minutes and measure again. If you feel faint, have chest pain or are breathless, call 112 or 108.')
  }
  if (flags.temperature?.category === 'high_fever' || flags.temperature?.category === 'very_high_fever') {
    advice.push('Drink fluids and call your doctor today. With a stiff neck, confusion, a rash or breathing trouble, get care now.')
  } else if (flags.temperature?.category === 'fever') {
    advice.push('Rest and drink plenty of fluids, and check your temperature again in a few hours.')
  }
  return advice
}

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

/** Tools of the vitals agent: record readings and read them back. */
export function vitalsTools(store: HealthEventStore) {
  const logVitals = tool(
    async (input, runtime: ToolRuntime) => {
      const ctx = turnContext(runtime)
      const { when, blood_sugar_unit, temperature_unit, weight, weight_unit, ...fields } = input
      const payload: Record<string, unknown> = { ...fields }
      if (weight !== undefined) payload.weight_kg = weight
      const units: Record<string, string> = {}
      if (blood_sugar_unit) units.blood_sugar = blood_sugar_unit
      if (temperature_unit) units.temperature = temperature_unit
      if (weight_unit) units.weight_kg = weight_unit
      if (Object.keys(units).length) payload.units = units
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
      schema: VitalsPayload.pick({
        blood_pressure_systolic: true,
        blood_pressure_diastolic: true,
        heart_rate: true,
        blood_sugar: true,
        blood_sugar_context: true,
        temperature: true,
        spo2: true,
        symptoms: true,
        notes: true,
      }).extend({
        blood_sugar_unit: z.enum(['mg/dL', 'mmol/L']).optional(),
        temperature_unit: z.enum(['C', 'F']).optional(),
        weight: VitalsPayload.shape.weight_kg.describe('In the unit the patient said (weight_unit)'),
        weight_unit: z.enum(['kg', 'lb']).optional(),
        symptoms: VitalsPayload.shape.symptoms.describe('Symptoms the patient mentioned with the reading'),
        when: z.string().max(100).optional().describe('When it was measured, in the patient\'s words; omit for now'),
      }),
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

  return [logVitals, history]
}
