import { z } from 'zod'
import type { Issue } from './errors.js'

// NUL cannot be stored in PostgreSQL text or jsonb, and a lone UTF-16 surrogate is not Unicode
// at all (jsonb refuses it, UTF-8 cannot encode it). In `u` mode a well-formed surrogate pair is
// one code point, so \p{Cs} matches only the lone halves.
const UNSTORABLE = /\u0000|\p{Cs}/u

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired surrogates'

/** Whether a string can be stored and sent on as text. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value)
}

/** Text we generate (a model's reply) made storable: NUL and unpaired surrogates become U+FFFD. */
export function toStorableText(value: string): string {
  return isStorableText(value) ? value : value.replace(new RegExp(UNSTORABLE.source, 'gu'), '\uFFFD')
}

/**
 * The shared text schema: any string a client sends. `Text.min(1).max(4000)` and the like keep
 * working, as zod keeps refinements through later checks.
 */
export const Text = z.string().refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE })

/**
 * Every string (and object key) in a JSON-like value that `Text` would refuse, with its path.
 * Walks without recursion, so a deeply nested body cannot overflow the stack.
 */
export function unstorableTextIssues(value: unknown, root = ''): Issue[] {
  const issues: Issue[] = []
  const pending: [unknown, string][] = [[value, root]]
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key))
  while (pending.length > 0) {
    const [v, path] = pending.pop()!
    if (typeof v === 'string') {
      if (!isStorableText(v)) issues.push({ path, message: UNSTORABLE_TEXT_MESSAGE, code: 'invalid_text' })
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => pending.push([item, join(path, i)]))
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        if (!isStorableText(key)) issues.push({ path: join(path, '(key)'), message: UNSTORABLE_TEXT_MESSAGE, code: 'invalid_text' })
        pending.push([item, join(path, key)])
      }
    }
  }
  return issues
}
