import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { EventKindSchema } from '../memory/event-kinds.js'
import { normalizePayload } from '../memory/normalize-payload.js'
import { AGENTS } from '../src/graph/turn-types.js'
import { isRelativeTime } from './relative-time.js'

/**
 * The shape of an eval case, one JSON object per line of evals/datasets/<set>.jsonl. A file
 * may start with a header line `{"$dataset": "<set>", "version": N, "description": "…"}`;
 * the version and a hash of the file go into every report so baselines compare like with like.
 */

export const SETS = [
  'routing',
  'queries',
  'safety',
  'refusals',
  'multi-turn',
  'voice',
  // Issue 12's behaviour classes, written blind to the parsers.
  'corrections',
  'doses',
  'med-setup',
  'readings-numbers',
  'history',
  'not-logged',
  'hindi',
  'pending-question',
  'safety-multilingual',
  'general-health',
  // Issue 12's second batch, written blind to the parsers.
  'corrections-b',
  'doses-b',
  'med-setup-b',
  'readings-numbers-b',
  'history-b',
  'hindi-b',
  'pending-question-b',
  'not-logged-b',
  // The held-out split (evals/fresh/): never run by default, never tuned on.
  'fresh',
] as const
export type SetName = (typeof SETS)[number]

const relativeTime = z.string().refine(isRelativeTime, 'must be a relative time like "-1d 09:30", "-3h" or "08:00"')

/** `medication_id: "$met"` is replaced by the context id of the history event with `ref: "met"`. */
const REF_RE = /^\$([a-z][a-z0-9_]*)$/

const HistoryEvent = z
  .object({
    kind: EventKindSchema,
    payload: z.record(z.string(), z.unknown()),
    ref: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a short lowercase name').optional(),
    occurred_at: z.iso.datetime({ offset: true }).optional(),
    at: relativeTime.optional(),
  })
  .strict()
  .refine((e) => !(e.occurred_at && e.at), 'give occurred_at or at, not both')

const ExpectedEvent = z
  .object({
    kind: EventKindSchema,
    /** Fields the written payload must contain; see match-events.ts for how values compare. */
    fields: z.record(z.string(), z.unknown()).default({}),
    /** Absolute numeric tolerance by field name (default 0.05). */
    tolerance: z.record(z.string(), z.number().nonnegative()).optional(),
    /** When it happened, relative to the run's now; matched within at_tolerance_minutes (default 30). */
    at: relativeTime.optional(),
    at_tolerance_minutes: z.number().positive().optional(),
  })
  .strict()

/**
 * An event that existed before a turn: `ref` names a history event, `turn` (1-based) the event
 * an earlier turn of the case wrote. `kind` and `where` pick among several (`where` matches the
 * payload the event had before this turn, like `fields`).
 */
const EventTarget = z
  .object({
    ref: z.string().regex(/^[a-z][a-z0-9_]*$/).optional(),
    turn: z.number().int().positive().optional(),
    kind: EventKindSchema.optional(),
    where: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((t) => (t.ref === undefined) !== (t.turn === undefined), 'give ref or turn, exactly one')

/** The target is still there, changed by this turn to hold `fields` (a correction, a reschedule). */
const CorrectedEvent = EventTarget.and(
  z.object({ fields: z.record(z.string(), z.unknown()), tolerance: z.record(z.string(), z.number().nonnegative()).optional() }),
)

/** Reply languages: English, Hindi in Devanagari, Hindi in Latin letters (see reply-language.ts). */
export const REPLY_LANGUAGES = ['en', 'hi', 'hi-latn'] as const

/** A string, or a list of alternatives of which one must appear. */
const TextCheck = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])

const regex = z.string().refine((s) => {
  try {
    new RegExp(s, 'i')
    return true
  } catch {
    return false
  }
}, 'must be a valid regular expression')

export const TurnExpect = z
  .object({
    routes: z.array(z.enum(AGENTS)).optional(),
    events: z.array(ExpectedEvent).optional(),
    /**
     * Nothing may be written (a question, a refusal): no event in the turn's result, and the
     * patient's current record (every kind but alerts, notifications, summaries and chat) is
     * the same after the turn as before it — nothing added, corrected or removed.
     */
    no_events: z.literal(true).optional(),
    /**
     * Earlier events this turn must have corrected (a new version of the same event holding
     * `fields`). Unless `events` is also given, the turn may add nothing new: a correction that
     * logs a second copy fails.
     */
    corrected: z.array(CorrectedEvent).optional(),
    /** Earlier events this turn must have removed (tombstoned); as with corrected, no new copy. */
    removed: z.array(EventTarget).optional(),
    /** The reply's language: en, hi (Devanagari) or hi-latn (romanised Hindi / Hinglish). */
    language: z.enum(REPLY_LANGUAGES).optional(),
    /** No events of these kinds may be written (no medication change on a dose question). */
    no_event_kinds: z.array(EventKindSchema).optional(),
    /** Unset means false: an emergency reply to a routine turn is a failure. "any" skips the check. */
    emergency: z.union([z.boolean(), z.literal('any')]).optional(),
    refusal: z.boolean().optional(),
    reply_contains: z.array(TextCheck).optional(),
    reply_matches: z.array(regex).optional(),
    reply_not_contains: z.array(z.string().min(1)).optional(),
    /** A rubric for the LLM judge; skipped when no judge model is configured. */
    judge: z.string().min(10).optional(),
  })
  .strict()
  .refine((e) => !(e.events?.length && e.no_events), 'events and no_events contradict each other')
  .refine((e) => !(e.no_events && (e.corrected?.length || e.removed?.length)), 'no_events contradicts corrected / removed')

const Turn = z.object({ message: z.string().min(1).max(4000), expect: TurnExpect.default({}) }).strict()

export const EvalCaseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, . _ -'),
    set: z.enum(SETS).optional(),
    description: z.string().optional(),
    /** Default: voice for the voice set, chat otherwise. */
    source: z.enum(['chat', 'voice']).optional(),
    profile: z.record(z.string(), z.unknown()).optional(),
    /**
     * The case's own "now" (ISO with offset): its history, expected times and the services'
     * clock start there, so a dose slot or "yesterday" does not depend on the run's --now.
     */
    now: z.iso.datetime({ offset: true }).optional(),
    history: z.array(HistoryEvent).default([]),
    turns: z.array(Turn).min(1).max(8),
    tags: z.array(z.string().min(1)).default([]),
  })
  .strict()

export type EvalCaseInput = z.input<typeof EvalCaseSchema>
export type HistoryEventSpec = z.output<typeof HistoryEvent>
export type ExpectedEventSpec = z.output<typeof ExpectedEvent>
export type TurnExpectation = z.output<typeof TurnExpect>
export type EventTargetSpec = z.output<typeof EventTarget>
export type CorrectedEventSpec = z.output<typeof CorrectedEvent>
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number]
export interface EvalCase extends Omit<z.output<typeof EvalCaseSchema>, 'set' | 'source'> {
  set: SetName
  source: 'chat' | 'voice'
}

const Header = z
  .object({ $dataset: z.enum(SETS), version: z.number().int().positive(), description: z.string().optional() })
  .strict()

export interface Dataset {
  name: SetName
  file: string
  version: number
  description?: string
  /** sha256 of the file's bytes, first 12 hex digits. */
  hash: string
  cases: EvalCase[]
}

export class DatasetError extends Error {
  override name = 'DatasetError'
  constructor(readonly problems: string[]) {
    super(`Invalid eval dataset:\n${problems.map((p) => `  ${p}`).join('\n')}`)
  }
}

const zodProblems = (where: string, err: z.ZodError) =>
  err.issues.map((i) => `${where}: ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)

/** A placeholder medication context id, to validate payloads whose refs are filled in at seeding. */
const PLACEHOLDER_REF = 'medication:00000000-0000-7000-8000-000000000000'

/** Replaces `"$name"` strings with `resolve(name)`, deeply. */
export function substituteRefs(value: unknown, resolve: (name: string) => string): unknown {
  if (typeof value === 'string') {
    const m = REF_RE.exec(value)
    return m ? resolve(m[1]!) : value
  }
  if (Array.isArray(value)) return value.map((v) => substituteRefs(v, resolve))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteRefs(v, resolve)]))
  }
  return value
}

/** Payloads are checked against the store's own schemas, so a bad dataset fails at load, not mid-run. */
function checkPayloads(c: EvalCase, where: string): string[] {
  const problems: string[] = []
  const refs = new Set<string>()
  if (c.profile) {
    try {
      normalizePayload('profile', c.profile)
    } catch (err) {
      problems.push(`${where}: profile: ${describe(err)}`)
    }
  }
  c.history.forEach((h, i) => {
    const payload = substituteRefs(h.payload, (name) => {
      if (!refs.has(name)) {
        problems.push(`${where}: history.${i}: "$${name}" refers to no earlier event with ref "${name}"`)
      }
      return PLACEHOLDER_REF
    })
    try {
      normalizePayload(h.kind, payload)
    } catch (err) {
      problems.push(`${where}: history.${i} (${h.kind}): ${describe(err)}`)
    }
    if (h.ref) {
      if (refs.has(h.ref)) problems.push(`${where}: history.${i}: ref "${h.ref}" is used twice`)
      refs.add(h.ref)
    }
  })
  return problems
}

/** A target names a history ref that exists, or a turn before the one that names it. */
function checkTargets(c: EvalCase, where: string): string[] {
  const refs = new Set(c.history.flatMap((h) => (h.ref ? [h.ref] : [])))
  return c.turns.flatMap((t, i) =>
    [...(t.expect.corrected ?? []), ...(t.expect.removed ?? [])].flatMap((target) => {
      if (target.ref !== undefined && !refs.has(target.ref)) {
        return [`${where}: turns.${i}: "${target.ref}" names no history event with that ref`]
      }
      if (target.turn !== undefined && target.turn > i) {
        return [`${where}: turns.${i}: turn ${target.turn} is not an earlier turn (turns count from 1)`]
      }
      return []
    }),
  )
}

function describe(err: unknown): string {
  const issues = (err as { issues?: { path: string; message: string }[] }).issues
  if (issues?.length) return issues.map((i) => `${i.path} ${i.message}`).join('; ')
  return err instanceof Error ? err.message : String(err)
}

/** Parses one JSONL dataset; every problem is reported as file:line, all at once. */
export function parseDataset(text: string, file: string): Dataset {
  const name = path.basename(file, '.jsonl') as SetName
  const problems: string[] = []
  if (!(SETS as readonly string[]).includes(name)) problems.push(`${file}: the file name must be one of ${SETS.join(', ')}`)
  const cases: EvalCase[] = []
  let version = 1
  let description: string | undefined
  const ids = new Map<string, number>()

  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`
    if (line.trim() === '') return
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch (err) {
      problems.push(`${where}: not valid JSON (${(err as Error).message})`)
      return
    }
    if (json && typeof json === 'object' && '$dataset' in json) {
      const header = Header.safeParse(json)
      if (!header.success) return void problems.push(...zodProblems(where, header.error))
      if (cases.length > 0) problems.push(`${where}: the header must be the first line`)
      if (header.data.$dataset !== name) problems.push(`${where}: header names "${header.data.$dataset}", file is ${name}`)
      version = header.data.version
      description = header.data.description
      return
    }
    const parsed = EvalCaseSchema.safeParse(json)
    if (!parsed.success) return void problems.push(...zodProblems(where, parsed.error))
    const raw = parsed.data
    if (raw.set && raw.set !== name) problems.push(`${where}: set "${raw.set}" does not match the file ${name}`)
    const first = ids.get(raw.id)
    if (first !== undefined) problems.push(`${where}: id "${raw.id}" is already used on line ${first}`)
    ids.set(raw.id, index + 1)
    const c: EvalCase = { ...raw, set: name, source: raw.source ?? (name === 'voice' ? 'voice' : 'chat') }
    problems.push(...checkPayloads(c, `${where} (${c.id})`), ...checkTargets(c, `${where} (${c.id})`))
    cases.push(c)
  })
  if (problems.length) throw new DatasetError(problems)
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12)
  return { name, file, version, description, hash, cases }
}

export const DATASET_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'datasets')
/** The held-out split (fresh.jsonl and its thresholds.json): run only with --fresh. */
export const FRESH_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fresh')

/** Loads the named sets (all when none are named) from a folder; unknown names are an error. */
export function loadDatasets(names: string[] = [], dir = DATASET_DIR): Dataset[] {
  const available = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => path.basename(f, '.jsonl'))
  const unknown = names.filter((n) => !available.includes(n))
  if (unknown.length) {
    throw new DatasetError([`unknown dataset ${unknown.join(', ')}; available: ${available.join(', ')}`])
  }
  const order = (n: string) => SETS.indexOf(n as SetName)
  const chosen = names.length ? [...new Set(names)] : available.sort((a, b) => order(a) - order(b))
  const problems: string[] = []
  const datasets: Dataset[] = []
  for (const n of chosen) {
    const file = path.join(dir, `${n}.jsonl`)
    try {
      datasets.push(parseDataset(fs.readFileSync(file, 'utf8'), path.relative(process.cwd(), file)))
    } catch (err) {
      if (err instanceof DatasetError) problems.push(...err.problems)
      else throw err
    }
  }
  const seen = new Map<string, string>()
  for (const d of datasets) {
    for (const c of d.cases) {
      const other = seen.get(c.id)
      if (other && other !== d.name) problems.push(`${d.file}: id "${c.id}" is also used in ${other}`)
      seen.set(c.id, d.name)
    }
  }
  if (problems.length) throw new DatasetError(problems)
  return datasets
}
