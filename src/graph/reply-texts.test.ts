import { describe, expect, it } from 'vitest'
import { FOOD_TEXTS, foodReplies } from '../../agents/food/food-texts.js'
import { GENERAL_TEXTS, generalReplies } from '../../agents/general/general-texts.js'
import { HEALTH_INFO_TEXTS } from '../../agents/general/health-answers.js'
import { MEDICATION_TEXTS, medicationReplies } from '../../agents/medication/medication-texts.js'
import { VITALS_TEXTS, vitalsReplies } from '../../agents/vitals/vitals-texts.js'
import { placeholders, type Localised } from '../../language/localise.js'
import { GUARD_TEXTS } from './policy/guards.js'
import { SAFETY_TEXTS } from './safety/emergency-text.js'
import { messageLanguage } from '../../language/patient-language.js'
import { devanagariShare } from '../../language/script.js'

/** Every catalogue of reply texts, by name: what the patient reads, in each language. */
const CATALOGUES: Record<string, Record<string, Localised<any>>> = {
  safety: SAFETY_TEXTS,
  guards: GUARD_TEXTS,
  vitals: VITALS_TEXTS,
  food: FOOD_TEXTS,
  medication: MEDICATION_TEXTS,
  general: GENERAL_TEXTS,
  health: HEALTH_INFO_TEXTS,
}

const entries = Object.entries(CATALOGUES).flatMap(([name, texts]) => Object.entries(texts).map(([id, entry]) => [`${name}.${id}`, entry] as const))

/** A rendering with stand-in values, for the script checks. */
function sample(entry: Localised<any>, language: 'en' | 'hi' | 'hi-Latn'): string {
  const t = entry[language]
  if (typeof t === 'string') return t
  const list = ['X']
  const text = () => Object.assign(new String('X'), { map: list.map.bind(list), join: list.join.bind(list), some: list.some.bind(list) })
  const stand = new Proxy({}, { get: (_o, k) => (k === 'days' ? ['1', '2', '3', '4', '5', '6', '7'] : k === 'times' || k === 'unknown' ? [] : k === 'status' ? 'taken' : k === 'count' ? 2 : text()) })
  return t(stand)
}

describe('reply catalogues', () => {
  it.each(entries)('%s says in Hindi every value it says in English', (_id, entry) => {
    expect(placeholders(entry, 'hi')).toEqual(expect.arrayContaining(placeholders(entry, 'en')))
    expect(placeholders(entry, 'hi-Latn')).toEqual(expect.arrayContaining(placeholders(entry, 'en')))
  })

  it.each(entries)('%s is Devanagari in Hindi and Latin letters in romanised Hindi', (_id, entry) => {
    expect(sample(entry, 'hi')).toMatch(/\p{Script=Devanagari}/u)
    expect(sample(entry, 'hi-Latn')).not.toMatch(/\p{Script=Devanagari}/u)
    expect(sample(entry, 'en')).not.toMatch(/\p{Script=Devanagari}/u)
  })

  /** Pieces of a sentence (an entry, a dose), not replies of their own. */
  const FRAGMENTS = new Set(['food.mealEntry', 'food.waterEntry', 'medication.dose', 'medication.doseToday'])

  it.each(entries.filter(([id]) => !FRAGMENTS.has(id)))('%s reads as Hindi in both scripts and as English in English', (_id, entry) => {
    expect(devanagariShare(sample(entry, 'hi'))).toBeGreaterThanOrEqual(0.5)
    expect(messageLanguage(sample(entry, 'hi-Latn'))).toBe('hi-Latn')
    expect(messageLanguage(sample(entry, 'en'))).not.toBe('hi-Latn')
  })
})

describe('agent replies in every language', () => {
  const hybrid = () => {
    const list = ['X']
    return Object.assign(new String('X'), { map: list.map.bind(list), join: list.join.bind(list), some: list.some.bind(list) })
  }
  const profile = { name: 'X', medical_conditions: ['X'], allergies: ['X'], dietary_preferences: 'X' }
  const render = (reply: unknown): string =>
    typeof reply !== 'function' ? String(reply) : reply.length === 1 && reply.toString().includes('medical_conditions') ? String(reply(profile)) : String((reply as (...a: unknown[]) => unknown)(...Array.from({ length: 8 }, hybrid)))
  const replies = { vitals: vitalsReplies, medication: medicationReplies, food: foodReplies, general: generalReplies }
  const ids = Object.entries(replies).flatMap(([name, of]) => Object.keys(of('en') as object).map((id) => [`${name}.${id}`, of, id] as const))

  it.each(ids)('%s is said in Hindi (Devanagari) and in romanised Hindi', (_name, of, id) => {
    const get = (language: 'en' | 'hi' | 'hi-Latn') => render((of(language) as unknown as Record<string, unknown>)[id])
    expect(devanagariShare(get('hi'))).toBeGreaterThanOrEqual(0.5)
    expect(get('hi-Latn')).not.toMatch(/\p{Script=Devanagari}/u)
    expect(messageLanguage(get('hi-Latn'))).toBe('hi-Latn')
  })
})
