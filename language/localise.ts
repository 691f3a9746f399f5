import type { ReplyLanguage } from './patient-language.js'

export type { ReplyLanguage } from './patient-language.js'

/** One reply text in every language Podd answers in; a function when it has values to fill in. */
export type Template<P> = string | ((params: P) => string)
export type Localised<P = void> = Record<ReplyLanguage, Template<P>>

/**
 * A catalogue of reply texts keyed by message id. Every agent, the safety layer and the
 * policy guards keep their patient-facing words in one of these, so every reply exists in
 * English, Hindi (Devanagari) and romanised Hindi, and a missing translation is a type error.
 */
export function defineTexts<T extends Record<string, Localised<any>>>(texts: T): T {
  return texts
}

/**
 * An agent's replies object (ids → texts or functions of positional values) in every reply
 * language: the English object, and the same shape in Hindi and romanised Hindi, so a missing
 * translation is a type error. Tools pick the turn's language once: `const SAY = replies(lang)`.
 */
export function inLanguages<T>(texts: Record<ReplyLanguage, T>): (language?: ReplyLanguage) => T {
  return (language = 'en') => texts[language] ?? texts.en
}

/** The text of one catalogue entry in a language, with its values filled in. */
export function say(entry: Localised<void>, language: ReplyLanguage): string
export function say<P>(entry: Localised<P>, language: ReplyLanguage, params: P): string
export function say<P>(entry: Localised<P>, language: ReplyLanguage, params?: P): string {
  const template = entry[language] ?? entry.en
  return typeof template === 'function' ? template(params as P) : template
}

/**
 * The names of the values an entry's text uses in a language, found by rendering it with a
 * recording stand-in. Tests use it to check that every language fills in the same values.
 */
export function placeholders(entry: Localised<any>, language: ReplyLanguage): string[] {
  const template = entry[language]
  if (typeof template !== 'function') return []
  const used = new Set<string>()
  const recorder: any = new Proxy(
    {},
    {
      get: (_t, key) => {
        if (typeof key !== 'string') return undefined
        used.add(key)
        // Reads as text ("<name>") and as a list (of one), so templates that trim, join or map work too.
        const list = [`<${key}>`]
        return Object.assign(new String(`<${key}>`), { map: list.map.bind(list), join: list.join.bind(list), some: list.some.bind(list) })
      },
    },
  )
  try {
    template(recorder)
  } catch {
    // A template that computes with its values (plurals, lists) still reports what it read.
  }
  return [...used].sort()
}
