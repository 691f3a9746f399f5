import type { BaseChatModel } from '@langchain/core/language_models/chat_models'
import { loadPrompt } from '../../graph/prompts.js'
import { vitalWords, type SummaryFacts } from './summary-facts.js'

/**
 * The few sentences on top of a summary's facts. Offline it is a template filled from the
 * facts; with an LLM configured the model writes it from the facts JSON alone, and its text is
 * used only if every number in it is one of the facts' numbers and every missed medicine is
 * named — otherwise the template stands in, so the narrative never contradicts the facts.
 */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
const versus = (v: number, unit: string, days: number) =>
  `${v === 0 ? 'the same as' : `${Math.abs(v)} ${unit} ${v > 0 ? 'higher' : 'lower'} than`} the previous ${days} days`

const OPENING = {
  ok: 'A steady day.',
  attention: 'A day that needs some attention.',
  urgent: 'An urgent day: please read the alerts.',
} as const

function doseSentence(m: SummaryFacts['medication']): string | undefined {
  if (m.scheduled === 0) return undefined
  if (m.taken === m.scheduled) {
    return m.scheduled === 1 ? 'The scheduled dose was taken.' : `All ${m.scheduled} doses taken.`
  }
  const parts = [`${m.taken} of ${plural(m.scheduled, 'dose')} taken`]
  if (m.missed_doses.length) parts.push(`missed: ${list(m.missed_doses.map((d) => `${d.name} at ${d.time}`))}`)
  if (m.skipped_doses.length) parts.push(`skipped: ${list(m.skipped_doses.map((d) => `${d.name} at ${d.time}`))}`)
  if (m.due_doses.length) parts.push(`still due: ${list(m.due_doses.map((d) => `${d.name} at ${d.time}`))}`)
  return `${parts.join('; ')}.`
}

function vitalsSentences({ vitals: v, baseline_days: days }: SummaryFacts): string[] {
  const out: string[] = []
  const bp = v.blood_pressure
  if (bp?.mean) {
    const avg = bp.readings.length === 1 ? '' : ' on average'
    const change = bp.change ? `, systolic ${versus(bp.change.systolic, 'mmHg', days)}` : ''
    out.push(`BP ${bp.mean.systolic}/${bp.mean.diastolic}${avg} (${plural(bp.readings.length, 'reading')})${change}.`)
  }
  const sugar = v.blood_sugar
  if (sugar?.mean != null) {
    const change = sugar.change !== null ? `, ${versus(sugar.change, 'mg/dL', days)}` : ''
    out.push(`Blood sugar ${sugar.mean} mg/dL${sugar.readings.length > 1 ? ' on average' : ''}${change}.`)
  }
  const others: string[] = []
  if (v.heart_rate?.mean != null) others.push(`pulse ${v.heart_rate.mean}`)
  if (v.temperature?.mean != null) others.push(`temperature ${v.temperature.mean} °C`)
  if (v.spo2?.mean != null) others.push(`oxygen ${v.spo2.mean}%`)
  if (v.weight_kg?.mean != null) others.push(`weight ${v.weight_kg.mean} kg`)
  if (others.length) out.push(`${others[0]![0]!.toUpperCase()}${list(others).slice(1)}.`)
  return out
}

/** The offline narrative: only the facts, in a fixed order. */
export function templateNarrative(f: SummaryFacts): string {
  const s: string[] = [OPENING[f.headline]]
  if (!f.checked_in) s.push('No check-in at all this day.')
  const serious = f.alerts.filter((a) => a.tier === 'emergency' || a.tier === 'urgent')
  const alerts = serious.map((a) => `${a.title} (${a.time})`)
  if (serious.length) s.push(`${serious.length === 1 ? 'Alert' : 'Alerts'}: ${list(alerts)}.`)
  const doses = doseSentence(f.medication)
  if (doses) s.push(doses)
  s.push(...vitalsSentences(f))
  const notTaken = f.readings_not_taken.map((r) => vitalWords(r.vital))
  if (notTaken.length) s.push(`No ${list(notTaken)} reading this day.`)
  if (f.meals.count) {
    const estimated = f.meals.calories_estimated ? ' (estimated)' : ''
    const kcal = f.meals.calories ? `, about ${f.meals.calories} kcal${estimated}` : ''
    s.push(`${plural(f.meals.count, 'meal')}${kcal}.`)
  } else if (f.checked_in) s.push('No meals logged.')
  if (f.water_ml) s.push(`${f.water_ml} ml of water.`)
  const slept = f.sleep.find((x) => x.duration_hours !== null)
  if (slept) s.push(`Slept ${slept.duration_hours} h${slept.quality ? ` (${slept.quality})` : ''}.`)
  if (f.mood.length) s.push(`Mood: ${list(f.mood.map((m) => m.mood.replace('_', ' ')))}.`)
  if (f.symptoms.length) s.push(`Mentioned: ${list(f.symptoms.map((x) => `“${x.name}”`))}.`)
  if (!f.complete) s.push(`So far, as of ${f.as_of_local}.`)
  return s.join(' ')
}

const NUMBER = /\d+(?:[.,]\d+)?/g

/** Every number the facts state: values, the digits in times and dates, and how many of each listed thing. */
function factNumbers(value: unknown, into = new Set<number>()): Set<number> {
  if (typeof value === 'number') into.add(value)
  else if (typeof value === 'string') for (const m of value.match(NUMBER) ?? []) into.add(Number(m.replace(',', '.')))
  else if (Array.isArray(value)) {
    into.add(value.length)
    for (const v of value) factNumbers(v, into)
  }
  else if (value && typeof value === 'object') for (const v of Object.values(value)) factNumbers(v, into)
  return into
}

/**
 * Whether a model's narrative may stand beside the facts: every number it writes is one of the
 * facts' numbers (times and dates included), and every missed medicine is named.
 */
export function narrativeFitsFacts(text: string, facts: SummaryFacts): boolean {
  const allowed = factNumbers(facts)
  // "1,650 kcal" is one number; thousands separators are not decimal commas.
  const numbers = (text.replace(/(\d),(\d{3})\b/g, '$1$2').match(NUMBER) ?? []).map((n) => Number(n.replace(',', '.')))
  if (!numbers.every((n) => allowed.has(n))) return false
  const lower = text.toLowerCase()
  return facts.medication.missed_doses.every((d) => lower.includes(d.name.toLowerCase()))
}

export interface Narrative {
  text: string
  generated_by: 'llm' | 'template'
}

/** The LLM's narrative when it is configured and faithful to the facts; the template otherwise. */
export async function writeNarrative(
  facts: SummaryFacts,
  opts: { model?: BaseChatModel; language: string; onFallback?: (reason: string) => void },
): Promise<Narrative> {
  const template = { text: templateNarrative(facts), generated_by: 'template' as const }
  if (!opts.model) return template
  try {
    const reply = await opts.model.invoke([
      { role: 'system', content: loadPrompt('summary') },
      { role: 'user', content: JSON.stringify({ language: opts.language, facts }) },
    ])
    const text = (typeof reply.content === 'string' ? reply.content : reply.text).trim()
    if (!text || text.length > 2000) {
      opts.onFallback?.('empty or too long')
      return template
    }
    if (!narrativeFitsFacts(text, facts)) {
      opts.onFallback?.('not faithful to the facts')
      return template
    }
    return { text, generated_by: 'llm' }
  } catch (err) {
    opts.onFallback?.(`model failed: ${(err as Error).name}`)
    return template
  }
}
