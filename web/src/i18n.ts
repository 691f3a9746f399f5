import { signal } from '@preact/signals'
import { en, hi, type MessageKey } from './messages'

/** The UI languages. Every string of the UI comes from the one catalogue in messages.ts. */
export type Lang = 'en' | 'hi'
export const LANGS: Lang[] = ['en', 'hi']
const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, hi }
const STORAGE_KEY = 'podd.lang'

function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY)
  if (saved === 'en' || saved === 'hi') return saved
  return navigator.language.toLowerCase().startsWith('hi') ? 'hi' : 'en'
}

export const lang = signal<Lang>(initialLang())

export function setLang(next: Lang): void {
  lang.value = next
  localStorage.setItem(STORAGE_KEY, next)
  document.documentElement.lang = next
}
document.documentElement.lang = lang.value

/** A message of the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = CATALOGUES[lang.value][key] ?? en[key] ?? key
  if (!vars) return text
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`))
}

/** BCP-47 locale for Intl formatting (Latin digits either way, as people in India write them). */
export const locale = () => (lang.value === 'hi' ? 'hi-IN' : 'en-IN')

/**
 * The `lang` attribute for a piece of text someone (or the server) wrote, when it differs from
 * the UI's: Devanagari is Hindi, Latin letters English.
 */
export function langAttr(text: string): Lang | undefined {
  const written: Lang | undefined = /[\u0900-\u097F]/.test(text) ? 'hi' : /[A-Za-z]/.test(text) ? 'en' : undefined
  return written && written !== lang.value ? written : undefined
}

export type { MessageKey }
