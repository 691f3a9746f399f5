import type { ExpectedEventSpec } from './dataset-schema.js'
import { resolveRelativeTime } from './relative-time.js'

/**
 * How an expected event matches a written one. Same kind, and every expected field is in the
 * payload:
 * - strings compare case-insensitively after trimming; `name` and `medication_name` match by
 *   containment either way ("metformin" ~ "Metformin 500 mg", food "roti" ~ "rotis")
 * - numbers within the field's tolerance (default 0.05, enough for values rounded to 1 decimal)
 * - arrays are subsets: each expected element matches a different actual element
 * - objects match field by field, recursively
 * - operators: {"$contains": s}, {"$regex": s}, {"$in": [alternatives]}, {"$exists": bool},
 *   {"$gte": n}, {"$lte": n}
 * Events are paired one to one (maximum bipartite matching), so two expected rotis cannot both
 * claim one written event.
 */

export interface ActualEvent {
  kind: string
  payload: Record<string, unknown>
  occurred_at: string
  /** The event's context id (kept by its corrections), when known. */
  context_id?: string
}

export interface MatchContext {
  now: Date
  tz: string
}

export interface EventMatchResult {
  expected: number
  actual: number
  /** Pairs found; each pair is one matched expected and one matched actual event. */
  matched: number
  /** Why each unmatched expected event found no partner. */
  missing: string[]
  /** Written events nothing expected. */
  unexpected: string[]
}

export const DEFAULT_TOLERANCE = 0.05
const DEFAULT_AT_TOLERANCE_MIN = 30
const CONTAINMENT_KEYS = new Set(['name', 'medication_name'])

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ')
const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v))

function isOperator(v: unknown): v is Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false
  const keys = Object.keys(v)
  return keys.length > 0 && keys.every((k) => k.startsWith('$'))
}

type Operator = Record<string, unknown>

function operatorMismatch(op: Operator, actual: unknown, key: string, tol: Tolerances, at: string): string | null {
  for (const [name, arg] of Object.entries(op)) {
    const fail = (what: string) => `${at}: expected ${what}, got ${show(actual)}`
    switch (name) {
      case '$contains':
        if (typeof actual !== 'string' || !norm(actual).includes(norm(String(arg)))) {
          return fail(`text containing ${show(arg)}`)
        }
        break
      case '$regex':
        if (typeof actual !== 'string' || !new RegExp(String(arg), 'i').test(actual)) {
          return fail(`text matching /${arg}/`)
        }
        break
      case '$in':
        if (!(arg as unknown[]).some((alt) => valueMismatch(alt, actual, key, tol, at) === null)) {
          return fail(`one of ${show(arg)}`)
        }
        break
      case '$exists':
        if ((actual !== undefined && actual !== null) !== arg) return fail(arg ? 'a value' : 'no value')
        break
      case '$gte':
        if (typeof actual !== 'number' || actual < Number(arg)) return fail(`≥ ${arg}`)
        break
      case '$lte':
        if (typeof actual !== 'number' || actual > Number(arg)) return fail(`≤ ${arg}`)
        break
      default:
        return `${at}: unknown operator ${name}`
    }
  }
  return null
}

type Tolerances = Record<string, number>

/** Null when `actual` satisfies `expected`, else the first reason it does not. */
export function valueMismatch(expected: unknown, actual: unknown, key: string, tol: Tolerances, at = key): string | null {
  if (isOperator(expected)) return operatorMismatch(expected, actual, key, tol, at)
  const fail = () => `${at}: expected ${show(expected)}, got ${show(actual)}`
  if (expected === null) return actual === null || actual === undefined ? null : fail()
  if (typeof expected === 'number') {
    const within = typeof actual === 'number' && Math.abs(actual - expected) <= (tol[key] ?? DEFAULT_TOLERANCE) + 1e-9
    return within ? null : fail()
  }
  if (typeof expected === 'string') {
    if (typeof actual !== 'string') return fail()
    const [e, a] = [norm(expected), norm(actual)]
    if (e === a) return null
    return CONTAINMENT_KEYS.has(key) && (a.includes(e) || e.includes(a)) && a !== '' ? null : fail()
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return fail()
    const fits = (i: number, j: number) => valueMismatch(expected[i], actual[j], key, tol) === null
    const pairs = maxMatching(expected.length, actual.length, fits)
    if (pairs.size === expected.length) return null
    const missing = expected.filter((_, i) => !pairs.has(i))
    return `${at}: expected to include ${missing.map(show).join(', ')}, got ${show(actual)}`
  }
  if (typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return fail()
    for (const [k, v] of Object.entries(expected)) {
      const reason = valueMismatch(v, (actual as Record<string, unknown>)[k], k, tol, `${at}.${k}`)
      if (reason) return reason
    }
    return null
  }
  return expected === actual ? null : fail()
}

/** Every reason an actual event is not the expected one; empty when it matches. */
export function eventMismatches(exp: ExpectedEventSpec, act: ActualEvent, ctx: MatchContext): string[] {
  if (exp.kind !== act.kind) return [`kind: expected ${exp.kind}, got ${act.kind}`]
  const tol = exp.tolerance ?? {}
  const reasons: string[] = []
  for (const [k, v] of Object.entries(exp.fields)) {
    const reason = valueMismatch(v, act.payload[k], k, tol, `${exp.kind}.${k}`)
    if (reason) reasons.push(reason)
  }
  if (exp.at) {
    const want = resolveRelativeTime(exp.at, ctx.now, ctx.tz)
    const off = Math.abs(new Date(act.occurred_at).getTime() - want.getTime()) / 60_000
    if (off > (exp.at_tolerance_minutes ?? DEFAULT_AT_TOLERANCE_MIN)) {
      reasons.push(`${exp.kind}.occurred_at: expected ${exp.at} (${want.toISOString()}), got ${act.occurred_at}`)
    }
  }
  return reasons
}

/** Maximum bipartite matching (Kuhn's augmenting paths); returns left index → right index. */
export function maxMatching(left: number, right: number, ok: (i: number, j: number) => boolean): Map<number, number> {
  const edges = Array.from({ length: left }, (_, i) => Array.from({ length: right }, (_, j) => j).filter((j) => ok(i, j)))
  const owner = new Array<number>(right).fill(-1)
  const augment = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]!) {
      if (seen[j]) continue
      seen[j] = true
      if (owner[j] === -1 || augment(owner[j]!, seen)) {
        owner[j] = i
        return true
      }
    }
    return false
  }
  for (let i = 0; i < left; i++) augment(i, new Array<boolean>(right).fill(false))
  const pairs = new Map<number, number>()
  owner.forEach((i, j) => i >= 0 && pairs.set(i, j))
  return pairs
}

export function describeEvent(e: ActualEvent, max = 200): string {
  const { reported: _reported, ...payload } = e.payload
  const text = `${e.kind} ${JSON.stringify(payload)}`
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

export function matchEvents(expected: ExpectedEventSpec[], actual: ActualEvent[], ctx: MatchContext): EventMatchResult {
  const reasons = expected.map((e) => actual.map((a) => eventMismatches(e, a, ctx)))
  const pairs = maxMatching(expected.length, actual.length, (i, j) => reasons[i]![j]!.length === 0)
  const takenActual = new Set(pairs.values())
  const missing = expected.flatMap((e, i) => {
    if (pairs.has(i)) return []
    // The nearest unclaimed event of the same kind explains the miss best.
    const candidates = actual
      .map((a, j) => ({ a, j, why: reasons[i]![j]! }))
      .filter((c) => c.a.kind === e.kind && !takenActual.has(c.j))
      .sort((x, y) => x.why.length - y.why.length)
    const best = candidates[0]
    return [best ? best.why.join('; ') : `no ${e.kind} event was written (expected ${JSON.stringify(e.fields)})`]
  })
  const unexpected = actual.filter((_, j) => !takenActual.has(j)).map((a) => describeEvent(a))
  return { expected: expected.length, actual: actual.length, matched: pairs.size, missing, unexpected }
}
