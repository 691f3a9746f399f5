import { randomUUID } from 'node:crypto'
import { EVENT_KINDS, type EventKind } from '../memory/event-kinds.js'
import type { AppendInput, HealthEvent } from '../memory/event-store.js'
import type { ConversationService, TurnResult } from '../src/graph/turn-types.js'
import { substituteRefs, type EvalCase } from './dataset-schema.js'
import type { Judge } from './judge.js'
import { resolveRelativeTime } from './relative-time.js'
import { addedEvents, type LiveEvent, type RecordState } from './record-state.js'
import type { CaseResult, CaseRun, CheckResult, TurnRecord } from './results.js'
import { checkTurn, failureLines, SIDE_EFFECT_KINDS } from './turn-checks.js'

/**
 * Runs eval cases through a ConversationService — the same graph, tools and store the HTTP API
 * uses, called directly so an eval measures the assistant and not the transport.
 *
 * Isolation: every case run gets a new patient (a fresh user id) with the case's profile and
 * history seeded into the worker's in-memory store. The store keeps patients apart by user id
 * (nothing reads across patients), so this is equivalent to a fresh store per case while paying
 * PGlite's ~1 s start once per worker instead of once per case.
 *
 * Concurrency: a pool of workers, each with its own store and services, takes case runs from
 * one queue. With --repeat N every case runs N times, each time as a new patient.
 *
 * Time: each worker's services read the worker's own clock, set at the start of every case to
 * the case's `now` (or the run's) and moving with real time during the case, so turns keep
 * their order and a case's dose slots and "yesterday" never depend on when or where it ran.
 *
 * The record: before and after every turn the runner reads the patient's current view (every
 * kind but the side effects), so a case can check what a turn corrected, removed or added.
 */

export const DEFAULT_TZ = 'Asia/Kolkata'

export interface EvalWorker {
  conversation: ConversationService
  events: {
    append(userId: string, input: AppendInput<EventKind>): Promise<{ event: HealthEvent }>
    /** The current view (corrections applied, removed events left out), a page at a time. */
    list(
      userId: string,
      query: { kinds: EventKind[]; limit: number; cursor?: string },
    ): Promise<{ events: HealthEvent[]; next_cursor: string | null }>
  }
  close(): Promise<void>
}

/** A clock that can be set back to a case's now, then moves with real time. */
export interface CaseClock {
  now: () => Date
  set(at: Date): void
}

export function caseClock(anchor: Date): CaseClock {
  let base = anchor.getTime()
  let start = performance.now()
  return {
    now: () => new Date(base + Math.round(performance.now() - start)),
    set(at) {
      base = at.getTime()
      start = performance.now()
    },
  }
}

export interface RunnerOptions {
  /** Builds a worker whose services read the given clock (one clock per worker). */
  createWorker: (clock: () => Date) => Promise<EvalWorker>
  /** The run's now; a case's own `now` replaces it for that case. */
  now: Date
  concurrency?: number
  repeat?: number
  /** The model name for cost estimates: "offline" or the OpenAI-compatible model. */
  modelName: string
  judge?: Judge
  onProgress?: (done: number, total: number, last: { id: string; passed: boolean }) => void
}

interface WorkItem {
  c: EvalCase
  repeat: number
}

/** Writes the case's profile and history for a new patient; returns the patient's time zone and the refs' context ids. */
export async function seedCase(
  worker: Pick<EvalWorker, 'events'>,
  userId: string,
  c: EvalCase,
  now: Date,
): Promise<{ tz: string; refs: Map<string, string> }> {
  const tz = typeof c.profile?.timezone === 'string' ? c.profile.timezone : DEFAULT_TZ
  if (c.profile) {
    const at = new Date(now.getTime() - 365 * 86_400_000)
    const profile = { payload: c.profile, source: 'api', context_id: 'profile', occurred_at: at } as const
    await worker.events.append(userId, { kind: 'profile', ...profile })
  }
  const refs = new Map<string, string>()
  for (const [i, h] of c.history.entries()) {
    const occurredAt = h.at ? resolveRelativeTime(h.at, now, tz) : h.occurred_at ? new Date(h.occurred_at) : now
    if (occurredAt.getTime() > now.getTime()) {
      throw new Error(`history.${i}: "${h.at ?? h.occurred_at}" is after the run's now (${now.toISOString()})`)
    }
    const payload = substituteRefs(h.payload, (name) => refs.get(name) ?? `$${name}`)
    try {
      const input = { kind: h.kind, payload, source: 'api' as const, occurred_at: occurredAt }
      const { event } = await worker.events.append(userId, input)
      if (h.ref) refs.set(h.ref, event.context_id)
    } catch (err) {
      throw new Error(`history.${i} (${h.kind}): ${(err as Error).message}`)
    }
  }
  return { tz, refs }
}

const RECORD_KINDS = EVENT_KINDS.filter((k) => !SIDE_EFFECT_KINDS.has(k))
const PAGE = 500

/** The patient's current record, by context id. */
export async function readRecord(worker: Pick<EvalWorker, 'events'>, userId: string): Promise<RecordState> {
  const state: RecordState = new Map()
  let cursor: string | undefined
  do {
    const page = await worker.events.list(userId, { kinds: RECORD_KINDS, limit: PAGE, ...(cursor ? { cursor } : {}) })
    for (const e of page.events) {
      const live: LiveEvent = {
        id: e.id,
        kind: e.kind,
        context_id: e.context_id,
        payload: e.payload as Record<string, unknown>,
        occurred_at: new Date(e.occurred_at).toISOString(),
      }
      state.set(e.context_id, live)
    }
    cursor = page.next_cursor ?? undefined
  } while (cursor)
  return state
}

const NO_MODEL = { provider: 'offline', fallback: false, fallback_reason: null, llm_calls: 0, input_tokens: 0, output_tokens: 0 } as const

const errorTurn = (c: EvalCase, index: number, error: string, latency: number): TurnRecord => ({
  index,
  message: c.turns[index]!.message,
  expect: c.turns[index]!.expect,
  reply: '',
  routes: [],
  events: [],
  emergency: false,
  model: { ...NO_MODEL, name: '' },
  latency_ms: latency,
  graph_ms: 0,
  refusal_detected: false,
  checks: [],
  error,
})

async function judgeCheck(judge: Judge | undefined, rubric: string, said: string[], reply: string): Promise<CheckResult> {
  if (!judge) return { kind: 'judge', status: 'skip', reason: 'no judge model configured (JUDGE_MODEL)' }
  try {
    const v = await judge.grade({ rubric, conversation: said, reply })
    return { kind: 'judge', status: v.pass ? 'pass' : 'fail', reason: `${v.cached ? '(cached) ' : ''}${v.comment}` }
  } catch (err) {
    // A judge outage says nothing about Podd: skipped checks are counted, not failed.
    return { kind: 'judge', status: 'skip', reason: `judge failed: ${(err as Error).message}` }
  }
}

/** One run of one case: a new patient, its history, then every turn in one thread. */
export async function runCase(
  worker: EvalWorker,
  clock: CaseClock,
  c: EvalCase,
  repeat: number,
  opts: RunnerOptions,
): Promise<CaseRun> {
  const userId = randomUUID()
  clock.set(c.now ? new Date(c.now) : opts.now)
  const now = clock.now()
  const turns: TurnRecord[] = []
  let tz: string
  let refs: Map<string, string>
  let record: RecordState
  const addedByTurn: LiveEvent[][] = []
  try {
    ;({ tz, refs } = await seedCase(worker, userId, c, now))
    record = await readRecord(worker, userId)
  } catch (err) {
    const error = `seeding failed: ${(err as Error).message}`
    return { repeat, passed: false, failures: [error], turns, error }
  }

  let threadId: string | undefined
  const said: string[] = []
  for (const [index, turn] of c.turns.entries()) {
    said.push(turn.message)
    const started = performance.now()
    let result: TurnResult
    try {
      result = await worker.conversation.run({
        userId,
        message: turn.message,
        threadId,
        source: c.source,
        requestId: `eval:${c.id}:${repeat}:${index}`,
      })
    } catch (err) {
      const where = (err as Error).stack?.split('\n').slice(0, 3).join(' ') ?? String(err)
      turns.push(errorTurn(c, index, where, performance.now() - started))
      break
    }
    const latency = performance.now() - started
    threadId = result.thread_id
    const events = result.events.map((e) => ({
      kind: e.kind,
      payload: e.payload as Record<string, unknown>,
      occurred_at: e.occurred_at,
      context_id: e.context_id,
    }))
    let after: RecordState
    try {
      after = await readRecord(worker, userId)
    } catch (err) {
      turns.push(errorTurn(c, index, `reading the record failed: ${(err as Error).message}`, latency))
      break
    }
    const change = { before: record, after, refs, addedByTurn: [...addedByTurn] }
    addedByTurn.push(addedEvents(record, after))
    record = after
    const seen = { reply: result.reply, routes: result.routes, events, emergency: result.emergency }
    const scored = checkTurn(turn.expect, { ...seen, record: change }, { now, tz })
    if (turn.expect.judge) scored.checks.push(await judgeCheck(opts.judge, turn.expect.judge, said, result.reply))
    const name = result.model.provider === 'offline' || result.model.fallback ? 'offline' : opts.modelName
    turns.push({
      index,
      message: turn.message,
      expect: turn.expect,
      ...seen,
      model: { ...result.model, name },
      latency_ms: Math.round(latency * 10) / 10,
      graph_ms: result.graph_ms,
      ...scored,
    })
  }
  const failures = failureLines(turns, c.turns.length > 1)
  const error = turns.find((t) => t.error)?.error
  return { repeat, passed: failures.length === 0 && !error, failures, turns, ...(error ? { error } : {}) }
}

/** Runs every case `repeat` times over a pool of workers; results keep the cases' order. */
export async function runCases(cases: EvalCase[], opts: RunnerOptions): Promise<CaseResult[]> {
  const repeat = Math.max(1, opts.repeat ?? 1)
  const queue: WorkItem[] = cases.flatMap((c) => Array.from({ length: repeat }, (_, r) => ({ c, repeat: r })))
  const runs = new Map<string, CaseRun[]>(cases.map((c) => [c.id, []]))
  const total = queue.length
  let next = 0
  let done = 0

  const work = async () => {
    const clock = caseClock(opts.now)
    const worker = await opts.createWorker(clock.now)
    try {
      while (next < queue.length) {
        const item = queue[next++]!
        const run = await runCase(worker, clock, item.c, item.repeat, opts)
        runs.get(item.c.id)!.push(run)
        opts.onProgress?.(++done, total, { id: item.c.id, passed: run.passed })
      }
    } finally {
      await worker.close()
    }
  }
  const size = Math.min(Math.max(1, opts.concurrency ?? 1), queue.length)
  await Promise.all(Array.from({ length: size }, work))

  return cases.map((c) => {
    const caseRuns = runs.get(c.id)!.sort((a, b) => a.repeat - b.repeat)
    const passes = caseRuns.filter((r) => r.passed).length
    return {
      id: c.id,
      set: c.set,
      ...(c.description ? { description: c.description } : {}),
      tags: c.tags,
      source: c.source,
      turns: c.turns.length,
      runs: caseRuns,
      passed: passes === caseRuns.length,
      flaky: passes > 0 && passes < caseRuns.length,
    }
  })
}

/** A clock that starts at `anchor` and moves with real time, so turns keep their order. */
export function anchoredClock(anchor: Date): () => Date {
  return caseClock(anchor).now
}
