import type { BaseChatModel } from '@langchain/core/language_models/chat_models'
import { loadPrompt } from '../../graph/prompts.js'
import type { SummaryFacts } from './summary-facts.js'
import { summaryLang, templateNarrativeText } from './summary-text.js'

/**
 * The few sentences on top of a summary's facts. Offline it is a template filled from the
 * facts; with an LLM configured the model writes it from the facts JSON alone, and its text is
 * used only if every number in it is one of the facts' numbers and every missed medicine is
 * named — otherwise the template stands in, so the narrative never contradicts the facts.
 */

/** The offline narrative: the headline naming the day's reason, then what to do; only the facts. */
export function templateNarrative(f: SummaryFacts, language = 'en-IN'): string {
  return templateNarrativeText(f, summaryLang(language))
}

/** Numbers any narrative may write besides the facts': the emergency numbers of the fixed advice. */
const SAFETY_NUMBERS = [112, 108]

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
  const allowed = factNumbers(facts, new Set(SAFETY_NUMBERS))
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
  const template = { text: templateNarrative(facts, opts.language), generated_by: 'template' as const }
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
